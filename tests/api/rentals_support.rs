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

/// A draft lease body for `unit_id` and `tenant_id`: $1,825 due on the 1st, 5 grace days.
pub fn lease_body(unit_id: &str, tenant_id: &str, start: &str) -> Value {
    json!({"unit_id": unit_id, "tenant_ids": [tenant_id], "start_date": start, "monthly_rent_usd": 1825,
        "due_day": 1, "grace_days": 5, "deposit_usd": 1825})
}

/// Creates and signs a lease; returns it as signed.
pub async fn signed_lease(app: &TestApp, key: &str, body: &Value) -> Value {
    let lease = app.create("/api/leases", key, body).await;
    let (status, signed) = crate::helpers::json(
        app.post(&format!("/api/leases/{}/sign", lease["id"].as_str().unwrap()), key, &json!({})).await,
    )
    .await;
    assert_eq!(status, 200, "{signed}");
    signed
}

/// A property with one unit and one tenant: `(property_id, unit, tenant_id)`.
pub async fn household(app: &TestApp, key: &str, property: &str, label: &str, name: &str) -> (String, Value, String) {
    let property_id = self::property(app, key, property).await;
    let unit = self::unit(app, key, &property_id, label).await;
    let tenant_id = self::tenant(app, key, name).await;
    (property_id, unit, tenant_id)
}
