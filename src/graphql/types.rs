//! GraphQL types from JSON Schemas (the OpenAPI description of a resource's types).
//!
//! Strings, integers, numbers and booleans become `String`, `Int`, `Float` and `Boolean`;
//! arrays become lists; a `$ref` is followed to the named schema (a named enum of strings is
//! the GraphQL enum of that name when its values are GraphQL names, else a `String` whose
//! description lists them; `Money` a `Float` in dollars, `Timestamp` the `DateTime` scalar); fields that name objects by id are `ID`; anything else — nested objects,
//! unions — is the `JSON` scalar, passed through exactly as the REST body has it. A field is
//! non-null when the schema requires it and does not allow `null`. Field names are the JSON
//! names.

use std::collections::{HashMap, HashSet};

use async_graphql::Value;
use async_graphql::dynamic::{Field, FieldFuture, InputObject, InputValue, Object, TypeRef};
use serde_json::Value as Json;

use crate::resource::erased::{Described, FilterParam};
use crate::resource::{camel_case, names_an_object};

/// The scalar for values with no closer GraphQL type.
pub const JSON: &str = "JSON";

/// The scalar of instants (the REST `Timestamp`s: RFC 3339, returned in UTC).
pub const DATE_TIME: &str = "DateTime";

/// GraphQL name → JSON name, for the fields of a body.
pub fn json_names(described: &Described) -> HashMap<String, String> {
    json_names_of(&described.schema)
}

/// GraphQL name → JSON name, for the properties of an object schema.
pub fn json_names_of(schema: &Json) -> HashMap<String, String> {
    properties(schema).map(|(key, _)| (camel_case(key), key.clone())).collect()
}

/// An input object's fields renamed from their GraphQL names to the body's JSON names.
pub fn to_json_names(input: Json, names: &HashMap<String, String>) -> Json {
    match input {
        Json::Object(fields) => Json::Object(
            fields.into_iter().map(|(key, value)| (names.get(&key).cloned().unwrap_or(key), value)).collect(),
        ),
        other => other,
    }
}

/// `ty` with its `String` as `ID` when `key` names ids.
fn ids_as_id(key: &str, ty: TypeRef) -> TypeRef {
    if !names_an_object(key) {
        return ty;
    }
    match ty {
        TypeRef::Named(name) if name == TypeRef::STRING => TypeRef::named(TypeRef::ID),
        TypeRef::List(inner) => TypeRef::List(Box::new(ids_as_id(key, *inner))),
        TypeRef::NonNull(inner) => TypeRef::NonNull(Box::new(ids_as_id(key, *inner))),
        other => other,
    }
}

/// Named schemas, by name.
struct Components<'a>(HashMap<&'a str, &'a Json>);

impl<'a> Components<'a> {
    fn of(components: &'a [(String, Json)]) -> Components<'a> {
        Components(components.iter().map(|(name, schema)| (name.as_str(), schema)).collect())
    }

    fn resolve(&self, schema: &'a Json) -> Option<&'a Json> {
        let name = schema.get("$ref")?.as_str()?.rsplit('/').next()?;
        self.0.get(name).copied()
    }
}

/// The GraphQL type of a schema (never `NonNull` itself), and whether it allows `null`.
fn shape(schema: &Json, components: &Components<'_>, depth: usize) -> (TypeRef, bool) {
    let json = (TypeRef::named(JSON), true);
    if depth > 8 {
        return json;
    }
    if let Some(name) = ref_name(schema) {
        return match components.resolve(schema) {
            // A named enum is the GraphQL enum of that name (`build` registers each).
            Some(target) if enum_values(target).is_some() => (TypeRef::named(name), false),
            Some(target) => shape(target, components, depth + 1),
            None => json,
        };
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(items) = schema.get(key).and_then(Json::as_array) {
            let non_null: Vec<&Json> = items.iter().filter(|item| item.get("type") != Some(&"null".into())).collect();
            return match non_null.as_slice() {
                [only] if key == "allOf" || non_null.len() < items.len() => {
                    let (ty, nullable) = shape(only, components, depth + 1);
                    (ty, nullable || non_null.len() < items.len())
                }
                // Alternatives of one scalar type (an email, or blank) are that type.
                [first, rest @ ..] if key == "anyOf" => {
                    let (ty, nullable) = shape(first, components, depth + 1);
                    let same =
                        rest.iter().all(|item| shape(item, components, depth + 1).0.to_string() == ty.to_string());
                    if same && ty.to_string() != JSON { (ty, nullable || non_null.len() < items.len()) } else { json }
                }
                _ => json,
            };
        }
    }
    let (types, nullable): (Vec<&str>, bool) = match schema.get("type") {
        Some(Json::String(ty)) => (vec![ty.as_str()], false),
        Some(Json::Array(types)) => {
            let names: Vec<&str> = types.iter().filter_map(Json::as_str).collect();
            (names.iter().copied().filter(|t| *t != "null").collect(), names.contains(&"null"))
        }
        _ => return json,
    };
    let ty = match types.as_slice() {
        ["string"] if schema.get("format") == Some(&Json::from("date-time")) => TypeRef::named(DATE_TIME),
        ["string"] => TypeRef::named(TypeRef::STRING),
        ["integer"] => TypeRef::named(TypeRef::INT),
        ["number"] => TypeRef::named(TypeRef::FLOAT),
        ["boolean"] => TypeRef::named(TypeRef::BOOLEAN),
        ["array"] => match schema.get("items") {
            Some(items) => {
                let (item, item_nullable) = shape(items, components, depth + 1);
                TypeRef::List(Box::new(if item_nullable { item } else { TypeRef::NonNull(Box::new(item)) }))
            }
            None => TypeRef::named(JSON),
        },
        _ => TypeRef::named(JSON),
    };
    (ty, nullable)
}

/// The name a `$ref` points to (`#/components/schemas/Lease` → `Lease`).
pub(super) fn ref_name(schema: &Json) -> Option<&str> {
    schema.get("$ref")?.as_str()?.rsplit('/').next()
}

/// The values of a schema that is a GraphQL enum: an enum of strings that are all GraphQL
/// names (`ACTIVE`, `in_progress`; not `hmac-sha256-hex`, which stays a `String`).
pub fn enum_values(schema: &Json) -> Option<Vec<&str>> {
    let values: Vec<&str> = schema.get("enum")?.as_array()?.iter().map(Json::as_str).collect::<Option<_>>()?;
    let name = |value: &&str| {
        let mut chars = value.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !["true", "false", "null"].contains(value)
    };
    (!values.is_empty() && values.iter().all(name)).then_some(values)
}

/// The field's description, with the allowed values of an enum.
fn describe(schema: &Json, components: &Components<'_>) -> Option<String> {
    let mut description = schema.get("description").and_then(Json::as_str).map(str::to_owned);
    let mut inner = vec![schema];
    inner.extend(schema.get("oneOf").and_then(Json::as_array).into_iter().flatten());
    for item in inner {
        let target = components.resolve(item).unwrap_or(item);
        if description.is_none() {
            description = item.get("description").and_then(Json::as_str).map(str::to_owned);
        }
        if let Some(values) = target.get("enum").and_then(Json::as_array) {
            let values: Vec<&str> = values.iter().filter_map(Json::as_str).collect();
            let list = format!("One of: {}.", values.join(", "));
            description = Some(description.map_or(list.clone(), |d| format!("{d} {list}")));
        }
    }
    description
}

fn properties(schema: &Json) -> impl Iterator<Item = (&String, &Json)> {
    schema.get("properties").and_then(Json::as_object).into_iter().flatten()
}

/// The type's own doc comment.
fn schema_description(schema: &Json) -> Option<&str> {
    schema.get("description").and_then(Json::as_str)
}

fn required(schema: &Json) -> HashSet<&str> {
    schema.get("required").and_then(Json::as_array).into_iter().flatten().filter_map(Json::as_str).collect()
}

/// An output object type whose fields read the record's JSON (a `serde_json::Value` parent).
pub fn object(name: &str, described: &Described) -> Object {
    object_of(name, &described.schema, &described.components)
}

/// [`object`] of an object schema whose `$ref`s are among `components`.
pub fn object_of(name: &str, schema: &Json, components: &[(String, Json)]) -> Object {
    let (record, components) = (schema, Components::of(components));
    let required = required(record);
    let mut object = Object::new(name);
    if let Some(description) = schema_description(record) {
        object = object.description(description);
    }
    for (key, schema) in properties(record) {
        let (ty, nullable) = shape(schema, &components, 0);
        let ty = ids_as_id(key, ty);
        let ty = if required.contains(key.as_str()) && !nullable { TypeRef::NonNull(Box::new(ty)) } else { ty };
        let json_key = key.clone();
        let mut field = Field::new(camel_case(key), ty, move |ctx| {
            let value = ctx
                .parent_value
                .downcast_ref::<Json>()
                .and_then(|record| record.get(&json_key))
                .filter(|value| !value.is_null())
                .and_then(|value| Value::from_json(value.clone()).ok());
            FieldFuture::from_value(value)
        });
        if let Some(description) = describe(schema, &components) {
            field = field.description(description);
        }
        object = object.field(field);
    }
    object
}

/// An input object type with the body's fields, all optional in GraphQL: what the input
/// holds is passed to the REST body's parser, so a missing required field is the same
/// `VALIDATION_ERROR` naming it, and an explicit `null` still clears a field on update.
pub fn input(name: &str, described: &Described) -> InputObject {
    input_of(name, &described.schema, &described.components)
}

/// [`input`] of an object schema whose `$ref`s are among `components`.
pub fn input_of(name: &str, schema: &Json, components: &[(String, Json)]) -> InputObject {
    let (body, components) = (schema, Components::of(components));
    let required = required(body);
    let mut input = InputObject::new(name);
    if let Some(description) = schema_description(body) {
        input = input.description(description);
    }
    for (key, schema) in properties(body) {
        let (ty, _) = shape(schema, &components, 0);
        let mut value = InputValue::new(camel_case(key), ids_as_id(key, ty));
        let description = describe(schema, &components);
        let description = match (required.contains(key.as_str()), description) {
            (true, Some(d)) => Some(format!("Required. {d}")),
            (true, None) => Some("Required.".to_owned()),
            (false, d) => d,
        };
        if let Some(description) = description {
            value = value.description(description);
        }
        input = input.field(value);
    }
    input
}

/// A list filter (or a query parameter) as an optional argument; `components` are the named
/// schemas its own may refer to (an enum's values).
pub fn argument(param: &FilterParam, components: &[(String, Json)]) -> InputValue {
    let components = Components::of(components);
    let (ty, _) = shape(&param.schema, &components, 0);
    let mut value = InputValue::new(camel_case(&param.name), ids_as_id(&param.name, ty));
    if let Some(description) = &param.description {
        value = value.description(description);
    }
    value
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn type_of(schema: Json) -> String {
        let described = Described {
            name: "T".into(),
            schema: Json::Null,
            components: vec![
                ("Money".into(), json!({"type": "number"})),
                ("Status".into(), json!({"type": "string", "enum": ["A", "B"]})),
                ("Scheme".into(), json!({"type": "string", "enum": ["hmac-sha256-hex", "standard-webhooks"]})),
                ("Items".into(), json!({"type": "array", "items": {"type": "object"}})),
            ],
        };
        let (ty, nullable) = shape(&schema, &Components::of(&described.components), 0);
        format!("{ty}{}", if nullable { "?" } else { "" })
    }

    #[test]
    fn json_schemas_become_graphql_types() {
        assert_eq!(type_of(json!({"type": "string"})), "String");
        assert_eq!(type_of(json!({"type": ["integer", "null"]})), "Int?");
        assert_eq!(type_of(json!({"$ref": "#/components/schemas/Money"})), "Float");
        assert_eq!(type_of(json!({"oneOf": [{"$ref": "#/components/schemas/Status"}, {"type": "null"}]})), "Status?");
        assert_eq!(type_of(json!({"$ref": "#/components/schemas/Status"})), "Status");
        // Values that are not GraphQL names keep the enum a string.
        assert_eq!(type_of(json!({"$ref": "#/components/schemas/Scheme"})), "String");
        assert_eq!(type_of(json!({"type": ["array", "null"], "items": {"type": "string"}})), "[String!]?");
        assert_eq!(type_of(json!({"$ref": "#/components/schemas/Items"})), "[JSON!]");
        assert_eq!(type_of(json!({"type": "object"})), "JSON");
        assert_eq!(type_of(json!({"$ref": "#/components/schemas/Unknown"})), "JSON?");
        assert_eq!(type_of(json!({"type": "string", "format": "date-time"})), "DateTime");
    }

    #[test]
    fn names_are_camel_case() {
        assert_eq!(camel_case("monthly_rent_usd"), "monthlyRentUsd");
        assert_eq!(camel_case("firstName"), "firstName");
        assert_eq!(camel_case("id"), "id");
        assert_eq!(camel_case("installments[0].due_date"), "installments[0].dueDate");
        assert_eq!(camel_case("_private"), "_private");
    }

    #[test]
    fn ids_are_ids() {
        let id = |key: &str, ty: TypeRef| ids_as_id(key, ty).to_string();
        assert_eq!(id("id", TypeRef::named_nn(TypeRef::STRING)), "ID!");
        assert_eq!(id("unit_id", TypeRef::named(TypeRef::STRING)), "ID");
        assert_eq!(id("tenant_ids", TypeRef::named_nn_list_nn(TypeRef::STRING)), "[ID!]!");
        assert_eq!(id("contactId", TypeRef::named(TypeRef::STRING)), "ID");
        assert_eq!(id("title", TypeRef::named(TypeRef::STRING)), "String");
        assert_eq!(id("valid", TypeRef::named(TypeRef::BOOLEAN)), "Boolean");
    }
}
