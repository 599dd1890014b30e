//! Authentication and authorization for `/api` and `/v1`.
//!
//! [`authenticate`] runs on every API route: it resolves the bearer key to its organization
//! (401 when missing, malformed, unknown, revoked or expired) — or, for a bearer token
//! shaped like a JWT, verifies it and finds its linked organization ([`jwt`]) — counts the
//! request against the rate limits (429; requests refused with 401 or 403 before this do not
//! count), counts it for the usage report (`crate::usage`), checks that the organization's plan
//! includes the API (403 with `upgrade`), and puts an [`Auth`] in the request. Every response it lets through gets the rate-limit headers.
//!
//! Handlers take [`Auth`] and call [`Auth::require`] with the scope the call needs; that is
//! the only way to obtain the [`ActingOrg`] that storage calls require.

pub mod api_key;
pub mod cache;
mod caller;
pub mod client;
pub mod jwt;
pub mod users;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub use self::caller::{Auth, CONSOLE_PRINCIPAL_PREFIX, PRINCIPAL_PREFIX, record_granted};
use self::client::ClientIp;
use crate::config::Settings;
pub use crate::db::proof::ActingOrg;
use crate::db::{Db, parse_column, system};
use crate::ratelimit::Quota;
use crate::state::AppState;
use crate::vocab::error::ApiError;
use crate::vocab::scope::Scopes;

impl ActingOrg {
    /// The organization behind a public page (`/forms/{orgSlug}/…`, `/book/{orgSlug}/…`): such
    /// requests act for the organization they are addressed to, with no key.
    pub async fn for_public_page(db: &Db, org_slug: &str) -> Result<Option<ActingOrg>, sqlx::Error> {
        Ok(system::find_org_by_slug(db, org_slug).await?.map(|org| ActingOrg::vouched(org.id, org.plan)))
    }

    /// The operator acting on an organization from the command line (`gable key create
    /// --org …`). The HTTP API never calls this.
    pub async fn for_operator(db: &Db, org_id: &str) -> Result<Option<ActingOrg>, sqlx::Error> {
        Ok(system::find_org(db, org_id).await?.map(|org| ActingOrg::vouched(org.id, org.plan)))
    }
}

/// Authenticates a JWT: the [`Auth`] of the linked organization, with the role's scopes.
async fn authenticate_jwt(state: &AppState, token: &str) -> Result<Auth, ApiError> {
    let verifier = state.jwt().ok_or_else(|| {
        ApiError::unauthorized(
            "JWT_NOT_ENABLED",
            "This server does not accept JWTs: sign-in with JWT is not configured. Use an API key.",
        )
    })?;
    let now = state.clock().now_ms();
    let claims = verifier.verify(token, now).await?;
    let org = claims.org.ok_or_else(|| {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "NO_ACTIVE_ORGANIZATION",
            "This token has no active organization: select an organization in the app, then send a new token",
        )
    })?;
    let tenant = match verifier.links.get(&org.id, now) {
        Some(tenant) => tenant,
        None => {
            let linked = system::find_org_by_external_id(state.db(), &org.id).await?.ok_or_else(|| {
                ApiError::new(
                    StatusCode::FORBIDDEN,
                    "ORGANIZATION_NOT_LINKED",
                    format!(
                        "The token's organization `{}` is not linked to an organization here; the operator links it with \
                         `gable org link ORG_ID --external-org-id {}`",
                        org.id, org.id
                    ),
                )
            })?;
            let tenant = ActingOrg::vouched(linked.id, linked.plan);
            verifier.links.insert(org.id.clone(), tenant.clone(), now);
            tenant
        }
    };
    let scopes = verifier.scopes_for(&org.role);
    Ok(Auth::new(&state.settings().features, tenant, format!("{PRINCIPAL_PREFIX}{}", claims.subject), scopes))
}

/// Only update `last_used_at` when it is older than this, to keep reads free of writes.
const TOUCH_INTERVAL_MS: i64 = 60_000;

/// What a request costs against the rate limits when it is not one request, set by a layer
/// outside [`authenticate`] that knows (GraphQL charges per root field), with the refusal to
/// give once the caller is authenticated when it costs too much to run at all.
#[derive(Debug, Clone)]
pub struct RequestCost {
    pub units: u64,
    pub refusal: Option<ApiError>,
}

pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    // An address that keeps presenting bad credentials is refused before they cost a lookup.
    let failures = req.headers().contains_key(AUTHORIZATION).then(|| failure_quota(&state, &req));
    if let Some(quota) = &failures {
        let decision = state.limiter().peek(state.clock().now_secs(), std::slice::from_ref(quota)).await;
        if !decision.allowed {
            let mut response = ApiError::too_many_failures(decision.retry_after()).into_response();
            decision.apply_headers(response.headers_mut());
            return response;
        }
    }
    let auth = match resolve_key(&state, req.headers()).await {
        Ok(auth) => auth,
        Err(err) => {
            if let Some(quota) = failures
                && err.status() == StatusCode::UNAUTHORIZED
            {
                state.limiter().check(state.clock().now_secs(), &[quota]).await;
            }
            return err.into_response();
        }
    };
    let cost = req.extensions_mut().remove::<RequestCost>();
    let units = cost.as_ref().map_or(1, |c| if c.refusal.is_some() { 1 } else { c.units.max(1) });
    let decision = state.limiter().charge(state.clock().now_secs(), &quotas(&state, &auth, &req), units).await;
    let route = format!("{} {}", req.method(), api_path(&req));
    state.usage().count(auth.org_id(), auth.key_id(), state.clock().now_ms(), &route, !decision.allowed);
    let mut response = if !decision.allowed {
        ApiError::rate_limited(decision.retry_after()).into_response()
    } else if let Some(plan) = auth.missing_plan(state.settings().features.api) {
        ApiError::plan_required(plan).into_response()
    } else if let Some(refusal) = cost.and_then(|c| c.refusal) {
        refusal.into_response()
    } else {
        req.extensions_mut().insert(auth);
        next.run(req).await
    };
    decision.apply_headers(response.headers_mut());
    response
}

async fn resolve_key(state: &AppState, headers: &HeaderMap) -> Result<Auth, ApiError> {
    let header = headers.get(AUTHORIZATION).ok_or_else(|| {
        ApiError::unauthorized("UNAUTHORIZED", "Missing API key: send it as `Authorization: Bearer <key>`")
    })?;
    let token = header
        .to_str()
        .ok()
        .and_then(|value| value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer ")))
        .map(str::trim)
        .ok_or_else(|| ApiError::unauthorized("UNAUTHORIZED", "Send the API key as `Authorization: Bearer <key>`"))?;
    if jwt::looks_like_jwt(token) {
        return authenticate_jwt(state, token).await;
    }
    let invalid = || ApiError::unauthorized("INVALID_API_KEY", "Invalid API key");
    let hash = api_key::hash_if_well_formed(token).ok_or_else(invalid)?;
    let now = state.clock().now_ms();
    let cache = state.key_cache();
    let entry = match cache.get(&hash, now) {
        Some(entry) => entry,
        None => {
            let key = system::find_key_by_hash(state.db(), &hash).await?.ok_or_else(invalid)?;
            let tenant = ActingOrg::vouched(key.org_id, parse_column(&key.plan, "plan")?);
            let auth = Auth::new(&state.settings().features, tenant, key.key_id, Scopes::from_stored(&key.scopes));
            cache.insert(hash, auth, key.expires_at, key.revoked_at, key.last_used_at, now)
        }
    };
    if entry.revoked_at.is_some() {
        return Err(ApiError::unauthorized("API_KEY_REVOKED", "This API key has been revoked"));
    }
    if entry.expires_at.is_some_and(|at| at <= now) {
        return Err(ApiError::unauthorized("API_KEY_EXPIRED", "This API key has expired"));
    }
    if entry.should_touch(now, TOUCH_INTERVAL_MS) {
        let db = state.db().clone();
        let key_id = entry.auth.key_id().to_owned();
        tokio::spawn(async move {
            if let Err(err) = system::touch_key(&db, &key_id, now).await {
                tracing::warn!(error = %err, "could not record the key's last use");
            }
        });
    }
    Ok(entry.auth.clone())
}

/// The quota of failed authentications from the request's client address (behind a trusted
/// proxy, the address it forwarded).
fn failure_quota(state: &AppState, req: &Request) -> Quota {
    let address = ClientIp::of(req.extensions(), req.headers(), &state.settings().trusted_proxies.0);
    Quota {
        name: "auth-failures-ip-minute".into(),
        key: format!("authfail:{}", address.map_or_else(|| "unknown".to_owned(), |ClientIp(ip)| ip.to_string())),
        limit: state.settings().auth_failures_per_ip_per_minute,
        window_secs: 60,
    }
}

/// The matched route under `/api` or `/v1`: `/properties/{id}`.
fn api_path(req: &Request) -> &str {
    let path = req.extensions().get::<MatchedPath>().map_or_else(|| req.uri().path(), MatchedPath::as_str);
    path.strip_prefix("/api").or_else(|| path.strip_prefix("/v1")).unwrap_or(path)
}

/// The quotas this request counts against: the plan's, plus its route class's.
fn quotas(state: &AppState, auth: &Auth, req: &Request) -> Vec<Quota> {
    let settings = state.settings();
    let limits = settings.plans.limits(auth.tenant().plan());
    let key = auth.key_id();
    let org = auth.org_id();
    let quota = |name: String, key: String, limit: u64, window_secs: u64| Quota { name, key, limit, window_secs };
    let mut quotas = vec![
        quota("key-minute".into(), format!("key:{key}"), limits.key_per_minute, 60),
        quota("key-hour".into(), format!("key:{key}"), limits.key_per_hour, 3600),
        quota("org-minute".into(), format!("org:{org}"), limits.org_per_minute, 60),
    ];
    quotas.extend(class_quotas(settings, auth, api_path(req)));
    quotas
}

/// The quotas of the route classes (`rate_limit_classes`) the API route `path` (`/ai-vendor-summary`)
/// is in: what a request to it counts against beside its plan's. GraphQL's action for the same
/// route counts against them too (`graphql::actions`).
pub(crate) fn class_quotas(settings: &Settings, auth: &Auth, path: &str) -> Vec<Quota> {
    let (key, org) = (auth.key_id(), auth.org_id());
    let mut quotas = Vec::new();
    for (class, limits) in &settings.rate_limit_classes {
        if limits.paths.iter().any(|p| p == path) {
            let windows = [
                ("key", "minute", limits.key_per_minute, 60),
                ("key", "hour", limits.key_per_hour, 3600),
                ("org", "minute", limits.org_per_minute, 60),
                ("org", "hour", limits.org_per_hour, 3600),
            ];
            for (who, window, limit, window_secs) in windows {
                let Some(limit) = limit else { continue };
                let counted = if who == "key" { key } else { org };
                quotas.push(Quota {
                    name: format!("{class}-{who}-{window}"),
                    key: format!("{who}:{counted}:{class}"),
                    limit,
                    window_secs,
                });
            }
        }
    }
    quotas
}
