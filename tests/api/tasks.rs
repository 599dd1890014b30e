//! Tasks: the documented list example, defaults, `completedAt` and exactly one `task.completed`
//! per completion, filters, validation, references, and the shared contract.

use std::time::Duration;

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{TestApp, expect_error, expect_field_error, json, spawn_app};

/// 2030-01-15T10:30:00Z.
const NOW_MS: i64 = 1_894_703_400_000;

fn follow_up() -> Value {
    json!({"title": "Follow up with John Smith", "type": "call", "priority": "HIGH", "dueDate": "2025-01-20T17:00:00Z"})
}

async fn status(app: &TestApp, key: &str, id: &str, status: &str) -> Value {
    let (code, task) = json(app.patch(&format!("/api/tasks/{id}"), key, &json!({"status": status})).await).await;
    assert_eq!(code, 200, "{task}");
    task
}

#[tokio::test]
async fn documented_list_example() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let agent = app.create("/api/team", &org.key, &json!({"name": "Ava Stone"})).await;
    let agent_id = agent["id"].as_str().unwrap();
    let mut body = follow_up();
    body["assignedToId"] = json!(agent_id);
    let created = app.create("/api/tasks", &org.key, &body).await;
    assert!(created["id"].as_str().unwrap().starts_with("task_"));
    app.create("/api/tasks", &org.key, &json!({"title": "Someone else's"})).await;

    let (code, list) =
        json(app.get(&format!("/api/tasks?status=pending&assignedToId={agent_id}"), &org.key).await).await;
    assert_eq!(code, 200);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let task = &list[0];
    for field in ["id", "title", "type", "priority", "status", "dueDate", "createdAt"] {
        assert!(task[field].is_string(), "{field}: {task}");
    }
    assert_eq!(
        (&task["title"], &task["type"], &task["priority"], &task["status"], &task["dueDate"]),
        (
            &json!("Follow up with John Smith"),
            &json!("call"),
            &json!("HIGH"),
            &json!("pending"),
            &json!("2025-01-20T17:00:00.000Z")
        )
    );
    assert_eq!(task, &created);
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let spec = Spec {
            path: "/api/tasks",
            scope: "tasks",
            event: "task",
            create: follow_up(),
            update: json!({"priority": "URGENT", "status": "in_progress"}),
            string_field: "title",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn defaults() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let task = app.create("/api/tasks", &org.key, &json!({"title": "Water the plants"})).await;
    assert_eq!(
        (&task["type"], &task["priority"], &task["status"]),
        (&json!("other"), &json!("MEDIUM"), &json!("pending"))
    );
    for field in ["description", "dueDate", "assignedToId", "contactId", "leadId", "propertyId", "completedAt"] {
        assert_eq!(task[field], Value::Null, "{field}");
    }
}

#[tokio::test]
async fn completing_sets_completed_at_and_emits_task_completed_once_per_completion() {
    let app = spawn_app().await;
    app.clock().freeze_at(NOW_MS);
    let org = app.org(Plan::Grow).await;
    let task = app.create("/api/tasks", &org.key, &follow_up()).await;
    let id = task["id"].as_str().unwrap();

    app.clock().advance(Duration::from_secs(60));
    assert_eq!(status(&app, &org.key, id, "in_progress").await["completedAt"], Value::Null);
    assert!(app.events(&org.key, "task.completed").await.is_empty());

    app.clock().advance(Duration::from_secs(60));
    let done = status(&app, &org.key, id, "completed").await;
    assert_eq!(done["completedAt"], "2030-01-15T10:32:00.000Z");
    let completed = app.events(&org.key, "task.completed").await;
    assert_eq!(completed.len(), 1);
    assert_eq!(completed[0]["data"], done, "the event carries the task as returned");

    // Completing again, or editing a completed task, is not another completion.
    app.clock().advance(Duration::from_secs(60));
    assert_eq!(status(&app, &org.key, id, "completed").await, done, "a no-op");
    let (_, edited) =
        json(app.patch(&format!("/api/tasks/{id}"), &org.key, &json!({"title": "Called John"})).await).await;
    assert_eq!(edited["completedAt"], done["completedAt"], "completedAt stays");
    assert_eq!(app.events(&org.key, "task.completed").await.len(), 1);

    // Reopening clears it; completing again is a second completion.
    app.clock().advance(Duration::from_secs(60));
    assert_eq!(status(&app, &org.key, id, "pending").await["completedAt"], Value::Null);
    app.clock().advance(Duration::from_secs(60));
    assert_eq!(status(&app, &org.key, id, "completed").await["completedAt"], "2030-01-15T10:35:00.000Z");
    assert_eq!(app.events(&org.key, "task.completed").await.len(), 2);
    assert_eq!(app.events(&org.key, "task.updated").await.len(), 5, "every change, completions included");

    // A task created completed: completed now, with both events.
    let mut body = follow_up();
    body["status"] = json!("completed");
    let born_done = app.create("/api/tasks", &org.key, &body).await;
    assert_eq!(born_done["completedAt"], born_done["createdAt"]);
    let completed = app.events(&org.key, "task.completed").await;
    assert_eq!(completed.len(), 3);
    assert_eq!(completed[2]["data"], born_done);
    assert_eq!(app.events(&org.key, "task.created").await.len(), 2);

    // completedAt is the server's to set.
    expect_field_error(
        app.patch(&format!("/api/tasks/{id}"), &org.key, &json!({"completedAt": "2030-01-01T00:00:00Z"})).await,
        "completedAt",
    )
    .await;
    let mut body = follow_up();
    body["completedAt"] = json!("2030-01-01T00:00:00Z");
    expect_field_error(app.post("/api/tasks", &org.key, &body).await, "completedAt").await;
}

#[tokio::test]
async fn filters_by_status_assignee_priority_and_due_date() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let ava = app.create("/api/team", &org.key, &json!({"name": "Ava"})).await["id"].clone();
    for body in [
        json!({"title": "Call", "priority": "HIGH", "dueDate": "2030-01-20T09:00:00Z", "assignedToId": ava}),
        json!({"title": "Email", "priority": "LOW", "dueDate": "2030-01-20T23:59:59Z", "status": "in_progress"}),
        json!({"title": "Meet", "priority": "URGENT", "dueDate": "2030-01-21T00:00:00Z", "assignedToId": ava, "status": "completed"}),
        json!({"title": "Someday"}),
    ] {
        app.create("/api/tasks", &org.key, &body).await;
    }
    let titles = |query: String| {
        let app = &app;
        let key = org.key.clone();
        async move {
            let (code, list) = json(app.get(&format!("/api/tasks?{query}"), &key).await).await;
            assert_eq!(code, 200, "{query}: {list}");
            let mut titles: Vec<String> =
                list.as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap().to_owned()).collect();
            titles.sort();
            titles
        }
    };
    let ava = ava.as_str().unwrap();
    assert_eq!(titles("status=pending".into()).await, ["Call", "Someday"]);
    assert_eq!(titles("status=in_progress".into()).await, ["Email"]);
    assert_eq!(titles(format!("assignedToId={ava}")).await, ["Call", "Meet"]);
    assert_eq!(titles("priority=URGENT".into()).await, ["Meet"]);
    // `dueAfter` is inclusive and `dueBefore` exclusive: one day is `dueAfter=<day>&dueBefore=<next day>`.
    assert_eq!(titles("dueAfter=2030-01-20&dueBefore=2030-01-21".into()).await, ["Call", "Email"]);
    assert_eq!(titles("dueAfter=2030-01-21T00:00:00Z".into()).await, ["Meet"]);
    assert_eq!(titles("dueBefore=2030-01-20T09:00:00Z".into()).await, Vec::<String>::new());
    assert_eq!(titles(format!("assignedToId={ava}&status=completed&priority=URGENT")).await, ["Meet"]);

    for (query, field) in [
        ("status=done", "status"),
        ("priority=high", "priority"),
        ("dueBefore=friday", "dueBefore"),
        ("dueAfter=1", "dueAfter"),
    ] {
        expect_field_error(app.get(&format!("/api/tasks?{query}"), &org.key).await, field).await;
    }
}

#[tokio::test]
async fn bad_values_name_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let with = |field: &str, value: Value| {
        let mut body = follow_up();
        body[field] = value;
        body
    };
    for (body, field) in [
        (json!({"type": "call"}), "title"),
        (with("title", json!("  ")), "title"),
        (with("title", json!("t".repeat(201))), "title"),
        (with("title", json!(7)), "title"),
        (with("description", json!("d".repeat(10_001))), "description"),
        (with("description", json!(false)), "description"),
        (with("type", json!("visit")), "type"),
        (with("type", json!(1)), "type"),
        (with("priority", json!("high")), "priority"),
        (with("status", json!("done")), "status"),
        (with("dueDate", json!("someday")), "dueDate"),
        (with("dueDate", json!(1_900_000_000)), "dueDate"),
        (with("assignedToId", json!(3)), "assignedToId"),
        (with("contactId", json!([])), "contactId"),
        (with("leadId", json!({})), "leadId"),
        (with("propertyId", json!(1.5)), "propertyId"),
    ] {
        expect_field_error(app.post("/api/tasks", &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 0);

    let task = app.create("/api/tasks", &org.key, &follow_up()).await;
    let path = format!("/api/tasks/{}", task["id"].as_str().unwrap());
    for (body, field) in [
        (json!({"title": null}), "title"),
        (json!({"title": ""}), "title"),
        (json!({"type": null}), "type"),
        (json!({"priority": "P1"}), "priority"),
        (json!({"status": null}), "status"),
        (json!({"dueDate": "2030-13-01"}), "dueDate"),
        (json!({"description": "d".repeat(10_001)}), "description"),
    ] {
        expect_field_error(app.patch(&path, &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 1);
    let (_, unchanged) = json(app.get(&path, &org.key).await).await;
    assert_eq!(unchanged, task);

    // `null` clears the optional ones.
    let (_, cleared) = json(app.patch(&path, &org.key, &json!({"dueDate": null, "description": null})).await).await;
    assert_eq!((&cleared["dueDate"], &cleared["description"]), (&Value::Null, &Value::Null));
}

#[tokio::test]
async fn references_must_exist_in_the_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let theirs = [
        ("assignedToId", app.create("/api/team", &other.key, &json!({"name": "Their Agent"})).await["id"].clone()),
        (
            "contactId",
            app.create("/api/contacts", &other.key, &json!({"firstName": "T", "lastName": "C"})).await["id"].clone(),
        ),
        ("leadId", app.create("/api/leads", &other.key, &json!({"name": "Their Lead"})).await["id"].clone()),
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
    ];
    for (field, id) in &theirs {
        let mut body = follow_up();
        body[*field] = id.clone();
        let error = expect_error(app.post("/api/tasks", &org.key, &body).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], *field, "{error}");
    }
    assert_eq!(app.event_count(&org.key).await, 0);

    let task = app.create("/api/tasks", &org.key, &follow_up()).await;
    let path = format!("/api/tasks/{}", task["id"].as_str().unwrap());
    for (field, id) in &theirs {
        let error = expect_error(app.patch(&path, &org.key, &json!({*field: id})).await, 404, "NOT_FOUND").await;
        assert_eq!(error["field"], *field, "{error}");
    }
    assert_eq!(app.event_count(&org.key).await, 1);

    // Its own objects are fine; deleting one leaves the task without it.
    let contact = app.create("/api/contacts", &org.key, &json!({"firstName": "John", "lastName": "Smith"})).await;
    let (code, linked) = json(app.patch(&path, &org.key, &json!({"contactId": contact["id"]})).await).await;
    assert_eq!((code, &linked["contactId"]), (200, &contact["id"]));
    app.delete(&format!("/api/contacts/{}", contact["id"].as_str().unwrap()), &org.key).await;
    let (_, after) = json(app.get(&path, &org.key).await).await;
    assert_eq!(after["contactId"], Value::Null);
}
