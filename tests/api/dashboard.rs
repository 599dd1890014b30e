//! The dashboard: occupancy, rent charged and collected this month, AR by bucket, open work
//! orders, expenses and NOI — every figure checked on a small known portfolio.

use gable::jobs::run_rent;
use gable::vocab::date::Date;
use gable::vocab::plan::Plan;
use serde_json::json;

use crate::helpers::{expect_error, json, spawn_app};
use crate::rentals_support::{lease_body, property, signed_lease, tenant, unit};

/// 2026-05-25T12:00:00Z.
const MAY_25: i64 = 1_779_710_400_000;

#[tokio::test]
async fn the_month_at_a_glance() {
    let app = spawn_app().await;
    app.clock().freeze_at(MAY_25);
    let org = app.org(Plan::Grow).await;
    let key = &org.key;
    let pine = property(&app, key, "127 Pine").await;
    let a = unit(&app, key, &pine, "1A").await;
    let b = unit(&app, key, &pine, "1B").await;
    let c = unit(&app, key, &pine, "2A").await;
    let _vacant = unit(&app, key, &pine, "2B").await;
    let maya = tenant(&app, key, "Maya R.").await;
    let sam = tenant(&app, key, "Sam K.").await;
    let lee = tenant(&app, key, "Lee W.").await;
    let l1 = signed_lease(&app, key, &lease_body(a["id"].as_str().unwrap(), &maya, "2026-04-01")).await;
    signed_lease(&app, key, &lease_body(b["id"].as_str().unwrap(), &sam, "2026-04-01")).await;
    signed_lease(&app, key, &lease_body(c["id"].as_str().unwrap(), &lee, "2026-05-01")).await;
    run_rent(&app.state, Date::parse("2026-05-25").unwrap()).await.unwrap();
    // Charged: April $1,825 × 2 (late: no fee policy), May $1,825 × 3.
    let pay = json!({"lease_id": l1["id"], "amount_usd": 3650, "paid_at": "2026-05-03", "method": "ach"});
    assert_eq!(app.post("/api/rent-payments", key, &pay).await.status(), 201);
    let april = json!({"lease_id": l1["id"], "amount_usd": 1, "paid_at": "2026-04-30T23:59:59Z", "method": "cash"});
    assert_eq!(app.post("/api/rent-payments", key, &april).await.status(), 201);

    let expense = |category: &str, amount: f64, paid_on: &str| {
        json!({"action": "add_entry", "property_id": pine, "category_id": category, "label": "x",
            "amount_usd": amount, "paid_on": paid_on})
    };
    app.create("/api/expenses", key, &expense("repairs", 380.0, "2026-05-14")).await;
    app.create("/api/expenses", key, &expense("capital_improvements", 5000.0, "2026-05-02")).await;
    app.create("/api/expenses", key, &expense("utilities", 99.0, "2026-04-30")).await;
    let order = json!({"property_id": pine, "unit_id": a["id"], "title": "Leak", "priority": "high"});
    app.create("/api/work-orders", key, &order).await;
    let done = app.create("/api/work-orders", key, &order).await;
    let (status, _) =
        json(app.post(&format!("/api/work-orders/{}/complete", done["id"].as_str().unwrap()), key, &json!({})).await)
            .await;
    assert_eq!(status, 200);

    let (status, dashboard) = json(app.get("/api/dashboard", key).await).await;
    assert_eq!(status, 200, "{dashboard}");
    assert_eq!(
        dashboard,
        json!({
            "as_of": "2026-05-25", "month": "2026-05",
            "occupancy": {"units": 4, "occupied": 3, "rate": 0.75},
            "rent_charged_usd": 5475, "rent_collected_usd": 3650,
            // Sam: April (54 days) and May (24 days); Lee: May; Maya paid both.
            "outstanding_ar": {"0-30": 3650, "31-60": 1825, "61-90": 0, "90+": 0, "total": 5475},
            "open_work_orders": 1, "expenses_usd": 5380, "operating_expenses_usd": 380, "noi_usd": 3270
        })
    );
    let (_, april) = json(app.get("/v1/dashboard?as_of=2026-04-30", key).await).await;
    assert_eq!(
        (&april["rent_charged_usd"], &april["rent_collected_usd"], &april["expenses_usd"]),
        (&json!(3650), &json!(1), &json!(99))
    );
    let (_, aging) = json(app.get("/api/ar-aging", key).await).await;
    assert_eq!(aging["totals"], dashboard["outstanding_ar"], "the dashboard and AR aging agree");

    let other = app.org(Plan::Grow).await;
    let (_, empty) = json(app.get("/api/dashboard?as_of=2026-05-25", &other.key).await).await;
    assert_eq!(empty["occupancy"], json!({"units": 0, "occupied": 0, "rate": 0.0}));
    assert_eq!(empty["noi_usd"], 0);
    let reader = app.key(&org.id, &["read:rent"]).await;
    let body = expect_error(app.get("/api/dashboard", &reader).await, 403, "INSUFFICIENT_SCOPE").await;
    assert!(body["error"].as_str().unwrap().contains("read:dashboard"));
    let ok = app.key(&org.id, &["read:dashboard"]).await;
    assert_eq!(app.get("/api/dashboard", &ok).await.status(), 200);
}
