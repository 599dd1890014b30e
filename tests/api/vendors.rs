//! Vendors: snake_case fields, the `v_` id, filters by trade and search, validation, and the
//! shared contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{expect_field_error, json, spawn_app};

pub fn plow() -> Value {
    json!({
        "name": "Twin Cities Plow Co.", "trade": "snow_removal", "contact_name": "Dana Berg",
        "email": "dispatch@tcplow.example", "phone": "+1 612 555 0134", "hourly_rate_usd": 85.5,
        "notes": "Call before 6am"
    })
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let spec = Spec {
            path: "/api/vendors",
            scope: "vendors",
            event: "vendor",
            create: plow(),
            update: json!({"hourly_rate_usd": 90, "trade": "landscaping"}),
            string_field: "name",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn fields_are_snake_case_and_money_is_dollars() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let vendor = app.create("/api/vendors", &org.key, &plow()).await;
    assert!(vendor["id"].as_str().unwrap().starts_with("v_"), "{vendor}");
    for (field, value) in plow().as_object().unwrap() {
        assert_eq!(&vendor[field], value, "{field}");
    }
    assert!(vendor["created_at"].is_string() && vendor["updated_at"].is_string());

    let minimal = app.create("/api/vendors", &org.key, &json!({"name": "Handy Hal"})).await;
    for field in ["trade", "contact_name", "email", "phone", "hourly_rate_usd", "notes"] {
        assert_eq!(minimal[field], Value::Null, "{field}");
    }
    let id = minimal["id"].as_str().unwrap();
    let (status, cleared) =
        json(app.patch(&format!("/api/vendors/{id}"), &org.key, &json!({"hourly_rate_usd": 40, "notes": null})).await)
            .await;
    assert_eq!(status, 200);
    assert_eq!(cleared["hourly_rate_usd"], 40);
}

#[tokio::test]
async fn validation_names_the_field() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    for (body, field) in [
        (json!({"name": "  "}), "name"),
        (json!({"name": "X", "email": "not-an-email"}), "email"),
        (json!({"name": "X", "hourly_rate_usd": -1}), "hourly_rate_usd"),
        (json!({"name": "X", "hourly_rate_usd": 1.005}), "hourly_rate_usd"),
        (json!({"name": "X", "hourly_rate_usd": "85"}), "hourly_rate_usd"),
        (json!({"trade": "plumbing"}), "name"),
    ] {
        expect_field_error(app.post("/api/vendors", &org.key, &body).await, field).await;
    }
    let vendor = app.create("/api/vendors", &org.key, &plow()).await;
    let id = vendor["id"].as_str().unwrap();
    expect_field_error(app.patch(&format!("/api/vendors/{id}"), &org.key, &json!({"name": null})).await, "name").await;
    assert_eq!(app.events(&org.key, "vendor.created").await.len(), 1);
}

#[tokio::test]
async fn filters_by_trade_and_search() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.create("/api/vendors", &org.key, &plow()).await;
    let pipes = app
        .create("/api/vendors", &org.key, &json!({"name": "Pipe Dreams", "trade": "Plumbing", "contact_name": "Lou"}))
        .await;
    app.create("/api/vendors", &org.key, &json!({"name": "Sparks LLC", "trade": "electrical"})).await;

    let names = |list: Value| -> Vec<String> {
        list.as_array().unwrap().iter().map(|v| v["name"].as_str().unwrap().to_owned()).collect()
    };
    let (_, list) = json(app.get("/api/vendors?trade=plumbing", &org.key).await).await;
    assert_eq!(names(list.clone()), ["Pipe Dreams"]);
    assert_eq!(list[0], pipes);
    let (_, list) = json(app.get("/api/vendors?search=PLOW", &org.key).await).await;
    assert_eq!(names(list), ["Twin Cities Plow Co."]);
    let (_, list) = json(app.get("/api/vendors?search=lou", &org.key).await).await;
    assert_eq!(names(list), ["Pipe Dreams"]);
    let (_, list) = json(app.get("/api/vendors", &org.key).await).await;
    assert_eq!(names(list), ["Sparks LLC", "Pipe Dreams", "Twin Cities Plow Co."]);
    let fresh = app.org(Plan::Grow).await;
    contract::check_pagination(&app, &fresh.key, "/api/vendors", 5, 2, |i| json!({"name": format!("V{i}")})).await;
}
