//! Rental applications: submitting (`application.submitted`), approving with the default
//! lease, with given terms and without a lease (the tenant and draft lease are made by their
//! own rules, in one transaction), denying with a reason, final decisions, filters,
//! validation, scopes and the shared contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_error, expect_field_error, json, spawn_app};
use crate::rentals_support::{property, unit};

/// 2026-03-02T14:00:00Z.
const NOW_MS: i64 = 1_772_460_000_000;

fn maya(unit_id: &str) -> Value {
    json!({"unit_id": unit_id, "applicant_name": "Maya R.", "applicant_email": "maya@example.com",
        "applicant_phone": "+1-555-0100", "monthly_income_usd": 6200,
        "answers": {"pets": "one cat", "move_in": "2026-05-01", "smoker": false}})
}

async fn setup(app: &TestApp, key: &str) -> String {
    let pine = property(app, key, "127 Pine").await;
    unit(app, key, &pine, "1B").await["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn submitting_writes_application_submitted() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let unit_id = setup(&app, &org.key).await;
    let application = app.create("/api/applications", &org.key, &maya(&unit_id)).await;
    assert!(application["id"].as_str().unwrap().starts_with("appl_"));
    for (field, value) in maya(&unit_id).as_object().unwrap() {
        assert_eq!(&application[field], value, "{field}");
    }
    for field in ["decision_reason", "decided_at", "tenant_id", "lease_id"] {
        assert_eq!(application[field], Value::Null, "{field}");
    }
    assert_eq!(application["status"], "submitted");
    let events = app.events(&org.key, "application.submitted").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], application);
    assert!(app.events(&org.key, "application.created").await.is_empty());

    let bare = app.create("/api/applications", &org.key, &json!({"unit_id": unit_id, "applicant_name": "Sam"})).await;
    assert_eq!(bare["answers"], json!({}));
    let (_, listed) =
        json(app.get(&format!("/api/applications?unit_id={unit_id}&status=submitted"), &org.key).await).await;
    assert_eq!(listed.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn approving_creates_the_tenant_and_a_draft_lease() {
    let app = spawn_app().await;
    app.clock().freeze_at(NOW_MS);
    let org = app.org(Plan::Grow).await;
    let unit_id = setup(&app, &org.key).await;
    let id = app.create("/api/applications", &org.key, &maya(&unit_id)).await["id"].as_str().unwrap().to_owned();

    // No body: a lease starting today at the unit's market rent ($1,825).
    let response = app.request(reqwest::Method::POST, &format!("/api/applications/{id}/approve"), Some(&org.key));
    let (status, approved) = json(response.send().await.unwrap()).await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(
        (&approved["status"], &approved["decided_at"]),
        (&json!("approved"), &json!("2026-03-02T14:00:00.000Z"))
    );
    let tenant_id = approved["tenant_id"].as_str().unwrap();
    let lease_id = approved["lease_id"].as_str().unwrap();
    let (_, tenant) = json(app.get(&format!("/api/tenants/{tenant_id}"), &org.key).await).await;
    assert_eq!(
        (&tenant["name"], &tenant["email"], &tenant["phone"]),
        (&json!("Maya R."), &json!("maya@example.com"), &json!("+1-555-0100"))
    );
    let (_, lease) = json(app.get(&format!("/api/leases/{lease_id}"), &org.key).await).await;
    assert_eq!(
        (&lease["status"], &lease["unit_id"], &lease["tenant_ids"], &lease["start_date"], &lease["monthly_rent_usd"]),
        (&json!("draft"), &json!(unit_id), &json!([tenant_id]), &json!("2026-03-02"), &json!(1825))
    );
    let events = app.events(&org.key, "application.approved").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], approved);
    assert_eq!(app.events(&org.key, "tenant.added").await.len(), 1);
    assert_eq!(app.events(&org.key, "lease.created").await.len(), 1);

    // Decisions are final.
    let before = app.event_count(&org.key).await;
    for path in ["approve", "deny"] {
        expect_error(
            app.post(&format!("/api/applications/{id}/{path}"), &org.key, &json!({})).await,
            409,
            "INVALID_STATE",
        )
        .await;
    }
    expect_error(
        app.patch(&format!("/api/applications/{id}"), &org.key, &json!({"applicant_name": "M"})).await,
        409,
        "INVALID_STATE",
    )
    .await;
    assert_eq!(app.event_count(&org.key).await, before);

    // Given terms; and no lease at all.
    let second = app.create("/api/applications", &org.key, &maya(&unit_id)).await["id"].as_str().unwrap().to_owned();
    let terms = json!({"create_lease": {"start_date": "2026-05-01", "end_date": "2027-04-30", "monthly_rent_usd": 1900,
        "grace_days": 5, "late_fee": {"type": "flat", "amount": 50}}, "reason": "Strong references"});
    let (status, approved) =
        json(app.post(&format!("/api/applications/{second}/approve"), &org.key, &terms).await).await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["decision_reason"], "Strong references");
    let (_, lease) =
        json(app.get(&format!("/api/leases/{}", approved["lease_id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!(
        (
            &lease["start_date"],
            &lease["end_date"],
            &lease["monthly_rent_usd"],
            &lease["grace_days"],
            &lease["late_fee"]["amount"]
        ),
        (&json!("2026-05-01"), &json!("2027-04-30"), &json!(1900), &json!(5), &json!(50))
    );
    let third = app.create("/api/applications", &org.key, &maya(&unit_id)).await["id"].as_str().unwrap().to_owned();
    let (_, approved) =
        json(app.post(&format!("/api/applications/{third}/approve"), &org.key, &json!({"create_lease": false})).await)
            .await;
    assert!(approved["tenant_id"].is_string());
    assert_eq!(approved["lease_id"], Value::Null);
    assert_eq!(app.events(&org.key, "lease.created").await.len(), 2);
}

#[tokio::test]
async fn bad_lease_terms_write_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let no_rent = app.create("/api/units", &org.key, &json!({"property_id": pine, "label": "2A"})).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let id = app.create("/api/applications", &org.key, &maya(&no_rent)).await["id"].as_str().unwrap().to_owned();
    let before = app.event_count(&org.key).await;
    for (body, field) in [
        (json!({}), "create_lease.monthly_rent_usd"),
        (json!({"create_lease": {"monthly_rent_usd": 1000, "due_day": 40}}), "create_lease.due_day"),
        (json!({"create_lease": {"monthly_rent_usd": "1000"}}), "create_lease.monthly_rent_usd"),
        (json!({"create_lease": {"rent": 1000}}), "create_lease.rent"),
        (json!({"create_lease": 3}), "create_lease"),
        (json!({"lease": {}}), "lease"),
    ] {
        expect_field_error(app.post(&format!("/api/applications/{id}/approve"), &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, before, "no tenant, lease or decision was written");
    let (_, tenants) = json(app.get("/api/tenants", &org.key).await).await;
    assert_eq!(tenants, json!([]));
    let (_, application) = json(app.get(&format!("/api/applications/{id}"), &org.key).await).await;
    assert_eq!(application["status"], "submitted");
}

#[tokio::test]
async fn denying_with_a_reason() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let unit_id = setup(&app, &org.key).await;
    let id = app.create("/api/applications", &org.key, &maya(&unit_id)).await["id"].as_str().unwrap().to_owned();
    let (status, denied) = json(
        app.post(
            &format!("/api/applications/{id}/deny"),
            &org.key,
            &json!({"reason": "Income below three times the rent"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        (&denied["status"], &denied["decision_reason"], &denied["tenant_id"]),
        (&json!("denied"), &json!("Income below three times the rent"), &Value::Null)
    );
    assert!(denied["decided_at"].is_string());
    let events = app.events(&org.key, "application.denied").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], denied);
    assert!(app.events(&org.key, "application.updated").await.is_empty());
    expect_error(app.post(&format!("/api/applications/{id}/deny"), &org.key, &json!({})).await, 409, "INVALID_STATE")
        .await;

    // Scopes and other organizations.
    let second = app.create("/api/applications", &org.key, &maya(&unit_id)).await["id"].as_str().unwrap().to_owned();
    let other = app.org(Plan::Grow).await;
    expect_error(app.post(&format!("/api/applications/{second}/deny"), &other.key, &json!({})).await, 404, "NOT_FOUND")
        .await;
    let applications_only = app.key(&org.id, &["write:applications"]).await;
    let body = expect_error(
        app.post(&format!("/api/applications/{second}/approve"), &applications_only, &json!({})).await,
        403,
        "INSUFFICIENT_SCOPE",
    )
    .await;
    assert!(body["error"].as_str().unwrap().contains("write:tenants"), "{body}");
    expect_field_error(
        app.post(&format!("/api/applications/{second}/deny"), &org.key, &json!({"why": "x"})).await,
        "why",
    )
    .await;
}

#[tokio::test]
async fn validation() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let unit_id = setup(&app, &org.key).await;
    for (change, field) in [
        (json!({"answers": [1, 2]}), "answers"),
        (json!({"applicant_email": "nope"}), "applicant_email"),
        (json!({"monthly_income_usd": -1}), "monthly_income_usd"),
        (json!({"applicant_name": ""}), "applicant_name"),
        (json!({"status": "approved"}), "status"),
    ] {
        let mut body = maya(&unit_id);
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        expect_field_error(app.post("/api/applications", &org.key, &body).await, field).await;
    }
    let error = expect_error(app.post("/api/applications", &org.key, &maya("unit_nope")).await, 404, "NOT_FOUND").await;
    assert_eq!(error["field"], "unit_id");
}

#[tokio::test]
async fn shared_contract() {
    contract::check_with_events(
        |app, org| async move {
            let unit_id = setup(&app, &org.key).await;
            let spec = Spec {
                path: "/api/applications",
                scope: "applications",
                event: "application",
                create: maya(&unit_id),
                update: json!({"monthly_income_usd": 6500, "answers": {"pets": "none"}}),
                string_field: "applicant_name",
            };
            (app, org, spec)
        },
        "submitted",
        "deleted",
    )
    .await;
}

#[tokio::test]
async fn the_catalog_lists_the_documented_operations_events_with_examples() {
    let app = spawn_app().await;
    let org = app.org(Plan::Elite).await;
    let (status, catalog) = json(app.get("/api/webhook-events", &org.key).await).await;
    assert_eq!(status, 200);
    let find = |kind: &str| catalog.as_array().unwrap().iter().find(|e| e["type"] == kind).cloned();
    for kind in [
        "application.submitted",
        "application.approved",
        "application.denied",
        "work_order.created",
        "work_order.completed",
        "inspection.completed",
        "vendor.created",
        "expense.created",
        "expense.updated",
        "expense.deleted",
        "expense_category.created",
    ] {
        let event = find(kind).unwrap_or_else(|| panic!("{kind} is in the catalog"));
        assert!(event["example"].is_object() && event["example"]["id"].is_string(), "{kind}: {event}");
        assert!(event["description"].as_str().is_some_and(|d| !d.is_empty()), "{kind}");
    }
    assert!(find("application.created").is_none(), "submitting is application.submitted");
    assert_eq!(find("work_order.completed").unwrap()["example"]["unit_id"], json!("unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"));
}
