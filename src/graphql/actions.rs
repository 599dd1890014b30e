//! GraphQL's actions: every API operation that is not a resource's list, get, create, update or
//! delete — the custom verbs (`signLease`, `terminateLease`, `convertLead`, `completeWorkOrder`,
//! `approveApplication`, …), the reports (`arAging`, `dashboard`, `expenseTotals`, `usage`) and
//! the platform's own routes (`createKey`, `createEndpoint`, `rotateSecret`, …). They are read
//! from the areas' OpenAPI document — named by the operation's id, `GET`s as queries and the
//! rest as mutations, arguments from its path and query parameters and its body (`input`) — and
//! each runs the REST route itself, in-process, as the caller (`http::in_process`): the same
//! scopes, validation, tenancy, events and errors, by construction. So a new REST operation is
//! in GraphQL with no GraphQL code.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use async_graphql::dynamic::{Field, FieldFuture, FieldValue, InputValue, ResolverContext, TypeRef};
use async_graphql::{ErrorExtensions, Value};
use axum::http::Method;
use serde_json::Value as Json;

use super::types::{self, ref_name};
use crate::auth::{Auth, class_quotas};
use crate::http::in_process::{Api, Reply};
use crate::resource::erased::FilterParam;
use crate::resource::{Operations, camel_case, pascal};
use crate::state::AppState;
use crate::vocab::error::ApiError;

/// One action: an operation of the document as a GraphQL field.
pub struct Action {
    /// The field's name: the operationId, camelCase.
    pub name: String,
    pub method: Method,
    /// The route under `/api`, with `{param}`s.
    path: String,
    /// GraphQL name → the path parameter's name.
    path_params: Vec<(String, String)>,
    /// The query parameters, as list filters are.
    pub query_params: Vec<FilterParam>,
    /// GraphQL name → the query parameter's name.
    query_names: HashMap<String, String>,
    /// The body, when the operation takes one: its input type's name, its object schema (`None`
    /// for a union: the input is `JSON`), and whether it is required.
    pub body: Option<Body>,
    /// GraphQL name → the body field's JSON name.
    input_names: HashMap<String, String>,
    /// What the field returns.
    pub returns: Returns,
    pub description: String,
}

/// An action's body.
pub struct Body {
    pub input_type: String,
    pub schema: Option<Json>,
    pub required: bool,
}

/// What an action's 2xx answer becomes. An object type's schema is there when the document
/// makes the type (a resource's record type is registered already).
pub enum Returns {
    /// An object type of this name.
    Object(String, Option<Json>),
    /// A list of an object type.
    List(String, Option<Json>),
    /// Anything else: the `JSON` scalar, exactly as REST answers it.
    Json,
}

/// The operations of `document` (the areas' OpenAPI document, as JSON, paths without `/api`)
/// that the resources' fields do not already cover.
pub fn from_document(document: &Json, resources: &[Operations]) -> Vec<Action> {
    let covered = covered(resources);
    // Record components that are already GraphQL object types, under their GraphQL names.
    let records: HashMap<String, String> =
        resources.iter().map(|ops| ((ops.record)().name, pascal(ops.meta.name))).collect();
    let component = |name: &str| document.pointer("/components/schemas")?.get(name);
    let mut actions = Vec::new();
    for (path, item) in document.get("paths").and_then(Json::as_object).into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let Ok(method) = method.to_uppercase().parse::<Method>() else { continue };
            if covered.contains(&(method.clone(), path.clone())) || path.ends_with("/graphql") {
                continue;
            }
            let Some((status, success)) = success(operation) else { continue };
            // A stream (`text/event-stream`) or an empty answer is no GraphQL value.
            let answer = success.pointer("/content/application~1json/schema");
            if answer.is_none() && status != "204" {
                continue;
            }
            let Some(id) = operation.get("operationId").and_then(Json::as_str) else { continue };
            let name = field_name(&camel_case(id), &method);
            let parameters: Vec<&Json> =
                operation.get("parameters").and_then(Json::as_array).into_iter().flatten().collect();
            let of = |place: &'static str| parameters.iter().filter(move |p| p.get("in") == Some(&Json::from(place)));
            let path_params = of("path")
                .filter_map(|p| p.get("name")?.as_str())
                .map(|name| (camel_case(name), name.to_owned()))
                .collect();
            let query_params: Vec<FilterParam> = of("query")
                .filter_map(|p| {
                    Some(FilterParam {
                        name: p.get("name")?.as_str()?.to_owned(),
                        description: p.get("description").and_then(Json::as_str).map(str::to_owned),
                        schema: p.get("schema").cloned().unwrap_or(Json::Null),
                    })
                })
                .collect();
            let body = operation.get("requestBody").map(|body| {
                let given = body.pointer("/content/application~1json/schema").unwrap_or(&Json::Null);
                Body {
                    input_type: format!("{}Input", pascal(&name)),
                    schema: object_schema(given, &component),
                    required: body.get("required").and_then(Json::as_bool).unwrap_or(false),
                }
            });
            let returns = match answer {
                Some(schema) => returns(schema, &records, &component),
                None => Returns::Json,
            };
            let summary = operation.get("summary").and_then(Json::as_str).unwrap_or(id);
            let query_names =
                query_params.iter().map(|p: &FilterParam| (camel_case(&p.name), p.name.clone())).collect();
            let input_names =
                body.as_ref().and_then(|body| body.schema.as_ref()).map(types::json_names_of).unwrap_or_default();
            actions.push(Action {
                name,
                method: method.clone(),
                path: path.clone(),
                path_params,
                query_params,
                query_names,
                body,
                input_names,
                returns,
                description: format!("{summary} (`{method} /api{path}`, run as that route runs it)."),
            });
        }
    }
    actions
}

/// `(method, path)` of the operations the resources' own fields serve.
fn covered(resources: &[Operations]) -> HashSet<(Method, String)> {
    let mut covered = HashSet::new();
    for ops in resources {
        let (path, one) = (ops.meta.path.to_owned(), format!("{}/{{id}}", ops.meta.path));
        covered.insert((Method::GET, path.clone()));
        if ops.get.is_some() {
            covered.insert((Method::GET, one.clone()));
        }
        if ops.create.is_some() {
            covered.insert((Method::POST, path));
        }
        if ops.update.is_some() {
            covered.insert((Method::PATCH, one.clone()));
        }
        if ops.delete.is_some() {
            covered.insert((Method::DELETE, one));
        }
    }
    covered
}

/// The first 2xx answer of an operation, with its status.
fn success(operation: &Json) -> Option<(&str, &Json)> {
    let responses = operation.get("responses")?.as_object()?;
    responses.iter().find(|(status, _)| status.starts_with('2')).map(|(status, answer)| (status.as_str(), answer))
}

/// The object schema behind `schema` (a `$ref`, the one alternative to `null`, or an `allOf`
/// of objects, merged), when it has properties.
fn object_schema<'a>(schema: &'a Json, component: &impl Fn(&str) -> Option<&'a Json>) -> Option<Json> {
    let schema = match schema.get("oneOf").and_then(Json::as_array) {
        Some(items) => {
            let mut non_null = items.iter().filter(|item| item.get("type") != Some(&Json::from("null")));
            match (non_null.next(), non_null.next()) {
                (Some(only), None) => only,
                _ => return None,
            }
        }
        None => schema,
    };
    let schema = match ref_name(schema) {
        Some(name) => component(name)?,
        None => schema,
    };
    if let Some(parts) = schema.get("allOf").and_then(Json::as_array) {
        let (mut properties, mut required) = (serde_json::Map::new(), Vec::new());
        for part in parts {
            let part = object_schema(part, component)?;
            properties.extend(part.get("properties").and_then(Json::as_object).cloned().unwrap_or_default());
            required.extend(part.get("required").and_then(Json::as_array).cloned().unwrap_or_default());
        }
        let mut merged = serde_json::json!({"type": "object", "properties": properties, "required": required});
        if let Some(description) = schema.get("description") {
            merged["description"] = description.clone();
        }
        return Some(merged);
    }
    schema.get("properties").is_some().then(|| schema.clone())
}

/// What an answer of this schema becomes: a record's type, an object type of its own, a list of
/// either, or `JSON`.
fn returns<'a>(
    schema: &'a Json,
    records: &HashMap<String, String>,
    component: &impl Fn(&str) -> Option<&'a Json>,
) -> Returns {
    let object = |schema: &'a Json| -> Option<(String, Option<Json>)> {
        let name = ref_name(schema)?;
        if let Some(record) = records.get(name) {
            return Some((record.clone(), None));
        }
        Some((name.to_owned(), Some(object_schema(schema, component)?)))
    };
    if schema.get("type") == Some(&Json::from("array")) {
        return match schema.get("items").and_then(object) {
            Some((name, described)) => Returns::List(name, described),
            None => Returns::Json,
        };
    }
    match object(schema) {
        Some((name, described)) => Returns::Object(name, described),
        None => Returns::Json,
    }
}

/// A query's name without its REST verb, as GraphQL names fields (`listMembers` → `members`,
/// `getOrganization` → `organization`); a mutation keeps its verb (`signLease`).
fn field_name(id: &str, method: &Method) -> String {
    if *method == Method::GET {
        for verb in ["list", "get"] {
            if let Some(rest) = id.strip_prefix(verb).filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
            {
                return super::camel(rest);
            }
        }
    }
    id.to_owned()
}

impl Action {
    /// The field, resolving through `Api` with the caller's `Auth`; `components` are the
    /// document's named schemas (its parameters' enums).
    pub fn field(self: Arc<Self>, input_type: Option<&str>, components: &[(String, Json)]) -> Field {
        let ty = match &self.returns {
            Returns::Object(name, _) => TypeRef::named(name),
            Returns::List(name, _) => TypeRef::List(Box::new(TypeRef::named_nn(name))),
            Returns::Json => TypeRef::named(types::JSON),
        };
        let mut field = Field::new(self.name.clone(), ty, {
            let action = self.clone();
            move |ctx| {
                let action = action.clone();
                FieldFuture::new(async move { action.run(&ctx).await })
            }
        })
        .description(self.description.clone());
        for (name, _) in &self.path_params {
            field = field.argument(InputValue::new(name, TypeRef::named_nn(TypeRef::ID)));
        }
        for param in &self.query_params {
            field = field.argument(types::argument(param, components));
        }
        if let Some(body) = &self.body {
            let name = input_type.unwrap_or(types::JSON);
            let ty = if body.required { TypeRef::named_nn(name) } else { TypeRef::named(name) };
            field = field.argument(InputValue::new("input", ty));
        }
        field
    }

    async fn run(&self, ctx: &ResolverContext<'_>) -> async_graphql::Result<Option<FieldValue<'static>>> {
        let (api, auth) = (ctx.data::<Api>()?, ctx.data::<Auth>()?);
        let mut url = reqwest::Url::parse("http://api.invalid/").expect("a URL");
        {
            let mut segments = url.path_segments_mut().expect("an http URL has segments");
            segments.clear();
            for segment in self.path.trim_start_matches('/').split('/') {
                match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(param) => {
                        let name = self.path_params.iter().find(|(_, p)| p == param).map_or(param, |(n, _)| n);
                        let value = match super::arg(ctx, name)? {
                            Some(Json::String(value)) => value,
                            _ => return Err(error(400, "VALIDATION_ERROR", &format!("`{name}` must be an id"), None)),
                        };
                        segments.push(&value);
                    }
                    None => {
                        segments.push(segment);
                    }
                }
            }
        }
        let mut skip: Vec<&str> = self.path_params.iter().map(|(name, _)| name.as_str()).collect();
        skip.push("input");
        let query = super::query_string(ctx, &self.query_names, &skip)?;
        let mut target = url.path().to_owned();
        if !query.is_empty() {
            target = format!("{target}?{query}");
        }
        let body = match (&self.body, super::arg(ctx, "input")?) {
            (Some(_), Some(input)) if !input.is_null() => Some(types::to_json_names(input, &self.input_names)),
            _ => None,
        };
        // The route's class quotas (the AI helpers' hourly ones), which the REST route's own
        // request would have counted against: the in-process call skips the limiter, and the
        // GraphQL request was charged only the plan's.
        let state = ctx.data::<AppState>()?;
        let quotas = class_quotas(state.settings(), auth, &self.path);
        if !quotas.is_empty() {
            let decision = state.limiter().check(state.clock().now_secs(), &quotas).await;
            if !decision.allowed {
                let retry_after = decision.retry_after();
                return Err(super::graphql_error(ApiError::rate_limited(retry_after))
                    .extend_with(|_, extensions| extensions.set("retryAfter", retry_after)));
            }
        }
        let reply = api.call(auth, self.method.clone(), &target, body).await;
        if !reply.ok() {
            return Err(reply_error(&reply));
        }
        Ok(match (&self.returns, reply.json) {
            (_, Json::Null) => None,
            (Returns::Object(..), json) => Some(FieldValue::owned_any(json)),
            (Returns::List(..), Json::Array(items)) => {
                Some(FieldValue::list(items.into_iter().map(FieldValue::owned_any)))
            }
            (_, json) => Some(FieldValue::value(Value::from_json(json)?)),
        })
    }
}

/// The REST error answer as a GraphQL error: its message, and in `extensions` its `code` and,
/// when it has them, `field` (camelCase) and `conflictingId`.
fn reply_error(reply: &Reply) -> async_graphql::Error {
    let conflicting = reply.json.get("conflictingId").and_then(Json::as_str);
    error(reply.status.as_u16(), reply.code(), &reply.message(), reply.field()).extend_with(|_, extensions| {
        if let Some(id) = conflicting {
            extensions.set("conflictingId", id);
        }
    })
}

fn error(status: u16, code: &str, message: &str, field: Option<&str>) -> async_graphql::Error {
    let code = if code.is_empty() { format!("HTTP_{status}") } else { code.to_owned() };
    async_graphql::Error::new(message).extend_with(|_, extensions| {
        extensions.set("code", code.clone());
        if let Some(field) = field {
            extensions.set("field", camel_case(field));
        }
    })
}
