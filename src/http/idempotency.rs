//! `Idempotency-Key` on POST, as Stripe does it. The first response to a key is stored (for
//! `idempotency_ttl_hours`, default 24) and replayed, with `Idempotent-Replayed: true`, to
//! every later request with the same key; the same key with a different request (method,
//! path, query or body) is 422; a duplicate that arrives while the first is still running
//! is 409.
//!
//! Keys belong to the credential (the API key, or the signed-in user), not the organization:
//! another key of the same organization using the same `Idempotency-Key` starts afresh and
//! never sees this one's response. A replay comes after authentication and rate limiting ran
//! again, and after the scopes the first request was granted are checked again. Refusals
//! that say nothing about the operation — 401, 403, 429 — and 5xx responses are not stored,
//! so the request can be retried once the cause is fixed.

use std::collections::BTreeMap;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use sqlx::FromRow;

use crate::auth::{self, Auth};
use crate::db::Scoped;
use crate::http::extract::payload_too_large;
use crate::state::AppState;
use crate::vocab::error::ApiError;
use crate::vocab::scope::Scopes;

pub static IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");
static REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

/// Put in a response's extensions by handlers whose response holds a secret that is shown
/// only once (a new API key): the stored copy replays with these top-level fields set to
/// `null`, so no secret is ever written to the database.
#[derive(Debug, Clone, Copy)]
pub struct RedactOnReplay(pub &'static [&'static str]);

/// An in-flight first request older than this is presumed dead (its process crashed).
const ABANDONED_AFTER_MS: i64 = 60_000;

/// Headers worth replaying besides the body.
const STORED_HEADERS: [HeaderName; 3] = [header::CONTENT_TYPE, header::LOCATION, header::LINK];

#[derive(Debug, FromRow)]
struct Stored {
    request_hash: String,
    granted: Option<String>,
    response_status: Option<i64>,
    response_headers: Option<String>,
    response_body: Option<String>,
    created_at: i64,
}

pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST || !req.headers().contains_key(&IDEMPOTENCY_KEY) {
        return next.run(req).await;
    }
    match handle(&state, req, next).await {
        Ok(response) | Err(response) => response,
    }
}

async fn handle(state: &AppState, req: Request, next: Next) -> Result<Response, Response> {
    let key = req
        .headers()
        .get(&IDEMPOTENCY_KEY)
        .and_then(|v| v.to_str().ok())
        .filter(|k| (1..=255).contains(&k.len()))
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiError::bad_request(
                "INVALID_IDEMPOTENCY_KEY",
                "`Idempotency-Key` must be 1 to 255 visible ASCII characters",
            )
            .into_response()
        })?;
    let auth =
        req.extensions().get::<Auth>().cloned().ok_or_else(|| {
            ApiError::internal("idempotency middleware mounted outside authentication").into_response()
        })?;
    let (parts, body) = req.into_parts();
    let bytes =
        to_bytes(body, state.settings().max_body_bytes).await.map_err(|_| payload_too_large().into_response())?;
    let hash = {
        let mut hasher = Sha256::new();
        hasher.update(parts.method.as_str());
        hasher.update(b" ");
        hasher.update(parts.uri.path_and_query().map_or("", |pq| pq.as_str()));
        hasher.update(b"\n");
        hasher.update(&bytes);
        hex::encode(hasher.finalize())
    };
    let tenant = auth.tenant();
    let principal = auth.key_id().to_owned();
    let mut scoped = state.db().scoped(tenant);
    let now = state.clock().now_ms();
    let ttl_ms = i64::try_from(state.settings().idempotency_ttl_hours).unwrap_or(24) * 3_600_000;

    let mut claimed = false;
    for _ in 0..3 {
        let inserted = scoped
            .execute(
                scoped
                    .sql(
                        "INSERT INTO idempotency_keys (org_id, principal, idempotency_key, request_hash, created_at) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                    )
                    .bind(principal.clone())
                    .bind(key.clone())
                    .bind(hash.clone())
                    .bind(now),
            )
            .await
            .map_err(internal)?;
        if inserted == 1 {
            claimed = true;
            break;
        }
        let stored: Option<Stored> = scoped
            .fetch_optional(
                scoped
                    .sql(
                        "SELECT request_hash, granted, response_status, response_headers, response_body, created_at \
                         FROM idempotency_keys WHERE org_id = $1 AND principal = $2 AND idempotency_key = $3",
                    )
                    .bind(principal.clone())
                    .bind(key.clone()),
            )
            .await
            .map_err(internal)?;
        let Some(stored) = stored else { continue };
        let expired = stored.created_at < now - ttl_ms;
        let abandoned = stored.response_status.is_none() && stored.created_at < now - ABANDONED_AFTER_MS;
        if expired || abandoned {
            forget(&mut scoped, &principal, &key, Some(stored.created_at)).await.map_err(internal)?;
            continue;
        }
        if stored.request_hash != hash {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "IDEMPOTENCY_KEY_REUSED",
                "This Idempotency-Key was already used with a different request",
            )
            .into_response());
        }
        if let Some(granted) = &stored.granted {
            let needed = Scopes::from_stored(granted);
            if let Some(missing) = auth.scopes().missing(&needed).next() {
                return Err(ApiError::missing_scope(auth.caller(), &missing.to_string()).into_response());
            }
        }
        return match stored.response_status {
            None => Err(ApiError::conflict(
                "IDEMPOTENCY_KEY_IN_USE",
                "A request with this Idempotency-Key is still being processed; retry shortly",
            )
            .into_response()),
            Some(status) => Ok(replay(status, stored.response_headers.as_deref(), stored.response_body)),
        };
    }
    if !claimed {
        return Err(
            ApiError::conflict("IDEMPOTENCY_KEY_IN_USE", "Could not claim this Idempotency-Key; retry").into_response()
        );
    }

    let (response, granted) = auth::record_granted(next.run(Request::from_parts(parts, Body::from(bytes)))).await;
    let (parts, body) = response.into_parts();
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(err) => {
            forget(&mut scoped, &principal, &key, None).await.map_err(internal)?;
            return Err(ApiError::internal(format!("reading the response to store it: {err}")).into_response());
        }
    };
    let redact = parts.extensions.get::<RedactOnReplay>().copied();
    let text = String::from_utf8(bytes.to_vec()).ok().map(|text| match redact {
        Some(RedactOnReplay(fields)) => redacted(&text, fields),
        None => text,
    });
    let not_stored = [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN, StatusCode::TOO_MANY_REQUESTS];
    match text {
        Some(text) if !parts.status.is_server_error() && !not_stored.contains(&parts.status) => {
            let headers: BTreeMap<&str, &str> = STORED_HEADERS
                .iter()
                .filter_map(|name| parts.headers.get(name).and_then(|v| v.to_str().ok()).map(|v| (name.as_str(), v)))
                .collect();
            let headers = serde_json::to_string(&headers).unwrap_or_else(|_| "{}".into());
            scoped
                .execute(
                    scoped
                        .sql(
                            "UPDATE idempotency_keys SET response_status = $4, response_headers = $5, response_body = $6, \
                             granted = $7 WHERE org_id = $1 AND principal = $2 AND idempotency_key = $3",
                        )
                        .bind(principal.clone())
                        .bind(key.clone())
                        .bind(i64::from(parts.status.as_u16()))
                        .bind(headers)
                        .bind(text)
                        .bind(granted),
                )
                .await
                .map_err(internal)?;
        }
        _ => forget(&mut scoped, &principal, &key, None).await.map_err(internal)?,
    }
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

async fn forget(
    scoped: &mut Scoped<'_>,
    principal: &str,
    key: &str,
    created_at: Option<i64>,
) -> Result<(), sqlx::Error> {
    let sql = scoped
        .sql(
            "DELETE FROM idempotency_keys WHERE org_id = $1 AND principal = $2 AND idempotency_key = $3 \
             AND ($4 IS NULL OR created_at = $4)",
        )
        .bind(principal.to_owned())
        .bind(key.to_owned())
        .bind(created_at);
    scoped.execute(sql).await.map(|_| ())
}

fn replay(status: i64, headers: Option<&str>, body: Option<String>) -> Response {
    let status = u16::try_from(status).ok().and_then(|s| StatusCode::from_u16(s).ok()).unwrap_or(StatusCode::OK);
    let mut response = (status, body.unwrap_or_default()).into_response();
    let stored: BTreeMap<String, String> = headers.and_then(|h| serde_json::from_str(h).ok()).unwrap_or_default();
    for (name, value) in stored {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            response.headers_mut().insert(name, value);
        }
    }
    response.headers_mut().insert(REPLAYED.clone(), HeaderValue::from_static("true"));
    response
}

fn redacted(body: &str, fields: &[&str]) -> String {
    match serde_json::from_str::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(mut object)) => {
            for field in fields {
                if let Some(value) = object.get_mut(*field) {
                    *value = serde_json::Value::Null;
                }
            }
            serde_json::Value::Object(object).to_string()
        }
        _ => "{}".to_owned(),
    }
}

fn internal(err: sqlx::Error) -> Response {
    ApiError::internal(err).into_response()
}
