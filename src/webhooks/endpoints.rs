//! Webhook endpoints (subscriptions): `/api/webhooks`, `/api/webhooks/{id}`,
//! `…/{id}/rotate-secret` and `…/{id}/test`. They need the Elite plan (`features.webhooks`)
//! and the `read:webhooks` / `write:webhooks` scopes. The secret is returned by create and
//! rotate only; after a rotation the previous secret keeps signing for 24 hours. The secrets
//! and the static headers are stored encrypted ([`crate::secrets`]): rows are sealed here on
//! write and opened by [`EndpointRow::open`] on read.

use std::collections::BTreeMap;

use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::event_log::require_readable;
use super::sender::{self, Outcome, Target};
use super::signing::{self, Scheme};
use crate::audit;
use crate::auth::{ActingOrg, Auth};
use crate::db::{Backend, Jobs, Scoped};
use crate::events as catalog;
use crate::events::EventTypeName;
use crate::http::idempotency::RedactOnReplay;
use crate::http::{Json, Path};
use crate::resource::validate::optional_text;
use crate::resource::{BodyRule, Columns, Deleted, Filters, Meta, Resource};
use crate::resource::{Patch, patch_body};
use crate::secrets::{Place, Secrets, SecretsError};
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::ids::new_id;
use crate::vocab::scope::Need;
use crate::vocab::values::{Flag, StringList, Timestamp};

/// The writes; the reads are the engine's ([`WebhookEndpoints`], registered in `super::AREA`).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_endpoint))
        .routes(routes!(update_endpoint, replace_endpoint, delete_endpoint))
        .routes(routes!(rotate_secret))
        .routes(routes!(reveal_secret))
        .routes(routes!(test_endpoint))
}

/// How long a rotated-out secret keeps signing.
const PREVIOUS_SECRET_MS: i64 = 24 * 3600 * 1000;

/// An endpoint as the API shows it (never its secret). Read through the engine
/// ([`WebhookEndpoints`]): its sealed headers are opened and masked, and its default signature
/// header filled in, by [`Resource::compute`].
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "whep_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "url": "https://example.com/webhooks/gable",
    "description": "CRM sync", "events": ["lead.created", "lead.updated"], "enabled": true,
    "signatureScheme": "standard-webhooks", "signatureHeader": "webhook-signature", "headers": {},
    "consecutiveFailures": 0, "lastSuccessAt": null, "lastFailureAt": null, "disabledReason": null,
    "disabledAt": null, "previousSecretExpiresAt": null,
    "createdAt": "2025-01-15T10:30:00.000Z", "updatedAt": "2025-01-15T10:30:00.000Z"
}))]
pub struct Endpoint {
    pub id: String,
    #[serde(skip)]
    #[column(read_only)]
    pub org_id: String,
    pub url: String,
    pub description: Option<String>,
    /// Event types delivered; empty means every event.
    pub events: StringList,
    pub enabled: Flag,
    pub signature_scheme: Scheme,
    /// The header the signature is sent in.
    #[sqlx(skip)]
    pub signature_header: String,
    /// As stored: `NULL` for the scheme's default.
    #[serde(skip)]
    #[sqlx(rename = "signature_header")]
    #[column(read_only)]
    pub chosen_signature_header: Option<String>,
    /// Static headers sent with every delivery (credential-like values are masked here).
    #[sqlx(skip)]
    pub headers: BTreeMap<String, String>,
    /// As stored: sealed.
    #[serde(skip)]
    #[sqlx(rename = "headers")]
    #[column(read_only)]
    pub sealed_headers: String,
    pub consecutive_failures: i64,
    pub last_success_at: Option<Timestamp>,
    pub last_failure_at: Option<Timestamp>,
    /// Why the endpoint was disabled (after too many failures, or a 410 Gone).
    pub disabled_reason: Option<String>,
    pub disabled_at: Option<Timestamp>,
    /// Until when the previous secret still signs, after a rotation.
    pub previous_secret_expires_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// An endpoint with its secret: the responses of create and rotate-secret.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "whep_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "url": "https://example.com/webhooks/gable",
    "description": null, "events": [], "enabled": true, "signatureScheme": "standard-webhooks",
    "signatureHeader": "webhook-signature", "headers": {}, "consecutiveFailures": 0, "lastSuccessAt": null,
    "lastFailureAt": null, "disabledReason": null, "disabledAt": null, "previousSecretExpiresAt": null,
    "createdAt": "2025-01-15T10:30:00.000Z", "updatedAt": "2025-01-15T10:30:00.000Z",
    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwC8sS8kWDqkE="
}))]
pub struct EndpointWithSecret {
    #[serde(flatten)]
    pub endpoint: Endpoint,
    /// The signing secret: `whsec_` + base64 of 32 random bytes. Shown only here.
    pub secret: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "url": "https://example.com/webhooks/gable", "events": ["lead.created"],
    "signatureScheme": "hmac-sha256-hex", "signatureHeader": "X-Aureum-Signature"
}))]
pub struct CreateEndpoint {
    /// An `http(s)` URL of a named host (at most 2,048 characters).
    #[schema(value_type = WebhookUrl)]
    pub url: String,
    /// At most 500 characters.
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// Event types to deliver (see `GET /api/webhook-events`); empty or absent: every event.
    #[schema(value_type = Option<Vec<EventTypeName>>)]
    pub events: Option<Vec<String>>,
    /// Default `true`.
    pub enabled: Option<bool>,
    /// Default `standard-webhooks`.
    pub signature_scheme: Option<Scheme>,
    /// For the two HMAC schemes: the header to put the signature in (default `X-Gable-Signature`);
    /// empty is the same as absent.
    #[schema(value_type = Option<HeaderName>)]
    pub signature_header: Option<String>,
    /// Static headers sent with every delivery (e.g. an authorization header of your own).
    #[schema(value_type = Option<StaticHeaders>)]
    pub headers: Option<BTreeMap<String, String>>,
}

/// The URLs the document promises to take: `http(s)`, a host name ending in a label of letters,
/// an optional port, printable ASCII after it. (The server takes more: what the URL parser
/// reads, short of private addresses.)
const URL_PATTERN: &str = "^https?://[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}(:[1-9][0-9]{0,3})?([/?#][!-~]*)?$";

/// How the document names an endpoint's URL: [`URL_PATTERN`], at most 2,048 characters.
pub struct WebhookUrl;

impl utoipa::PartialSchema for WebhookUrl {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        crate::resource::pattern_string(
            URL_PATTERN,
            "An `http(s)` URL of a named host",
            "https://example.com/webhooks/gable",
        )
        .max_length(Some(2048))
        .into()
    }
}
impl ToSchema for WebhookUrl {}

/// How the document names a signature header: [`HEADER_NAME_PATTERN`].
pub struct HeaderName;

impl utoipa::PartialSchema for HeaderName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        crate::resource::pattern_string(
            signature_header_pattern(),
            "A header name (an RFC 9110 token), not one a delivery sets itself; empty is the same as absent",
            "X-Aureum-Signature",
        )
        .into()
    }
}
impl ToSchema for HeaderName {}

/// [`HEADER_NAME_PATTERN`] without the [`RESERVED_HEADERS`], in any case: `^(?!(?:[Hh][Oo][Ss][Tt]|…)$)…`.
fn signature_header_pattern() -> String {
    let any_case = |name: &str| -> String {
        name.chars()
            .map(|c| if c.is_ascii_alphabetic() { format!("[{}{}]", c.to_ascii_uppercase(), c) } else { c.to_string() })
            .collect()
    };
    let reserved: Vec<String> = RESERVED_HEADERS.iter().map(|name| any_case(name)).collect();
    format!("^(?!(?:{})$){}", reserved.join("|"), &HEADER_NAME_PATTERN[1..])
}

/// A header name (an RFC 9110 token) or nothing.
const HEADER_NAME_PATTERN: &str = "^([A-Za-z0-9!#$%&'*+.^_`|~-]{1,100})?$";

/// How the document names an endpoint's static headers: at most 20, each an RFC 9110 token
/// with a value of at most 1,000 characters on one line ([`static_headers`] checks them; a
/// header a delivery sets itself cannot be set).
pub struct StaticHeaders;

impl utoipa::PartialSchema for StaticHeaders {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        serde_json::from_value(json!({
            "type": "object",
            "maxProperties": 20,
            "propertyNames": {"type": "string", "pattern": "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$"},
            "additionalProperties": {"type": "string", "maxLength": 1000, "pattern": "^[^\\r\\n]*$"},
            "examples": [{"Authorization": "Bearer my-receiver-token"}]
        }))
        .expect("a schema")
    }
}
impl ToSchema for StaticHeaders {}

/// A signature header belongs to the HMAC schemes (`signature_header`).
pub const HEADER_WITH_HMAC: BodyRule = BodyRule { schema: "CreateEndpoint", rule: header_with_hmac };

fn header_with_hmac() -> serde_json::Value {
    json!({"anyOf": [
        {"type": "object", "required": ["signatureScheme"], "properties": {"signatureScheme": {"type": "string", "enum": ["hmac-sha256-hex", "hmac-sha256-timestamped"]}}},
        {"type": "object", "properties": {"signatureHeader": {"anyOf": [{"type": "null"}, {"type": "string", "maxLength": 0}]}}}
    ]})
}

/// The same for a change that sends the scheme (without it, the stored scheme decides: a 409).
pub const HEADER_WITH_HMAC_ON_UPDATE: BodyRule =
    BodyRule { schema: "UpdateEndpoint", rule: header_with_hmac_on_update };

fn header_with_hmac_on_update() -> serde_json::Value {
    json!({"anyOf": [
        {"type": "object", "properties": {"signatureScheme": {"type": "string", "enum": ["hmac-sha256-hex", "hmac-sha256-timestamped"]}}},
        {"type": "object", "properties": {"signatureHeader": {"anyOf": [{"type": "null"}, {"type": "string", "maxLength": 0}]}}}
    ]})
}

/// Only the fields sent change. Setting `enabled: true` re-enables a disabled endpoint.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"enabled": true, "events": []}))]
pub struct UpdateEndpoint {
    #[schema(value_type = WebhookUrl)]
    pub url: Patch<String>,
    #[schema(max_length = 500)]
    pub description: Patch<Option<String>>,
    #[schema(value_type = Vec<EventTypeName>)]
    pub events: Patch<Vec<String>>,
    pub enabled: Patch<bool>,
    pub signature_scheme: Patch<Scheme>,
    #[schema(value_type = Option<HeaderName>)]
    pub signature_header: Patch<Option<String>>,
    #[schema(value_type = StaticHeaders)]
    pub headers: Patch<BTreeMap<String, String>>,
}

/// The stored endpoint, secrets included (never serialized). As read from the database its
/// `secret`, `previous_secret` and `headers` are sealed: [`open`](Self::open) decrypts them.
#[derive(Debug, Clone, FromRow)]
pub struct EndpointRow {
    pub id: String,
    pub org_id: String,
    pub url: String,
    pub description: Option<String>,
    pub events: String,
    pub enabled: i64,
    pub signature_scheme: Scheme,
    pub signature_header: Option<String>,
    pub headers: String,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_expires_at: Option<i64>,
    pub consecutive_failures: i64,
    pub last_success_at: Option<i64>,
    pub last_failure_at: Option<i64>,
    pub disabled_reason: Option<String>,
    pub disabled_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub const COLUMNS: &str = "id, org_id, url, description, events, enabled, signature_scheme, signature_header, headers, \
    secret, previous_secret, previous_secret_expires_at, consecutive_failures, last_success_at, last_failure_at, \
    disabled_reason, disabled_at, created_at, updated_at";

/// Where one of an endpoint's sealed values lives (its ciphertext is bound to it).
fn place<'a>(org_id: &'a str, id: &'a str, column: &'static str) -> Place<'a> {
    Place { table: "webhook_endpoints", column, org_id, id }
}

/// `value` of `column` as stored: sealed.
fn sealed(secrets: &Secrets, org_id: &str, id: &str, column: &'static str, value: &str) -> String {
    secrets.seal(&place(org_id, id, column), value)
}

impl EndpointRow {
    /// Decrypts the secrets and headers of a row read from the database.
    pub fn open(mut self, secrets: &Secrets) -> Result<EndpointRow, SecretsError> {
        let open = |column, value: &str| secrets.open(&place(&self.org_id, &self.id, column), value);
        let secret = open("secret", &self.secret)?;
        let previous = self.previous_secret.as_deref().map(|p| open("previous_secret", p)).transpose()?;
        let headers = open("headers", &self.headers)?;
        (self.secret, self.previous_secret, self.headers) = (secret, previous, headers);
        Ok(self)
    }

    pub fn events(&self) -> Vec<String> {
        serde_json::from_str(&self.events).unwrap_or_default()
    }

    pub fn headers(&self) -> BTreeMap<String, String> {
        serde_json::from_str(&self.headers).unwrap_or_default()
    }

    /// The secrets that sign now: the current one, then the previous one until it expires.
    pub fn active_secrets(&self, now_ms: i64) -> Vec<&str> {
        let mut secrets = vec![self.secret.as_str()];
        if let (Some(previous), Some(until)) = (&self.previous_secret, self.previous_secret_expires_at)
            && until > now_ms
        {
            secrets.push(previous);
        }
        secrets
    }

    pub fn to_api(&self, now_ms: i64) -> Endpoint {
        let mut endpoint = Endpoint {
            id: self.id.clone(),
            org_id: self.org_id.clone(),
            url: self.url.clone(),
            description: self.description.clone(),
            events: StringList(self.events()),
            enabled: Flag(self.enabled != 0),
            signature_scheme: self.signature_scheme,
            signature_header: String::new(),
            chosen_signature_header: self.signature_header.clone(),
            headers: masked(self.headers()),
            sealed_headers: String::new(),
            consecutive_failures: self.consecutive_failures,
            last_success_at: self.last_success_at.map(Timestamp),
            last_failure_at: self.last_failure_at.map(Timestamp),
            disabled_reason: self.disabled_reason.clone(),
            disabled_at: self.disabled_at.map(Timestamp),
            previous_secret_expires_at: self.previous_secret_expires_at.map(Timestamp),
            created_at: Timestamp(self.created_at),
            updated_at: Timestamp(self.updated_at),
        };
        endpoint.finish(now_ms);
        endpoint
    }
}

impl Endpoint {
    /// The fields shown but not stored as such: the signature header (the scheme's default
    /// when none was chosen), and a previous secret's expiry only while it still signs.
    fn finish(&mut self, now_ms: i64) {
        self.signature_header =
            self.chosen_signature_header.clone().unwrap_or_else(|| self.signature_scheme.default_header().to_owned());
        self.previous_secret_expires_at = self.previous_secret_expires_at.filter(|at| at.ms() > now_ms);
    }
}

/// Static headers as shown: credential-like values masked.
fn masked(headers: BTreeMap<String, String>) -> BTreeMap<String, String> {
    headers.into_iter().map(|(k, v)| (k.clone(), mask(&k, &v))).collect()
}

/// Webhook endpoints through the engine: `GET /api/webhooks` (a page, newest first; filter
/// `enabled`) and `GET /api/webhooks/{id}`, and `webhookEndpoints`/`webhookEndpoint` in
/// GraphQL. Writes are this file's own routes (SSRF check, event types within the caller's
/// scopes, sealed secrets).
pub struct WebhookEndpoints;

impl Resource for WebhookEndpoints {
    const META: Meta = Meta {
        name: "webhook_endpoint",
        plural: "webhook endpoints",
        path: "/webhooks",
        table: "webhook_endpoints",
        id_prefix: "whep",
        scope: "webhooks",
        tag: "Webhooks",
    };
    type Record = Endpoint;
    type Filter = EndpointFilter;

    fn filter(f: &EndpointFilter, filters: &mut Filters) {
        filters.eq("enabled", f.enabled);
    }

    fn authorize(auth: &Auth, need: Need) -> ApiResult<&ActingOrg> {
        auth.require_webhooks(need)
    }

    /// Opens and masks the headers, fills in the default signature header, and hides an
    /// expired previous secret's time.
    fn compute(state: &AppState, e: &mut Endpoint) {
        if !e.sealed_headers.is_empty() {
            match state.secrets().open(&place(&e.org_id, &e.id, "headers"), &e.sealed_headers) {
                Ok(json) => e.headers = masked(serde_json::from_str(&json).unwrap_or_default()),
                Err(err) => tracing::error!(endpoint = %e.id, error = %err, "cannot open an endpoint's headers"),
            }
            e.sealed_headers.clear();
        }
        e.finish(state.clock().now_ms());
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EndpointFilter {
    /// Only enabled (`true`) or disabled (`false`) endpoints.
    pub enabled: Option<bool>,
}

/// Shows the last four characters of credential-like header values.
fn mask(name: &str, value: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let sensitive = ["authorization", "token", "secret", "key", "password", "cookie"].iter().any(|w| lower.contains(w));
    if !sensitive {
        return value.to_owned();
    }
    let tail: String = value.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    format!("…{tail}")
}

/// Header names a delivery sets itself.
const RESERVED_HEADERS: [&str; 8] = [
    "content-type",
    "content-length",
    "host",
    "user-agent",
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
    "transfer-encoding",
];

fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn signature_header(scheme: Scheme, header: Option<String>) -> ApiResult<Option<String>> {
    let Some(header) = header.map(|h| h.trim().to_owned()).filter(|h| !h.is_empty()) else { return Ok(None) };
    if scheme == Scheme::StandardWebhooks {
        return Err(ApiError::validation(
            "signatureHeader",
            "`signatureHeader` applies to hmac-sha256-hex and hmac-sha256-timestamped; standard-webhooks uses its own headers",
        ));
    }
    if !is_token(&header) || RESERVED_HEADERS.contains(&header.to_ascii_lowercase().as_str()) {
        return Err(ApiError::validation(
            "signatureHeader",
            format!("`{header}` cannot be used as the signature header"),
        ));
    }
    Ok(Some(header))
}

fn static_headers(headers: BTreeMap<String, String>, signature: &str) -> ApiResult<BTreeMap<String, String>> {
    if headers.len() > 20 {
        return Err(ApiError::validation("headers", "at most 20 static headers"));
    }
    for (name, value) in &headers {
        let lower = name.to_ascii_lowercase();
        if !is_token(name) || RESERVED_HEADERS.contains(&lower.as_str()) || lower == signature.to_ascii_lowercase() {
            return Err(ApiError::validation("headers", format!("header `{name}` cannot be set")));
        }
        if value.chars().count() > 1000 || value.contains(['\r', '\n']) {
            return Err(ApiError::validation("headers", format!("the value of `{name}` is not a valid header value")));
        }
    }
    Ok(headers)
}

/// The subscription `list`, checked: every type known, and readable by the caller (an
/// endpoint receives what it subscribes to, so subscribing needs `read:` each event's
/// resource; an empty list, every event, needs them all).
fn events(auth: &Auth, list: Vec<String>) -> ApiResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for event in list {
        if !catalog::is_known(&event) {
            return Err(ApiError::validation(
                "events",
                format!("unknown event type `{event}` (see GET /api/webhook-events)"),
            ));
        }
        require_readable(auth, &event)?;
        if !out.contains(&event) {
            out.push(event);
        }
    }
    if out.is_empty()
        && let Some(readable) = catalog::readable(auth.scopes())
    {
        let unreadable = catalog::all().iter().find(|e| !readable.contains(&e.kind.as_str()));
        if let Some(event) = unreadable {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "INSUFFICIENT_SCOPE",
                format!(
                    "{} cannot subscribe to every event: it does not have `read:{}` (for `{}`); list the `events` it may read",
                    auth.caller(),
                    event.scope,
                    event.kind
                ),
            ));
        }
    }
    Ok(out)
}

async fn checked_url(state: &AppState, url: &str) -> ApiResult<String> {
    let policy = state.webhooks().policy();
    let parsed = policy.parse(url).map_err(|e| ApiError::validation("url", e))?;
    policy.check(&parsed).await.map_err(|e| ApiError::validation("url", e))?;
    if url.len() > 2048 {
        return Err(ApiError::validation("url", "`url` must be at most 2048 characters"));
    }
    Ok(parsed.to_string())
}

/// One endpoint of the organization, its secrets decrypted.
pub async fn load(scoped: &mut Scoped<'_>, secrets: &Secrets, id: &str) -> ApiResult<EndpointRow> {
    let row: Option<EndpointRow> = scoped
        .fetch_optional(
            scoped
                .sql(format!("SELECT {COLUMNS} FROM webhook_endpoints WHERE org_id = $1 AND id = $2"))
                .bind(id.to_owned()),
        )
        .await?;
    row.ok_or_else(|| ApiError::not_found("webhook endpoint", id))?.open(secrets).map_err(ApiError::internal)
}

/// The sealed values of one endpoint, as stored.
#[derive(Debug, FromRow)]
struct SealedValues {
    id: String,
    org_id: String,
    secret: String,
    previous_secret: Option<String>,
    headers: String,
}

/// Re-encrypts, under the current key, every endpoint's sealed values that are not under it:
/// plaintext written before encryption, or values under an earlier key. One transaction, run
/// at start and by `gable secrets rotate`; a value no configured key opens stops it with
/// nothing changed. Returns how many endpoints it re-encrypted.
///
/// On SQLite the old values are also wiped from the file: `secure_delete` zeroes the space
/// they leave, and a checkpoint empties the WAL, which may still hold pages written before.
pub async fn reseal_all(mut jobs: Jobs<'_>, secrets: &Secrets) -> anyhow::Result<u64> {
    let sqlite = jobs.backend() == Backend::Sqlite;
    let mut tx = jobs.begin().await?;
    let lock = if sqlite { "" } else { " FOR UPDATE" };
    let sql = format!("SELECT id, org_id, secret, previous_secret, headers FROM webhook_endpoints ORDER BY id{lock}");
    let rows: Vec<SealedValues> = tx.fetch_all(tx.sql(sql)).await?;
    let mut changes = Vec::new();
    for row in &rows {
        let values = [Some(&row.secret), row.previous_secret.as_ref(), Some(&row.headers)];
        if values.iter().flatten().all(|v| secrets.is_current(v)) {
            continue;
        }
        let reseal = |column, value: &str| -> Result<String, SecretsError> {
            let place = place(&row.org_id, &row.id, column);
            Ok(secrets.seal(&place, &secrets.open(&place, value)?))
        };
        let previous = row.previous_secret.as_deref().map(|p| reseal("previous_secret", p)).transpose()?;
        changes.push((row.id.clone(), reseal("secret", &row.secret)?, previous, reseal("headers", &row.headers)?));
    }
    if changes.is_empty() {
        return Ok(0);
    }
    if sqlite {
        tx.execute(tx.sql("PRAGMA secure_delete = ON")).await?;
    }
    for (id, secret, previous, headers) in &changes {
        let sql = tx
            .sql("UPDATE webhook_endpoints SET secret = $2, previous_secret = $3, headers = $4 WHERE id = $1")
            .bind(id.clone())
            .bind(secret.clone())
            .bind(previous.clone())
            .bind(headers.clone());
        tx.execute(sql).await?;
    }
    if sqlite {
        tx.execute(tx.sql("PRAGMA secure_delete = OFF")).await?;
    }
    tx.commit().await?;
    if sqlite && let Err(err) = jobs.execute(jobs.sql("PRAGMA wal_checkpoint(TRUNCATE)")).await {
        tracing::warn!(error = %err, "emptying the WAL after re-encrypting secrets failed");
    }
    Ok(changes.len() as u64)
}

/// Create a webhook endpoint
///
/// Subscribes a URL to events. The URL must resolve to a public address. The response holds
/// the signing `secret`, shown only here (and by rotate-secret). Needs `write:webhooks`.
#[utoipa::path(post, path = "/webhooks", tag = "Webhooks", request_body = CreateEndpoint,
    responses((status = 201, description = "The endpoint, with its secret", body = EndpointWithSecret)))]
async fn create_endpoint(
    State(state): State<AppState>,
    auth: Auth,
    Json(input): Json<CreateEndpoint>,
) -> ApiResult<(StatusCode, Extension<RedactOnReplay>, Json<EndpointWithSecret>)> {
    let tenant = auth.require_webhooks(Need::Write("webhooks"))?;
    let url = checked_url(&state, &input.url).await?;
    let scheme = input.signature_scheme.unwrap_or(Scheme::StandardWebhooks);
    let header = signature_header(scheme, input.signature_header)?;
    let effective = header.clone().unwrap_or_else(|| scheme.default_header().to_owned());
    let headers = static_headers(input.headers.unwrap_or_default(), &effective)?;
    let now = state.clock().now_ms();
    let row = EndpointRow {
        id: new_id("whep"),
        org_id: tenant.org_id().to_owned(),
        url,
        description: optional_text("description", input.description.as_deref(), 500)?,
        events: serde_json::to_string(&events(&auth, input.events.unwrap_or_default())?).map_err(ApiError::internal)?,
        enabled: i64::from(input.enabled.unwrap_or(true)),
        signature_scheme: scheme,
        signature_header: header,
        headers: serde_json::to_string(&headers).map_err(ApiError::internal)?,
        secret: signing::new_secret(),
        previous_secret: None,
        previous_secret_expires_at: None,
        consecutive_failures: 0,
        last_success_at: None,
        last_failure_at: None,
        disabled_reason: None,
        disabled_at: None,
        created_at: now,
        updated_at: now,
    };
    let seal = |column, value: &str| sealed(state.secrets(), &row.org_id, &row.id, column, value);
    let mut scoped = state.db().scoped(tenant);
    scoped
        .execute(
            scoped
                .sql(
                    "INSERT INTO webhook_endpoints (org_id, id, url, description, events, enabled, signature_scheme, \
                     signature_header, headers, secret, consecutive_failures, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $11)",
                )
                .bind(row.id.clone())
                .bind(row.url.clone())
                .bind(row.description.clone())
                .bind(row.events.clone())
                .bind(row.enabled)
                .bind(row.signature_scheme.as_str().to_owned())
                .bind(row.signature_header.clone())
                .bind(seal("headers", &row.headers))
                .bind(seal("secret", &row.secret))
                .bind(now),
        )
        .await?;
    state.webhooks().wake();
    let body = EndpointWithSecret { endpoint: row.to_api(now), secret: row.secret.clone() };
    let detail = serde_json::json!({"url": row.url, "events": body.endpoint.events});
    audit::record(&state, auth.tenant(), auth.key_id(), "webhook_endpoint.created", Some(&row.id), detail).await;
    Ok((StatusCode::CREATED, Extension(RedactOnReplay(&["secret"])), Json(body)))
}

/// Applies a change in one transaction: the endpoint is read (locked, on PostgreSQL) and
/// written together, so two changes at once cannot undo each other. The URL is checked (a DNS
/// lookup) before the transaction starts.
async fn update(state: &AppState, auth: &Auth, id: &str, change: UpdateEndpoint) -> ApiResult<Endpoint> {
    let tenant = auth.require_webhooks(Need::Write("webhooks"))?;
    let url = match &change.url.into_option() {
        Some(url) => Some(checked_url(state, url).await?),
        None => None,
    };
    let events = change.events.into_option().map(|list| events(auth, list)).transpose()?;
    let mut tx = state.db().begin(tenant).await?;
    let lock = if state.db().backend() == Backend::Postgres { " FOR UPDATE" } else { "" };
    let row: Option<EndpointRow> = tx
        .fetch_optional(
            tx.sql(format!("SELECT {COLUMNS} FROM webhook_endpoints WHERE org_id = $1 AND id = $2{lock}")).bind(id),
        )
        .await?;
    let mut row = row
        .ok_or_else(|| ApiError::not_found("webhook endpoint", id))?
        .open(state.secrets())
        .map_err(ApiError::internal)?;
    if let Some(url) = url {
        row.url = url;
    }
    if let Some(description) = change.description.into_option() {
        row.description = optional_text("description", description.as_deref(), 500)?;
    }
    if let Some(list) = events {
        row.events = serde_json::to_string(&list).map_err(ApiError::internal)?;
    }
    let scheme_sent = change.signature_scheme.is_set();
    if let Some(scheme) = change.signature_scheme.into_option() {
        row.signature_scheme = scheme;
        if scheme == Scheme::StandardWebhooks && change.signature_header.as_option().is_none() {
            row.signature_header = None;
        }
    }
    if let Some(header) = change.signature_header.into_option() {
        row.signature_header = header;
    }
    if !scheme_sent
        && row.signature_scheme == Scheme::StandardWebhooks
        && row.signature_header.as_deref().is_some_and(|h| !h.trim().is_empty())
    {
        // The body is valid; the endpoint's stored scheme refuses it.
        return Err(ApiError::conflict(
            "INVALID_STATE",
            "This endpoint signs with standard-webhooks, which uses its own headers: send `signatureScheme` with `signatureHeader`",
        )
        .with_field("signatureHeader"));
    }
    row.signature_header = signature_header(row.signature_scheme, row.signature_header.take())?;
    let effective = row.signature_header.clone().unwrap_or_else(|| row.signature_scheme.default_header().to_owned());
    let headers = static_headers(change.headers.into_option().unwrap_or_else(|| row.headers()), &effective)?;
    row.headers = serde_json::to_string(&headers).map_err(ApiError::internal)?;
    let now = state.clock().now_ms();
    match change.enabled.into_option() {
        // Re-enabling starts the failure count afresh.
        Some(true) if row.enabled == 0 => {
            row.enabled = 1;
            row.consecutive_failures = 0;
            row.disabled_reason = None;
            row.disabled_at = None;
        }
        Some(false) => row.enabled = 0,
        _ => {}
    }
    row.updated_at = now;
    tx.execute(
        tx.sql(
            "UPDATE webhook_endpoints SET url = $3, description = $4, events = $5, enabled = $6, \
                     signature_scheme = $7, signature_header = $8, headers = $9, consecutive_failures = $10, \
                     disabled_reason = $11, disabled_at = $12, updated_at = $13 WHERE org_id = $1 AND id = $2",
        )
        .bind(row.id.clone())
        .bind(row.url.clone())
        .bind(row.description.clone())
        .bind(row.events.clone())
        .bind(row.enabled)
        .bind(row.signature_scheme.as_str().to_owned())
        .bind(row.signature_header.clone())
        .bind(sealed(state.secrets(), &row.org_id, &row.id, "headers", &row.headers))
        .bind(row.consecutive_failures)
        .bind(row.disabled_reason.clone())
        .bind(row.disabled_at)
        .bind(now),
    )
    .await?;
    tx.commit().await?;
    state.webhooks().requeued(&row.id);
    let endpoint = row.to_api(now);
    let detail = serde_json::json!({"url": endpoint.url, "events": endpoint.events, "enabled": endpoint.enabled});
    audit::record(state, auth.tenant(), auth.key_id(), "webhook_endpoint.updated", Some(&row.id), detail).await;
    Ok(endpoint)
}

/// Update a webhook endpoint
///
/// Changes only the fields sent. `"enabled": true` re-enables an endpoint that was disabled
/// after failures (and resets its failure count). Needs `write:webhooks`.
#[utoipa::path(patch, path = "/webhooks/{id}", tag = "Webhooks", request_body = UpdateEndpoint,
    params(("id" = String, Path, description = "Endpoint id (`whep_…`)")),
    responses((status = 200, description = "The endpoint", body = Endpoint)))]
async fn update_endpoint(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(change): Json<UpdateEndpoint>,
) -> ApiResult<Json<Endpoint>> {
    Ok(Json(update(&state, &auth, &id, change).await?))
}

/// Update a webhook endpoint (PUT)
///
/// The same as `PATCH`, for clients that update with `PUT`.
#[utoipa::path(put, path = "/webhooks/{id}", tag = "Webhooks", request_body = UpdateEndpoint,
    params(("id" = String, Path, description = "Endpoint id (`whep_…`)")),
    responses((status = 200, description = "The endpoint", body = Endpoint)))]
async fn replace_endpoint(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(change): Json<UpdateEndpoint>,
) -> ApiResult<Json<Endpoint>> {
    Ok(Json(update(&state, &auth, &id, change).await?))
}

/// Delete a webhook endpoint
///
/// Stops all deliveries to it and deletes its delivery log. Needs `write:webhooks`.
#[utoipa::path(delete, path = "/webhooks/{id}", tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id (`whep_…`)")),
    responses((status = 200, description = "Deleted", body = Deleted)))]
async fn delete_endpoint(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<Deleted>> {
    let tenant = auth.require_webhooks(Need::Write("webhooks"))?;
    let mut scoped = state.db().scoped(tenant);
    let deleted = scoped
        .execute(scoped.sql("DELETE FROM webhook_endpoints WHERE org_id = $1 AND id = $2").bind(id.clone()))
        .await?;
    if deleted == 0 {
        return Err(ApiError::not_found("webhook endpoint", &id));
    }
    audit::record(&state, auth.tenant(), auth.key_id(), "webhook_endpoint.deleted", Some(&id), serde_json::json!({}))
        .await;
    Ok(Json(Deleted { id, deleted: true }))
}

/// Rotate an endpoint's secret
///
/// Issues a new secret (in the response, shown only here). The previous secret keeps signing
/// alongside it for 24 hours, so receivers can switch without dropping deliveries.
#[utoipa::path(post, path = "/webhooks/{id}/rotate-secret", tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id (`whep_…`)")),
    responses((status = 200, description = "The endpoint, with its new secret", body = EndpointWithSecret)))]
async fn rotate_secret(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<(Extension<RedactOnReplay>, Json<EndpointWithSecret>)> {
    let tenant = auth.require_webhooks(Need::Write("webhooks"))?;
    let mut scoped = state.db().scoped(tenant);
    let mut row = load(&mut scoped, state.secrets(), &id).await?;
    let now = state.clock().now_ms();
    row.previous_secret = Some(std::mem::replace(&mut row.secret, signing::new_secret()));
    let seal = |column, value: &str| sealed(state.secrets(), &row.org_id, &row.id, column, value);
    row.previous_secret_expires_at = Some(now + PREVIOUS_SECRET_MS);
    row.updated_at = now;
    scoped
        .execute(
            scoped
                .sql(
                    "UPDATE webhook_endpoints SET secret = $3, previous_secret = $4, previous_secret_expires_at = $5, \
                     updated_at = $5 - $6 WHERE org_id = $1 AND id = $2",
                )
                .bind(id)
                .bind(seal("secret", &row.secret))
                .bind(row.previous_secret.as_deref().map(|p| seal("previous_secret", p)))
                .bind(now + PREVIOUS_SECRET_MS)
                .bind(PREVIOUS_SECRET_MS),
        )
        .await?;
    let body = EndpointWithSecret { endpoint: row.to_api(now), secret: row.secret.clone() };
    audit::record(
        &state,
        auth.tenant(),
        auth.key_id(),
        "webhook_endpoint.secret_rotated",
        Some(&row.id),
        serde_json::json!({}),
    )
    .await;
    Ok((Extension(RedactOnReplay(&["secret"])), Json(body)))
}

/// An endpoint's signing secret.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwC8sS8kWDqkE="}))]
pub struct EndpointSecret {
    /// `whsec_` + base64 of 32 random bytes.
    pub secret: String,
}

/// Reveal an endpoint's secret
///
/// The current signing secret, for a receiver being set up again (the console's "Reveal").
/// Needs `write:webhooks`: whoever may rotate the secret may read it. (A read changes nothing,
/// so it is not in the audit log; rotations are.)
#[utoipa::path(get, path = "/webhooks/{id}/secret", tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id (`whep_…`)")),
    responses((status = 200, description = "The secret", body = EndpointSecret)))]
async fn reveal_secret(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<EndpointSecret>> {
    let tenant = auth.require_webhooks(Need::Write("webhooks"))?;
    let row = load(&mut state.db().scoped(tenant), state.secrets(), &id).await?;
    Ok(Json(EndpointSecret { secret: row.secret }))
}

/// The result of a test delivery.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"success": true, "statusCode": 200, "latencyMs": 42, "responseBody": "ok", "error": null, "eventId": "evt_test_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"}))]
pub struct TestResult {
    pub success: bool,
    pub status_code: Option<u16>,
    pub latency_ms: i64,
    /// The first 4 KiB of the response.
    pub response_body: Option<String>,
    pub error: Option<String>,
    /// The id of the test event (also its `webhook-id`).
    pub event_id: String,
}

/// Send a test event
///
/// Sends a signed `webhook.test` event to the endpoint now, even if it is disabled, and
/// returns the outcome of the attempt. Test sends do not count towards disabling. Needs
/// `write:webhooks`.
#[utoipa::path(post, path = "/webhooks/{id}/test", tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id (`whep_…`)")),
    responses((status = 200, description = "What the endpoint answered", body = TestResult)))]
async fn test_endpoint(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<TestResult>> {
    let tenant = auth.require_webhooks(Need::Write("webhooks"))?;
    let row = load(&mut state.db().scoped(tenant), state.secrets(), &id).await?;
    let now = Timestamp(state.clock().now_ms());
    let event_id = new_id("evt_test");
    let data = crate::events::TestEvent::to(&row.id);
    let data = serde_json::value::to_raw_value(&data).map_err(ApiError::internal)?;
    let envelope = sender::Envelope {
        id: &event_id,
        event: crate::events::TEST_EVENT,
        timestamp: now,
        delivered_at: now,
        organization_id: tenant.org_id(),
        data: &data,
        payload: &data,
    };
    let body = serde_json::to_vec(&envelope).map_err(ApiError::internal)?;
    let headers = row.headers();
    let target = Target {
        url: &row.url,
        scheme: row.signature_scheme,
        signature_header: row.signature_header.as_deref(),
        headers: &headers,
        secrets: row.active_secrets(now.ms()),
    };
    let webhooks = state.webhooks();
    let outcome: Outcome = sender::send(webhooks.client(), webhooks.policy(), &target, &event_id, &body, now).await;
    Ok(Json(TestResult {
        success: outcome.success,
        status_code: outcome.status_code,
        latency_ms: outcome.latency_ms,
        response_body: outcome.response_body,
        error: outcome.error,
        event_id,
    }))
}
