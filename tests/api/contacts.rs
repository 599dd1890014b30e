//! Contacts: the Aureum examples as written, tags, search, validation, the shared contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{expect_field_error, json, spawn_app};

fn john() -> Value {
    json!({
        "firstName": "John", "lastName": "Smith", "email": "john@example.com",
        "phone": "+1-555-0100", "type": "BUYER", "tags": ["vip", "beverly-hills"]
    })
}

#[tokio::test]
async fn documented_examples() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let created = app.create("/api/contacts", &org.key, &john()).await;
    assert!(created["id"].as_str().unwrap().starts_with("cont_"));
    assert_eq!((created["firstName"].as_str(), created["lastName"].as_str()), (Some("John"), Some("Smith")));
    assert!(created["createdAt"].is_string());

    let id = created["id"].as_str().unwrap();
    app.patch(&format!("/api/contacts/{id}"), &org.key, &json!({"score": 85})).await;
    let (status, list) = json(app.get("/api/contacts?type=BUYER&tag=vip&search=john", &org.key).await).await;
    assert_eq!(status, 200);
    let c = &list[0];
    assert_eq!(c["email"], "john@example.com");
    assert_eq!(c["phone"], "+1-555-0100");
    assert_eq!(c["type"], "BUYER");
    assert_eq!(c["tags"], json!(["vip", "beverly-hills"]));
    assert_eq!(c["score"], 85);
    assert!(c["createdAt"].is_string());
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let spec = Spec {
            path: "/api/contacts",
            scope: "contacts",
            event: "contact",
            create: john(),
            update: json!({"score": 42, "tags": ["warm"]}),
            string_field: "firstName",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn filters_by_type_tag_and_search() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ann = app.create("/api/contacts", &org.key, &json!({"firstName": "Ann", "lastName": "Lee", "email": "ann@lee.example", "type": "SELLER", "tags": ["vip"]})).await;
    app.create("/api/contacts", &org.key, &john()).await;
    app.create("/api/contacts", &org.key, &json!({"firstName": "Bob", "lastName": "Vance", "type": "VENDOR"})).await;
    let names = |query: &'static str| {
        let app = &app;
        let key = org.key.clone();
        async move {
            let (status, list) = json(app.get(&format!("/api/contacts?{query}"), &key).await).await;
            assert_eq!(status, 200, "{list}");
            let mut names: Vec<String> =
                list.as_array().unwrap().iter().map(|c| c["firstName"].as_str().unwrap().to_owned()).collect();
            names.sort();
            names
        }
    };
    assert_eq!(names("type=SELLER").await, ["Ann"]);
    assert_eq!(names("tag=vip").await, ["Ann", "John"]);
    assert_eq!(names("tag=beverly-hills").await, ["John"]);
    assert_eq!(names("search=LEE.EXAMPLE").await, ["Ann"]);
    assert_eq!(names("search=john%20smith").await, ["John"]);
    assert_eq!(names("search=vance").await, ["Bob"]);

    // Tags follow updates.
    let id = ann["id"].as_str().unwrap();
    app.patch(&format!("/api/contacts/{id}"), &org.key, &json!({"tags": ["cold"]})).await;
    assert_eq!(names("tag=vip").await, ["John"]);
    assert_eq!(names("tag=cold").await, ["Ann"]);
    app.delete(&format!("/api/contacts/{id}"), &org.key).await;
    assert_eq!(names("tag=cold").await, Vec::<String>::new());

    expect_field_error(app.get("/api/contacts?type=FRIEND", &org.key).await, "type").await;
}

#[tokio::test]
async fn bad_values_name_their_field() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let with = |field: &str, value: Value| {
        let mut body = john();
        body[field] = value;
        body
    };
    for (body, field) in [
        (json!({"firstName": "A"}), "lastName"),
        (with("email", json!("not-an-email")), "email"),
        (with("type", json!("FRIEND")), "type"),
        (with("score", json!(101)), "score"),
        (with("score", json!(-1)), "score"),
        (with("tags", json!("vip")), "tags"),
        (with("tags", json!([""])), "tags"),
        (with("lastName", json!("x".repeat(101))), "lastName"),
    ] {
        expect_field_error(app.post("/api/contacts", &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 0);
}
