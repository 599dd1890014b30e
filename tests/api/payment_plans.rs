//! Payment plans: proposed → accepted / rejected with their events, payments counting toward
//! a plan, the rules, and the shared contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_conflict, expect_error, expect_field_error, json, spawn_app};
use crate::rentals_support::{household, lease_body, signed_lease, tenant};

fn two_installments() -> Value {
    json!([{"due_date": "2026-08-01", "amount_usd": 500}, {"due_date": "2026-07-01", "amount_usd": 250.25}])
}

async fn lease(app: &TestApp, key: &str) -> (String, String) {
    let (_, unit, maya) = household(app, key, "127 Pine", "1B", "Maya R.").await;
    let lease = signed_lease(app, key, &lease_body(unit["id"].as_str().unwrap(), &maya, "2026-03-01")).await;
    (lease["id"].as_str().unwrap().to_owned(), maya)
}

#[tokio::test]
async fn propose_accept_reject_and_pay_toward() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (lease_id, maya) = lease(&app, &org.key).await;
    let plan = app
        .create("/api/payment-plans", &org.key, &json!({"tenant_id": maya, "installments": two_installments()}))
        .await;
    assert!(plan["id"].as_str().unwrap().starts_with("plan_"));
    assert_eq!(
        (&plan["status"], &plan["total_usd"], &plan["paid_usd"], &plan["remaining_usd"]),
        (&json!("proposed"), &json!(750.25), &json!(0), &json!(750.25))
    );
    assert_eq!(plan["installments"][0]["due_date"], "2026-07-01", "installments in date order");
    let proposed = app.events(&org.key, "payment_plan.proposed").await;
    assert_eq!(proposed.len(), 1);
    assert_eq!(proposed[0]["data"], plan);
    let id = plan["id"].as_str().unwrap();

    // A payment toward it (the plan is the tenant's; the lease is theirs).
    let body = json!({"lease_id": lease_id, "amount_usd": 250.25, "paid_at": "2026-07-01", "method": "card",
        "payment_plan_id": id});
    let (status, payment) = json(app.post("/api/rent-payments", &org.key, &body).await).await;
    assert_eq!(status, 201, "{payment}");
    assert_eq!(payment["payment_plan_id"], id);
    let (_, accepted) = json(app.post(&format!("/api/payment-plans/{id}/accept"), &org.key, &json!({})).await).await;
    assert_eq!(
        (&accepted["status"], &accepted["paid_usd"], &accepted["remaining_usd"]),
        (&json!("accepted"), &json!(250.25), &json!(500))
    );
    assert!(accepted["decided_at"].is_string());
    assert_eq!(app.events(&org.key, "payment_plan.accepted").await.len(), 1);
    let (_, by_plan) = json(app.get(&format!("/api/rent-payments?payment_plan_id={id}"), &org.key).await).await;
    assert_eq!(by_plan, json!([payment]));
    expect_error(
        app.post(&format!("/api/payment-plans/{id}/reject"), &org.key, &json!({})).await,
        409,
        "PLAN_NOT_PROPOSED",
    )
    .await;
    expect_error(
        app.patch(&format!("/api/payment-plans/{id}"), &org.key, &json!({"installments": two_installments()})).await,
        409,
        "PLAN_NOT_PROPOSED",
    )
    .await;

    // A rejected plan takes no payments; another lease's plan is not this lease's.
    let other = app
        .create("/api/payment-plans", &org.key, &json!({"lease_id": lease_id, "installments": two_installments()}))
        .await;
    let other_id = other["id"].as_str().unwrap();
    let (_, rejected) =
        json(app.post(&format!("/api/payment-plans/{other_id}/reject"), &org.key, &json!({})).await).await;
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(app.events(&org.key, "payment_plan.rejected").await.len(), 1);
    let mut body = body.clone();
    body["payment_plan_id"] = json!(other_id);
    expect_error(app.post("/api/rent-payments", &org.key, &body).await, 409, "PLAN_REJECTED").await;
    let stranger = tenant(&app, &org.key, "Stranger").await;
    let theirs = app
        .create("/api/payment-plans", &org.key, &json!({"tenant_id": stranger, "installments": two_installments()}))
        .await;
    body["payment_plan_id"] = theirs["id"].clone();
    expect_conflict(app.post("/api/rent-payments", &org.key, &body).await, "REFERENCE_MISMATCH", "payment_plan_id")
        .await;
    body["payment_plan_id"] = json!("plan_nope");
    let error = expect_error(app.post("/api/rent-payments", &org.key, &body).await, 404, "NOT_FOUND").await;
    assert_eq!(error["field"], "payment_plan_id");
}

#[tokio::test]
async fn plan_rules() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (lease_id, maya) = lease(&app, &org.key).await;
    for (body, field) in [
        (json!({"installments": two_installments()}), "lease_id"),
        (json!({"lease_id": lease_id, "tenant_id": maya, "installments": two_installments()}), "lease_id"),
        (json!({"lease_id": lease_id, "installments": []}), "installments"),
        (json!({"lease_id": lease_id, "installments": [{"due_date": "2026-07-01", "amount_usd": 0}]}), "installments"),
        (
            json!({"lease_id": lease_id, "installments": [{"due_date": "July", "amount_usd": 5}]}),
            "installments[0].due_date",
        ),
    ] {
        expect_field_error(app.post("/api/payment-plans", &org.key, &body).await, field).await;
    }
    let body = expect_error(
        app.post(
            "/api/payment-plans",
            &org.key,
            &json!({"lease_id": "lease_nope", "installments": two_installments()}),
        )
        .await,
        404,
        "NOT_FOUND",
    )
    .await;
    assert_eq!(body["field"], "lease_id");
}

#[tokio::test]
async fn payment_plans_contract() {
    contract::check_with_events(
        |app, org| async move {
            let (lease_id, _) = lease(&app, &org.key).await;
            let spec = Spec {
                path: "/api/payment-plans",
                scope: "payment_plans",
                event: "payment_plan",
                create: json!({"lease_id": lease_id, "installments": two_installments()}),
                update: json!({"installments": [{"due_date": "2026-07-15", "amount_usd": 750.25}]}),
                string_field: "lease_id",
            };
            (app, org, spec)
        },
        "proposed",
        "deleted",
    )
    .await;
}
