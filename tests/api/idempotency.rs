//! Idempotency-Key: replay, conflict on a different body, 409 while in flight.

use futures_util::future::join_all;
use gable::auth::Tenant;
use gable::platform::orgs::Plan;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_error, json, spawn_app};

async fn post_with_key(app: &TestApp, key: &str, idempotency_key: &str, body: &Value) -> reqwest::Response {
    app.request(Method::POST, "/api/keys", Some(key))
        .header("idempotency-key", idempotency_key)
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_same_key_replays_the_first_response() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let body = json!({"name": "from a flaky network"});

    let first = post_with_key(&app, &org.key, "create-key-1", &body).await;
    assert!(first.headers().get("idempotent-replayed").is_none());
    let (status, created) = json(first).await;
    assert_eq!(status, 201);

    let again = post_with_key(&app, &org.key, "create-key-1", &body).await;
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.headers()["content-type"], "application/json");
    let (status, replayed) = json(again).await;
    assert_eq!(status, 201);
    assert_eq!(replayed["id"], created["id"]);
    assert_eq!(replayed["key"], Value::Null, "the secret is shown once, even to a replay");

    let (_, keys) = json(app.get("/api/keys", &org.key).await).await;
    assert_eq!(keys.as_array().unwrap().len(), 2, "one key was created, not two");
}

#[tokio::test]
async fn the_same_key_with_a_different_request_is_422() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    assert_eq!(post_with_key(&app, &org.key, "k", &json!({"name": "one"})).await.status(), 201);
    expect_error(post_with_key(&app, &org.key, "k", &json!({"name": "two"})).await, 422, "IDEMPOTENCY_KEY_REUSED")
        .await;
}

#[tokio::test]
async fn keys_belong_to_the_organization() {
    let app = spawn_app().await;
    let a = app.org(Plan::Grow).await;
    let b = app.org(Plan::Grow).await;
    let body = json!({"name": "same"});
    let (_, from_a) = json(post_with_key(&app, &a.key, "shared", &body).await).await;
    let response = post_with_key(&app, &b.key, "shared", &body).await;
    assert!(response.headers().get("idempotent-replayed").is_none());
    let (status, from_b) = json(response).await;
    assert_eq!(status, 201);
    assert_ne!(from_a["id"], from_b["id"]);
}

#[tokio::test]
async fn a_duplicate_while_the_first_is_in_flight_is_409() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let body = json!({"name": "slow"});
    // Claim the key as a first request still running would.
    let tenant = Tenant::for_operator(app.db(), &org.id).await.unwrap().unwrap();
    let mut scoped = app.db().scoped(&tenant);
    let hash_of_a_running_request = "pending";
    scoped
        .execute(
            scoped
                .sql("INSERT INTO idempotency_keys (org_id, idempotency_key, request_hash, created_at) VALUES ($1, $2, $3, $4)")
                .bind("in-flight".to_owned())
                .bind(hash_of_a_running_request.to_owned())
                .bind(app.clock().now_ms()),
        )
        .await
        .unwrap();
    // Same key, different request: 422 wins over 409 (the body can never match).
    expect_error(post_with_key(&app, &org.key, "in-flight", &body).await, 422, "IDEMPOTENCY_KEY_REUSED").await;

    // Concurrent identical requests: exactly one creates; the rest replay it or see 409.
    let responses = join_all((0..8).map(|_| post_with_key(&app, &org.key, "burst", &body))).await;
    let mut created = 0;
    for response in responses {
        match (response.status().as_u16(), response.headers().contains_key("idempotent-replayed")) {
            (201, false) => created += 1,
            (201, true) => {}
            (409, _) => {
                expect_error(response, 409, "IDEMPOTENCY_KEY_IN_USE").await;
            }
            (status, _) => panic!("unexpected {status}"),
        }
    }
    assert_eq!(created, 1);
    let (_, keys) = json(app.get("/api/keys", &org.key).await).await;
    assert_eq!(keys.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn an_in_flight_claim_is_409_for_the_identical_request() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let body = json!({"name": "slow"});
    let first = post_with_key(&app, &org.key, "probe", &body).await;
    assert_eq!(first.status(), 201);
    // Turn the stored response back into "in flight" to stand for a slow first request.
    let tenant = Tenant::for_operator(app.db(), &org.id).await.unwrap().unwrap();
    let mut scoped = app.db().scoped(&tenant);
    scoped
        .execute(
            scoped
                .sql("UPDATE idempotency_keys SET response_status = NULL WHERE org_id = $1 AND idempotency_key = $2")
                .bind("probe".to_owned()),
        )
        .await
        .unwrap();
    expect_error(post_with_key(&app, &org.key, "probe", &body).await, 409, "IDEMPOTENCY_KEY_IN_USE").await;
}

#[tokio::test]
async fn stored_responses_expire_after_the_ttl() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let body = json!({"name": "daily"});
    let (_, first) = json(post_with_key(&app, &org.key, "daily", &body).await).await;
    app.clock().advance(std::time::Duration::from_secs(24 * 3600 + 1));
    let response = post_with_key(&app, &org.key, "daily", &body).await;
    assert!(response.headers().get("idempotent-replayed").is_none());
    let (status, second) = json(response).await;
    assert_eq!(status, 201);
    assert_ne!(first["id"], second["id"]);
}
