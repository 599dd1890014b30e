//! Unauthenticated public pages addressed to an organization by slug: the lead form
//! (`/forms/{orgSlug}/leads`) and booking pages (`/book/{orgSlug}/{slug}`). They act for that
//! organization, its plan applies (the API's plan), and each client IP has its own rate limit
//! (`public_per_ip_per_minute`), with the same headers as the API.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::auth::Tenant;
use crate::error::ApiError;
use crate::ratelimit::{Decision, Quota};

/// The client's IP address (the TCP peer).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| ClientIp(addr.ip()))
            .ok_or_else(|| ApiError::internal("the server was started without connection info"))
    }
}

/// A public request admitted for an organization.
pub struct Admitted {
    pub tenant: Tenant,
    decision: Decision,
}

impl Admitted {
    /// The response, with the rate-limit headers.
    pub fn respond(&self, response: impl IntoResponse) -> Response {
        let mut response = response.into_response();
        self.decision.apply_headers(response.headers_mut());
        response
    }
}

/// Finds the organization (404), counts the request against the IP's limit for `page`
/// (429), and checks the plan (403 with `upgrade`).
pub async fn admit(state: &AppState, org_slug: &str, ip: ClientIp, page: &'static str) -> Result<Admitted, Response> {
    let tenant = Tenant::for_public_page(state.db(), org_slug)
        .await
        .map_err(|e| ApiError::from(e).into_response())?
        .ok_or_else(|| {
            ApiError::new(axum::http::StatusCode::NOT_FOUND, "NOT_FOUND", format!("No organization `{org_slug}`"))
                .into_response()
        })?;
    let quota = Quota {
        name: format!("ip-{page}-minute"),
        key: format!("ip:{}:{page}", ip.0),
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
    let required = state.settings().features.api;
    if tenant.plan() < required {
        return Err(refuse(ApiError::plan_required(required), &decision));
    }
    Ok(Admitted { tenant, decision })
}
