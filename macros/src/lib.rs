//! Gable's derives, so a resource's fields are written once.
//!
//! - `#[derive(Columns)]` on a record: the `SELECT` list, the stored columns for the engine's
//!   `INSERT` and `UPDATE`, and the engine-managed `id`/`created_at`/`updated_at`, all from the
//!   struct's one field list (`gable::resource::Columns`).
//! - `#[patch_body]` on a `PATCH` body: every `Patch<T>` field may be left out and is
//!   documented as `T` in place.
//!
//! The generated code names `crate::…` paths: these derives serve the `gable` crate only.

use proc_macro::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, LitStr, Type, parse_macro_input};

/// Implements `crate::db::Columns` for a record with named fields (and
/// `crate::db::Stamped` when it has `created_at` and `updated_at`, which the engine's
/// writes need).
///
/// Every field is a column of the same name, stored and read, except:
/// - `id`, `created_at` and `updated_at`: read; written by the engine itself;
/// - `#[sqlx(skip)]`: computed, neither read nor stored;
/// - `#[sqlx(rename = "name")]`: the column's name;
/// - `#[column(select = "SQL")]`: read as `SQL AS field`, never stored (an expression over
///   other tables, with `$1` the organization);
/// - `#[column(read_only)]`: read, but written by its own statements, never by the engine
///   (a lease's credit, which the ledger keeps).
#[proc_macro_derive(Columns, attributes(column))]
pub fn derive_columns(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match columns(&input) {
        Ok(tokens) => tokens.into(),
        Err(err) => err.to_compile_error().into(),
    }
}

fn columns(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(input, "Columns: a record is a struct"));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(input, "Columns: a record has named fields"));
    };
    let mut select = Vec::new();
    let mut stored = Vec::new();
    let mut stamps = Vec::new();
    for field in &fields.named {
        let ident = field.ident.as_ref().expect("named field");
        let mut name = ident.to_string();
        let mut skip = false;
        let mut expression = None;
        let mut read_only = false;
        for attr in &field.attrs {
            if attr.path().is_ident("sqlx") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("skip") {
                        skip = true;
                    } else if meta.path.is_ident("rename") {
                        name = meta.value()?.parse::<LitStr>()?.value();
                    } else if meta.input.peek(syn::Token![=]) {
                        meta.value()?.parse::<syn::Expr>()?;
                    }
                    Ok(())
                })?;
            } else if attr.path().is_ident("column") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("select") {
                        expression = Some(meta.value()?.parse::<LitStr>()?.value());
                        Ok(())
                    } else if meta.path.is_ident("read_only") {
                        read_only = true;
                        Ok(())
                    } else {
                        Err(meta.error("expected `select = \"SQL\"` or `read_only`"))
                    }
                })?;
            }
        }
        if skip {
            continue;
        }
        match expression {
            Some(sql) => select.push(format!("{sql} AS {name}")),
            None => {
                select.push(name.clone());
                if let Some(stamp) = ["id", "created_at", "updated_at"].into_iter().find(|s| *s == name) {
                    stamps.push(stamp);
                } else if !read_only {
                    stored.push(quote! {
                        (#name, crate::vocab::values::Value::from(::core::clone::Clone::clone(&self.#ident)))
                    });
                }
            }
        }
    }
    if !stamps.contains(&"id") {
        return Err(syn::Error::new_spanned(&input.ident, "Columns: a record has an `id`"));
    }
    let stamped = stamps.contains(&"created_at") && stamps.contains(&"updated_at");
    let select = select.join(", ");
    let ident = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let stamps = stamped.then(|| {
        quote! {
            impl #impl_generics crate::db::Stamped for #ident #type_generics #where_clause {
                fn created_at(&self) -> crate::vocab::values::Timestamp {
                    self.created_at
                }

                fn set_updated_at(&mut self, at: crate::vocab::values::Timestamp) {
                    self.updated_at = at;
                }
            }
        }
    });
    Ok(quote! {
        impl #impl_generics crate::db::Columns for #ident #type_generics #where_clause {
            const SELECT: &'static str = #select;

            fn columns(&self) -> ::std::vec::Vec<(&'static str, crate::vocab::values::Value)> {
                ::std::vec![#(#stored),*]
            }

            fn id(&self) -> &str {
                &self.id
            }
        }

        #stamps
    })
}

/// Marks a `PATCH` body: each `Patch<T>` field gets `#[serde(default)]` (left out means
/// unchanged) and `#[schema(value_type = T)]` (documented as `T`: nullable only for
/// `Patch<Option<T>>`, never required) unless it names its own `value_type`. Put it above
/// the derives.
#[proc_macro_attribute]
pub fn patch_body(_args: TokenStream, item: TokenStream) -> TokenStream {
    let mut input = parse_macro_input!(item as DeriveInput);
    if let Data::Struct(data) = &mut input.data {
        for field in data.fields.iter_mut() {
            if let Some(value) = patched(&field.ty) {
                field.attrs.push(syn::parse_quote!(#[serde(default)]));
                if !field.attrs.iter().any(has_value_type) {
                    field.attrs.push(syn::parse_quote!(#[schema(value_type = #value)]));
                }
            }
        }
    }
    quote!(#input).into()
}

/// Whether a field already says how it is documented (`#[schema(value_type = …)]`).
fn has_value_type(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("schema") && quote!(#attr).to_string().contains("value_type")
}

/// `T` of a `Patch<T>` field.
fn patched(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last().filter(|s| s.ident == "Patch")?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    match args.args.first()? {
        syn::GenericArgument::Type(value) => Some(value),
        _ => None,
    }
}
