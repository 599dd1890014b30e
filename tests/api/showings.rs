//! Showings: defaults, filters, validation, references, events, and the rule that an agent is
//! never double-booked (also under a concurrent burst), plus the shared contract.

use futures_util::future::join_all;
use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_error, expect_field_error, json, spawn_app};

/// 2030-01-20 at `hh:mm` UTC.
fn at(hh: u32, mm: u32) -> String {
    format!("2030-01-20T{hh:02}:{mm:02}:00.000Z")
}

async fn agent(app: &TestApp, key: &str, name: &str) -> String {
    app.create("/api/team", key, &json!({"name": name})).await["id"].as_str().unwrap().to_owned()
}

/// Creates a showing and returns its id.
async fn book(app: &TestApp, key: &str, body: Value) -> String {
    app.create("/api/showings", key, &body).await["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let agent = agent(&app, &org.key, "Ava Stone").await;
        let property = app
            .create(
                "/api/properties",
                &org.key,
                &json!({"title": "Villa", "address": "123 Palm Dr", "city": "Beverly Hills", "state": "CA"}),
            )
            .await;
        let spec = Spec {
            path: "/api/showings",
            scope: "showings",
            event: "showing",
            create: json!({"propertyId": property["id"], "agentId": agent, "scheduledAt": "2030-01-20T17:00:00Z",
                           "durationMinutes": 45, "notes": "Bring the pool inspection report"}),
            update: json!({"status": "confirmed"}),
            string_field: "notes",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn a_showing_has_defaults_and_times_in_utc() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let created = app.create("/api/showings", &org.key, &json!({"scheduledAt": "2030-01-20T12:30:00+02:00"})).await;
    assert!(created["id"].as_str().unwrap().starts_with("shw_"), "{created}");
    assert_eq!(created["scheduledAt"], "2030-01-20T10:30:00.000Z");
    assert_eq!(created["durationMinutes"], 30);
    assert_eq!(created["status"], "scheduled");
    for field in ["propertyId", "contactId", "leadId", "agentId", "notes"] {
        assert_eq!(created[field], Value::Null, "{field}");
    }

    // Every status change is a `showing.updated`.
    let id = created["id"].as_str().unwrap();
    for status in ["confirmed", "completed", "no_show"] {
        let (code, updated) =
            json(app.patch(&format!("/api/showings/{id}"), &org.key, &json!({"status": status})).await).await;
        assert_eq!((code, updated["status"].as_str()), (200, Some(status)), "{updated}");
    }
    assert_eq!(app.events(&org.key, "showing.created").await.len(), 1);
    let updates = app.events(&org.key, "showing.updated").await;
    let statuses: Vec<&str> = updates.iter().map(|e| e["data"]["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["confirmed", "completed", "no_show"]);

    // `null` clears optional fields; required ones cannot be cleared.
    app.patch(&format!("/api/showings/{id}"), &org.key, &json!({"notes": "Gate code 1234"})).await;
    let (_, cleared) = json(app.patch(&format!("/api/showings/{id}"), &org.key, &json!({"notes": null})).await).await;
    assert_eq!(cleared["notes"], Value::Null);
    for field in ["scheduledAt", "durationMinutes", "status"] {
        expect_field_error(app.patch(&format!("/api/showings/{id}"), &org.key, &json!({field: null})).await, field)
            .await;
    }
}

#[tokio::test]
async fn filters_by_property_agent_status_and_time() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = agent(&app, &org.key, "Ava").await;
    let ben = agent(&app, &org.key, "Ben").await;
    let villa = app
        .create(
            "/api/properties",
            &org.key,
            &json!({"title": "Villa", "address": "1 A St", "city": "X", "state": "CA"}),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let early = book(&app, &org.key, json!({"agentId": ava, "propertyId": villa, "scheduledAt": at(9, 0)})).await;
    let noon = book(&app, &org.key, json!({"agentId": ben, "scheduledAt": at(12, 0), "status": "confirmed"})).await;
    let late = book(&app, &org.key, json!({"agentId": ava, "propertyId": villa, "scheduledAt": at(16, 0)})).await;
    let next_day = book(&app, &org.key, json!({"scheduledAt": "2030-01-21T09:00:00Z", "status": "cancelled"})).await;

    let ids = |query: String| {
        let app = &app;
        let key = org.key.clone();
        async move {
            let (status, list) = json(app.get(&format!("/api/showings?{query}"), &key).await).await;
            assert_eq!(status, 200, "{query}: {list}");
            let mut ids: Vec<String> =
                list.as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect();
            ids.sort();
            ids
        }
    };
    let sorted = |expected: &[&String]| {
        let mut ids: Vec<String> = expected.iter().map(|id| (*id).clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(format!("propertyId={villa}")).await, sorted(&[&early, &late]));
    assert_eq!(ids(format!("agentId={ben}")).await, sorted(&[&noon]));
    assert_eq!(ids("status=confirmed".into()).await, sorted(&[&noon]));
    assert_eq!(ids("status=cancelled".into()).await, sorted(&[&next_day]));
    // `from` is inclusive, `to` exclusive: one day is `from=<day>&to=<next day>`.
    assert_eq!(ids("from=2030-01-20&to=2030-01-21".into()).await, sorted(&[&early, &noon, &late]));
    assert_eq!(ids("from=2030-01-20T12:00:00Z".into()).await, sorted(&[&noon, &late, &next_day]));
    assert_eq!(ids("to=2030-01-20T12:00:00Z".into()).await, sorted(&[&early]));
    assert_eq!(ids(format!("agentId={ava}&from=2030-01-20T10:00:00Z")).await, sorted(&[&late]));

    expect_field_error(app.get("/api/showings?status=done", &org.key).await, "status").await;
    expect_field_error(app.get("/api/showings?from=tomorrow", &org.key).await, "from").await;
    expect_field_error(app.get("/api/showings?to=20300120", &org.key).await, "to").await;
}

#[tokio::test]
async fn bad_values_name_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let valid = json!({"scheduledAt": at(10, 0), "durationMinutes": 30, "notes": "n"});
    let with = |field: &str, value: Value| {
        let mut body = valid.clone();
        body[field] = value;
        body
    };
    for (body, field) in [
        (json!({"durationMinutes": 30}), "scheduledAt"),
        (with("scheduledAt", json!("next tuesday")), "scheduledAt"),
        (with("scheduledAt", json!(1_900_000_000)), "scheduledAt"),
        (with("scheduledAt", Value::Null), "scheduledAt"),
        (with("durationMinutes", json!(4)), "durationMinutes"),
        (with("durationMinutes", json!(481)), "durationMinutes"),
        (with("durationMinutes", json!("30")), "durationMinutes"),
        (with("durationMinutes", json!(30.5)), "durationMinutes"),
        (with("status", json!("done")), "status"),
        (with("status", json!("SCHEDULED")), "status"),
        (with("status", json!(3)), "status"),
        (with("notes", json!(7)), "notes"),
        (with("notes", json!("n".repeat(10_001))), "notes"),
        (with("propertyId", json!(12)), "propertyId"),
        (with("contactId", json!(["cont_1"])), "contactId"),
        (with("leadId", json!(true)), "leadId"),
        (with("agentId", json!({"id": "tm_1"})), "agentId"),
        (with("endsAt", json!(at(11, 0))), "endsAt"),
    ] {
        expect_field_error(app.post("/api/showings", &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 0);

    let id = book(&app, &org.key, valid.clone()).await;
    let path = format!("/api/showings/{id}");
    for (body, field) in [
        (json!({"durationMinutes": 0}), "durationMinutes"),
        (json!({"durationMinutes": 1000}), "durationMinutes"),
        (json!({"scheduledAt": "soon"}), "scheduledAt"),
        (json!({"status": "postponed"}), "status"),
        (json!({"status": null}), "status"),
        (json!({"notes": "n".repeat(10_001)}), "notes"),
        (json!({"agentId": 5}), "agentId"),
    ] {
        expect_field_error(app.patch(&path, &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 1, "only the created event");
    let (_, unchanged) = json(app.get(&path, &org.key).await).await;
    assert_eq!(unchanged["durationMinutes"], 30);
}

#[tokio::test]
async fn references_must_exist_in_the_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let theirs = [
        (
            "propertyId",
            app.create(
                "/api/properties",
                &other.key,
                &json!({"title": "T", "address": "1 A St", "city": "X", "state": "CA"}),
            )
            .await["id"]
                .clone(),
        ),
        (
            "contactId",
            app.create("/api/contacts", &other.key, &json!({"firstName": "T", "lastName": "C"})).await["id"].clone(),
        ),
        ("leadId", app.create("/api/leads", &other.key, &json!({"name": "Their Lead"})).await["id"].clone()),
        ("agentId", json!(agent(&app, &other.key, "Their Agent").await)),
    ];
    for (field, id) in &theirs {
        let body = json!({"scheduledAt": at(10, 0), *field: id});
        let error = expect_error(app.post("/api/showings", &org.key, &body).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], *field, "{error}");
    }
    assert_eq!(app.event_count(&org.key).await, 0);

    let id = book(&app, &org.key, json!({"scheduledAt": at(10, 0)})).await;
    for (field, their_id) in &theirs {
        let error = expect_error(
            app.patch(&format!("/api/showings/{id}"), &org.key, &json!({*field: their_id})).await,
            404,
            "NOT_FOUND",
        )
        .await;
        assert_eq!(error["field"], *field, "{error}");
    }
    assert_eq!(app.event_count(&org.key).await, 1);

    // Its own objects are fine, and deleting one leaves the showing without it.
    let mine = agent(&app, &org.key, "Ava").await;
    let lead = app.create("/api/leads", &org.key, &json!({"name": "Jane Doe"})).await;
    let (status, linked) = json(
        app.patch(&format!("/api/showings/{id}"), &org.key, &json!({"agentId": mine, "leadId": lead["id"]})).await,
    )
    .await;
    assert_eq!((status, linked["agentId"].as_str()), (200, Some(mine.as_str())), "{linked}");
    app.delete(&format!("/api/team/{mine}"), &org.key).await;
    let (_, after) = json(app.get(&format!("/api/showings/{id}"), &org.key).await).await;
    assert_eq!(after["agentId"], Value::Null);
    assert_eq!(after["leadId"], lead["id"]);
}

#[tokio::test]
async fn an_agent_cannot_be_double_booked() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = agent(&app, &org.key, "Ava").await;
    let ben = agent(&app, &org.key, "Ben").await;
    let first = book(&app, &org.key, json!({"agentId": ava, "scheduledAt": at(10, 0)})).await;

    // Overlaps, from every side.
    for (start, minutes) in [(at(10, 0), 30), (at(10, 15), 30), (at(9, 45), 30), (at(9, 0), 120), (at(10, 10), 5)] {
        let body = json!({"agentId": ava, "scheduledAt": start, "durationMinutes": minutes});
        let error = expect_error(app.post("/api/showings", &org.key, &body).await, 409, "DOUBLE_BOOKED").await;
        assert!(error["error"].as_str().unwrap().contains(&first), "the message names the clash: {error}");
        assert_eq!(error["conflictingId"], first.as_str());
    }
    assert_eq!(app.events(&org.key, "showing.created").await.len(), 1, "refused bookings write nothing");

    // Back to back is fine, as are other agents, showings without an agent, and showings
    // that do not hold the agent's time.
    book(&app, &org.key, json!({"agentId": ava, "scheduledAt": at(10, 30)})).await;
    book(&app, &org.key, json!({"agentId": ava, "scheduledAt": at(9, 30), "durationMinutes": 30})).await;
    book(&app, &org.key, json!({"agentId": ben, "scheduledAt": at(10, 0)})).await;
    book(&app, &org.key, json!({"scheduledAt": at(10, 0)})).await;
    for status in ["cancelled", "completed", "no_show"] {
        book(&app, &org.key, json!({"agentId": ava, "scheduledAt": at(10, 0), "status": status})).await;
    }
    let error = expect_error(
        app.post("/api/showings", &org.key, &json!({"agentId": ava, "scheduledAt": at(10, 5), "status": "confirmed"}))
            .await,
        409,
        "DOUBLE_BOOKED",
    )
    .await;
    assert_eq!(error["conflictingId"], first.as_str());

    // A showing may grow within its own free time, but not into another one.
    let path = format!("/api/showings/{first}");
    let error =
        expect_error(app.patch(&path, &org.key, &json!({"durationMinutes": 31})).await, 409, "DOUBLE_BOOKED").await;
    assert_ne!(error["conflictingId"], first.as_str(), "a showing never clashes with itself");
    let (status, moved) =
        json(app.patch(&path, &org.key, &json!({"scheduledAt": at(11, 0), "durationMinutes": 60})).await).await;
    assert_eq!((status, moved["scheduledAt"].as_str()), (200, Some(at(11, 0).as_str())), "{moved}");
    let (status, _) =
        json(app.patch(&path, &org.key, &json!({"scheduledAt": at(10, 0), "durationMinutes": 30})).await).await;
    assert_eq!(status, 200, "back into its freed slot");

    // Cancelling frees the slot; scheduling the cancelled showing again is then refused.
    app.patch(&path, &org.key, &json!({"status": "cancelled"})).await;
    let second = book(&app, &org.key, json!({"agentId": ava, "scheduledAt": at(10, 0)})).await;
    let error =
        expect_error(app.patch(&path, &org.key, &json!({"status": "scheduled"})).await, 409, "DOUBLE_BOOKED").await;
    assert_eq!(error["conflictingId"], second.as_str());

    // Moving another agent's showing into a taken slot, or reassigning it, is refused too.
    let bens = book(&app, &org.key, json!({"agentId": ben, "scheduledAt": at(14, 0)})).await;
    let bens_path = format!("/api/showings/{bens}");
    expect_error(
        app.patch(&bens_path, &org.key, &json!({"agentId": ava, "scheduledAt": at(10, 20)})).await,
        409,
        "DOUBLE_BOOKED",
    )
    .await;
    let (_, unchanged) = json(app.get(&bens_path, &org.key).await).await;
    assert_eq!(
        (unchanged["agentId"].as_str(), unchanged["scheduledAt"].as_str()),
        (Some(ben.as_str()), Some(at(14, 0).as_str()))
    );
    let (status, _) = json(app.patch(&bens_path, &org.key, &json!({"agentId": ava})).await).await;
    assert_eq!(status, 200, "Ava is free at 14:00");

    // Editing a showing without changing its time never checks the calendar.
    let (status, _) = json(app.patch(&bens_path, &org.key, &json!({"notes": "Parking at the back"})).await).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn concurrent_bookings_of_one_agent_admit_exactly_one() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = agent(&app, &org.key, "Ava").await;
    let bodies: Vec<Value> =
        (0..10).map(|i| json!({"agentId": ava, "scheduledAt": at(10, i), "durationMinutes": 30})).collect();
    let responses = join_all(bodies.iter().map(|body| app.post("/api/showings", &org.key, body))).await;
    let statuses: Vec<u16> = responses.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 9, "{statuses:?}");
    assert_eq!(app.events(&org.key, "showing.created").await.len(), 1);
    let (_, list) = json(app.get(&format!("/api/showings?agentId={ava}"), &org.key).await).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
}
