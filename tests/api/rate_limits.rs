//! Rate limits: sliding windows (no minute-long span admits more than the limit), headers on
//! every authenticated response, 429 with Retry-After, exact under a concurrent burst, per
//! key, per organization and per route class; shared through Redis.

use std::collections::BTreeMap;
use std::time::Duration;

use futures_util::future::join_all;
use gable::config::RateLimitClass;
use gable::vocab::clock::Clock;
use gable::vocab::plan::Plan;

use crate::helpers::{expect_error, redis_url, spawn_with, start, test_settings};

/// 10:00:05 on some day.
const FROZEN_AT_MS: i64 = 1_767_261_605_000;
const FROZEN_AT: u64 = 1_767_261_605;

#[tokio::test]
async fn every_authenticated_response_carries_the_limits() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 5).await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;
    let response = app.get("/api/keys", &org.key).await;
    let h = response.headers();
    assert_eq!(h["x-ratelimit-limit"], "5");
    assert_eq!(h["x-ratelimit-remaining"], "4");
    // The request stops counting a minute after the end of the second it was made in.
    assert_eq!(h["x-ratelimit-reset"], (FROZEN_AT + 61).to_string().as_str());
    assert_eq!(h["ratelimit-policy"], r#""key-minute";q=5;w=60, "key-hour";q=1000;w=3600, "org-minute";q=1000;w=60"#);
    assert_eq!(h["ratelimit"], r#""key-minute";r=4;t=61"#);

    // Errors after authentication carry them too.
    let response = app.get("/api/keys/key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", &org.key).await;
    assert_eq!(response.headers()["x-ratelimit-remaining"], "3");
}

#[tokio::test]
async fn over_the_limit_is_429_with_retry_after_until_the_oldest_request_leaves_the_window() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 3).await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;
    assert_eq!(app.get("/api/keys", &org.key).await.status(), 200);
    app.clock().advance(Duration::from_secs(20));
    for _ in 0..2 {
        assert_eq!(app.get("/api/keys", &org.key).await.status(), 200);
    }
    let response = app.get("/api/keys", &org.key).await;
    assert_eq!(response.headers()["retry-after"], "41");
    assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
    assert_eq!(response.headers()["x-ratelimit-reset"], (FROZEN_AT + 61).to_string().as_str());
    let body = expect_error(response, 429, "RATE_LIMITED").await;
    assert_eq!(body["error"], "Rate limit exceeded — try again in 41 seconds.");

    app.clock().advance(Duration::from_secs(40));
    assert_eq!(app.get("/api/keys", &org.key).await.status(), 429, "the first request still counts");
    app.clock().advance(Duration::from_secs(1));
    assert_eq!(app.get("/api/keys", &org.key).await.status(), 200, "it left the window");
    assert_eq!(app.get("/api/keys", &org.key).await.status(), 429, "the other two still count");
}

/// Sends bursts for four minutes and checks every minute-long span of what was admitted —
/// on Redis too when the suite runs with it.
#[tokio::test]
async fn no_minute_long_span_admits_more_than_the_limit() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 5).await;
    // Two seconds before a minute boundary: fixed windows admitted twice the limit here.
    let start_ms = (FROZEN_AT_MS / 60_000 + 1) * 60_000 - 2_000;
    app.clock().freeze_at(start_ms);
    let org = app.org(Plan::Grow).await;
    let mut admitted: Vec<u64> = Vec::new();
    for step in 0..80 {
        let burst = if step % 10 == 0 { 7 } else { 1 };
        for _ in 0..burst {
            if app.get("/api/keys", &org.key).await.status() == 200 {
                admitted.push(app.clock().now_secs());
            }
        }
        app.clock().advance(Duration::from_secs(3));
    }
    for (i, &at) in admitted.iter().enumerate() {
        let in_span = admitted[i..].iter().take_while(|&&t| t < at + 60).count();
        assert!(in_span <= 5, "{in_span} requests admitted in the minute from {at}: {admitted:?}");
    }
    assert!(admitted.len() >= 15, "four minutes admit about four times the limit: {admitted:?}");
}

#[tokio::test]
async fn rejected_keys_do_not_count() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 2).await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;
    for _ in 0..5 {
        assert_eq!(app.get("/api/keys", "gbl_live_not-a-key").await.status(), 401);
    }
    let response = app.get("/api/keys", &org.key).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-ratelimit-remaining"], "1");
}

#[tokio::test]
async fn a_concurrent_burst_admits_exactly_the_limit() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 20).await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;
    let responses = join_all((0..60).map(|_| app.get("/api/keys", &org.key))).await;
    let ok = responses.iter().filter(|r| r.status() == 200).count();
    let limited = responses.iter().filter(|r| r.status() == 429).count();
    assert_eq!((ok, limited), (20, 40));
}

#[tokio::test]
async fn the_organization_limit_spans_its_keys() {
    let app = spawn_with(|s| s.plans.grow.org_per_minute = 4).await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;
    let second = app.key(&org.id, &["*"]).await;
    for key in [&org.key, &second, &org.key, &second] {
        assert_eq!(app.get("/api/keys", key).await.status(), 200);
    }
    let response = app.get("/api/keys", &second).await;
    assert_eq!(response.headers()["x-ratelimit-limit"], "4");
    expect_error(response, 429, "RATE_LIMITED").await;

    let other = app.org(Plan::Grow).await;
    assert_eq!(app.get("/api/keys", &other.key).await.status(), 200, "other organizations are unaffected");
}

#[tokio::test]
async fn a_route_class_has_its_own_quota() {
    let app = spawn_with(|s| {
        s.rate_limit_classes = BTreeMap::from([(
            "ai".to_owned(),
            RateLimitClass { paths: vec!["/keys/{id}".into()], key_per_hour: Some(2), ..RateLimitClass::default() },
        )]);
    })
    .await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;
    let path = "/api/keys/key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5";
    for _ in 0..2 {
        assert_eq!(app.get(path, &org.key).await.status(), 404);
    }
    let response = app.get(path, &org.key).await;
    assert_eq!(response.headers()["x-ratelimit-limit"], "2");
    // An hour's slots are a minute long: the first request frees an hour after its minute ends.
    assert_eq!(response.headers()["retry-after"], "3655");
    assert!(response.headers()["ratelimit-policy"].to_str().unwrap().contains(r#""ai-key-hour";q=2;w=3600"#));
    expect_error(response, 429, "RATE_LIMITED").await;
    assert_eq!(
        app.get("/v1/keys/key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", &org.key).await.status(),
        429,
        "same class under /v1"
    );
    assert_eq!(app.get("/api/keys", &org.key).await.status(), 200, "other routes are not in the class");
}

#[tokio::test]
async fn instances_sharing_redis_share_the_limit() {
    let Some(_) = redis_url() else {
        eprintln!("GABLE_TEST_REDIS_URL is not set: the shared-limit test runs in .ci/run's Redis pass");
        return;
    };
    let first = spawn_with(|s| s.plans.grow.key_per_minute = 10).await;
    let clock = first.clock().clone();
    clock.freeze_at(FROZEN_AT_MS);
    let mut settings = test_settings(&first.db_url);
    settings.plans.grow.key_per_minute = 10;
    settings.redis_key_prefix = first.state.settings().redis_key_prefix.clone();
    let second = start(settings, Clock::default()).await;
    second.clock().freeze_at(FROZEN_AT_MS);
    let org = first.org(Plan::Grow).await;

    let burst =
        (0..15).map(|i| if i % 2 == 0 { first.get("/api/keys", &org.key) } else { second.get("/api/keys", &org.key) });
    let responses = join_all(burst).await;
    let ok = responses.iter().filter(|r| r.status() == 200).count();
    assert_eq!(ok, 10, "both instances together admit the limit once");
}
