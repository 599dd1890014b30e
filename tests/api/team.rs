//! Team members (Aura: "team members with roles and commission rates").

use gable::vocab::plan::Plan;
use serde_json::json;

use crate::contract::{self, Spec};
use crate::helpers::{expect_field_error, json, spawn_app};

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let spec = Spec {
            path: "/api/team",
            scope: "team",
            event: "team_member",
            create: json!({"name": "Ava Stone", "email": "ava@example.com", "role": "agent", "commissionRate": 2.5}),
            update: json!({"commissionRate": 3, "active": false}),
            string_field: "name",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn roles_and_commission_rates_are_listed_and_validated() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.create("/api/team", &org.key, &json!({"name": "Olive Owner", "role": "owner", "commissionRate": 0})).await;
    app.create("/api/team", &org.key, &json!({"name": "Ava Stone", "commissionRate": 2.5})).await;
    let (status, list) = json(app.get("/v1/team?role=agent", &org.key).await).await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["role"], "agent");
    assert_eq!(list[0]["commissionRate"], 2.5);
    assert_eq!(list[0]["active"], true);

    for (body, field) in [
        (json!({"name": "X", "commissionRate": 101}), "commissionRate"),
        (json!({"name": "X", "commissionRate": -1}), "commissionRate"),
        (json!({"name": "X", "role": "intern"}), "role"),
        (json!({"name": "X", "email": "nope"}), "email"),
        (json!({"role": "agent"}), "name"),
    ] {
        expect_field_error(app.post("/api/team", &org.key, &body).await, field).await;
    }
}
