//! Shared arrangements for the rentals tests: a property, a unit, tenants, a signed lease.

use serde_json::{Value, json};

use crate::helpers::TestApp;

/// Creates a property and returns its id.
pub async fn property(app: &TestApp, key: &str, title: &str) -> String {
    let body = json!({"title": title, "address": format!("{title} St"), "city": "Springfield", "state": "IL"});
    app.create("/api/properties", key, &body).await["id"].as_str().unwrap().to_owned()
}

/// Creates a unit of `property_id` and returns it.
pub async fn unit(app: &TestApp, key: &str, property_id: &str, label: &str) -> Value {
    app.create("/api/units", key, &json!({"property_id": property_id, "label": label, "market_rent_usd": 1825})).await
}

/// Creates a tenant and returns its id.
pub async fn tenant(app: &TestApp, key: &str, name: &str) -> String {
    app.create("/api/tenants", key, &json!({"name": name})).await["id"].as_str().unwrap().to_owned()
}
