//! `POST /api/ai-vendor-summary`: the documented request, facts computed from real work orders
//! (on time against the scheduled day, costs, days to complete), the built-in summary, a
//! configured model and a failing one, the 10-per-hour quota with `Retry-After`, references
//! and scopes.

use std::time::Duration;

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::ai::{Model, model_api, with_model};
use crate::helpers::{TestApp, TestOrg, expect_error, expect_field_error, json, spawn_app, spawn_with};
use crate::rentals_support::property;

/// 2026-03-02T14:00:00Z.
const NOW_MS: i64 = 1_772_460_000_000;
const DAY: Duration = Duration::from_secs(86_400);

async fn work_order(app: &TestApp, key: &str, body: Value) -> String {
    app.create("/api/work-orders", key, &body).await["id"].as_str().unwrap().to_owned()
}

async fn complete(app: &TestApp, key: &str, id: &str, body: Value) {
    let (status, done) = json(app.post(&format!("/api/work-orders/{id}/complete"), key, &body).await).await;
    assert_eq!(status, 200, "{done}");
}

/// A plumber with five jobs: on time, late, unscheduled, open, cancelled. Returns its id.
async fn track_record(app: &TestApp, org: &TestOrg) -> String {
    let pine = property(app, &org.key, "127 Pine").await;
    let vendor = app.create("/api/vendors", &org.key, &json!({"name": "Pipe Dreams", "trade": "plumbing"})).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let job = |title: &str, scheduled: Option<&str>| json!({"property_id": pine, "title": title, "vendor_id": vendor, "cost_usd": 180, "scheduled_for": scheduled});
    // Created 03-02 14:00, scheduled 03-04, done 03-04 14:00: on time, 2 days, $200.
    let on_time = work_order(app, &org.key, job("Leak", Some("2026-03-04"))).await;
    app.clock().advance(2 * DAY);
    complete(app, &org.key, &on_time, json!({"cost_usd": 200})).await;
    // Created 03-04 14:00, scheduled 03-05, done 03-07 14:00: late, 3 days, $230.80.
    let late = work_order(app, &org.key, job("Water heater", Some("2026-03-05"))).await;
    app.clock().advance(3 * DAY);
    complete(app, &org.key, &late, json!({"cost_usd": 230.8})).await;
    // Unscheduled, no cost, half a day.
    let mut quick = job("Toilet", None);
    quick["cost_usd"] = Value::Null;
    let quick = work_order(app, &org.key, quick).await;
    app.clock().advance(DAY / 2);
    complete(app, &org.key, &quick, json!({})).await;
    // Still open, and cancelled.
    work_order(app, &org.key, job("Shower", Some("2026-03-20"))).await;
    let cancelled = work_order(app, &org.key, job("Sink", None)).await;
    let (status, _) =
        json(app.patch(&format!("/api/work-orders/{cancelled}"), &org.key, &json!({"status": "cancelled"})).await)
            .await;
    assert_eq!(status, 200);
    // Another vendor's job does not count.
    let other = app.create("/api/vendors", &org.key, &json!({"name": "Other"})).await["id"].clone();
    work_order(app, &org.key, json!({"property_id": pine, "title": "Roof", "vendor_id": other})).await;
    vendor
}

const SUMMARY: &str = "Pipe Dreams (plumbing) has had 5 work orders: 3 completed, 1 open, 1 cancelled. 1 of 2 \
scheduled jobs were completed on time (50%). Average cost $215.40 per completed job. 1.8 days on average from \
request to completion.";

#[tokio::test]
async fn facts_from_the_work_orders_and_the_built_in_summary() {
    let app = spawn_app().await;
    app.clock().freeze_at(NOW_MS);
    let org = app.org(Plan::Grow).await;
    let vendor = track_record(&app, &org).await;

    // The documented request, verbatim but for the id.
    let body: Value = serde_json::from_str(&r#"{ "vendor_id": "v_01H..." }"#.replace("v_01H...", &vendor)).unwrap();
    let before = app.event_count(&org.key).await;
    let (status, summary) = json(app.post("/api/ai-vendor-summary", &org.key, &body).await).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(
        summary,
        json!({
            "vendor_id": vendor,
            "facts": {
                "vendor_name": "Pipe Dreams", "trade": "plumbing", "jobs": 5, "completed_jobs": 3, "open_jobs": 1,
                "cancelled_jobs": 1, "scheduled_completed_jobs": 2, "on_time_jobs": 1, "on_time_rate": 0.5,
                "average_cost_usd": 215.4, "total_cost_usd": 430.8, "average_days_to_complete": 1.8
            },
            "summary": SUMMARY,
            "summary_source": "built_in",
            "ai_error": null
        })
    );
    assert_eq!(app.event_count(&org.key).await, before, "a summary writes nothing");

    // A vendor without jobs.
    let idle = app.create("/api/vendors", &org.key, &json!({"name": "Idle Ike"})).await["id"].clone();
    let (_, summary) = json(app.post("/v1/ai-vendor-summary", &org.key, &json!({"vendor_id": idle})).await).await;
    assert_eq!(summary["facts"]["jobs"], 0);
    assert_eq!(
        (&summary["facts"]["on_time_rate"], &summary["facts"]["average_cost_usd"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(summary["summary"], "Idle Ike has had no work orders yet, so there is no track record to summarize.");
}

#[tokio::test]
async fn a_configured_model_writes_the_summary_and_a_failing_one_falls_back() {
    let (base, seen) = model_api(Model::Says("Pipe Dreams: reliable, but one job in two ran late.")).await;
    let app = spawn_with(|s| with_model(s, &base)).await;
    app.clock().freeze_at(NOW_MS);
    let org = app.org(Plan::Grow).await;
    let vendor = track_record(&app, &org).await;
    let (status, summary) =
        json(app.post("/api/ai-vendor-summary", &org.key, &json!({"vendor_id": vendor})).await).await;
    assert_eq!(status, 200);
    assert_eq!(summary["summary"], "Pipe Dreams: reliable, but one job in two ran late.");
    assert_eq!((&summary["summary_source"], &summary["ai_error"]), (&json!("model"), &Value::Null));
    assert_eq!(summary["facts"]["on_time_rate"], 0.5, "the facts are Gable's either way");
    let prompt = seen.lock().unwrap()[0].1["messages"][1]["content"].as_str().unwrap().to_owned();
    assert!(prompt.contains("\"on_time_rate\": 0.5") && prompt.contains(SUMMARY), "{prompt}");

    let (base, _) = model_api(Model::Fails(503)).await;
    let app = spawn_with(|s| with_model(s, &base)).await;
    app.clock().freeze_at(NOW_MS);
    let org = app.org(Plan::Grow).await;
    let vendor = track_record(&app, &org).await;
    let (status, summary) =
        json(app.post("/api/ai-vendor-summary", &org.key, &json!({"vendor_id": vendor})).await).await;
    assert_eq!(status, 200, "a model outage is not the caller's failure");
    assert_eq!((&summary["summary"], &summary["summary_source"]), (&json!(SUMMARY), &json!("built_in")));
    assert_eq!(summary["ai_error"], "the model API answered HTTP 503");
}

#[tokio::test]
async fn ten_calls_per_hour_per_key_and_thirty_per_organization_then_429_with_retry_after() {
    let app = spawn_app().await;
    let at_ms = NOW_MS + 15 * 60_000;
    app.clock().freeze_at(at_ms);
    let org = app.org(Plan::Grow).await;
    let vendor = app.create("/api/vendors", &org.key, &json!({"name": "Pipe Dreams"})).await["id"].clone();
    let summary = |key: String| {
        let body = json!({"vendor_id": vendor});
        let app = &app;
        async move { app.post("/api/ai-vendor-summary", &key, &body).await }
    };
    for _ in 0..10 {
        assert_eq!(summary(org.key.clone()).await.status(), 200);
    }
    // The calls stop counting an hour after the minute they were made in ends.
    let at = u64::try_from(at_ms / 1000).unwrap();
    let retry = ((at / 60 + 1) * 60 + 3600 - at).to_string();
    let response = summary(org.key.clone()).await;
    assert_eq!(response.headers()["retry-after"], retry.as_str());
    assert_eq!(response.headers()["x-ratelimit-limit"], "10");
    let body = expect_error(response, 429, "RATE_LIMITED").await;
    assert!(body["error"].as_str().unwrap().contains(&format!("{retry} seconds")), "{body}");
    assert_eq!(app.get("/api/vendors", &org.key).await.status(), 200, "other routes are not in the AI quota");

    // Each key has ten; the organization thirty, however many keys it makes.
    for _ in 0..2 {
        let key = app.key(&org.id, &["*"]).await;
        for _ in 0..10 {
            assert_eq!(summary(key.clone()).await.status(), 200, "the quota is per key");
        }
    }
    let fourth = app.key(&org.id, &["*"]).await;
    let response = summary(fourth.clone()).await;
    assert_eq!(response.headers()["x-ratelimit-limit"], "30");
    assert!(response.headers()["ratelimit"].to_str().unwrap().starts_with("\"ai-org-hour\""));
    expect_error(response, 429, "RATE_LIMITED").await;

    app.clock().advance(Duration::from_secs(retry.parse().unwrap()));
    assert_eq!(summary(org.key.clone()).await.status(), 200);
    assert_eq!(summary(fourth).await.status(), 200);
}

#[tokio::test]
async fn references_validation_and_scopes() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let theirs = app.create("/api/vendors", &other.key, &json!({"name": "Theirs"})).await["id"].clone();
    let error = expect_error(
        app.post("/api/ai-vendor-summary", &org.key, &json!({"vendor_id": theirs})).await,
        404,
        "NOT_FOUND",
    )
    .await;
    assert_eq!(error["field"], "vendor_id");
    expect_field_error(app.post("/api/ai-vendor-summary", &org.key, &json!({})).await, "vendor_id").await;
    expect_field_error(app.post("/api/ai-vendor-summary", &org.key, &json!({"vendor_id": 7})).await, "vendor_id").await;
    let ours = app.create("/api/vendors", &org.key, &json!({"name": "Ours"})).await["id"].clone();
    let vendors_only = app.key(&org.id, &["read:vendors"]).await;
    let body = expect_error(
        app.post("/api/ai-vendor-summary", &vendors_only, &json!({"vendor_id": ours})).await,
        403,
        "INSUFFICIENT_SCOPE",
    )
    .await;
    assert!(body["error"].as_str().unwrap().contains("read:work_orders"), "{body}");
    let readers = app.key(&org.id, &["read:vendors", "read:work_orders"]).await;
    assert_eq!(app.post("/api/ai-vendor-summary", &readers, &json!({"vendor_id": ours})).await.status(), 200);
}
