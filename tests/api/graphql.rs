//! GraphQL at `/graphql`: the schema generated from the resources, the same rules, scopes,
//! tenancy and events as REST, errors with codes, and the offline playground page.

use gable::vocab::plan::Plan;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_error, json, spawn_app, spawn_with};

fn house(title: &str, city: &str, status: &str) -> Value {
    json!({"title": title, "address": "1 Main St", "city": city, "state": "TX", "price": 350000, "status": status})
}

/// Runs a document at `path` and returns the GraphQL response (always HTTP 200).
async fn run_at(app: &TestApp, path: &str, key: &str, query: &str, variables: Value) -> Value {
    let (status, body) = json(app.post(path, key, &json!({"query": query, "variables": variables})).await).await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn run(app: &TestApp, key: &str, query: &str, variables: Value) -> Value {
    run_at(app, "/graphql", key, query, variables).await
}

/// The response's only error, asserting its code.
fn only_error<'a>(body: &'a Value, code: &str) -> &'a Value {
    let errors = body["errors"].as_array().unwrap_or_else(|| panic!("errors in {body}"));
    assert_eq!(errors.len(), 1, "{body}");
    assert_eq!(errors[0]["extensions"]["code"], code, "{body}");
    &errors[0]
}

/// Status and type fields are GraphQL enums, named as the document names them; a query may
/// write a value as an enum literal, a string literal or a variable.
#[tokio::test]
async fn statuses_and_types_are_enums() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.create("/api/properties", &org.key, &house("Listed", "Austin", "ACTIVE")).await;
    app.create("/api/properties", &org.key, &house("Gone", "Austin", "SOLD")).await;
    let literal = run(&app, &org.key, "{ properties(status: ACTIVE) { title status } }", json!({})).await;
    assert_eq!(literal["data"]["properties"], json!([{"title": "Listed", "status": "ACTIVE"}]), "{literal}");
    let string = run(&app, &org.key, r#"{ properties(status: "ACTIVE") { title } }"#, json!({})).await;
    assert_eq!(string["data"]["properties"], json!([{"title": "Listed"}]), "{string}");
    let variable =
        run(&app, &org.key, "query($s: PropertyStatus) { properties(status: $s) { title } }", json!({"s": "SOLD"}))
            .await;
    assert_eq!(variable["data"]["properties"], json!([{"title": "Gone"}]), "{variable}");
    let listed = app.get("/api/properties?status=ACTIVE", &org.key).await;
    let id = json(listed).await.1[0]["id"].clone();
    let updated = run(
        &app,
        &org.key,
        "mutation($id: ID!) { updateProperty(id: $id, input: {status: PENDING}) { status } }",
        json!({"id": id}),
    )
    .await;
    assert_eq!(updated["data"]["updateProperty"]["status"], "PENDING", "an enum literal in an input: {updated}");

    let introspected = run(
        &app,
        &org.key,
        r#"{ status: __type(name: "PropertyStatus") { kind enumValues { name } }
             workOrder: __type(name: "WorkOrderStatus") { kind enumValues { name } }
             field: __type(name: "Property") { fields { name type { name kind ofType { name kind } } } } }"#,
        json!({}),
    )
    .await;
    let data = &introspected["data"];
    assert_eq!(data["status"]["kind"], "ENUM", "{introspected}");
    let names: Vec<&str> =
        data["status"]["enumValues"].as_array().unwrap().iter().map(|v| v["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["ACTIVE", "PENDING", "SOLD", "COMING_SOON"]);
    assert_eq!(data["workOrder"]["kind"], "ENUM", "lowercase values are names too: {introspected}");
    let status = data["field"]["fields"].as_array().unwrap().iter().find(|f| f["name"] == "status").unwrap();
    assert_eq!(status["type"]["ofType"]["name"], "PropertyStatus", "{introspected}");
}

/// Beside each list, a cursor connection: `edges { cursor node }`, `nodes` and `pageInfo`,
/// paged with `first` and `after`, filtered like the list.
#[tokio::test]
async fn lists_are_cursor_connections_too() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    for i in 0..5 {
        app.create("/api/properties", &org.key, &house(&format!("House {i}"), "Austin", "ACTIVE")).await;
    }
    app.create("/api/properties", &org.key, &house("Sold", "Austin", "SOLD")).await;
    let query = "query($after: String) { propertiesConnection(first: 2, after: $after, status: ACTIVE) {
        edges { cursor node { id title } } nodes { title }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
    let mut titles = Vec::new();
    let mut after = Value::Null;
    let mut pages = 0;
    loop {
        let body = run(&app, &org.key, query, json!({"after": after})).await;
        let connection = &body["data"]["propertiesConnection"];
        let edges = connection["edges"].as_array().unwrap_or_else(|| panic!("{body}"));
        for (edge, node) in edges.iter().zip(connection["nodes"].as_array().unwrap()) {
            assert_eq!(edge["cursor"], edge["node"]["id"], "a cursor is the id: {body}");
            assert_eq!(edge["node"]["title"], node["title"]);
            titles.push(node["title"].as_str().unwrap().to_owned());
        }
        let info = &connection["pageInfo"];
        assert_eq!(info["startCursor"], edges[0]["cursor"], "{body}");
        assert_eq!(info["endCursor"], edges[edges.len() - 1]["cursor"], "{body}");
        assert_eq!(info["hasPreviousPage"], pages > 0, "{body}");
        pages += 1;
        if info["hasNextPage"] == false {
            break;
        }
        after = info["endCursor"].clone();
    }
    assert_eq!(pages, 3);
    assert_eq!(titles, ["House 4", "House 3", "House 2", "House 1", "House 0"], "the list's order, once each");

    let body = run(&app, &org.key, "{ propertiesConnection(first: 0) { nodes { id } } }", json!({})).await;
    assert_eq!(only_error(&body, "VALIDATION_ERROR")["extensions"]["field"], "first", "{body}");
    let reader = app.key(&org.id, &["read:contacts"]).await;
    let body = run(&app, &reader, "{ propertiesConnection { nodes { id } } }", json!({})).await;
    only_error(&body, "INSUFFICIENT_SCOPE");
}

#[tokio::test]
async fn lists_filter_and_paginate_like_rest() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let first = app.create("/api/properties", &org.key, &house("First", "Austin", "ACTIVE")).await;
    app.create("/api/properties", &org.key, &house("Sold", "Austin", "SOLD")).await;
    let third = app.create("/api/properties", &org.key, &house("Third", "Dallas", "ACTIVE")).await;

    let query = "query($after: ID) { properties(status: \"ACTIVE\", limit: 1, startingAfter: $after) { id title price status } }";
    let page1 = run(&app, &org.key, query, json!({})).await;
    assert!(page1.get("errors").is_none(), "{page1}");
    assert_eq!(
        page1["data"]["properties"],
        json!([{"id": third["id"], "title": "Third", "price": 350000, "status": "ACTIVE"}])
    );

    let page2 = run(&app, &org.key, query, json!({"after": third["id"]})).await;
    assert_eq!(page2["data"]["properties"][0]["id"], first["id"]);
    let page3 = run(&app, &org.key, query, json!({"after": first["id"]})).await;
    assert_eq!(page3["data"]["properties"], json!([]));

    let by_city = run(&app, &org.key, "{ properties(city: \"dallas\") { title } }", json!({})).await;
    assert_eq!(by_city["data"]["properties"], json!([{"title": "Third"}]));

    // Limits are checked like the REST query parameter.
    let too_many = run(&app, &org.key, "{ properties(limit: 500) { id } }", json!({})).await;
    assert_eq!(only_error(&too_many, "VALIDATION_ERROR")["extensions"]["field"], "limit");
}

#[tokio::test]
async fn get_by_id_and_other_organizations_ids_are_missing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    let mine = app.create("/api/properties", &org.key, &house("Mine", "Austin", "ACTIVE")).await;
    let theirs = app.create("/api/properties", &other.key, &house("Theirs", "Austin", "ACTIVE")).await;

    let query = "query($id: ID!) { property(id: $id) { id title isFeatured photos createdAt } }";
    let found = run(&app, &org.key, query, json!({"id": mine["id"]})).await;
    assert_eq!(
        found["data"]["property"],
        json!({"id": mine["id"], "title": "Mine", "isFeatured": false, "photos": [], "createdAt": mine["createdAt"]})
    );
    let hidden = run(&app, &org.key, query, json!({"id": theirs["id"]})).await;
    assert!(hidden.get("errors").is_none(), "{hidden}");
    assert_eq!(hidden["data"]["property"], Value::Null);

    let update = run(
        &app,
        &org.key,
        "mutation($id: ID!) { updateProperty(id: $id, input: {title: \"Mine now\"}) { id } }",
        json!({"id": theirs["id"]}),
    )
    .await;
    only_error(&update, "NOT_FOUND");
    let delete =
        run(&app, &org.key, "mutation($id: ID!) { deleteProperty(id: $id) { id } }", json!({"id": theirs["id"]})).await;
    only_error(&delete, "NOT_FOUND");
    let (_, still) =
        json(app.get(&format!("/api/properties/{}", theirs["id"].as_str().unwrap()), &other.key).await).await;
    assert_eq!(still["title"], "Theirs");
}

#[tokio::test]
async fn writes_go_through_the_rest_rules_and_events() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;

    let created = run(
        &app,
        &org.key,
        "mutation($input: CreatePropertyInput!) { createProperty(input: $input) { id slug title zip price status } }",
        json!({"input": {"title": "Lake House", "address": "9 Shore Rd", "city": "Austin", "state": "TX", "zip": "78701", "price": 1825.5}}),
    )
    .await;
    let property = &created["data"]["createProperty"];
    assert_eq!(property["slug"], "lake-house", "{created}");
    assert_eq!(property["price"], 1825.5, "money stays in dollars");
    assert_eq!(property["status"], "ACTIVE");
    let id = property["id"].as_str().unwrap().to_owned();

    // `null` clears an optional field; fields not given stay.
    let updated = run(
        &app,
        &org.key,
        "mutation($id: ID!) { updateProperty(id: $id, input: {zip: null, status: \"PENDING\"}) { zip status title } }",
        json!({"id": id}),
    )
    .await;
    assert_eq!(updated["data"]["updateProperty"], json!({"zip": null, "status": "PENDING", "title": "Lake House"}));

    let deleted =
        run(&app, &org.key, "mutation($id: ID!) { deleteProperty(id: $id) { id deleted } }", json!({"id": id})).await;
    assert_eq!(deleted["data"]["deleteProperty"], json!({"id": id, "deleted": true}));
    let (status, _) = json(app.get(&format!("/api/properties/{id}"), &org.key).await).await;
    assert_eq!(status, 404);

    for kind in ["property.created", "property.updated", "property.deleted"] {
        let events = app.events(&org.key, kind).await;
        assert_eq!(events.len(), 1, "{kind}");
        assert_eq!(events[0]["data"]["id"], id.as_str(), "{kind}");
    }
    assert_eq!(app.events(&org.key, "property.updated").await[0]["data"]["status"], "PENDING");

    // The outbox is readable through GraphQL too.
    let events = run(&app, &org.key, "{ events(type: \"property.created\") { type data } }", json!({})).await;
    assert_eq!(events["data"]["events"][0]["type"], "property.created", "{events}");
    assert_eq!(events["data"]["events"][0]["data"]["slug"], "lake-house");
}

#[tokio::test]
async fn every_graphql_name_is_camel_case() {
    // The REST body of vendors is snake_case (`created_at`, `hourly_rate_usd`); GraphQL's names
    // are camelCase, for inputs, fields, filters and error fields alike.
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let created = run(
        &app,
        &org.key,
        "mutation { createVendor(input: {name: \"Ace Plumbing\", trade: \"plumbing\", hourlyRateUsd: 95}) { id name hourlyRateUsd createdAt } }",
        json!({}),
    )
    .await;
    let vendor = &created["data"]["createVendor"];
    assert!(vendor["id"].as_str().is_some_and(|id| id.starts_with("v_")), "{created}");
    let (_, rest) = json(app.get(&format!("/api/vendors/{}", vendor["id"].as_str().unwrap()), &org.key).await).await;
    assert_eq!(rest["created_at"], vendor["createdAt"]);
    assert_eq!((&rest["hourly_rate_usd"], &vendor["hourlyRateUsd"]), (&json!(95), &json!(95)));
    assert_eq!(app.events(&org.key, "vendor.created").await.len(), 1);

    let bad =
        run(&app, &org.key, "mutation { createVendor(input: {name: \"X\", hourlyRateUsd: -1}) { id } }", json!({}))
            .await;
    assert_eq!(only_error(&bad, "VALIDATION_ERROR")["extensions"]["field"], "hourlyRateUsd", "{bad}");
    let snake = run(&app, &org.key, "{ vendors { created_at } }", json!({})).await;
    only_error(&snake, "GRAPHQL_VALIDATION_FAILED");
}

#[tokio::test]
async fn validation_errors_name_the_field() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let missing = run(
        &app,
        &org.key,
        "mutation { createProperty(input: {address: \"1 A St\", city: \"X\", state: \"CA\"}) { id } }",
        json!({}),
    )
    .await;
    let error = only_error(&missing, "VALIDATION_ERROR");
    assert_eq!(error["extensions"]["field"], "title", "{missing}");
    assert!(missing["data"].is_null(), "{missing}");

    let negative = run(
        &app,
        &org.key,
        "mutation { createProperty(input: {title: \"T\", address: \"1 A St\", city: \"X\", state: \"CA\", price: -5}) { id } }",
        json!({}),
    )
    .await;
    assert_eq!(only_error(&negative, "VALIDATION_ERROR")["extensions"]["field"], "price");
    assert_eq!(app.event_count(&org.key).await, 0, "nothing was written");
}

#[tokio::test]
async fn each_field_needs_the_rest_scope() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let reader = app.key(&org.id, &["read:properties"]).await;

    let body = run(&app, &reader, "{ properties { id } contacts { id } }", json!({})).await;
    assert_eq!(body["data"]["properties"], json!([]), "the allowed field still answers: {body}");
    let error = only_error(&body, "INSUFFICIENT_SCOPE");
    assert!(error["message"].as_str().unwrap().contains("read:contacts"), "{body}");

    let write = run(
        &app,
        &reader,
        "mutation { createProperty(input: {title: \"T\", address: \"A\", city: \"C\", state: \"S\"}) { id } }",
        json!({}),
    )
    .await;
    let error = only_error(&write, "INSUFFICIENT_SCOPE");
    assert!(error["message"].as_str().unwrap().contains("write:properties"), "{write}");
    assert_eq!(app.event_count(&org.key).await, 0);
}

#[tokio::test]
async fn it_is_authenticated_like_the_api() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let body = json!({"query": "{ properties { id } }"});
    for path in ["/graphql", "/api/graphql", "/v1/graphql"] {
        let response = app.request(Method::POST, path, None).json(&body).send().await.unwrap();
        expect_error(response, 401, "UNAUTHORIZED").await;
        let response = app.post(path, &org.key, &body).await;
        assert!(response.headers().contains_key("x-ratelimit-limit"), "{path} has rate-limit headers");
        let (status, data) = json(response).await;
        assert_eq!((status, &data["data"]["properties"]), (200, &json!([])), "{path}");
    }
    let response = app.request(Method::POST, "/graphql", Some("gbl_live_nope")).json(&body).send().await.unwrap();
    expect_error(response, 401, "INVALID_API_KEY").await;

    // A body that is not a GraphQL request is the REST-style 400.
    let response = app.post("/graphql", &org.key, &json!({"variables": {}})).await;
    let error = expect_error(response, 400, "VALIDATION_ERROR").await;
    assert_eq!(error["field"], "query");
}

#[tokio::test]
async fn the_playground_is_graphiql_served_from_the_binary() {
    let app = spawn_app().await;
    let response = app.request(Method::GET, "/graphql", None).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), "{policy}");
    let page = response.text().await.unwrap();
    assert!(!page.contains("http://") && !page.contains("https://"), "no external assets: {page}");
    // Every script and style the page loads is served here, with its type.
    let assets: Vec<&str> = page.split('"').filter(|part| part.starts_with("/graphql/assets/")).collect();
    assert_eq!(assets.len(), 5, "{page}");
    for asset in assets {
        let response = app.request(Method::GET, asset, None).send().await.unwrap();
        assert_eq!(response.status(), 200, "{asset}");
        let kind = response.headers()["content-type"].to_str().unwrap().to_owned();
        assert!(
            kind.starts_with(if asset.ends_with(".css") { "text/css" } else { "text/javascript" }),
            "{asset}: {kind}"
        );
        let body = response.text().await.unwrap();
        assert!(!body.contains("://unpkg") && !body.contains("cdn.jsdelivr"), "{asset} fetches nothing else");
    }
    let script =
        app.request(Method::GET, "/graphql/assets/playground.js", None).send().await.unwrap().text().await.unwrap();
    assert!(script.contains("shouldPersistHeaders: true"), "the key stays in the browser");
    let missing = app.request(Method::GET, "/graphql/assets/nope.js", None).send().await.unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn introspection_describes_every_resource() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let body = run(
        &app,
        &org.key,
        "{ __schema { queryType { fields { name } } mutationType { fields { name } } }
           __type(name: \"WorkOrder\") { fields { name type { kind name ofType { name } } } } }",
        json!({}),
    )
    .await;
    let names = |kind: &str| -> Vec<String> {
        body["data"]["__schema"][kind]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let queries = names("queryType");
    for expected in
        ["properties", "property", "bookingLinks", "teamMembers", "workOrders", "leases", "paymentPlans", "events"]
    {
        assert!(queries.contains(&expected.to_owned()), "{expected} in {queries:?}");
    }
    let mutations = names("mutationType");
    for expected in ["createLead", "updateLead", "deleteLead", "createUnit", "updateExpense"] {
        assert!(mutations.contains(&expected.to_owned()), "{expected} in {mutations:?}");
    }
    assert!(!mutations.contains(&"createExpense".to_owned()), "expenses are created by their own handler");
    let fields = body["data"]["__type"]["fields"].as_array().unwrap();
    let id = fields.iter().find(|f| f["name"] == "id").unwrap();
    assert_eq!(id["type"], json!({"kind": "NON_NULL", "name": null, "ofType": {"name": "ID"}}), "ids are IDs");
    let created = fields.iter().find(|f| f["name"] == "createdAt").unwrap_or_else(|| panic!("{fields:?}"));
    assert_eq!(created["type"]["ofType"]["name"], "DateTime", "instants are DateTimes: {created}");
}

fn aliased_leads(n: usize) -> String {
    let fields: Vec<String> =
        (0..n).map(|i| format!("l{i}: createLead(input: {{name: \"Lead {i}\"}}) {{ id }}")).collect();
    format!("mutation {{ {} }}", fields.join(" "))
}

async fn lead_count(app: &TestApp, key: &str) -> usize {
    json(app.get("/api/leads?limit=100", key).await).await.1.as_array().unwrap().len()
}

#[tokio::test]
async fn each_root_field_is_charged_as_a_request() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 30).await;
    app.clock().freeze_at(1_767_261_605_000);
    let org = app.org(Plan::Grow).await;
    let response = app.post("/graphql", &org.key, &json!({"query": aliased_leads(20)})).await;
    assert_eq!(response.headers()["x-ratelimit-remaining"], "10", "twenty root fields cost twenty");
    let (status, body) = json(response).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"].as_object().unwrap().len(), 20);

    // Twenty more do not fit in the ten left: refused as a whole, nothing created.
    let response = app.post("/api/graphql", &org.key, &json!({"query": aliased_leads(20)})).await;
    expect_error(response, 429, "RATE_LIMITED").await;
    assert_eq!(lead_count(&app, &org.key).await, 20);
    // One request's worth still fits: a read of one root field.
    let response = app.post("/v1/graphql", &org.key, &json!({"query": "{ __typename leads { id } }"})).await;
    assert_eq!(response.headers()["x-ratelimit-remaining"], "8", "one root field (and the listing above)");
}

#[tokio::test]
async fn documents_over_the_cost_or_field_limits_are_refused() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 10_000).await;
    let org = app.org(Plan::Grow).await;
    // 240 aliased mutations in one request: refused, naming the limit, nothing created.
    let body = expect_error(
        app.post("/graphql", &org.key, &json!({"query": aliased_leads(240)})).await,
        400,
        "GRAPHQL_TOO_COSTLY",
    )
    .await;
    assert!(body["error"].as_str().unwrap().contains("costs 240"), "{body}");
    assert!(body["error"].as_str().unwrap().contains("graphql_max_cost"), "{body}");
    assert_eq!(lead_count(&app, &org.key).await, 0);

    // Few root fields, too many fields in all (a fragment counts where it is used).
    let fields: Vec<String> = (0..40).map(|i| format!("p{i}: properties {{ ...All }}")).collect();
    let query = format!(
        "{{ {} }} fragment All on Property {{ id title address city state price status bedrooms bathrooms sqft slug createdAt updatedAt }}",
        fields.join(" ")
    );
    let body =
        expect_error(app.post("/graphql", &org.key, &json!({"query": query})).await, 400, "GRAPHQL_TOO_COSTLY").await;
    assert!(body["error"].as_str().unwrap().contains("graphql_max_fields"), "{body}");

    // The limits are settings.
    let lenient = spawn_with(|s| {
        s.graphql_max_cost = 300;
        s.plans.grow.key_per_minute = 1_000;
    })
    .await;
    let org = lenient.org(Plan::Grow).await;
    let (status, _) = json(lenient.post("/graphql", &org.key, &json!({"query": aliased_leads(240)})).await).await;
    assert_eq!(status, 200);
    assert_eq!(lead_count(&lenient, &org.key).await, 100, "the first page of the 240 created");
}

#[tokio::test]
async fn variables_and_the_body_must_be_objects() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let query = "mutation($input: CreatePropertyInput!) { createProperty(input: $input) { id } }";
    for variables in [json!([{"title": "T"}]), json!(["T"]), json!("T")] {
        let body = expect_error(
            app.post("/graphql", &org.key, &json!({"query": query, "variables": variables})).await,
            400,
            "VALIDATION_ERROR",
        )
        .await;
        assert_eq!(body["field"], "variables", "{body}");
    }
    let body = expect_error(app.post("/graphql", &org.key, &json!([query])).await, 400, "VALIDATION_ERROR").await;
    assert_eq!(body["error"], "The request body must be a JSON object");
    assert_eq!(app.event_count(&org.key).await, 0, "nothing was written");
    let none = run(&app, &org.key, "{ properties { id } }", Value::Null).await;
    assert_eq!(none["data"]["properties"], json!([]), "null variables are no variables: {none}");
}

/// The GraphQL spec's errors: a field that fails is `null`, with an error carrying its `path`
/// and `extensions.code`, and the document's other fields still answer; a document that does
/// not parse or validate has a code too.
#[tokio::test]
async fn a_failing_field_is_null_with_its_path_and_the_others_answer() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.create("/api/properties", &org.key, &house("First", "Austin", "ACTIVE")).await;

    let body =
        run(&app, &org.key, r#"{ b: properties(limit: 1) { title } d: leads(limit: 500) { id } }"#, json!({})).await;
    assert_eq!(body["data"]["b"], json!([{"title": "First"}]), "{body}");
    assert!(body["data"].as_object().unwrap().contains_key("d") && body["data"]["d"].is_null(), "{body}");
    let error = only_error(&body, "VALIDATION_ERROR");
    assert_eq!(error["path"], json!(["d"]), "{body}");
    assert_eq!(error["extensions"]["field"], "limit", "{body}");

    // A scope the key lacks: that field is null, the other answers.
    let reader = app.key(&org.id, &["read:properties"]).await;
    let body = run(&app, &reader, "{ properties { title } contacts { id } }", json!({})).await;
    assert_eq!(body["data"]["properties"], json!([{"title": "First"}]), "{body}");
    assert!(body["data"]["contacts"].is_null(), "{body}");
    assert_eq!(only_error(&body, "INSUFFICIENT_SCOPE")["path"], json!(["contacts"]), "{body}");

    // A mutation that fails is null too, beside one that succeeds.
    let body = run(
        &app,
        &org.key,
        r#"mutation { bad: createProperty(input: {title: "", address: "1 A", city: "X", state: "CA"}) { id }
                      good: createContact(input: {firstName: "Ada", lastName: "L"}) { firstName } }"#,
        json!({}),
    )
    .await;
    assert!(body["data"]["bad"].is_null(), "{body}");
    assert_eq!(body["data"]["good"], json!({"firstName": "Ada"}), "{body}");
    assert_eq!(only_error(&body, "VALIDATION_ERROR")["path"], json!(["bad"]), "{body}");

    // Documents that do not parse, or do not validate against the schema.
    let broken = run(&app, &org.key, "{ properties { id ", json!({})).await;
    only_error(&broken, "GRAPHQL_PARSE_FAILED");
    let unknown = run(&app, &org.key, "{ properties { nope } }", json!({})).await;
    only_error(&unknown, "GRAPHQL_VALIDATION_FAILED");
    // A value its enum does not have is the document's error, naming the enum.
    let bogus = run(&app, &org.key, "{ leads(status: bogus) { id } }", json!({})).await;
    let error = only_error(&bogus, "GRAPHQL_VALIDATION_FAILED");
    assert!(error["message"].as_str().unwrap().contains("LeadStatus"), "{bogus}");
}

/// What REST has, GraphQL has: the custom actions are mutations (`signLease`, `terminateLease`,
/// `convertLead`, `completeWorkOrder`, …) and the reports are queries (`arAging`, `dashboard`,
/// `expenseTotals`), each running the REST route as the caller, under its scopes.
#[tokio::test]
async fn the_custom_actions_and_reports_of_rest_are_fields() {
    use crate::rentals_support::{household, lease_body};

    let app = spawn_app().await;
    let org = app.org(Plan::Elite).await;
    let (_, unit, tenant) = household(&app, &org.key, "Maple", "1A", "Maya").await;
    let lease =
        app.create("/api/leases", &org.key, &lease_body(unit["id"].as_str().unwrap(), &tenant, "2026-03-01")).await;
    let lead = app.create("/api/leads", &org.key, &json!({"name": "Jane Doe", "email": "jane@example.com"})).await;

    let body = run(
        &app,
        &org.key,
        "mutation($lease: ID!, $lead: ID!) {
           signLease(id: $lease) { id status signedAt }
           convertLead(id: $lead) { contactCreated contact }
           again: signLease(id: $lease) { id }
         }",
        json!({"lease": lease["id"], "lead": lead["id"]}),
    )
    .await;
    assert_eq!(body["data"]["signLease"]["status"], "active", "{body}");
    assert!(body["data"]["signLease"]["signedAt"].is_string(), "{body}");
    assert_eq!(body["data"]["convertLead"]["contactCreated"], true, "{body}");
    assert_eq!(body["data"]["convertLead"]["contact"]["email"], "jane@example.com", "{body}");
    // The REST refusal, with its code and the field's path; the other fields answered.
    assert_eq!(body["data"]["again"], Value::Null, "{body}");
    let error = only_error(&body, "LEASE_NOT_DRAFT");
    assert_eq!(error["path"], json!(["again"]), "{body}");
    // The same events as the REST routes write.
    assert_eq!(app.events(&org.key, "lease.signed").await.len(), 1);
    assert_eq!(app.events(&org.key, "contact.created").await.len(), 1);

    // Reports answer what REST answers.
    let body = run(
        &app,
        &org.key,
        "{ arAging { rows totals } dashboard { occupancy } expenseTotals { count totalUsd } }",
        json!({}),
    )
    .await;
    let (_, aging) = json(app.get("/api/ar-aging", &org.key).await).await;
    assert_eq!(body["data"]["arAging"]["totals"], aging["totals"], "{body}");
    let (_, dashboard) = json(app.get("/api/dashboard", &org.key).await).await;
    assert_eq!(body["data"]["dashboard"]["occupancy"], dashboard["occupancy"], "{body}");
    assert_eq!(body["data"]["expenseTotals"], json!({"count": 0, "totalUsd": 0}), "{body}");

    // The REST scopes: a key that may read leases may not convert one.
    let reader = app.key(&org.id, &["read:leads", "read:rent"]).await;
    let body =
        run(&app, &reader, "mutation($id: ID!) { convertLead(id: $id) { contactCreated } }", json!({"id": lead["id"]}))
            .await;
    assert_eq!(body["data"]["convertLead"], Value::Null, "{body}");
    only_error(&body, "INSUFFICIENT_SCOPE");
    let body = run(&app, &reader, "{ arAging { totals } }", json!({})).await;
    assert!(body["data"]["arAging"]["totals"].is_object(), "{body}");
    let body = run(&app, &reader, "{ dashboard { occupancy } }", json!({})).await;
    only_error(&body, "INSUFFICIENT_SCOPE");

    // Another organization's id is missing, as in REST.
    let other = app.org(Plan::Elite).await;
    let body =
        run(&app, &other.key, "mutation($id: ID!) { terminateLease(id: $id) { id } }", json!({"id": lease["id"]}))
            .await;
    only_error(&body, "NOT_FOUND");
}

/// Every REST operation of the API is a GraphQL field: the resources' CRUD fields, and an
/// action for each other operation (named by its operationId, a query without its `get`/`list`).
#[tokio::test]
async fn every_rest_operation_is_in_graphql() {
    let app = spawn_app().await;
    let org = app.org(Plan::Elite).await;
    let body = run(
        &app,
        &org.key,
        "{ __schema { queryType { fields { name } } mutationType { fields { name } } } }",
        json!({}),
    )
    .await;
    let names = |kind: &str| -> Vec<String> {
        body["data"]["__schema"][kind]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let (mut queries, mutations) = (names("queryType"), names("mutationType"));
    // Each list's cursor connection is the same REST operation again.
    queries.retain(|name| !name.ends_with("Connection"));
    for query in [
        "arAging",
        "dashboard",
        "expenseTotals",
        "usage",
        "organization",
        "members",
        "invitations",
        "deliveryStats",
        "eventTypes",
    ] {
        assert!(queries.contains(&query.to_owned()), "query {query}");
    }
    for mutation in [
        "signLease",
        "terminateLease",
        "convertLead",
        "completeWorkOrder",
        "approveApplication",
        "denyApplication",
        "completeInspection",
        "acceptPlan",
        "rejectPlan",
        "createKey",
        "revokeKey",
        "createEndpoint",
        "updateEndpoint",
        "rotateSecret",
        "testEndpoint",
        "resend",
        "recover",
        "invite",
        "updateOrganization",
        "vendorSummary",
        "prioritize",
        "postExpense",
    ] {
        assert!(mutations.contains(&mutation.to_owned()), "mutation {mutation}");
    }
    // Counted against the document: one field per operation under /api, but GraphQL itself and
    // the event stream (Server-Sent Events are no GraphQL value).
    let (_, document) = json(app.request(Method::GET, "/openapi.json", None).send().await.unwrap()).await;
    let operations = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, _)| {
            path.starts_with("/api/") && !path.ends_with("/graphql") && !path.ends_with("/events/stream")
        })
        .flat_map(|(_, item)| {
            item.as_object().unwrap().keys().filter(|m| ["get", "post", "put", "patch", "delete"].contains(&m.as_str()))
        })
        .count();
    // `expenseCategory(id)` is GraphQL's own (REST lists the categories, built-in ones included).
    let graphql_only = 1;
    assert_eq!(queries.len() + mutations.len(), operations + graphql_only, "one GraphQL field per REST operation");
}

/// Relations: an id field has a sibling that is its object (`lead { property assignedTo }`,
/// `lease { unit tenants }`), loaded in batches: a page of 60 leads with their properties and
/// agents costs the queries a page of 3 does.
#[tokio::test]
async fn relations_are_navigable_and_batched() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let agent = app.create("/api/team", &org.key, &json!({"name": "Ava Stone", "email": "ava@example.com"})).await;
    let mut properties = Vec::new();
    for i in 0..3 {
        properties
            .push(app.create("/api/properties", &org.key, &house(&format!("House {i}"), "Austin", "ACTIVE")).await);
    }
    let lead = |i: usize| json!({"name": format!("Lead {i}"), "propertyId": properties[i % 3]["id"], "assignedToId": agent["id"]});
    for i in 0..3 {
        app.create("/api/leads", &org.key, &lead(i)).await;
    }
    let query = "{ leads(limit: 100) { name property { title } assignedTo { name } contact { id } } }";
    let statements = || app.state.db().api_statements();

    let before = statements();
    let body = run(&app, &org.key, query, json!({})).await;
    let small = statements() - before;
    let leads = body["data"]["leads"].as_array().unwrap_or_else(|| panic!("{body}"));
    assert_eq!(leads.len(), 3);
    assert_eq!(
        leads[0],
        json!({"name": "Lead 2", "property": {"title": "House 2"}, "assignedTo": {"name": "Ava Stone"}, "contact": null})
    );

    for i in 3..60 {
        app.create("/api/leads", &org.key, &lead(i)).await;
    }
    let before = statements();
    let body = run(&app, &org.key, query, json!({})).await;
    let big = statements() - before;
    assert_eq!(body["data"]["leads"].as_array().unwrap().len(), 60, "{body}");
    assert!(body["errors"].is_null(), "{body}");
    assert!(big <= small, "60 leads took {big} queries, 3 took {small}");
    assert!(big <= 8, "the key, the list, one per related resource: {big}");

    // Nested and many: a lease's unit, the unit's property, the lease's tenants.
    let unit = app.create("/api/units", &org.key, &json!({"property_id": properties[0]["id"], "label": "1A"})).await;
    let tenants: Vec<Value> = {
        let mut tenants = Vec::new();
        for name in ["Maya", "Sam"] {
            tenants.push(app.create("/api/tenants", &org.key, &json!({"name": name})).await["id"].clone());
        }
        tenants
    };
    let lease = json!({"unit_id": unit["id"], "tenant_ids": tenants, "start_date": "2026-03-01", "monthly_rent_usd": 1825, "due_day": 1});
    app.create("/api/leases", &org.key, &lease).await;
    let body =
        run(&app, &org.key, "{ leases { unit { label property { title } } tenants { name } } }", json!({})).await;
    assert_eq!(
        body["data"]["leases"][0],
        json!({"unit": {"label": "1A", "property": {"title": "House 0"}}, "tenants": [{"name": "Maya"}, {"name": "Sam"}]}),
        "{body}"
    );

    // The other way: the units of each property (`GET /api/units?propertyId=`), in one query.
    app.create("/api/units", &org.key, &json!({"property_id": properties[0]["id"], "label": "1B"})).await;
    let before = statements();
    let body = run(&app, &org.key, "{ properties { title units { label } } }", json!({})).await;
    let reverse = statements() - before;
    let units: Vec<(String, Vec<String>)> = body["data"]["properties"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|p| {
            let labels =
                p["units"].as_array().unwrap().iter().map(|u| u["label"].as_str().unwrap().to_owned()).collect();
            (p["title"].as_str().unwrap().to_owned(), labels)
        })
        .collect();
    assert_eq!(
        units,
        [("House 2".into(), vec![]), ("House 1".into(), vec![]), ("House 0".into(), vec!["1B".into(), "1A".into()])]
    );
    assert!(reverse <= small, "properties with their units took {reverse} queries");

    // Each relation needs its target's read scope; the rest of the document answers.
    let leads_only = app.key(&org.id, &["read:leads"]).await;
    let body = run(&app, &leads_only, "{ leads(limit: 1) { name property { title } } }", json!({})).await;
    assert_eq!(body["data"]["leads"][0]["name"], "Lead 59", "{body}");
    assert!(body["data"]["leads"][0]["property"].is_null(), "{body}");
    assert_eq!(only_error(&body, "INSUFFICIENT_SCOPE")["path"], json!(["leads", 0, "property"]), "{body}");
}

/// A route's class quotas hold through GraphQL too: the AI helpers' hourly quota counts a
/// GraphQL action and the REST route alike.
#[tokio::test]
async fn actions_count_against_their_routes_class_quotas() {
    let app = spawn_with(|s| {
        s.rate_limit_classes.get_mut("ai").expect("the ai class").key_per_hour = Some(2);
    })
    .await;
    let org = app.org(Plan::Elite).await;
    let vendor = app.create("/api/vendors", &org.key, &json!({"name": "Ace Plumbing"})).await;
    let summarize = "mutation($id: ID!) { vendorSummary(input: {vendorId: $id}) { vendorId summarySource } }";
    let body = run(&app, &org.key, summarize, json!({"id": vendor["id"]})).await;
    assert_eq!(body["data"]["vendorSummary"]["vendorId"], vendor["id"], "{body}");
    let (status, _) =
        json(app.post("/api/ai-vendor-summary", &org.key, &json!({"vendor_id": vendor["id"]})).await).await;
    assert_eq!(status, 200);
    let body = run(&app, &org.key, summarize, json!({"id": vendor["id"]})).await;
    assert!(body["data"]["vendorSummary"].is_null(), "{body}");
    let error = only_error(&body, "RATE_LIMITED");
    assert!(error["extensions"]["retryAfter"].as_u64().is_some_and(|secs| secs > 0), "{body}");
    expect_error(
        app.post("/api/ai-vendor-summary", &org.key, &json!({"vendor_id": vendor["id"]})).await,
        429,
        "RATE_LIMITED",
    )
    .await;
}
