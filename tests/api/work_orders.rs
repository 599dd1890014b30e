//! Work orders: the documented `GET /api/work-orders?unit_id=…`, the status rules (assigning a
//! vendor, completing once), `work_order.created` and `work_order.completed` exactly once with
//! the work order as returned, filters, references, validation and the shared contract.

use std::time::Duration;

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_conflict, expect_error, expect_field_error, json, spawn_app};
use crate::rentals_support::{property, unit};

/// 2026-03-02T14:00:00Z.
const NOW_MS: i64 = 1_772_460_000_000;

pub async fn vendor(app: &TestApp, key: &str, name: &str) -> String {
    app.create("/api/vendors", key, &json!({"name": name, "trade": "plumbing"})).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn leak(property_id: &str, unit_id: &str) -> Value {
    json!({"property_id": property_id, "unit_id": unit_id, "title": "Kitchen sink leaking",
        "description": "Drips under the sink", "priority": "high", "cost_usd": 180, "scheduled_for": "2026-03-04"})
}

#[tokio::test]
async fn the_documented_unit_filter() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let one_b = unit(&app, &org.key, &pine, "1B").await["id"].as_str().unwrap().to_owned();
    let two_a = unit(&app, &org.key, &pine, "2A").await["id"].as_str().unwrap().to_owned();
    let first = app.create("/api/work-orders", &org.key, &leak(&pine, &one_b)).await;
    app.create("/api/work-orders", &org.key, &leak(&pine, &two_a)).await;
    let second = app.create("/api/work-orders", &org.key, &json!({"unit_id": one_b, "title": "Smoke detector"})).await;
    assert_eq!(second["property_id"], pine.as_str(), "the unit's property");

    let response = app.get(&format!("/api/work-orders?unit_id={one_b}"), &org.key).await;
    let (status, list) = json(response).await;
    assert_eq!(status, 200);
    assert_eq!(list, json!([second, first]));
    assert!(first["id"].as_str().unwrap().starts_with("wo_"));
    assert_eq!(
        (&first["status"], &first["priority"], &first["cost_usd"], &first["scheduled_for"], &first["completed_at"]),
        (&json!("open"), &json!("high"), &json!(180), &json!("2026-03-04"), &json!(null))
    );
    assert_eq!((&second["priority"], &second["status"]), (&json!("medium"), &json!("open")));
    let created = app.events(&org.key, "work_order.created").await;
    assert_eq!(created.len(), 3);
    assert_eq!(created[0]["data"], first);
}

#[tokio::test]
async fn assigning_and_completing() {
    let app = spawn_app().await;
    app.clock().freeze_at(NOW_MS);
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let one_b = unit(&app, &org.key, &pine, "1B").await["id"].as_str().unwrap().to_owned();
    let pipes = vendor(&app, &org.key, "Pipe Dreams").await;

    // Created with a vendor: assigned.
    let mut body = leak(&pine, &one_b);
    body["vendor_id"] = json!(pipes);
    let assigned = app.create("/api/work-orders", &org.key, &body).await;
    assert_eq!(assigned["status"], "assigned");

    // Assigned later: assigned; vendor removed: open again.
    let open = app.create("/api/work-orders", &org.key, &leak(&pine, &one_b)).await;
    let id = open["id"].as_str().unwrap();
    let (_, patched) =
        json(app.patch(&format!("/api/work-orders/{id}"), &org.key, &json!({"vendor_id": pipes})).await).await;
    assert_eq!(patched["status"], "assigned");
    let (_, patched) =
        json(app.patch(&format!("/api/work-orders/{id}"), &org.key, &json!({"vendor_id": null})).await).await;
    assert_eq!(patched["status"], "open");

    // Complete with a final cost: completed_at, both events once, the work order as returned.
    let wo = assigned["id"].as_str().unwrap();
    let (_, started) =
        json(app.patch(&format!("/api/work-orders/{wo}"), &org.key, &json!({"status": "in_progress"})).await).await;
    assert_eq!(started["status"], "in_progress");
    app.clock().advance(Duration::from_secs(3600));
    let (status, done) =
        json(app.post(&format!("/api/work-orders/{wo}/complete"), &org.key, &json!({"cost_usd": 215.4})).await).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(
        (&done["status"], &done["completed_at"], &done["cost_usd"]),
        (&json!("completed"), &json!("2026-03-02T15:00:00.000Z"), &json!(215.4))
    );
    let completed = app.events(&org.key, "work_order.completed").await;
    assert_eq!(completed.len(), 1);
    assert_eq!(completed[0]["data"], done);

    // Completing again, or changing a completed work order's status: 409, nothing written.
    let before = app.event_count(&org.key).await;
    expect_error(
        app.post(&format!("/api/work-orders/{wo}/complete"), &org.key, &json!({})).await,
        409,
        "INVALID_STATE",
    )
    .await;
    let error = expect_error(
        app.patch(&format!("/api/work-orders/{wo}"), &org.key, &json!({"status": "open"})).await,
        409,
        "INVALID_STATE",
    )
    .await;
    assert_eq!(error["field"], "status");
    assert_eq!(app.event_count(&org.key).await, before);

    // Completion without a body keeps the estimate; through PATCH it is the same completion.
    let (status, plain) = json(
        app.request(reqwest::Method::POST, &format!("/api/work-orders/{id}/complete"), Some(&org.key))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, &plain["status"], &plain["cost_usd"]), (200, &json!("completed"), &json!(180)));
    let third = app.create("/api/work-orders", &org.key, &leak(&pine, &one_b)).await;
    let third_id = third["id"].as_str().unwrap();
    let (_, via_patch) =
        json(app.patch(&format!("/api/work-orders/{third_id}"), &org.key, &json!({"status": "completed"})).await).await;
    assert_eq!(via_patch["completed_at"], "2026-03-02T15:00:00.000Z");
    assert_eq!(app.events(&org.key, "work_order.completed").await.len(), 3);

    // Cancelled work orders cannot be completed.
    let fourth = app.create("/api/work-orders", &org.key, &leak(&pine, &one_b)).await;
    let fourth_id = fourth["id"].as_str().unwrap();
    app.patch(&format!("/api/work-orders/{fourth_id}"), &org.key, &json!({"status": "cancelled"})).await;
    expect_error(
        app.post(&format!("/api/work-orders/{fourth_id}/complete"), &org.key, &json!({})).await,
        409,
        "INVALID_STATE",
    )
    .await;
    expect_error(
        app.patch(&format!("/api/work-orders/{fourth_id}"), &org.key, &json!({"status": "completed"})).await,
        409,
        "INVALID_STATE",
    )
    .await;

    // Another organization cannot complete ours; a reader cannot complete at all.
    let other = app.org(Plan::Grow).await;
    expect_error(
        app.post(&format!("/api/work-orders/{fourth_id}/complete"), &other.key, &json!({})).await,
        404,
        "NOT_FOUND",
    )
    .await;
    let reader = app.key(&org.id, &["read:work_orders"]).await;
    expect_error(
        app.post(&format!("/api/work-orders/{fourth_id}/complete"), &reader, &json!({})).await,
        403,
        "INSUFFICIENT_SCOPE",
    )
    .await;
    expect_field_error(
        app.post(&format!("/api/work-orders/{fourth_id}/complete"), &org.key, &json!({"cost_usd": -1})).await,
        "cost_usd",
    )
    .await;
    expect_field_error(
        app.post(&format!("/api/work-orders/{fourth_id}/complete"), &org.key, &json!({"cost": 1})).await,
        "cost",
    )
    .await;
}

#[tokio::test]
async fn filters_references_and_validation() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let oak = property(&app, &org.key, "9 Oak").await;
    let oak_1 = unit(&app, &org.key, &oak, "1").await["id"].as_str().unwrap().to_owned();
    let pipes = vendor(&app, &org.key, "Pipe Dreams").await;
    let theirs = vendor(&app, &other.key, "Theirs").await;

    let a = app
        .create("/api/work-orders", &org.key, &json!({"property_id": pine, "title": "Gutters", "vendor_id": pipes}))
        .await;
    let b = app
        .create("/api/work-orders", &org.key, &json!({"unit_id": oak_1, "title": "Door", "priority": "urgent"}))
        .await;
    let ids = |list: Value| -> Vec<Value> { list.as_array().unwrap().iter().map(|w| w["id"].clone()).collect() };
    for (query, expected) in [
        (format!("property_id={pine}"), vec![&a]),
        (format!("vendor_id={pipes}"), vec![&a]),
        ("status=open".to_owned(), vec![&b]),
        ("status=assigned".to_owned(), vec![&a]),
        ("priority=urgent".to_owned(), vec![&b]),
        (format!("unit_id={oak_1}&status=open"), vec![&b]),
    ] {
        let (_, list) = json(app.get(&format!("/api/work-orders?{query}"), &org.key).await).await;
        assert_eq!(ids(list), expected.iter().map(|w| w["id"].clone()).collect::<Vec<_>>(), "{query}");
    }
    expect_field_error(app.get("/api/work-orders?status=done", &org.key).await, "status").await;

    for (body, field) in [
        (json!({"property_id": pine, "title": "x", "vendor_id": theirs}), "vendor_id"),
        (json!({"property_id": "prop_nope", "title": "x"}), "property_id"),
        (json!({"unit_id": "unit_nope", "title": "x"}), "unit_id"),
    ] {
        let error = expect_error(app.post("/api/work-orders", &org.key, &body).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], field);
    }
    for (body, field) in [
        (json!({"title": "x"}), "property_id"),
        (json!({"property_id": pine, "title": " "}), "title"),
        (json!({"property_id": pine, "title": "x", "priority": "asap"}), "priority"),
        (json!({"property_id": pine, "title": "x", "cost_usd": -3}), "cost_usd"),
        (json!({"property_id": pine, "title": "x", "scheduled_for": "soon"}), "scheduled_for"),
        (json!({"property_id": pine, "title": "x", "status": "completed"}), "status"),
    ] {
        expect_field_error(app.post("/api/work-orders", &org.key, &body).await, field).await;
    }
    let mismatched = json!({"property_id": pine, "unit_id": oak_1, "title": "x"});
    expect_conflict(app.post("/api/work-orders", &org.key, &mismatched).await, "REFERENCE_MISMATCH", "unit_id").await;
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let pine = property(&app, &org.key, "127 Pine").await;
        let one_b = unit(&app, &org.key, &pine, "1B").await["id"].as_str().unwrap().to_owned();
        let spec = Spec {
            path: "/api/work-orders",
            scope: "work_orders",
            event: "work_order",
            create: leak(&pine, &one_b),
            update: json!({"priority": "urgent", "status": "in_progress"}),
            string_field: "title",
        };
        (app, org, spec)
    })
    .await;
}

/// `POST /api/work-orders/{id}/complete` takes no body, an empty one, `null` or an object;
/// anything else is a 400 that changes nothing.
#[tokio::test]
async fn completing_takes_an_optional_body() {
    let app = spawn_app().await;
    app.clock().freeze_at(NOW_MS);
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let one_b = unit(&app, &org.key, &pine, "1B").await["id"].as_str().unwrap().to_owned();
    let complete = |id: &str| format!("/api/work-orders/{id}/complete");

    let bare = app.create("/api/work-orders", &org.key, &leak(&pine, &one_b)).await;
    let sent = app.request(reqwest::Method::POST, &complete(bare["id"].as_str().unwrap()), Some(&org.key)).send();
    assert_eq!(sent.await.unwrap().status(), 200, "no body at all");

    let null = app.create("/api/work-orders", &org.key, &leak(&pine, &one_b)).await;
    let (status, done) = json(app.post(&complete(null["id"].as_str().unwrap()), &org.key, &Value::Null).await).await;
    assert_eq!((status, &done["status"]), (200, &json!("completed")), "{done}");

    let wrong = app.create("/api/work-orders", &org.key, &leak(&pine, &one_b)).await;
    let id = wrong["id"].as_str().unwrap();
    expect_error(app.post(&complete(id), &org.key, &json!([1])).await, 400, "VALIDATION_ERROR").await;
    let (_, unchanged) = json(app.get(&format!("/api/work-orders/{id}"), &org.key).await).await;
    assert_eq!(unchanged["status"], wrong["status"]);
}
