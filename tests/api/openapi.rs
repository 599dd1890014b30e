use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = spawn_app().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{}", doc["openapi"]);
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    let keys = &doc["paths"]["/api/keys"];
    assert!(keys["get"]["responses"]["200"].is_object());
    assert!(keys["post"]["requestBody"].is_object());
    assert!(keys["post"]["responses"]["429"].is_object(), "common errors are documented");
    assert!(doc["paths"]["/api/keys/{id}"]["delete"]["responses"]["404"].is_object());
    assert!(doc["paths"]["/health"]["get"].is_object());
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
    // Every $ref points at a schema that exists.
    let text = doc.to_string();
    for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(doc["components"]["schemas"][name].is_object(), "dangling $ref {name}");
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
