//! Idempotency-Key: replay, conflict on a different body, 409 while in flight.

use futures_util::future::join_all;
use gable::auth::ActingOrg;
use gable::vocab::plan::Plan;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_error, json, spawn_app};

/// The id of the key `key`, looked up with `admin` (a key that may list keys).
async fn key_id(app: &TestApp, admin: &str, key: &str) -> String {
    let (_, keys) = json(app.get("/api/keys", admin).await).await;
    let last4 = &key[key.len() - 4..];
    let found = keys.as_array().unwrap().iter().find(|k| k["last4"] == last4).expect("the key is listed");
    found["id"].as_str().unwrap().to_owned()
}

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
async fn keys_of_two_organizations_never_meet() {
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
    let tenant = ActingOrg::for_operator(app.db(), &org.id).await.unwrap().unwrap();
    let mut scoped = app.db().scoped(&tenant);
    let hash_of_a_running_request = "pending";
    scoped
        .execute(
            scoped
                .sql(
                    "INSERT INTO idempotency_keys (org_id, principal, idempotency_key, request_hash, created_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(key_id(&app, &org.key, &org.key).await)
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
    let tenant = ActingOrg::for_operator(app.db(), &org.id).await.unwrap().unwrap();
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

async fn post_lead(app: &TestApp, key: &str, idempotency_key: &str) -> reqwest::Response {
    app.request(Method::POST, "/api/leads", Some(key))
        .header("idempotency-key", idempotency_key)
        .json(&json!({"name": "Jane Doe", "source": "website"}))
        .send()
        .await
        .unwrap()
}

async fn lead_count(app: &TestApp, key: &str) -> usize {
    json(app.get("/api/leads", key).await).await.1.as_array().unwrap().len()
}

#[tokio::test]
async fn keys_belong_to_the_credential_not_the_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let reader = app.key(&org.id, &["read:*"]).await;

    // A read-only key reusing a full key's Idempotency-Key never receives its response.
    let first = post_lead(&app, &org.key, "shared-1").await;
    assert_eq!(first.status(), 201);
    let response = post_lead(&app, &reader, "shared-1").await;
    assert!(response.headers().get("idempotent-replayed").is_none());
    expect_error(response, 403, "INSUFFICIENT_SCOPE").await;

    // A full key is never blocked by a read-only key's 403 under the same Idempotency-Key.
    expect_error(post_lead(&app, &reader, "shared-2").await, 403, "INSUFFICIENT_SCOPE").await;
    let response = post_lead(&app, &org.key, "shared-2").await;
    assert!(response.headers().get("idempotent-replayed").is_none());
    assert_eq!(response.status(), 201);
    assert_eq!(lead_count(&app, &org.key).await, 2);

    // A refusal is not stored: the same key may try again once it can.
    let again = post_lead(&app, &reader, "shared-2").await;
    assert!(again.headers().get("idempotent-replayed").is_none());
    assert_eq!(again.status(), 403);

    // Two full keys of one organization do not share keys either.
    let other = app.key(&org.id, &["*"]).await;
    let response = post_lead(&app, &other, "shared-1").await;
    assert!(response.headers().get("idempotent-replayed").is_none());
    assert_eq!(response.status(), 201);
    assert_eq!(lead_count(&app, &org.key).await, 3);
}

#[tokio::test]
async fn a_replay_checks_the_scopes_again() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let writer = app.key(&org.id, &["write:leads"]).await;
    let first = post_lead(&app, &writer, "once").await;
    assert_eq!(first.status(), 201);
    let replay = post_lead(&app, &writer, "once").await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");

    // The operator narrows the key (as a role change narrows a signed-in user).
    let id = key_id(&app, &org.key, &writer).await;
    let tenant = ActingOrg::for_operator(app.db(), &org.id).await.unwrap().unwrap();
    let mut scoped = app.db().scoped(&tenant);
    scoped
        .execute(
            scoped
                .sql("UPDATE api_keys SET scopes = $3 WHERE org_id = $1 AND id = $2")
                .bind(id)
                .bind("read:leads".to_owned()),
        )
        .await
        .unwrap();
    let body = expect_error(post_lead(&app, &writer, "once").await, 403, "INSUFFICIENT_SCOPE").await;
    assert!(body["error"].as_str().unwrap().contains("write:leads"), "{body}");
    assert_eq!(lead_count(&app, &org.key).await, 1);
}

#[tokio::test]
async fn maintenance_deletes_expired_records_with_their_stored_responses() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    assert_eq!(post_with_key(&app, &org.key, "nightly", &json!({"name": "nightly"})).await.status(), 201);
    let tenant = ActingOrg::for_operator(app.db(), &org.id).await.unwrap().unwrap();
    let stored = || async {
        let mut scoped = app.db().scoped(&tenant);
        let rows: Vec<(Option<String>,)> = scoped
            .fetch_all(
                scoped
                    .sql("SELECT response_body FROM idempotency_keys WHERE org_id = $1 AND idempotency_key = $2")
                    .bind("nightly".to_owned()),
            )
            .await
            .unwrap();
        rows
    };
    gable::jobs::run_due(&app.state).await.unwrap();
    let rows = stored().await;
    assert_eq!(rows.len(), 1, "kept within its 24 hours");
    assert!(rows[0].0.as_deref().is_some_and(|body| body.contains("nightly")), "{rows:?}");

    app.clock().advance(std::time::Duration::from_secs(24 * 3600 + 1));
    gable::jobs::run_due(&app.state).await.unwrap();
    assert!(stored().await.is_empty(), "the record and the response body it kept are gone");
}
