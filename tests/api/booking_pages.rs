//! The public booking pages, `GET|POST /book/{orgSlug}/{slug}`: free times, bookings as a lead
//! and a showing in one transaction, no double booking, the per-IP limit, the plan.

use gable::vocab::plan::Plan;
use reqwest::Response;
use serde_json::{Value, json};

use crate::booking_links::member;
use crate::helpers::{TestApp, TestOrg, expect_error, expect_field_error, json, spawn_with};

/// Monday 2025-01-20 10:15 UTC.
const MONDAY_10_15: i64 = 1_737_368_100_000;

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

/// A server whose clock stands at Monday 10:15 UTC, with a generous per-IP limit.
async fn app_at_monday() -> TestApp {
    let app = spawn_with(|s| s.public_per_ip_per_minute = 1_000).await;
    app.clock().freeze_at(MONDAY_10_15);
    app
}

struct Setup {
    org: TestOrg,
    ava: String,
    property: String,
    /// The link's page, `…/book/{orgSlug}/tour-with-ava`.
    url: String,
}

async fn setup(app: &TestApp) -> Setup {
    let org = app.org(Plan::Grow).await;
    let ava = id(&app.create("/api/team", &org.key, &json!({"name": "Ava Stone"})).await);
    let property = id(&app
        .create(
            "/api/properties",
            &org.key,
            &json!({"title": "Modern Villa", "address": "123 Palm Dr", "city": "Beverly Hills", "state": "CA"}),
        )
        .await);
    let link = app
        .create(
            "/api/booking-links",
            &org.key,
            &json!({"title": "Tour with Ava", "description": "A 30-minute tour", "teamMemberId": ava,
                    "propertyId": property}),
        )
        .await;
    let url = link["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with(&app.base) && url.ends_with("/tour-with-ava"), "{url}");
    Setup { org, ava, property, url }
}

async fn page(app: &TestApp, url: &str) -> Response {
    app.client.get(url).send().await.unwrap()
}

async fn book(app: &TestApp, url: &str, body: &Value) -> Response {
    app.client.post(url).json(body).send().await.unwrap()
}

fn jane(start_at: &str) -> Value {
    json!({"name": "Jane Doe", "email": "jane@example.com", "phone": "+1-555-0200",
           "message": "Is the garden south-facing?", "startAt": start_at})
}

async fn slots(app: &TestApp, url: &str) -> Vec<String> {
    let (status, body) = json(page(app, url).await).await;
    assert_eq!(status, 200, "{body}");
    body["slots"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_page_offers_free_weekday_times_for_two_weeks() {
    let app = app_at_monday().await;
    let s = setup(&app).await;
    let ben = member(&app, &s.org.key, "Ben").await;
    for (agent, at, minutes, status) in [
        (&s.ava, "2025-01-20T11:00:00Z", 60, "scheduled"),
        (&s.ava, "2025-01-20T13:00:00Z", 30, "cancelled"),
        (&s.ava, "2025-01-21T09:10:00Z", 30, "confirmed"),
        (&s.ava, "2025-01-22T09:00:00Z", 30, "completed"),
        (&ben, "2025-01-20T14:00:00Z", 30, "scheduled"),
    ] {
        app.create(
            "/api/showings",
            &s.org.key,
            &json!({"agentId": agent, "scheduledAt": at, "durationMinutes": minutes, "status": status}),
        )
        .await;
    }

    let response = page(&app, &s.url).await;
    assert!(response.headers().contains_key("x-ratelimit-remaining"), "{:?}", response.headers());
    let (status, body) = json(response).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["title"], "Tour with Ava");
    assert_eq!(body["description"], "A 30-minute tour");
    assert_eq!(body["durationMinutes"], 30);
    assert_eq!(body["teamMemberName"], "Ava Stone");
    let slots: Vec<&str> = body["slots"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    assert_eq!(slots[0], "2025-01-20T10:30:00.000Z", "10:00 has started: the past is not offered");
    for taken in
        ["2025-01-20T11:00:00.000Z", "2025-01-20T11:30:00.000Z", "2025-01-21T09:00:00.000Z", "2025-01-21T09:30:00.000Z"]
    {
        assert!(!slots.contains(&taken), "{taken} overlaps a scheduled or confirmed showing");
    }
    for open in [
        "2025-01-20T12:00:00.000Z",
        "2025-01-20T13:00:00.000Z",
        "2025-01-20T14:00:00.000Z",
        "2025-01-21T10:00:00.000Z",
        "2025-01-22T09:00:00.000Z",
        "2025-01-20T16:30:00.000Z",
    ] {
        assert!(slots.contains(&open), "{open}: cancelled, completed and other members' showings do not block");
    }
    assert!(!slots.iter().any(|s| s.starts_with("2025-01-25") || s.starts_with("2025-01-26")), "no weekends");
    assert!(!slots.contains(&"2025-01-20T17:00:00.000Z"));
    assert_eq!(slots.last(), Some(&"2025-02-03T10:00:00.000Z"), "14 days ahead, to the minute");
    assert_eq!(slots.len(), 13 + 4 * 16 + 5 * 16 + 3 - 4);
}

#[tokio::test]
async fn a_booking_is_a_lead_and_a_showing_written_together() {
    let app = app_at_monday().await;
    let s = setup(&app).await;
    let before = app.event_count(&s.org.key).await;

    let (status, booked) = json(book(&app, &s.url, &jane("2025-01-20T12:00:00Z")).await).await;
    assert_eq!(status, 201, "{booked}");
    assert_eq!(booked["startAt"], "2025-01-20T12:00:00.000Z");
    assert_eq!(booked["endAt"], "2025-01-20T12:30:00.000Z");
    let lead_id = booked["leadId"].as_str().unwrap();
    let showing_id = booked["showingId"].as_str().unwrap();

    let (_, lead) = json(app.get(&format!("/api/leads/{lead_id}"), &s.org.key).await).await;
    assert_eq!(
        (&lead["name"], &lead["email"], &lead["phone"], &lead["source"], &lead["status"]),
        (&json!("Jane Doe"), &json!("jane@example.com"), &json!("+1-555-0200"), &json!("booking"), &json!("new"))
    );
    assert_eq!(lead["message"], "Is the garden south-facing?");
    assert_eq!((lead["assignedToId"].as_str(), lead["propertyId"].as_str()), (Some(&*s.ava), Some(&*s.property)));
    let (_, showing) = json(app.get(&format!("/api/showings/{showing_id}"), &s.org.key).await).await;
    assert_eq!(showing["agentId"], s.ava.as_str());
    assert_eq!(showing["leadId"], lead_id);
    assert_eq!(showing["propertyId"], s.property.as_str());
    assert_eq!(showing["scheduledAt"], "2025-01-20T12:00:00.000Z");
    assert_eq!((showing["durationMinutes"].clone(), showing["status"].clone()), (json!(30), json!("scheduled")));

    assert_eq!(app.event_count(&s.org.key).await, before + 2);
    let leads = app.events(&s.org.key, "lead.created").await;
    assert_eq!((leads.len(), &leads[0]["data"]), (1, &lead));
    let showings = app.events(&s.org.key, "showing.created").await;
    assert_eq!((showings.len(), &showings[0]["data"]), (1, &showing));

    let offered = slots(&app, &s.url).await;
    assert!(!offered.contains(&"2025-01-20T12:00:00.000Z".to_owned()), "a booked time is no longer offered");
    assert!(offered.contains(&"2025-01-20T12:30:00.000Z".to_owned()), "back to back is fine");
}

#[tokio::test]
async fn a_taken_time_is_refused_and_nothing_is_written() {
    let app = app_at_monday().await;
    let s = setup(&app).await;
    let (status, _) = json(book(&app, &s.url, &jane("2025-01-20T12:00:00Z")).await).await;
    assert_eq!(status, 201);
    // A showing added through the API since the page was shown.
    app.create("/api/showings", &s.org.key, &json!({"agentId": s.ava, "scheduledAt": "2025-01-20T14:10:00Z"})).await;
    let before = app.event_count(&s.org.key).await;

    for start in ["2025-01-20T12:00:00Z", "2025-01-20T13:00:00+01:00", "2025-01-20T14:00:00Z"] {
        let body = expect_error(book(&app, &s.url, &jane(start)).await, 409, "DOUBLE_BOOKED").await;
        assert!(body.get("conflictingId").is_none(), "no internal id on a public page: {body}");
        let message = body["error"].as_str().unwrap();
        assert!(!message.contains("shw_") && !message.contains(&s.ava), "{body}");
        assert!(message.contains("choose another"), "{body}");
    }
    assert_eq!(app.event_count(&s.org.key).await, before, "no lead without its showing");
    let (_, leads) = json(app.get("/api/leads", &s.org.key).await).await;
    assert_eq!(leads.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn concurrent_bookings_of_one_time_admit_exactly_one() {
    let app = app_at_monday().await;
    let s = setup(&app).await;
    let body = jane("2025-01-21T15:00:00Z");
    let attempts = (0..6).map(|_| book(&app, &s.url, &body));
    let statuses: Vec<u16> =
        futures_util::future::join_all(attempts).await.into_iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|&&s| s == 201).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|&&s| s == 409).count(), 5, "{statuses:?}");
    assert_eq!(app.events(&s.org.key, "showing.created").await.len(), 1);
    assert_eq!(app.events(&s.org.key, "lead.created").await.len(), 1);
}

#[tokio::test]
async fn only_the_pages_start_times_and_valid_details_are_accepted() {
    let app = app_at_monday().await;
    let s = setup(&app).await;
    let before = app.event_count(&s.org.key).await;
    for start in [
        "2025-01-20T10:00:00Z",
        "2025-01-17T12:00:00Z",
        "2025-01-20T12:15:00Z",
        "2025-01-20T08:30:00Z",
        "2025-01-20T16:45:00Z",
        "2025-01-20T17:00:00Z",
        "2025-01-25T12:00:00Z",
        "2025-02-03T10:30:00Z",
        "2025-02-10T12:00:00Z",
    ] {
        let body = expect_field_error(book(&app, &s.url, &jane(start)).await, "startAt").await;
        assert!(body["error"].as_str().unwrap().contains("09:00"), "{start}: {body}");
    }
    let with = |field: &str, value: Value| {
        let mut body = jane("2025-01-20T12:00:00Z");
        body[field] = value;
        body
    };
    let without = |field: &str| {
        let mut body = jane("2025-01-20T12:00:00Z");
        body.as_object_mut().unwrap().remove(field);
        body
    };
    for (body, field) in [
        (without("name"), "name"),
        (without("email"), "email"),
        (without("startAt"), "startAt"),
        (with("name", json!(" ")), "name"),
        (with("name", json!("n".repeat(201))), "name"),
        (with("email", json!("")), "email"),
        (with("email", json!("not-an-email")), "email"),
        (with("phone", json!("1".repeat(51))), "phone"),
        (with("message", json!("m".repeat(10_001))), "message"),
        (with("startAt", json!("noon")), "startAt"),
        (with("startAt", json!(1737374400000_i64)), "startAt"),
        (with("source", json!("web")), "source"),
    ] {
        expect_field_error(book(&app, &s.url, &body).await, field).await;
    }
    let response = app.client.post(&s.url).header("content-type", "application/json").body("{").send().await.unwrap();
    expect_error(response, 400, "INVALID_JSON").await;
    assert_eq!(app.event_count(&s.org.key).await, before);
    let (status, _) = json(book(&app, &s.url, &without("phone")).await).await;
    assert_eq!(status, 201, "phone and message are optional");
}

#[tokio::test]
async fn unknown_inactive_and_unpaid_pages_are_refused() {
    let app = app_at_monday().await;
    let s = setup(&app).await;
    let org_page = s.url.trim_end_matches("/tour-with-ava").to_owned();
    let base = org_page.rsplit_once('/').unwrap().0.to_owned();
    let start = jane("2025-01-20T12:00:00Z");

    for url in [format!("{base}/no-such-org/tour-with-ava"), format!("{org_page}/no-such-link")] {
        expect_error(page(&app, &url).await, 404, "NOT_FOUND").await;
        expect_error(book(&app, &url, &start).await, 404, "NOT_FOUND").await;
    }

    let (_, links) = json(app.get("/api/booking-links", &s.org.key).await).await;
    let link_path = format!("/api/booking-links/{}", id(&links[0]));
    app.patch(&link_path, &s.org.key, &json!({"active": false})).await;
    expect_error(page(&app, &s.url).await, 404, "NOT_FOUND").await;
    expect_error(book(&app, &s.url, &start).await, 404, "NOT_FOUND").await;
    app.patch(&link_path, &s.org.key, &json!({"active": true})).await;
    app.patch(&format!("/api/team/{}", s.ava), &s.org.key, &json!({"active": false})).await;
    expect_error(page(&app, &s.url).await, 404, "NOT_FOUND").await;
    app.patch(&format!("/api/team/{}", s.ava), &s.org.key, &json!({"active": true})).await;
    assert_eq!(page(&app, &s.url).await.status(), 200);
    assert_eq!(app.events(&s.org.key, "lead.created").await.len(), 0);

    // Another organization's link is not under this organization's slug.
    let other = app.org(Plan::Grow).await;
    let theirs = member(&app, &other.key, "Them").await;
    let their_link =
        app.create("/api/booking-links", &other.key, &json!({"title": "Theirs", "teamMemberId": theirs})).await;
    expect_error(page(&app, &format!("{org_page}/theirs")).await, 404, "NOT_FOUND").await;
    assert_eq!(page(&app, their_link["url"].as_str().unwrap()).await.status(), 200);

    // A Starter organization's pages are behind the plan, like its API.
    let starter = app.org(Plan::Starter).await;
    let starter_slug = gable::db::system::find_org(app.db(), &starter.id).await.unwrap().unwrap().slug;
    for response in [
        page(&app, &format!("{base}/{starter_slug}/anything")).await,
        book(&app, &format!("{base}/{starter_slug}/anything"), &start).await,
    ] {
        let body = expect_error(response, 403, "PLAN_UPGRADE_REQUIRED").await;
        assert_eq!((body["upgrade"].clone(), body["requiredPlan"].clone()), (json!(true), json!("Grow")));
    }
}

#[tokio::test]
async fn an_unknown_organization_looks_like_an_unknown_page_and_costs_the_same() {
    let app = spawn_with(|s| s.public_per_ip_per_minute = 3).await;
    app.clock().freeze_at(MONDAY_10_15);
    let s = setup(&app).await;
    let org_page = s.url.trim_end_matches("/tour-with-ava").to_owned();
    let base = org_page.rsplit_once('/').unwrap().0.to_owned();

    let unknown_page = page(&app, &format!("{org_page}/open-house")).await;
    let unknown_org = page(&app, &format!("{base}/no-such-org/open-house")).await;
    for response in [&unknown_page, &unknown_org] {
        assert_eq!(response.headers()["x-ratelimit-limit"], "3", "both are counted");
    }
    let page_body = expect_error(unknown_page, 404, "NOT_FOUND").await;
    let org_body = expect_error(unknown_org, 404, "NOT_FOUND").await;
    assert_eq!(org_body["error"], page_body["error"], "the text does not tell whether the organization exists");

    // Guessed organizations share one count per IP, page or booking: the fourth guess within
    // the minute is refused.
    let guess = |org: &str| format!("{base}/{org}/tour");
    expect_error(book(&app, &guess("acme-realty"), &jane("2025-01-20T12:00:00Z")).await, 404, "NOT_FOUND").await;
    expect_error(page(&app, &guess("acme-homes")).await, 404, "NOT_FOUND").await;
    expect_error(page(&app, &guess("acme-estates")).await, 429, "RATE_LIMITED").await;
    assert_eq!(page(&app, &s.url).await.status(), 200, "the real organization is counted apart");
}

#[tokio::test]
async fn each_organization_has_its_own_limit_on_the_booking_pages() {
    let app = spawn_with(|s| s.public_per_ip_per_minute = 1).await;
    app.clock().freeze_at(MONDAY_10_15);
    let busy = setup(&app).await;
    let other = setup(&app).await;

    assert_eq!(page(&app, &busy.url).await.status(), 200);
    expect_error(page(&app, &busy.url).await, 429, "RATE_LIMITED").await;
    assert_eq!(page(&app, &other.url).await.status(), 200, "another organization's pages still answer");
}

#[tokio::test]
async fn each_ip_has_its_own_limit_on_the_booking_pages() {
    let app = spawn_with(|s| s.public_per_ip_per_minute = 3).await;
    app.clock().freeze_at(MONDAY_10_15);
    let s = setup(&app).await;

    let first = page(&app, &s.url).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["x-ratelimit-limit"], "3");
    assert_eq!(first.headers()["x-ratelimit-remaining"], "2");
    // A malformed booking counts too.
    expect_field_error(book(&app, &s.url, &json!({"name": "X"})).await, "email").await;
    let (status, _) = json(book(&app, &s.url, &jane("2025-01-20T12:00:00Z")).await).await;
    assert_eq!(status, 201);

    let refused = page(&app, &s.url).await;
    assert!(refused.headers().contains_key("retry-after"));
    let body = expect_error(refused, 429, "RATE_LIMITED").await;
    assert!(body["error"].as_str().unwrap().contains("try again in"), "{body}");
    expect_error(book(&app, &s.url, &jane("2025-01-20T13:00:00Z")).await, 429, "RATE_LIMITED").await;
    assert_eq!(app.events(&s.org.key, "lead.created").await.len(), 1, "a refused booking writes nothing");

    // The API is not affected, and once a minute has passed the pages answer again.
    assert_eq!(app.get("/api/booking-links", &s.org.key).await.status(), 200);
    app.clock().advance(std::time::Duration::from_secs(61));
    assert_eq!(page(&app, &s.url).await.status(), 200);
}

#[tokio::test]
async fn the_pages_are_documented_without_authentication() {
    let app = app_at_monday().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    let item = &doc["paths"]["/book/{orgSlug}/{slug}"];
    for method in ["get", "post"] {
        assert_eq!(item[method]["security"], json!([{}]), "{method}: {item}");
        assert!(item[method]["responses"]["429"].is_object(), "{method}");
    }
    assert!(item["post"]["requestBody"].is_object());
    assert!(doc["components"]["schemas"]["BookingPage"]["properties"]["slots"].is_object());
}
