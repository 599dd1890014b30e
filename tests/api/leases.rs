//! Leases: the documented body, late-fee policies, signing and terminating with their events
//! and unit status, draft-only edits, filters, references and the shared contract.

use gable::vocab::plan::Plan;
use serde_json::json;

use crate::contract::{self, Spec};
use crate::helpers::{expect_error, expect_field_error, json, spawn_app};
use crate::rentals_support::{household, lease_body, property, signed_lease, tenant, unit};

#[tokio::test]
async fn a_lease_as_documented() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (_, unit, maya) = household(&app, &org.key, "127 Pine", "1B", "Maya R.").await;
    let sam = tenant(&app, &org.key, "Sam R.").await;
    let body = json!({"unit_id": unit["id"], "tenant_ids": [maya, sam], "start_date": "2026-03-15",
        "end_date": "2027-03-14", "monthly_rent_usd": 1825, "due_day": 1, "grace_days": 5, "deposit_usd": 1825,
        "late_fee": {"type": "percent", "amount": 5, "cap_usd": 100}});
    let lease = app.create("/api/leases", &org.key, &body).await;
    assert!(lease["id"].as_str().unwrap().starts_with("lease_"));
    for (field, value) in body.as_object().unwrap() {
        assert_eq!(&lease[field], value, "{field}");
    }
    assert_eq!(
        (&lease["status"], &lease["credit_usd"], &lease["signed_at"]),
        (&json!("draft"), &json!(0), &json!(null))
    );

    let mut flat = lease_body(unit["id"].as_str().unwrap(), &maya, "2026-04-01");
    flat["late_fee"] = json!({"type": "flat", "amount": 50.5});
    let flat = app.create("/api/leases", &org.key, &flat).await;
    assert_eq!(flat["late_fee"], json!({"type": "flat", "amount": 50.5, "cap_usd": null}));
    let none =
        app.create("/api/leases", &org.key, &lease_body(unit["id"].as_str().unwrap(), &maya, "2026-04-01")).await;
    assert_eq!(none["late_fee"], json!(null));

    let (_, by_tenant) = json(app.get(&format!("/api/leases?tenant_id={sam}"), &org.key).await).await;
    assert_eq!(by_tenant, json!([lease]));
    let (_, by_unit) =
        json(app.get(&format!("/api/leases?unit_id={}&status=draft", unit["id"].as_str().unwrap()), &org.key).await)
            .await;
    assert_eq!(by_unit.as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn signing_and_terminating() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (_, unit, maya) = household(&app, &org.key, "127 Pine", "1B", "Maya R.").await;
    let unit_id = unit["id"].as_str().unwrap();
    let lease = app.create("/api/leases", &org.key, &lease_body(unit_id, &maya, "2026-03-01")).await;
    let id = lease["id"].as_str().unwrap();

    let signed = signed_lease(&app, &org.key, &lease_body(unit_id, &maya, "2026-03-01")).await;
    assert_eq!(signed["status"], "active");
    assert!(signed["signed_at"].is_string());
    let (_, u) = json(app.get(&format!("/api/units/{unit_id}"), &org.key).await).await;
    assert_eq!(u["status"], "occupied");
    let events = app.events(&org.key, "lease.signed").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], signed);

    // One active lease per unit; signed leases are not edited or deleted.
    let body =
        expect_error(app.post(&format!("/api/leases/{id}/sign"), &org.key, &json!({})).await, 409, "UNIT_LEASED").await;
    assert!(body["error"].as_str().unwrap().contains(unit_id));
    let signed_id = signed["id"].as_str().unwrap();
    expect_error(
        app.post(&format!("/api/leases/{signed_id}/sign"), &org.key, &json!({})).await,
        409,
        "LEASE_NOT_DRAFT",
    )
    .await;
    expect_error(
        app.patch(&format!("/api/leases/{signed_id}"), &org.key, &json!({"grace_days": 1})).await,
        409,
        "LEASE_NOT_DRAFT",
    )
    .await;
    expect_error(app.delete(&format!("/api/leases/{signed_id}"), &org.key).await, 409, "LEASE_NOT_DRAFT").await;
    // A tenant on a lease stays.
    expect_error(app.delete(&format!("/api/tenants/{maya}"), &org.key).await, 409, "REFERENCED").await;

    expect_error(app.post(&format!("/api/leases/{id}/terminate"), &org.key, &json!({})).await, 409, "LEASE_NOT_ACTIVE")
        .await;
    let (status, ended) =
        json(app.post(&format!("/api/leases/{signed_id}/terminate"), &org.key, &json!({})).await).await;
    assert_eq!(status, 200, "{ended}");
    assert_eq!(ended["status"], "terminated");
    assert_eq!(ended["terminated_on"].as_str().unwrap().len(), 10);
    let (_, u) = json(app.get(&format!("/api/units/{unit_id}"), &org.key).await).await;
    assert_eq!(u["status"], "vacant");
    let events = app.events(&org.key, "lease.terminated").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], ended);
    assert_eq!(app.events(&org.key, "lease.signed").await.len(), 1);
    // Now the other draft can be signed.
    let (status, _) = json(app.post(&format!("/api/leases/{id}/sign"), &org.key, &json!({})).await).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn lease_rules() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (pine, unit, maya) = household(&app, &org.key, "127 Pine", "1B", "Maya R.").await;
    let unit_id = unit["id"].as_str().unwrap();
    let good = lease_body(unit_id, &maya, "2026-03-01");
    let with = |field: &str, value: serde_json::Value| {
        let mut body = good.clone();
        body[field] = value;
        body
    };
    for (body, field) in [
        (with("tenant_ids", json!([])), "tenant_ids"),
        (with("start_date", json!("2026-02-30")), "start_date"),
        (with("end_date", json!("2026-02-01")), "end_date"),
        (with("monthly_rent_usd", json!(0)), "monthly_rent_usd"),
        (with("due_day", json!(32)), "due_day"),
        (with("grace_days", json!(-1)), "grace_days"),
        (with("late_fee", json!({"type": "percent", "amount": 150})), "late_fee.amount"),
        (with("late_fee", json!({"type": "weekly", "amount": 5})), "late_fee.type"),
    ] {
        expect_field_error(app.post("/api/leases", &org.key, &body).await, field).await;
    }
    let body = expect_error(
        app.post("/api/leases", &org.key, &with("tenant_ids", json!(["ten_nope"]))).await,
        404,
        "NOT_FOUND",
    )
    .await;
    assert_eq!(body["field"], "tenant_ids");
    let body =
        expect_error(app.post("/api/leases", &org.key, &with("unit_id", json!(pine))).await, 404, "NOT_FOUND").await;
    assert_eq!(body["field"], "unit_id");
    let other = app.org(Plan::Grow).await;
    let theirs = tenant(&app, &other.key, "Them").await;
    let body =
        expect_error(app.post("/api/leases", &org.key, &with("tenant_ids", json!([theirs]))).await, 404, "NOT_FOUND")
            .await;
    assert_eq!(body["field"], "tenant_ids");
    assert_eq!(app.event_count(&org.key).await, 3, "property, unit and tenant only");
}

#[tokio::test]
async fn leases_contract() {
    contract::check(|app, org| async move {
        let pine = property(&app, &org.key, "127 Pine").await;
        let unit = unit(&app, &org.key, &pine, "1B").await;
        let maya = tenant(&app, &org.key, "Maya R.").await;
        let spec = Spec {
            path: "/api/leases",
            scope: "leases",
            event: "lease",
            create: lease_body(unit["id"].as_str().unwrap(), &maya, "2026-03-01"),
            update: json!({"monthly_rent_usd": 1900, "late_fee": {"type": "flat", "amount": 50}}),
            string_field: "unit_id",
        };
        (app, org, spec)
    })
    .await;
}
