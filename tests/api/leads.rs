//! Leads: the documented examples (Aureum `/api/leads`, Aura `/v1/leads`), references, the contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{expect_error, json, spawn_app};

fn jane() -> Value {
    json!({"name": "Jane Doe", "email": "jane@example.com", "phone": "+1-555-0200", "source": "website",
           "message": "Interested in the Beverly Hills listing"})
}

#[tokio::test]
async fn documented_list_examples() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.create("/api/leads", &org.key, &jane()).await;
    app.create("/api/leads", &org.key, &json!({"name": "Walk In", "source": "office", "status": "lost"})).await;

    let (status, list) = json(app.get("/api/leads?status=new&source=website", &org.key).await).await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let lead = &list[0];
    for field in ["id", "name", "email", "phone", "source", "status", "message", "createdAt"] {
        assert!(lead[field].is_string(), "{field}: {lead}");
    }
    assert_eq!(lead["status"], "new");

    // Aura: `curl -H "Authorization: Bearer …" https://…/v1/leads`, then a lead by id.
    let (status, all) = json(app.get("/v1/leads", &org.key).await).await;
    assert_eq!((status, all.as_array().unwrap().len()), (200, 2));
    let id = all[0]["id"].as_str().unwrap();
    let (status, one) = json(app.get(&format!("/v1/leads/{id}"), &org.key).await).await;
    assert_eq!((status, &one), (200, &all[0]));
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let spec = Spec {
            path: "/api/leads",
            scope: "leads",
            event: "lead",
            create: jane(),
            update: json!({"status": "contacted"}),
            string_field: "name",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn references_must_exist_in_the_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let their_contact = app.create("/api/contacts", &other.key, &json!({"firstName": "T", "lastName": "C"})).await;
    let their_member = app.create("/api/team", &other.key, &json!({"name": "Their Agent"})).await;
    let mine = app.create("/api/team", &org.key, &json!({"name": "My Agent"})).await;

    for (field, id) in [
        ("contactId", their_contact["id"].clone()),
        ("assignedToId", their_member["id"].clone()),
        ("propertyId", json!("prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")),
    ] {
        let mut body = jane();
        body[field] = id;
        let error = expect_error(app.post("/api/leads", &org.key, &body).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], field);
    }
    assert_eq!(app.event_count(&org.key).await, 1, "only the team member's event");

    let mut body = jane();
    body["assignedToId"] = mine["id"].clone();
    let lead = app.create("/api/leads", &org.key, &body).await;
    let (_, assigned) =
        json(app.get(&format!("/api/leads?assignedToId={}", mine["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!(assigned[0]["id"], lead["id"]);
    let (_, none) =
        json(app.get(&format!("/api/leads?assignedToId={}", their_member["id"].as_str().unwrap()), &org.key).await)
            .await;
    assert_eq!(none, json!([]), "filtering by another organization's id finds nothing, like a missing id");

    // Deleting the member unassigns the lead.
    app.delete(&format!("/api/team/{}", mine["id"].as_str().unwrap()), &org.key).await;
    let (_, after) = json(app.get(&format!("/api/leads/{}", lead["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!(after["assignedToId"], Value::Null);
}
