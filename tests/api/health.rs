use crate::helpers::{expect_error, json, spawn_app};

#[tokio::test]
async fn health_needs_no_key_and_says_ok() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/health")).send().await.unwrap();
    assert!(response.headers().contains_key("x-request-id"));
    let (status, body) = json(response).await;
    assert_eq!(status, 200);
    assert_eq!(body, serde_json::json!({"status": "ok"}));
}

#[tokio::test]
async fn ready_checks_the_database() {
    let app = spawn_app().await;
    let (status, body) = json(app.client.get(app.url("/ready")).send().await.unwrap()).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("ok")));

    app.db().close().await;
    let response = app.client.get(app.url("/ready")).send().await.unwrap();
    expect_error(response, 503, "NOT_READY").await;
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status() {
    let app = spawn_app().await;
    app.client.get(app.url("/health")).send().await.unwrap();
    app.client.get(app.url("/api/keys")).send().await.unwrap();
    let text = app.client.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(text.contains(r#"gable_http_requests_total{route="/health",method="GET",status="200"} 1"#), "{text}");
    assert!(text.contains(r#"gable_http_requests_total{route="/api/keys",method="GET",status="401"} 1"#), "{text}");
    assert!(text.contains("gable_http_request_duration_seconds_bucket"), "{text}");
}
