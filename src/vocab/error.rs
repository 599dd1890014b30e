//! The one error type at the HTTP edge.
//!
//! Handlers and extractors return [`ApiError`]; its response is always the JSON body
//! `{"success": false, "error": "...", "code": "...", "requestId": "..."}` (plus `field` for
//! validation errors, `conflictingId` for conflicts with an existing object, and
//! `upgrade`/`requiredPlan` for plan errors), the union of the three
//! documented error shapes. Library code below the edge uses `thiserror` enums that convert
//! into `ApiError`; database and other internal errors become a logged 500 whose body says
//! nothing about the cause.

use std::borrow::Cow;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use super::plan::Plan;
use super::request;

#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: Cow<'static, str>,
    field: Option<String>,
    conflicting_id: Option<Box<str>>,
    required_plan: Option<Plan>,
    retry_after: Option<u64>,
    /// What went wrong inside, for an internal error: logged where the error leaves the
    /// server ([`ApiError::report`]), never sent.
    cause: Option<Box<str>>,
}

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "success": false, "error": "This feature needs the Grow plan or higher", "code": "PLAN_UPGRADE_REQUIRED",
    "requestId": "req_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "upgrade": true, "requiredPlan": "Grow"
}))]
pub struct ErrorBody {
    /// Always `false`.
    pub success: bool,
    /// What went wrong, for people.
    #[schema(example = "Missing required field `title`")]
    pub error: String,
    /// What went wrong, for programs (UPPER_SNAKE_CASE).
    #[schema(example = "VALIDATION_ERROR")]
    pub code: String,
    /// The `X-Request-Id` of this request: quote it when asking for help.
    pub request_id: String,
    /// The request field the error is about, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For a 409: the id of the existing object the request conflicts with.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "shw_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub conflicting_id: Option<String>,
    /// Present (true) when a higher plan would allow the call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upgrade: Option<bool>,
    /// The plan that allows the call: `Grow` or `Elite`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_plan: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
            conflicting_id: None,
            required_plan: None,
            retry_after: None,
            cause: None,
        }
    }

    /// 400 about one field of the request.
    pub fn validation(field: impl Into<String>, message: impl Into<Cow<'static, str>>) -> Self {
        let mut err = Self::new(StatusCode::BAD_REQUEST, "VALIDATION_ERROR", message);
        err.field = Some(field.into());
        err
    }

    pub fn bad_request(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 404 for a resource that does not exist *for this organization*.
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, "NOT_FOUND", format!("No {what} with id `{id}`"))
    }

    pub fn unauthorized(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, message)
    }

    /// `caller` says who lacks it: "This API key", or "Your role" for a signed-in user.
    pub fn missing_scope(caller: &str, scope: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "INSUFFICIENT_SCOPE",
            format!("{caller} does not have the `{scope}` scope needed for this call"),
        )
    }

    pub fn plan_required(plan: Plan) -> Self {
        let mut err = Self::new(
            StatusCode::FORBIDDEN,
            "PLAN_UPGRADE_REQUIRED",
            format!("This feature needs the {} plan or higher", plan.display_name()),
        );
        err.required_plan = Some(plan);
        err
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        let mut err = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "RATE_LIMITED",
            format!("Rate limit exceeded — try again in {retry_after} seconds."),
        );
        err.retry_after = Some(retry_after);
        err
    }

    /// 429 for an address that presented too many bad credentials.
    pub fn too_many_failures(retry_after: u64) -> Self {
        let mut err = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "RATE_LIMITED",
            format!("Too many failed authentications from this address — try again in {retry_after} seconds."),
        );
        err.retry_after = Some(retry_after);
        err
    }

    pub fn conflict(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// 500: the cause is logged with the request id, the client sees a generic message.
    /// 500, whose body says nothing about `cause`; the cause is logged, with the request id,
    /// when the error leaves the server.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let mut err = Self::new(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal server error");
        err.cause = Some(cause.to_string().into());
        err
    }

    /// Logs an internal error's cause: called at the edge, where the error is answered (the
    /// HTTP response, a GraphQL error).
    pub fn report(&self) {
        if let Some(cause) = &self.cause {
            tracing::error!(request_id = %request::current(), error = %cause, "internal error");
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Names the existing object a 409 conflicts with (`conflictingId` in the body).
    pub fn with_conflicting_id(mut self, id: impl Into<String>) -> Self {
        self.conflicting_id = Some(id.into().into());
        self
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn field_name(&self) -> Option<&str> {
        self.field.as_deref()
    }

    pub fn conflicting_id(&self) -> Option<&str> {
        self.conflicting_id.as_deref()
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.report();
        let body = ErrorBody {
            success: false,
            error: self.message.into_owned(),
            code: self.code.to_owned(),
            request_id: request::current(),
            field: self.field,
            conflicting_id: self.conflicting_id.map(String::from),
            upgrade: self.required_plan.map(|_| true),
            required_plan: self.required_plan.map(|p| p.display_name().to_owned()),
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

impl From<sqlx::Error> for ApiError {
    /// Constraint violations are the client's conflict (a unique value taken, an object still
    /// referenced); everything else is internal.
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::Database(db) if db.is_unique_violation() => ApiError::conflict(
                "CONFLICT",
                "This conflicts with an existing object (a value that must be unique is taken)",
            ),
            sqlx::Error::Database(db) if db.is_foreign_key_violation() => ApiError::conflict(
                "REFERENCED",
                "This object is referenced by other objects, or references one that no longer exists",
            ),
            _ => ApiError::internal(err),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
