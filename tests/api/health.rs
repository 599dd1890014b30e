use gable::vocab::plan::Plan;

use crate::helpers::{expect_error, json, spawn_app, spawn_with};

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
    let app = spawn_with(|s| s.metrics_token = Some("scrape-token-123".to_owned().into())).await;
    app.client.get(app.url("/health")).send().await.unwrap();
    app.client.get(app.url("/api/keys")).send().await.unwrap();
    let text = app.client.get(app.url("/metrics")).bearer_auth("scrape-token-123").send().await.unwrap();
    let text = text.text().await.unwrap();
    assert!(text.contains(r#"gable_http_requests_total{route="/health",method="GET",status="200"} 1"#), "{text}");
    assert!(text.contains(r#"gable_http_requests_total{route="/api/keys",method="GET",status="401"} 1"#), "{text}");
    assert!(text.contains("gable_http_request_duration_seconds_bucket"), "{text}");
}

/// What a PostgreSQL restart or failover does to Gable's connections: ends every session of
/// the test's database but the caller's.
async fn end_every_session(app: &crate::helpers::TestApp) {
    let mut admin = <sqlx::PgConnection as sqlx::Connection>::connect(&app.db_url).await.unwrap();
    sqlx::Executor::execute(
        &mut admin,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .await
    .unwrap();
    let _ = sqlx::Connection::close(admin).await;
}

/// PostgreSQL dropping every session (a restart, a failover, an operator's
/// `pg_terminate_backend`): a read whose connection broke is tried again on another, so no
/// read fails; the broken connections are replaced without a restart of Gable. (A write on a
/// broken connection fails once with a JSON 500 and is not repeated: `writes_fail_once…`.)
#[tokio::test]
async fn reads_recover_after_postgres_drops_the_connections() {
    let app = spawn_app().await;
    if !app.db_url.starts_with("postgres") {
        return; // SQLite's connections are in-process: nothing can drop them.
    }
    let org = app.org(Plan::Grow).await;
    app.create("/api/contacts", &org.key, &serde_json::json!({"firstName": "Ada", "lastName": "Lovelace"})).await;
    // Open several read connections at once.
    let warm = (0..6).map(|_| app.get("/api/contacts", &org.key));
    for response in futures_util::future::join_all(warm).await {
        assert_eq!(response.status(), 200);
    }

    end_every_session(&app).await;

    for _ in 0..20 {
        let (status, body) = json(app.get("/api/contacts", &org.key).await).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body.as_array().map(Vec::len), Some(1));
    }
}

/// A write on a connection PostgreSQL dropped is not repeated (it may have run): it fails
/// once per broken connection with a JSON 500, and the connections are then replaced.
#[tokio::test]
async fn writes_fail_once_per_dropped_connection_then_recover() {
    let app = spawn_app().await;
    if !app.db_url.starts_with("postgres") {
        return;
    }
    let org = app.org(Plan::Grow).await;
    let body = serde_json::json!({"firstName": "Ada", "lastName": "Lovelace"});
    let warm = (0..6).map(|_| app.post("/api/contacts", &org.key, &body));
    futures_util::future::join_all(warm).await;

    end_every_session(&app).await;

    let mut failures = 0;
    let mut created = 0;
    for _ in 0..20 {
        let (status, answer) = json(app.post("/api/contacts", &org.key, &body).await).await;
        if status == 201 {
            created += 1;
        } else {
            assert_eq!((status, answer["code"].as_str()), (500, Some("INTERNAL_ERROR")), "{answer}");
            assert_eq!(created, 0, "a write failed after writes had recovered: {answer}");
            failures += 1;
        }
    }
    let connections = app.state.settings().database_max_connections;
    assert!(failures <= connections, "{failures} failed writes for {connections} connections");
    assert!(created > 0);
}

#[tokio::test]
async fn metrics_are_not_public() {
    let app = spawn_app().await;
    expect_error(app.client.get(app.url("/metrics")).send().await.unwrap(), 404, "NOT_FOUND").await;

    let app = spawn_with(|s| s.metrics_token = Some("scrape-token-123".to_owned().into())).await;
    for token in [None, Some("wrong"), Some("scrape-token-12")] {
        let mut request = app.client.get(app.url("/metrics"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        expect_error(request.send().await.unwrap(), 401, "UNAUTHORIZED").await;
    }
    let response = app.client.get(app.url("/metrics")).bearer_auth("scrape-token-123").send().await.unwrap();
    assert_eq!(response.status(), 200);
}
