//! Settings → Developer: API keys, webhook endpoints with their delivery log, and the event
//! log. Each action is the REST call it names, made as the signed-in user ([`Api`]).

use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::form::{FormError, error_of, field_error, other_error};
use super::session::{Posted, Session, redirect};
use super::views::{self, Page, csrf};
use crate::http::in_process::{Api, Reply};
use crate::state::AppState;

const KEYS: &str = "/console/settings/developer/keys";
const WEBHOOKS: &str = "/console/settings/developer/webhooks";
const EVENTS: &str = "/console/events";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(KEYS, get(keys_page).post(create_key))
        .route(&format!("{KEYS}/{{id}}/revoke"), get(confirm_revoke).post(revoke_key))
        .route(WEBHOOKS, get(webhooks_page).post(create_endpoint))
        .route(&format!("{WEBHOOKS}/{{id}}"), get(endpoint_page))
        .route(&format!("{WEBHOOKS}/{{id}}/test"), post(test_endpoint))
        .route(&format!("{WEBHOOKS}/{{id}}/enabled"), post(set_enabled))
        .route(&format!("{WEBHOOKS}/{{id}}/rotate-secret"), post(rotate_secret))
        .route(&format!("{WEBHOOKS}/{{id}}/reveal-secret"), post(reveal_secret))
        .route(&format!("{WEBHOOKS}/{{id}}/edit"), post(edit_endpoint))
        .route(&format!("{WEBHOOKS}/{{id}}/recover"), post(recover))
        .route("/console/settings/developer/deliveries/{id}", get(delivery_page))
        .route("/console/settings/developer/deliveries/{id}/resend", post(resend))
        .route(EVENTS, get(events_page))
        .route("/console/events/catalog", get(catalog_page))
}

/// A path segment from the user (an id): encoded so it stays one segment.
pub(super) fn segment(id: &str) -> String {
    form_urlencoded::byte_serialize(id.as_bytes()).collect()
}

/// A query string from pairs, skipping empty values.
pub(super) fn query(pairs: &[(&str, Option<&str>)]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            serializer.append_pair(name, value);
        }
    }
    serializer.finish()
}

/// The page for an API answer that is neither the data nor a form error: a refusal (the
/// role's scopes, the plan) or a missing object, with the API's own message.
pub(super) fn refused(session: &Session, title: &str, active: &str, reply: &Reply) -> Response {
    let status = if reply.status.is_client_error() { reply.status } else { StatusCode::BAD_GATEWAY };
    let body = html! {
        h1 { (title) }
        (views::error(&reply.message()))
        @if reply.code() == "INSUFFICIENT_SCOPE" {
            p.muted { "Your role (" (session.role) ") does not allow this. An owner or admin can change roles." }
        }
    };
    Page(status, views::page(session, title, active, body)).into_response()
}

/// A page that a form's POST may have rendered (to show a secret once, or a form's errors):
/// htmx shows the page's own address, so reloading it is a plain `GET` of that page.
fn pushed(page: Page, path: &str) -> Response {
    let mut response = page.into_response();
    if let Ok(value) = HeaderValue::from_str(path) {
        response.headers_mut().insert("hx-push-url", value);
    }
    response
}

// ---- API keys ----

/// The scopes offered as check boxes: (scope, what it allows).
const SCOPE_CHOICES: [(&str, &str); 4] = [
    ("*", "Everything, key management included"),
    ("read:*", "Read every resource"),
    ("write:*", "Create, change and delete every resource"),
    ("admin", "Manage API keys"),
];

struct KeyForm<'a> {
    name: &'a str,
    scopes: Vec<String>,
    other: &'a str,
    error: FormError,
}

async fn keys_page(Extension(api): Extension<Api>, session: Session) -> Response {
    let blank = KeyForm { name: "", scopes: vec!["read:*".into()], other: "", error: None };
    keys_view(&api, &session, None, &blank, StatusCode::OK).await
}

async fn keys_view(
    api: &Api,
    session: &Session,
    created: Option<&Value>,
    form: &KeyForm<'_>,
    status: StatusCode,
) -> Response {
    let list = api.get(&session.auth, "/keys?limit=100").await;
    if !list.ok() {
        return refused(session, "API keys", KEYS, &list);
    }
    let field_error = |field: &str| field_error(&form.error, field);
    let general_error = other_error(&form.error, &["name", "scopes"]);
    let body = html! {
        h1 { "API keys" }
        p.lead { "Keys let your code call the Gable API (Settings → Developer, or Settings → Integrations). Send one as "
            code { "Authorization: Bearer gbl_live_…" } "." }
        p { "Explore the API: the " a href="/docs" { "API reference" } ", the "
            a href="/openapi.json" download="gable-openapi.json" { "OpenAPI document" } " for Postman or other tools, and the "
            a href="/graphql" { "GraphQL playground" } "." }
        @if let Some(created) = created {
            div.notice role="status" {
                h2 { "Your new key “" (created["name"].as_str().unwrap_or_default()) "”" }
                (views::secret("new-key", "API key", created["key"].as_str().unwrap_or_default()))
                p #new-key-warning { strong { "Copy it now: it is only shown once." } " Gable keeps only a hash of it." }
            }
        }
        div.card {
            h2 { "Create API key" }
            form method="post" action=(KEYS) {
                (csrf(session))
                @if let Some(message) = general_error { (views::error(message)) }
                label for="key-name" { "Name" }
                input #key-name type="text" name="name" value=(form.name) maxlength="100" required
                    placeholder="e.g. Postman Testing" aria-describedby="key-name-hint";
                p.muted #key-name-hint { "A name that says where the key is used." }
                @if let Some(message) = field_error("name") { (views::error(message)) }
                fieldset {
                    legend { "Scopes" }
                    div.checks {
                        @for (scope, what) in SCOPE_CHOICES {
                            label {
                                input type="checkbox" name="scopes" value=(scope) checked[form.scopes.iter().any(|s| s == scope)];
                                code { (scope) } " " span.muted { (what) }
                            }
                        }
                    }
                    label for="key-other-scopes" { "More scopes" }
                    input #key-other-scopes type="text" name="other_scopes" value=(form.other)
                        placeholder="read:properties write:leads";
                    p.muted { "Separated by spaces or commas: " code { "read:<resource>" } ", " code { "write:<resource>" } "." }
                    @if let Some(message) = field_error("scopes") { (views::error(message)) }
                }
                button type="submit" { "Create API key" }
            }
        }
        div.card {
            h2 { "Keys" }
            @if list.items().is_empty() {
                p.empty { "No keys yet. Create one above to start calling the API." }
            } @else {
                table {
                    thead { tr { th { "Name" } th { "Key" } th { "Scopes" } th { "Created" } th { "Last used" } th { "Expires" } th {} } }
                    tbody {
                        @for key in list.items() {
                            tr {
                                td { (views::text(&key["name"])) }
                                td { code { (key["prefix"].as_str().unwrap_or_default()) "…" (key["last4"].as_str().unwrap_or_default()) } }
                                td { @for scope in views::list(&key["scopes"]) { code { (views::text(scope)) } " " } }
                                td { (views::time(&key["createdAt"])) }
                                td { (views::time(&key["lastUsedAt"])) }
                                td { (views::time(&key["expiresAt"])) }
                                td {
                                    @if key["revoked"].as_bool() == Some(true) {
                                        span.bad { "Revoked" }
                                    } @else {
                                        a href=(format!("{KEYS}/{}/revoke", segment(key["id"].as_str().unwrap_or_default())))
                                            aria-label=(format!("Revoke {}", key["name"].as_str().unwrap_or_default())) { "Revoke…" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    pushed(Page(status, views::page(session, "API keys", KEYS, body)), KEYS)
}

async fn create_key(Extension(api): Extension<Api>, Posted { session, form }: Posted) -> Response {
    let mut scopes = form.all("scopes");
    let other = form.get("other_scopes").unwrap_or_default();
    scopes.extend(other.split([' ', ',']).filter(|s| !s.is_empty()).map(str::to_owned));
    let name = form.get("name").unwrap_or_default();
    let reply = api.post(&session.auth, "/keys", json!({"name": name, "scopes": scopes})).await;
    let mut shown = KeyForm { name, scopes: form.all("scopes"), other, error: None };
    if reply.ok() {
        let blank = KeyForm { name: "", scopes: vec!["read:*".into()], other: "", error: None };
        return keys_view(&api, &session, Some(&reply.json), &blank, StatusCode::CREATED).await;
    }
    if reply.code() == "INSUFFICIENT_SCOPE" && reply.field().is_none() && !reply.message().contains("grant") {
        return refused(&session, "API keys", KEYS, &reply);
    }
    shown.error = error_of(&reply);
    keys_view(&api, &session, None, &shown, reply.status).await
}

async fn confirm_revoke(Extension(api): Extension<Api>, session: Session, Path(id): Path<String>) -> Response {
    let key = api.get(&session.auth, &format!("/keys/{}", segment(&id))).await;
    if !key.ok() {
        return refused(&session, "Revoke API key", KEYS, &key);
    }
    let body = html! {
        h1 { "Revoke “" (views::text(&key.json["name"])) "”?" }
        p { "Requests with " code { "gbl_live_…" (key.json["last4"].as_str().unwrap_or_default()) }
            " will be refused from now on. This cannot be undone." }
        form.row method="post" action=(format!("{KEYS}/{}/revoke", segment(&id))) {
            (csrf(&session))
            button.danger type="submit" { "Revoke key" }
            a href=(KEYS) { "Cancel" }
        }
    };
    Page(StatusCode::OK, views::page(&session, "Revoke API key", KEYS, body)).into_response()
}

async fn revoke_key(
    Extension(api): Extension<Api>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Posted { session, .. }: Posted,
) -> Response {
    let reply = api.delete(&session.auth, &format!("/keys/{}", segment(&id))).await;
    if !reply.ok() {
        return refused(&session, "Revoke API key", KEYS, &reply);
    }
    redirect(&headers, KEYS)
}

// ---- Webhooks ----

/// The event catalog grouped by business area, in the order the README lists them:
/// (`CRM`, [(type, description)]).
fn catalog_groups(catalog: &Reply) -> Vec<(String, Vec<(String, String)>)> {
    const ORDER: [(&str, &str); 6] = [
        ("crm", "CRM"),
        ("sales", "Sales"),
        ("rentals", "Rentals"),
        ("operations", "Operations"),
        ("webhooks", "Webhooks"),
        ("platform", "Platform"),
    ];
    let rank = |area: &str| ORDER.iter().position(|(name, _)| *name == area).unwrap_or(ORDER.len());
    let mut events: Vec<&Value> = catalog.items().iter().collect();
    events.sort_by_key(|event| rank(event["area"].as_str().unwrap_or_default()));
    let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for event in events {
        let area = event["area"].as_str().unwrap_or_default();
        let scope = ORDER.iter().find(|(name, _)| *name == area).map_or(area, |(_, label)| label).to_owned();
        let entry = (
            event["type"].as_str().unwrap_or_default().to_owned(),
            event["description"].as_str().unwrap_or_default().to_owned(),
        );
        match groups.iter_mut().find(|(s, _)| *s == scope) {
            Some((_, entries)) => entries.push(entry),
            None => groups.push((scope, vec![entry])),
        }
    }
    groups
}

struct EndpointForm<'a> {
    url: &'a str,
    description: &'a str,
    events: Vec<String>,
    scheme: &'a str,
    headers: &'a str,
    error: FormError,
}

async fn webhooks_page(Extension(api): Extension<Api>, session: Session) -> Response {
    let blank = EndpointForm {
        url: "",
        description: "",
        events: vec![],
        scheme: "standard-webhooks",
        headers: "",
        error: None,
    };
    webhooks_view(&api, &session, &blank, StatusCode::OK).await
}

async fn webhooks_view(api: &Api, session: &Session, form: &EndpointForm<'_>, status: StatusCode) -> Response {
    let list = api.get(&session.auth, "/webhooks?limit=100").await;
    if !list.ok() {
        return refused(session, "Webhooks", WEBHOOKS, &list);
    }
    let catalog = api.get(&session.auth, "/webhook-events").await;
    let field_error = |field: &str| field_error(&form.error, field);
    let general_error = other_error(&form.error, &["url", "events", "headers", "signatureScheme", "description"]);
    let body = html! {
        h1 { "Webhooks" }
        p.lead { "Gable sends a signed POST to each endpoint when something happens in your organization." }
        div.card {
            h2 { "Endpoints" }
            @if list.items().is_empty() {
                p.empty { "No endpoints yet. Add the URL of your server below to start receiving events." }
            } @else {
                table {
                    thead { tr { th { "URL" } th { "Events" } th { "Status" } th { "Last success" } th { "Last failure" } } }
                    tbody {
                        @for endpoint in list.items() {
                            tr {
                                td { a href=(format!("{WEBHOOKS}/{}", segment(endpoint["id"].as_str().unwrap_or_default()))) { (views::text(&endpoint["url"])) }
                                     @if let Some(d) = endpoint["description"].as_str() { br; span.muted { (d) } } }
                                td { (events_summary(&endpoint["events"])) }
                                td { (health(endpoint)) }
                                td { (views::time(&endpoint["lastSuccessAt"])) }
                                td { (views::time(&endpoint["lastFailureAt"])) }
                            }
                        }
                    }
                }
            }
        }
        div.card {
            h2 { "Add endpoint" }
            form method="post" action=(WEBHOOKS) {
                (csrf(session))
                @if let Some(message) = general_error { (views::error(message)) }
                label for="endpoint-url" { "Endpoint URL" }
                input #endpoint-url type="url" name="url" value=(form.url) required placeholder="https://example.com/webhooks/gable";
                @if let Some(message) = field_error("url") { (views::error(message)) }
                label for="endpoint-description" { "Description" }
                input #endpoint-description type="text" name="description" value=(form.description) maxlength="500";
                (events_fieldset("endpoint", &catalog, &form.events))
                @if let Some(message) = field_error("events") { (views::error(message)) }
                (scheme_select("endpoint", form.scheme))
                @if let Some(message) = field_error("signatureScheme") { (views::error(message)) }
                label for="endpoint-headers" { "Custom headers" }
                textarea #endpoint-headers name="headers" rows="3" placeholder="X-Api-Token: 123" { (form.headers) }
                p.muted { "One " code { "Name: value" } " per line, sent with every delivery." }
                @if let Some(message) = field_error("headers") { (views::error(message)) }
                p { button type="submit" { "Add endpoint" } }
            }
        }
    };
    pushed(Page(status, views::page(session, "Webhooks", WEBHOOKS, body)), WEBHOOKS)
}

/// The event types to choose from, grouped, with "All events" (an empty list) first.
fn events_fieldset(prefix: &str, catalog: &Reply, selected: &[String]) -> Markup {
    html! {
        fieldset {
            legend { "Events" }
            div.checks {
                label { input type="checkbox" name="events" value="*" checked[selected.is_empty()]; strong { "All events" } }
            }
            @for (group, entries) in catalog_groups(catalog) {
                details open[entries.iter().any(|(kind, _)| selected.contains(kind))] {
                    summary { (group) " (" (entries.len()) ")" }
                    div.checks {
                        @for (kind, description) in &entries {
                            label title=(description) {
                                input type="checkbox" name="events" value=(kind) checked[selected.contains(kind)]
                                    id=(format!("{prefix}-event-{kind}"));
                                code { (kind) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The signature schemes.
fn scheme_select(prefix: &str, selected: &str) -> Markup {
    let schemes = [
        ("standard-webhooks", "Standard Webhooks (webhook-signature)"),
        ("hmac-sha256-hex", "HMAC-SHA256, hex"),
        ("hmac-sha256-timestamped", "HMAC-SHA256 with timestamp"),
    ];
    html! {
        label for=(format!("{prefix}-scheme")) { "Signature scheme" }
        select id=(format!("{prefix}-scheme")) name="signature_scheme" {
            @for (scheme, label) in schemes { option value=(scheme) selected[selected == scheme] { (label) } }
        }
    }
}

/// Header lines as the form shows them.
fn header_lines(headers: &Value) -> String {
    headers
        .as_object()
        .map(|h| {
            h.iter().map(|(k, v)| format!("{k}: {}", v.as_str().unwrap_or_default())).collect::<Vec<_>>().join("\n")
        })
        .unwrap_or_default()
}

fn events_summary(events: &Value) -> Markup {
    match events.as_array() {
        Some(events) if !events.is_empty() => html! { @for e in events { code { (views::text(e)) } " " } },
        _ => html! { "All events" },
    }
}

fn health(endpoint: &Value) -> Markup {
    if endpoint["enabled"].as_bool() == Some(false) {
        let reason = endpoint["disabledReason"].as_str().unwrap_or("disabled by a user");
        return html! { span.bad { "Disabled" } br; span.muted { (reason) } };
    }
    let failures = endpoint["consecutiveFailures"].as_i64().unwrap_or(0);
    if failures > 0 {
        return html! { span.bad { "Failing" } " " span.muted { "(" (failures) " in a row)" } };
    }
    html! { span.ok { "Enabled" } }
}

/// `Name: value` lines as a header map.
fn parse_headers(text: &str) -> Result<Map<String, Value>, String> {
    let mut headers = Map::new();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("“{line}” is not of the form Name: value"));
        };
        headers.insert(name.trim().to_owned(), Value::String(value.trim().to_owned()));
    }
    Ok(headers)
}

async fn create_endpoint(Extension(api): Extension<Api>, Posted { session, form }: Posted) -> Response {
    let events: Vec<String> = form.all("events").into_iter().filter(|e| e != "*").collect();
    let all = form.all("events").iter().any(|e| e == "*");
    let mut shown = EndpointForm {
        url: form.get("url").unwrap_or_default(),
        description: form.get("description").unwrap_or_default(),
        events: if all { vec![] } else { events.clone() },
        scheme: form.get("signature_scheme").unwrap_or("standard-webhooks"),
        headers: form.get("headers").unwrap_or_default(),
        error: None,
    };
    let headers = match parse_headers(shown.headers) {
        Ok(headers) => headers,
        Err(message) => {
            shown.error = Some((Some("headers".into()), message));
            return webhooks_view(&api, &session, &shown, StatusCode::BAD_REQUEST).await;
        }
    };
    let mut body = json!({"url": shown.url, "signatureScheme": shown.scheme, "headers": headers,
        "events": if all { vec![] } else { events }});
    if !shown.description.is_empty() {
        body["description"] = json!(shown.description);
    }
    let reply = api.post(&session.auth, "/webhooks", body).await;
    if reply.ok() {
        return endpoint_view(
            &api,
            &session,
            reply.json["id"].as_str().unwrap_or_default(),
            Shown::Secret(&reply.json),
            &DeliveryFilter::default(),
        )
        .await;
    }
    if matches!(reply.code(), "INSUFFICIENT_SCOPE" | "PLAN_REQUIRED") {
        return refused(&session, "Webhooks", WEBHOOKS, &reply);
    }
    shown.error = error_of(&reply);
    webhooks_view(&api, &session, &shown, reply.status).await
}

/// What an endpoint's page shows above its details, after an action.
enum Shown<'a> {
    Nothing,
    /// A new endpoint's or a rotated secret (`secret` in the answer), shown once.
    Secret(&'a Value),
    /// The outcome of a test event.
    Test(&'a Value),
    Notice(String),
    /// The edit form's error (the form is shown open).
    EditError(String),
}

#[derive(Debug, Default, Deserialize)]
struct DeliveryFilter {
    status: Option<String>,
    #[serde(rename = "eventType")]
    event_type: Option<String>,
    /// `datetime-local` values in the browser's time zone; `sinceZone`/`untilZone` are their
    /// offsets (`Date.getTimezoneOffset()`, set by `console.js`), absent (UTC) without script.
    since: Option<String>,
    #[serde(rename = "sinceZone")]
    since_zone: Option<String>,
    until: Option<String>,
    #[serde(rename = "untilZone")]
    until_zone: Option<String>,
    after: Option<String>,
}

/// A `datetime-local` value (`2026-01-15T10:30`) entered where the clock is `offset` minutes
/// behind UTC (JavaScript's `getTimezoneOffset()`: 300 in New York in winter, -60 in Paris),
/// as RFC 3339 in UTC. Without an offset the value is UTC; a value that is not a local date and
/// time goes to the API as it is, which says what is wrong with it.
fn utc(local: Option<&str>, offset: Option<&str>) -> Option<String> {
    use chrono::{NaiveDateTime, SecondsFormat, TimeDelta};
    let local = local.filter(|value| !value.is_empty())?;
    let offset = offset.and_then(|o| o.parse::<i64>().ok()).filter(|o| o.abs() <= 18 * 60).unwrap_or(0);
    let parsed = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S"));
    Some(match parsed {
        Ok(at) => (at + TimeDelta::minutes(offset)).and_utc().to_rfc3339_opts(SecondsFormat::Secs, true),
        Err(_) => local.to_owned(),
    })
}

/// A `datetime-local` input with the hidden offset `console.js` fills in when the form is sent.
fn local_time_input(id: &str, name: &str, value: Option<&str>, required: bool) -> Markup {
    html! {
        input id=(id) type="datetime-local" name=(name) value=(value.unwrap_or_default()) required[required] data-zone=(format!("{name}Zone"));
        input type="hidden" name=(format!("{name}Zone"));
    }
}

/// "(UTC)", which `console.js` replaces with the browser's time zone.
fn zone_name() -> Markup {
    html! { span data-zone-name { "(UTC)" } }
}

async fn endpoint_page(
    Extension(api): Extension<Api>,
    session: Session,
    Path(id): Path<String>,
    Query(filter): Query<DeliveryFilter>,
) -> Response {
    endpoint_view(&api, &session, &id, Shown::Nothing, &filter).await
}

async fn endpoint_view(api: &Api, session: &Session, id: &str, shown: Shown<'_>, filter: &DeliveryFilter) -> Response {
    let endpoint = api.get(&session.auth, &format!("/webhooks/{}", segment(id))).await;
    if !endpoint.ok() {
        return refused(session, "Webhook endpoint", WEBHOOKS, &endpoint);
    }
    let e = &endpoint.json;
    let path = format!("{WEBHOOKS}/{}", segment(id));
    let deliveries = api
        .get(
            &session.auth,
            &format!(
                "/webhook-deliveries?{}",
                query(&[
                    ("endpointId", Some(id)),
                    ("status", filter.status.as_deref()),
                    ("eventType", filter.event_type.as_deref()),
                    ("since", utc(filter.since.as_deref(), filter.since_zone.as_deref()).as_deref()),
                    ("until", utc(filter.until.as_deref(), filter.until_zone.as_deref()).as_deref()),
                    ("startingAfter", filter.after.as_deref()),
                    ("limit", Some("50")),
                ])
            ),
        )
        .await;
    let recent = api
        .get(
            &session.auth,
            &format!("/webhook-deliveries?{}", query(&[("endpointId", Some(id)), ("limit", Some("100"))])),
        )
        .await;
    let finished: Vec<&Value> =
        recent.items().iter().filter(|d| matches!(d["status"].as_str(), Some("succeeded" | "failed"))).collect();
    let succeeded = finished.iter().filter(|d| d["status"] == "succeeded").count();
    let last_status = recent.items().first().map(|d| d["lastStatusCode"].clone()).unwrap_or(Value::Null);
    let enabled = e["enabled"].as_bool() == Some(true);
    let catalog = api.get(&session.auth, "/webhook-events").await;
    let selected: Vec<String> = e["events"]
        .as_array()
        .map(|events| events.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    let edit_error = match &shown {
        Shown::EditError(message) => Some(message.as_str()),
        _ => None,
    };
    let body = html! {
        p { a href=(WEBHOOKS) { "← Webhooks" } }
        h1 { (views::text(&e["url"])) }
        p.lead { (e["description"].as_str().unwrap_or("Webhook endpoint")) " · " code { (id) } }
        @match &shown {
            Shown::Nothing => {},
            Shown::Secret(answer) => {
                div.notice role="status" {
                    (views::secret("signing-secret", "Signing secret", answer["secret"].as_str().unwrap_or_default()))
                    p #signing-secret-warning { strong { "Copy it now: it is only shown once." } " Verify each delivery's signature with it." }
                }
            },
            Shown::Test(result) => {
                div.notice role="status" {
                    @if result["success"].as_bool() == Some(true) {
                        p.ok { "Test event delivered: HTTP " (views::text(&result["statusCode"])) " in " (views::text(&result["latencyMs"])) " ms." }
                    } @else {
                        p.bad { "The test event failed: " (result["error"].as_str().unwrap_or("no answer")) }
                    }
                    @if let Some(body) = result["responseBody"].as_str() { details { summary { "Response body" } (views::preformatted(body)) } }
                }
            },
            Shown::Notice(message) => { (views::notice(message)) },
            Shown::EditError(_) => {},
        }
        div.card {
            h2 { "Health" }
            table {
                tr { th { "Status" } td { (health(e)) } }
                tr { th { "Last response" } td { (views::text(&last_status)) } }
                tr { th { "Success rate" } td {
                    @if finished.is_empty() { span.muted { "No finished deliveries yet" } }
                    @else { (succeeded * 100 / finished.len()) "% of the last " (finished.len()) " finished deliveries" }
                } }
                tr { th { "Events" } td { (events_summary(&e["events"])) } }
                tr { th { "Signature" } td { code { (views::text(&e["signatureScheme"])) } " in " code { (views::text(&e["signatureHeader"])) } } }
            }
            div.row {
                form method="post" action=(format!("{path}/test")) { (csrf(session)) button type="submit" { "Send test event" } }
                form method="post" action=(format!("{path}/enabled")) {
                    (csrf(session))
                    input type="hidden" name="enabled" value=(if enabled { "false" } else { "true" });
                    button.secondary type="submit" { @if enabled { "Disable" } @else { "Enable" } }
                }
                form method="post" action=(format!("{path}/rotate-secret")) data-confirm="Rotate the signing secret? The old one keeps working for 24 hours." {
                    (csrf(session)) button.secondary type="submit" { "Rotate secret" }
                }
                form method="post" action=(format!("{path}/reveal-secret")) {
                    (csrf(session)) button.secondary type="submit" { "Reveal secret" }
                }
            }
        }
        details.card open[edit_error.is_some()] {
            summary { strong { "Edit endpoint" } }
            form method="post" action=(format!("{path}/edit")) {
                (csrf(session))
                @if let Some(message) = edit_error { (views::error(message)) }
                label for="edit-url" { "Endpoint URL" }
                input #edit-url type="url" name="url" value=(e["url"].as_str().unwrap_or_default()) required;
                label for="edit-description" { "Description" }
                input #edit-description type="text" name="description" value=(e["description"].as_str().unwrap_or_default()) maxlength="500";
                (events_fieldset("edit", &catalog, &selected))
                (scheme_select("edit", e["signatureScheme"].as_str().unwrap_or("standard-webhooks")))
                label for="edit-headers" { "Custom headers" }
                textarea #edit-headers name="headers" rows="3" { (header_lines(&e["headers"])) }
                input type="hidden" name="headers_was" value=(header_lines(&e["headers"]));
                p.muted { "Secret-like values are shown masked; leave a line as it is to keep its value." }
                button type="submit" { "Save changes" }
            }
        }
        div.card {
            h2 { "Delivery log" }
            form.row method="get" action=(path) {
                label for="filter-status" { "Status" }
                select #filter-status name="status" {
                    option value="" { "Any" }
                    @for status in ["pending", "succeeded", "failed"] {
                        option value=(status) selected[filter.status.as_deref() == Some(status)] { (status) }
                    }
                }
                label for="filter-type" { "Event type" }
                input #filter-type type="text" name="eventType" value=(filter.event_type.as_deref().unwrap_or_default()) placeholder="lead.created";
                label for="filter-since" { "From " (zone_name()) }
                (local_time_input("filter-since", "since", filter.since.as_deref(), false))
                label for="filter-until" { "To " (zone_name()) }
                (local_time_input("filter-until", "until", filter.until.as_deref(), false))
                button.secondary type="submit" { "Filter" }
            }
            @if !deliveries.ok() {
                (views::error(&deliveries.message()))
            } @else if deliveries.items().is_empty() {
                p.empty { "No deliveries yet. Events your organization creates are delivered here; “Send test event” checks the endpoint now." }
            } @else {
                table {
                    thead { tr { th { "Event" } th { "Status" } th { "Attempts" } th { "Last response" } th { "Created" } } }
                    tbody {
                        @for d in deliveries.items() {
                            tr {
                                td { a href=(format!("/console/settings/developer/deliveries/{}", segment(d["id"].as_str().unwrap_or_default()))) { code { (views::text(&d["eventType"])) } } }
                                td { (delivery_status(&d["status"])) }
                                td { (views::text(&d["attemptCount"])) }
                                td { (views::text(&d["lastStatusCode"])) }
                                td { (views::time(&d["createdAt"])) }
                            }
                        }
                    }
                }
                @if deliveries.items().len() == 50 {
                    @let last = deliveries.items().last().and_then(|d| d["id"].as_str()).unwrap_or_default();
                    p { a href=(format!("{path}?{}", query(&[("status", filter.status.as_deref()), ("eventType", filter.event_type.as_deref()), ("since", filter.since.as_deref()), ("sinceZone", filter.since_zone.as_deref()), ("until", filter.until.as_deref()), ("untilZone", filter.until_zone.as_deref()), ("after", Some(last))]))) { "Older deliveries →" } }
                }
            }
            form.row method="post" action=(format!("{path}/recover")) {
                (csrf(session))
                label for="recover-since" { "Resend every failed delivery since " (zone_name()) }
                (local_time_input("recover-since", "since", None, true))
                button.secondary type="submit" { "Recover" }
            }
        }
    };
    pushed(Page(StatusCode::OK, views::page(session, "Webhook endpoint", WEBHOOKS, body)), &path)
}

fn delivery_status(status: &Value) -> Markup {
    match status.as_str() {
        Some("succeeded") => html! { span.ok { "succeeded" } },
        Some("failed") => html! { span.bad { "failed" } },
        _ => views::text(status),
    }
}

async fn test_endpoint(
    Extension(api): Extension<Api>,
    Path(id): Path<String>,
    Posted { session, .. }: Posted,
) -> Response {
    let reply = api.post(&session.auth, &format!("/webhooks/{}/test", segment(&id)), json!({})).await;
    if !reply.ok() {
        return refused(&session, "Send test event", WEBHOOKS, &reply);
    }
    endpoint_view(&api, &session, &id, Shown::Test(&reply.json), &DeliveryFilter::default()).await
}

async fn set_enabled(
    Extension(api): Extension<Api>,
    Path(id): Path<String>,
    Posted { session, form }: Posted,
) -> Response {
    let enabled = form.get("enabled") == Some("true");
    let reply = api.patch(&session.auth, &format!("/webhooks/{}", segment(&id)), json!({"enabled": enabled})).await;
    if !reply.ok() {
        return refused(&session, "Webhook endpoint", WEBHOOKS, &reply);
    }
    let notice =
        if enabled { "The endpoint is enabled." } else { "The endpoint is disabled: no events are sent to it." };
    endpoint_view(&api, &session, &id, Shown::Notice(notice.into()), &DeliveryFilter::default()).await
}

async fn rotate_secret(
    Extension(api): Extension<Api>,
    Path(id): Path<String>,
    Posted { session, .. }: Posted,
) -> Response {
    let reply = api.post(&session.auth, &format!("/webhooks/{}/rotate-secret", segment(&id)), json!({})).await;
    if !reply.ok() {
        return refused(&session, "Rotate secret", WEBHOOKS, &reply);
    }
    endpoint_view(&api, &session, &id, Shown::Secret(&reply.json), &DeliveryFilter::default()).await
}

async fn reveal_secret(
    Extension(api): Extension<Api>,
    Path(id): Path<String>,
    Posted { session, .. }: Posted,
) -> Response {
    let reply = api.get(&session.auth, &format!("/webhooks/{}/secret", segment(&id))).await;
    if !reply.ok() {
        return refused(&session, "Reveal secret", WEBHOOKS, &reply);
    }
    endpoint_view(&api, &session, &id, Shown::Secret(&reply.json), &DeliveryFilter::default()).await
}

async fn edit_endpoint(
    Extension(api): Extension<Api>,
    Path(id): Path<String>,
    Posted { session, form }: Posted,
) -> Response {
    let all = form.all("events").iter().any(|e| e == "*");
    let events: Vec<String> = if all { vec![] } else { form.all("events") };
    let mut body = json!({
        "url": form.get("url").unwrap_or_default(),
        "description": form.get("description"),
        "events": events,
        "signatureScheme": form.get("signature_scheme").unwrap_or("standard-webhooks"),
    });
    let headers = form.raw("headers").replace("\r\n", "\n");
    if headers.trim() != form.raw("headers_was").replace("\r\n", "\n").trim() {
        match parse_headers(&headers) {
            Ok(parsed) => body["headers"] = Value::Object(parsed),
            Err(message) => {
                return endpoint_view(&api, &session, &id, Shown::EditError(message), &DeliveryFilter::default()).await;
            }
        }
    }
    let reply = api.patch(&session.auth, &format!("/webhooks/{}", segment(&id)), body).await;
    let shown = if reply.ok() {
        Shown::Notice("Saved.".into())
    } else if matches!(reply.code(), "INSUFFICIENT_SCOPE" | "NOT_FOUND" | "PLAN_REQUIRED") {
        return refused(&session, "Webhook endpoint", WEBHOOKS, &reply);
    } else {
        Shown::EditError(reply.message())
    };
    endpoint_view(&api, &session, &id, shown, &DeliveryFilter::default()).await
}

async fn recover(Extension(api): Extension<Api>, Path(id): Path<String>, Posted { session, form }: Posted) -> Response {
    let since = utc(form.get("since"), form.get("sinceZone"));
    let reply = api.post(&session.auth, &format!("/webhooks/{}/recover", segment(&id)), json!({"since": since})).await;
    let notice = if reply.ok() {
        format!("{} failed deliveries will be sent again.", reply.json["requeued"].as_i64().unwrap_or(0))
    } else {
        reply.message()
    };
    endpoint_view(&api, &session, &id, Shown::Notice(notice), &DeliveryFilter::default()).await
}

async fn delivery_page(Extension(api): Extension<Api>, session: Session, Path(id): Path<String>) -> Response {
    delivery_view(&api, &session, &id, None).await
}

async fn delivery_view(api: &Api, session: &Session, id: &str, notice: Option<&str>) -> Response {
    let delivery = api.get(&session.auth, &format!("/webhook-deliveries/{}", segment(id))).await;
    if !delivery.ok() {
        return refused(session, "Delivery", WEBHOOKS, &delivery);
    }
    let d = &delivery.json;
    let endpoint_id = d["endpointId"].as_str().unwrap_or_default();
    let event =
        api.get(&session.auth, &format!("/events/{}", segment(d["eventId"].as_str().unwrap_or_default()))).await;
    let body = html! {
        p { a href=(format!("{WEBHOOKS}/{}", segment(endpoint_id))) { "← Endpoint" } }
        h1 { "Delivery of " code { (views::text(&d["eventType"])) } }
        p.lead { code { (id) } " · " (delivery_status(&d["status"])) }
        @if let Some(message) = notice { (views::notice(message)) }
        form method="post" action=(format!("/console/settings/developer/deliveries/{}/resend", segment(id))) {
            (csrf(session))
            button type="submit" { "Resend" }
        }
        div.card {
            h2 { "Attempts" }
            @let attempts = views::list(&d["attempts"]);
            @if attempts.is_empty() {
                p.empty { "Not attempted yet: the delivery is queued." }
            } @else {
                table {
                    thead { tr { th { "When" } th { "Response" } th { "Time" } th { "Body or error" } } }
                    tbody {
                        @for a in attempts {
                            tr {
                                td { (views::time(&a["attemptedAt"])) }
                                td { (views::text(&a["statusCode"])) }
                                td { (views::text(&a["latencyMs"])) " ms" }
                                td {
                                    @if let Some(error) = a["error"].as_str() { span.bad { (error) } }
                                    @if let Some(body) = a["responseBody"].as_str() { (views::preformatted(body)) }
                                    @if a["requestHeaders"].is_object() { details { summary { "Request headers" } (views::json(&a["requestHeaders"])) } }
                                    @if a["responseHeaders"].is_object() { details { summary { "Response headers" } (views::json(&a["responseHeaders"])) } }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if event.ok() {
            div.card { h2 { "Event sent" } (views::json(&event.json)) }
        }
    };
    let page = format!("/console/settings/developer/deliveries/{}", segment(id));
    pushed(Page(StatusCode::OK, views::page(session, "Delivery", WEBHOOKS, body)), &page)
}

async fn resend(Extension(api): Extension<Api>, Path(id): Path<String>, Posted { session, .. }: Posted) -> Response {
    let reply = api.post(&session.auth, &format!("/webhook-deliveries/{}/resend", segment(&id)), json!({})).await;
    if !reply.ok() {
        return refused(&session, "Resend", WEBHOOKS, &reply);
    }
    let new_id = reply.json["id"].as_str().unwrap_or(&id).to_owned();
    delivery_view(&api, &session, &new_id, Some("Sent again: the new delivery is below.")).await
}

// ---- Events ----

#[derive(Debug, Default, Deserialize)]
struct EventFilter {
    #[serde(rename = "type")]
    kind: Option<String>,
    after: Option<String>,
}

async fn events_page(Extension(api): Extension<Api>, session: Session, Query(filter): Query<EventFilter>) -> Response {
    let list = api
        .get(
            &session.auth,
            &format!(
                "/events?{}",
                query(&[
                    ("type", filter.kind.as_deref()),
                    ("startingAfter", filter.after.as_deref()),
                    ("limit", Some("50"))
                ])
            ),
        )
        .await;
    if !list.ok() && list.status != StatusCode::BAD_REQUEST {
        return refused(&session, "Events", EVENTS, &list);
    }
    let body = html! {
        h1 { "Events" }
        p.lead { "Everything that happened in your organization, newest first: what webhooks deliver. "
            a href="/console/events/catalog" { "The event catalog" } " lists every type." }
        form.row method="get" action=(EVENTS) {
            label for="event-type" { "Type" }
            input #event-type type="text" name="type" value=(filter.kind.as_deref().unwrap_or_default()) placeholder="property.created";
            button.secondary type="submit" { "Filter" }
        }
        @if !list.ok() {
            (views::error(&list.message()))
        } @else if list.items().is_empty() {
            p.empty { "No events yet. Create something through the API and it appears here." }
        } @else {
            div.card {
                table {
                    thead { tr { th { "Type" } th { "When" } th { "Event" } } }
                    tbody {
                        @for event in list.items() {
                            tr {
                                td { code { (views::text(&event["type"])) } }
                                td { (views::time(&event["occurredAt"])) }
                                td { details { summary { code { (views::text(&event["id"])) } } (views::json(event)) } }
                            }
                        }
                    }
                }
            }
            @if list.items().len() == 50 {
                @let last = list.items().last().and_then(|e| e["id"].as_str()).unwrap_or_default();
                p { a href=(format!("{EVENTS}?{}", query(&[("type", filter.kind.as_deref()), ("after", Some(last))]))) { "Older events →" } }
            }
        }
    };
    Page(StatusCode::OK, views::page(&session, "Events", EVENTS, body)).into_response()
}

async fn catalog_page(Extension(api): Extension<Api>, session: Session) -> Response {
    let catalog = api.get(&session.auth, "/webhook-events").await;
    if !catalog.ok() {
        return refused(&session, "Event catalog", EVENTS, &catalog);
    }
    let body = html! {
        p { a href=(EVENTS) { "← Events" } }
        h1 { "Event catalog" }
        p.lead { "Every event type, the fields of its " code { "data" } ", its JSON Schema and an example." }
        @for event in catalog.items() {
            div.card {
                h2 { code { (views::text(&event["type"])) } }
                p { (views::text(&event["description"])) }
                (schema_fields(event["type"].as_str().unwrap_or_default(), &event["schema"]))
                details { summary { "JSON Schema" } (views::json(&event["schema"])) }
                details { summary { "Example" } (views::json(&event["example"])) }
            }
        }
    };
    Page(StatusCode::OK, views::page(&session, "Event catalog", EVENTS, body)).into_response()
}

/// The top-level fields of an event's `data` schema as a table: name, type, description.
fn schema_fields(kind: &str, schema: &Value) -> Markup {
    let Some(properties) = schema["properties"].as_object() else { return html! {} };
    let required: Vec<&str> =
        schema["required"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    html! {
        table aria-label=(format!("Fields of {kind} data")) {
            thead { tr { th scope="col" { "Field" } th scope="col" { "Type" } th scope="col" { "Description" } } }
            tbody {
                @for (name, field) in properties {
                    tr {
                        td { code { (name) } @if !required.contains(&name.as_str()) { " " span.muted { "optional" } } }
                        td { (type_of(field)) }
                        td { (field["description"].as_str().unwrap_or_default()) }
                    }
                }
            }
        }
    }
}

/// A schema's type as a reader says it: `string (date-time)`, `string or null`, `Address`, `array of string`.
fn type_of(schema: &Value) -> String {
    if let Some(target) = schema["$ref"].as_str() {
        return target.rsplit('/').next().unwrap_or(target).to_owned();
    }
    if let Some(any) = schema["oneOf"].as_array().or_else(|| schema["anyOf"].as_array()) {
        return any.iter().map(type_of).collect::<Vec<_>>().join(" or ");
    }
    let kinds: Vec<String> = match &schema["type"] {
        Value::String(kind) => vec![kind.clone()],
        Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => vec!["any".to_owned()],
    };
    let kinds: Vec<String> = kinds
        .into_iter()
        .map(|kind| match (kind.as_str(), schema["format"].as_str()) {
            ("array", _) => format!("array of {}", type_of(&schema["items"])),
            ("null", _) => kind,
            (_, Some(format)) => format!("{kind} ({format})"),
            _ => kind,
        })
        .collect();
    kinds.join(" or ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_become_utc_with_the_browsers_offset() {
        // New York in winter (300 minutes behind), Paris in summer (120 ahead), none (UTC).
        assert_eq!(utc(Some("2026-01-15T10:30"), Some("300")).as_deref(), Some("2026-01-15T15:30:00Z"));
        assert_eq!(utc(Some("2026-07-01T01:00:30"), Some("-120")).as_deref(), Some("2026-06-30T23:00:30Z"));
        assert_eq!(utc(Some("2026-01-15T10:30"), None).as_deref(), Some("2026-01-15T10:30:00Z"));
        assert_eq!(utc(Some("2026-01-15T10:30"), Some("not a number")).as_deref(), Some("2026-01-15T10:30:00Z"));
        assert_eq!(utc(Some(""), Some("300")), None);
        // Not a local time: passed on for the API to name what is wrong.
        assert_eq!(utc(Some("yesterday"), Some("300")).as_deref(), Some("yesterday"));
    }

    #[test]
    fn schema_types_read_as_words() {
        assert_eq!(type_of(&json!({"type": "string", "format": "date-time"})), "string (date-time)");
        assert_eq!(type_of(&json!({"type": ["integer", "null"], "format": "int64"})), "integer (int64) or null");
        assert_eq!(type_of(&json!({"type": "array", "items": {"type": "string"}})), "array of string");
        assert_eq!(type_of(&json!({"$ref": "#/$defs/Address"})), "Address");
        assert_eq!(type_of(&json!({"oneOf": [{"type": "null"}, {"$ref": "#/$defs/Money"}]})), "null or Money");
    }
}
