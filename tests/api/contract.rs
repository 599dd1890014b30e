//! The behaviour every CRUD resource shares, checked the same way for each: events written
//! with each change and nothing written on failure, 404 for other organizations' ids, 403
//! without the scope, JSON errors for malformed and mistyped bodies, and pagination.

use gable::vocab::plan::Plan;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestOrg, expect_error, json, spawn_app};

/// What the contract needs to know about a resource.
pub struct Spec<'a> {
    /// e.g. `/api/properties`
    pub path: &'a str,
    /// e.g. `properties` (scopes `read:properties`, `write:properties`)
    pub scope: &'a str,
    /// e.g. `property` (events `property.created` …)
    pub event: &'a str,
    /// A valid create body.
    pub create: Value,
    /// A valid, changing update body.
    pub update: Value,
    /// A field that must be a string, to send a number in.
    pub string_field: &'a str,
}

/// Creates what `setup` needs in `org` and returns the spec (resources whose bodies reference
/// other objects create those first).
pub async fn check<F, Fut>(setup: F)
where
    F: Fn(TestApp, TestOrg) -> Fut,
    Fut: std::future::Future<Output = (TestApp, TestOrg, Spec<'static>)>,
{
    check_with_events(setup, "created", "deleted").await;
}

/// A record's timestamp field, whichever JSON case the resource uses (`updatedAt`, `updated_at`).
fn stamp<'v>(record: &'v Value, camel: &str, snake: &str) -> &'v Value {
    if record.get(camel).is_some() { &record[camel] } else { &record[snake] }
}

/// [`check`] for a resource whose create and delete events have other verbs (`tenant.added`,
/// `tenant.removed`).
pub async fn check_with_events<F, Fut>(setup: F, created_verb: &str, deleted_verb: &str)
where
    F: Fn(TestApp, TestOrg) -> Fut,
    Fut: std::future::Future<Output = (TestApp, TestOrg, Spec<'static>)>,
{
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let (app, org, spec) = setup(app, org).await;
    let path = spec.path;

    // Create: 201, the object, and its event carrying exactly what the API returned.
    let created = app.create(path, &org.key, &spec.create).await;
    let id = created["id"].as_str().expect("an id").to_owned();
    let events = app.events(&org.key, &format!("{}.{created_verb}", spec.event)).await;
    assert_eq!(events.len(), 1, "one {}.{created_verb}", spec.event);
    assert_eq!(events[0]["data"], created, "event data is the object as returned");
    assert_eq!(events[0]["orgId"], org.id.as_str());

    // Get and list under both prefixes.
    let (status, got) = json(app.get(&format!("{path}/{id}"), &org.key).await).await;
    assert_eq!((status, &got), (200, &created));
    let v1 = path.replacen("/api/", "/v1/", 1);
    let (status, listed) = json(app.get(&v1, &org.key).await).await;
    assert_eq!(status, 200);
    assert_eq!(listed[0], created);

    // Update: the change, updatedAt moves, and an updated event; a no-op update writes nothing.
    app.clock().advance(std::time::Duration::from_secs(1));
    let (status, updated) = json(app.patch(&format!("{path}/{id}"), &org.key, &spec.update).await).await;
    assert_eq!(status, 200, "{updated}");
    assert_ne!(stamp(&updated, "updatedAt", "updated_at"), stamp(&created, "updatedAt", "updated_at"));
    assert_eq!(stamp(&updated, "createdAt", "created_at"), stamp(&created, "createdAt", "created_at"));
    let updates = app.events(&org.key, &format!("{}.updated", spec.event)).await;
    assert_eq!(updates.len(), 1, "{updates:?}");
    assert_eq!(updates[0]["data"], updated);
    let before = app.event_count(&org.key).await;
    let (status, same) = json(app.patch(&format!("{path}/{id}"), &org.key, &spec.update).await).await;
    assert_eq!((status, &same), (200, &updated), "repeating an update changes nothing");
    assert_eq!(app.event_count(&org.key).await, before, "a no-op update writes no event");

    // Bad input: JSON errors, and nothing written.
    let before = app.event_count(&org.key).await;
    let response = app
        .request(Method::POST, path, Some(&org.key))
        .header("content-type", "application/json")
        .body("{\"oops\": ")
        .send()
        .await
        .unwrap();
    expect_error(response, 400, "INVALID_JSON").await;
    let mut mistyped = spec.create.clone();
    mistyped[spec.string_field] = json!(12345);
    let body = expect_error(app.post(path, &org.key, &mistyped).await, 400, "VALIDATION_ERROR").await;
    assert_eq!(body["field"], spec.string_field);
    let mut unknown = spec.create.clone();
    unknown["noSuchField"] = json!(1);
    let body = expect_error(app.post(path, &org.key, &unknown).await, 400, "VALIDATION_ERROR").await;
    assert_eq!(body["field"], "noSuchField");
    let body = expect_error(
        app.patch(&format!("{path}/{id}"), &org.key, &json!({spec.string_field: 1})).await,
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(body["field"], spec.string_field);
    // serde would read a struct from an array by position: no documented body is one.
    let positional: Vec<Value> = spec.update.as_object().unwrap().values().map(|_| Value::Null).collect();
    for body in [json!([]), Value::Array(positional), json!(["Renamed"]), json!("Renamed"), json!(null)] {
        for response in
            [app.post(path, &org.key, &body).await, app.patch(&format!("{path}/{id}"), &org.key, &body).await]
        {
            let error = expect_error(response, 400, "VALIDATION_ERROR").await;
            assert_eq!(error["error"], "The request body must be a JSON object", "{body}");
            assert!(error.get("field").is_none(), "{error}");
        }
    }
    let response = app
        .request(Method::POST, path, Some(&org.key))
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    expect_error(response, 415, "UNSUPPORTED_MEDIA_TYPE").await;
    assert_eq!(app.event_count(&org.key).await, before, "failed writes write no events");
    let (_, after) = json(app.get(&format!("{path}/{id}"), &org.key).await).await;
    assert_eq!(after, updated, "failed writes change nothing");

    // Another organization: its ids do not exist here.
    let other = app.org(Plan::Grow).await;
    for response in [
        app.get(&format!("{path}/{id}"), &other.key).await,
        app.patch(&format!("{path}/{id}"), &other.key, &spec.update).await,
        app.delete(&format!("{path}/{id}"), &other.key).await,
    ] {
        expect_error(response, 404, "NOT_FOUND").await;
    }
    let (_, theirs) = json(app.get(path, &other.key).await).await;
    assert_eq!(theirs, json!([]), "lists never show another organization's objects");
    assert_eq!(app.event_count(&other.key).await, 0);

    // Scopes.
    let unrelated = app.key(&org.id, &["read:nothing_here"]).await;
    let body = expect_error(app.get(path, &unrelated).await, 403, "INSUFFICIENT_SCOPE").await;
    assert!(body["error"].as_str().unwrap().contains(&format!("read:{}", spec.scope)), "{body}");
    let reader = app.key(&org.id, &[&format!("read:{}", spec.scope)]).await;
    assert_eq!(app.get(path, &reader).await.status(), 200);
    let body = expect_error(app.post(path, &reader, &spec.create).await, 403, "INSUFFICIENT_SCOPE").await;
    assert!(body["error"].as_str().unwrap().contains(&format!("write:{}", spec.scope)), "{body}");
    expect_error(app.delete(&format!("{path}/{id}"), &reader).await, 403, "INSUFFICIENT_SCOPE").await;

    // The plan.
    let starter = app.org(Plan::Starter).await;
    let body = expect_error(app.get(path, &starter.key).await, 403, "PLAN_UPGRADE_REQUIRED").await;
    assert_eq!(body["requiredPlan"], "Grow");

    // Delete: the object goes, with its event.
    let (status, deleted) = json(app.delete(&format!("{path}/{id}"), &org.key).await).await;
    assert_eq!((status, deleted), (200, json!({"id": id, "deleted": true})));
    expect_error(app.get(&format!("{path}/{id}"), &org.key).await, 404, "NOT_FOUND").await;
    let deletions = app.events(&org.key, &format!("{}.{deleted_verb}", spec.event)).await;
    assert_eq!(deletions.len(), 1);
    assert_eq!(deletions[0]["data"]["id"], id.as_str());
}

/// Creates `n` objects with `make(i)` and walks the list `page` at a time through the `Link`
/// header: newest first, every object once.
pub async fn check_pagination(
    app: &TestApp,
    key: &str,
    path: &str,
    n: usize,
    page: usize,
    make: impl Fn(usize) -> Value,
) {
    let mut ids = Vec::new();
    for i in 0..n {
        ids.push(app.create(path, key, &make(i)).await["id"].as_str().unwrap().to_owned());
    }
    ids.reverse();
    let mut seen = Vec::new();
    let mut next = Some(format!("{path}?limit={page}"));
    while let Some(url) = next {
        let response = app.get(&url, key).await;
        next = response.headers().get("link").map(|link| {
            let link = link.to_str().unwrap();
            assert!(link.ends_with("; rel=\"next\""), "{link}");
            link.trim_start_matches('<').split('>').next().unwrap().to_owned()
        });
        let (status, body) = json(response).await;
        assert_eq!(status, 200);
        let items = body.as_array().unwrap();
        assert!(items.len() <= page);
        seen.extend(items.iter().map(|item| item["id"].as_str().unwrap().to_owned()));
    }
    assert_eq!(seen, ids, "every object once, newest first");
    for bad in ["0", "101", "ten"] {
        let body = expect_error(app.get(&format!("{path}?limit={bad}"), key).await, 400, "VALIDATION_ERROR").await;
        assert_eq!(body["field"], "limit");
    }
}

#[tokio::test]
async fn pagination_follows_link_headers() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    check_pagination(&app, &org.key, "/api/contacts", 7, 3, |i| json!({"firstName": format!("C{i}"), "lastName": "P"}))
        .await;
}
