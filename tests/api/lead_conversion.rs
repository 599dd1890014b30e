//! `POST /api/leads/{id}/convert`: the three ways to a contact (linked, matched by email,
//! created), idempotence, scopes, and the events.

use gable::vocab::plan::Plan;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_error, json, spawn_app};

async fn convert(app: &TestApp, key: &str, lead: &Value) -> Value {
    let path = format!("/api/leads/{}/convert", lead["id"].as_str().unwrap());
    let (status, body) = json(app.post(&path, key, &json!({})).await).await;
    assert_eq!(status, 200, "{body}");
    body
}

#[tokio::test]
async fn a_lead_without_a_contact_gets_a_new_one_once() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let lead = app
        .create(
            "/api/leads",
            &org.key,
            &json!({"name": "Jane Q. Doe", "email": "jane@example.com", "phone": "+1-555-0200", "source": "website"}),
        )
        .await;

    let result = convert(&app, &org.key, &lead).await;
    assert_eq!(result["contactCreated"], true);
    let contact = &result["contact"];
    assert!(contact["id"].as_str().unwrap().starts_with("cont_"));
    assert_eq!(
        (&contact["firstName"], &contact["lastName"], &contact["email"], &contact["phone"], &contact["type"]),
        (&json!("Jane Q."), &json!("Doe"), &json!("jane@example.com"), &json!("+1-555-0200"), &json!("BUYER"))
    );
    let converted = &result["lead"];
    assert_eq!((&converted["status"], &converted["contactId"]), (&json!("converted"), &contact["id"]));
    assert_eq!((&converted["name"], &converted["source"]), (&lead["name"], &lead["source"]));

    // What the API now returns, and exactly the events of one conversion.
    let (_, stored_lead) = json(app.get(&format!("/api/leads/{}", lead["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!(&stored_lead, converted);
    let (_, stored_contact) =
        json(app.get(&format!("/api/contacts/{}", contact["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!(&stored_contact, contact);
    let created = app.events(&org.key, "contact.created").await;
    assert_eq!(created.len(), 1);
    assert_eq!(&created[0]["data"], contact);
    let updated = app.events(&org.key, "lead.updated").await;
    assert_eq!(updated.len(), 1);
    assert_eq!(&updated[0]["data"], converted);

    // Again: the same lead and contact, nothing created, nothing written.
    let before = app.event_count(&org.key).await;
    let again = convert(&app, &org.key, &lead).await;
    assert_eq!((&again["lead"], &again["contact"], &again["contactCreated"]), (converted, contact, &json!(false)));
    assert_eq!(app.event_count(&org.key).await, before);
    let (_, contacts) = json(app.get("/api/contacts", &org.key).await).await;
    assert_eq!(contacts.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_lead_with_a_contact_is_linked_to_it() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let john = app
        .create("/api/contacts", &org.key, &json!({"firstName": "John", "lastName": "Smith", "type": "SELLER"}))
        .await;
    let lead = app
        .create(
            "/api/leads",
            &org.key,
            &json!({"name": "Johnny S", "email": "other@example.com", "contactId": john["id"], "status": "qualified"}),
        )
        .await;
    let result = convert(&app, &org.key, &lead).await;
    assert_eq!(result["contactCreated"], false);
    assert_eq!(result["contact"], john, "the linked contact, unchanged");
    assert_eq!((&result["lead"]["status"], &result["lead"]["contactId"]), (&json!("converted"), &john["id"]));
    assert_eq!(app.events(&org.key, "contact.created").await.len(), 1, "only John's own");
    assert_eq!(app.events(&org.key, "lead.updated").await.len(), 1);
}

#[tokio::test]
async fn a_lead_is_matched_to_the_oldest_contact_with_its_email() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let first = app
        .create(
            "/api/contacts",
            &org.key,
            &json!({"firstName": "Jane", "lastName": "Doe", "email": "JANE@Example.com"}),
        )
        .await;
    app.create("/api/contacts", &org.key, &json!({"firstName": "J", "lastName": "D", "email": "jane@example.com"}))
        .await;
    app.create(
        "/api/contacts",
        &other.key,
        &json!({"firstName": "Their", "lastName": "Jane", "email": "jane@example.com"}),
    )
    .await;

    let lead = app.create("/api/leads", &org.key, &json!({"name": "Jane Doe", "email": "jane@EXAMPLE.com"})).await;
    let result = convert(&app, &org.key, &lead).await;
    assert_eq!((&result["contact"], &result["contactCreated"]), (&first, &json!(false)));
    assert_eq!(result["lead"]["contactId"], first["id"]);
    assert_eq!(app.events(&org.key, "contact.created").await.len(), 2, "no new contact");

    // Another organization's contact with that email is not a match: theirs gets a new one.
    let theirs = app.create("/api/leads", &other.key, &json!({"name": "Jane", "email": "jane@example.net"})).await;
    let result = convert(&app, &other.key, &theirs).await;
    assert_eq!(result["contactCreated"], true);
    let mine = app.create("/api/leads", &other.key, &json!({"name": "Jane", "email": "jane@example.com"})).await;
    let result = convert(&app, &other.key, &mine).await;
    assert_eq!((&result["contactCreated"], &result["contact"]["firstName"]), (&json!(false), &json!("Their")));
}

#[tokio::test]
async fn a_one_word_name_without_email_still_makes_a_contact() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    // Already marked converted by hand, but without a contact: converting completes it.
    let lead = app.create("/api/leads", &org.key, &json!({"name": "Cher", "status": "converted"})).await;
    let result = convert(&app, &org.key, &lead).await;
    let contact = &result["contact"];
    assert_eq!((&contact["firstName"], &contact["lastName"]), (&json!("Cher"), &json!("-")));
    assert_eq!((&contact["email"], &contact["phone"]), (&Value::Null, &Value::Null));
    assert_eq!(result["contactCreated"], true);
    assert_eq!(result["lead"]["contactId"], contact["id"]);
    assert_eq!(app.events(&org.key, "lead.updated").await.len(), 1);

    // Also under /v1, and with no body at all.
    let lead = app.create("/api/leads", &org.key, &json!({"name": "Prince Rogers Nelson"})).await;
    let path = format!("/v1/leads/{}/convert", lead["id"].as_str().unwrap());
    let (status, result) = json(app.request(Method::POST, &path, Some(&org.key)).send().await.unwrap()).await;
    assert_eq!(status, 200);
    assert_eq!(
        (&result["contact"]["firstName"], &result["contact"]["lastName"]),
        (&json!("Prince Rogers"), &json!("Nelson"))
    );
}

#[tokio::test]
async fn converting_needs_both_scopes_and_a_lead_of_the_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let lead = app.create("/api/leads", &org.key, &json!({"name": "Jane Doe", "email": "jane@example.com"})).await;
    let path = format!("/api/leads/{}/convert", lead["id"].as_str().unwrap());
    let before = app.event_count(&org.key).await;

    for (scopes, missing) in [
        (vec!["write:leads"], "write:contacts"),
        (vec!["write:contacts", "read:leads"], "write:leads"),
        (vec!["read:*"], "write:leads"),
    ] {
        let key = app.key(&org.id, &scopes).await;
        let error = expect_error(app.post(&path, &key, &json!({})).await, 403, "INSUFFICIENT_SCOPE").await;
        assert!(error["error"].as_str().unwrap().contains(missing), "{scopes:?}: {error}");
    }
    let other = app.org(Plan::Grow).await;
    expect_error(app.post(&path, &other.key, &json!({})).await, 404, "NOT_FOUND").await;
    expect_error(
        app.post("/api/leads/lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5/convert", &org.key, &json!({})).await,
        404,
        "NOT_FOUND",
    )
    .await;
    assert_eq!(app.event_count(&org.key).await, before, "refused conversions write nothing");
    assert_eq!(app.event_count(&other.key).await, 0);

    let both = app.key(&org.id, &["write:leads", "write:contacts"]).await;
    let (status, result) = json(app.post(&path, &both, &json!({})).await).await;
    assert_eq!((status, &result["contactCreated"]), (200, &json!(true)), "{result}");
}

#[tokio::test]
async fn the_openapi_document_describes_conversion() {
    let app = spawn_app().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    let operation = &doc["paths"]["/api/leads/{id}/convert"]["post"];
    assert_eq!(operation["summary"], "Convert a lead", "{operation}");
    assert!(operation["description"].as_str().unwrap().contains("write:contacts"));
    assert!(operation["responses"]["200"].is_object());
    assert!(doc["components"]["schemas"]["Conversion"].is_object());
}
