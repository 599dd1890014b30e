//! The application: [`App::build`] connects storage, binds the listener and assembles the
//! router; [`App::run_until`] serves until the shutdown future completes. `main` and the
//! test harness both go through here.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Extension};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use utoipa::openapi::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::config::Settings;
use crate::db::Db;
use crate::http::in_process::Api;
use crate::platform::metrics;
use crate::platform::{self, docs, health};
use crate::resource::{Area, Operations};
use crate::state::AppState;
use crate::vocab::clock::Clock;
use crate::webhooks;
use crate::{auth, console, crm, events, graphql, http, jobs, operations, rentals, sales};

/// The shared state for a server or a worker: [`AppState::new`], with every stored secret
/// sealed under the current key first.
pub async fn state(settings: Settings, db: Db, clock: Clock, bound: Option<SocketAddr>) -> anyhow::Result<AppState> {
    events::install(catalog());
    let state = AppState::new(settings, db, clock, bound).await?;
    jobs::reseal_secrets(state.db(), state.secrets()).await?;
    Ok(state)
}

pub struct App {
    listener: TcpListener,
    router: Router,
    state: AppState,
}

impl App {
    /// Connects to the database (running migrations) and Redis, and binds `settings.listen`
    /// (port 0 picks a free port: see [`App::port`]).
    pub async fn build(settings: Settings) -> anyhow::Result<App> {
        let db =
            Db::connect(&settings.database_url, settings.database_max_connections, settings.database_job_connections)
                .await?;
        db.migrate().await?;
        Self::build_with(settings, db, Clock::default()).await
    }

    /// Like [`build`](Self::build) with an existing database and clock (tests share them).
    pub async fn build_with(settings: Settings, db: Db, clock: Clock) -> anyhow::Result<App> {
        let listener = TcpListener::bind(settings.listen).await?;
        let state = state(settings, db, clock, Some(listener.local_addr()?)).await?;
        let router = router(state.clone());
        Ok(App { listener, router, state })
    }

    pub fn port(&self) -> u16 {
        self.local_addr().port()
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests and returns. Runs
    /// the webhook workers too, unless `workers` is false.
    pub async fn run_until(
        self,
        workers: bool,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let maintenance = tokio::spawn(maintenance(self.state.clone()));
        let jobs = workers.then(|| tokio::spawn(jobs::run(self.state.clone())));
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        let state = self.state.clone();
        // Event streams would hold a graceful shutdown for their whole lifetime: they end first.
        let shutdown = async move {
            shutdown.await;
            state.webhooks().close_streams();
        };
        // No Nagle delay: an event stream's frames are small writes that must leave at once
        // (with it, a frame after another waited for the client's delayed ACK, 40 ms).
        let listener = self.listener.tap_io(|tcp| {
            if let Err(err) = tcp.set_nodelay(true) {
                tracing::debug!(error = %err, "could not set TCP_NODELAY");
            }
        });
        let result = axum::serve(listener, service).with_graceful_shutdown(shutdown).await;
        maintenance.abort();
        jobs::flush_usage(&self.state).await;
        if let Some(jobs) = jobs {
            jobs.abort();
        }
        result
    }
}

/// The OpenAPI document of every route (what `GET /openapi.json` serves; `gable openapi`
/// prints it without a server).
pub fn openapi() -> OpenApi {
    parts().2
}

/// The public routes, the API's routes and the OpenAPI document of both, from one pass over
/// the routers (building the document is the largest allocation the server ever makes).
fn parts() -> (Router<AppState>, Router<AppState>, OpenApi) {
    let (public, openapi) = documented().split_for_parts();
    let (api, api_doc) = api().split_for_parts();
    let mut openapi = openapi.nest("/api", api_doc);
    docs::finish(&mut openapi);
    docs::add_body_rules(&mut openapi, AREAS.iter().flat_map(|area| area.body_rules));
    docs::name_event_types(&mut openapi, catalog().into_iter().map(|event| event.kind).collect());
    (public, api, openapi)
}

/// The routes of [`parts`] and the OpenAPI document as the bytes served: made once per process
/// (the document's structures are dropped here), and cloned by every server it starts.
fn routes() -> (Router<AppState>, Router<AppState>, docs::Document) {
    static ROUTES: OnceLock<(Router<AppState>, Router<AppState>, docs::Document)> = OnceLock::new();
    ROUTES
        .get_or_init(|| {
            let (public, api, openapi) = parts();
            (public, api, docs::Document::new(&openapi))
        })
        .clone()
}

/// Every route: `/health`, `/ready`, the public pages, the console under `/console`, the API
/// under `/api` and `/v1`, `/graphql`, `/metrics`, `/docs`, `/openapi.json`.
fn router(state: AppState) -> Router {
    let (public, api, openapi) = routes();
    // The console acts through the API's own routes, as the signed-in user (no key, no limits),
    // and so do GraphQL's actions, as the caller.
    let in_process = Api::new(api.clone().with_state(state.clone()));
    let console = console::router(in_process.clone());
    let api = api
        .layer(Extension(in_process.clone()))
        .route_layer(from_fn_with_state(state.clone(), http::idempotency::middleware))
        .route_layer(from_fn_with_state(state.clone(), auth::authenticate))
        .route_layer(from_fn_with_state(state.clone(), graphql::price));
    // `POST /graphql` is the API (authenticated like `/api`); `GET /graphql`, the playground
    // page, is public: the page asks for the key and sends it with each query.
    let graphql = post(graphql::execute)
        .route_layer(from_fn_with_state(state.clone(), http::idempotency::middleware))
        .route_layer(from_fn_with_state(state.clone(), auth::authenticate))
        .route_layer(from_fn_with_state(state.clone(), graphql::price))
        .layer(Extension(in_process))
        .get(graphql::playground);
    let max_body = state.settings().max_body_bytes;
    Router::new()
        .merge(public)
        .merge(console)
        .nest("/api", api.clone())
        .nest("/v1", api)
        .route("/graphql", graphql)
        .route("/graphql/assets/{file}", get(graphql::playground_asset))
        .merge(docs::router(openapi.for_server(state.public_url())))
        .route("/metrics", get(metrics::serve))
        .fallback(http::not_found)
        .method_not_allowed_fallback(http::method_not_allowed)
        .route_layer(from_fn_with_state(state.clone(), metrics::track))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(CatchPanicLayer::custom(http::panic_response))
        .layer(from_fn(http::request_id::middleware))
        .with_state(state)
}

/// The business areas, listed once: each is mounted (`api`, `documented`), has its events in the
/// webhook catalog (`state`) and its resources in GraphQL (`api`).
const AREAS: [Area; 6] = [platform::AREA, webhooks::AREA, crm::AREA, sales::AREA, operations::AREA, rentals::AREA];

/// Every area's event types, each marked with its area.
fn catalog() -> Vec<events::EventType> {
    AREAS
        .iter()
        .flat_map(|area| (area.event_types)().into_iter().map(|event| events::EventType { area: area.name, ..event }))
        .collect()
}

/// Routes outside `/api`: health and each area's public pages.
fn documented() -> OpenApiRouter<AppState> {
    AREAS.iter().fold(OpenApiRouter::with_openapi(docs::base()).merge(health::router()), |router, area| {
        router.merge((area.public_router)())
    })
}

/// The authenticated API (served under `/api` and `/v1`): the platform's routes, every area's,
/// and GraphQL over every area's resources.
fn api() -> OpenApiRouter<AppState> {
    let areas = AREAS.iter().fold(OpenApiRouter::new(), |router, area| router.merge((area.router)()));
    let resources: Vec<Operations> = AREAS.iter().flat_map(|area| (area.operations)()).collect();
    // GraphQL's actions are the areas' other operations, read from their own document.
    let document = serde_json::to_value(areas.get_openapi()).expect("the OpenAPI document is JSON");
    areas.merge(graphql::router(&resources, &document))
}

/// This instance's memory, once a minute: its usage counts written out, finished rate-limit
/// windows, stale cached keys and organization links forgotten. (What is in the database is the background jobs' work: [`jobs`].)
async fn maintenance(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        let now_ms = state.clock().now_ms();
        jobs::flush_usage(&state).await;
        state.limiter().purge(state.clock().now_secs());
        state.key_cache().purge(now_ms);
        if let Some(jwt) = state.jwt() {
            jwt.purge(now_ms);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_areas_resources_and_events_are_served() {
        let resources: Vec<Operations> = AREAS.iter().flat_map(|area| (area.operations)()).collect();
        let _ = api();
        let sdl = graphql::schema().sdl();
        for ops in &resources {
            let singular = crate::resource::pascal(ops.meta.name);
            assert!(sdl.contains(&format!("type {singular} ")), "{singular}");
            assert_eq!(sdl.contains(&format!("update{singular}(")), ops.update.is_some(), "update{singular}");
            assert_eq!(sdl.contains(&format!("create{singular}(")), ops.create.is_some(), "create{singular}");
            assert_eq!(sdl.contains(&format!("delete{singular}(")), ops.delete.is_some(), "delete{singular}");
        }
        for field in ["rentCharges(", "rentPayment(", "createRentPayment("] {
            assert!(sdl.contains(field), "{field}");
        }
        let catalog = events::install(catalog());
        for kind in ["property.created", "team_member.created", "lease.signed", "rent.paid", "work_order.completed"] {
            assert!(catalog.iter().any(|e| e.kind == kind), "{kind}");
        }
    }
}
