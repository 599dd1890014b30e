//! Secrets at rest: webhook signing secrets (current and previous) and static header values
//! never reach the database in clear — not in the SQLite file and its WAL, not in PostgreSQL's
//! rows — and rows written in clear before encryption are encrypted at the next start.

use gable::auth::ActingOrg;
use gable::db::{Backend, Db};
use gable::platform::orgs;
use gable::vocab::clock::Clock;
use gable::vocab::plan::Plan;
use reqwest::Method;
use serde_json::json;

use crate::helpers::{TestApp, fresh_database, json, spawn_with, start, test_settings};
use crate::receiver::Receiver;
use crate::webhooks::{allow_loopback, verify_standard};

/// `secret`, `previous_secret` and `headers` of every endpoint, as stored.
pub async fn stored_rows(db_url: &str) -> Vec<(String, Option<String>, String)> {
    const SQL: &str = "SELECT secret, previous_secret, headers FROM webhook_endpoints ORDER BY id";
    if db_url.starts_with("postgres") {
        let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(db_url).await.expect("connect");
        let rows = sqlx::query_as(SQL).fetch_all(&mut conn).await.expect("read the endpoints");
        let _ = sqlx::Connection::close(conn).await;
        rows
    } else {
        let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(db_url).await.expect("connect");
        let rows = sqlx::query_as(SQL).fetch_all(&mut conn).await.expect("read the endpoints");
        let _ = sqlx::Connection::close(conn).await;
        rows
    }
}

/// Every byte SQLite keeps for the database: the file, its WAL and shared memory.
fn sqlite_bytes(db_url: &str) -> Vec<u8> {
    let path = db_url.trim_start_matches("sqlite://");
    let mut bytes = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        if let Ok(file) = std::fs::read(format!("{path}{suffix}")) {
            bytes.extend(file);
        }
    }
    assert!(bytes.len() > 4096, "the database file was read");
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Asserts that none of `clear` is stored in clear: on SQLite in the raw file bytes, on both
/// backends in the raw rows (which are all sealed).
async fn assert_nothing_in_clear(app: &TestApp, clear: &[&str]) {
    let mut needles: Vec<&str> = clear.to_vec();
    needles.extend(clear.iter().filter_map(|s| s.strip_prefix("whsec_")));
    if app.db().backend() == Backend::Sqlite {
        let bytes = sqlite_bytes(&app.db_url);
        for needle in &needles {
            assert!(!contains(&bytes, needle), "`{needle}` is in the SQLite file in clear");
        }
    }
    let rows = stored_rows(&app.db_url).await;
    assert!(!rows.is_empty());
    for (secret, previous, headers) in &rows {
        for value in [Some(secret), previous.as_ref(), Some(headers)].into_iter().flatten() {
            assert!(value.starts_with("enc:v1:"), "stored sealed: {value}");
            for needle in &needles {
                assert!(!value.contains(needle), "`{needle}` is stored in clear: {value}");
            }
        }
    }
}

#[tokio::test]
async fn webhook_secrets_and_header_values_are_not_stored_in_clear() {
    let app = spawn_with(allow_loopback).await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let created = app
        .request(Method::POST, "/api/webhooks", Some(&org.key))
        .header("idempotency-key", "create-endpoint")
        .json(&json!({"url": receiver.url, "headers": {"Authorization": "Bearer receiver-token-8c1f5a"}}))
        .send()
        .await
        .unwrap();
    let (status, created) = json(created).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["headers"]["Authorization"], "…1f5a", "the API still masks the value");
    let id = created["id"].as_str().unwrap();
    let first = created["secret"].as_str().unwrap().to_owned();
    let (status, rotated) =
        json(app.post(&format!("/api/webhooks/{id}/rotate-secret"), &org.key, &json!({})).await).await;
    assert_eq!(status, 200, "{rotated}");
    let second = rotated["secret"].as_str().unwrap().to_owned();

    // Deliveries are signed with both secrets and carry the header.
    app.create("/api/leads", &org.key, &json!({"name": "Sealed"})).await;
    let received = &receiver.wait_for(1).await[0];
    assert!(verify_standard(&first, received) && verify_standard(&second, received));
    assert_eq!(received.header("authorization"), Some("Bearer receiver-token-8c1f5a"));

    assert_nothing_in_clear(&app, &[&first, &second, "receiver-token-8c1f5a"]).await;
}

#[tokio::test]
async fn rows_written_in_clear_before_encryption_are_encrypted_at_start() {
    let db = fresh_database().await;
    let receiver = Receiver::start().await;
    let (secret, previous) =
        ("whsec_bGVnYWN5LXNlY3JldC1vZi0zMi1ieXRlcy1sb25nISE=", "whsec_cHJldmlvdXMtc2VjcmV0LW9mLTMyLWJ5dGVzLWxvbmc=");
    // An endpoint as a version without encryption stored it.
    let org = {
        let settings = test_settings(&db.url);
        let old = Db::connect(&settings.database_url, 2, 1).await.unwrap();
        old.migrate().await.unwrap();
        let org = orgs::create(&old, &Clock::default(), "Legacy Realty", Plan::Elite, None).await.unwrap();
        let tenant = ActingOrg::for_operator(&old, &org.id).await.unwrap().unwrap();
        let mut scoped = old.scoped(&tenant);
        let sql = scoped
            .sql(
                "INSERT INTO webhook_endpoints (org_id, id, url, events, enabled, signature_scheme, headers, secret, \
                 previous_secret, previous_secret_expires_at, consecutive_failures, created_at, updated_at) \
                 VALUES ($1, 'whep_legacy', $2, '[]', 1, 'standard-webhooks', $3, $4, $5, $6, 0, 0, 0)",
            )
            .bind(receiver.url.clone())
            .bind(r#"{"Authorization":"Bearer legacy-token-77"}"#.to_owned())
            .bind(secret.to_owned())
            .bind(previous.to_owned())
            .bind(Clock::default().now_ms() + 3_600_000);
        scoped.execute(sql).await.unwrap();
        old.close().await;
        org
    };

    let mut settings = test_settings(&db.url);
    allow_loopback(&mut settings);
    let app = start(settings, Clock::default()).await;
    assert_nothing_in_clear(&app, &[secret, previous, "legacy-token-77"]).await;

    // The endpoint works as before.
    let key = app.key(&org.id, &["*"]).await;
    let (_, shown) = json(app.get("/api/webhooks/whep_legacy", &key).await).await;
    assert_eq!(shown["headers"]["Authorization"], "…n-77");
    app.create("/api/leads", &key, &json!({"name": "Upgraded"})).await;
    let received = &receiver.wait_for(1).await[0];
    assert!(verify_standard(secret, received) && verify_standard(previous, received));
    assert_eq!(received.header("authorization"), Some("Bearer legacy-token-77"));
}
