//! Booking links (Aura: "List booking links", "Get booking link"): the documented calls, slugs,
//! the `url`, references, validation, the shared contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_error, expect_field_error, json, spawn_app, spawn_with};

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

/// A team member in the organization of `key`.
pub async fn member(app: &TestApp, key: &str, name: &str) -> String {
    id(&app.create("/api/team", key, &json!({"name": name})).await)
}

/// The slug of an organization, as its public pages use it.
pub async fn org_slug(app: &TestApp, org_id: &str) -> String {
    gable::db::system::find_org(app.db(), org_id).await.unwrap().unwrap().slug
}

#[tokio::test]
async fn documented_list_and_get() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = member(&app, &org.key, "Ava Stone").await;
    let created = app
        .create(
            "/api/booking-links",
            &org.key,
            &json!({"title": "Tour with Ava", "teamMemberId": ava,
                                                          "description": "A 30-minute tour"}),
        )
        .await;
    assert!(id(&created).starts_with("bl_"), "{created}");
    let slug = org_slug(&app, &org.id).await;
    assert_eq!(created["slug"], "tour-with-ava");
    assert_eq!(created["url"], format!("{}/book/{slug}/tour-with-ava", app.base));
    assert_eq!((created["durationMinutes"].clone(), created["active"].clone()), (json!(30), json!(true)));
    assert_eq!(created["propertyId"], Value::Null);
    assert!(created.get("orgSlug").is_none(), "{created}");

    let (status, list) = json(app.get("/v1/booking-links", &org.key).await).await;
    assert_eq!((status, list), (200, json!([created.clone()])));
    let (status, one) = json(app.get(&format!("/v1/booking-links/{}", id(&created)), &org.key).await).await;
    assert_eq!((status, &one), (200, &created));
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let ava = member(&app, &org.key, "Ava Stone").await;
        let spec = Spec {
            path: "/api/booking-links",
            scope: "booking_links",
            event: "booking_link",
            create: json!({"title": "Tour with Ava", "teamMemberId": ava, "description": "A 30-minute tour"}),
            update: json!({"durationMinutes": 45, "active": false, "slug": "ava-45"}),
            string_field: "title",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn the_url_uses_the_public_url_when_configured() {
    let app = spawn_with(|s| s.public_url = Some("https://book.example.com/".into())).await;
    let org = app.org(Plan::Grow).await;
    let ava = member(&app, &org.key, "Ava").await;
    let link = app.create("/api/booking-links", &org.key, &json!({"title": "Meet", "teamMemberId": ava})).await;
    let slug = org_slug(&app, &org.id).await;
    assert_eq!(link["url"], format!("https://book.example.com/book/{slug}/meet"));
    let events = app.events(&org.key, "booking_link.created").await;
    assert_eq!(events[0]["data"]["url"], link["url"], "events carry the url too");

    let path = format!("/api/booking-links/{}", id(&link));
    let (_, renamed) = json(app.patch(&path, &org.key, &json!({"slug": "meet-ava"})).await).await;
    assert_eq!(renamed["url"], format!("https://book.example.com/book/{slug}/meet-ava"));
    let updates = app.events(&org.key, "booking_link.updated").await;
    assert_eq!(updates[0]["data"]["url"], renamed["url"]);
    let (_, title_only) = json(app.patch(&path, &org.key, &json!({"title": "Meet Ava"})).await).await;
    assert_eq!(title_only["slug"], "meet-ava", "the title does not move the slug");
}

#[tokio::test]
async fn slugs_are_unique_per_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = member(&app, &org.key, "Ava").await;
    let body = json!({"title": "Tour with Ava!", "teamMemberId": ava});
    let mut slugs = Vec::new();
    for _ in 0..3 {
        slugs.push(app.create("/api/booking-links", &org.key, &body).await["slug"].clone());
    }
    assert_eq!(slugs, [json!("tour-with-ava"), json!("tour-with-ava-2"), json!("tour-with-ava-3")]);

    let chosen = app
        .create("/api/booking-links", &org.key, &json!({"title": "X", "teamMemberId": ava, "slug": "open-house-2025"}))
        .await;
    assert_eq!(chosen["slug"], "open-house-2025");
    let before = app.event_count(&org.key).await;
    let taken = expect_error(
        app.post("/api/booking-links", &org.key, &json!({"title": "Y", "teamMemberId": ava, "slug": "tour-with-ava"}))
            .await,
        409,
        "SLUG_TAKEN",
    )
    .await;
    assert_eq!(taken["field"], "slug");
    let path = format!("/api/booking-links/{}", id(&chosen));
    let taken =
        expect_error(app.patch(&path, &org.key, &json!({"slug": "tour-with-ava-2"})).await, 409, "SLUG_TAKEN").await;
    assert_eq!(taken["field"], "slug");
    assert_eq!(app.event_count(&org.key).await, before);
    let (status, same) = json(app.patch(&path, &org.key, &json!({"slug": "open-house-2025"})).await).await;
    assert_eq!((status, &same), (200, &chosen), "keeping one's own slug is no change");

    let other = app.org(Plan::Grow).await;
    let theirs = member(&app, &other.key, "Them").await;
    let link =
        app.create("/api/booking-links", &other.key, &json!({"title": "Tour with Ava", "teamMemberId": theirs})).await;
    assert_eq!(link["slug"], "tour-with-ava", "another organization has its own slugs");
}

#[tokio::test]
async fn bad_values_name_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = member(&app, &org.key, "Ava").await;
    let base = json!({"title": "Tour", "teamMemberId": ava});
    let with = |field: &str, value: Value| {
        let mut body = base.clone();
        body[field] = value;
        body
    };
    let before = app.event_count(&org.key).await;
    for (body, field) in [
        (json!({"teamMemberId": ava}), "title"),
        (json!({"title": "Tour"}), "teamMemberId"),
        (with("title", json!("")), "title"),
        (with("title", json!("t".repeat(201))), "title"),
        (with("title", json!(1)), "title"),
        (with("description", json!("d".repeat(10_001))), "description"),
        (with("slug", json!("Tour")), "slug"),
        (with("slug", json!("tour with ava")), "slug"),
        (with("slug", json!("tour_ava")), "slug"),
        (with("slug", json!("")), "slug"),
        (with("slug", json!("s".repeat(81))), "slug"),
        (with("teamMemberId", Value::Null), "teamMemberId"),
        (with("durationMinutes", json!(4)), "durationMinutes"),
        (with("durationMinutes", json!(481)), "durationMinutes"),
        (with("durationMinutes", json!(-30)), "durationMinutes"),
        (with("durationMinutes", json!("30")), "durationMinutes"),
        (with("active", json!(1)), "active"),
        (with("url", json!("https://mine.example")), "url"),
    ] {
        expect_field_error(app.post("/api/booking-links", &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, before);
    for minutes in [5, 480] {
        let link = app.create("/api/booking-links", &org.key, &with("durationMinutes", json!(minutes))).await;
        assert_eq!(link["durationMinutes"], minutes);
    }
    let link = app.create("/api/booking-links", &org.key, &base).await;
    let path = format!("/api/booking-links/{}", id(&link));
    for (body, field) in [
        (json!({"teamMemberId": null}), "teamMemberId"),
        (json!({"title": null}), "title"),
        (json!({"slug": null}), "slug"),
        (json!({"slug": "UPPER"}), "slug"),
        (json!({"durationMinutes": 0}), "durationMinutes"),
        (json!({"active": null}), "active"),
        (json!({"url": "x"}), "url"),
    ] {
        expect_field_error(app.patch(&path, &org.key, &body).await, field).await;
    }
    let (_, after) = json(app.get(&path, &org.key).await).await;
    assert_eq!(after, link);
}

#[tokio::test]
async fn references_must_exist_in_the_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let ava = member(&app, &org.key, "Ava").await;
    let theirs = member(&app, &other.key, "Them").await;
    let their_property = id(&app
        .create("/api/properties", &other.key, &json!({"title": "T", "address": "1 A St", "city": "X", "state": "CA"}))
        .await);
    let before = app.event_count(&org.key).await;
    for (body, field) in [
        (json!({"title": "T", "teamMemberId": theirs}), "teamMemberId"),
        (json!({"title": "T", "teamMemberId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"}), "teamMemberId"),
        (json!({"title": "T", "teamMemberId": ava, "propertyId": their_property}), "propertyId"),
    ] {
        let error = expect_error(app.post("/api/booking-links", &org.key, &body).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], field);
    }
    let link = app.create("/api/booking-links", &org.key, &json!({"title": "T", "teamMemberId": ava})).await;
    let path = format!("/api/booking-links/{}", id(&link));
    for (body, field) in
        [(json!({"teamMemberId": theirs}), "teamMemberId"), (json!({"propertyId": their_property}), "propertyId")]
    {
        let error = expect_error(app.patch(&path, &org.key, &body).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], field);
    }
    assert_eq!(app.event_count(&org.key).await, before + 1, "only the one link created");

    // A member with booking links stays until the links go (or move to someone else).
    expect_error(app.delete(&format!("/api/team/{ava}"), &org.key).await, 409, "REFERENCED").await;
    app.delete(&path, &org.key).await;
    assert_eq!(app.delete(&format!("/api/team/{ava}"), &org.key).await.status(), 200);
}

#[tokio::test]
async fn filters_member_and_active() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = member(&app, &org.key, "Ava").await;
    let ben = member(&app, &org.key, "Ben").await;
    for (title, who, active) in [("a", &ava, true), ("b", &ava, false), ("c", &ben, true)] {
        app.create("/api/booking-links", &org.key, &json!({"title": title, "teamMemberId": who, "active": active}))
            .await;
    }
    let titles = |query: String| {
        let app = &app;
        let key = org.key.clone();
        async move {
            let (status, list) = json(app.get(&format!("/api/booking-links?{query}"), &key).await).await;
            assert_eq!(status, 200, "{query}: {list}");
            let mut out: Vec<String> =
                list.as_array().unwrap().iter().map(|l| l["title"].as_str().unwrap().to_owned()).collect();
            out.sort();
            out
        }
    };
    assert_eq!(titles(format!("teamMemberId={ava}")).await, ["a", "b"]);
    assert_eq!(titles("active=true".into()).await, ["a", "c"]);
    assert_eq!(titles(format!("teamMemberId={ava}&active=false")).await, ["b"]);
    expect_field_error(app.get("/api/booking-links?active=on", &org.key).await, "active").await;
}

#[tokio::test]
async fn the_schema_shows_the_url_but_not_the_organization_slug() {
    let app = spawn_app().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    let properties = &doc["components"]["schemas"]["BookingLink"]["properties"];
    assert!(properties["url"].is_object(), "{properties}");
    assert!(properties.get("orgSlug").is_none() && properties.get("org_slug").is_none(), "{properties}");
    assert!(doc["paths"]["/api/booking-links/{id}"]["patch"].is_object());
}

/// Every creation goes through the engine's one path: the demo's booking link, created the
/// way the demo creates it, carries its computed `url` in its event like one created by POST.
#[tokio::test]
async fn the_demo_writes_through_the_one_create_path() {
    let app = spawn_app().await;
    let demo = gable::demo::prepare(&app.state).await.unwrap();
    let (status, events) = json(app.get("/api/events?type=booking_link.created", &demo.key).await).await;
    assert_eq!(status, 200, "{events}");
    let url = events[0]["data"]["url"].as_str().unwrap();
    assert!(url.starts_with("http://127.0.0.1:") && url.contains("/book/demo-realty/"), "{url}");
}
