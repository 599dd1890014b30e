//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes and
//! their doc comments, served at `GET /openapi.json`, and Swagger UI at `/docs` from assets
//! compiled into the binary (it works offline).

use axum::Router;
use axum::body::Bytes;
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, ResponseBuilder};
use utoipa::{Modify, OpenApi as _};
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::state::AppState;
use crate::vocab::error::ErrorBody;

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Gable API",
        description = "Listings, CRM, sales and rentals for real-estate and property-management businesses.\n\n\
            Every path under `/api` is also served under `/v1`. Authenticate with \
            `Authorization: Bearer gbl_live_…` (an API key), or, from an app, with a signed-in user's JWT \
            carrying an active organization (Clerk session tokens) where the server enables it. Errors are `{\"success\": false, \"error\", \"code\", \"requestId\"}`; \
            rate-limit state is in the `X-RateLimit-*` and `RateLimit` headers of every authenticated response.",
        license(name = "Apache-2.0")
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    components(schemas(ErrorBody))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description =
            Some("An API key (`gbl_live_…`), or a signed-in user's JWT with an active organization".into());
        scheme.bearer_format = Some("gbl_live_… or JWT".into());
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The base document that the routers' paths are added to.
pub fn base() -> OpenApi {
    ApiDoc::openapi()
}

/// Adds the error responses every authenticated operation can give, so each handler only
/// documents its own.
pub fn add_common_errors(openapi: &mut OpenApi) {
    for (path, item) in openapi.paths.paths.iter_mut() {
        if !path.starts_with("/api/") {
            continue;
        }
        let operations: [(&mut Option<Operation>, bool); 5] = [
            (&mut item.get, false),
            (&mut item.post, true),
            (&mut item.put, true),
            (&mut item.patch, true),
            (&mut item.delete, false),
        ];
        for (operation, has_body) in operations {
            let Some(operation) = operation.as_mut() else { continue };
            let mut add = |status: &str, description: &str| {
                if operation.responses.responses.contains_key(status) {
                    return;
                }
                let response = ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build(),
                    )
                    .build();
                operation.responses.responses.insert(status.to_owned(), response.into());
            };
            add("400", "Invalid parameters or body; `field` names the culprit");
            add("401", "Missing, invalid, revoked or expired API key");
            add(
                "403",
                "The key lacks a scope (`INSUFFICIENT_SCOPE`) or the plan lacks the feature (`upgrade`, `requiredPlan`)",
            );
            if path.contains('{') {
                add("404", "No such object in this organization");
            }
            if has_body {
                add("409", "A concurrent request with the same `Idempotency-Key` is in flight");
                add("413", "Body larger than the limit");
                add("415", "Body is not `application/json`");
                add("422", "`Idempotency-Key` reused with a different request");
            }
            add("429", "Rate limit exceeded; see `Retry-After`");
            add("500", "Internal error (logged with the request id)");
        }
    }
}

/// The OpenAPI document as served: its JSON, serialized once.
#[derive(Clone)]
pub struct Document(Bytes);

impl Document {
    pub fn new(openapi: &OpenApi) -> Document {
        Document(Bytes::from(serde_json::to_vec(openapi).expect("the OpenAPI document serializes")))
    }
}

/// `/docs` (Swagger UI) and `/openapi.json`.
pub fn router(document: Document) -> Router<AppState> {
    let swagger = Router::from(SwaggerUi::new("/docs").config(Config::from("/openapi.json")));
    let json = move || {
        let body = document.0.clone();
        async move { ([(CONTENT_TYPE, HeaderValue::from_static("application/json"))], body) }
    };
    swagger.route("/openapi.json", get(json))
}
