//! Authentication and authorization for `/api` and `/v1`.
//!
//! [`authenticate`] runs on every API route: it resolves the bearer key to its organization
//! (401 when missing, malformed, unknown, revoked or expired) — or, for a bearer token
//! shaped like a JWT, verifies it and finds its linked organization ([`jwt`]) — counts the
//! request against the rate limits (429; requests refused with 401 or 403 before this do not
//! count), checks that the organization's plan includes the API (403 with `upgrade`), and puts
//! an [`Auth`] in the request. Every response it lets through gets the rate-limit headers.
//!
//! Handlers take [`Auth`] and call [`Auth::require`] with the scope the call needs; that is
//! the only way to obtain the [`ActingOrg`] that storage calls require.

pub mod api_key;
pub mod cache;
pub mod jwt;
pub mod tenancy;

use std::cell::RefCell;
use std::sync::Arc;

use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub use self::tenancy::ActingOrg;
use crate::app::AppState;
use crate::config::Features;
use crate::db::{Db, parse_column, system};
use crate::http::client::ClientIp;
use crate::ratelimit::Quota;
use crate::vocab::error::ApiError;
use crate::vocab::scope::{Need, Scopes};

impl ActingOrg {
    /// The organization behind a public page (`/forms/{orgSlug}/…`, `/book/{orgSlug}/…`): such
    /// requests act for the organization they are addressed to, with no key.
    pub async fn for_public_page(db: &Db, org_slug: &str) -> Result<Option<ActingOrg>, sqlx::Error> {
        Ok(system::find_org_by_slug(db, org_slug).await?.map(|org| ActingOrg { org_id: org.id, plan: org.plan }))
    }

    /// The operator acting on an organization from the command line (`gable key create
    /// --org …`). The HTTP API never calls this.
    pub async fn for_operator(db: &Db, org_id: &str) -> Result<Option<ActingOrg>, sqlx::Error> {
        Ok(system::find_org(db, org_id).await?.map(|org| ActingOrg { org_id: org.id, plan: org.plan }))
    }
}

tokio::task_local! {
    /// The scopes [`Auth::require`] granted while [`record_granted`] runs a request.
    static GRANTED: RefCell<Vec<Need>>;
}

/// Runs `request` and returns its output with the scopes the handler was granted, in the
/// stored form (`read:leads write:leads`).
pub async fn record_granted<T>(request: impl Future<Output = T>) -> (T, String) {
    GRANTED
        .scope(RefCell::new(Vec::new()), async {
            let output = request.await;
            let granted = GRANTED.with(|granted| granted.take());
            let stored: Vec<String> = granted.iter().map(Need::to_string).collect();
            (output, stored.join(" "))
        })
        .await
}

/// An authenticated caller: an API key, or a user signed in with a JWT.
#[derive(Debug, Clone)]
pub struct Auth(Arc<AuthInner>);

#[derive(Debug)]
struct AuthInner {
    tenant: ActingOrg,
    /// The principal rate limits count against: the key's id, or `user:<sub>` for a JWT.
    key_id: String,
    scopes: Scopes,
    features: Features,
}

impl Auth {
    /// A caller authenticated as `principal` (a key id, or `user:<sub>`) acting for `tenant`.
    fn new(state: &AppState, tenant: ActingOrg, principal: String, scopes: Scopes) -> Auth {
        Auth(Arc::new(AuthInner { tenant, key_id: principal, scopes, features: state.settings().features.clone() }))
    }

    /// The tenant, if this key's scopes cover `need`; otherwise 403 `INSUFFICIENT_SCOPE`
    /// naming the missing scope.
    pub fn require(&self, need: Need) -> Result<&ActingOrg, ApiError> {
        if self.0.scopes.allows(need) {
            // Remembered for idempotency: a replay checks the same scopes again.
            let _ = GRANTED.try_with(|granted| granted.borrow_mut().push(need));
            return Ok(&self.0.tenant);
        }
        Err(ApiError::missing_scope(self.caller(), &need.to_string()))
    }

    /// The caller's scopes (a key's, or a signed-in user's role's).
    pub fn scopes(&self) -> &Scopes {
        &self.0.scopes
    }

    /// Who the caller is, in an error message: "This API key", or "Your role".
    pub fn caller(&self) -> &'static str {
        if self.0.key_id.starts_with(jwt::PRINCIPAL_PREFIX) { "Your role" } else { "This API key" }
    }

    /// Like [`require`](Self::require), for calls that also need the webhooks feature's plan.
    pub fn require_webhooks(&self, need: Need) -> Result<&ActingOrg, ApiError> {
        let plan = self.0.features.webhooks;
        if self.0.tenant.plan < plan {
            return Err(ApiError::plan_required(plan));
        }
        self.require(need)
    }

    /// The organization without a scope check: for platform middleware that keeps
    /// per-organization state of its own (idempotency). Handlers use [`require`](Self::require).
    pub(crate) fn tenant(&self) -> &ActingOrg {
        &self.0.tenant
    }

    /// The key's id (`key_…`), or `user:<sub>` for a caller signed in with a JWT.
    pub fn key_id(&self) -> &str {
        &self.0.key_id
    }

    pub fn org_id(&self) -> &str {
        &self.0.tenant.org_id
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<Auth>()
            .cloned()
            .ok_or_else(|| ApiError::internal("a handler that needs Auth is mounted outside the API router"))
    }
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
    let mut response = if !decision.allowed {
        ApiError::rate_limited(decision.retry_after()).into_response()
    } else if auth.0.tenant.plan < auth.0.features.api {
        ApiError::plan_required(auth.0.features.api).into_response()
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
        return jwt::authenticate(state, token).await;
    }
    let invalid = || ApiError::unauthorized("INVALID_API_KEY", "Invalid API key");
    let hash = api_key::hash_if_well_formed(token).ok_or_else(invalid)?;
    let now = state.clock().now_ms();
    let cache = state.key_cache();
    let entry = match cache.get(&hash, now) {
        Some(entry) => entry,
        None => {
            let key = system::find_key_by_hash(state.db(), &hash).await?.ok_or_else(invalid)?;
            let tenant = ActingOrg { plan: parse_column(&key.plan, "plan")?, org_id: key.org_id };
            let auth = Auth::new(state, tenant, key.key_id, Scopes::from_stored(&key.scopes));
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

/// The quotas this request counts against: the plan's, plus its route class's.
fn quotas(state: &AppState, auth: &Auth, req: &Request) -> Vec<Quota> {
    let settings = state.settings();
    let limits = settings.plans.limits(auth.0.tenant.plan);
    let key = &auth.0.key_id;
    let org = &auth.0.tenant.org_id;
    let quota = |name: String, key: String, limit: u64, window_secs: u64| Quota { name, key, limit, window_secs };
    let mut quotas = vec![
        quota("key-minute".into(), format!("key:{key}"), limits.key_per_minute, 60),
        quota("key-hour".into(), format!("key:{key}"), limits.key_per_hour, 3600),
        quota("org-minute".into(), format!("org:{org}"), limits.org_per_minute, 60),
    ];
    let path = req.extensions().get::<MatchedPath>().map_or_else(|| req.uri().path(), MatchedPath::as_str);
    let path = path.strip_prefix("/api").or_else(|| path.strip_prefix("/v1")).unwrap_or(path);
    for (class, limits) in &settings.rate_limit_classes {
        if limits.paths.iter().any(|p| p == path) {
            let windows = [
                ("key", "minute", limits.key_per_minute, 60),
                ("key", "hour", limits.key_per_hour, 3600),
                ("org", "minute", limits.org_per_minute, 60),
                ("org", "hour", limits.org_per_hour, 3600),
            ];
            for (who, window, limit, secs) in windows {
                let Some(limit) = limit else { continue };
                let counted = if who == "key" { key } else { org };
                quotas.push(quota(format!("{class}-{who}-{window}"), format!("{who}:{counted}:{class}"), limit, secs));
            }
        }
    }
    quotas
}
