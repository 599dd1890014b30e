//! Cursor connections, as Relay and most GraphQL clients page: beside each list field
//! `properties(…)`, `propertiesConnection(first, after, …filters)` answers
//! `PropertyConnection { edges { cursor node } nodes pageInfo { hasNextPage endCursor … } }`.
//! A cursor is the record's id (the REST `startingAfter`), and the page is the REST list's.

use async_graphql::Value;
use async_graphql::dynamic::{Field, FieldFuture, FieldValue, Object, TypeRef};
use serde_json::{Value as Json, json};

/// The `PageInfo` every connection shares.
pub const PAGE_INFO: &str = "PageInfo";

/// `PageInfo`: Relay's four fields.
pub fn page_info() -> Object {
    Object::new(PAGE_INFO)
        .description("Where a page of a connection is: pass `endCursor` as `after` for the next page.")
        .field(scalar("hasNextPage", TypeRef::named_nn(TypeRef::BOOLEAN), "Whether a next page exists."))
        .field(scalar(
            "hasPreviousPage",
            TypeRef::named_nn(TypeRef::BOOLEAN),
            "Whether this page came `after` a cursor.",
        ))
        .field(scalar("startCursor", TypeRef::named(TypeRef::STRING), "The first edge's cursor."))
        .field(scalar(
            "endCursor",
            TypeRef::named(TypeRef::STRING),
            "The last edge's cursor: `after` for the next page.",
        ))
}

/// `<Type>Connection` and `<Type>Edge` for the object type `type_name`.
pub fn types(type_name: &str) -> [Object; 2] {
    let edge = format!("{type_name}Edge");
    [
        Object::new(format!("{type_name}Connection"))
            .description(format!("A page of {type_name} objects, with the cursors to page on."))
            .field(list("edges", &edge))
            .field(list("nodes", type_name))
            .field(object("pageInfo", PAGE_INFO)),
        Object::new(&edge)
            .field(scalar("cursor", TypeRef::named_nn(TypeRef::STRING), "This edge's place: `after` resumes past it."))
            .field(object("node", type_name)),
    ]
}

/// A connection's value: these records (a page), whether more follow, and the cursor it came after.
pub fn value(records: Vec<Json>, more: bool, after: Option<String>) -> FieldValue<'static> {
    let cursor = |record: &Json| record.get("id").cloned().unwrap_or(Json::Null);
    let edges: Vec<Json> = records.iter().map(|record| json!({"cursor": cursor(record), "node": record})).collect();
    let page_info = json!({
        "hasNextPage": more,
        "hasPreviousPage": after.is_some(),
        "startCursor": records.first().map(cursor),
        "endCursor": records.last().map(cursor),
    });
    FieldValue::owned_any(json!({"edges": edges, "nodes": records, "pageInfo": page_info}))
}

fn parent<'a>(ctx: &'a async_graphql::dynamic::ResolverContext<'_>, key: &str) -> Option<&'a Json> {
    ctx.parent_value.downcast_ref::<Json>().and_then(|parent| parent.get(key)).filter(|value| !value.is_null())
}

fn scalar(name: &'static str, ty: TypeRef, description: &str) -> Field {
    Field::new(name, ty, move |ctx| {
        FieldFuture::from_value(parent(&ctx, name).and_then(|value| Value::from_json(value.clone()).ok()))
    })
    .description(description)
}

fn object(name: &'static str, type_name: &str) -> Field {
    Field::new(name, TypeRef::named_nn(type_name), move |ctx| {
        let value = parent(&ctx, name).cloned().map(FieldValue::owned_any);
        FieldFuture::new(async move { Ok(value) })
    })
}

fn list(name: &'static str, type_name: &str) -> Field {
    Field::new(name, TypeRef::named_nn_list_nn(type_name), move |ctx| {
        let items = parent(&ctx, name).and_then(Json::as_array).cloned().unwrap_or_default();
        FieldFuture::new(async move { Ok(Some(FieldValue::list(items.into_iter().map(FieldValue::owned_any)))) })
    })
}
