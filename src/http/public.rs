//! Unauthenticated public pages addressed to an organization by slug: the lead form
//! (`/forms/{orgSlug}/leads`) and booking pages (`/book/{orgSlug}/{slug}`). They act for that
//! organization, its plan applies (the API's plan), and each client IP has its own rate limit
//! per organization (`public_per_ip_per_minute`), with the same headers as the API. Requests
//! to unknown organizations are counted too, in one count per IP, and answered like an unknown
//! page, so guessing organization slugs costs the guesser its limit and tells it nothing more.
//! The client is the TCP peer, or, behind a `trusted_proxies` proxy, the address that proxy
//! forwarded (`X-Forwarded-For`).

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use ipnet::IpNet;

use crate::app::AppState;
use crate::auth::ActingOrg;
use crate::ratelimit::{Decision, Quota};
use crate::vocab::error::{ApiError, ApiResult};

/// The client's IP address: the TCP peer, unless the peer is a trusted proxy
/// (`trusted_proxies`); then the address it forwarded (see [`client_ip`]).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        ClientIp::of(&parts.extensions, &parts.headers, state)
            .ok_or_else(|| ApiError::internal("the server was started without connection info"))
    }
}

impl ClientIp {
    /// The client of a request with these extensions (the connection's) and headers.
    pub fn of(extensions: &Extensions, headers: &HeaderMap, state: &AppState) -> Option<ClientIp> {
        let ConnectInfo(peer) = extensions.get::<ConnectInfo<SocketAddr>>()?;
        Some(ClientIp(client_ip(peer.ip(), headers, &state.settings().trusted_proxies.0)))
    }
}

/// The client behind `peer`: walking `X-Forwarded-For` from the right (the entry the peer
/// itself wrote) while the address at hand is a trusted proxy, the first one that is not. A
/// client can write anything on the left, so nothing left of that is believed; an entry that
/// is not an address stops the walk at the last trusted hop.
fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = peer.to_canonical();
    if !is_trusted(&client) {
        return client;
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    for entry in forwarded.into_iter().rev() {
        let Some(hop) = parse_hop(entry) else { break };
        client = hop;
        if !is_trusted(&client) {
            break;
        }
    }
    client
}

/// An `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:80`, `[::1]:80`).
fn parse_hop(entry: &str) -> Option<IpAddr> {
    let ip = entry.parse::<IpAddr>().or_else(|_| entry.parse::<SocketAddr>().map(|a| a.ip())).ok()?;
    Some(ip.to_canonical())
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

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn the_peer_is_the_client_unless_it_is_a_trusted_proxy() {
        let proxies: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap(), "::1/128".parse().unwrap()];
        let claims = forwarded(&["203.0.113.7"]);
        assert_eq!(client_ip(ip("198.51.100.1"), &claims, &proxies), ip("198.51.100.1"), "not a proxy");
        assert_eq!(client_ip(ip("10.0.0.2"), &claims, &[]), ip("10.0.0.2"), "no proxies trusted");
        assert_eq!(client_ip(ip("10.0.0.2"), &claims, &proxies), ip("203.0.113.7"));
        assert_eq!(client_ip(ip("10.0.0.2"), &HeaderMap::new(), &proxies), ip("10.0.0.2"), "nothing forwarded");
        assert_eq!(client_ip(ip("::ffff:10.0.0.2"), &claims, &proxies), ip("203.0.113.7"), "a mapped peer");
    }

    #[test]
    fn the_client_is_the_rightmost_address_no_trusted_proxy_wrote() {
        let proxies: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        let peer = ip("10.0.0.2");
        let cases = [
            (vec!["1.1.1.1, 203.0.113.7"], "203.0.113.7"),
            (vec!["1.1.1.1, 203.0.113.7, 10.0.0.9"], "203.0.113.7"),
            (vec!["1.1.1.1", "203.0.113.7 , 10.0.0.9"], "203.0.113.7"),
            (vec!["10.0.0.5, 10.0.0.9"], "10.0.0.5"),
            (vec!["203.0.113.7:4711"], "203.0.113.7"),
            (vec!["[2001:db8::7]:443, 10.0.0.9"], "2001:db8::7"),
            (vec!["2001:db8::7"], "2001:db8::7"),
            (vec!["203.0.113.7, unknown, 10.0.0.9"], "10.0.0.9"),
            (vec!["garbage"], "10.0.0.2"),
        ];
        for (values, client) in cases {
            assert_eq!(client_ip(peer, &forwarded(&values), &proxies), ip(client), "{values:?}");
        }
    }
}
