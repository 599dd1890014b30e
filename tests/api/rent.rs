//! The rent ledger: the scheduler's charges (proration, idempotency, lateness and late fees,
//! `rent.late` once per charge), payments applied oldest first with `rent.paid` carrying
//! exactly the documented payload, credit, the CLI, and bad input, isolation and scopes.

use gable::jobs::run_rent;
use gable::vocab::date::Date;
use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_error, expect_field_error, json, spawn_app};
use crate::rentals_support::{household, lease_body, signed_lease};

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// 2026-03-10T12:00:00Z.
const MARCH_10: i64 = 1_773_144_000_000;

/// A signed lease from 2026-03-15, $1,825 due on the 1st, 5 grace days, late fee 5% capped at $50.
async fn march_lease(app: &TestApp, key: &str) -> Value {
    let (_, unit, maya) = household(app, key, "127 Pine", "1B", "Maya R.").await;
    let mut body = lease_body(unit["id"].as_str().unwrap(), &maya, "2026-03-15");
    body["late_fee"] = json!({"type": "percent", "amount": 5, "cap_usd": 50});
    signed_lease(app, key, &body).await
}

async fn charges(app: &TestApp, key: &str, lease_id: &str) -> Vec<Value> {
    let (status, list) = json(app.get(&format!("/api/rent-charges?lease_id={lease_id}"), key).await).await;
    assert_eq!(status, 200, "{list}");
    let mut list = list.as_array().unwrap().clone();
    list.sort_by_key(|c| c["period_label"].as_str().unwrap().to_owned());
    list
}

fn pay(lease_id: &str, amount: f64, paid_at: &str) -> Value {
    json!({"lease_id": lease_id, "amount_usd": amount, "paid_at": paid_at, "method": "ach"})
}

/// [`pay`] as a GraphQL input (camelCase, as every GraphQL name).
fn gql_pay(lease_id: &str, amount: f64, paid_at: &str) -> Value {
    json!({"leaseId": lease_id, "amountUsd": amount, "paidAt": paid_at, "method": "ach"})
}

#[tokio::test]
async fn the_scheduler_prorates_is_idempotent_and_charges_late_fees_once() {
    let app = spawn_app().await;
    app.clock().freeze_at(MARCH_10);
    let org = app.org(Plan::Grow).await;
    let lease = march_lease(&app, &org.key).await;
    let lease_id = lease["id"].as_str().unwrap();

    // Before the start date nothing is due.
    let summary = run_rent(&app.state, day("2026-03-14")).await.unwrap();
    assert_eq!((summary.charges_created, summary.charges_marked_late), (0, 0));

    let summary = run_rent(&app.state, day("2026-04-03")).await.unwrap();
    assert_eq!((summary.charges_created, summary.charges_marked_late, summary.late_fees_cents), (2, 1, 5_000));
    let list = charges(&app, &org.key, lease_id).await;
    let brief: Vec<Value> = list
        .iter()
        .map(|c| {
            json!([c["period_label"], c["due_date"], c["amount_usd"], c["late_fee_usd"], c["balance_usd"], c["status"]])
        })
        .collect();
    assert_eq!(
        brief,
        [
            // 17 of March's 31 days: $1,825 × 17 / 31 = $1,000.81; 5% is $50.04, capped at $50.
            json!(["2026-03", "2026-03-15", 1000.81, 50, 1050.81, "late"]),
            json!(["2026-04", "2026-04-01", 1825, 0, 1825, "open"]),
        ]
    );

    // Running again (same day or the same day twice) creates and marks nothing more.
    for _ in 0..2 {
        let again = run_rent(&app.state, day("2026-04-03")).await.unwrap();
        assert_eq!((again.charges_created, again.charges_marked_late), (0, 0));
    }
    assert_eq!(charges(&app, &org.key, lease_id).await.len(), 2);

    // April turns late after the 6th (due the 1st + 5 grace days): $1,825 × 5% = $91.25 → $50.
    let summary = run_rent(&app.state, day("2026-04-06")).await.unwrap();
    assert_eq!(summary.charges_marked_late, 0, "the last day of grace is not late yet");
    let summary = run_rent(&app.state, day("2026-04-07")).await.unwrap();
    assert_eq!(summary.charges_marked_late, 1);
    let late = app.events(&org.key, "rent.late").await;
    assert_eq!(late.len(), 2, "one rent.late per charge");
    let april = &charges(&app, &org.key, lease_id).await[1];
    assert_eq!(
        late[1]["data"],
        json!({"charge_id": april["id"], "lease_id": lease_id, "period_label": "2026-04", "due_date": "2026-04-01",
            "days_late": 6, "amount_usd": 1825, "late_fee_usd": 50, "balance_usd": 1875})
    );
    assert_eq!(run_rent(&app.state, day("2026-04-30")).await.unwrap().charges_marked_late, 0);
    assert_eq!(app.events(&org.key, "rent.late").await.len(), 2);
}

#[tokio::test]
async fn flat_fees_and_no_fees() {
    let app = spawn_app().await;
    app.clock().freeze_at(MARCH_10);
    let org = app.org(Plan::Grow).await;
    let (_, unit, maya) = household(&app, &org.key, "9 Oak", "2", "Sam").await;
    let mut body = lease_body(unit["id"].as_str().unwrap(), &maya, "2026-01-01");
    body["late_fee"] = json!({"type": "flat", "amount": 75, "cap_usd": 60});
    let capped = signed_lease(&app, &org.key, &body).await;
    let (_, unit2, sam) = household(&app, &org.key, "10 Oak", "3", "Lee").await;
    let free = signed_lease(&app, &org.key, &lease_body(unit2["id"].as_str().unwrap(), &sam, "2026-01-01")).await;
    let summary = run_rent(&app.state, day("2026-02-10")).await.unwrap();
    assert_eq!((summary.charges_created, summary.charges_marked_late, summary.late_fees_cents), (4, 4, 12_000));
    let capped = charges(&app, &org.key, capped["id"].as_str().unwrap()).await;
    assert_eq!(capped.iter().map(|c| c["late_fee_usd"].clone()).collect::<Vec<_>>(), [json!(60), json!(60)]);
    let free = charges(&app, &org.key, free["id"].as_str().unwrap()).await;
    assert_eq!(free.iter().map(|c| c["status"].clone()).collect::<Vec<_>>(), [json!("late"), json!("late")]);
    assert_eq!(free[0]["late_fee_usd"], 0);
}

#[tokio::test]
async fn termination_prorates_the_last_month_and_stops_charging() {
    let app = spawn_app().await;
    app.clock().freeze_at(MARCH_10);
    let org = app.org(Plan::Grow).await;
    let (_, unit, maya) = household(&app, &org.key, "127 Pine", "1B", "Maya R.").await;
    let lease = signed_lease(&app, &org.key, &lease_body(unit["id"].as_str().unwrap(), &maya, "2026-02-01")).await;
    let id = lease["id"].as_str().unwrap();
    // Terminated on 2026-03-10: March is 10 of 31 days.
    let (status, _) = json(app.post(&format!("/api/leases/{id}/terminate"), &org.key, &json!({})).await).await;
    assert_eq!(status, 200);
    run_rent(&app.state, day("2026-06-01")).await.unwrap();
    let list = charges(&app, &org.key, id).await;
    let amounts: Vec<(Value, Value)> =
        list.iter().map(|c| (c["period_label"].clone(), c["amount_usd"].clone())).collect();
    assert_eq!(amounts, [(json!("2026-02"), json!(1825)), (json!("2026-03"), json!(588.71))]);
    assert_eq!(run_rent(&app.state, day("2026-07-01")).await.unwrap().leases_checked, 0, "an ended lease is done");
}

#[tokio::test]
async fn payments_go_to_the_oldest_charges_and_the_rest_becomes_credit() {
    let app = spawn_app().await;
    app.clock().freeze_at(MARCH_10);
    let org = app.org(Plan::Grow).await;
    let lease = march_lease(&app, &org.key).await;
    let lease_id = lease["id"].as_str().unwrap();
    run_rent(&app.state, day("2026-05-01")).await.unwrap();
    // March $1,000.81 + $50 late, April $1,825 + $50 late, May $1,825 open.

    let (status, first) =
        json(app.post("/api/rent-payments", &org.key, &pay(lease_id, 2000.0, "2026-04-20")).await).await;
    assert_eq!(status, 201, "{first}");
    assert!(first["id"].as_str().unwrap().starts_with("rpay_"));
    assert_eq!((&first["applied_usd"], &first["credited_usd"]), (&json!(2000), &json!(0)));
    let list = charges(&app, &org.key, lease_id).await;
    let state: Vec<(Value, Value)> = list.iter().map(|c| (c["status"].clone(), c["balance_usd"].clone())).collect();
    assert_eq!(state, [(json!("paid"), json!(0)), (json!("late"), json!(925.81)), (json!("open"), json!(1825))]);
    assert_eq!(list[0]["paid_at"], "2026-04-20T00:00:00.000Z");

    // Exactly the documented payload, once.
    let paid = app.events(&org.key, "rent.paid").await;
    assert_eq!(paid.len(), 1);
    assert_eq!(
        paid[0]["data"],
        json!({"payment_id": first["id"], "lease_id": lease_id, "amount_usd": 1050.81, "period_label": "2026-03",
            "paid_at": "2026-04-20T00:00:00.000Z"})
    );

    // Over-payment: April and May paid, the rest is credit that pays June when it is charged.
    let (_, second) =
        json(app.post("/api/rent-payments", &org.key, &pay(lease_id, 4000.0, "2026-05-25T15:42:14Z")).await).await;
    assert_eq!((&second["applied_usd"], &second["credited_usd"]), (&json!(2750.81), &json!(1249.19)));
    let (_, lease_now) = json(app.get(&format!("/api/leases/{lease_id}"), &org.key).await).await;
    assert_eq!(lease_now["credit_usd"], 1249.19);
    let periods: Vec<Value> =
        app.events(&org.key, "rent.paid").await.iter().map(|e| e["data"]["period_label"].clone()).collect();
    assert_eq!(periods, [json!("2026-03"), json!("2026-04"), json!("2026-05")]);

    run_rent(&app.state, day("2026-06-01")).await.unwrap();
    let june = charges(&app, &org.key, lease_id).await.pop().unwrap();
    assert_eq!(
        (&june["period_label"], &june["paid_usd"], &june["balance_usd"], &june["status"]),
        (&json!("2026-06"), &json!(1249.19), &json!(575.81), &json!("open"))
    );
    let (_, lease_now) = json(app.get(&format!("/api/leases/{lease_id}"), &org.key).await).await;
    assert_eq!(lease_now["credit_usd"], 0);

    let (_, listed) = json(app.get(&format!("/api/rent-payments?lease_id={lease_id}"), &org.key).await).await;
    assert_eq!(listed, json!([second, first]));
    let (_, got) =
        json(app.get(&format!("/api/rent-payments/{}", first["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!(got, first);
    assert_eq!(app.events(&org.key, "rent_payment.recorded").await.len(), 2);
}

#[tokio::test]
async fn credit_pays_whole_periods_with_rent_paid() {
    let app = spawn_app().await;
    app.clock().freeze_at(MARCH_10);
    let org = app.org(Plan::Grow).await;
    let (_, unit, maya) = household(&app, &org.key, "127 Pine", "1B", "Maya R.").await;
    let lease = signed_lease(&app, &org.key, &lease_body(unit["id"].as_str().unwrap(), &maya, "2026-04-01")).await;
    let lease_id = lease["id"].as_str().unwrap();
    // Paid ahead, before anything was charged.
    let (_, ahead) = json(app.post("/api/rent-payments", &org.key, &pay(lease_id, 3650.0, "2026-03-10")).await).await;
    assert_eq!(ahead["credited_usd"], 3650);
    run_rent(&app.state, day("2026-05-01")).await.unwrap();
    let list = charges(&app, &org.key, lease_id).await;
    assert!(list.iter().all(|c| c["status"] == "paid"), "{list:?}");
    let paid = app.events(&org.key, "rent.paid").await;
    assert_eq!(paid.len(), 2);
    assert_eq!(
        paid[0]["data"],
        json!({"payment_id": ahead["id"], "lease_id": lease_id, "amount_usd": 1825, "period_label": "2026-04",
            "paid_at": "2026-03-10T00:00:00.000Z"})
    );
}

#[tokio::test]
async fn bad_input_isolation_and_scopes() {
    let app = spawn_app().await;
    app.clock().freeze_at(MARCH_10);
    let org = app.org(Plan::Grow).await;
    let lease = march_lease(&app, &org.key).await;
    let lease_id = lease["id"].as_str().unwrap();
    run_rent(&app.state, day("2026-04-01")).await.unwrap();
    let before = app.event_count(&org.key).await;
    for (body, field) in [
        (pay(lease_id, 0.0, "2026-04-01"), "amount_usd"),
        (pay(lease_id, 10.001, "2026-04-01"), "amount_usd"),
        (pay(lease_id, 10.0, "soon"), "paid_at"),
        (json!({"lease_id": lease_id, "amount_usd": 10, "paid_at": "2026-04-01", "method": "barter"}), "method"),
        (json!({"lease_id": 12, "amount_usd": 10, "paid_at": "2026-04-01", "method": "ach"}), "lease_id"),
        (json!({"lease_id": lease_id, "amount_usd": 10, "paid_at": "2026-04-01", "method": "ach", "tip": 1}), "tip"),
    ] {
        expect_field_error(app.post("/api/rent-payments", &org.key, &body).await, field).await;
    }
    let body = expect_error(
        app.post("/api/rent-payments", &org.key, &pay("lease_nope", 10.0, "2026-04-01")).await,
        404,
        "NOT_FOUND",
    )
    .await;
    assert_eq!(body["field"], "lease_id");
    assert_eq!(app.event_count(&org.key).await, before, "nothing written");

    let other = app.org(Plan::Grow).await;
    let body = expect_error(
        app.post("/api/rent-payments", &other.key, &pay(lease_id, 10.0, "2026-04-01")).await,
        404,
        "NOT_FOUND",
    )
    .await;
    assert_eq!(body["field"], "lease_id");
    let (_, theirs) = json(app.get("/api/rent-charges", &other.key).await).await;
    assert_eq!(theirs, json!([]));
    let charge = &charges(&app, &org.key, lease_id).await[0];
    expect_error(
        app.get(&format!("/api/rent-charges/{}", charge["id"].as_str().unwrap()), &other.key).await,
        404,
        "NOT_FOUND",
    )
    .await;
    let (status, got) =
        json(app.get(&format!("/api/rent-charges/{}", charge["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!((status, &got), (200, charge));
    let (_, late) = json(app.get("/api/rent-charges?status=late", &org.key).await).await;
    assert_eq!(late.as_array().unwrap().len(), 1);
    expect_field_error(app.get("/api/rent-charges?status=overdue", &org.key).await, "status").await;

    let reader = app.key(&org.id, &["read:rent"]).await;
    assert_eq!(app.get("/api/rent-charges", &reader).await.status(), 200);
    assert_eq!(app.get("/v1/rent-payments", &reader).await.status(), 200);
    let body = expect_error(
        app.post("/api/rent-payments", &reader, &pay(lease_id, 10.0, "2026-04-01")).await,
        403,
        "INSUFFICIENT_SCOPE",
    )
    .await;
    assert!(body["error"].as_str().unwrap().contains("write:rent"));
    let leases_only = app.key(&org.id, &["read:leases"]).await;
    expect_error(app.get("/api/rent-charges", &leases_only).await, 403, "INSUFFICIENT_SCOPE").await;
    let starter = app.org(Plan::Starter).await;
    expect_error(app.get("/api/rent-charges", &starter.key).await, 403, "PLAN_UPGRADE_REQUIRED").await;
}

#[tokio::test]
async fn dates_in_bodies_are_in_the_documented_years_and_a_backdated_lease_catches_up_in_bounded_runs() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (_, unit, maya) = household(&app, &org.key, "127 Pine", "1B", "Maya R.").await;
    let unit_id = unit["id"].as_str().unwrap();
    let today = Date::of_ms(app.clock().now_ms());
    let year = today.to_string()[..4].parse::<i32>().unwrap();

    // A lease from year 1 would have made 24,000 charges in one run: refused, naming the field.
    // The years are the OpenAPI document's (`pattern` of `Date`): 2000 to 2099.
    for start in ["0001-01-01", "1999-12-31", "2100-01-01"] {
        let body = expect_field_error(
            app.post("/api/leases", &org.key, &lease_body(unit_id, &maya, start)).await,
            "start_date",
        )
        .await;
        assert!(body["error"].as_str().unwrap().contains("in the years 2000 to 2099"), "{body}");
    }
    // The date as written counts, not its UTC instant: late on 31 December 2099 at UTC-5 is in.
    // (The body lacks other fields; what matters is that the date is not the one refused.)
    let (_, refused) =
        json(app.post("/api/showings", &org.key, &json!({"scheduledAt": "2099-12-31T23:00:00-05:00"})).await).await;
    assert_ne!(refused["field"], "scheduledAt", "the year is read as written: {refused}");
    let mut far_end = lease_body(unit_id, &maya, "2026-03-15");
    far_end["end_date"] = json!("9999-12-31");
    expect_field_error(app.post("/api/leases", &org.key, &far_end).await, "end_date").await;
    expect_field_error(
        app.post("/api/showings", &org.key, &json!({"scheduledAt": "2200-01-01T10:00:00Z"})).await,
        "scheduledAt",
    )
    .await;
    let (status, leases) = json(app.get("/api/leases", &org.key).await).await;
    assert_eq!((status, leases), (200, json!([])), "nothing was written");
    // Filters are not held to the range: they harm nothing.
    assert_eq!(app.get("/api/showings?from=1970-01-01T00:00:00Z", &org.key).await.status(), 200);

    // Backdated ten years: each run charges at most 24 months; run_rent runs until caught up.
    let start = format!("{}-{}-01", year - 10, &today.to_string()[5..7]);
    let lease = signed_lease(&app, &org.key, &lease_body(unit_id, &maya, &start)).await;
    let summary = run_rent(&app.state, today).await.unwrap();
    assert_eq!(summary.charges_created, 121, "ten years and this month");
    assert_eq!(summary.leases_behind, 0);
    let lease_id = lease["id"].as_str().unwrap();
    let (_, first) = json(app.get(&format!("/api/rent-charges?lease_id={lease_id}&limit=100"), &org.key).await).await;
    assert_eq!(first.as_array().unwrap().len(), 100, "(the newest hundred)");
    assert_eq!(run_rent(&app.state, today).await.unwrap().charges_created, 0, "idempotent");
}

/// The ledger is registered with the engine verb by verb: GraphQL reads charges and payments
/// and records a payment through the same rules and events as REST, and offers no update or
/// delete for either.
#[tokio::test]
async fn graphql_reads_the_ledger_and_records_payments_like_rest() {
    let app = spawn_app().await;
    app.clock().freeze_at(MARCH_10);
    let org = app.org(Plan::Grow).await;
    let lease = march_lease(&app, &org.key).await;
    let lease_id = lease["id"].as_str().unwrap();
    run_rent(&app.state, day("2026-04-01")).await.unwrap();

    let gql = |query: &str, variables: Value| {
        let body = json!({"query": query, "variables": variables});
        let app = &app;
        let key = org.key.clone();
        async move { json(app.post("/graphql", &key, &body).await).await.1 }
    };
    let recorded = gql(
        "mutation($input: CreateRentPaymentInput!) { createRentPayment(input: $input) { id appliedUsd } }",
        json!({"input": gql_pay(lease_id, 500.0, "2026-04-02")}),
    )
    .await;
    assert!(recorded.get("errors").is_none(), "{recorded}");
    assert_eq!(recorded["data"]["createRentPayment"]["appliedUsd"], 500);
    assert_eq!(app.events(&org.key, "rent_payment.recorded").await.len(), 1);

    let read = gql(
        "query($lease: ID) { rentCharges(leaseId: $lease) { periodLabel paidUsd } rentPayments { id } }",
        json!({"lease": lease_id}),
    )
    .await;
    assert!(read.get("errors").is_none(), "{read}");
    // Newest first: April is still open, March has the payment.
    assert_eq!(read["data"]["rentCharges"][1]["paidUsd"], 500, "{read}");
    assert_eq!(read["data"]["rentPayments"][0]["id"], recorded["data"]["createRentPayment"]["id"]);

    let refused = gql("mutation { rentCharge: deleteRentCharge(id: \"chg_1\") { id } }", json!({})).await;
    assert!(refused["errors"][0]["message"].as_str().is_some_and(|m| m.contains("deleteRentCharge")), "{refused}");
    let bad = gql(
        "mutation($input: CreateRentPaymentInput!) { createRentPayment(input: $input) { id } }",
        json!({"input": gql_pay(lease_id, 0.0, "2026-04-02")}),
    )
    .await;
    assert_eq!(bad["errors"][0]["extensions"]["field"], "amountUsd", "GraphQL's name for it: {bad}");
}
