//! The OpenAPI description of a resource's five operations, built from its types and
//! [`Meta`](super::Meta), so every resource is documented the same way without hand-written
//! attributes.

use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem, Paths, PathsBuilder,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type as SchemaType};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, Ref, RefOr, Required, ResponseBuilder, Schema};
use utoipa::{IntoParams, ToSchema};

use super::list::Page;
use super::{Deleted, Resource};

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

/// (schemas, paths) for the collection and for the item.
pub fn paths<R: Resource>() -> ((Schemas, Paths), (Schemas, Paths)) {
    let meta = R::META;
    let record = R::Record::name();
    let type_name = pascal(meta.name);
    let plural_type = pascal(&meta.plural.replace(' ', "_"));

    let mut schemas = Schemas::new();
    collect::<R::Record>(&mut schemas);
    collect::<R::Create>(&mut schemas);
    collect::<R::Update>(&mut schemas);
    collect::<Deleted>(&mut schemas);

    let mut list_params = Page::into_params(|| Some(ParameterIn::Query));
    list_params.extend(R::Filter::into_params(|| Some(ParameterIn::Query)));
    let list = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("list{plural_type}")))
        .summary(Some(format!("List {}", meta.plural)))
        .description(Some(format!(
            "The organization's {}, newest first. Filters combine with AND. The body is a bare array; \
             when there is a next page, the `Link` header has its URL (`rel=\"next\"`). Needs `read:{}`.",
            meta.plural, meta.scope
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
                        .schema(Some(ArrayBuilder::new().items(Ref::from_schema_name(record.clone())).build()))
                        .build(),
                ),
        );
    let create = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("create{type_name}")))
        .summary(Some(format!("Create a {}", meta.name.replace('_', " "))))
        .description(Some(format!(
            "Writes a `{}.created` event in the same transaction. Needs `write:{}`. Send `Idempotency-Key` to make retries safe.",
            meta.name, meta.scope
        )))
        .request_body(Some(
            RequestBodyBuilder::new().content("application/json", json_ref(&R::Create::name())).required(Some(Required::True)).build(),
        ))
        .response("201", ResponseBuilder::new().description("Created").content("application/json", json_ref(&record)));
    let collection = PathsBuilder::new().path(meta.path, PathItem::new(HttpMethod::Get, list)).build();
    let mut collection = collection;
    collection.add_path_operation(meta.path, vec![HttpMethod::Post], create);

    let id_param = || {
        ParameterBuilder::new()
            .name("id")
            .parameter_in(ParameterIn::Path)
            .required(Required::True)
            .description(Some(format!("The {}'s id (`{}_…`)", meta.name.replace('_', " "), meta.id_prefix)))
            .schema(Some(ObjectBuilder::new().schema_type(SchemaType::String)))
            .build()
    };
    let item_path = format!("{}/{{id}}", meta.path);
    let get = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("get{type_name}")))
        .summary(Some(format!("Get a {}", meta.name.replace('_', " "))))
        .description(Some(format!("Needs `read:{}`.", meta.scope)))
        .parameter(id_param())
        .response("200", ResponseBuilder::new().description("Found").content("application/json", json_ref(&record)));
    let update = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("update{type_name}")))
        .summary(Some(format!("Update a {}", meta.name.replace('_', " "))))
        .description(Some(format!(
            "Changes only the fields sent (`null` clears an optional field). Writes `{}.updated` (and any \
             status event) when something changed. Needs `write:{}`.",
            meta.name, meta.scope
        )))
        .parameter(id_param())
        .request_body(Some(
            RequestBodyBuilder::new()
                .content("application/json", json_ref(&R::Update::name()))
                .required(Some(Required::True))
                .build(),
        ))
        .response("200", ResponseBuilder::new().description("Updated").content("application/json", json_ref(&record)));
    let delete = OperationBuilder::new()
        .tag(meta.tag)
        .operation_id(Some(format!("delete{type_name}")))
        .summary(Some(format!("Delete a {}", meta.name.replace('_', " "))))
        .description(Some(format!("Writes a `{}.deleted` event. Needs `write:{}`.", meta.name, meta.scope)))
        .parameter(id_param())
        .response(
            "200",
            ResponseBuilder::new().description("Deleted").content("application/json", json_ref("Deleted")),
        );
    let mut item = PathsBuilder::new().path(item_path.clone(), PathItem::new(HttpMethod::Get, get)).build();
    item.add_path_operation(&item_path, vec![HttpMethod::Patch], update);
    item.add_path_operation(&item_path, vec![HttpMethod::Delete], delete);

    ((schemas.clone(), collection), (schemas, item))
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
