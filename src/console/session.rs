//! Signing in and out, and the [`Session`] every console page requires.
//!
//! The session cookie (`gable_session`) holds the token; it is `HttpOnly`, `SameSite=Lax`,
//! scoped to `/console`, and `Secure` when the server's public URL is `https://`. The sign-in
//! form is protected from cross-site posts by a double-submit token (`gable_signin`, a cookie
//! the form repeats); every form after sign-in carries the session's own CSRF token.

use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::form::{CSRF_FIELD, FormData, constant_time_eq};
pub use super::signed::Session;
use super::views::{self, Page};
use crate::auth::client::ClientIp;
use crate::auth::users::{self, SignInError};
use crate::ratelimit::Quota;
use crate::state::AppState;

const SESSION_COOKIE: &str = "gable_session";
const SIGN_IN_COOKIE: &str = "gable_signin";

/// A state-changing form from a signed-in user: every console `POST` after sign-in takes one.
/// Without a live session it goes to sign-in; without this session's CSRF token it is a 403
/// page — either way the handler never runs, so nothing changes.
pub struct Posted {
    pub session: Session,
    pub form: FormData,
}

impl FromRequest<AppState> for Posted {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Posted, Response> {
        let (mut parts, body) = req.into_parts();
        let session = Session::from_request_parts(&mut parts, state).await?;
        let form = FormData::from_request(Request::from_parts(parts, body), state).await?;
        if !constant_time_eq(form.raw(CSRF_FIELD).as_bytes(), session.csrf.as_bytes()) {
            return Err(views::forbidden_form().into_response());
        }
        Ok(Posted { session, form })
    }
}

/// The value of cookie `name` in the request.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// `Set-Cookie` for a console cookie; `max_age` 0 deletes it.
fn set_cookie(state: &AppState, name: &str, value: &str, max_age_secs: u64, same_site: &str) -> HeaderValue {
    let secure = if state.public_url().starts_with("https://") { "; Secure" } else { "" };
    let text = format!("{name}={value}; Path=/console; HttpOnly; SameSite={same_site}; Max-Age={max_age_secs}{secure}");
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A redirect after a form: 303, or for an htmx request `HX-Redirect` (a full page load).
pub fn redirect(headers: &HeaderMap, to: &str) -> Response {
    if headers.contains_key("hx-request") {
        let mut response = StatusCode::OK.into_response();
        if let Ok(value) = HeaderValue::from_str(to) {
            response.headers_mut().insert("hx-redirect", value);
        }
        return response;
    }
    Redirect::to(to).into_response()
}

impl FromRequestParts<AppState> for Session {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Session, Response> {
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(redirect(&parts.headers, "/console"));
        };
        match users::authenticate(state, token).await {
            Ok(Some(signed_in)) => {
                let organizations =
                    users::organizations(state, &signed_in.user_id).await.map_err(IntoResponse::into_response)?;
                Ok(Session { signed_in, organizations })
            }
            Ok(None) => {
                let mut response = redirect(&parts.headers, "/console");
                response.headers_mut().append(SET_COOKIE, set_cookie(state, SESSION_COOKIE, "", 0, "Lax"));
                Err(response)
            }
            Err(err) => Err(err.into_response()),
        }
    }
}

/// `GET /console`: the overview when signed in, else the sign-in form.
pub async fn home(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = cookie(&headers, SESSION_COOKIE)
        && let Ok(Some(_)) = users::authenticate(&state, token).await
    {
        return Redirect::to("/console/overview").into_response();
    }
    sign_in_form(&state, &headers, "", None, StatusCode::OK)
}

/// The browser's double-submit token for the forms outside a session (sign-in, invitations,
/// password resets), or a new one with the `Set-Cookie` that gives it.
fn pre_session_token(state: &AppState, headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    if let Some(token) = cookie(headers, SIGN_IN_COOKIE).filter(|token| token.len() == 43) {
        return (token.to_owned(), None);
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let set = set_cookie(state, SIGN_IN_COOKIE, &token, 3600, "Strict");
    (token, Some(set))
}

/// Whether a form outside a session came from this site's page (its token matches the cookie).
fn pre_session_form_ok(headers: &HeaderMap, form: &FormData) -> bool {
    let expected = cookie(headers, SIGN_IN_COOKIE).unwrap_or_default();
    !expected.is_empty() && constant_time_eq(form.raw(CSRF_FIELD).as_bytes(), expected.as_bytes())
}

/// A page outside a session, with the double-submit cookie set when the browser has none.
fn public_page(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    render: impl FnOnce(&str) -> maud::Markup,
) -> Response {
    let (token, set) = pre_session_token(state, headers);
    let mut response = Page(status, render(&token)).into_response();
    if let Some(set) = set {
        response.headers_mut().append(SET_COOKIE, set);
    }
    response
}

/// The sign-in form with the double-submit token (reusing the browser's, or a new one).
fn sign_in_form(
    state: &AppState,
    headers: &HeaderMap,
    email: &str,
    error: Option<&str>,
    status: StatusCode,
) -> Response {
    public_page(state, headers, status, |token| views::sign_in(token, email, error))
}

/// The client's address (behind a trusted proxy, the one it forwarded), or `unknown`.
fn client_address(state: &AppState, parts: &Parts) -> String {
    ClientIp::of(&parts.extensions, &parts.headers, &state.settings().trusted_proxies.0)
        .map_or_else(|| "unknown".to_owned(), |ClientIp(ip)| ip.to_string())
}

/// The per-minute limit of a form outside a session (`sign-in`, `reset`) for one address.
fn per_address_quota(state: &AppState, form: &str, address: &str) -> Quota {
    Quota {
        name: format!("console-{form}-ip-minute"),
        key: format!("{form}:ip:{address}"),
        limit: state.settings().console.sign_in_per_ip_per_minute,
        window_secs: 60,
    }
}

/// `POST /console/sign-in`.
pub async fn sign_in(State(state): State<AppState>, parts: Parts, form: FormData) -> Response {
    let headers = &parts.headers;
    let email = form.get("email").unwrap_or_default().to_owned();
    if !pre_session_form_ok(headers, &form) {
        return views::forbidden_form().into_response();
    }
    let settings = &state.settings().console;
    let address = client_address(&state, &parts);
    let per_address = per_address_quota(&state, "sign-in", &address);
    let per_account = Quota {
        name: "console-sign-in-failures-account-hour".into(),
        key: format!("signin:account:{}", email.to_lowercase()),
        limit: settings.sign_in_failures_per_account_per_hour,
        window_secs: 3600,
    };
    let now = state.clock().now_secs();
    let limiter = state.limiter();
    let by_address = limiter.check(now, std::slice::from_ref(&per_address)).await;
    let by_account = limiter.peek(now, std::slice::from_ref(&per_account)).await;
    if !by_address.allowed || !by_account.allowed {
        let wait = by_address.retry_after().max(by_account.retry_after());
        let message = format!("Too many sign-in attempts. Try again in {} minutes.", wait.div_ceil(60).max(1));
        return sign_in_form(&state, headers, &email, Some(&message), StatusCode::TOO_MANY_REQUESTS);
    }
    let started = match users::sign_in(&state, &email, form.raw("password"), Some(address.clone())).await {
        Ok(started) => started,
        Err(err) => return err.into_response(),
    };
    match started {
        Ok(started) => {
            tracing::info!(email = %email.to_lowercase(), "console sign-in");
            signed_in(&state, headers, &started.token)
        }
        Err(refusal) => {
            limiter.check(now, &[per_account]).await;
            let message = match refusal {
                SignInError::Wrong => "That email and password do not match an account.",
                SignInError::NoOrganization => "This account does not belong to an organization any more.",
            };
            sign_in_form(&state, headers, &email, Some(message), StatusCode::UNAUTHORIZED)
        }
    }
}

/// `POST /console/sign-out`: ends this session.
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap, Posted { session, .. }: Posted) -> Response {
    if let Err(err) = users::sign_out(&state, &session).await {
        return err.into_response();
    }
    signed_out(&state, &headers)
}

/// `POST /console/sign-out-everywhere`: ends every session of this user.
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    headers: HeaderMap,
    Posted { session, .. }: Posted,
) -> Response {
    if let Err(err) = users::sign_out_everywhere(&state, &session).await {
        return err.into_response();
    }
    signed_out(&state, &headers)
}

fn signed_out(state: &AppState, headers: &HeaderMap) -> Response {
    let mut response = redirect(headers, "/console");
    response.headers_mut().append(SET_COOKIE, set_cookie(state, SESSION_COOKIE, "", 0, "Lax"));
    response
}

/// The answer that starts a session: its cookie, and on to the overview.
fn signed_in(state: &AppState, headers: &HeaderMap, token: &str) -> Response {
    let lifetime = state.settings().console.session_lifetime.0.as_secs();
    let mut response = redirect(headers, "/console/overview");
    let cookies = response.headers_mut();
    cookies.append(SET_COOKIE, set_cookie(state, SESSION_COOKIE, token, lifetime, "Lax"));
    cookies.append(SET_COOKIE, set_cookie(state, SIGN_IN_COOKIE, "", 0, "Strict"));
    response
}

/// `POST /console/switch-organization`: this session acts for another of the user's
/// organizations.
pub async fn switch_organization(
    State(state): State<AppState>,
    headers: HeaderMap,
    Posted { session, form }: Posted,
) -> Response {
    match users::switch_organization(&state, &session, form.get("org_id").unwrap_or_default()).await {
        Ok(true) => redirect(&headers, "/console/overview"),
        Ok(false) => views::not_a_member().into_response(),
        Err(err) => err.into_response(),
    }
}

/// `GET /console/invitations/{token}`: join with a new password, or an existing account's.
pub async fn invitation_page(State(state): State<AppState>, headers: HeaderMap, Path(token): Path<String>) -> Response {
    match users::invitation(&state, &token).await {
        Ok(Ok(invitation)) => {
            public_page(&state, &headers, StatusCode::OK, |csrf| views::invitation(csrf, &token, &invitation, None))
        }
        Ok(Err(reason)) => Page(StatusCode::NOT_FOUND, views::message_page("Invitation", reason)).into_response(),
        Err(err) => err.into_response(),
    }
}

/// `POST /console/invitations/{token}`.
pub async fn accept_invitation(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    form: FormData,
) -> Response {
    if !pre_session_form_ok(&headers, &form) {
        return views::forbidden_form().into_response();
    }
    let invitation = match users::invitation(&state, &token).await {
        Ok(Ok(invitation)) => invitation,
        Ok(Err(reason)) => {
            return Page(StatusCode::NOT_FOUND, views::message_page("Invitation", reason)).into_response();
        }
        Err(err) => return err.into_response(),
    };
    let password = form.raw("password");
    if !invitation.has_account && password != form.raw("password_again") {
        let error = Some("The two passwords differ.");
        return public_page(&state, &headers, StatusCode::BAD_REQUEST, |csrf| {
            views::invitation(csrf, &token, &invitation, error)
        });
    }
    match users::accept_invitation(&state, &token, password).await {
        Ok(Ok(started)) => signed_in(&state, &headers, &started.token),
        Ok(Err(reason)) => public_page(&state, &headers, StatusCode::BAD_REQUEST, |csrf| {
            views::invitation(csrf, &token, &invitation, Some(&reason))
        }),
        Err(err) => err.into_response(),
    }
}

/// `GET /console/forgot-password`.
pub async fn forgot_page(State(state): State<AppState>, headers: HeaderMap) -> Response {
    public_page(&state, &headers, StatusCode::OK, |csrf| views::forgot(csrf, false))
}

/// `POST /console/forgot-password`: mails a reset link if the account exists; the answer is
/// the same either way. Limited like sign-in attempts, per address.
pub async fn forgot(State(state): State<AppState>, parts: Parts, form: FormData) -> Response {
    let headers = &parts.headers;
    if !pre_session_form_ok(headers, &form) {
        return views::forbidden_form().into_response();
    }
    let quota = per_address_quota(&state, "reset", &client_address(&state, &parts));
    if !state.limiter().check(state.clock().now_secs(), &[quota]).await.allowed {
        return Page(
            StatusCode::TOO_MANY_REQUESTS,
            views::message_page("Too many requests", "Too many attempts from this address. Try again in a minute."),
        )
        .into_response();
    }
    if let Err(err) = users::request_reset(&state, form.get("email").unwrap_or_default()).await {
        return err.into_response();
    }
    public_page(&state, headers, StatusCode::OK, |csrf| views::forgot(csrf, true))
}

/// `GET /console/reset-password/{token}`.
pub async fn reset_page(State(state): State<AppState>, headers: HeaderMap, Path(token): Path<String>) -> Response {
    match users::reset_is_live(&state, &token).await {
        Ok(true) => public_page(&state, &headers, StatusCode::OK, |csrf| views::reset(csrf, &token, None)),
        Ok(false) => Page(
            StatusCode::NOT_FOUND,
            views::message_page("Reset password", "This link has expired or was already used. Ask for a new one."),
        )
        .into_response(),
        Err(err) => err.into_response(),
    }
}

/// `POST /console/reset-password/{token}`: the new password, then sign in with it.
pub async fn reset(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    form: FormData,
) -> Response {
    if !pre_session_form_ok(&headers, &form) {
        return views::forbidden_form().into_response();
    }
    let password = form.raw("password");
    if password != form.raw("password_again") {
        return public_page(&state, &headers, StatusCode::BAD_REQUEST, |csrf| {
            views::reset(csrf, &token, Some("The two passwords differ."))
        });
    }
    match users::reset_with_token(&state, &token, password).await {
        Ok(Ok(())) => {
            sign_in_form(&state, &headers, "", Some("Your password is changed. Sign in with it."), StatusCode::OK)
        }
        Ok(Err(reason)) => {
            public_page(&state, &headers, StatusCode::BAD_REQUEST, |csrf| views::reset(csrf, &token, Some(&reason)))
        }
        Err(err) => err.into_response(),
    }
}
