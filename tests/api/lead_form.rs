//! The public lead form `POST /forms/{orgSlug}/leads`: no key, a lead and its event, the
//! honeypot, unknown organizations, the plan, the per-IP limit (per organization, behind trusted
//! proxies), and validation.

use std::time::Duration;

use gable::auth::ActingOrg;
use gable::config::List;
use gable::db::system;
use gable::vocab::plan::Plan;
use reqwest::{Method, Response};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestOrg, expect_error, expect_field_error, json, spawn_app, spawn_with};

/// 10:00:05 on some day.
const FROZEN_AT_MS: i64 = 1_767_261_605_000;

fn jane() -> Value {
    json!({"name": "Jane Doe", "email": "jane@example.com", "phone": "+1-555-0200",
           "message": "Interested in the Beverly Hills listing"})
}

async fn form_path(app: &TestApp, org: &TestOrg) -> String {
    let slug = system::find_org(app.db(), &org.id).await.unwrap().expect("the org exists").slug;
    format!("/forms/{slug}/leads")
}

/// Posts to the form without a key.
async fn submit(app: &TestApp, path: &str, body: &Value) -> Response {
    app.request(Method::POST, path, None).json(body).send().await.expect("request sent")
}

/// How many leads the organization has, read directly (a Starter organization cannot use the API).
async fn lead_count(app: &TestApp, org: &TestOrg) -> i64 {
    let tenant = ActingOrg::for_operator(app.db(), &org.id).await.unwrap().unwrap();
    let mut scoped = app.db().scoped(&tenant);
    let (count,): (i64,) = scoped.fetch_one(scoped.sql("SELECT COUNT(*) FROM leads WHERE org_id = $1")).await.unwrap();
    count
}

#[tokio::test]
async fn a_submission_creates_a_lead_and_its_event_without_a_key() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let path = form_path(&app, &org).await;

    let response = submit(&app, &path, &jane()).await;
    assert!(response.headers().contains_key("x-ratelimit-remaining"), "the IP's limit is shown");
    let (status, body) = json(response).await;
    assert_eq!((status, body), (201, json!({"success": true})), "no id leaks");

    let (_, leads) = json(app.get("/api/leads", &org.key).await).await;
    assert_eq!(leads.as_array().unwrap().len(), 1);
    let lead = &leads[0];
    assert_eq!(
        (&lead["name"], &lead["email"], &lead["phone"], &lead["message"], &lead["source"], &lead["status"]),
        (
            &json!("Jane Doe"),
            &json!("jane@example.com"),
            &json!("+1-555-0200"),
            &json!("Interested in the Beverly Hills listing"),
            &json!("form"),
            &json!("new")
        )
    );
    let events = app.events(&org.key, "lead.created").await;
    assert_eq!(events.len(), 1);
    assert_eq!(&events[0]["data"], lead);

    // A listing of the organization.
    let property = app
        .create(
            "/api/properties",
            &org.key,
            &json!({"title": "Villa", "address": "1 A St", "city": "X", "state": "CA"}),
        )
        .await;
    let mut body = jane();
    body["propertyId"] = property["id"].clone();
    assert_eq!(submit(&app, &path, &body).await.status(), 201);
    let (_, leads) = json(app.get("/api/leads", &org.key).await).await;
    assert_eq!((&leads[0]["propertyId"], &leads[0]["source"]), (&property["id"], &json!("form")));
    assert_eq!(app.events(&org.key, "lead.created").await.len(), 2);
}

#[tokio::test]
async fn a_public_form_cannot_choose_the_leads_source() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let path = form_path(&app, &org).await;

    let mut body = jane();
    body["source"] = json!("google-ads");
    let error = expect_field_error(submit(&app, &path, &body).await, "source").await;
    assert!(error["error"].as_str().unwrap().contains("source"), "{error}");
    assert_eq!(lead_count(&app, &org).await, 0, "refused, not stored under another source");

    assert_eq!(submit(&app, &path, &jane()).await.status(), 201);
    let (_, leads) = json(app.get("/api/leads", &org.key).await).await;
    assert_eq!(leads[0]["source"], "form");
}

#[tokio::test]
async fn a_filled_honeypot_is_answered_like_a_success_and_dropped() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let path = form_path(&app, &org).await;

    let mut bot = jane();
    bot["website"] = json!("http://cheap-pills.example");
    let human = submit(&app, &path, &jane()).await;
    let trapped = submit(&app, &path, &bot).await;
    assert_eq!(trapped.status(), human.status());
    assert_eq!(trapped.text().await.unwrap(), human.text().await.unwrap(), "the same answer");
    // Even with invalid values: a bot learns nothing from the form's rules.
    let mut sloppy = json!({"name": "", "email": "not-an-email", "website": "x"});
    let (status, body) = json(submit(&app, &path, &sloppy).await).await;
    assert_eq!((status, body), (201, json!({"success": true})));
    sloppy["website"] = json!("   ");
    expect_field_error(submit(&app, &path, &sloppy).await, "name").await;

    assert_eq!(lead_count(&app, &org).await, 1, "only the human's lead");
    assert_eq!(app.events(&org.key, "lead.created").await.len(), 1);

    // An empty honeypot is a person.
    let mut person = jane();
    person["website"] = json!("");
    assert_eq!(submit(&app, &path, &person).await.status(), 201);
    assert_eq!(lead_count(&app, &org).await, 2);
}

#[tokio::test]
async fn unknown_organizations_and_plans_without_the_api_are_refused() {
    let app = spawn_app().await;
    let response = submit(&app, "/forms/no-such-realty/leads", &jane()).await;
    assert!(response.headers().contains_key("x-ratelimit-remaining"), "counted like a known form");
    let body = expect_error(response, 404, "NOT_FOUND").await;
    assert_eq!(body["error"], "No such form", "says nothing about organizations");

    let starter = app.org(Plan::Starter).await;
    let path = form_path(&app, &starter).await;
    let response = submit(&app, &path, &jane()).await;
    assert!(response.headers().contains_key("x-ratelimit-limit"));
    let body = expect_error(response, 403, "PLAN_UPGRADE_REQUIRED").await;
    assert_eq!((&body["upgrade"], &body["requiredPlan"]), (&json!(true), &json!("Grow")));
    assert_eq!(lead_count(&app, &starter).await, 0);

    // Another organization's listing is not this one's.
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let theirs = app
        .create("/api/properties", &other.key, &json!({"title": "T", "address": "1 A St", "city": "X", "state": "CA"}))
        .await;
    let mut body = jane();
    body["propertyId"] = theirs["id"].clone();
    let error = expect_error(submit(&app, &form_path(&app, &org).await, &body).await, 404, "NOT_FOUND").await;
    assert_eq!(error["field"], "propertyId");
    assert_eq!(lead_count(&app, &org).await, 0);
    assert_eq!(app.event_count(&org.key).await, 0);
}

#[tokio::test]
async fn each_ip_has_its_own_limit_per_minute() {
    let app = spawn_with(|s| s.public_per_ip_per_minute = 3).await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;
    let path = form_path(&app, &org).await;
    let mut bot = jane();
    bot["website"] = json!("spam");

    // Every submission counts: accepted, invalid, or trapped.
    assert_eq!(submit(&app, &path, &jane()).await.status(), 201);
    assert_eq!(submit(&app, &path, &json!({"name": "No Email"})).await.status(), 400);
    let response = submit(&app, &path, &bot).await;
    assert_eq!(response.headers()["x-ratelimit-limit"], "3");
    assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
    let response = submit(&app, &path, &jane()).await;
    // The window slides: the first submission stops counting a minute after its second ended.
    assert_eq!(response.headers()["retry-after"], "61");
    let body = expect_error(response, 429, "RATE_LIMITED").await;
    assert_eq!(body["error"], "Rate limit exceeded — try again in 61 seconds.");
    assert_eq!(lead_count(&app, &org).await, 1);

    // The API's own limits are separate, and a new window admits the IP again.
    assert_eq!(app.get("/api/leads", &org.key).await.status(), 200);
    app.clock().advance(Duration::from_secs(61));
    assert_eq!(submit(&app, &path, &jane()).await.status(), 201);
    assert_eq!(lead_count(&app, &org).await, 2);
}

#[tokio::test]
async fn each_organization_has_its_own_limit_for_an_ip() {
    let app = spawn_with(|s| s.public_per_ip_per_minute = 1).await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let busy = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let busy_path = form_path(&app, &busy).await;

    assert_eq!(submit(&app, &busy_path, &jane()).await.status(), 201);
    expect_error(submit(&app, &busy_path, &jane()).await, 429, "RATE_LIMITED").await;
    let response = submit(&app, &form_path(&app, &other).await, &jane()).await;
    assert_eq!(response.status(), 201, "one organization's busy form does not close another's");
    assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
    assert_eq!((lead_count(&app, &busy).await, lead_count(&app, &other).await), (1, 1));
}

#[tokio::test]
async fn guessing_organizations_costs_the_ip_its_limit() {
    let app = spawn_with(|s| s.public_per_ip_per_minute = 2).await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;

    // Unknown organizations share one count per IP, whatever the slug tried.
    for guess in ["acme-realty", "acme-homes"] {
        expect_error(submit(&app, &format!("/forms/{guess}/leads"), &jane()).await, 404, "NOT_FOUND").await;
    }
    let response = submit(&app, "/forms/acme-estates/leads", &jane()).await;
    assert_eq!(response.headers()["retry-after"], "61", "the first guess counts for a minute past its second");
    expect_error(response, 429, "RATE_LIMITED").await;
    // A real organization's form is counted apart.
    assert_eq!(submit(&app, &form_path(&app, &org).await, &jane()).await.status(), 201);
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    let app = spawn_with(|s| {
        s.public_per_ip_per_minute = 1;
        s.trusted_proxies = List(vec!["127.0.0.1/32".parse().unwrap()]);
    })
    .await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;
    let path = form_path(&app, &org).await;
    let via_proxy = |forwarded: &str| {
        app.request(Method::POST, &path, None).header("x-forwarded-for", forwarded).json(&jane()).send()
    };

    // The test client is 127.0.0.1, a trusted proxy: each forwarded client has its own count.
    assert_eq!(via_proxy("203.0.113.7").await.unwrap().status(), 201);
    assert_eq!(via_proxy("203.0.113.8").await.unwrap().status(), 201);
    // The client is the rightmost address no trusted proxy wrote: what it claims left of that
    // does not matter, and trusted hops are skipped.
    assert_eq!(via_proxy("198.51.100.1, 203.0.113.7").await.unwrap().status(), 429);
    assert_eq!(via_proxy("203.0.113.9, 127.0.0.1").await.unwrap().status(), 201);
    assert_eq!(via_proxy("203.0.113.9").await.unwrap().status(), 429);
    assert_eq!(lead_count(&app, &org).await, 3);
}

#[tokio::test]
async fn forwarded_addresses_are_ignored_without_trusted_proxies() {
    let app = spawn_with(|s| s.public_per_ip_per_minute = 1).await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Grow).await;
    let path = form_path(&app, &org).await;
    let claiming = |forwarded: &str| {
        app.request(Method::POST, &path, None).header("x-forwarded-for", forwarded).json(&jane()).send()
    };

    assert_eq!(claiming("203.0.113.7").await.unwrap().status(), 201);
    assert_eq!(claiming("203.0.113.8").await.unwrap().status(), 429, "the TCP peer is the client");
    assert_eq!(lead_count(&app, &org).await, 1);
}

#[tokio::test]
async fn bad_submissions_name_their_field_and_write_nothing() {
    let app = spawn_with(|s| s.public_per_ip_per_minute = 1_000).await;
    let org = app.org(Plan::Grow).await;
    let path = form_path(&app, &org).await;
    let with = |field: &str, value: Value| {
        let mut body = jane();
        body[field] = value;
        body
    };
    let without = |field: &str| {
        let mut body = jane();
        body.as_object_mut().unwrap().remove(field);
        body
    };
    for (body, field) in [
        (without("name"), "name"),
        (without("email"), "email"),
        (with("name", json!("  ")), "name"),
        (with("name", json!("n".repeat(201))), "name"),
        (with("name", json!(42)), "name"),
        (with("email", json!("")), "email"),
        (with("email", json!("jane at example")), "email"),
        (with("email", json!(null)), "email"),
        (with("phone", json!("1".repeat(51))), "phone"),
        (with("phone", json!(5550200)), "phone"),
        (with("message", json!("m".repeat(10_001))), "message"),
        (with("source", json!("form")), "source"),
        (with("propertyId", json!(7)), "propertyId"),
        (with("website", json!(true)), "website"),
        (with("status", json!("qualified")), "status"),
        (with("assignedToId", json!("tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")), "assignedToId"),
    ] {
        expect_field_error(submit(&app, &path, &body).await, field).await;
    }
    let response = app
        .request(Method::POST, &path, None)
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .unwrap();
    expect_error(response, 400, "INVALID_JSON").await;
    let response = app
        .request(Method::POST, &path, None)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("name=Jane")
        .send()
        .await
        .unwrap();
    expect_error(response, 415, "UNSUPPORTED_MEDIA_TYPE").await;
    let mut body = jane();
    body["propertyId"] = json!("prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5");
    let error = expect_error(submit(&app, &path, &body).await, 404, "NOT_FOUND").await;
    assert_eq!(error["field"], "propertyId");

    assert_eq!(lead_count(&app, &org).await, 0);
    assert_eq!(app.event_count(&org.key).await, 0);
}

#[tokio::test]
async fn the_form_is_in_the_openapi_document_without_a_key() {
    let app = spawn_app().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    let operation = &doc["paths"]["/forms/{orgSlug}/leads"]["post"];
    assert_eq!(operation["summary"], "Submit the lead form", "{operation}");
    assert_eq!(operation["security"], json!([{}]), "no key needed");
    for status in ["201", "400", "403", "404", "429"] {
        assert!(operation["responses"][status].is_object(), "{status}");
    }
    assert!(doc["components"]["schemas"]["LeadForm"]["properties"]["website"].is_object());
}
