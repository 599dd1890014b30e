//! Units and tenants: the documented bodies, defaults, filters, validation, references, the
//! `tenant.added`/`tenant.removed` events and the shared contract.

use gable::vocab::plan::Plan;
use serde_json::json;

use crate::contract::{self, Spec};
use crate::helpers::{expect_error, expect_field_error, json, spawn_app};
use crate::rentals_support::{property, tenant, unit};

#[tokio::test]
async fn a_unit_as_documented() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let body = json!({"property_id": pine, "label": "1B", "bedrooms": 2, "bathrooms": 1.5, "sqft": 850,
        "market_rent_usd": 1825.5, "status": "vacant"});
    let created = app.create("/api/units", &org.key, &body).await;
    assert!(created["id"].as_str().unwrap().starts_with("unit_"));
    for (field, value) in body.as_object().unwrap() {
        assert_eq!(&created[field], value, "{field}");
    }
    assert!(created["created_at"].is_string() && created["updated_at"].is_string());
    let bare = app.create("/api/units", &org.key, &json!({"property_id": pine, "label": "2A"})).await;
    assert_eq!((&bare["status"], &bare["market_rent_usd"]), (&json!("vacant"), &json!(null)));
    // A number after a null in the same column (PostgreSQL keeps a statement's parameter types).
    let after =
        app.create("/api/units", &org.key, &json!({"property_id": pine, "label": "2B", "bathrooms": 2.5})).await;
    assert_eq!(after["bathrooms"], 2.5);
}

#[tokio::test]
async fn units_filter_by_property_and_status() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let oak = property(&app, &org.key, "9 Oak").await;
    let a = unit(&app, &org.key, &pine, "1A").await;
    let b =
        app.create("/api/units", &org.key, &json!({"property_id": pine, "label": "1B", "status": "occupied"})).await;
    let c = unit(&app, &org.key, &oak, "1").await;
    let ids = |list: serde_json::Value| -> Vec<String> {
        list.as_array().unwrap().iter().map(|u| u["id"].as_str().unwrap().to_owned()).collect()
    };
    let (_, list) = json(app.get(&format!("/api/units?property_id={pine}"), &org.key).await).await;
    assert_eq!(ids(list), [&b["id"], &a["id"]].map(|v| v.as_str().unwrap().to_owned()));
    let (_, list) = json(app.get("/api/units?status=vacant", &org.key).await).await;
    assert_eq!(ids(list), [&c["id"], &a["id"]].map(|v| v.as_str().unwrap().to_owned()));
    let (_, list) = json(app.get(&format!("/api/units?property_id={oak}&status=occupied"), &org.key).await).await;
    assert_eq!(list, json!([]));
    expect_field_error(app.get("/api/units?status=rented", &org.key).await, "status").await;
}

#[tokio::test]
async fn unit_rules() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    for (body, field) in [
        (json!({"label": "1A"}), "property_id"),
        (json!({"property_id": pine}), "label"),
        (json!({"property_id": pine, "label": "  "}), "label"),
        (json!({"property_id": pine, "label": "1A", "bedrooms": -1}), "bedrooms"),
        (json!({"property_id": pine, "label": "1A", "market_rent_usd": -5}), "market_rent_usd"),
        (json!({"property_id": pine, "label": "1A", "market_rent_usd": 1.005}), "market_rent_usd"),
        (json!({"property_id": pine, "label": "1A", "status": "rented"}), "status"),
    ] {
        expect_field_error(app.post("/api/units", &org.key, &body).await, field).await;
    }
    let body = expect_error(
        app.post("/api/units", &org.key, &json!({"property_id": "prop_nope", "label": "1A"})).await,
        404,
        "NOT_FOUND",
    )
    .await;
    assert_eq!(body["field"], "property_id");
    unit(&app, &org.key, &pine, "1A").await;
    let body = json!({"property_id": pine, "label": "1A"});
    expect_error(app.post("/api/units", &org.key, &body).await, 409, "CONFLICT").await;
    // Another organization's property is not there.
    let other = app.org(Plan::Grow).await;
    let body = expect_error(app.post("/api/units", &other.key, &body).await, 404, "NOT_FOUND").await;
    assert_eq!(body["field"], "property_id");
}

#[tokio::test]
async fn units_contract() {
    contract::check(|app, org| async move {
        let pine = property(&app, &org.key, "127 Pine").await;
        let spec = Spec {
            path: "/api/units",
            scope: "units",
            event: "unit",
            create: json!({"property_id": pine, "label": "1B", "bedrooms": 2, "market_rent_usd": 1825}),
            update: json!({"market_rent_usd": 1900, "status": "occupied"}),
            string_field: "label",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn tenants_are_added_and_removed() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let body = json!({"name": "Maya R.", "email": "maya@example.com", "phone": "+1-555-0100"});
    let maya = app.create("/api/tenants", &org.key, &body).await;
    assert!(maya["id"].as_str().unwrap().starts_with("ten_"));
    for field in ["name", "email", "phone"] {
        assert_eq!(maya[field], body[field]);
    }
    let added = app.events(&org.key, "tenant.added").await;
    assert_eq!(added.len(), 1);
    assert_eq!(added[0]["data"], maya);
    assert!(app.events(&org.key, "tenant.created").await.is_empty());

    let (_, found) = json(app.get("/api/tenants?email=maya@example.com", &org.key).await).await;
    assert_eq!(found, json!([maya]));
    expect_field_error(app.post("/api/tenants", &org.key, &json!({"name": "X", "email": "nope"})).await, "email").await;
    expect_field_error(app.post("/api/tenants", &org.key, &json!({"name": ""})).await, "name").await;

    let id = maya["id"].as_str().unwrap();
    assert_eq!(app.delete(&format!("/api/tenants/{id}"), &org.key).await.status(), 200);
    let removed = app.events(&org.key, "tenant.removed").await;
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0]["data"], maya);
    assert!(app.events(&org.key, "tenant.deleted").await.is_empty());
    assert_eq!(tenant(&app, &org.key, "Sam").await.len(), 30);
}

#[tokio::test]
async fn tenants_contract() {
    contract::check_with_events(
        |app, org| async move {
            let spec = Spec {
                path: "/api/tenants",
                scope: "tenants",
                event: "tenant",
                create: json!({"name": "Maya R.", "email": "maya@example.com", "phone": "+1-555-0100"}),
                update: json!({"phone": "+1-555-0199"}),
                string_field: "name",
            };
            (app, org, spec)
        },
        "added",
        "removed",
    )
    .await;
}

#[tokio::test]
async fn the_catalog_lists_the_documented_tenant_events() {
    let app = spawn_app().await;
    let org = app.org(Plan::Elite).await;
    let (_, catalog) = json(app.get("/api/webhook-events", &org.key).await).await;
    let kinds: Vec<&str> = catalog.as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
    for kind in ["tenant.added", "tenant.removed", "unit.created"] {
        assert!(kinds.contains(&kind), "{kind}");
    }
    assert!(!kinds.contains(&"tenant.created"));
}
