//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes and
//! their doc comments, served at `GET /openapi.json`, and Swagger UI at `/docs` from assets
//! compiled into the binary (it works offline).

use std::collections::HashSet;

use axum::Router;
use axum::body::Bytes;
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{AllOfBuilder, ArrayItems, SchemaType, Type};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::tag::TagBuilder;
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder, Schema};
use utoipa::{Modify, OpenApi as _};
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::resource::validate::NOT_BLANK;
use crate::resource::{BodyRule, camel_case, names_an_object};
use crate::state::AppState;
use crate::vocab::error::ErrorBody;

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Gable API",
        description = "Listings, CRM, sales and rentals for real-estate and property-management businesses.\n\n\
            Every path under `/api` is also served under `/v1`. Authenticate with \
            `Authorization: Bearer gbl_live_…` (an API key), or, from an app, with a signed-in user's JWT \
            carrying an active organization (Clerk session tokens) where the server enables it. Errors are `{\"success\": false, \"error\", \"code\", \"requestId\"}`; \
            rate-limit state is in the `X-RateLimit-*` and `RateLimit` headers of every authenticated response.",
        license(name = "Apache-2.0"),
        contact(name = "Gable")
    ),
    servers((url = "http://127.0.0.1:8080", description = "This server (a served document names its own `public_url`)")),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    components(schemas(ErrorBody))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description =
            Some("An API key (`gbl_live_…`), or a signed-in user's JWT with an active organization".into());
        scheme.bearer_format = Some("gbl_live_… or JWT".into());
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The base document that the routers' paths are added to.
pub fn base() -> OpenApi {
    ApiDoc::openapi()
}

/// The reference's sections in the README's order of areas (platform, CRM, sales, webhooks,
/// rentals, operations), each with what it holds. Every operation's tag is one of these (a test
/// and Spectral check it).
pub const TAGS: [(&str, &str); 32] = [
    ("Health", "Liveness and readiness, without a key."),
    ("Organization", "The organization the key or user acts for: its name, slug, plan and limits."),
    ("Members", "The people who sign in to the console, their roles, and invitations by email."),
    ("API keys", "Scoped API keys: created and shown once, listed, revoked."),
    ("Events", "Everything that happened in the organization, as the webhooks deliver it."),
    ("Audit log", "Who did what: the writes made by each key and user."),
    ("Usage", "Requests and rate-limited requests per key and day."),
    ("GraphQL", "The same resources and rules as REST, in one query."),
    ("Properties", "Listings; the same rows are the rental properties that units belong to."),
    ("Contacts", "People: buyers, sellers, tenants-to-be."),
    ("Leads", "Prospects and their pipeline status; a lead converts into a contact."),
    ("Tasks", "Follow-ups, assigned to team members."),
    ("Showings", "Property visits with a contact and an agent."),
    ("Forms", "The public lead form, without a key."),
    ("Team", "Agents and their commission rates (the sales team, not console users)."),
    ("Calls", "Logged phone calls."),
    ("Booking links", "Links that let anyone book time with a team member."),
    ("Booking pages", "The public booking pages behind booking links, without a key."),
    ("Products", "What the business sells."),
    ("Payments", "Sales payments and commissions."),
    ("Webhooks", "Endpoints, their signed deliveries, retries and recovery, and the event catalog."),
    ("Units", "Rentable units of a property."),
    ("Tenants", "The people who rent units."),
    ("Leases", "Leases: signed to start their rent, terminated to end it."),
    ("Rent", "The rent ledger (charges and payments), AR aging and the dashboard."),
    ("Payment plans", "Installments agreed with a tenant who is behind."),
    ("Vendors", "Contractors who do the work orders."),
    ("Expenses", "Money spent on properties, by category."),
    ("Work orders", "Maintenance jobs, from request to completion."),
    ("Applications", "Rental applications, approved into leases or denied."),
    ("Inspections", "Move-in, move-out and routine inspections with their checklists."),
    ("AI helpers", "Summaries and priorities computed from the organization's data."),
];

/// What every operation gets that its handler does not write: the error responses it can give,
/// an operationId in one convention, and the document's sections.
pub fn finish(openapi: &mut OpenApi) {
    let references = referencing_schemas(openapi);
    for (path, item) in openapi.paths.paths.iter_mut() {
        let operations: [(&mut Option<Operation>, bool, bool); 5] = [
            (&mut item.get, false, false),
            (&mut item.post, true, false),
            (&mut item.put, true, false),
            (&mut item.patch, true, false),
            (&mut item.delete, false, true),
        ];
        for (operation, has_body, deletes) in operations {
            let Some(operation) = operation.as_mut() else { continue };
            operation.operation_id = operation.operation_id.as_deref().map(camel_case);
            if path.starts_with("/api/") {
                add_errors(operation, path, has_body, deletes, &references);
            }
        }
    }
    if let Some(components) = openapi.components.as_mut() {
        components.schemas.values_mut().for_each(require_not_blank);
    }
    add_links(openapi);
    openapi.tags = Some(
        TAGS.iter()
            .map(|(name, description)| TagBuilder::new().name(*name).description(Some(*description)).build())
            .collect(),
    );
}

/// OpenAPI `links` from each create (`POST /api/things`) to every operation on the object it
/// made (`/api/things/{id}`, `/api/things/{id}/…`), its `id` as their path parameter: how
/// stateful clients and tests (schemathesis) find the ids they need.
fn add_links(openapi: &mut OpenApi) {
    // Every operation on one object: (its path's prefix before the parameter, the parameter's
    // name, the operationId).
    let mut on_objects: Vec<(String, String, String)> = Vec::new();
    for (path, item) in &openapi.paths.paths {
        let Some((prefix, rest)) = path.split_once("/{") else { continue };
        let Some((name, tail)) = rest.split_once('}') else { continue };
        if tail.contains('{') {
            continue;
        }
        for operation in [&item.get, &item.put, &item.patch, &item.delete, &item.post].into_iter().flatten() {
            if let Some(id) = &operation.operation_id {
                on_objects.push((prefix.to_owned(), name.to_owned(), id.clone()));
            }
        }
    }
    for (path, item) in openapi.paths.paths.iter_mut() {
        let Some(create) = item.post.as_mut().filter(|_| !path.contains('{')) else { continue };
        let targets: Vec<&(String, String, String)> = on_objects.iter().filter(|(prefix, ..)| prefix == path).collect();
        let Some(RefOr::T(created)) =
            create.responses.responses.iter_mut().find(|(status, _)| status.starts_with('2')).map(|(_, r)| r)
        else {
            continue;
        };
        for (_, parameter, operation_id) in targets {
            let link = LinkBuilder::new()
                .operation_id(operation_id.clone())
                .parameter(parameter.clone(), "$response.body#/id")
                .description(format!("`{operation_id}` on the object created, by its `id`"))
                .build();
            created.links.insert(operation_id.clone(), link.into());
        }
    }
}

/// Gives every string that must not be empty ([`text`](crate::resource::validate::text)'s rule,
/// `minLength: 1` in the field's attributes) the pattern saying it must not be blank either,
/// at any depth.
fn require_not_blank(schema: &mut RefOr<Schema>) {
    let RefOr::T(schema) = schema else { return };
    match schema {
        Schema::Object(object) => {
            let string = match &object.schema_type {
                SchemaType::Type(kind) => *kind == Type::String,
                SchemaType::Array(kinds) => kinds.contains(&Type::String),
                SchemaType::AnyValue => false,
            };
            if string
                && object.min_length.is_some_and(|min| min >= 1)
                && object.pattern.is_none()
                && object.format.is_none()
            {
                object.pattern = Some(NOT_BLANK.to_owned());
            }
            object.properties.values_mut().for_each(require_not_blank);
        }
        Schema::Array(array) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                require_not_blank(items);
            }
        }
        Schema::OneOf(one_of) => one_of.items.iter_mut().for_each(require_not_blank),
        Schema::AllOf(all_of) => all_of.items.iter_mut().for_each(require_not_blank),
        Schema::AnyOf(any_of) => any_of.items.iter_mut().for_each(require_not_blank),
        _ => {}
    }
}

/// Gives each body named by a rule `allOf` its own schema and the rule (see [`BodyRule`]).
/// A rule naming no schema of the document is a bug: it panics when the document is built,
/// which every test run does.
pub fn add_body_rules<'a>(openapi: &mut OpenApi, rules: impl IntoIterator<Item = &'a BodyRule>) {
    let Some(components) = openapi.components.as_mut() else { return };
    for BodyRule { schema, rule } in rules {
        let mut own = components.schemas.remove(*schema).unwrap_or_else(|| panic!("a body rule names `{schema}`"));
        let rule: RefOr<Schema> = serde_json::from_value(rule()).expect("a body rule is a JSON Schema");
        // The body's description and example stay at the top, where readers look for them.
        let (description, example) = match &mut own {
            #[allow(deprecated, reason = "the document writes `example`, as every other schema does")]
            RefOr::T(Schema::Object(object)) => (object.description.clone(), object.example.take()),
            _ => (None, None),
        };
        let mut combined = AllOfBuilder::new().item(own).item(rule).description(description).build();
        #[allow(deprecated, reason = "as above")]
        {
            combined.example = example;
        }
        components.schemas.insert((*schema).to_owned(), Schema::AllOf(combined).into());
    }
}

/// Lists `kinds` as the values of `EventTypeName` (see [`crate::events::EventTypeName`]).
pub fn name_event_types(openapi: &mut OpenApi, kinds: Vec<String>) {
    let Some(components) = openapi.components.as_mut() else { return };
    if let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut("EventTypeName") {
        object.enum_values = Some(kinds.into_iter().map(serde_json::Value::from).collect());
    }
}

/// The component schemas that hold a reference to another object, directly or through the
/// schemas they use.
fn referencing_schemas(openapi: &OpenApi) -> HashSet<String> {
    let Some(components) = openapi.components.as_ref() else { return HashSet::new() };
    let texts: Vec<(String, serde_json::Value)> = components
        .schemas
        .iter()
        .map(|(name, schema)| (name.clone(), serde_json::to_value(schema).unwrap_or_default()))
        .collect();
    let mut found: HashSet<String> = texts
        .iter()
        .filter(|(_, schema)| property_names(schema).iter().any(|name| names_an_object(name)))
        .map(|(name, _)| name.clone())
        .collect();
    loop {
        let before = found.len();
        for (name, schema) in &texts {
            if !found.contains(name) && refs(schema).iter().any(|r| found.contains(r)) {
                found.insert(name.clone());
            }
        }
        if found.len() == before {
            return found;
        }
    }
}

/// Every property name in a schema, at any depth (not through `$ref`s).
fn property_names(schema: &serde_json::Value) -> Vec<String> {
    let mut names = Vec::new();
    walk(schema, &mut |key, value| {
        if key == "properties" {
            names.extend(value.as_object().into_iter().flat_map(|props| props.keys().cloned()));
        }
    });
    names
}

/// The component names a schema refers to.
fn refs(schema: &serde_json::Value) -> Vec<String> {
    let mut names = Vec::new();
    walk(schema, &mut |key, value| {
        if let Some(name) = value.as_str().and_then(|r| r.strip_prefix("#/components/schemas/"))
            && key == "$ref"
        {
            names.push(name.to_owned());
        }
    });
    names
}

fn walk(value: &serde_json::Value, visit: &mut impl FnMut(&str, &serde_json::Value)) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                visit(key, value);
                walk(value, visit);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| walk(item, visit)),
        _ => {}
    }
}

/// The error responses an authenticated operation can give, each with the error body.
fn add_errors(operation: &mut Operation, path: &str, has_body: bool, deletes: bool, references: &HashSet<String>) {
    let body_refers = operation.request_body.as_ref().is_some_and(|body| {
        let body = serde_json::to_value(body).unwrap_or_default();
        refs(&body).iter().any(|name| references.contains(name))
            || property_names(&body).iter().any(|name| names_an_object(name))
    });
    let query_refers = operation.parameters.iter().flatten().any(|parameter| {
        matches!(parameter, RefOr::T(p) if matches!(p.parameter_in, ParameterIn::Query) && names_an_object(&p.name))
    });
    let mut add = |status: &str, description: &str| {
        if operation.responses.responses.contains_key(status) {
            return;
        }
        let response = ResponseBuilder::new()
            .description(description)
            .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build())
            .build();
        operation.responses.responses.insert(status.to_owned(), response.into());
    };
    add("400", "Invalid parameters or body; `field` names the culprit");
    add("401", "Missing, invalid, revoked or expired API key");
    add(
        "403",
        "The key lacks a scope (`INSUFFICIENT_SCOPE`) or the plan lacks the feature (`upgrade`, `requiredPlan`)",
    );
    match (path.contains('{'), body_refers || query_refers) {
        (true, true) => {
            add("404", "No such object in this organization, or an id sent names none (`field` says which)")
        }
        (true, false) => add("404", "No such object in this organization"),
        (false, true) => add("404", "An id sent names no object in this organization (`field` says which)"),
        (false, false) => {}
    }
    if deletes {
        add(
            "409",
            "The object is still referenced by others (`REFERENCED`), or its state keeps it (the `code` says why)",
        );
    }
    if has_body {
        add(
            "409",
            "A concurrent request with the same `Idempotency-Key` is in flight, or the object's state forbids the change",
        );
        add("413", "Body larger than the limit");
        add("415", "Body is not `application/json`");
        add("422", "`Idempotency-Key` reused with a different request");
    }
    add("429", "Rate limit exceeded; see `Retry-After`");
    add("500", "Internal error (logged with the request id)");
}

/// The server the generated document names (the default `public_url`).
const LOCAL_SERVER: &str = "http://127.0.0.1:8080";

/// The OpenAPI document as served: its JSON, serialized once.
#[derive(Clone)]
pub struct Document(Bytes);

impl Document {
    pub fn new(openapi: &OpenApi) -> Document {
        Document(Bytes::from(serde_json::to_vec(openapi).expect("the OpenAPI document serializes")))
    }

    /// The document naming `public_url` as its server instead of the default.
    pub fn for_server(&self, public_url: &str) -> Document {
        let quoted = |url: &str| serde_json::to_string(url).unwrap_or_default();
        let (from, to) = (format!("\"url\":{}", quoted(LOCAL_SERVER)), format!("\"url\":{}", quoted(public_url)));
        let text = String::from_utf8_lossy(&self.0);
        match text.find(&from) {
            Some(at) if public_url != LOCAL_SERVER => {
                Document(Bytes::from(format!("{}{to}{}", &text[..at], &text[at + from.len()..])))
            }
            _ => self.clone(),
        }
    }
}

/// `/docs` (Swagger UI) and `/openapi.json`.
pub fn router(document: Document) -> Router<AppState> {
    let swagger = Router::from(SwaggerUi::new("/docs").config(Config::from("/openapi.json")));
    let json = move || {
        let body = document.0.clone();
        async move { ([(CONTENT_TYPE, HeaderValue::from_static("application/json"))], body) }
    };
    swagger.route("/openapi.json", get(json))
}
