//! The web console at `/console` (`docs/console.md`): people sign in with an email and a
//! password and manage their organization in the browser — the overview, API keys, webhooks
//! with their delivery log, the event log, the team, the organization's settings and the
//! audit log.
//!
//! Pages are rendered on the server ([`views`], maud) and work without JavaScript; htmx
//! (vendored, `hx-boost`) makes navigation and forms partial updates, and `console.js` adds
//! local times, copy buttons and confirmations. Everything is served from the binary, with
//! Subresource Integrity, under a Content-Security-Policy that allows no inline script.
//!
//! Who is signed in is [`session`]'s (sessions live in `crate::auth::users`); what they can do
//! is their role's scopes, and every action is the REST API's own route called in-process
//! ([`crate::http::in_process`]) — no second path to the data.

mod developer;
mod form;
mod overview;
mod session;
mod settings;
mod signed;
mod usage;
mod views;

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{Next, from_fn};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use base64::Engine;
use sha2::{Digest, Sha384};

pub use crate::http::in_process::Api;
use crate::state::AppState;

/// The console's routes, acting through `api` (the API's router with its state).
pub fn router(api: Api) -> Router<AppState> {
    Router::new()
        .route("/console", get(session::home))
        .route("/console/sign-in", post(session::sign_in))
        .route("/console/sign-out", post(session::sign_out))
        .route("/console/sign-out-everywhere", post(session::sign_out_everywhere))
        .route("/console/switch-organization", post(session::switch_organization))
        .route("/console/invitations/{token}", get(session::invitation_page).post(session::accept_invitation))
        .route("/console/forgot-password", get(session::forgot_page).post(session::forgot))
        .route("/console/reset-password/{token}", get(session::reset_page).post(session::reset))
        .route("/console/overview", get(overview::page))
        // Where each product's "Getting started" sends people: Aura's Settings > Integrations,
        // Aptoria's Settings → Developer, Aureum's Admin → Webhooks.
        .route("/console/settings/integrations", get(|| async { Redirect::to("/console/settings/developer/keys") }))
        .route("/console/settings/developer", get(|| async { Redirect::to("/console/settings/developer/keys") }))
        .route("/console/admin/webhooks", get(|| async { Redirect::to("/console/settings/developer/webhooks") }))
        .route(usage::USAGE, get(usage::page))
        .merge(developer::router())
        .merge(settings::router())
        .route("/console/assets/{name}", get(asset))
        .layer(Extension(api))
        .layer(from_fn(security_headers))
}

/// The policy every console response carries: scripts and styles only from this server (no
/// inline script, so an injected one cannot run), no framing, no form posts elsewhere.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

async fn security_headers(req: axum::extract::Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.entry(CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    response
}

/// A file served from the binary.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

const ASSETS: [Asset; 3] = [
    Asset {
        name: "htmx.min.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("assets/htmx.min.js"),
    },
    Asset {
        name: "console.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("assets/console.js"),
    },
    Asset { name: "console.css", content_type: "text/css; charset=utf-8", bytes: include_bytes!("assets/console.css") },
];

/// `sha384-…` of an asset, for its `integrity` attribute.
fn integrity(name: &str) -> &'static str {
    static HASHES: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        ASSETS
            .iter()
            .map(|asset| {
                let digest = Sha384::digest(asset.bytes);
                (asset.name, format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(digest)))
            })
            .collect()
    });
    hashes.iter().find(|(known, _)| *known == name).map_or("", |(_, hash)| hash.as_str())
}

async fn asset(Path(name): Path<String>) -> Response {
    let Some(asset) = ASSETS.iter().find(|asset| asset.name == name) else {
        return (StatusCode::NOT_FOUND, "No such file").into_response();
    };
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static(asset.content_type)),
            // The integrity hash pins the content; a new build may change it, so revalidate daily.
            (CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400")),
        ],
        asset.bytes,
    )
        .into_response()
}
