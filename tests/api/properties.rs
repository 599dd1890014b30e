//! Properties: the Aureum examples as written, filters, slugs, validation, the shared contract.

use gable::vocab::plan::Plan;
use serde_json::{Value, json};

use crate::contract::{self, Spec};
use crate::helpers::{expect_field_error, json, spawn_app, spawn_with};

fn villa() -> Value {
    json!({
        "title": "Modern Villa in Beverly Hills", "address": "123 Palm Dr", "city": "Beverly Hills",
        "state": "CA", "zip": "90210", "price": 4500000, "bedrooms": 5, "bathrooms": 4, "sqft": 4200,
        "propertyType": "SINGLE_FAMILY", "status": "ACTIVE"
    })
}

#[tokio::test]
async fn documented_create_example() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let created = app.create("/api/properties", &org.key, &villa()).await;
    assert!(created["id"].as_str().unwrap().starts_with("prop_"));
    assert_eq!(created["title"], "Modern Villa in Beverly Hills");
    assert_eq!(created["slug"], "modern-villa-in-beverly-hills");
    assert_eq!(created["status"], "ACTIVE");
    assert!(created["createdAt"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn documented_list_example() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let mut featured = villa();
    featured["isFeatured"] = json!(true);
    app.create("/api/properties", &org.key, &featured).await;
    app.create(
        "/api/properties",
        &org.key,
        &json!({"title": "Plain", "address": "1 A St", "city": "X", "state": "CA"}),
    )
    .await;

    // As the page shows it: a GET with the documented headers.
    let response = app
        .client
        .get(app.url("/api/properties?status=ACTIVE&featured=true"))
        .header("Authorization", format!("Bearer {}", org.key))
        .header("Content-Type", "application/json")
        .send()
        .await
        .unwrap();
    let (status, list) = json(response).await;
    assert_eq!(status, 200);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    let p = &list[0];
    for (field, kind) in [
        ("id", "string"),
        ("title", "string"),
        ("address", "string"),
        ("city", "string"),
        ("state", "string"),
        ("price", "number"),
        ("status", "string"),
        ("bedrooms", "number"),
        ("bathrooms", "number"),
        ("sqft", "number"),
        ("isFeatured", "boolean"),
        ("createdAt", "string"),
    ] {
        let ok = match kind {
            "string" => p[field].is_string(),
            "number" => p[field].is_number(),
            _ => p[field].is_boolean(),
        };
        assert!(ok, "{field} is a {kind}: {p}");
    }
    assert_eq!(
        (p["price"].clone(), p["bedrooms"].clone(), p["bathrooms"].clone(), p["sqft"].clone()),
        (json!(4500000), json!(5), json!(4), json!(4200))
    );
    assert_eq!(p["isFeatured"], true);
}

#[tokio::test]
async fn shared_contract() {
    contract::check(|app, org| async move {
        let spec = Spec {
            path: "/api/properties",
            scope: "properties",
            event: "property",
            create: villa(),
            update: json!({"status": "PENDING", "price": 4350000.5}),
            string_field: "title",
        };
        (app, org, spec)
    })
    .await;
}

#[tokio::test]
async fn slugs_are_unique_per_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let slugs: Vec<Value> = {
        let mut out = Vec::new();
        for _ in 0..3 {
            out.push(app.create("/api/properties", &org.key, &villa()).await["slug"].clone());
        }
        out
    };
    assert_eq!(
        slugs,
        vec![
            json!("modern-villa-in-beverly-hills"),
            json!("modern-villa-in-beverly-hills-2"),
            json!("modern-villa-in-beverly-hills-3")
        ]
    );
    let other = app.org(Plan::Grow).await;
    assert_eq!(app.create("/api/properties", &other.key, &villa()).await["slug"], "modern-villa-in-beverly-hills");
}

#[tokio::test]
async fn every_filter_narrows_the_list() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let make = |title: &str, city: &str, price: i64, kind: &str, status: &str, featured: bool| {
        json!({"title": title, "address": "1 Main St", "city": city, "state": "CA", "price": price,
               "propertyType": kind, "status": status, "isFeatured": featured})
    };
    for body in [
        make("Sunny Condo", "Santa Monica", 900_000, "CONDO", "ACTIVE", false),
        make("Hillside Villa", "Beverly Hills", 4_500_000, "SINGLE_FAMILY", "ACTIVE", true),
        make("Old Barn", "Ojai", 300_000, "LAND", "SOLD", false),
        make("Corner Shop", "beverly hills", 1_200_000, "COMMERCIAL", "PENDING", true),
    ] {
        app.create("/api/properties", &org.key, &body).await;
    }
    let titles = |query: &'static str| {
        let app = &app;
        let key = org.key.clone();
        async move {
            let (status, list) = json(app.get(&format!("/api/properties?{query}"), &key).await).await;
            assert_eq!(status, 200, "{query}: {list}");
            let mut titles: Vec<String> =
                list.as_array().unwrap().iter().map(|p| p["title"].as_str().unwrap().to_owned()).collect();
            titles.sort();
            titles
        }
    };
    assert_eq!(titles("status=ACTIVE").await, ["Hillside Villa", "Sunny Condo"]);
    assert_eq!(titles("featured=true").await, ["Corner Shop", "Hillside Villa"]);
    assert_eq!(titles("featured=false").await, ["Old Barn", "Sunny Condo"]);
    assert_eq!(titles("city=BEVERLY%20HILLS").await, ["Corner Shop", "Hillside Villa"]);
    assert_eq!(titles("propertyType=LAND").await, ["Old Barn"]);
    assert_eq!(titles("minPrice=900000&maxPrice=1200000").await, ["Corner Shop", "Sunny Condo"]);
    assert_eq!(titles("search=VILLA").await, ["Hillside Villa"]);
    assert_eq!(titles("search=monica").await, ["Sunny Condo"]);
    assert_eq!(titles("status=ACTIVE&featured=true&city=Beverly%20Hills").await, ["Hillside Villa"]);
    assert_eq!(titles("search=100%25").await, Vec::<String>::new(), "wildcards are literal");

    expect_field_error(app.get("/api/properties?status=GONE", &org.key).await, "status").await;
    expect_field_error(app.get("/api/properties?featured=maybe", &org.key).await, "featured").await;
    expect_field_error(app.get("/api/properties?minPrice=cheap", &org.key).await, "minPrice").await;
    expect_field_error(app.get("/api/properties?propertyType=CASTLE", &org.key).await, "propertyType").await;
}

#[tokio::test]
async fn bad_values_name_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let with = |field: &str, value: Value| {
        let mut body = villa();
        body[field] = value;
        body
    };
    let without = |field: &str| {
        let mut body = villa();
        body.as_object_mut().unwrap().remove(field);
        body
    };
    let cases = [
        (without("title"), "title"),
        (without("address"), "address"),
        (with("title", json!("   ")), "title"),
        (with("title", json!("x".repeat(201))), "title"),
        (with("price", json!(-1)), "price"),
        (with("price", json!("4500000")), "price"),
        (with("price", json!(10.005)), "price"),
        (with("bedrooms", json!(2.5)), "bedrooms"),
        (with("bathrooms", json!(2.3)), "bathrooms"),
        (with("sqft", json!(-5)), "sqft"),
        (with("propertyType", json!("CASTLE")), "propertyType"),
        (with("status", json!("active")), "status"),
        (with("isFeatured", json!("yes")), "isFeatured"),
        (with("photos", json!(["not a url"])), "photos"),
        (with("description", json!("d".repeat(10_001))), "description"),
    ];
    for (body, field) in cases {
        expect_field_error(app.post("/api/properties", &org.key, &body).await, field).await;
    }
    assert_eq!(app.event_count(&org.key).await, 0);
    let (_, list) = json(app.get("/api/properties", &org.key).await).await;
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn patch_changes_only_what_is_sent_and_null_clears() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let created = app.create("/api/properties", &org.key, &villa()).await;
    let id = created["id"].as_str().unwrap();
    let (status, updated) = json(
        app.patch(
            &format!("/api/properties/{id}"),
            &org.key,
            &json!({"zip": null, "isFeatured": true, "photos": ["https://img.example/1.jpg"]}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["zip"], Value::Null);
    assert_eq!(updated["isFeatured"], true);
    assert_eq!(updated["photos"], json!(["https://img.example/1.jpg"]));
    assert_eq!(updated["title"], created["title"]);
    assert_eq!(updated["slug"], created["slug"], "the slug is stable");
    expect_field_error(app.patch(&format!("/api/properties/{id}"), &org.key, &json!({"title": null})).await, "title")
        .await;
    expect_field_error(app.patch(&format!("/api/properties/{id}"), &org.key, &json!({"slug": "mine"})).await, "slug")
        .await;
}

#[tokio::test]
async fn pagination() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    contract::check_pagination(
        &app,
        &org.key,
        "/api/properties",
        5,
        2,
        |i| json!({"title": format!("Home {i}"), "address": "1 A St", "city": "X", "state": "CA"}),
    )
    .await;
}

/// A null `DOUBLE PRECISION` value followed by a number through the same connection (one
/// connection, so the same prepared statement): on PostgreSQL the null must not fix the
/// parameter's type to FLOAT4.
#[tokio::test]
async fn a_null_then_a_fractional_number_on_one_connection() {
    let app = crate::helpers::spawn_with(|s| s.database_max_connections = 1).await;
    let org = app.org(Plan::Grow).await;
    let mut body = villa();
    body["bathrooms"] = Value::Null;
    let first = app.create("/api/properties", &org.key, &body).await;
    assert_eq!(first["bathrooms"], Value::Null);
    body["bathrooms"] = json!(2.5);
    let second = app.create("/api/properties", &org.key, &body).await;
    assert_eq!(second["bathrooms"], 2.5);
}

/// Lists read while another request writes (on SQLite: WAL readers beside the one writer, on
/// connections of their own): every read answers 200, and each reader sees the list only grow.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_beside_writes_see_each_commit_and_never_fail() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 1_000).await;
    let org = app.org(Plan::Grow).await;
    const WRITES: usize = 30;

    let writer = async {
        for i in 0..WRITES {
            let home = json!({"title": format!("Home {i}"), "address": "1 A St", "city": "X", "state": "CA"});
            let (status, body) = json(app.post("/api/properties", &org.key, &home).await).await;
            assert_eq!(status, 201, "{body}");
        }
    };
    let reader = || async {
        let mut seen = 0;
        for _ in 0..40 {
            let (status, body) = json(app.get("/api/properties?limit=100", &org.key).await).await;
            assert_eq!(status, 200, "{body}");
            let count = body.as_array().unwrap().len();
            assert!(count >= seen, "a later read saw fewer rows ({count}) than an earlier one ({seen})");
            seen = count;
        }
    };
    tokio::join!(writer, reader(), reader(), reader());

    let (_, body) = json(app.get("/api/properties?limit=100", &org.key).await).await;
    assert_eq!(body.as_array().unwrap().len(), WRITES);
}

/// A list sent after a create returned shows the new property, however many identical lists
/// are running beside it (read-after-write through the separate read connections).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_list_sent_after_a_write_sees_it_while_identical_lists_run_beside_it() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 10_000).await;
    let org = app.org(Plan::Grow).await;
    // Full pages make each read long enough for a create to land while one is running.
    for i in 0..100 {
        let home = json!({"title": format!("Old {i}"), "address": "1 A St", "city": "X", "state": "CA"});
        app.create("/api/properties", &org.key, &home).await;
    }
    let done = std::sync::atomic::AtomicBool::new(false);
    const WRITES: usize = 25;

    let writer = async {
        for i in 0..WRITES {
            let home = json!({"title": format!("Home {i}"), "address": "1 A St", "city": "X", "state": "CA"});
            let created = app.create("/api/properties", &org.key, &home).await;
            let (status, body) = json(app.get("/api/properties?limit=100", &org.key).await).await;
            assert_eq!(status, 200, "{body}");
            let first = body.as_array().unwrap().first().cloned().unwrap_or_default();
            assert_eq!(first["id"], created["id"], "write {i}: the list sent after it does not show it");
        }
        done.store(true, std::sync::atomic::Ordering::SeqCst);
    };
    let reader = || async {
        while !done.load(std::sync::atomic::Ordering::SeqCst) {
            let (status, body) = json(app.get("/api/properties?limit=100", &org.key).await).await;
            assert_eq!(status, 200, "{body}");
        }
    };
    tokio::join!(writer, reader(), reader(), reader(), reader(), reader(), reader());
}

/// Two organizations sending the same list at the same time each get their own.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn identical_lists_of_two_organizations_at_once_stay_apart() {
    let app = spawn_with(|s| s.plans.grow.key_per_minute = 10_000).await;
    let a = app.org(Plan::Grow).await;
    let b = app.org(Plan::Grow).await;
    let a_home = app.create("/api/properties", &a.key, &villa()).await;
    let b_home = app.create("/api/properties", &b.key, &villa()).await;

    let reader = |key: String, own: Value| {
        let app = &app;
        async move {
            for _ in 0..30 {
                let (status, body) = json(app.get("/api/properties?status=ACTIVE", &key).await).await;
                assert_eq!(status, 200, "{body}");
                let ids: Vec<&Value> = body.as_array().unwrap().iter().map(|p| &p["id"]).collect();
                assert_eq!(ids, [&own]);
            }
        }
    };
    tokio::join!(
        reader(a.key.clone(), a_home["id"].clone()),
        reader(b.key.clone(), b_home["id"].clone()),
        reader(a.key.clone(), a_home["id"].clone()),
        reader(b.key.clone(), b_home["id"].clone()),
    );
}
