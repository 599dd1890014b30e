//! Inspections: the checklist, completing once (`inspection.completed` with the inspection as
//! returned), completed inspections are final, filters, validation and the shared contract.

use std::time::Duration;

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_conflict, expect_error, expect_field_error, json, spawn_app};
use crate::rentals_support::{property, unit};

/// 2026-03-02T14:00:00Z.
const NOW_MS: i64 = 1_772_460_000_000;

fn move_out(unit_id: &str) -> Value {
    json!({"unit_id": unit_id, "type": "move_out", "scheduled_for": "2026-04-30",
        "items": [{"area": "Kitchen", "condition": "fair", "notes": "Scuffed cabinet doors"}]})
}

async fn setup(app: &TestApp, key: &str) -> String {
    let pine = property(app, key, "127 Pine").await;
    unit(app, key, &pine, "1B").await["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn scheduling_and_completing_once() {
    let app = spawn_app().await;
    app.clock().freeze_at(NOW_MS);
    let org = app.org(Plan::Grow).await;
    let unit_id = setup(&app, &org.key).await;
    let inspection = app.create("/api/inspections", &org.key, &move_out(&unit_id)).await;
    assert!(inspection["id"].as_str().unwrap().starts_with("insp_"));
    assert_eq!(
        (&inspection["type"], &inspection["status"], &inspection["scheduled_for"], &inspection["completed_at"]),
        (&json!("move_out"), &json!("scheduled"), &json!("2026-04-30"), &Value::Null)
    );
    assert_eq!(inspection["items"], move_out(&unit_id)["items"]);
    let id = inspection["id"].as_str().unwrap();

    app.clock().advance(Duration::from_secs(600));
    let final_items = json!([
        {"area": " Kitchen ", "condition": "damaged", "notes": "Cracked counter"},
        {"area": "Bathroom", "condition": "good", "notes": null}
    ]);
    let (status, done) = json(
        app.post(
            &format!("/api/inspections/{id}/complete"),
            &org.key,
            &json!({"items": final_items, "notes": "Deduct"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(
        (
            &done["status"],
            &done["completed_at"],
            &done["notes"],
            &done["items"][0]["area"],
            &done["items"][0]["condition"]
        ),
        (
            &json!("completed"),
            &json!("2026-03-02T14:10:00.000Z"),
            &json!("Deduct"),
            &json!("Kitchen"),
            &json!("damaged")
        )
    );
    let events = app.events(&org.key, "inspection.completed").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], done);

    // Final: no second completion, no edits, nothing written.
    let before = app.event_count(&org.key).await;
    expect_error(
        app.post(&format!("/api/inspections/{id}/complete"), &org.key, &json!({})).await,
        409,
        "INVALID_STATE",
    )
    .await;
    expect_error(
        app.patch(&format!("/api/inspections/{id}"), &org.key, &json!({"notes": "later"})).await,
        409,
        "INVALID_STATE",
    )
    .await;
    assert_eq!(app.event_count(&org.key).await, before);

    // Completing without a body keeps the stored checklist; an empty checklist cannot complete.
    let routine = app.create("/api/inspections", &org.key, &json!({"unit_id": unit_id, "type": "routine"})).await;
    assert_eq!(routine["items"], json!([]));
    let routine_id = routine["id"].as_str().unwrap();
    expect_conflict(
        app.post(&format!("/api/inspections/{routine_id}/complete"), &org.key, &json!({})).await,
        "INVALID_STATE",
        "items",
    )
    .await;
    let second = app.create("/api/inspections", &org.key, &move_out(&unit_id)).await;
    let second_id = second["id"].as_str().unwrap();
    let response =
        app.request(reqwest::Method::POST, &format!("/api/inspections/{second_id}/complete"), Some(&org.key));
    let (status, done) = json(response.send().await.unwrap()).await;
    assert_eq!((status, &done["items"]), (200, &second["items"]));
    assert_eq!(app.events(&org.key, "inspection.completed").await.len(), 2);

    // Filters.
    let (_, completed) =
        json(app.get(&format!("/api/inspections?unit_id={unit_id}&status=completed"), &org.key).await).await;
    assert_eq!(completed.as_array().unwrap().len(), 2);
    let (_, routines) = json(app.get("/api/inspections?type=routine", &org.key).await).await;
    assert_eq!(routines, json!([routine]));

    // Other organizations and scopes.
    let other = app.org(Plan::Grow).await;
    expect_error(
        app.post(&format!("/api/inspections/{routine_id}/complete"), &other.key, &json!({})).await,
        404,
        "NOT_FOUND",
    )
    .await;
    let reader = app.key(&org.id, &["read:inspections"]).await;
    expect_error(
        app.post(&format!("/api/inspections/{routine_id}/complete"), &reader, &json!({})).await,
        403,
        "INSUFFICIENT_SCOPE",
    )
    .await;
}

#[tokio::test]
async fn validation() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let unit_id = setup(&app, &org.key).await;
    for (change, field) in [
        (json!({"type": "annual"}), "type"),
        (json!({"items": [{"area": "Kitchen", "condition": "broken"}]}), "items[0].condition"),
        (
            json!({"items": [{"area": "Kitchen", "condition": "good"}, {"area": " ", "condition": "good"}]}),
            "items[1].area",
        ),
        (json!({"items": [{"area": "Kitchen", "condition": "good", "photo": "x"}]}), "items[0].photo"),
        (json!({"items": {"area": "Kitchen"}}), "items"),
        (json!({"scheduled_for": "tomorrow"}), "scheduled_for"),
        (json!({"status": "completed"}), "status"),
    ] {
        let mut body = move_out(&unit_id);
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        expect_field_error(app.post("/api/inspections", &org.key, &body).await, field).await;
    }
    let error =
        expect_error(app.post("/api/inspections", &org.key, &move_out("unit_nope")).await, 404, "NOT_FOUND").await;
    assert_eq!(error["field"], "unit_id");
    let id = app.create("/api/inspections", &org.key, &move_out(&unit_id)).await["id"].as_str().unwrap().to_owned();
    expect_field_error(
        app.post(
            &format!("/api/inspections/{id}/complete"),
            &org.key,
            &json!({"items": [{"area": "X", "condition": "meh"}]}),
        )
        .await,
        "items[0].condition",
    )
    .await;
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let unit_id = setup(&app, &org.key).await;
        let spec = Spec {
            path: "/api/inspections",
            scope: "inspections",
            event: "inspection",
            create: move_out(&unit_id),
            update: json!({"scheduled_for": "2026-05-01", "items": [{"area": "Hall", "condition": "good", "notes": null}]}),
            string_field: "notes",
        };
        (app, org, spec)
    })
    .await;
}
