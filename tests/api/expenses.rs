//! Expenses and expense categories: the documented `add_entry` example verbatim (with a real
//! property id), `update_entry` and `delete_entry` with their events, built-in and
//! organization categories, filters, totals, references, validation and the shared contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_conflict, expect_error, expect_field_error, json, spawn_app};
use crate::rentals_support::{property, unit};

/// The documented example, with `property_id` replaced by a real id.
fn documented(property_id: &str) -> Value {
    let text = r#"{ "action": "add_entry", "property_id": "5f...", "category_id": "repairs", "label": "Snow removal — driveway", "amount_usd": 380, "paid_on": "2026-02-14", "vendor": "Twin Cities Plow Co." }"#;
    let mut body: Value = serde_json::from_str(text).unwrap();
    body["property_id"] = json!(property_id);
    body
}

async fn add(app: &TestApp, key: &str, body: Value) -> Value {
    app.create("/api/expenses", key, &body).await
}

#[tokio::test]
async fn the_documented_add_entry_works_verbatim() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let expense = add(&app, &org.key, documented(&pine)).await;
    assert!(expense["id"].as_str().unwrap().starts_with("exp_"), "{expense}");
    for (field, value) in documented(&pine).as_object().unwrap() {
        if field != "action" {
            assert_eq!(&expense[field], value, "{field}");
        }
    }
    assert_eq!(
        (&expense["unit_id"], &expense["vendor_id"], &expense["notes"]),
        (&json!(null), &json!(null), &json!(null))
    );
    let events = app.events(&org.key, "expense.created").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], expense);
    let (status, listed) = json(app.get("/api/expenses", &org.key).await).await;
    assert_eq!((status, listed), (200, json!([expense])));
}

#[tokio::test]
async fn update_entry_and_delete_entry() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let expense = add(&app, &org.key, documented(&pine)).await;
    let id = expense["id"].as_str().unwrap();

    app.clock().advance(std::time::Duration::from_secs(1));
    let (status, updated) = json(
        app.post(
            "/api/expenses",
            &org.key,
            &json!({"action": "update_entry", "id": id, "amount_usd": 412.5, "category_id": "snow_removal"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!((&updated["amount_usd"], &updated["category_id"]), (&json!(412.5), &json!("snow_removal")));
    assert_eq!(updated["label"], expense["label"]);
    assert_ne!(updated["updated_at"], expense["updated_at"]);
    let events = app.events(&org.key, "expense.updated").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], updated);

    // Nothing changed: no event.
    let (status, same) = json(
        app.post("/api/expenses", &org.key, &json!({"action": "update_entry", "id": id, "amount_usd": 412.5})).await,
    )
    .await;
    assert_eq!((status, &same), (200, &updated));
    assert_eq!(app.events(&org.key, "expense.updated").await.len(), 1);

    let (status, deleted) =
        json(app.post("/api/expenses", &org.key, &json!({"action": "delete_entry", "id": id})).await).await;
    assert_eq!((status, deleted), (200, json!({"id": id, "deleted": true})));
    let events = app.events(&org.key, "expense.deleted").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], updated);
    expect_error(app.get(&format!("/api/expenses/{id}"), &org.key).await, 404, "NOT_FOUND").await;
    expect_error(
        app.post("/api/expenses", &org.key, &json!({"action": "delete_entry", "id": id})).await,
        404,
        "NOT_FOUND",
    )
    .await;
}

#[tokio::test]
async fn bad_actions_name_the_field_and_write_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let expense = add(&app, &org.key, documented(&pine)).await;
    let id = expense["id"].as_str().unwrap();
    let before = app.event_count(&org.key).await;
    let mut no_action = documented(&pine);
    no_action.as_object_mut().unwrap().remove("action");
    let cases = [
        (no_action, "action"),
        (json!({"action": "remove_entry", "id": id}), "action"),
        (json!({"action": 1}), "action"),
        (json!({"action": "update_entry", "amount_usd": 1}), "id"),
        (json!({"action": "update_entry", "id": id, "amount_usd": "1"}), "amount_usd"),
        (json!({"action": "update_entry", "id": id, "label": null}), "label"),
        (json!({"action": "update_entry", "id": id, "paid_on": "14/02/2026"}), "paid_on"),
        (json!({"action": "update_entry", "id": id, "colour": "red"}), "colour"),
        (json!({"action": "delete_entry"}), "id"),
        (json!({"action": "delete_entry", "id": id, "label": "x"}), "label"),
        (
            json!({"action": "add_entry", "property_id": pine, "category_id": "repairs", "label": "x", "amount_usd": 0, "paid_on": "2026-02-14"}),
            "amount_usd",
        ),
        (
            json!({"action": "add_entry", "property_id": pine, "category_id": "repairs", "label": "x", "amount_usd": -5, "paid_on": "2026-02-14"}),
            "amount_usd",
        ),
        (
            json!({"action": "add_entry", "property_id": pine, "category_id": "repairs", "label": " ", "amount_usd": 5, "paid_on": "2026-02-14"}),
            "label",
        ),
        (
            json!({"action": "add_entry", "property_id": pine, "category_id": "repairs", "label": "x", "amount_usd": 5, "paid_on": "2026-02-30"}),
            "paid_on",
        ),
        (
            json!({"action": "add_entry", "property_id": pine, "category_id": "repairs", "label": "x", "amount_usd": 5}),
            "paid_on",
        ),
    ];
    for (body, field) in cases {
        expect_field_error(app.post("/api/expenses", &org.key, &body).await, field).await;
    }
    let body = expect_error(app.post("/api/expenses", &org.key, &json!([1])).await, 400, "VALIDATION_ERROR").await;
    assert_eq!(body["error"], "The request body must be a JSON object");
    assert_eq!(app.event_count(&org.key).await, before);
    let (_, after) = json(app.get(&format!("/api/expenses/{id}"), &org.key).await).await;
    assert_eq!(after, expense);
}

#[tokio::test]
async fn references_are_checked_in_the_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let oak = property(&app, &org.key, "9 Oak").await;
    let theirs = property(&app, &other.key, "Elsewhere").await;
    let oak_unit = unit(&app, &org.key, &oak, "1").await["id"].as_str().unwrap().to_owned();
    let pine_unit = unit(&app, &org.key, &pine, "1B").await["id"].as_str().unwrap().to_owned();
    let their_vendor = app.create("/api/vendors", &other.key, &json!({"name": "Theirs"})).await["id"].clone();

    let with = |field: &str, value: Value| {
        let mut body = documented(&pine);
        body[field] = value;
        body
    };
    for (body, field) in [
        (documented(&theirs), "property_id"),
        (with("category_id", json!("yachts")), "category_id"),
        (with("vendor_id", their_vendor), "vendor_id"),
        (with("unit_id", json!("unit_nope")), "unit_id"),
    ] {
        let error = expect_error(app.post("/api/expenses", &org.key, &body).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], field);
    }
    // Two valid ids whose objects do not go together: a 409.
    let mismatched = app.post("/api/expenses", &org.key, &with("unit_id", json!(oak_unit))).await;
    expect_conflict(mismatched, "REFERENCE_MISMATCH", "unit_id").await;

    // A unit of the property, and a vendor whose name fills `vendor` when it is absent.
    let plow = app.create("/api/vendors", &org.key, &json!({"name": "Twin Cities Plow Co."})).await;
    let mut body = with("unit_id", json!(pine_unit));
    body.as_object_mut().unwrap().remove("vendor");
    body["vendor_id"] = plow["id"].clone();
    let expense = add(&app, &org.key, body).await;
    assert_eq!((&expense["unit_id"], &expense["vendor"]), (&json!(pine_unit), &json!("Twin Cities Plow Co.")));
    assert_eq!(app.events(&org.key, "expense.created").await.len(), 1);
}

#[tokio::test]
async fn categories_are_built_in_or_the_organizations_own() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let (status, list) = json(app.get("/api/expense-categories", &org.key).await).await;
    assert_eq!(status, 200);
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "repairs",
            "utilities",
            "insurance",
            "taxes",
            "management",
            "cleaning",
            "landscaping",
            "snow_removal",
            "capital_improvements",
            "other"
        ]
    );
    assert_eq!(list[7], json!({"id": "snow_removal", "name": "Snow removal", "built_in": true, "created_at": null}));

    let pest = app.create("/api/expense-categories", &org.key, &json!({"name": "Pest Control"})).await;
    assert_eq!(
        (&pest["id"], &pest["name"], &pest["built_in"]),
        (&json!("pest_control"), &json!("Pest Control"), &json!(false))
    );
    let events = app.events(&org.key, "expense_category.created").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["data"], pest);
    let hoa = app.create("/api/expense-categories", &org.key, &json!({"name": "HOA dues", "id": "hoa"})).await;
    assert_eq!(hoa["id"], "hoa");
    let (_, list) = json(app.get("/api/expense-categories", &org.key).await).await;
    assert_eq!(list.as_array().unwrap().len(), 12);
    assert_eq!((&list[10], &list[11]), (&hoa, &pest), "own categories by name after the built-in ones");

    // Taken ids, bad ids; other organizations do not see ours.
    for (body, field) in [(json!({"name": "Repairs"}), "name"), (json!({"name": "Bugs", "id": "pest_control"}), "id")] {
        let error = expect_error(app.post("/api/expense-categories", &org.key, &body).await, 409, "CONFLICT").await;
        assert_eq!(error["field"], field);
    }
    for (body, field) in [
        (json!({"name": "X", "id": "Bad Id"}), "id"),
        (json!({"name": ""}), "name"),
        (json!({"name": "X", "extra": 1}), "extra"),
    ] {
        expect_field_error(app.post("/api/expense-categories", &org.key, &body).await, field).await;
    }
    // Any name that is not blank makes an id (the document promises no more than that).
    let odd = app.create("/api/expense-categories", &org.key, &json!({"name": "!!"})).await;
    assert!(odd["id"].as_str().unwrap().starts_with("c_"), "{odd}");
    let numbered = app.create("/api/expense-categories", &org.key, &json!({"name": "12 Main"})).await;
    assert_eq!(numbered["id"], "c_12_main");
    let (_, theirs) = json(app.get("/api/expense-categories", &other.key).await).await;
    assert_eq!(theirs.as_array().unwrap().len(), 10);
    let their_property = property(&app, &other.key, "Elsewhere").await;
    let mut body = documented(&their_property);
    body["category_id"] = json!("pest_control");
    let error = expect_error(app.post("/api/expenses", &other.key, &body).await, 404, "NOT_FOUND").await;
    assert_eq!(error["field"], "category_id");
    app.create("/api/expense-categories", &other.key, &json!({"name": "Pest Control"})).await;

    // Scopes: the categories belong to expenses.
    let reader = app.key(&org.id, &["read:expenses"]).await;
    assert_eq!(app.get("/api/expense-categories", &reader).await.status(), 200);
    expect_error(app.post("/api/expense-categories", &reader, &json!({"name": "Z"})).await, 403, "INSUFFICIENT_SCOPE")
        .await;
    let nobody = app.key(&org.id, &["read:vendors"]).await;
    expect_error(app.get("/api/expense-categories", &nobody).await, 403, "INSUFFICIENT_SCOPE").await;
}

/// GraphQL has the categories REST has: the vocabulary's order (built-in ones first), paged
/// with `limit`/`startingAfter`, one by id (built-in or the organization's own), and
/// `createExpenseCategory` through the same rules and event as `POST`; never another
/// organization's.
#[tokio::test]
async fn graphql_serves_the_categories_like_rest() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let gql = |key: &str, query: &str, variables: Value| {
        let body = json!({"query": query, "variables": variables});
        let (app, key) = (&app, key.to_owned());
        async move { json(app.post("/graphql", &key, &body).await).await.1 }
    };
    let created = gql(
        &org.key,
        "mutation($input: CreateExpenseCategoryInput!) { createExpenseCategory(input: $input) { id name builtIn } }",
        json!({"input": {"name": "Pest Control"}}),
    )
    .await;
    assert_eq!(
        created["data"]["createExpenseCategory"],
        json!({"id": "pest_control", "name": "Pest Control",
        "builtIn": false}),
        "{created}"
    );
    assert_eq!(app.events(&org.key, "expense_category.created").await.len(), 1);
    let taken = gql(&org.key, "mutation { createExpenseCategory(input: {name: \"Repairs\"}) { id } }", json!({})).await;
    assert_eq!(taken["errors"][0]["extensions"]["code"], "CONFLICT", "{taken}");

    let read = gql(
        &org.key,
        "{ all: expenseCategories { id } tail: expenseCategories(startingAfter: \"other\", limit: 5) { id builtIn }
           first: expenseCategories(limit: 2) { id } repairs: expenseCategory(id: \"repairs\") { name builtIn }
           own: expenseCategory(id: \"pest_control\") { name } }",
        json!({}),
    )
    .await;
    assert!(read.get("errors").is_none(), "{read}");
    let (_, rest) = json(app.get("/api/expense-categories", &org.key).await).await;
    let rest_ids: Vec<Value> = rest.as_array().unwrap().iter().map(|c| json!({"id": c["id"]})).collect();
    assert_eq!(read["data"]["all"], json!(rest_ids), "the same list, in the same order");
    assert_eq!(read["data"]["tail"], json!([{"id": "pest_control", "builtIn": false}]));
    assert_eq!(read["data"]["first"], json!([{"id": "repairs"}, {"id": "utilities"}]));
    assert_eq!(read["data"]["repairs"], json!({"name": "Repairs", "builtIn": true}));
    assert_eq!(read["data"]["own"], json!({"name": "Pest Control"}));

    let theirs =
        gql(&other.key, "{ expenseCategory(id: \"pest_control\") { id } expenseCategories { id } }", json!({})).await;
    assert_eq!(theirs["data"]["expenseCategory"], Value::Null, "{theirs}");
    assert_eq!(theirs["data"]["expenseCategories"].as_array().map(Vec::len), Some(10));
    let nobody = app.key(&org.id, &["read:vendors"]).await;
    let refused = gql(&nobody, "{ expenseCategories { id } }", json!({})).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "INSUFFICIENT_SCOPE", "{refused}");
}

#[tokio::test]
async fn filters_and_totals() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let oak = property(&app, &org.key, "9 Oak").await;
    app.create("/api/expense-categories", &org.key, &json!({"name": "Pest control"})).await;
    let entry = |property: &str, category: &str, amount: f64, paid_on: &str| {
        json!({"action": "add_entry", "property_id": property, "category_id": category, "label": "x",
            "amount_usd": amount, "paid_on": paid_on})
    };
    let a = add(&app, &org.key, entry(&pine, "repairs", 100.25, "2026-01-05")).await;
    let b = add(&app, &org.key, entry(&pine, "repairs", 50.0, "2026-02-10")).await;
    let c = add(&app, &org.key, entry(&pine, "pest_control", 80.0, "2026-02-11")).await;
    let d = add(&app, &org.key, entry(&oak, "utilities", 200.0, "2026-03-01")).await;

    let ids = |list: Value| -> Vec<Value> { list.as_array().unwrap().iter().map(|e| e["id"].clone()).collect() };
    for (query, expected) in [
        (format!("property_id={pine}"), vec![&c, &b, &a]),
        ("category_id=repairs".to_owned(), vec![&b, &a]),
        ("from=2026-02-01&to=2026-02-28".to_owned(), vec![&c, &b]),
        ("from=2026-02-11".to_owned(), vec![&d, &c]),
        (format!("property_id={pine}&category_id=repairs&to=2026-01-31"), vec![&a]),
    ] {
        let (status, list) = json(app.get(&format!("/api/expenses?{query}"), &org.key).await).await;
        assert_eq!(status, 200, "{list}");
        assert_eq!(ids(list), expected.iter().map(|e| e["id"].clone()).collect::<Vec<_>>(), "{query}");
    }
    expect_field_error(app.get("/api/expenses?from=yesterday", &org.key).await, "from").await;

    let (status, totals) = json(app.get("/api/expenses/totals", &org.key).await).await;
    assert_eq!(status, 200);
    assert_eq!(
        totals,
        json!({"total_usd": 430.25, "count": 4, "by_category": [
            {"category_id": "utilities", "name": "Utilities", "total_usd": 200, "count": 1},
            {"category_id": "repairs", "name": "Repairs", "total_usd": 150.25, "count": 2},
            {"category_id": "pest_control", "name": "Pest control", "total_usd": 80, "count": 1},
        ]})
    );
    let (_, totals) =
        json(app.get(&format!("/api/expenses/totals?property_id={pine}&from=2026-02-01"), &org.key).await).await;
    assert_eq!(totals["total_usd"], 130);
    assert_eq!(totals["count"], 2);
    let (_, totals) = json(app.get("/api/expenses/totals?from=2030-01-01", &org.key).await).await;
    assert_eq!(totals, json!({"total_usd": 0, "count": 0, "by_category": []}));
    let other = app.org(Plan::Grow).await;
    let (_, totals) = json(app.get("/api/expenses/totals", &other.key).await).await;
    assert_eq!(totals["count"], 0);
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let pine = property(&app, &org.key, "127 Pine").await;
        let spec = Spec {
            path: "/api/expenses",
            scope: "expenses",
            event: "expense",
            create: documented(&pine),
            update: json!({"amount_usd": 412.5, "label": "Snow removal — driveway and walks"}),
            string_field: "label",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn pagination() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    contract::check_pagination(&app, &org.key, "/api/expenses", 5, 2, |_| documented(&pine)).await;
}

#[tokio::test]
async fn the_ledger_keeps_its_property_and_units_keep_their_records() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let pine = property(&app, &org.key, "127 Pine").await;
    let unit_id = unit(&app, &org.key, &pine, "1B").await["id"].as_str().unwrap().to_owned();
    add(&app, &org.key, documented(&pine)).await;
    app.create("/api/inspections", &org.key, &json!({"unit_id": unit_id, "type": "routine"})).await;
    let before = app.event_count(&org.key).await;
    expect_error(app.delete(&format!("/api/properties/{pine}"), &org.key).await, 409, "REFERENCED").await;
    expect_error(app.delete(&format!("/api/units/{unit_id}"), &org.key).await, 409, "REFERENCED").await;
    assert_eq!(app.event_count(&org.key).await, before);

    // Deleting a vendor keeps its expenses, without the link.
    let plow = app.create("/api/vendors", &org.key, &json!({"name": "Twin Cities Plow Co."})).await;
    let mut body = documented(&pine);
    body["vendor_id"] = plow["id"].clone();
    let expense = add(&app, &org.key, body).await;
    let (status, _) = json(app.delete(&format!("/api/vendors/{}", plow["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!(status, 200);
    let (_, kept) = json(app.get(&format!("/api/expenses/{}", expense["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!((&kept["vendor_id"], &kept["vendor"]), (&Value::Null, &json!("Twin Cities Plow Co.")));
}
