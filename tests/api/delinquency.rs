//! The delinquency prioritizer: the ranking and its reasons from the ledger (balance, days
//! late, payment history, plan status), the built-in and model-written summaries, an empty
//! body, bad input, scopes and the 10-per-hour quota.

use gable::jobs::run_rent;
use gable::vocab::date::Date;
use gable::vocab::plan::Plan;
use reqwest::Method;
use serde_json::{Value, json};

use crate::ai::{Model, model_api, with_model};
use crate::helpers::{TestApp, TestOrg, expect_error, expect_field_error, json, spawn_app, spawn_with};
use crate::rentals_support::{household, lease_body, signed_lease};

/// 2026-05-25T12:00:00Z.
const MAY_25: i64 = 1_779_710_400_000;

/// Three delinquent leases: Maya owes April and May and has never paid; Sam owes May and pays
/// an accepted plan; Lee owes May and rejected a plan. Dee is paid up.
async fn portfolio(app: &TestApp, org: &TestOrg) -> (String, String, String) {
    let key = &org.key;
    let mut ids = Vec::new();
    for (property, label, name, start) in [
        ("127 Pine", "1B", "Maya R.", "2026-04-01"),
        ("9 Oak", "2", "Sam K.", "2026-05-01"),
        ("10 Oak", "3", "Lee W.", "2026-05-01"),
        ("11 Oak", "4", "Dee P.", "2026-05-01"),
    ] {
        let (_, unit, tenant) = household(app, key, property, label, name).await;
        let lease = signed_lease(app, key, &lease_body(unit["id"].as_str().unwrap(), &tenant, start)).await;
        ids.push(lease["id"].as_str().unwrap().to_owned());
    }
    run_rent(&app.state, Date::parse("2026-05-25").unwrap()).await.unwrap();
    let pay = |lease: &str, amount: f64, plan: Value| json!({"lease_id": lease, "amount_usd": amount, "paid_at": "2026-05-20", "method": "ach", "payment_plan_id": plan});
    let plan =
        |lease: &str| json!({"lease_id": lease, "installments": [{"due_date": "2026-06-01", "amount_usd": 1825}]});
    let sam_plan = app.create("/api/payment-plans", key, &plan(&ids[1])).await["id"].clone();
    app.post(&format!("/api/payment-plans/{}/accept", sam_plan.as_str().unwrap()), key, &json!({})).await;
    assert_eq!(app.post("/api/rent-payments", key, &pay(&ids[1], 200.0, sam_plan)).await.status(), 201);
    let lee_plan = app.create("/api/payment-plans", key, &plan(&ids[2])).await["id"].clone();
    app.post(&format!("/api/payment-plans/{}/reject", lee_plan.as_str().unwrap()), key, &json!({})).await;
    assert_eq!(app.post("/api/rent-payments", key, &pay(&ids[3], 1825.0, Value::Null)).await.status(), 201);
    (ids[0].clone(), ids[1].clone(), ids[2].clone())
}

#[tokio::test]
async fn ranks_with_reasons_and_a_built_in_summary() {
    let app = spawn_app().await;
    app.clock().freeze_at(MAY_25);
    let org = app.org(Plan::Grow).await;
    let (maya, sam, lee) = portfolio(&app, &org).await;
    // No body at all.
    let response = app.request(Method::POST, "/api/ai-delinquency-prioritizer", Some(&org.key)).send().await.unwrap();
    let (status, ranked) = json(response).await;
    assert_eq!(status, 200, "{ranked}");
    assert_eq!(
        (&ranked["as_of"], &ranked["delinquent_leases"], &ranked["total_usd"]),
        (&json!("2026-05-25"), &json!(3), &json!(7100))
    );
    let order: Vec<&str> =
        ranked["tenants"].as_array().unwrap().iter().map(|t| t["lease_id"].as_str().unwrap()).collect();
    assert_eq!(order, [maya.as_str(), lee.as_str(), sam.as_str()]);
    let first = &ranked["tenants"][0];
    assert_eq!(
        (
            &first["rank"],
            &first["tenant_name"],
            &first["amount_usd"],
            &first["days_late"],
            &first["open_charges"],
            &first["late_periods_12m"],
            &first["payments_12m"],
            &first["plan_status"]
        ),
        (&json!(1), &json!("Maya R."), &json!(3650), &json!(54), &json!(2), &json!(2), &json!(0), &json!("none"))
    );
    assert_eq!(
        first["reasons"],
        json!([
            "owes $3650.00",
            "54 days late",
            "no payment in the last 60 days",
            "2 periods late in the last 12 months",
            "no payment plan"
        ])
    );
    let sam_row = &ranked["tenants"][2];
    assert_eq!(sam_row["plan_status"], "accepted");
    assert_eq!(sam_row["plan"]["paid_usd"], 200);
    assert!(
        sam_row["reasons"]
            .as_array()
            .unwrap()
            .contains(&json!("paying an accepted plan ($200.00 paid, $1625.00 to go)"))
    );
    assert!(ranked["tenants"][1]["reasons"].as_array().unwrap().contains(&json!("rejected a payment plan")));
    assert_eq!(ranked["summary_source"], "built_in");
    let summary = ranked["summary"].as_str().unwrap();
    assert!(summary.starts_with("3 leases owe $7100.00 in total. Call Maya R. (127 Pine 1B) first"), "{summary}");

    // `{}`, a limit and an earlier date.
    let (_, top) =
        json(app.post("/api/ai-delinquency-prioritizer", &org.key, &json!({"limit": 1, "as_of": "2026-04-30"})).await)
            .await;
    assert_eq!((&top["delinquent_leases"], &top["tenants"].as_array().unwrap().len()), (&json!(1), &1));
    assert_eq!(top["tenants"][0]["days_late"], 29);
    expect_field_error(app.post("/api/ai-delinquency-prioritizer", &org.key, &json!({"limit": 0})).await, "limit")
        .await;
    expect_field_error(app.post("/api/ai-delinquency-prioritizer", &org.key, &json!({"as_of": "May"})).await, "as_of")
        .await;
    expect_field_error(app.post("/api/ai-delinquency-prioritizer", &org.key, &json!({"top": 3})).await, "top").await;

    let other = app.org(Plan::Grow).await;
    let (_, none) = json(app.post("/api/ai-delinquency-prioritizer", &other.key, &json!({})).await).await;
    assert_eq!(
        (&none["tenants"], &none["summary"]),
        (&json!([]), &json!("No tenant owes rent: nothing to prioritize."))
    );
    let reader = app.key(&org.id, &["read:leases"]).await;
    let body =
        expect_error(app.post("/api/ai-delinquency-prioritizer", &reader, &json!({})).await, 403, "INSUFFICIENT_SCOPE")
            .await;
    assert!(body["error"].as_str().unwrap().contains("read:rent"));
}

#[tokio::test]
async fn a_configured_model_writes_the_summary_from_the_facts() {
    let (base, seen) = model_api(Model::Says("Call Maya first.")).await;
    let app = spawn_with(|s| with_model(s, &base)).await;
    app.clock().freeze_at(MAY_25);
    let org = app.org(Plan::Grow).await;
    portfolio(&app, &org).await;
    let (status, ranked) = json(app.post("/api/ai-delinquency-prioritizer", &org.key, &json!({})).await).await;
    assert_eq!(status, 200);
    assert_eq!((&ranked["summary"], &ranked["summary_source"]), (&json!("Call Maya first."), &json!("model")));
    let prompt = seen.lock().unwrap()[0].1["messages"][1]["content"].as_str().unwrap().to_owned();
    assert!(prompt.contains("Maya R.") && prompt.contains("\"days_late\": 54"), "{prompt}");
}

#[tokio::test]
async fn ten_calls_per_hour_then_429() {
    let app = spawn_app().await;
    app.clock().freeze_at(MAY_25);
    let org = app.org(Plan::Grow).await;
    for _ in 0..10 {
        assert_eq!(app.post("/api/ai-delinquency-prioritizer", &org.key, &json!({})).await.status(), 200);
    }
    let response = app.post("/api/ai-delinquency-prioritizer", &org.key, &json!({})).await;
    assert!(response.headers().contains_key("retry-after"));
    expect_error(response, 429, "RATE_LIMITED").await;
}
