//! API keys: shown once, scoped, revocable, expiring; plans and tenants enforced.

use std::time::Duration;

use gable::vocab::plan::Plan;
use reqwest::Method;
use serde_json::json;

use crate::helpers::{TestApp, expect_error, json, spawn_app};

#[tokio::test]
async fn a_created_key_is_shown_once_and_works() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;

    let (status, created) =
        json(app.post("/api/keys", &org.key, &json!({"name": "Postman Testing", "scopes": ["read:keys"]})).await).await;
    assert_eq!(status, 201, "{created}");
    let secret = created["key"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("gbl_live_"));
    assert_eq!(created["name"], "Postman Testing");
    assert_eq!(created["scopes"], json!(["read:keys"]));
    assert_eq!(created["last4"], &secret[secret.len() - 4..]);
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("key_"));

    let (status, listed) = json(app.get("/api/keys", &secret).await).await;
    assert_eq!(status, 200);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|k| k.get("key").is_none()), "secrets are never listed");
    assert!(!serde_json::to_string(listed).unwrap().contains(&secret));

    let (status, one) = json(app.get(&format!("/api/keys/{id}"), &secret).await).await;
    assert_eq!(status, 200);
    assert!(one.get("key").is_none());
    // The last use is recorded in the background, right after the request.
    let mut last_used = one["lastUsedAt"].clone();
    for _ in 0..50 {
        if last_used.is_string() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        last_used = json(app.get(&format!("/api/keys/{id}"), &secret).await).await.1["lastUsedAt"].clone();
    }
    assert!(last_used.is_string(), "the key's use is recorded");
}

#[tokio::test]
async fn v1_paths_reach_the_same_handlers() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (status, via_api) = json(app.get("/api/keys", &org.key).await).await;
    let (status_v1, via_v1) = json(app.get("/v1/keys", &org.key).await).await;
    assert_eq!((status, status_v1), (200, 200));
    assert_eq!(via_api[0]["id"], via_v1[0]["id"]);
}

#[tokio::test]
async fn a_revoked_key_stops_working() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (_, created) = json(app.post("/api/keys", &org.key, &json!({"name": "temp"})).await).await;
    let secret = created["key"].as_str().unwrap();
    assert_eq!(app.get("/api/keys", secret).await.status(), 200);

    let (status, revoked) =
        json(app.delete(&format!("/api/keys/{}", created["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!(status, 200);
    assert_eq!(revoked["revoked"], true);
    assert!(revoked["revokedAt"].is_string());
    expect_error(app.get("/api/keys", secret).await, 401, "API_KEY_REVOKED").await;
}

#[tokio::test]
async fn an_expired_key_stops_working() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let expires = (app.clock().now() + chrono::Duration::hours(1)).to_rfc3339();
    let (status, created) =
        json(app.post("/api/keys", &org.key, &json!({"name": "short", "expiresAt": expires})).await).await;
    assert_eq!(status, 201, "{created}");
    let secret = created["key"].as_str().unwrap();
    assert_eq!(app.get("/api/keys", secret).await.status(), 200);
    app.clock().advance(Duration::from_secs(3601));
    expect_error(app.get("/api/keys", secret).await, 401, "API_KEY_EXPIRED").await;

    let past = (app.clock().now() - chrono::Duration::hours(1)).to_rfc3339();
    let body = expect_error(
        app.post("/api/keys", &org.key, &json!({"name": "old", "expiresAt": past})).await,
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(body["field"], "expiresAt");
}

#[tokio::test]
async fn missing_or_invalid_keys_are_401() {
    let app = spawn_app().await;
    expect_error(app.request(Method::GET, "/api/keys", None).send().await.unwrap(), 401, "UNAUTHORIZED").await;
    let response =
        app.client.get(app.url("/api/keys")).header("authorization", "Basic dXNlcjpwYXNz").send().await.unwrap();
    expect_error(response, 401, "UNAUTHORIZED").await;
    expect_error(app.get("/api/keys", "aura_pk_live_xxxxx").await, 401, "INVALID_API_KEY").await;
    // Well-formed, valid checksum, but never issued.
    let unknown = gable::auth::api_key::generate();
    expect_error(app.get("/api/keys", unknown.expose()).await, 401, "INVALID_API_KEY").await;
}

#[tokio::test]
async fn scopes_guard_calls_and_name_the_missing_scope() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let reader = app.key(&org.id, &["read:tenants", "write:work_orders"]).await;
    let body = expect_error(app.get("/api/keys", &reader).await, 403, "INSUFFICIENT_SCOPE").await;
    assert!(body["error"].as_str().unwrap().contains("read:keys"), "{body}");

    let key_reader = app.key(&org.id, &["read:keys"]).await;
    assert_eq!(app.get("/api/keys", &key_reader).await.status(), 200);
    let body =
        expect_error(app.post("/api/keys", &key_reader, &json!({"name": "x"})).await, 403, "INSUFFICIENT_SCOPE").await;
    assert!(body["error"].as_str().unwrap().contains("admin"), "{body}");

    let writer = app.key(&org.id, &["write:*"]).await;
    expect_error(app.post("/api/keys", &writer, &json!({"name": "x"})).await, 403, "INSUFFICIENT_SCOPE").await;

    let admin = app.key(&org.id, &["admin"]).await;
    let (status, _) = json(app.post("/api/keys", &admin, &json!({"name": "x", "scopes": ["admin"]})).await).await;
    assert_eq!(status, 201);

    let body = expect_error(
        app.post("/api/keys", &admin, &json!({"name": "x", "scopes": ["delete:all"]})).await,
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(body["field"], "scopes");
    let body = expect_error(app.post("/api/keys", &admin, &json!({"name": "  "})).await, 400, "VALIDATION_ERROR").await;
    assert_eq!(body["field"], "name");
}

#[tokio::test]
async fn the_api_needs_the_grow_plan() {
    let app = spawn_app().await;
    let starter = app.org(Plan::Starter).await;
    let body = expect_error(app.get("/api/keys", &starter.key).await, 403, "PLAN_UPGRADE_REQUIRED").await;
    assert_eq!(body["upgrade"], true);
    assert_eq!(body["requiredPlan"], "Grow");

    let elite = app.org(Plan::Elite).await;
    assert_eq!(app.get("/api/keys", &elite.key).await.status(), 200);
}

#[tokio::test]
async fn organizations_never_see_each_others_keys() {
    let app = spawn_app().await;
    let a = app.org(Plan::Grow).await;
    let b = app.org(Plan::Grow).await;
    let (_, a_keys) = json(app.get("/api/keys", &a.key).await).await;
    let a_key_id = a_keys[0]["id"].as_str().unwrap();

    let (_, b_keys) = json(app.get("/api/keys", &b.key).await).await;
    assert_eq!(b_keys.as_array().unwrap().len(), 1);
    assert_ne!(b_keys[0]["id"], a_keys[0]["id"]);

    let missing = expect_error(app.get(&format!("/api/keys/{a_key_id}"), &b.key).await, 404, "NOT_FOUND").await;
    let truly_missing =
        expect_error(app.get("/api/keys/key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", &b.key).await, 404, "NOT_FOUND").await;
    assert_eq!(
        missing["error"].as_str().unwrap().replace(a_key_id, "ID"),
        truly_missing["error"].as_str().unwrap().replace("key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "ID"),
        "another organization's id looks exactly like a missing one"
    );
    expect_error(app.delete(&format!("/api/keys/{a_key_id}"), &b.key).await, 404, "NOT_FOUND").await;
    assert_eq!(app.get("/api/keys", &a.key).await.status(), 200, "org A's key still works");
}

#[tokio::test]
async fn cached_keys_are_dropped_on_revoke_here_and_expire_elsewhere() {
    let app = crate::helpers::spawn_with(|s| s.api_key_cache_seconds = 2).await;
    let org = app.org(Plan::Grow).await;

    // Revoked through this instance's API: refused at once, cache or not.
    let (_, created) = json(app.post("/api/keys", &org.key, &json!({"name": "cached"})).await).await;
    let secret = created["key"].as_str().unwrap();
    assert_eq!(app.get("/api/keys", secret).await.status(), 200);
    app.delete(&format!("/api/keys/{}", created["id"].as_str().unwrap()), &org.key).await;
    expect_error(app.get("/api/keys", secret).await, 401, "API_KEY_REVOKED").await;

    // Revoked elsewhere (the CLI, another instance): refused once the cache entry is stale.
    let (_, created) = json(app.post("/api/keys", &org.key, &json!({"name": "cached too"})).await).await;
    let secret = created["key"].as_str().unwrap();
    assert_eq!(app.get("/api/keys", secret).await.status(), 200);
    let tenant = gable::auth::ActingOrg::for_operator(app.db(), &org.id).await.unwrap().unwrap();
    gable::platform::keys::revoke(app.db(), app.clock(), &tenant, created["id"].as_str().unwrap()).await.unwrap();
    assert_eq!(app.get("/api/keys", secret).await.status(), 200, "still trusted from the cache");
    app.clock().advance(Duration::from_secs(2));
    expect_error(app.get("/api/keys", secret).await, 401, "API_KEY_REVOKED").await;
}

async fn key_count(app: &TestApp, key: &str) -> usize {
    json(app.get("/api/keys", key).await).await.1.as_array().unwrap().len()
}

#[tokio::test]
async fn a_key_creates_only_keys_within_its_own_scopes() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let admin = app.key(&org.id, &["admin"]).await;
    let before = key_count(&app, &org.key).await;

    // An `admin` key manages keys; it cannot mint a key that reads or writes data.
    for scopes in [json!(["*"]), json!(["read:*"]), json!(["admin", "write:leases"])] {
        let body = expect_error(
            app.post("/api/keys", &admin, &json!({"name": "escalate", "scopes": scopes})).await,
            403,
            "INSUFFICIENT_SCOPE",
        )
        .await;
        assert!(body["error"].as_str().unwrap().contains("cannot grant"), "{body}");
    }
    let body = expect_error(
        app.post("/api/keys", &admin, &json!({"name": "escalate", "scopes": ["*"]})).await,
        403,
        "INSUFFICIENT_SCOPE",
    )
    .await;
    assert!(body["error"].as_str().unwrap().contains("`*`"), "names what it cannot grant: {body}");
    assert_eq!(key_count(&app, &org.key).await, before, "nothing was created");

    // Without `scopes`, a new key gets its creator's.
    let plain = app.create("/api/keys", &admin, &json!({"name": "same as me"})).await;
    assert_eq!(plain["scopes"], json!(["admin"]));

    // A broader key grants what it has, and what that includes.
    let manager = app.key(&org.id, &["admin", "write:leases", "read:*"]).await;
    let key = app
        .create(
            "/api/keys",
            &manager,
            &json!({"name": "narrow", "scopes": ["read:leases", "write:leases", "read:units"]}),
        )
        .await;
    assert_eq!(app.get("/api/leases", key["key"].as_str().unwrap()).await.status(), 200);
    expect_error(
        app.post("/api/keys", &manager, &json!({"name": "x", "scopes": ["write:units"]})).await,
        403,
        "INSUFFICIENT_SCOPE",
    )
    .await;
    expect_error(
        app.post("/api/keys", &manager, &json!({"name": "x", "scopes": ["write:*"]})).await,
        403,
        "INSUFFICIENT_SCOPE",
    )
    .await;
    // `*` grants anything.
    let all = app.create("/api/keys", &org.key, &json!({"name": "all", "scopes": ["*"]})).await;
    assert_eq!(all["scopes"], json!(["*"]));
}

#[tokio::test]
async fn listing_keys_needs_admin_not_a_wildcard() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    for scopes in [&["read:*"][..], &["write:*"], &["read:*", "write:*"]] {
        let wildcard = app.key(&org.id, scopes).await;
        let body = expect_error(app.get("/api/keys", &wildcard).await, 403, "INSUFFICIENT_SCOPE").await;
        assert!(body["error"].as_str().unwrap().contains("read:keys"), "{body}");
        let (_, keys) = json(app.get("/api/keys", &org.key).await).await;
        let id = keys[0]["id"].as_str().unwrap();
        expect_error(app.get(&format!("/api/keys/{id}"), &wildcard).await, 403, "INSUFFICIENT_SCOPE").await;
        assert_eq!(app.get("/api/properties", &wildcard).await.status(), 200, "wildcards still read data");
    }
    let admin = app.key(&org.id, &["admin"]).await;
    assert_eq!(app.get("/api/keys", &admin).await.status(), 200);
}

#[tokio::test]
async fn failed_authentication_is_limited_per_address() {
    let app = crate::helpers::spawn_with(|s| s.auth_failures_per_ip_per_minute = 60).await;
    app.clock().freeze_at(1_767_261_605_000);
    let org = app.org(Plan::Grow).await;
    // Well-formed keys with valid checksums: each would cost a database lookup.
    let mut refused = 0;
    for attempt in 0..150 {
        let guess = gable::auth::api_key::generate();
        let response = app.get("/api/keys", guess.expose()).await;
        match response.status().as_u16() {
            401 => assert!(attempt < 60, "the 61st guess within a minute is not looked up"),
            429 => {
                refused += 1;
                assert!(response.headers().contains_key("retry-after"));
                let body = expect_error(response, 429, "RATE_LIMITED").await;
                assert!(body["error"].as_str().unwrap().contains("failed authentications"), "{body}");
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(refused, 90);
    // The address is refused whatever it sends until the failures age out.
    assert_eq!(app.get("/api/keys", &org.key).await.status(), 429);
    app.clock().advance(Duration::from_secs(61));
    assert_eq!(app.get("/api/keys", &org.key).await.status(), 200);
}

/// The key list is an engine list like every other: pages with a `Link` header, a `revoked`
/// filter, and the same records in GraphQL (`apiKeys`, `apiKey`), never with a secret.
#[tokio::test]
async fn keys_are_listed_in_pages_filtered_and_in_graphql() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let mut ids = Vec::new();
    for name in ["one", "two", "three"] {
        let (_, created) = json(app.post("/api/keys", &org.key, &json!({"name": name})).await).await;
        ids.push(created["id"].as_str().unwrap().to_owned());
    }
    app.delete(&format!("/api/keys/{}", ids[0]), &org.key).await;

    let first = app.get("/api/keys?limit=2", &org.key).await;
    let link = first.headers().get("link").expect("a next page").to_str().unwrap().to_owned();
    let (_, page) = json(first).await;
    assert_eq!(page.as_array().unwrap().len(), 2);
    assert_eq!(page[0]["id"], ids[2].as_str(), "newest first");
    assert!(link.contains("startingAfter="), "{link}");

    let (_, revoked) = json(app.get("/api/keys?revoked=true", &org.key).await).await;
    assert_eq!(revoked.as_array().unwrap().iter().map(|k| k["id"].clone()).collect::<Vec<_>>(), [json!(ids[0])]);
    let (_, working) = json(app.get("/api/keys?revoked=false", &org.key).await).await;
    assert_eq!(working.as_array().unwrap().len(), 3, "the org's own key and two of these");

    let query = json!({"query": "query($id: ID!) { apiKeys(limit: 10) { id revoked } apiKey(id: $id) { name prefix revoked } }",
        "variables": {"id": ids[0]}});
    let (_, body) = json(app.post("/graphql", &org.key, &query).await).await;
    assert!(body.get("errors").is_none(), "{body}");
    assert_eq!(body["data"]["apiKey"], json!({"name": "one", "prefix": "gbl_live_", "revoked": true}));
    assert_eq!(body["data"]["apiKeys"].as_array().unwrap().len(), 4);
    assert!(!body.to_string().contains("\"key\""), "no secret in GraphQL");
}
