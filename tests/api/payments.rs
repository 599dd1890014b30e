//! Payments (Aura: "List payments - Retrieve payment records", "Get payment"): the documented
//! calls, the commission, the status machine and its events, filters, validation, the contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_conflict, expect_error, expect_field_error, json, spawn_app};

/// 2025-01-15T10:30:00Z
const NOW_MS: i64 = 1_736_937_000_000;

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

/// A member earning `rate` percent, in the organization of `key`.
async fn member(app: &TestApp, key: &str, rate: f64) -> String {
    id(&app.create("/api/team", key, &json!({"name": "Ava Stone", "commissionRate": rate})).await)
}

/// The event types written since the organization had `skip` events, oldest first.
async fn event_types(app: &TestApp, key: &str, skip: usize) -> Vec<String> {
    let (_, events) = json(app.get("/api/events?limit=100", key).await).await;
    let mut types: Vec<String> =
        events.as_array().unwrap().iter().rev().map(|e| e["type"].as_str().unwrap().to_owned()).collect();
    types.drain(..skip);
    types
}

#[tokio::test]
async fn documented_list_and_get() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = member(&app, &org.key, 2.5).await;
    let created = app
        .create(
            "/api/payments",
            &org.key,
            &json!({"amount": 1234.57, "status": "succeeded", "teamMemberId": ava,
                                                     "description": "Premium Listing Package"}),
        )
        .await;
    assert!(id(&created).starts_with("pay_"), "{created}");

    let (status, list) = json(app.get("/v1/payments", &org.key).await).await;
    assert_eq!((status, list), (200, json!([created.clone()])));
    let (status, one) = json(app.get(&format!("/v1/payments/{}", id(&created)), &org.key).await).await;
    assert_eq!((status, &one), (200, &created));
    assert_eq!(one["amount"], 1234.57);
    assert_eq!(one["currency"], "USD");
    assert_eq!(one["status"], "succeeded");
    assert_eq!(one["commissionAmount"], 30.86);
    assert!(one["paidAt"].is_string(), "{one}");
    for field in ["productId", "contactId"] {
        assert_eq!(one[field], Value::Null, "{field}");
    }
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let ava = member(&app, &org.key, 2.5).await;
        let product = app.create("/api/products", &org.key, &json!({"name": "Package", "price": 1234.57})).await;
        let contact = app.create("/api/contacts", &org.key, &json!({"firstName": "John", "lastName": "Smith"})).await;
        let spec = Spec {
            path: "/api/payments",
            scope: "payments",
            event: "payment",
            create: json!({"amount": 1234.57, "currency": "USD", "description": "Premium Listing Package",
                           "productId": id(&product), "contactId": id(&contact), "teamMemberId": ava}),
            update: json!({"amount": 1500, "description": "Package, with staging"}),
            string_field: "description",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn commission_is_the_members_rate_rounded_to_the_cent() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    for (rate, amount, commission) in [
        (2.5, json!(1234.57), json!(30.86)),
        (2.5, json!(1000), json!(25)),
        (3.333, json!(100), json!(3.33)),
        (12.5, json!(0.04), json!(0.01)),
        (12.5, json!(0.03), json!(0)),
        (0.0, json!(5000), json!(0)),
        (100.0, json!(99.99), json!(99.99)),
    ] {
        let m = member(&app, &org.key, rate).await;
        let payment = app.create("/api/payments", &org.key, &json!({"amount": amount, "teamMemberId": m})).await;
        assert_eq!(payment["commissionAmount"], commission, "{rate}% of {amount}");
    }
    let alone = app.create("/api/payments", &org.key, &json!({"amount": 10})).await;
    assert_eq!(alone["commissionAmount"], Value::Null, "no member, no commission");
}

#[tokio::test]
async fn commission_follows_amount_and_member_and_is_not_settable() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = member(&app, &org.key, 2.5).await;
    let ben = member(&app, &org.key, 5.0).await;
    let payment = app.create("/api/payments", &org.key, &json!({"amount": 1234.57, "teamMemberId": ava})).await;
    let path = format!("/api/payments/{}", id(&payment));

    let (_, changed) = json(app.patch(&path, &org.key, &json!({"amount": 2000})).await).await;
    assert_eq!(changed["commissionAmount"], 50, "2.5% of the new amount");
    let (_, changed) = json(app.patch(&path, &org.key, &json!({"teamMemberId": ben})).await).await;
    assert_eq!(changed["commissionAmount"], 100, "5% for the new member");

    // A later change of the member's rate does not rewrite past commissions.
    app.patch(&format!("/api/team/{ben}"), &org.key, &json!({"commissionRate": 10})).await;
    let (_, kept) = json(app.patch(&path, &org.key, &json!({"description": "renamed"})).await).await;
    assert_eq!(kept["commissionAmount"], 100);
    let (_, unassigned) = json(app.patch(&path, &org.key, &json!({"teamMemberId": null})).await).await;
    assert_eq!(unassigned["commissionAmount"], Value::Null);

    let before = app.event_count(&org.key).await;
    expect_field_error(
        app.post("/api/payments", &org.key, &json!({"amount": 10, "commissionAmount": 1})).await,
        "commissionAmount",
    )
    .await;
    expect_field_error(app.patch(&path, &org.key, &json!({"commissionAmount": 1})).await, "commissionAmount").await;
    assert_eq!(app.event_count(&org.key).await, before);
    let (_, after) = json(app.get(&path, &org.key).await).await;
    assert_eq!(after, unassigned);
}

#[tokio::test]
async fn each_status_transition_writes_its_event_once() {
    let app = spawn_app().await;
    app.clock().freeze_at(NOW_MS);
    let org = app.org(Plan::Grow).await;

    let payment = app.create("/api/payments", &org.key, &json!({"amount": 100})).await;
    assert_eq!((payment["status"].clone(), payment["paidAt"].clone()), (json!("pending"), Value::Null));
    assert_eq!(event_types(&app, &org.key, 0).await, ["payment.created"]);
    let path = format!("/api/payments/{}", id(&payment));

    app.clock().advance(std::time::Duration::from_secs(60));
    let (status, paid) = json(app.patch(&path, &org.key, &json!({"status": "succeeded"})).await).await;
    assert_eq!(status, 200, "{paid}");
    assert_eq!(paid["paidAt"], "2025-01-15T10:31:00.000Z", "paidAt is now when it succeeds");
    assert_eq!(event_types(&app, &org.key, 1).await, ["payment.updated", "payment.succeeded"]);
    let succeeded = app.events(&org.key, "payment.succeeded").await;
    assert_eq!(succeeded[0]["data"], paid);

    let (status, _) = json(app.patch(&path, &org.key, &json!({"status": "succeeded"})).await).await;
    assert_eq!(status, 200);
    assert_eq!(app.event_count(&org.key).await, 3, "staying succeeded writes nothing");

    let (_, refunded) = json(app.patch(&path, &org.key, &json!({"status": "refunded"})).await).await;
    assert_eq!(refunded["paidAt"], paid["paidAt"], "a refund keeps when it was paid");
    assert_eq!(event_types(&app, &org.key, 3).await, ["payment.updated", "payment.refunded"]);

    // Created failed, retried, then paid with a given paidAt.
    let failed = app.create("/api/payments", &org.key, &json!({"amount": 50, "status": "failed"})).await;
    assert_eq!(event_types(&app, &org.key, 5).await, ["payment.created", "payment.failed"]);
    let path = format!("/api/payments/{}", id(&failed));
    app.patch(&path, &org.key, &json!({"status": "pending"})).await;
    assert_eq!(event_types(&app, &org.key, 7).await, ["payment.updated"]);
    let (_, paid) =
        json(app.patch(&path, &org.key, &json!({"status": "succeeded", "paidAt": "2025-01-14T08:00:00Z"})).await).await;
    assert_eq!(paid["paidAt"], "2025-01-14T08:00:00.000Z");
    assert_eq!(event_types(&app, &org.key, 8).await, ["payment.updated", "payment.succeeded"]);

    // Created succeeded: paid now, and its event.
    let direct = app.create("/api/payments", &org.key, &json!({"amount": 75, "status": "succeeded"})).await;
    assert_eq!(direct["paidAt"], "2025-01-15T10:31:00.000Z");
    assert_eq!(event_types(&app, &org.key, 10).await, ["payment.created", "payment.succeeded"]);

    for (kind, n) in [
        ("payment.created", 3),
        ("payment.updated", 4),
        ("payment.succeeded", 3),
        ("payment.refunded", 1),
        ("payment.failed", 1),
    ] {
        assert_eq!(app.events(&org.key, kind).await.len(), n, "{kind}");
    }
}

#[tokio::test]
async fn refunds_only_after_success_and_other_forbidden_moves() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let create = |status: &'static str| {
        let app = &app;
        let key = org.key.clone();
        async move {
            let payment = app.create("/api/payments", &key, &json!({"amount": 10, "status": status})).await;
            format!("/api/payments/{}", id(&payment))
        }
    };
    let pending = create("pending").await;
    let failed = create("failed").await;
    let succeeded = create("succeeded").await;
    let refunded = create("succeeded").await;
    app.patch(&refunded, &org.key, &json!({"status": "refunded"})).await;
    let before = app.event_count(&org.key).await;

    for (path, to) in [
        (&pending, "refunded"),
        (&failed, "refunded"),
        (&succeeded, "pending"),
        (&succeeded, "failed"),
        (&refunded, "succeeded"),
        (&refunded, "pending"),
        (&refunded, "failed"),
    ] {
        // A valid body the payment's state refuses: 409, naming the field.
        let body = expect_error(app.patch(path, &org.key, &json!({"status": to})).await, 409, "INVALID_STATE").await;
        assert_eq!(body["field"], "status", "{body}");
        assert!(body["error"].as_str().unwrap().contains(to), "{body}");
    }
    expect_field_error(
        app.post("/api/payments", &org.key, &json!({"amount": 10, "status": "refunded"})).await,
        "status",
    )
    .await;
    assert_eq!(app.event_count(&org.key).await, before, "refused moves write nothing");
    let (_, still) = json(app.get(&pending, &org.key).await).await;
    assert_eq!(still["status"], "pending");
}

#[tokio::test]
async fn paid_at_belongs_to_paid_payments() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let at = "2025-01-10T12:00:00Z";
    expect_field_error(app.post("/api/payments", &org.key, &json!({"amount": 10, "paidAt": at})).await, "paidAt").await;
    expect_field_error(
        app.post("/api/payments", &org.key, &json!({"amount": 10, "status": "failed", "paidAt": at})).await,
        "paidAt",
    )
    .await;
    let given =
        app.create("/api/payments", &org.key, &json!({"amount": 10, "status": "succeeded", "paidAt": at})).await;
    assert_eq!(given["paidAt"], "2025-01-10T12:00:00.000Z");
    let path = format!("/api/payments/{}", id(&given));
    expect_field_error(app.patch(&path, &org.key, &json!({"paidAt": null})).await, "paidAt").await;
    let (_, moved) = json(app.patch(&path, &org.key, &json!({"paidAt": "2025-01-11"})).await).await;
    assert_eq!(moved["paidAt"], "2025-01-11T00:00:00.000Z");
    // Sent alone, `paidAt` meets the stored status: a pending payment refuses it with a 409;
    // sent with a status that is not paid, the body contradicts itself: a 400.
    let pending = app.create("/api/payments", &org.key, &json!({"amount": 10})).await;
    let pending_path = format!("/api/payments/{}", id(&pending));
    expect_conflict(app.patch(&pending_path, &org.key, &json!({"paidAt": at})).await, "INVALID_STATE", "paidAt").await;
    expect_field_error(app.patch(&pending_path, &org.key, &json!({"paidAt": at, "status": "failed"})).await, "paidAt")
        .await;
}

#[tokio::test]
async fn settled_payments_cannot_be_deleted() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let paid = app.create("/api/payments", &org.key, &json!({"amount": 10, "status": "succeeded"})).await;
    let path = format!("/api/payments/{}", id(&paid));
    let before = app.event_count(&org.key).await;
    expect_error(app.delete(&path, &org.key).await, 409, "PAYMENT_SETTLED").await;
    app.patch(&path, &org.key, &json!({"status": "refunded"})).await;
    expect_error(app.delete(&path, &org.key).await, 409, "PAYMENT_SETTLED").await;
    assert_eq!(app.event_count(&org.key).await, before + 2, "only the refund's two events");
    let failed = app.create("/api/payments", &org.key, &json!({"amount": 10, "status": "failed"})).await;
    let (status, _) = json(app.delete(&format!("/api/payments/{}", id(&failed)), &org.key).await).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn bad_values_name_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let base = || json!({"amount": 1234.57, "currency": "USD", "status": "pending", "description": "d"});
    let with = |field: &str, value: Value| {
        let mut body = base();
        body[field] = value;
        body
    };
    for (body, field) in [
        (json!({"currency": "USD"}), "amount"),
        (with("amount", json!(0)), "amount"),
        (with("amount", json!(-10)), "amount"),
        (with("amount", json!("10")), "amount"),
        (with("amount", json!(10.001)), "amount"),
        (with("amount", Value::Null), "amount"),
        (with("currency", json!("dollars")), "currency"),
        (with("currency", json!("usd")), "currency"),
        (with("currency", json!(1)), "currency"),
        (with("status", json!("paid")), "status"),
        (with("status", json!(1)), "status"),
        (with("description", json!("d".repeat(10_001))), "description"),
        (with("description", json!(["d"])), "description"),
        (with("productId", json!(1)), "productId"),
        (with("paidAt", json!("soon")), "paidAt"),
        (with("commissionAmount", json!(5)), "commissionAmount"),
    ] {
        expect_field_error(app.post("/api/payments", &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 0);
    let created = app.create("/api/payments", &org.key, &base()).await;
    let path = format!("/api/payments/{}", id(&created));
    for (body, field) in [
        (json!({"amount": null}), "amount"),
        (json!({"amount": 0}), "amount"),
        (json!({"currency": null}), "currency"),
        (json!({"status": null}), "status"),
        (json!({"status": "void"}), "status"),
    ] {
        expect_field_error(app.patch(&path, &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 1);
}

#[tokio::test]
async fn references_must_exist_in_the_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let their_member = member(&app, &other.key, 2.5).await;
    let their_product = id(&app.create("/api/products", &other.key, &json!({"name": "P", "price": 1})).await);
    let their_contact = id(&app.create("/api/contacts", &other.key, &json!({"firstName": "T", "lastName": "C"})).await);
    for (field, value) in
        [("teamMemberId", &their_member), ("productId", &their_product), ("contactId", &their_contact)]
    {
        let error = expect_error(
            app.post("/api/payments", &org.key, &json!({"amount": 10, field: value})).await,
            404,
            "NOT_FOUND",
        )
        .await;
        assert_eq!(error["field"], field);
    }
    assert_eq!(app.event_count(&org.key).await, 0);
    let payment = app.create("/api/payments", &org.key, &json!({"amount": 10})).await;
    let path = format!("/api/payments/{}", id(&payment));
    for (field, value) in
        [("teamMemberId", &their_member), ("productId", &their_product), ("contactId", &their_contact)]
    {
        let error = expect_error(app.patch(&path, &org.key, &json!({field: value})).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], field);
    }
    assert_eq!(app.event_count(&org.key).await, 1);
}

#[tokio::test]
async fn every_filter_narrows_the_list() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = member(&app, &org.key, 2.5).await;
    let ben = member(&app, &org.key, 5.0).await;
    let product = id(&app.create("/api/products", &org.key, &json!({"name": "P", "price": 1})).await);
    let contact = id(&app.create("/api/contacts", &org.key, &json!({"firstName": "J", "lastName": "S"})).await);
    for body in [
        json!({"description": "a", "amount": 1, "status": "succeeded", "paidAt": "2025-01-05T10:00:00Z",
               "teamMemberId": ava, "productId": product}),
        json!({"description": "b", "amount": 1, "status": "succeeded", "paidAt": "2025-01-20T10:00:00Z",
               "teamMemberId": ben, "contactId": contact}),
        json!({"description": "c", "amount": 1, "status": "pending", "teamMemberId": ava, "contactId": contact}),
        json!({"description": "d", "amount": 1, "status": "failed", "productId": product}),
    ] {
        app.create("/api/payments", &org.key, &body).await;
    }
    let descriptions = |query: String| {
        let app = &app;
        let key = org.key.clone();
        async move {
            let (status, list) = json(app.get(&format!("/api/payments?{query}"), &key).await).await;
            assert_eq!(status, 200, "{query}: {list}");
            let mut out: Vec<String> =
                list.as_array().unwrap().iter().map(|p| p["description"].as_str().unwrap().to_owned()).collect();
            out.sort();
            out
        }
    };
    assert_eq!(descriptions("status=succeeded".into()).await, ["a", "b"]);
    assert_eq!(descriptions("status=failed".into()).await, ["d"]);
    assert_eq!(descriptions(format!("teamMemberId={ava}")).await, ["a", "c"]);
    assert_eq!(descriptions(format!("contactId={contact}")).await, ["b", "c"]);
    assert_eq!(descriptions(format!("productId={product}")).await, ["a", "d"]);
    assert_eq!(descriptions("from=2025-01-10".into()).await, ["b"], "unpaid payments have no paidAt");
    assert_eq!(descriptions("to=2025-01-10".into()).await, ["a"]);
    assert_eq!(
        descriptions("from=2025-01-05T10:00:00Z&to=2025-01-20T10:00:00Z".into()).await,
        ["a"],
        "to is exclusive"
    );
    assert_eq!(descriptions("from=2025-01-05&to=2025-01-21".into()).await, ["a", "b"]);
    assert_eq!(descriptions(format!("teamMemberId={ava}&status=pending")).await, ["c"]);
    expect_field_error(app.get("/api/payments?status=paid", &org.key).await, "status").await;
    expect_field_error(app.get("/api/payments?from=later", &org.key).await, "from").await;
}
