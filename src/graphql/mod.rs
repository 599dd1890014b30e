//! GraphQL: `POST /graphql` (also `/api/graphql` and `/v1/graphql`), authenticated like the
//! rest of the API, and the offline playground page at `GET /graphql` (`docs/graphql.md`).
//!
//! The schema is generated once from the resource registrations (each area's `RESOURCES`):
//! every CRUD resource gets `<plural>(filters…, limit, startingAfter)`, `<singular>(id)`,
//! `create<Singular>(input)`, `update<Singular>(id, input)` and `delete<Singular>(id)`, typed
//! from the OpenAPI schemas of its record and bodies ([`types`]). Resolvers check the same
//! scopes as REST and call the engine's operations ([`Operations`]), so a GraphQL write is
//! validated, scoped and evented exactly like the REST call; an [`ApiError`] becomes a GraphQL
//! error whose `extensions` carry its `code` (and `field`).

mod actions;
mod connection;
mod cost;
mod relations;
mod types;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use async_graphql::dynamic::{
    Enum, EnumItem, Field, FieldFuture, FieldValue, InputValue, Object, ResolverContext, Scalar, Schema, SchemaError,
    TypeRef,
};
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, OperationDefinition, Selection};
use async_graphql::{ErrorExtensions, Pos, Variables};
use axum::body::{Body, to_bytes};
use axum::extract::{Extension, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value as Json;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{ActingOrg, Auth, RequestCost};
use crate::http::Json as JsonBody;
use crate::http::extract::payload_too_large;
use crate::http::in_process::Api;
use crate::resource::erased::{FilterParam, described};
use crate::resource::{Operations, Page, a, camel_case, pascal};
use crate::state::AppState;
use crate::vocab::error::ApiError;
use crate::vocab::scope::Need;

/// Deepest selection allowed (GraphiQL's standard introspection query needs about 13).
const MAX_DEPTH: usize = 16;

/// `POST /graphql` for the authenticated API (mounted under `/api` and `/v1`), over these
/// resources (every area's, from the composition root) and the other operations of `document`
/// (the areas' OpenAPI document, as JSON: [`actions`]). The schema is built now, once, so a
/// resource whose types do not translate fails at start.
pub fn router(resources: &[Operations], document: &Json) -> OpenApiRouter<AppState> {
    RESOURCES.get_or_init(|| Arc::new(resources.to_vec()));
    SCHEMA.get_or_init(|| {
        let components: Vec<(String, Json)> = document
            .pointer("/components/schemas")
            .and_then(Json::as_object)
            .map(|schemas| schemas.iter().map(|(name, schema)| (name.clone(), schema.clone())).collect())
            .unwrap_or_default();
        let actions = actions::from_document(document, resources);
        build(resources, actions, &components).expect("the schema generated from the resources is valid")
    });
    OpenApiRouter::new().routes(routes!(execute))
}

/// The schema of every registered resource.
static SCHEMA: OnceLock<Schema> = OnceLock::new();

/// The resources the schema was built from (the relations' loader fetches from them).
static RESOURCES: OnceLock<Arc<Vec<Operations>>> = OnceLock::new();

/// The schema [`router`] built.
pub fn schema() -> &'static Schema {
    SCHEMA.get().expect("graphql::router builds the schema before any request")
}

/// A GraphQL request.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "query": "query($city: String) { properties(city: $city, limit: 5) { id title price } }",
    "variables": {"city": "Austin"}
}))]
pub struct GraphqlRequest {
    /// The GraphQL document.
    pub query: String,
    /// Values for the document's `$variables`: an object (or null).
    #[schema(value_type = Option<Object>)]
    pub variables: Option<serde_json::Map<String, Json>>,
    /// Which operation of the document to run, when it has several.
    pub operation_name: Option<String>,
}

/// A GraphQL response: `data`, and `errors` when a field failed.
#[derive(Debug, ToSchema)]
#[schema(example = json!({
    "data": {"property": null},
    "errors": [{"message": "This API key does not have the `read:properties` scope needed for this call",
        "path": ["property"], "extensions": {"code": "INSUFFICIENT_SCOPE"}}]
}))]
pub struct GraphqlResponse {
    #[schema(value_type = Option<Object>)]
    pub data: Option<Json>,
    /// Each with `message`, `path`, and `extensions.code` (and `extensions.field` when the
    /// error is about one input field): the same codes as the REST errors.
    #[schema(value_type = Option<Vec<Object>>)]
    pub errors: Option<Vec<Json>>,
}

/// Run a GraphQL query or mutation
///
/// Queries and mutations over every registered resource, the event log included (see `docs/graphql.md`; the
/// playground at `GET /graphql` lists the schema). Also served at `POST /graphql`. Each field
/// needs the scope its REST call needs (`read:<resource>` for queries, `write:<resource>` for
/// mutations); a failed field is an entry of `errors` with `extensions.code`, and the response
/// is still 200. Documents are limited in depth and size.
#[utoipa::path(post, path = "/graphql", tag = "GraphQL", request_body = GraphqlRequest,
    responses((status = 200, description = "The result, with `errors` for failed fields", body = GraphqlResponse)))]
pub async fn execute(
    State(state): State<AppState>,
    Extension(api): Extension<Api>,
    auth: Auth,
    JsonBody(body): JsonBody<GraphqlRequest>,
) -> Response {
    let resources = RESOURCES.get().cloned().unwrap_or_default();
    let loader = relations::Loader::new(state.clone(), auth.clone(), resources);
    let mut request = async_graphql::Request::new(body.query.clone()).data(state).data(api).data(auth).data(loader);
    if let Some(variables) = body.variables {
        request = request.variables(Variables::from_json(Json::Object(variables)));
    }
    if let Some(name) = body.operation_name {
        request = request.operation_name(name);
    }
    let mut response = schema().execute(request).await;
    if !response.errors.is_empty() {
        let document = async_graphql::parser::parse_query(&body.query).ok();
        for error in &mut response.errors {
            // A resolver's error (the document ran: `data` is there) gets the path of the root
            // field it failed in, which async-graphql's dynamic schema leaves out.
            if error.path.is_empty()
                && response.data != async_graphql::Value::Null
                && let Some(key) = document.as_ref().and_then(|doc| root_field_at(doc, error.locations.first()))
            {
                // And the field is there, `null`, as the spec has a failed nullable field
                // (the dynamic schema leaves it out).
                if let async_graphql::Value::Object(data) = &mut response.data {
                    data.entry(async_graphql::Name::new(&key)).or_insert(async_graphql::Value::Null);
                }
                error.path = vec![async_graphql::PathSegment::Field(key)];
            }
            if !has_code(error) {
                with_code(error, document.is_some());
            }
        }
    }
    axum::Json(response).into_response()
}

/// The response key (alias or name) of the root field written at `at`.
fn root_field_at(document: &ExecutableDocument, at: Option<&Pos>) -> Option<String> {
    let at = at?;
    let operations: Vec<&OperationDefinition> = match &document.operations {
        DocumentOperations::Single(operation) => vec![&operation.node],
        DocumentOperations::Multiple(operations) => operations.values().map(|operation| &operation.node).collect(),
    };
    operations.iter().flat_map(|operation| &operation.selection_set.node.items).find_map(|selection| {
        match &selection.node {
            Selection::Field(field) if field.pos == *at => Some(field.node.response_key().node.to_string()),
            _ => None,
        }
    })
}

fn has_code(error: &async_graphql::ServerError) -> bool {
    error.extensions.as_ref().is_some_and(|extensions| extensions.get("code").is_some())
}

/// Every error carries `extensions.code`: a field's error has the REST code already
/// ([`graphql_error`]); a document that does not parse is `GRAPHQL_PARSE_FAILED`, one that
/// does not validate against the schema (an unknown field, a wrong argument type) is
/// `GRAPHQL_VALIDATION_FAILED`, as Apollo and most servers name them.
fn with_code(error: &mut async_graphql::ServerError, parses: bool) {
    let code = match (parses, error.path.is_empty()) {
        (false, _) => "GRAPHQL_PARSE_FAILED",
        (true, true) => "GRAPHQL_VALIDATION_FAILED",
        (true, false) => "BAD_USER_INPUT",
    };
    error.extensions.get_or_insert_with(Default::default).set("code", code);
}

/// The parts of a GraphQL request that decide its price.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Priced {
    query: String,
    operation_name: Option<String>,
}

/// Prices a `POST /graphql` request before authentication charges it ([`RequestCost`]): a
/// root field is a request; a document over `graphql_max_cost` or `graphql_max_fields` is
/// refused with 400 `GRAPHQL_TOO_COSTLY` naming the limit (after authentication, as one
/// request). A body that is not a GraphQL request costs one and fails in the handler.
/// Mounted outside authentication on every API route; it passes other routes through.
pub async fn price(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST || !req.uri().path().ends_with("/graphql") {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    let bytes = match to_bytes(body, state.settings().max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(_) => return payload_too_large().into_response(),
    };
    let price = serde_json::from_slice::<Priced>(&bytes)
        .ok()
        .and_then(|request| cost::price(&request.query, request.operation_name.as_deref()));
    let settings = state.settings();
    let refusal = match price {
        Some(price) if price.fields > settings.graphql_max_fields => Some(format!(
            "This document selects {} fields; the limit is {} (graphql_max_fields)",
            if price.fields > cost::COUNT_CAP { format!("over {}", cost::COUNT_CAP) } else { price.fields.to_string() },
            settings.graphql_max_fields
        )),
        Some(price) if price.cost > settings.graphql_max_cost => Some(format!(
            "This document costs {} requests (one per root field, aliases included); the limit is {} (graphql_max_cost)",
            price.cost, settings.graphql_max_cost
        )),
        _ => None,
    };
    parts.extensions.insert(RequestCost {
        units: price.map_or(1, |price| price.cost),
        refusal: refusal.map(|message| ApiError::bad_request("GRAPHQL_TOO_COSTLY", message)),
    });
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// What the playground's pages may load: their own scripts and styles (GraphiQL sets inline
/// styles), and requests to this server.
const PLAYGROUND_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

/// The playground: GraphiQL (its published build, vendored in `graphiql/` and served from the
/// binary, so it works offline), with autocomplete and the Docs explorer. Public: the page asks
/// for nothing; the key is typed into GraphiQL's Headers tab and kept in the browser.
pub async fn playground() -> Response {
    let mut response = Html(include_str!("playground.html")).into_response();
    response.headers_mut().insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(PLAYGROUND_CSP));
    response
}

/// `GET /graphql/assets/{file}`: the playground's scripts and styles, cached for a day.
pub async fn playground_asset(
    method: Method,
    uri: axum::http::Uri,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    let (bytes, kind): (&'static [u8], &str) = match file.as_str() {
        "graphiql.min.js" => (include_bytes!("graphiql/graphiql.min.js"), "text/javascript"),
        "graphiql.min.css" => (include_bytes!("graphiql/graphiql.min.css"), "text/css"),
        "react.production.min.js" => (include_bytes!("graphiql/react.production.min.js"), "text/javascript"),
        "react-dom.production.min.js" => (include_bytes!("graphiql/react-dom.production.min.js"), "text/javascript"),
        "playground.js" => (include_bytes!("graphiql/playground.js"), "text/javascript"),
        _ => return crate::http::not_found(method, uri).await.into_response(),
    };
    let headers = [
        (CONTENT_TYPE, HeaderValue::from_str(&format!("{kind}; charset=utf-8")).expect("a header value")),
        (CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400")),
    ];
    (headers, bytes).into_response()
}

/// An [`ApiError`] as a GraphQL error: its message, and in `extensions` its `code` and, when
/// the REST body has them, `field` and `conflictingId`.
fn graphql_error(err: ApiError) -> async_graphql::Error {
    err.report();
    async_graphql::Error::new(err.message()).extend_with(|_, extensions| {
        extensions.set("code", err.code());
        if let Some(field) = err.field_name() {
            extensions.set("field", camel_case(field));
        }
        if let Some(id) = err.conflicting_id() {
            extensions.set("conflictingId", id);
        }
    })
}

/// The app and the tenant, if the key has the scope `need`.
fn authorize<'a>(
    ctx: &ResolverContext<'a>,
    ops: &Operations,
    need: Need,
) -> async_graphql::Result<(&'a AppState, &'a ActingOrg)> {
    let state = ctx.data::<AppState>()?;
    let tenant = (ops.authorize)(ctx.data::<Auth>()?, need).map_err(graphql_error)?;
    Ok((state, tenant))
}

/// `booking_link` → `bookingLink`.
fn camel(name: &str) -> String {
    let pascal = pascal(name);
    let mut chars = pascal.chars();
    chars.next().map(|c| c.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// The argument's JSON value, if it was given.
fn arg(ctx: &ResolverContext<'_>, name: &str) -> async_graphql::Result<Option<Json>> {
    match ctx.args.get(name) {
        Some(value) => Ok(Some(value.as_value().clone().into_json()?)),
        None => Ok(None),
    }
}

fn id_arg(ctx: &ResolverContext<'_>) -> async_graphql::Result<String> {
    match arg(ctx, "id")? {
        Some(Json::String(id)) => Ok(id),
        _ => Err(graphql_error(ApiError::validation("id", "`id` must be a string"))),
    }
}

/// The page the arguments `limit_arg` and `after_arg` ask for (`limit` and `startingAfter`, or a
/// connection's `first` and `after`), checked like the REST query parameters.
fn page(ctx: &ResolverContext<'_>, limit_arg: &str, after_arg: &str) -> async_graphql::Result<Page> {
    let out_of_range =
        || graphql_error(ApiError::validation(limit_arg, format!("`{limit_arg}` must be between 1 and 100")));
    let limit = match arg(ctx, limit_arg)? {
        None | Some(Json::Null) => None,
        Some(value) => Some(value.as_i64().ok_or_else(out_of_range)?),
    };
    let starting_after = match arg(ctx, after_arg)? {
        None | Some(Json::Null) => None,
        Some(Json::String(id)) => Some(id),
        Some(_) => return Err(graphql_error(ApiError::validation(after_arg, format!("`{after_arg}` must be an id")))),
    };
    let page = Page { limit, starting_after };
    page.limit().map_err(|_| out_of_range())?;
    Ok(page)
}

/// The arguments given but `skip`, as the query string of the REST route (`names` maps their
/// GraphQL names to the route's), so they are parsed by the same rules.
fn query_string(
    ctx: &ResolverContext<'_>,
    names: &HashMap<String, String>,
    skip: &[&str],
) -> async_graphql::Result<String> {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in ctx.args.iter() {
        if skip.contains(&name.as_str()) {
            continue;
        }
        let name = names.get(name.as_str()).map_or(name.as_str(), String::as_str);
        let values = match value.as_value().clone().into_json()? {
            Json::Null => vec![],
            Json::Array(items) => items,
            other => vec![other],
        };
        for value in values {
            let text = match value {
                Json::String(text) => text,
                other => other.to_string(),
            };
            query.append_pair(name, &text);
        }
    }
    Ok(query.finish())
}

/// `<plural>(filters…, limit, startingAfter)` with the filters' arguments.
fn list_field(
    name: &str,
    type_name: &str,
    filters: &[FilterParam],
    components: &[(String, Json)],
    description: String,
    resolve: impl for<'a> Fn(ResolverContext<'a>) -> FieldFuture<'a> + Send + Sync + 'static,
) -> Field {
    // Nullable, as every root field: a list that fails is `null` with its error, and the
    // document's other fields still answer (the GraphQL spec's null propagation stops here).
    let item = TypeRef::NonNull(Box::new(TypeRef::named(type_name)));
    let mut field = Field::new(name, TypeRef::List(Box::new(item)), resolve)
        .description(description)
        .argument(InputValue::new("limit", TypeRef::named(TypeRef::INT)).description("1–100 (default 50)."))
        .argument(
            InputValue::new("startingAfter", TypeRef::named(TypeRef::ID))
                .description("Return the objects after this id (the last id of the previous page)."),
        );
    for filter in filters {
        field = field.argument(types::argument(filter, components));
    }
    field
}

fn records(records: Vec<Json>) -> FieldValue<'static> {
    FieldValue::list(records.into_iter().map(FieldValue::owned_any))
}

/// The schema for these resources.
fn build(
    resources: &[Operations],
    actions: Vec<actions::Action>,
    components: &[(String, Json)],
) -> Result<Schema, SchemaError> {
    let mut query = Object::new("Query");
    let mut mutation = Object::new("Mutation");
    let deleted = described::<crate::resource::Deleted>();
    let mut schema = Schema::build("Query", Some("Mutation"), None)
        .limit_depth(MAX_DEPTH)
        .register(Scalar::new(types::JSON).description("Any JSON value, exactly as the REST API has it."))
        .register(
            Scalar::new(types::DATE_TIME)
                .description(
                    "An instant, RFC 3339: returned in UTC with milliseconds (`2025-01-15T10:30:00.000Z`); \
                     sent with any offset, or as a date for its midnight UTC.",
                )
                .specified_by_url("https://datatracker.ietf.org/doc/html/rfc3339")
                .validator(|value| matches!(value, async_graphql::Value::String(_))),
        )
        .register(types::object("Deleted", &deleted))
        .register(connection::page_info());

    for (index, &ops) in resources.iter().enumerate() {
        let meta = ops.meta;
        let type_name = pascal(meta.name);
        let what = meta.name.replace('_', " ");
        let record = TypeRef::named(&type_name);
        let record_schema = (ops.record)();
        let mut object = types::object(&type_name, &record_schema);
        for relation in relations::of(index, resources) {
            object = object.field(relation.field(resources));
        }
        schema = schema.register(object);

        let filters = (ops.filters)();
        let filter_names: Arc<HashMap<String, String>> =
            Arc::new(filters.iter().map(|f| (camel_case(&f.name), f.name.clone())).collect());
        query = query.field(list_field(
            &camel(meta.plural),
            &type_name,
            &filters,
            components,
            format!(
                "The organization's {}, newest first (`GET /api{}`). Needs `read:{}`.",
                meta.plural, meta.path, meta.scope
            ),
            {
                let filter_names = filter_names.clone();
                move |ctx| {
                    let filter_names = filter_names.clone();
                    FieldFuture::new(async move {
                        let (state, auth) = (ctx.data::<AppState>()?, ctx.data::<Auth>()?);
                        let page = page(&ctx, "limit", "startingAfter")?;
                        let query = query_string(&ctx, &filter_names, &["limit", "startingAfter"])?;
                        let (list, _) = (ops.list)(state, auth, page, &query).await.map_err(graphql_error)?;
                        Ok(Some(records(list)))
                    })
                }
            },
        ));
        for object in connection::types(&type_name) {
            schema = schema.register(object);
        }
        let mut field = Field::new(
            format!("{}Connection", camel(meta.plural)),
            TypeRef::named(format!("{type_name}Connection")),
            move |ctx| {
                let filter_names = filter_names.clone();
                FieldFuture::new(async move {
                    let (state, auth) = (ctx.data::<AppState>()?, ctx.data::<Auth>()?);
                    let page = page(&ctx, "first", "after")?;
                    let after = page.starting_after.clone();
                    let query = query_string(&ctx, &filter_names, &["first", "after"])?;
                    let (list, more) = (ops.list)(state, auth, page, &query).await.map_err(graphql_error)?;
                    Ok(Some(connection::value(list, more, after)))
                })
            },
        )
        .description(format!(
            "The organization's {} as a cursor connection (`edges`, `nodes`, `pageInfo`), newest first. Needs `read:{}`.",
            meta.plural, meta.scope
        ))
        .argument(InputValue::new("first", TypeRef::named(TypeRef::INT)).description("1–100 (default 50)."))
        .argument(
            InputValue::new("after", TypeRef::named(TypeRef::STRING))
                .description("A cursor (`pageInfo.endCursor`): the objects after it."),
        );
        for filter in &filters {
            field = field.argument(types::argument(filter, components));
        }
        query = query.field(field);
        if let Some(get) = ops.get {
            query = query.field(
                Field::new(camel(meta.name), record.clone(), move |ctx| {
                    FieldFuture::new(async move {
                        let (state, auth) = (ctx.data::<AppState>()?, ctx.data::<Auth>()?);
                        let id = id_arg(&ctx)?;
                        let found = get(state, auth, &id).await.map_err(graphql_error)?;
                        Ok(found.map(FieldValue::owned_any))
                    })
                })
                .description(format!("The {what} with this id, or null. Needs `read:{}`.", meta.scope))
                .argument(InputValue::new("id", TypeRef::named_nn(TypeRef::ID))),
            );
        }

        if let Some((create, body)) = ops.create {
            let input_name = format!("Create{type_name}Input");
            let body = body();
            schema = schema.register(types::input(&input_name, &body));
            let names = Arc::new(types::json_names(&body));
            mutation = mutation.field(
                Field::new(format!("create{type_name}"), TypeRef::named(&type_name), move |ctx| {
                    let names = names.clone();
                    FieldFuture::new(async move {
                        let (state, tenant) = authorize(&ctx, &ops, Need::Write(meta.scope))?;
                        let input = types::to_json_names(arg(&ctx, "input")?.unwrap_or_default(), &names);
                        let created = create(state, tenant, input).await.map_err(graphql_error)?;
                        Ok(Some(FieldValue::owned_any(created)))
                    })
                })
                .description(format!("Creates {} (`POST /api{}`). Needs `write:{}`.", a(&what), meta.path, meta.scope))
                .argument(InputValue::new("input", TypeRef::named_nn(&input_name))),
            );
        }

        if let Some((update, body)) = ops.update {
            let input_name = format!("Update{type_name}Input");
            let body = body();
            schema = schema.register(types::input(&input_name, &body));
            let names = Arc::new(types::json_names(&body));
            mutation = mutation.field(
            Field::new(format!("update{type_name}"), TypeRef::named(&type_name), move |ctx| {
                let names = names.clone();
                FieldFuture::new(async move {
                    let (state, tenant) = authorize(&ctx, &ops, Need::Write(meta.scope))?;
                    let id = id_arg(&ctx)?;
                    let patch = types::to_json_names(arg(&ctx, "input")?.unwrap_or_default(), &names);
                    let updated = update(state, tenant, &id, patch).await.map_err(graphql_error)?;
                    Ok(Some(FieldValue::owned_any(updated)))
                })
            })
            .description(format!(
                "Changes the fields given (`null` clears an optional one), like `PATCH /api{}/{{id}}`. Needs `write:{}`.",
                meta.path, meta.scope
            ))
            .argument(InputValue::new("id", TypeRef::named_nn(TypeRef::ID)))
            .argument(InputValue::new("input", TypeRef::named_nn(&input_name))),
        );
        }
        if let Some(delete) = ops.delete {
            mutation = mutation.field(
                Field::new(format!("delete{type_name}"), TypeRef::named("Deleted"), move |ctx| {
                    FieldFuture::new(async move {
                        let (state, tenant) = authorize(&ctx, &ops, Need::Write(meta.scope))?;
                        let id = id_arg(&ctx)?;
                        let deleted = delete(state, tenant, &id).await.map_err(graphql_error)?;
                        Ok(Some(FieldValue::owned_any(serde_json::to_value(deleted)?)))
                    })
                })
                .description(format!(
                    "Deletes {} (`DELETE /api{}/{{id}}`). Needs `write:{}`.",
                    a(&what),
                    meta.path,
                    meta.scope
                ))
                .argument(InputValue::new("id", TypeRef::named_nn(TypeRef::ID))),
            );
        }
    }

    let mut types: HashSet<String> = resources.iter().map(|ops| pascal(ops.meta.name)).collect();
    types.extend(types.clone().into_iter().flat_map(|name| [format!("{name}Connection"), format!("{name}Edge")]));
    types.extend(["Deleted".to_owned(), connection::PAGE_INFO.to_owned()]);
    let mut fields: HashSet<String> = HashSet::new();
    for action in actions {
        let is_query = action.method == Method::GET;
        let taken = if is_query { query.type_name() } else { mutation.type_name() };
        if !fields.insert(format!("{taken}.{}", action.name)) || resource_field(resources, &action.name) {
            continue;
        }
        if let actions::Returns::Object(name, Some(object)) | actions::Returns::List(name, Some(object)) =
            &action.returns
            && types.insert(name.clone())
        {
            schema = schema.register(types::object_of(name, object, components));
        }
        let input = match &action.body {
            Some(actions::Body { input_type, schema: Some(body), .. }) => {
                if types.insert(input_type.clone()) {
                    schema = schema.register(types::input_of(input_type, body, components));
                }
                Some(input_type.clone())
            }
            _ => None,
        };
        let field = Arc::new(action).field(input.as_deref(), components);
        if is_query {
            query = query.field(field);
        } else {
            mutation = mutation.field(field);
        }
    }

    // Every named enum of strings whose values are GraphQL names is a GraphQL enum (`types`
    // refers to them by name): the document's, and the resources' own schemas'.
    let described = resources.iter().flat_map(|ops| {
        let mut all = vec![(ops.record)()];
        all.extend(ops.create.map(|(_, body)| body()));
        all.extend(ops.update.map(|(_, body)| body()));
        all
    });
    let mut enums: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, schema) in components.iter().cloned().chain(described.flat_map(|d| d.components)) {
        if let Some(values) = types::enum_values(&schema) {
            enums.entry(name).or_insert_with(|| values.into_iter().map(str::to_owned).collect());
        }
    }
    for (name, values) in enums {
        schema = schema.register(Enum::new(name).items(values.into_iter().map(EnumItem::new)));
    }

    schema.register(query).register(mutation).finish()
}

/// Whether a resource's own fields (`properties`, `property`, `createProperty`, …) have this name.
fn resource_field(resources: &[Operations], name: &str) -> bool {
    resources.iter().any(|ops| {
        let type_name = pascal(ops.meta.name);
        [camel(ops.meta.plural), camel(ops.meta.name)].contains(&name.to_owned())
            || ["create", "update", "delete"].iter().any(|verb| format!("{verb}{type_name}") == name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(camel("booking links"), "bookingLinks");
        assert_eq!(camel("property"), "property");
    }
}
