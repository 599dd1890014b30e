//! Calls (Aura: "List calls - Retrieve paginated list of calls", "Get call"): the documented
//! calls, filters, references, validation, the shared contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_error, expect_field_error, json, spawn_app};

fn call() -> Value {
    json!({"direction": "outbound", "fromNumber": "+1-555-0142", "toNumber": "+1-555-0200",
           "startedAt": "2025-01-15T16:05:00Z", "durationSeconds": 312, "outcome": "Booked a showing",
           "notes": "Wants a garden"})
}

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

/// A team member, a lead and a contact in the organization of `key`.
async fn people(app: &TestApp, key: &str) -> (String, String, String) {
    let member = app.create("/api/team", key, &json!({"name": "Ava Stone"})).await;
    let lead = app.create("/api/leads", key, &json!({"name": "Jane Doe"})).await;
    let contact = app.create("/api/contacts", key, &json!({"firstName": "John", "lastName": "Smith"})).await;
    (id(&member), id(&lead), id(&contact))
}

#[tokio::test]
async fn documented_list_and_get() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (member, lead, _) = people(&app, &org.key).await;
    let mut body = call();
    body["teamMemberId"] = json!(member);
    body["leadId"] = json!(lead);
    let created = app.create("/api/calls", &org.key, &body).await;
    assert!(id(&created).starts_with("call_"));
    assert_eq!(created["startedAt"], "2025-01-15T16:05:00.000Z");
    assert_eq!(created["contactId"], Value::Null);

    let (status, list) = json(app.get("/v1/calls", &org.key).await).await;
    assert_eq!((status, list), (200, json!([created.clone()])));
    let (status, one) = json(app.get(&format!("/v1/calls/{}", id(&created)), &org.key).await).await;
    assert_eq!((status, &one), (200, &created));
    for field in ["id", "direction", "fromNumber", "toNumber", "leadId", "teamMemberId", "startedAt", "outcome"] {
        assert!(one[field].is_string(), "{field}: {one}");
    }
    assert_eq!(one["durationSeconds"], 312);
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let (member, lead, contact) = people(&app, &org.key).await;
        let mut create = call();
        create["teamMemberId"] = json!(member);
        create["leadId"] = json!(lead);
        create["contactId"] = json!(contact);
        let spec = Spec {
            path: "/api/calls",
            scope: "calls",
            event: "call",
            create,
            update: json!({"durationSeconds": 340, "outcome": "Left a voicemail", "leadId": null}),
            string_field: "toNumber",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn every_filter_narrows_the_list() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (ava, lead, contact) = people(&app, &org.key).await;
    let ben = id(&app.create("/api/team", &org.key, &json!({"name": "Ben"})).await);
    let make = |outcome: &str, direction: &str, at: &str, member: &str, extra: Value| {
        let mut body = json!({"direction": direction, "fromNumber": "1", "toNumber": "2", "startedAt": at,
                              "outcome": outcome, "teamMemberId": member});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    for body in [
        make("a", "inbound", "2025-01-10T09:00:00Z", &ava, json!({"leadId": lead})),
        make("b", "outbound", "2025-01-20T09:00:00Z", &ava, json!({"contactId": contact})),
        make("c", "outbound", "2025-02-01T12:00:00Z", &ben, json!({})),
    ] {
        app.create("/api/calls", &org.key, &body).await;
    }
    let outcomes = |query: String| {
        let app = &app;
        let key = org.key.clone();
        async move {
            let (status, list) = json(app.get(&format!("/api/calls?{query}"), &key).await).await;
            assert_eq!(status, 200, "{query}: {list}");
            let mut out: Vec<String> =
                list.as_array().unwrap().iter().map(|c| c["outcome"].as_str().unwrap().to_owned()).collect();
            out.sort();
            out
        }
    };
    assert_eq!(outcomes("direction=outbound".into()).await, ["b", "c"]);
    assert_eq!(outcomes(format!("teamMemberId={ava}")).await, ["a", "b"]);
    assert_eq!(outcomes(format!("teamMemberId={ben}&direction=inbound")).await, Vec::<String>::new());
    assert_eq!(outcomes(format!("leadId={lead}")).await, ["a"]);
    assert_eq!(outcomes(format!("contactId={contact}")).await, ["b"]);
    assert_eq!(outcomes("from=2025-01-20T09:00:00Z".into()).await, ["b", "c"], "from is inclusive");
    assert_eq!(outcomes("to=2025-01-20T09:00:00Z".into()).await, ["a"], "to is exclusive");
    assert_eq!(outcomes("from=2025-01-20&to=2025-01-21".into()).await, ["b"], "one day");
    assert_eq!(outcomes("from=2025-01-11&to=2025-01-31".into()).await, ["b"], "dates are midnight UTC");
    assert_eq!(outcomes("from=2025-01-20T10:00:00%2B01:00&to=2025-01-20T10:00:01%2B01:00".into()).await, ["b"]);

    expect_field_error(app.get("/api/calls?direction=sideways", &org.key).await, "direction").await;
    expect_field_error(app.get("/api/calls?from=yesterday", &org.key).await, "from").await;
    expect_field_error(app.get("/api/calls?to=2025-13-01", &org.key).await, "to").await;
}

#[tokio::test]
async fn bad_values_name_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let with = |field: &str, value: Value| {
        let mut body = call();
        body[field] = value;
        body
    };
    let without = |field: &str| {
        let mut body = call();
        body.as_object_mut().unwrap().remove(field);
        body
    };
    for (body, field) in [
        (without("direction"), "direction"),
        (without("fromNumber"), "fromNumber"),
        (without("toNumber"), "toNumber"),
        (without("startedAt"), "startedAt"),
        (with("direction", json!("sideways")), "direction"),
        (with("direction", json!("OUTBOUND")), "direction"),
        (with("direction", json!(1)), "direction"),
        (with("direction", Value::Null), "direction"),
        (with("fromNumber", json!("")), "fromNumber"),
        (with("fromNumber", json!("1".repeat(51))), "fromNumber"),
        (with("toNumber", json!("2".repeat(51))), "toNumber"),
        (with("toNumber", json!(5550200)), "toNumber"),
        (with("startedAt", json!("last tuesday")), "startedAt"),
        (with("startedAt", json!(1736956800)), "startedAt"),
        (with("durationSeconds", json!(-1)), "durationSeconds"),
        (with("durationSeconds", json!(86_401)), "durationSeconds"),
        (with("durationSeconds", json!(1.5)), "durationSeconds"),
        (with("durationSeconds", json!("60")), "durationSeconds"),
        (with("outcome", json!("o".repeat(101))), "outcome"),
        (with("notes", json!("n".repeat(10_001))), "notes"),
        (with("leadId", json!(42)), "leadId"),
        (with("recording", json!("https://x")), "recording"),
    ] {
        expect_field_error(app.post("/api/calls", &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 0);
    let (_, list) = json(app.get("/api/calls", &org.key).await).await;
    assert_eq!(list, json!([]));

    let created = app.create("/api/calls", &org.key, &call()).await;
    let path = format!("/api/calls/{}", id(&created));
    for (body, field) in [
        (json!({"direction": null}), "direction"),
        (json!({"toNumber": null}), "toNumber"),
        (json!({"startedAt": null}), "startedAt"),
        (json!({"durationSeconds": -5}), "durationSeconds"),
        (json!({"outcome": "x".repeat(101)}), "outcome"),
    ] {
        expect_field_error(app.patch(&path, &org.key, &body).await, field).await;
    }
    let (status, cleared) =
        json(app.patch(&path, &org.key, &json!({"durationSeconds": null, "outcome": null, "notes": ""})).await).await;
    assert_eq!(status, 200, "{cleared}");
    assert_eq!(
        (cleared["durationSeconds"].clone(), cleared["outcome"].clone(), cleared["notes"].clone()),
        (Value::Null, Value::Null, Value::Null)
    );
    assert_eq!(app.events(&org.key, "call.updated").await.len(), 1);
    assert_eq!(app.event_count(&org.key).await, 2, "call.created and one call.updated");
}

#[tokio::test]
async fn references_must_exist_in_the_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let (their_member, their_lead, their_contact) = people(&app, &other.key).await;
    let (member, lead, contact) = people(&app, &org.key).await;
    let before = app.event_count(&org.key).await;

    for (field, value) in [
        ("teamMemberId", their_member.clone()),
        ("leadId", their_lead),
        ("contactId", their_contact),
        ("teamMemberId", "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5".to_owned()),
    ] {
        let mut body = call();
        body[field] = json!(value);
        let error = expect_error(app.post("/api/calls", &org.key, &body).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], field);
    }
    assert_eq!(app.event_count(&org.key).await, before, "refused calls write nothing");

    let mut body = call();
    body["teamMemberId"] = json!(member);
    body["leadId"] = json!(lead);
    body["contactId"] = json!(contact);
    let created = app.create("/api/calls", &org.key, &body).await;
    let path = format!("/api/calls/{}", id(&created));
    let error =
        expect_error(app.patch(&path, &org.key, &json!({"teamMemberId": their_member})).await, 404, "NOT_FOUND").await;
    assert_eq!(error["field"], "teamMemberId");
    let (_, unchanged) = json(app.get(&path, &org.key).await).await;
    assert_eq!(unchanged, created);

    // Deleting what a call references keeps the call and clears the reference.
    app.delete(&format!("/api/leads/{lead}"), &org.key).await;
    let (_, after) = json(app.get(&path, &org.key).await).await;
    assert_eq!((after["leadId"].clone(), after["teamMemberId"].clone()), (Value::Null, json!(member)));
}

#[tokio::test]
async fn pagination() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    contract::check_pagination(&app, &org.key, "/api/calls", 5, 2, |i| {
        json!({"direction": "inbound", "fromNumber": format!("+1-555-010{i}"), "toNumber": "+1-555-0142",
               "startedAt": "2025-01-15T16:05:00Z"})
    })
    .await;
}
