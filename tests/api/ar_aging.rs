//! AR aging: the documented shape, and the worked scenario — charges 10, 45, 75 and 120 days
//! past due, partial payments, a late fee and a payment plan — checked row by row and to the
//! cent in every bucket.

use gable::jobs::run_rent;
use gable::vocab::date::Date;
use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_error, expect_field_error, json, spawn_app};
use crate::rentals_support::{property, signed_lease, tenant, unit};

/// 2026-06-30T12:00:00Z.
const JUNE_30: i64 = 1_782_820_800_000;

/// A one-month lease: unit label, tenant name, month, due day, rent, late fee.
struct OneMonth<'a>(&'a str, &'a str, &'a str, u32, f64, Value);

/// Signs a one-month lease of a new unit of `property_id`: one charge, due on its due day.
async fn one_month(
    app: &TestApp,
    key: &str,
    property_id: &str,
    OneMonth(label, name, month, due_day, rent, late_fee): OneMonth<'_>,
) -> String {
    let unit = unit(app, key, property_id, label).await;
    let tenant = tenant(app, key, name).await;
    let start = Date::parse(&format!("{month}-01")).unwrap();
    let body = json!({"unit_id": unit["id"], "tenant_ids": [tenant], "start_date": start, "end_date": start.month_end(),
        "monthly_rent_usd": rent, "due_day": due_day, "grace_days": 5, "late_fee": late_fee});
    signed_lease(app, key, &body).await["id"].as_str().unwrap().to_owned()
}

async fn pay(app: &TestApp, key: &str, lease_id: &str, amount: f64) -> Value {
    let body = json!({"lease_id": lease_id, "amount_usd": amount, "paid_at": "2026-06-15", "method": "check"});
    let (status, payment) = json(app.post("/api/rent-payments", key, &body).await).await;
    assert_eq!(status, 201, "{payment}");
    payment
}

#[tokio::test]
async fn the_worked_scenario_to_the_cent() {
    let app = spawn_app().await;
    app.clock().freeze_at(JUNE_30);
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let oak = property(&app, &org.key, "9 Oak").await;
    // Due 2026-06-20 (10 days before June 30), 05-16 (45), 04-16 (75) and 03-02 (120).
    let ten = one_month(&app, &org.key, &pine, OneMonth("1A", "Ada L.", "2026-06", 20, 1000.0, json!(null))).await;
    let forty_five =
        one_month(&app, &org.key, &pine, OneMonth("1B", "Maya R.", "2026-05", 16, 1825.0, json!(null))).await;
    let seventy_five = one_month(
        &app,
        &org.key,
        &pine,
        OneMonth("2A", "Sam K.", "2026-04", 16, 1500.0, json!({"type": "percent", "amount": 5})),
    )
    .await;
    let one_twenty = one_month(
        &app,
        &org.key,
        &oak,
        OneMonth("3", "Lee W.", "2026-03", 2, 1200.0, json!({"type": "flat", "amount": 50})),
    )
    .await;
    let summary = run_rent(&app.state, Date::parse("2026-06-30").unwrap()).await.unwrap();
    assert_eq!((summary.charges_created, summary.charges_marked_late), (4, 4));

    // Partial payments: $825.50 of Maya's $1,825; $300 of Sam's $1,575 ($1,500 + 5%), on a plan.
    pay(&app, &org.key, &forty_five, 825.5).await;
    // Sam is on a payment plan for the rest ($787.50 × 2), and pays the first $300 toward it.
    let plan = json!({"lease_id": seventy_five, "installments": [
        {"due_date": "2026-07-01", "amount_usd": 787.5}, {"due_date": "2026-08-01", "amount_usd": 787.5}]});
    let plan = app.create("/api/payment-plans", &org.key, &plan).await;
    let plan_id = plan["id"].as_str().unwrap();
    let (status, _) = json(app.post(&format!("/api/payment-plans/{plan_id}/accept"), &org.key, &json!({})).await).await;
    assert_eq!(status, 200);
    let body = json!({"lease_id": seventy_five, "amount_usd": 300, "paid_at": "2026-06-15", "method": "ach",
        "payment_plan_id": plan_id});
    assert_eq!(app.post("/api/rent-payments", &org.key, &body).await.status(), 201);
    let (_, plan) = json(app.get(&format!("/api/payment-plans/{plan_id}"), &org.key).await).await;
    assert_eq!(
        (&plan["status"], &plan["total_usd"], &plan["paid_usd"], &plan["remaining_usd"]),
        (&json!("accepted"), &json!(1575), &json!(300), &json!(1275))
    );
    let _ = (ten, one_twenty);

    let (status, aging) = json(app.get("/api/ar-aging?as_of=2026-06-30", &org.key).await).await;
    assert_eq!(status, 200, "{aging}");
    let rows: Vec<Value> = aging["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            json!([r["tenant_name"], r["property_name"], r["unit_label"], r["amount"], r["due_date"], r["days_late"]])
        })
        .collect();
    assert_eq!(
        rows,
        [
            json!(["Lee W.", "9 Oak", "3", 1250, "2026-03-02", 120]),
            json!(["Sam K.", "127 Pine", "2A", 1275, "2026-04-16", 75]),
            json!(["Maya R.", "127 Pine", "1B", 999.5, "2026-05-16", 45]),
            json!(["Ada L.", "127 Pine", "1A", 1000, "2026-06-20", 10]),
        ]
    );
    assert_eq!(aging["totals"], json!({"0-30": 1000, "31-60": 999.5, "61-90": 1275, "90+": 1250, "total": 4524.5}));
    for row in aging["rows"].as_array().unwrap() {
        assert_eq!(row.as_object().unwrap().len(), 7, "exactly the documented fields: {row}");
        assert!(row["payment_id"].as_str().unwrap().starts_with("chg_"));
    }

    // By property, and as of an earlier date (charges not yet due then are left out).
    let (_, oak_only) =
        json(app.get(&format!("/api/ar-aging?as_of=2026-06-30&property_id={oak}"), &org.key).await).await;
    assert_eq!(oak_only["totals"], json!({"0-30": 0, "31-60": 0, "61-90": 0, "90+": 1250, "total": 1250}));
    let (_, earlier) = json(app.get("/api/ar-aging?as_of=2026-05-31", &org.key).await).await;
    assert_eq!(earlier["totals"], json!({"0-30": 999.5, "31-60": 1275, "61-90": 1250, "90+": 0, "total": 3524.5}));
    // Default: today on the server's clock.
    let (_, today) = json(app.get("/api/ar-aging", &org.key).await).await;
    assert_eq!(today, aging);
}

#[tokio::test]
async fn documented_shape_when_nothing_is_owed_and_bad_input() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (status, aging) = json(app.get("/v1/ar-aging", &org.key).await).await;
    assert_eq!(status, 200);
    assert_eq!(aging, json!({"rows": [], "totals": {"0-30": 0, "31-60": 0, "61-90": 0, "90+": 0, "total": 0}}));
    expect_field_error(app.get("/api/ar-aging?as_of=June", &org.key).await, "as_of").await;
    let body = expect_error(app.get("/api/ar-aging?property_id=prop_nope", &org.key).await, 404, "NOT_FOUND").await;
    assert_eq!(body["field"], "property_id");
    let other = app.org(Plan::Grow).await;
    let theirs = property(&app, &other.key, "Theirs").await;
    expect_error(app.get(&format!("/api/ar-aging?property_id={theirs}"), &org.key).await, 404, "NOT_FOUND").await;
    let reader = app.key(&org.id, &["read:tenants"]).await;
    let body = expect_error(app.get("/api/ar-aging", &reader).await, 403, "INSUFFICIENT_SCOPE").await;
    assert!(body["error"].as_str().unwrap().contains("read:rent"));
}
