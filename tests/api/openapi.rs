//! The OpenAPI document: valid OpenAPI 3.1, every operation and parameter described, every
//! reference resolvable, examples on the schemas. (`.ci/run` also validates it against the
//! official schema with `openapi-spec-validator`.)

use std::collections::HashSet;

use serde_json::Value;

use crate::helpers::spawn_app;

async fn document() -> Value {
    let app = spawn_app().await;
    app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn the_document_parses_as_openapi_3_1() {
    let doc = document().await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{}", doc["openapi"]);
    let spec = oas3::from_json(doc.to_string()).expect("a valid OpenAPI 3.1 document");
    assert!(spec.paths.as_ref().is_some_and(|p| !p.is_empty()));
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
}

#[tokio::test]
async fn every_operation_is_described_and_documents_its_errors() {
    let doc = document().await;
    let mut operation_ids = HashSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let at = format!("{method} {path}");
            assert!(op["summary"].as_str().is_some_and(|s| !s.is_empty()), "{at} has a summary");
            assert!(
                op["responses"].as_object().is_some_and(|r| r.keys().any(|k| k.starts_with('2'))),
                "{at} documents success"
            );
            if let Some(id) = op["operationId"].as_str() {
                assert!(operation_ids.insert(id.to_owned()), "operationId {id} is unique");
            }
            let declared: HashSet<&str> = op["parameters"]
                .as_array()
                .map(|ps| ps.iter().filter(|p| p["in"] == "path").filter_map(|p| p["name"].as_str()).collect())
                .unwrap_or_default();
            for segment in path.split('/').filter(|s| s.starts_with('{')) {
                assert!(declared.contains(segment.trim_matches(|c| c == '{' || c == '}')), "{at} declares {segment}");
            }
            for p in op["parameters"].as_array().into_iter().flatten() {
                assert!(
                    p["description"].as_str().is_some_and(|d| !d.is_empty()) || p["in"] == "path",
                    "{at}: parameter {} is described",
                    p["name"]
                );
            }
            if path.starts_with("/api/") {
                for status in ["401", "403", "429"] {
                    assert!(op["responses"][status].is_object(), "{at} documents {status}");
                }
            }
        }
    }
    for expected in [
        "/api/keys",
        "/api/events",
        "/api/properties",
        "/api/properties/{id}",
        "/api/contacts",
        "/api/leads",
        "/api/team",
        "/health",
    ] {
        assert!(doc["paths"][expected].is_object(), "{expected} is documented");
    }
}

#[tokio::test]
async fn every_reference_resolves_and_object_schemas_have_examples() {
    let doc = document().await;
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let text = doc.to_string();
    for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(schemas.contains_key(name), "dangling $ref {name}");
    }
    for (name, schema) in schemas {
        if schema["type"] == "object" && schema["properties"].is_object() {
            let every_property_has_one = schema["properties"].as_object().is_some_and(|props| {
                props.values().all(|p| {
                    let free_form = p["type"] == "object" && p.get("properties").is_none();
                    free_form || ["example", "examples", "$ref"].iter().any(|k| p.get(k).is_some())
                })
            });
            let has_example =
                schema.get("example").is_some() || schema.get("examples").is_some() || every_property_has_one;
            assert!(has_example, "schema {name} has an example");
        }
    }
}

#[tokio::test]
async fn swagger_ui_is_served_from_the_binary() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("swagger"), "{html}");
    let initializer =
        app.client.get(app.url("/docs/swagger-initializer.js")).send().await.unwrap().text().await.unwrap();
    assert!(initializer.contains("/openapi.json"), "{initializer}");
}

#[test]
fn the_cli_prints_the_same_document() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gable")).arg("openapi").output().unwrap();
    assert!(output.status.success());
    let printed: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed, serde_json::to_value(gable::app::openapi()).unwrap());
}

/// A `PATCH` body documents `null` only where `null` clears the field, and no field as
/// required; the server agrees with the document on both.
#[tokio::test]
async fn patch_bodies_are_nullable_only_where_null_clears() {
    let app = spawn_app().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    let update = &doc["components"]["schemas"]["UpdateContact"];
    assert!(update.get("required").is_none(), "no PATCH field is required: {update}");
    assert_eq!(update["properties"]["firstName"]["type"], "string", "{update}");
    let email = &update["properties"]["email"];
    assert!(
        email["oneOf"].as_array().is_some_and(|kinds| kinds.contains(&serde_json::json!({"type": "null"}))),
        "{update}"
    );

    let org = app.org(gable::vocab::plan::Plan::Elite).await;
    let contact = app
        .create(
            "/api/contacts",
            &org.key,
            &serde_json::json!({"firstName": "Ada", "lastName": "L", "email": "ada@example.com"}),
        )
        .await;
    let path = format!("/api/contacts/{}", contact["id"].as_str().unwrap());
    let refused = app.patch(&path, &org.key, &serde_json::json!({"firstName": null})).await;
    assert_eq!(refused.status(), 400);
    let cleared = app.patch(&path, &org.key, &serde_json::json!({"email": null})).await;
    assert_eq!(cleared.status(), 200);
    let cleared: Value = cleared.json().await.unwrap();
    assert_eq!((cleared["email"].clone(), cleared["firstName"].clone()), (Value::Null, serde_json::json!("Ada")));
}

/// What generators and linters rely on: one operationId convention (camelCase, unique even after
/// a generator turns it into snake_case), every tag declared with a description, the server
/// and a contact named.
#[tokio::test]
async fn operation_ids_tags_and_servers_are_what_generators_need() {
    let app = spawn_app().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    let declared: Vec<&str> = doc["tags"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert!(doc["tags"].as_array().unwrap().iter().all(|t| t["description"].as_str().is_some_and(|d| !d.is_empty())));
    assert_eq!(&declared[..3], ["Health", "Organization", "Members"], "the README's order of areas");
    let mut snake = HashSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path} has an operationId"));
            assert!(
                id.chars().next().unwrap().is_ascii_lowercase() && id.chars().all(|c| c.is_ascii_alphanumeric()),
                "{id}"
            );
            let snake_case: String = id
                .chars()
                .flat_map(|c| if c.is_ascii_uppercase() { vec!['_', c.to_ascii_lowercase()] } else { vec![c] })
                .collect();
            assert!(snake.insert(snake_case), "{id} collides with another operationId in snake_case");
            for tag in op["tags"].as_array().unwrap() {
                assert!(declared.contains(&tag.as_str().unwrap()), "{method} {path}: tag {tag} is declared");
            }
            if path.starts_with("/api/") && method == "delete" {
                assert!(op["responses"]["409"].is_object(), "{method} {path} documents 409 (REFERENCED)");
            }
        }
    }
    assert_eq!(
        doc["paths"]["/api/showings"]["post"]["responses"]["404"]["description"].as_str().map(|_| ()),
        Some(()),
        "a create with references documents the 404 of a missing one"
    );
    assert_eq!(doc["servers"][0]["url"], app.url(""), "the served document names its server");
    assert!(doc["info"]["contact"]["name"].is_string());
}

/// Rules between a body's fields are in the document (`allOf` the body and the rule), with the
/// body's example kept at the top.
#[tokio::test]
async fn rules_between_fields_are_documented() {
    let app = spawn_app().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    for name in ["CreatePayment", "UpdatePayment", "CreatePlan", "CreateWorkOrder", "CreateEndpoint", "UpdateEndpoint"]
    {
        let schema = &doc["components"]["schemas"][name];
        let parts = schema["allOf"].as_array().unwrap_or_else(|| panic!("{name}: {schema}"));
        assert_eq!(parts.len(), 2, "{name}");
        assert!(parts[0]["properties"].is_object(), "{name}: its own fields first");
        assert!(parts[1]["anyOf"].is_array() || parts[1]["oneOf"].is_array(), "{name}: then the rule");
    }
    assert!(doc["components"]["schemas"]["CreatePayment"]["example"].is_object());
    let kinds = &doc["components"]["schemas"]["EventTypeName"]["enum"];
    assert!(kinds.as_array().is_some_and(|k| k.contains(&serde_json::json!("lead.created"))), "{kinds}");
}
