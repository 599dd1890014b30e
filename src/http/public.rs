//! Unauthenticated public pages addressed to an organization by slug: the lead form
//! (`/forms/{orgSlug}/leads`) and booking pages (`/book/{orgSlug}/{slug}`). They act for that
//! organization, its plan applies (the API's plan), and each client IP has its own rate limit
//! per organization (`public_per_ip_per_minute`), with the same headers as the API. Requests
//! to unknown organizations are counted too, in one count per IP, and answered like an unknown
//! page, so guessing organization slugs costs the guesser its limit and tells it nothing more.
//! The client is the TCP peer, or, behind a `trusted_proxies` proxy, the address that proxy
//! forwarded (`X-Forwarded-For`).

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::auth::ActingOrg;
pub use crate::auth::client::ClientIp;
use crate::ratelimit::{Decision, Quota};
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        ClientIp::of(&parts.extensions, &parts.headers, &state.settings().trusted_proxies.0)
            .ok_or_else(|| ApiError::internal("the server was started without connection info"))
    }
}

/// A public request admitted for an organization.
pub struct Admitted {
    pub tenant: ActingOrg,
    decision: Decision,
}

impl Admitted {
    /// The response, with the rate-limit headers. A conflict (409) keeps its code but loses
    /// what names internal objects: `conflictingId`, and a message that may quote ids.
    pub fn respond<T: IntoResponse>(&self, result: ApiResult<T>) -> Response {
        let mut response = match result {
            Ok(answer) => answer.into_response(),
            Err(err) if err.status() == StatusCode::CONFLICT => public_conflict(&err).into_response(),
            Err(err) => err.into_response(),
        };
        self.decision.apply_headers(response.headers_mut());
        response
    }
}

/// What a public page says about a conflict.
fn public_conflict(err: &ApiError) -> ApiError {
    let message = match err.code() {
        "DOUBLE_BOOKED" => "This time is no longer free: choose another of the page's times",
        _ => "This conflicts with something already recorded",
    };
    let public = ApiError::conflict(err.code(), message);
    match err.field_name() {
        Some(field) => public.with_field(field),
        None => public,
    }
}

/// Counts the request against the IP's limit for `page` of the organization named `org_slug`
/// (429), then refuses an unknown organization with `unknown` (404) — the page's own "no such
/// page" error, so the answer does not tell whether the organization exists — and checks the
/// plan (403 with `upgrade`). Unknown organizations share one count per IP and page.
pub async fn admit(
    state: &AppState,
    org_slug: &str,
    ip: ClientIp,
    page: &'static str,
    unknown: impl FnOnce() -> ApiError,
) -> Result<Admitted, Response> {
    let tenant =
        ActingOrg::for_public_page(state.db(), org_slug).await.map_err(|e| ApiError::from(e).into_response())?;
    let counted_as = tenant.as_ref().map_or("unknown", ActingOrg::org_id);
    let quota = Quota {
        name: format!("ip-{page}-minute"),
        key: format!("ip:{}:{counted_as}:{page}", ip.0),
        limit: state.settings().public_per_ip_per_minute,
        window_secs: 60,
    };
    let decision = state.limiter().check(state.clock().now_secs(), &[quota]).await;
    let refuse = |err: ApiError, decision: &Decision| {
        let mut response = err.into_response();
        decision.apply_headers(response.headers_mut());
        response
    };
    if !decision.allowed {
        return Err(refuse(ApiError::rate_limited(decision.retry_after()), &decision));
    }
    let Some(tenant) = tenant else {
        return Err(refuse(unknown(), &decision));
    };
    let required = state.settings().features.api;
    if tenant.plan() < required {
        return Err(refuse(ApiError::plan_required(required), &decision));
    }
    Ok(Admitted { tenant, decision })
}
