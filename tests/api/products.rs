//! Products (Aura: "List products - Retrieve product catalog", "Get product"): the documented
//! calls, filters, validation, the shared contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{expect_field_error, json, spawn_app};

fn package() -> Value {
    json!({"name": "Premium Listing Package", "description": "Photos, a 3D tour and featured placement",
           "price": 499.99, "currency": "USD"})
}

#[tokio::test]
async fn documented_list_and_get() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let created = app.create("/api/products", &org.key, &package()).await;
    assert!(created["id"].as_str().unwrap().starts_with("prod_"), "{created}");
    assert_eq!(created["price"], 499.99);
    assert_eq!(created["active"], true);

    // Aura: "List products", then "Get product" by id.
    let (status, list) = json(app.get("/v1/products", &org.key).await).await;
    assert_eq!(status, 200);
    assert_eq!(list, json!([created.clone()]));
    let (status, one) =
        json(app.get(&format!("/v1/products/{}", created["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!((status, &one), (200, &created));
    for (field, kind) in [
        ("id", "string"),
        ("name", "string"),
        ("description", "string"),
        ("price", "number"),
        ("currency", "string"),
        ("active", "boolean"),
        ("createdAt", "string"),
        ("updatedAt", "string"),
    ] {
        let ok = match kind {
            "string" => one[field].is_string(),
            "number" => one[field].is_number(),
            _ => one[field].is_boolean(),
        };
        assert!(ok, "{field} is a {kind}: {one}");
    }
}

#[tokio::test]
async fn defaults_are_usd_and_active() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let free = app.create("/api/products", &org.key, &json!({"name": "Consultation", "price": 0})).await;
    assert_eq!(
        (free["currency"].clone(), free["active"].clone(), free["price"].clone()),
        (json!("USD"), json!(true), json!(0))
    );
    assert_eq!(free["description"], Value::Null);
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let spec = Spec {
            path: "/api/products",
            scope: "products",
            event: "product",
            create: package(),
            update: json!({"price": 549, "active": false}),
            string_field: "name",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn filters_active_and_search() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.create("/api/products", &org.key, &package()).await;
    app.create(
        "/api/products",
        &org.key,
        &json!({"name": "Staging", "description": "Home STAGING visit", "price": 250}),
    )
    .await;
    app.create("/api/products", &org.key, &json!({"name": "Old Flyer Pack", "price": 20, "active": false})).await;
    let names = |query: &'static str| {
        let app = &app;
        let key = org.key.clone();
        async move {
            let (status, list) = json(app.get(&format!("/api/products?{query}"), &key).await).await;
            assert_eq!(status, 200, "{query}: {list}");
            let mut names: Vec<String> =
                list.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_owned()).collect();
            names.sort();
            names
        }
    };
    assert_eq!(names("active=true").await, ["Premium Listing Package", "Staging"]);
    assert_eq!(names("active=false").await, ["Old Flyer Pack"]);
    assert_eq!(names("search=staging").await, ["Staging"], "the description matches, case-insensitively");
    assert_eq!(names("search=PACK").await, ["Old Flyer Pack", "Premium Listing Package"]);
    assert_eq!(names("search=pack&active=true").await, ["Premium Listing Package"]);
    expect_field_error(app.get("/api/products?active=sometimes", &org.key).await, "active").await;
}

#[tokio::test]
async fn bad_values_name_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let with = |field: &str, value: Value| {
        let mut body = package();
        body[field] = value;
        body
    };
    let without = |field: &str| {
        let mut body = package();
        body.as_object_mut().unwrap().remove(field);
        body
    };
    for (body, field) in [
        (without("name"), "name"),
        (without("price"), "price"),
        (with("name", json!(" ")), "name"),
        (with("name", json!("n".repeat(201))), "name"),
        (with("name", json!(7)), "name"),
        (with("description", json!("d".repeat(10_001))), "description"),
        (with("price", json!(-0.01)), "price"),
        (with("price", json!("499")), "price"),
        (with("price", json!(1.005)), "price"),
        (with("price", Value::Null), "price"),
        (with("currency", json!("usd")), "currency"),
        (with("currency", json!("US")), "currency"),
        (with("currency", json!("USDT")), "currency"),
        (with("currency", json!(840)), "currency"),
        (with("active", json!("yes")), "active"),
        (with("sku", json!("X1")), "sku"),
    ] {
        expect_field_error(app.post("/api/products", &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 0);

    let created = app.create("/api/products", &org.key, &package()).await;
    let path = format!("/api/products/{}", created["id"].as_str().unwrap());
    for (body, field) in [
        (json!({"name": null}), "name"),
        (json!({"price": null}), "price"),
        (json!({"price": -5}), "price"),
        (json!({"currency": "eur"}), "currency"),
        (json!({"active": null}), "active"),
    ] {
        expect_field_error(app.patch(&path, &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 1, "only the product.created event");
    let (_, after) = json(app.get(&path, &org.key).await).await;
    assert_eq!(after, created);

    let (status, cleared) =
        json(app.patch(&path, &org.key, &json!({"description": null, "currency": "EUR"})).await).await;
    assert_eq!(status, 200, "{cleared}");
    assert_eq!((cleared["description"].clone(), cleared["currency"].clone()), (Value::Null, json!("EUR")));
}
