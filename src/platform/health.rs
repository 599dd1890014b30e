//! `GET /health` (the process is up) and `GET /ready` (it can reach its database).

use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::Json;
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health)).routes(routes!(ready))
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"status": "ok"}))]
pub struct Status {
    #[schema(example = "ok")]
    pub status: &'static str,
}

/// Health check
///
/// No authentication. Answers as long as the process serves HTTP.
#[utoipa::path(get, path = "/health", tag = "Health", security(()),
    responses((status = 200, description = "The server is up", body = Status, example = json!({"status": "ok"}))))]
async fn health() -> Json<Status> {
    Json(Status { status: "ok" })
}

/// Readiness check
///
/// No authentication. 200 when the database answers, 503 otherwise: point load balancers here.
#[utoipa::path(get, path = "/ready", tag = "Health", security(()),
    responses((status = 200, description = "Ready to serve", body = Status),
              (status = 503, description = "The database is unreachable", body = crate::vocab::error::ErrorBody)))]
async fn ready(State(state): State<AppState>) -> ApiResult<Json<Status>> {
    state.db().ping().await.map_err(|err| {
        tracing::warn!(error = %err, "readiness check failed");
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "NOT_READY", "The database is unreachable")
    })?;
    Ok(Json(Status { status: "ok" }))
}
