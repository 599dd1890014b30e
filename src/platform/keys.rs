//! API keys: `GET/POST /api/keys`, `GET/DELETE /api/keys/{id}`, and the functions the CLI
//! shares (`gable key create|list|revoke`). A key's secret is returned exactly once, by
//! the call that creates it.

use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::openapi::{RefOr, Schema};
use utoipa::{IntoParams, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::audit;
use crate::auth::{ActingOrg, Auth, api_key};
use crate::db::Db;
use crate::decode_via;
use crate::http::idempotency::RedactOnReplay;
use crate::http::{Json, Path};
use crate::resource::{Columns, Filters, Meta, Resource};
use crate::state::AppState;
use crate::vocab::clock::Clock;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::ids::new_id;
use crate::vocab::scope::Need;
use crate::vocab::scope::Scopes;
use crate::vocab::values::Timestamp;

/// `POST /keys` and `DELETE /keys/{id}`; the reads are the engine's ([`ApiKeys`]).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(create_key)).routes(routes!(revoke_key))
}

/// An API key as listed: never the secret, only its last four characters.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Postman Testing", "prefix": "gbl_live_", "last4": "x9Qa",
    "scopes": ["read:*"], "createdAt": "2025-01-15T10:30:00.000Z", "lastUsedAt": null, "expiresAt": null,
    "revokedAt": null, "revoked": false
}))]
pub struct ApiKey {
    #[schema(example = "key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub id: String,
    #[schema(example = "Postman Testing")]
    pub name: String,
    /// The fixed start of every Gable key.
    #[schema(example = "gbl_live_")]
    #[sqlx(skip)]
    pub prefix: String,
    #[schema(example = "x9Qa")]
    pub last4: String,
    #[schema(example = json!(["read:*", "write:work_orders"]))]
    #[column(read_only)]
    pub scopes: KeyScopes,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub expires_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
    #[sqlx(skip)]
    pub revoked: bool,
}

/// A key's scopes as strings (`read:*`), stored space-separated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct KeyScopes(pub Vec<String>);

impl PartialSchema for KeyScopes {
    fn schema() -> RefOr<Schema> {
        Vec::<String>::schema()
    }
}
impl ToSchema for KeyScopes {}

decode_via!(KeyScopes, text, |text| Ok(KeyScopes(Scopes::from_stored(text).to_strings())));

impl ApiKey {
    /// Sets the fields that are not stored.
    fn finish(&mut self) {
        self.prefix = api_key::PREFIX.to_owned();
        self.revoked = self.revoked_at.is_some();
    }

    fn finished(mut self) -> ApiKey {
        self.finish();
        self
    }
}

/// The organization's keys through the engine: `GET /api/keys` (a page, newest first, revoked
/// ones included) and `GET /api/keys/{id}`, and `apiKeys`/`apiKey` in GraphQL. Creating and
/// revoking are this file's own routes (the secret is shown once; a revoked key stays).
pub struct ApiKeys;

impl Resource for ApiKeys {
    const META: Meta = Meta {
        name: "api_key",
        plural: "api keys",
        path: "/keys",
        table: "api_keys",
        id_prefix: "key",
        scope: "keys",
        tag: "API keys",
    };
    type Record = ApiKey;
    type Filter = KeyFilter;

    fn filter(f: &KeyFilter, filters: &mut Filters) {
        match f.revoked {
            Some(true) => filters.raw("revoked_at IS NOT NULL".into(), []),
            Some(false) => filters.raw("revoked_at IS NULL".into(), []),
            None => {}
        }
    }

    fn compute(_state: &AppState, key: &mut ApiKey) {
        key.finish();
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KeyFilter {
    /// Only revoked keys (`true`) or only working ones (`false`).
    pub revoked: Option<bool>,
}

/// A key just created: the only response that ever contains its secret.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Postman Testing", "prefix": "gbl_live_", "last4": "fG4h",
    "scopes": ["read:*"], "createdAt": "2025-01-15T10:30:00.000Z", "lastUsedAt": null, "expiresAt": null,
    "revokedAt": null, "revoked": false, "key": "gbl_live_3x7Jk2LmN9pQr4StUv6WxYz0Ab1Cd2E3fG4h"
}))]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub api_key: ApiKey,
    /// The secret. Store it now: it is not shown again.
    #[schema(example = "gbl_live_3x7Jk2LmN9pQr4StUv6WxYz0Ab1Cd2E3fG4h")]
    pub key: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"name": "Postman Testing", "scopes": ["read:*"]}))]
pub struct CreateKey {
    /// What the key is for, e.g. "Postman Testing".
    #[schema(example = "Postman Testing", min_length = 1, max_length = 100)]
    pub name: String,
    /// Within the caller's own scopes; defaults to the caller's scopes.
    #[schema(value_type = Option<Vec<ScopeName>>, example = json!(["read:tenants", "write:work_orders"]), min_items = 1)]
    pub scopes: Option<Vec<String>>,
    /// When the key stops working (RFC 3339), in the future; never when absent.
    pub expires_at: Option<Timestamp>,
}

/// A scope as the document names it: what [`Scopes::parse`] reads.
pub struct ScopeName;

impl utoipa::PartialSchema for ScopeName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        crate::resource::pattern_string(
            SCOPE_PATTERN,
            "`read:<resource>`, `write:<resource>`, `read:*`, `write:*`, `admin` or `*`",
            "read:tenants",
        )
        .into()
    }
}
impl ToSchema for ScopeName {}

/// The form of a scope (see [`ScopeName`]).
const SCOPE_PATTERN: &str = "^(\\*|admin|(read|write):(\\*|[a-z_]{1,64}))$";

/// Creates a key for `tenant`; the CLI and `POST /api/keys` both come here.
pub async fn create(
    db: &Db,
    clock: &Clock,
    tenant: &ActingOrg,
    name: &str,
    scopes: &Scopes,
    expires_at: Option<i64>,
) -> ApiResult<CreatedApiKey> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::validation("name", "`name` must be 1 to 100 characters"));
    }
    let now = clock.now_ms();
    if expires_at.is_some_and(|at| at <= now) {
        return Err(ApiError::validation("expiresAt", "`expiresAt` must be in the future"));
    }
    let secret = api_key::generate();
    let id = new_id("key");
    let mut scoped = db.scoped(tenant);
    scoped
        .execute(
            scoped
                .sql(
                    "INSERT INTO api_keys (org_id, id, name, key_hash, last4, scopes, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(id.clone())
                .bind(name.to_owned())
                .bind(secret.hash.clone())
                .bind(secret.last4.clone())
                .bind(scopes.to_stored())
                .bind(now)
                .bind(expires_at),
        )
        .await?;
    let api_key = ApiKey {
        id,
        name: name.to_owned(),
        prefix: String::new(),
        last4: secret.last4.clone(),
        scopes: KeyScopes(scopes.to_strings()),
        created_at: Timestamp(now),
        last_used_at: None,
        expires_at: expires_at.map(Timestamp),
        revoked_at: None,
        revoked: false,
    }
    .finished();
    Ok(CreatedApiKey { api_key, key: secret.expose().to_owned() })
}

/// Every key of the organization, newest first (for `gable key list`).
pub async fn list(db: &Db, tenant: &ActingOrg) -> Result<Vec<ApiKey>, sqlx::Error> {
    let mut scoped = db.scoped(tenant);
    let sql = format!("SELECT {} FROM api_keys WHERE org_id = $1 ORDER BY id DESC", ApiKey::SELECT);
    let keys: Vec<ApiKey> = scoped.fetch_all(scoped.sql(sql)).await?;
    Ok(keys.into_iter().map(ApiKey::finished).collect())
}

/// Revokes a key (idempotent: revoking twice keeps the first time).
pub async fn revoke(db: &Db, clock: &Clock, tenant: &ActingOrg, id: &str) -> ApiResult<ApiKey> {
    let mut scoped = db.scoped(tenant);
    scoped
        .execute(
            scoped
                .sql("UPDATE api_keys SET revoked_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL")
                .bind(id.to_owned())
                .bind(clock.now_ms()),
        )
        .await?;
    let sql = format!("SELECT {} FROM api_keys WHERE org_id = $1 AND id = $2", ApiKey::SELECT);
    let key: Option<ApiKey> = scoped.fetch_optional(scoped.sql(sql).bind(id.to_owned())).await?;
    key.map(ApiKey::finished).ok_or_else(|| ApiError::not_found("API key", id))
}

/// Create an API key
///
/// Needs the `admin` scope. The new key's `scopes` must be within the caller's own (an
/// `admin` key creates `admin` keys; a `*` key any), else 403 `INSUFFICIENT_SCOPE`; without
/// `scopes` the new key gets the caller's. The response holds the secret `key`, shown only
/// this once (a replay of the request with the same `Idempotency-Key` returns the key with
/// `key: null`).
#[utoipa::path(post, path = "/keys", tag = "API keys", request_body = CreateKey,
    responses((status = 201, description = "The new key, with its secret", body = CreatedApiKey)))]
async fn create_key(
    State(state): State<AppState>,
    auth: Auth,
    Json(body): Json<CreateKey>,
) -> ApiResult<(StatusCode, Extension<RedactOnReplay>, Json<CreatedApiKey>)> {
    let tenant = auth.require(Need::Admin)?;
    let scopes = match &body.scopes {
        Some(list) => Scopes::parse(list.iter().map(String::as_str)).map_err(|e| ApiError::validation("scopes", e))?,
        None => auth.scopes().clone(),
    };
    let beyond: Vec<String> = auth.scopes().missing(&scopes).map(|scope| format!("`{scope}`")).collect();
    if !beyond.is_empty() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "INSUFFICIENT_SCOPE",
            format!(
                "{} cannot grant {}: a new key's scopes must be within the scopes of the credential that creates it",
                auth.caller(),
                beyond.join(", ")
            ),
        ));
    }
    let expires_at = body.expires_at.map(Timestamp::ms);
    let created = create(state.db(), state.clock(), tenant, &body.name, &scopes, expires_at).await?;
    let detail = serde_json::json!({"name": created.api_key.name, "scopes": created.api_key.scopes});
    audit::record(&state, auth.tenant(), auth.key_id(), "api_key.created", Some(&created.api_key.id), detail).await;
    Ok((StatusCode::CREATED, Extension(RedactOnReplay(&["key"])), Json(created)))
}

/// Revoke an API key
///
/// Needs the `admin` scope. The key stops working at once; it stays listed as revoked.
#[utoipa::path(delete, path = "/keys/{id}", tag = "API keys",
    params(("id" = String, Path, description = "Key id (`key_…`)")),
    responses((status = 200, description = "The revoked key", body = ApiKey)))]
async fn revoke_key(State(state): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<ApiKey>> {
    let tenant = auth.require(Need::Admin)?;
    let revoked = revoke(state.db(), state.clock(), tenant, &id).await?;
    state.key_cache().forget_key(&revoked.id);
    audit::record(
        &state,
        auth.tenant(),
        auth.key_id(),
        "api_key.revoked",
        Some(&revoked.id),
        serde_json::json!({"name": revoked.name}),
    )
    .await;
    Ok(Json(revoked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_scope_form_is_what_parses() {
        let pattern = regex::Regex::new(SCOPE_PATTERN).unwrap();
        for scope in ["*", "admin", "read:*", "write:*", "read:tenants", "write:work_orders"] {
            assert!(pattern.is_match(scope) && Scopes::parse([scope]).is_ok(), "{scope}");
        }
        for bad in ["", "read", "read:", "delete:x", "read:Tenants", "write:a-b", "admin:*"] {
            assert!(!pattern.is_match(bad) && Scopes::parse([bad]).is_err(), "{bad}");
        }
    }
}
