//! The OpenAPI description of a resource's five operations, built from its types and
//! [`Meta`](super::Meta), so every resource is documented the same way without hand-written
//! attributes.

use axum::routing::{self, MethodRouter};
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, Parameter, ParameterBuilder, ParameterIn, PathItem, Paths, PathsBuilder,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type as SchemaType};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, Ref, RefOr, Required, ResponseBuilder, Schema};
use utoipa::{IntoParams, ToSchema};

use super::list::Page;
use super::{Creatable, Deletable, Deleted, Resource, Updatable, created_event, deleted_event};
use crate::state::AppState;

type Schemas = Vec<(String, RefOr<Schema>)>;

fn collect<T: ToSchema>(schemas: &mut Schemas) {
    schemas.push((T::name().into_owned(), T::schema()));
    T::schemas(schemas);
}

fn json_ref(name: &str) -> utoipa::openapi::Content {
    ContentBuilder::new().schema(Some(Ref::from_schema_name(name))).build()
}

/// `booking_link` → `BookingLink`; `booking links` → `BookingLinks`.
pub fn pascal(name: &str) -> String {
    name.split(['_', ' '])
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// camelCase, as GraphQL names a JSON field and the document an operation: `monthly_rent_usd`
/// → `monthlyRentUsd`, `list_categories` → `listCategories` (camelCase stays as it is); each
/// name of a field path too (`installments[0].due_date` → `installments[0].dueDate`).
pub fn camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' && !out.is_empty() && !out.ends_with(['.', '[']) {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a field or parameter names other objects by id (`id`, `unit_id`, `contactId`,
/// `tenant_ids`): the document gives its operation a 404, GraphQL types it `ID`.
pub fn names_an_object(name: &str) -> bool {
    name == "id" || ["_id", "Id", "_ids", "Ids"].iter().any(|suffix| name.ends_with(suffix))
}

/// The schema of a documentation-only string type (a scope, a webhook URL): what a body field
/// of type `String` that the server checks against `pattern` is documented as, with
/// `#[schema(value_type = …)]`.
pub fn pattern_string(pattern: impl Into<String>, description: &str, example: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::String)
        .pattern(Some(pattern))
        .description(Some(description))
        .examples([example])
}

/// One route: the schemas it names, its path item, and its handler.
pub type Documented = (Schemas, Paths, MethodRouter<AppState>);

/// "a property", "an application".
pub fn a(what: &str) -> String {
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {what}")
}

/// "booking link" for `booking_link`.
pub(super) fn what<R: Resource>() -> String {
    R::META.name.replace('_', " ")
}

fn type_name<R: Resource>() -> String {
    pascal(R::META.name)
}

fn id_param<R: Resource>() -> Parameter {
    let meta = R::META;
    ParameterBuilder::new()
        .name("id")
        .parameter_in(ParameterIn::Path)
        .required(Required::True)
        .description(Some(format!("The {}'s id (`{}_…`)", what::<R>(), meta.id_prefix)))
        .schema(Some(ObjectBuilder::new().schema_type(SchemaType::String)))
        .build()
}

fn item_path<R: Resource>() -> String {
    format!("{}/{{id}}", R::META.path)
}

fn one(path: &str, method: HttpMethod, operation: OperationBuilder) -> Paths {
    PathsBuilder::new().path(path, PathItem::new(method, operation)).build()
}

/// `GET {path}`: a page of records.
pub fn list<R: Resource>() -> Documented {
    let meta = R::META;
    let record = R::Record::name();
    let plural_type = pascal(&meta.plural.replace(' ', "_"));
    let mut schemas = Schemas::new();
    collect::<R::Record>(&mut schemas);
    let mut list_params = Page::into_params(|| Some(ParameterIn::Query));
    list_params.extend(R::Filter::into_params(|| Some(ParameterIn::Query)));
    let list = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("list{plural_type}")))
        .summary(Some(format!("List {}", meta.plural)))
        .description(Some(R::LIST_DOC.map_or_else(
            || {
                format!(
                    "The organization's {}, newest first. Filters combine with AND. The body is a bare array; \
                     when there is a next page, the `Link` header has its URL (`rel=\"next\"`). Needs `read:{}`.",
                    meta.plural, meta.scope
                )
            },
            str::to_owned,
        )))
        .parameters(Some(list_params))
        .response(
            "200",
            ResponseBuilder::new()
                .description(format!("A page of {}", meta.plural))
                .header(
                    "Link",
                    HeaderBuilder::new()
                        .schema(Some(ObjectBuilder::new().schema_type(SchemaType::String)))
                        .description(Some("`<…?startingAfter=…>; rel=\"next\"` when there are more"))
                        .build(),
                )
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(ArrayBuilder::new().items(Ref::from_schema_name(record)).build()))
                        .build(),
                ),
        );
    (schemas, one(meta.path, HttpMethod::Get, list), routing::get(super::list::<R>))
}

/// `GET {path}/{id}`.
pub fn get<R: Resource>() -> Documented {
    let meta = R::META;
    let record = R::Record::name();
    let mut schemas = Schemas::new();
    collect::<R::Record>(&mut schemas);
    let operation = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("get{}", type_name::<R>())))
        .summary(Some(format!("Get {}", a(&what::<R>()))))
        .description(Some(format!("Needs `read:{}`.", meta.scope)))
        .parameter(id_param::<R>())
        .response("200", ResponseBuilder::new().description("Found").content("application/json", json_ref(&record)));
    (schemas, one(&item_path::<R>(), HttpMethod::Get, operation), routing::get(super::get_one::<R>))
}

/// `POST {path}`.
pub fn create<R: Creatable>() -> Documented {
    let meta = R::META;
    let record = R::Record::name();
    let mut schemas = Schemas::new();
    collect::<R::Record>(&mut schemas);
    collect::<R::CreateBody>(&mut schemas);
    let operation = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("create{}", type_name::<R>())))
        .summary(Some(format!("Create {}", a(&what::<R>()))))
        .description(Some(R::CREATE_DOC.map_or_else(
            || {
                format!(
                    "Writes a `{}` event in the same transaction. Needs `write:{}`. Send `Idempotency-Key` to make \
                     retries safe.",
                    created_event::<R>(),
                    meta.scope
                )
            },
            str::to_owned,
        )))
        .request_body(Some(
            RequestBodyBuilder::new()
                .content("application/json", json_ref(&R::CreateBody::name()))
                .required(Some(Required::True))
                .build(),
        ))
        .response("201", ResponseBuilder::new().description("Created").content("application/json", json_ref(&record)));
    (schemas, one(meta.path, HttpMethod::Post, operation), routing::post(super::create::<R>))
}

/// `PATCH {path}/{id}`.
pub fn update<R: Updatable>() -> Documented {
    let meta = R::META;
    let record = R::Record::name();
    let mut schemas = Schemas::new();
    collect::<R::Record>(&mut schemas);
    collect::<R::UpdateBody>(&mut schemas);
    let operation = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("update{}", type_name::<R>())))
        .summary(Some(format!("Update {}", a(&what::<R>()))))
        .description(Some(format!(
            "Changes only the fields sent (`null` clears an optional field). Writes `{}.updated` (and any \
             status event) when something changed. Needs `write:{}`.",
            meta.name, meta.scope
        )))
        .parameter(id_param::<R>())
        .request_body(Some(
            RequestBodyBuilder::new()
                .content("application/json", json_ref(&R::UpdateBody::name()))
                .required(Some(Required::True))
                .build(),
        ))
        .response("200", ResponseBuilder::new().description("Updated").content("application/json", json_ref(&record)));
    (schemas, one(&item_path::<R>(), HttpMethod::Patch, operation), routing::patch(super::update::<R>))
}

/// `DELETE {path}/{id}`.
pub fn delete<R: Deletable>() -> Documented {
    let meta = R::META;
    let mut schemas = Schemas::new();
    collect::<Deleted>(&mut schemas);
    let operation = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("delete{}", type_name::<R>())))
        .summary(Some(format!("Delete {}", a(&what::<R>()))))
        .description(Some(format!("Writes a `{}` event. Needs `write:{}`.", deleted_event::<R>(), meta.scope)))
        .parameter(id_param::<R>())
        .response(
            "200",
            ResponseBuilder::new().description("Deleted").content("application/json", json_ref("Deleted")),
        );
    (schemas, one(&item_path::<R>(), HttpMethod::Delete, operation), routing::delete(super::delete::<R>))
}

#[cfg(test)]
mod tests {
    #[test]
    fn pascal_case() {
        assert_eq!(super::pascal("booking_link"), "BookingLink");
        assert_eq!(super::pascal("property"), "Property");
        assert_eq!(super::pascal("booking links"), "BookingLinks");
    }
}
