//! The REST API's own router, called in-process with an [`Auth`] in place of a key: the
//! console's only way to the data (as the signed-in user, their role's scopes), and GraphQL's
//! way to the operations that are not a resource's CRUD (`graphql::actions`, as the caller). A
//! console action or a GraphQL action is therefore the API call it stands for — the same
//! validation, scope checks, tenancy, events and errors — and there is no second path to
//! maintain. The call skips what the caller's own request already went through: key
//! authentication, rate limits and idempotency.

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::header::CONTENT_TYPE;
use axum::http::{Method, Request, StatusCode};
use serde_json::Value;
use tower::ServiceExt;

use crate::auth::Auth;

/// The API's routes (as served under `/api`), without the key authentication in front.
#[derive(Clone)]
pub struct Api(Router);

/// An API answer: its status and JSON body.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: StatusCode,
    pub json: Value,
}

impl Reply {
    pub fn ok(&self) -> bool {
        self.status.is_success()
    }

    /// The error's message, as the API wrote it.
    pub fn message(&self) -> String {
        self.json["error"].as_str().map_or_else(|| format!("The server answered {}", self.status), str::to_owned)
    }

    /// The input field the error is about, if any.
    pub fn field(&self) -> Option<&str> {
        self.json["field"].as_str()
    }

    /// The error's code (`INSUFFICIENT_SCOPE`, …).
    pub fn code(&self) -> &str {
        self.json["code"].as_str().unwrap_or_default()
    }

    /// The body as a list (an empty one for an error).
    pub fn items(&self) -> &[Value] {
        self.json.as_array().map_or(&[], Vec::as_slice)
    }
}

/// The largest API answer read (a page of a list is far smaller).
const MAX_REPLY: usize = 16 * 1024 * 1024;

impl Api {
    /// The API's router with its state, as the composition root hands it over.
    pub fn new(router: Router) -> Api {
        Api(router)
    }

    pub async fn get(&self, auth: &Auth, path: &str) -> Reply {
        self.call(auth, Method::GET, path, None).await
    }

    pub async fn post(&self, auth: &Auth, path: &str, body: Value) -> Reply {
        self.call(auth, Method::POST, path, Some(body)).await
    }

    pub async fn patch(&self, auth: &Auth, path: &str, body: Value) -> Reply {
        self.call(auth, Method::PATCH, path, Some(body)).await
    }

    pub async fn delete(&self, auth: &Auth, path: &str) -> Reply {
        self.call(auth, Method::DELETE, path, None).await
    }

    /// `method path` (relative to `/api`) as `auth`.
    pub async fn call(&self, auth: &Auth, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = Request::builder().method(method).uri(path);
        if body.is_some() {
            request = request.header(CONTENT_TYPE, "application/json");
        }
        let body = body.map_or_else(Body::empty, |json| Body::from(json.to_string()));
        let mut request = match request.body(body) {
            Ok(request) => request,
            Err(err) => return internal(format!("could not build the request: {err}")),
        };
        request.extensions_mut().insert(auth.clone());
        let response = match self.0.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        let status = response.status();
        match to_bytes(response.into_body(), MAX_REPLY).await {
            Ok(bytes) if bytes.is_empty() => Reply { status, json: Value::Null },
            Ok(bytes) => Reply { status, json: serde_json::from_slice(&bytes).unwrap_or(Value::Null) },
            Err(err) => internal(format!("could not read the answer: {err}")),
        }
    }
}

fn internal(message: String) -> Reply {
    tracing::error!(%message, "in-process API call failed");
    Reply {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        json: serde_json::json!({"error": "Something went wrong on our side", "code": "INTERNAL"}),
    }
}
