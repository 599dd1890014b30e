//! API keys: `GET/POST /api/keys`, `GET/DELETE /api/keys/{id}`, and the functions the CLI
//! shares (`gable key create|list|revoke`). A key's secret is returned exactly once, by
//! the call that creates it.

use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{ActingOrg, Auth, api_key};
use crate::db::Db;
use crate::http::idempotency::RedactOnReplay;
use crate::http::{Json, Path};
use crate::state::AppState;
use crate::vocab::clock::{Clock, rfc3339};
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::ids::new_id;
use crate::vocab::scope::Need;
use crate::vocab::scope::Scopes;
use crate::vocab::values::Timestamp;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_keys, create_key)).routes(routes!(get_key, revoke_key))
}

/// An API key as listed: never the secret, only its last four characters.
#[derive(Debug, Clone, Serialize, ToSchema)]
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
    pub prefix: String,
    #[schema(example = "x9Qa")]
    pub last4: String,
    #[schema(example = json!(["read:*", "write:work_orders"]))]
    pub scopes: Vec<String>,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
    pub revoked: bool,
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
    #[schema(example = "Postman Testing")]
    pub name: String,
    /// Within the caller's own scopes; defaults to the caller's scopes.
    #[schema(example = json!(["read:tenants", "write:work_orders"]))]
    pub scopes: Option<Vec<String>>,
    /// When the key stops working (RFC 3339); never when absent.
    pub expires_at: Option<Timestamp>,
}

#[derive(Debug, FromRow)]
struct KeyRow {
    id: String,
    name: String,
    last4: String,
    scopes: String,
    created_at: i64,
    last_used_at: Option<i64>,
    expires_at: Option<i64>,
    revoked_at: Option<i64>,
}

impl From<KeyRow> for ApiKey {
    fn from(row: KeyRow) -> ApiKey {
        ApiKey {
            id: row.id,
            name: row.name,
            prefix: api_key::PREFIX.to_owned(),
            last4: row.last4,
            scopes: Scopes::from_stored(&row.scopes).to_strings(),
            created_at: rfc3339(row.created_at),
            last_used_at: row.last_used_at.map(rfc3339),
            expires_at: row.expires_at.map(rfc3339),
            revoked: row.revoked_at.is_some(),
            revoked_at: row.revoked_at.map(rfc3339),
        }
    }
}

const COLUMNS: &str = "id, name, last4, scopes, created_at, last_used_at, expires_at, revoked_at";

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
    let api_key = ApiKey::from(KeyRow {
        id,
        name: name.to_owned(),
        last4: secret.last4.clone(),
        scopes: scopes.to_stored(),
        created_at: now,
        last_used_at: None,
        expires_at,
        revoked_at: None,
    });
    Ok(CreatedApiKey { api_key, key: secret.expose().to_owned() })
}

pub async fn list(db: &Db, tenant: &ActingOrg) -> Result<Vec<ApiKey>, sqlx::Error> {
    let mut scoped = db.scoped(tenant);
    let rows: Vec<KeyRow> = scoped
        .fetch_all(scoped.sql(format!("SELECT {COLUMNS} FROM api_keys WHERE org_id = $1 ORDER BY id DESC")))
        .await?;
    Ok(rows.into_iter().map(ApiKey::from).collect())
}

pub async fn get(db: &Db, tenant: &ActingOrg, id: &str) -> ApiResult<ApiKey> {
    let mut scoped = db.scoped(tenant);
    let row: Option<KeyRow> = scoped
        .fetch_optional(
            scoped.sql(format!("SELECT {COLUMNS} FROM api_keys WHERE org_id = $1 AND id = $2")).bind(id.to_owned()),
        )
        .await?;
    row.map(ApiKey::from).ok_or_else(|| ApiError::not_found("API key", id))
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
    get(db, tenant, id).await
}

/// List API keys
///
/// Every key of the organization, newest first, revoked ones included. Secrets are never
/// listed: `prefix` and `last4` identify a key. Needs `admin` (or `read:keys`); `read:*` is
/// not enough.
#[utoipa::path(get, path = "/keys", tag = "API keys",
    responses((status = 200, description = "The organization's keys", body = Vec<ApiKey>)))]
async fn list_keys(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<ApiKey>>> {
    let tenant = auth.require(Need::Read("keys"))?;
    Ok(Json(list(state.db(), tenant).await?))
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
    Ok((StatusCode::CREATED, Extension(RedactOnReplay(&["key"])), Json(created)))
}

/// Get an API key
///
/// Needs `admin` (or `read:keys`).
#[utoipa::path(get, path = "/keys/{id}", tag = "API keys",
    params(("id" = String, Path, description = "Key id (`key_…`)")),
    responses((status = 200, description = "The key", body = ApiKey)))]
async fn get_key(State(state): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<ApiKey>> {
    let tenant = auth.require(Need::Read("keys"))?;
    Ok(Json(get(state.db(), tenant, &id).await?))
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
    Ok(Json(revoked))
}
