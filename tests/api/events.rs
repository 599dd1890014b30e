//! The event log follows resource scopes: `GET /api/events` and GraphQL `events` list only
//! the events whose object the caller may read.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_error, json, spawn_app};

async fn types(app: &TestApp, key: &str, query: &str) -> Vec<String> {
    let (status, body) = json(app.get(&format!("/api/events{query}"), key).await).await;
    assert_eq!(status, 200, "{body}");
    body.as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn events_follow_the_scopes_of_their_objects() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.create("/api/leads", &org.key, &json!({"name": "Jane Doe"})).await;
    app.create("/api/tenants", &org.key, &json!({"name": "Tom Tenant", "email": "tom@example.com"})).await;
    let all = types(&app, &org.key, "").await;
    assert_eq!(all, ["tenant.added", "lead.created"]);

    let lead_reader = app.key(&org.id, &["read:events", "read:leads"]).await;
    assert_eq!(types(&app, &lead_reader, "").await, ["lead.created"], "no tenant events without read:tenants");
    assert_eq!(types(&app, &lead_reader, "?type=lead.created").await, ["lead.created"]);
    let body =
        expect_error(app.get("/api/events?type=tenant.added", &lead_reader).await, 403, "INSUFFICIENT_SCOPE").await;
    assert!(body["error"].as_str().unwrap().contains("read:tenants"), "{body}");

    let events_only = app.key(&org.id, &["read:events"]).await;
    assert_eq!(types(&app, &events_only, "").await, Vec::<String>::new());
    let reader = app.key(&org.id, &["read:*"]).await;
    assert_eq!(types(&app, &reader, "").await, all);

    // GraphQL's `events` is the same list.
    let query = json!({"query": "{ events { type } }"});
    let (_, body) = json(app.post("/graphql", &lead_reader, &query).await).await;
    assert_eq!(body["data"]["events"], json!([{"type": "lead.created"}]), "{body}");
    let (_, body) = json(
        app.post("/graphql", &lead_reader, &json!({"query": "{ events(type: \"tenant.added\") { type } }"})).await,
    )
    .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "INSUFFICIENT_SCOPE", "{body}");
    assert!(body["data"].is_null() || body["data"]["events"] == Value::Null, "{body}");
}

/// `GET /api/events/{id}` (and GraphQL `event`) shows one event under the same rule as the
/// list: an event the caller may not read is a 404, as is another organization's.
#[tokio::test]
async fn one_event_is_shown_only_to_who_may_read_its_object() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.create("/api/leads", &org.key, &json!({"name": "Jane Doe"})).await;
    app.create("/api/tenants", &org.key, &json!({"name": "Tom Tenant"})).await;
    let (_, all) = json(app.get("/api/events", &org.key).await).await;
    let id_of = |kind: &str| all.as_array().unwrap().iter().find(|e| e["type"] == kind).unwrap()["id"].clone();
    let (lead_event, tenant_event) = (id_of("lead.created"), id_of("tenant.added"));

    let (status, got) = json(app.get(&format!("/api/events/{}", lead_event.as_str().unwrap()), &org.key).await).await;
    assert_eq!((status, &got["data"]["name"]), (200, &json!("Jane Doe")), "{got}");

    let lead_reader = app.key(&org.id, &["read:events", "read:leads"]).await;
    assert_eq!(app.get(&format!("/api/events/{}", lead_event.as_str().unwrap()), &lead_reader).await.status(), 200);
    expect_error(
        app.get(&format!("/api/events/{}", tenant_event.as_str().unwrap()), &lead_reader).await,
        404,
        "NOT_FOUND",
    )
    .await;
    let other = app.org(Plan::Grow).await;
    expect_error(app.get(&format!("/api/events/{}", lead_event.as_str().unwrap()), &other.key).await, 404, "NOT_FOUND")
        .await;

    let query = json!({"query": "query($a: ID!, $b: ID!) { a: event(id: $a) { type } b: event(id: $b) { type } }",
        "variables": {"a": lead_event, "b": tenant_event}});
    let (_, body) = json(app.post("/graphql", &lead_reader, &query).await).await;
    assert_eq!(body["data"], json!({"a": {"type": "lead.created"}, "b": null}), "{body}");
}
