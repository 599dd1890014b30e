//! Every failure is the same JSON error body with the right status; never HTML, never empty.

use gable::vocab::plan::Plan;
use reqwest::Method;
use serde_json::json;

use crate::helpers::{expect_error, spawn_app, spawn_with};

#[tokio::test]
async fn unknown_route_is_a_json_404() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/no/such/route")).send().await.unwrap();
    let body = expect_error(response, 404, "NOT_FOUND").await;
    assert!(body["error"].as_str().unwrap().contains("/no/such/route"));
}

#[tokio::test]
async fn wrong_method_is_a_json_405() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let response = app.request(Method::PUT, "/api/keys", Some(&org.key)).send().await.unwrap();
    expect_error(response, 405, "METHOD_NOT_ALLOWED").await;
    let response = app.request(Method::DELETE, "/health", None).send().await.unwrap();
    expect_error(response, 405, "METHOD_NOT_ALLOWED").await;
}

#[tokio::test]
async fn malformed_json_is_a_400() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let response = app
        .request(Method::POST, "/api/keys", Some(&org.key))
        .header("content-type", "application/json")
        .body(r#"{"name": "x""#)
        .send()
        .await
        .unwrap();
    expect_error(response, 400, "INVALID_JSON").await;
}

#[tokio::test]
async fn wrong_types_and_missing_fields_name_the_field() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let body = expect_error(app.post("/api/keys", &org.key, &json!({"name": 42})).await, 400, "VALIDATION_ERROR").await;
    assert_eq!(body["field"], "name");
    assert!(body["error"].as_str().unwrap().contains("name"), "{body}");

    let body =
        expect_error(app.post("/api/keys", &org.key, &json!({"scopes": ["*"]})).await, 400, "VALIDATION_ERROR").await;
    assert_eq!(body["field"], "name");

    let body = expect_error(
        app.post("/api/keys", &org.key, &json!({"name": "x", "scope": ["*"]})).await,
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(body["field"], "scope", "unknown fields are named: {body}");

    let body = expect_error(
        app.post("/api/keys", &org.key, &json!({"name": "x", "expiresAt": "next tuesday"})).await,
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(body["field"], "expiresAt");
}

#[tokio::test]
async fn wrong_content_type_is_a_415() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let response = app
        .request(Method::POST, "/api/keys", Some(&org.key))
        .header("content-type", "text/plain")
        .body(r#"{"name": "x"}"#)
        .send()
        .await
        .unwrap();
    expect_error(response, 415, "UNSUPPORTED_MEDIA_TYPE").await;
}

#[tokio::test]
async fn oversized_body_is_a_413_and_writes_nothing() {
    let app = spawn_with(|s| s.max_body_bytes = 1024).await;
    let org = app.org(Plan::Grow).await;
    let big = json!({"name": "x".repeat(4096)});
    expect_error(app.post("/api/keys", &org.key, &big).await, 413, "PAYLOAD_TOO_LARGE").await;
    let response = app
        .request(Method::POST, "/api/keys", Some(&org.key))
        .header("idempotency-key", "big-1")
        .json(&big)
        .send()
        .await
        .unwrap();
    expect_error(response, 413, "PAYLOAD_TOO_LARGE").await;
    let (_, keys) = crate::helpers::json(app.get("/api/keys", &org.key).await).await;
    assert_eq!(keys.as_array().unwrap().len(), 1, "only the test's own key exists");
}

#[tokio::test]
async fn internal_errors_are_generic_json_500s() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.db().close().await;
    let body = expect_error(app.get("/api/keys", &org.key).await, 500, "INTERNAL_ERROR").await;
    assert_eq!(body["error"], "Internal server error", "no detail leaks: {body}");
}

#[tokio::test]
async fn a_sane_incoming_request_id_is_kept_and_an_insane_one_replaced() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/health")).header("x-request-id", "trace-abc.123").send().await.unwrap();
    assert_eq!(response.headers()["x-request-id"], "trace-abc.123");
    let response = app.client.get(app.url("/nope")).header("x-request-id", "bad id with spaces").send().await.unwrap();
    let id = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert!(id.starts_with("req_"), "{id}");
    let body = expect_error(response, 404, "NOT_FOUND").await;
    assert_eq!(body["requestId"], id.as_str());
}
