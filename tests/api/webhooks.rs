//! Webhooks end to end against a real HTTP receiver: subscriptions, the three signature
//! schemes verified independently, fan-out and filters, retries on the schedule, Retry-After,
//! 410, auto-disable with exactly one email, rotation, resend/recover, the attempt log, SSRF,
//! plans, scopes and tenant isolation, and two instances delivering each event exactly once.

use std::collections::HashSet;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use gable::config::{List, Span};
use gable::vocab::clock::Clock;
use gable::vocab::plan::Plan;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::helpers::{
    TestApp, TestOrg, expect_error, expect_field_error, json, spawn_with, spawn_without_workers, start, test_settings,
};
use crate::receiver::{Answer, Receiver, SmtpSink};

const FROZEN_AT_MS: i64 = 1_767_261_605_000;

pub fn allow_loopback(s: &mut gable::config::Settings) {
    // These tests poll the delivery log, some with a frozen clock: no minute window would do.
    s.plans.elite.key_per_minute = 1_000_000;
    s.plans.elite.key_per_hour = 1_000_000;
    s.plans.elite.org_per_minute = 1_000_000;
    s.webhooks.allowed_subnets = List(vec!["127.0.0.0/8".parse().unwrap()]);
    s.webhooks.retry_schedule =
        List(vec![Span(Duration::from_secs(5)), Span(Duration::from_secs(60)), Span(Duration::from_secs(300))]);
}

async fn app() -> TestApp {
    spawn_with(allow_loopback).await
}

/// Creates an endpoint and returns its JSON (with the secret).
async fn subscribe(app: &TestApp, org: &TestOrg, body: Value) -> Value {
    app.create("/api/webhooks", &org.key, &body).await
}

async fn make_lead(app: &TestApp, org: &TestOrg, name: &str) -> Value {
    app.create("/api/leads", &org.key, &json!({"name": name, "email": "jane@example.com", "source": "website"})).await
}

fn hmac_bytes(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

/// Standard Webhooks verification, written from the spec: key = base64 of the secret after
/// `whsec_`; signed content `{webhook-id}.{webhook-timestamp}.{body}`; any `v1,` entry matches.
pub fn verify_standard(secret: &str, received: &crate::receiver::Received) -> bool {
    let key = STANDARD.decode(secret.trim_start_matches("whsec_")).unwrap();
    let id = received.header("webhook-id").unwrap();
    let timestamp = received.header("webhook-timestamp").unwrap();
    let content = [id.as_bytes(), b".", timestamp.as_bytes(), b".", &received.body].concat();
    let expected = STANDARD.encode(hmac_bytes(&key, &content));
    received.header("webhook-signature").unwrap().split(' ').any(|s| s.strip_prefix("v1,") == Some(expected.as_str()))
}

#[tokio::test]
async fn webhooks_need_the_elite_plan_and_their_scopes() {
    let app = app().await;
    let grow = app.org(Plan::Grow).await;
    let body = expect_error(app.get("/api/webhooks", &grow.key).await, 403, "PLAN_UPGRADE_REQUIRED").await;
    assert_eq!((body["upgrade"].clone(), body["requiredPlan"].clone()), (json!(true), json!("Elite")));
    expect_error(
        app.post("/v1/webhooks", &grow.key, &json!({"url": "http://127.0.0.1:9/x"})).await,
        403,
        "PLAN_UPGRADE_REQUIRED",
    )
    .await;

    let elite = app.org(Plan::Elite).await;
    let reader = app.key(&elite.id, &["read:webhooks"]).await;
    assert_eq!(app.get("/api/webhooks", &reader).await.status(), 200);
    expect_error(
        app.post("/api/webhooks", &reader, &json!({"url": "http://127.0.0.1:9/x"})).await,
        403,
        "INSUFFICIENT_SCOPE",
    )
    .await;
}

#[tokio::test]
async fn subscribing_needs_read_access_to_each_events_resource() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let leads_only = app.key(&org.id, &["write:webhooks", "read:leads"]).await;
    let url = receiver.url.clone();

    let ok = app.post("/api/webhooks", &leads_only, &json!({"url": url, "events": ["lead.created"]})).await;
    assert_eq!(ok.status(), 201);
    let (_, endpoint) = json(ok).await;
    for events in [json!(["lead.created", "tenant.added"]), json!([]), Value::Null] {
        let body = expect_error(
            app.post("/api/webhooks", &leads_only, &json!({"url": url, "events": events})).await,
            403,
            "INSUFFICIENT_SCOPE",
        )
        .await;
        let expected = if events == json!([]) || events.is_null() { "every event" } else { "read:tenants" };
        assert!(body["error"].as_str().unwrap().contains(expected), "{events}: {body}");
    }
    let id = endpoint["id"].as_str().unwrap();
    for events in [json!(["tenant.added"]), json!([])] {
        expect_error(
            app.patch(&format!("/api/webhooks/{id}"), &leads_only, &json!({"events": events})).await,
            403,
            "INSUFFICIENT_SCOPE",
        )
        .await;
    }
    let (_, unchanged) = json(app.get(&format!("/api/webhooks/{id}"), &org.key).await).await;
    assert_eq!(unchanged["events"], json!(["lead.created"]));
    let (_, list) = json(app.get("/api/webhooks", &org.key).await).await;
    assert_eq!(list.as_array().unwrap().len(), 1, "nothing else was created");
    // A key that reads everything may subscribe to everything.
    let full = app.key(&org.id, &["write:webhooks", "read:*"]).await;
    assert_eq!(app.post("/api/webhooks", &full, &json!({"url": url})).await.status(), 201);
}

#[tokio::test]
async fn subscriptions_crud_shows_the_secret_once() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let created =
        subscribe(&app, &org, json!({"url": receiver.url, "description": "CRM sync", "events": ["lead.created"]}))
            .await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("whep_"));
    let secret = created["secret"].as_str().unwrap();
    assert!(secret.starts_with("whsec_"));
    assert_eq!(STANDARD.decode(&secret[6..]).unwrap().len(), 32);
    assert_eq!(created["signatureScheme"], "standard-webhooks");
    assert_eq!(created["enabled"], true);
    assert_eq!(created["events"], json!(["lead.created"]));

    let (status, got) = json(app.get(&format!("/v1/webhooks/{id}"), &org.key).await).await;
    assert_eq!(status, 200);
    assert!(got.get("secret").is_none(), "the secret is not shown again");
    let (_, listed) = json(app.get("/api/webhooks", &org.key).await).await;
    assert_eq!(listed[0]["id"], id.as_str());
    assert!(!listed.to_string().contains(secret));

    let (status, updated) = json(
        app.patch(
            &format!("/api/webhooks/{id}"),
            &org.key,
            &json!({"events": [], "headers": {"Authorization": "Bearer receiver-token"}}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["events"], json!([]));
    assert_eq!(updated["headers"]["Authorization"], "…oken", "credential-like header values are masked");
    let response = app
        .request(reqwest::Method::PUT, &format!("/api/webhooks/{id}"), Some(&org.key))
        .json(&json!({"description": "via PUT"}))
        .send()
        .await
        .unwrap();
    assert_eq!(json(response).await.1["description"], "via PUT");

    let other = app.org(Plan::Elite).await;
    expect_error(app.get(&format!("/api/webhooks/{id}"), &other.key).await, 404, "NOT_FOUND").await;
    expect_error(app.delete(&format!("/api/webhooks/{id}"), &other.key).await, 404, "NOT_FOUND").await;

    let (status, deleted) = json(app.delete(&format!("/api/webhooks/{id}"), &org.key).await).await;
    assert_eq!((status, deleted), (200, json!({"id": id, "deleted": true})));
    expect_error(app.get(&format!("/api/webhooks/{id}"), &org.key).await, 404, "NOT_FOUND").await;
}

#[tokio::test]
async fn bad_subscriptions_name_their_field() {
    let strict = spawn_with(|_| {}).await;
    let org = strict.org(Plan::Elite).await;
    let body = expect_field_error(
        strict.post("/api/webhooks", &org.key, &json!({"url": "http://127.0.0.1:8080/hook"})).await,
        "url",
    )
    .await;
    assert!(body["error"].as_str().unwrap().contains("127.0.0.1"), "{body}");
    for url in [
        "http://10.0.0.5/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://localhost/hook",
    ] {
        expect_field_error(strict.post("/api/webhooks", &org.key, &json!({"url": url})).await, "url").await;
    }

    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    for (body, field) in [
        (json!({"url": "ftp://example.com/x"}), "url"),
        (json!({"url": "not a url"}), "url"),
        (json!({"url": receiver.url, "events": ["lead.exploded"]}), "events"),
        (json!({"url": receiver.url, "signatureScheme": "md5"}), "signatureScheme"),
        (json!({"url": receiver.url, "signatureHeader": "X-Sig"}), "signatureHeader"),
        (
            json!({"url": receiver.url, "signatureScheme": "hmac-sha256-hex", "signatureHeader": "Content-Type"}),
            "signatureHeader",
        ),
        (json!({"url": receiver.url, "headers": {"webhook-id": "x"}}), "headers"),
        (json!({"url": receiver.url, "headers": {"X-Ok": "bad\r\nvalue"}}), "headers"),
        (json!({"url": receiver.url, "secret": "mine"}), "secret"),
        (json!({"description": "no url"}), "url"),
    ] {
        expect_field_error(app.post("/api/webhooks", &org.key, &body).await, field).await;
    }
    let https_only = spawn_with(|s| {
        allow_loopback(s);
        s.webhooks.require_https = true;
    })
    .await;
    let org = https_only.org(Plan::Elite).await;
    expect_field_error(https_only.post("/api/webhooks", &org.key, &json!({"url": receiver.url})).await, "url").await;
}

#[tokio::test]
async fn standard_webhooks_deliveries_carry_the_union_envelope() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let endpoint = subscribe(&app, &org, json!({"url": receiver.url})).await;
    let lead = make_lead(&app, &org, "Jane Doe").await;

    let received = receiver.wait_for(1).await;
    let r = &received[0];
    assert!(verify_standard(endpoint["secret"].as_str().unwrap(), r), "signature verifies");
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert!(r.header("user-agent").unwrap().starts_with("Gable-Webhooks/"));
    let body = r.json();
    let event_id = body["id"].as_str().unwrap();
    assert!(event_id.starts_with("evt_"));
    assert_eq!(r.header("webhook-id"), Some(event_id), "webhook-id is the event id");
    assert_eq!(body["event"], "lead.created");
    assert_eq!(body["organization_id"], org.id.as_str());
    assert_eq!(body["data"], lead, "data is the object as the API returned it");
    assert_eq!(body["payload"], lead, "Aptoria's `payload` too");
    assert!(body["timestamp"].as_str().unwrap().ends_with('Z'));
    assert!(body["delivered_at"].as_str().unwrap().ends_with('Z'));
    let timestamp: i64 = r.header("webhook-timestamp").unwrap().parse().unwrap();
    assert!((timestamp - chrono::Utc::now().timestamp()).abs() < 60);
}

#[tokio::test]
async fn hmac_hex_deliveries_verify_like_the_aureum_example() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let endpoint = subscribe(
        &app,
        &org,
        json!({"url": receiver.url, "signatureScheme": "hmac-sha256-hex", "signatureHeader": "X-Aureum-Signature"}),
    )
    .await;
    make_lead(&app, &org, "Hex").await;
    let r = &receiver.wait_for(1).await[0];
    // crypto.createHmac('sha256', secret).update(body).digest('hex'), compared with the header.
    let expected = hex::encode(hmac_bytes(endpoint["secret"].as_str().unwrap().as_bytes(), &r.body));
    assert_eq!(r.header("x-aureum-signature"), Some(expected.as_str()));
    assert!(r.header("webhook-id").is_some());
}

#[tokio::test]
async fn timestamped_deliveries_verify_like_the_aptoria_example() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let endpoint = subscribe(&app, &org, json!({"url": receiver.url, "signatureScheme": "hmac-sha256-timestamped", "signatureHeader": "X-PMAI-Signature"})).await;
    make_lead(&app, &org, "Stamp").await;
    let r = &receiver.wait_for(1).await[0];
    // parts = dict(p.split('=') for p in sig.split(',')); |now - t| <= 300; hmac of f'{t}.{body}'.
    let header = r.header("x-pmai-signature").unwrap();
    let parts: std::collections::HashMap<&str, &str> = header.split(',').filter_map(|p| p.split_once('=')).collect();
    let t: i64 = parts["t"].parse().unwrap();
    assert!((chrono::Utc::now().timestamp() - t).abs() <= 300);
    let signed = [t.to_string().as_bytes(), b".", &r.body].concat();
    assert_eq!(parts["v1"], hex::encode(hmac_bytes(endpoint["secret"].as_str().unwrap().as_bytes(), &signed)));
}

#[tokio::test]
async fn filters_and_tenants_decide_who_receives_what() {
    let app = app().await;
    let a = app.org(Plan::Elite).await;
    let b = app.org(Plan::Elite).await;
    let all = Receiver::start().await;
    let leads_only = Receiver::start().await;
    let other_org = Receiver::start().await;
    subscribe(&app, &a, json!({"url": all.url})).await;
    subscribe(&app, &a, json!({"url": leads_only.url, "events": ["lead.created"]})).await;
    subscribe(&app, &b, json!({"url": other_org.url})).await;

    make_lead(&app, &a, "Only A").await;
    app.create("/api/contacts", &a.key, &json!({"firstName": "C", "lastName": "A"})).await;
    let received = all.wait_for(2).await;
    let mut kinds: Vec<String> = received.iter().map(|r| r.json()["event"].as_str().unwrap().to_owned()).collect();
    kinds.sort();
    assert_eq!(kinds, ["contact.created", "lead.created"]);
    let leads = leads_only.settle_at(&app, 1).await;
    assert_eq!(leads[0].json()["event"], "lead.created");
    other_org.settle_at(&app, 0).await;

    // An organization below Elite gets no deliveries even with an endpoint left over.
    assert!(received.iter().all(|r| r.json()["organization_id"] == a.id.as_str()));
}

/// The endpoint's newest delivery with its attempts, once there is one.
async fn delivery_of(app: &TestApp, org: &TestOrg, endpoint: &str) -> Option<Value> {
    let (status, list) = json(app.get(&format!("/api/webhooks/{endpoint}/deliveries"), &org.key).await).await;
    assert_eq!(status, 200, "{list}");
    let id = list[0]["id"].as_str()?.to_owned();
    Some(json(app.get(&format!("/api/webhook-deliveries/{id}"), &org.key).await).await.1)
}

/// Polls until the delivery has `attempts` attempts.
async fn wait_attempts(app: &TestApp, org: &TestOrg, endpoint: &str, attempts: i64) -> Value {
    for _ in 0..400 {
        if let Some(delivery) = delivery_of(app, org, endpoint).await
            && delivery["attemptCount"].as_i64() == Some(attempts)
        {
            return delivery;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the delivery never reached {attempts} attempts: {:?}", delivery_of(app, org, endpoint).await);
}

fn ms(timestamp: &Value) -> i64 {
    chrono::DateTime::parse_from_rfc3339(timestamp.as_str().unwrap()).unwrap().timestamp_millis()
}

#[tokio::test]
async fn failures_are_retried_on_the_schedule_then_fail() {
    let app = app().await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    receiver.answer(Answer::Status(500));
    let endpoint = subscribe(&app, &org, json!({"url": receiver.url})).await;
    let endpoint = endpoint["id"].as_str().unwrap().to_owned();
    make_lead(&app, &org, "Retry").await;

    // 1st attempt now; then 5 s, 1 min, 5 min later (±20%); then the schedule is exhausted.
    let mut delivery = wait_attempts(&app, &org, &endpoint, 1).await;
    for (attempt, delay) in [(2, 5_000), (3, 60_000), (4, 300_000)] {
        assert_eq!(delivery["status"], "pending");
        let wait = ms(&delivery["nextAttemptAt"]) - ms(&delivery["lastAttemptAt"]);
        assert!(
            wait >= delay * 8 / 10 && wait <= delay * 12 / 10,
            "retry {attempt} after {wait} ms, expected about {delay}"
        );
        app.clock().advance(Duration::from_millis(u64::try_from(wait).unwrap()));
        delivery = wait_attempts(&app, &org, &endpoint, attempt).await;
    }
    assert_eq!(delivery["status"], "failed");
    assert_eq!(delivery["nextAttemptAt"], Value::Null);
    let attempts = delivery["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 4);
    assert!(
        attempts.iter().all(|a| a["statusCode"] == 500 && a["responseBody"] == "recorded" && a["latencyMs"].is_i64())
    );
    assert_eq!(receiver.received().len(), 4);
    let ids: HashSet<String> = receiver.received().iter().map(|r| r.header("webhook-id").unwrap().to_owned()).collect();
    assert_eq!(ids.len(), 1, "webhook-id is stable across retries");
    let (_, endpoint_now) = json(app.get(&format!("/api/webhooks/{endpoint}"), &org.key).await).await;
    assert_eq!(endpoint_now["consecutiveFailures"], 4);
    assert_eq!(endpoint_now["enabled"], true);
}

#[tokio::test]
async fn retry_after_stretches_the_delay_and_a_success_resets_the_count() {
    let app = app().await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    receiver.then([Answer::RetryAfter(503, 120), Answer::Hangup]);
    let endpoint = subscribe(&app, &org, json!({"url": receiver.url})).await["id"].as_str().unwrap().to_owned();
    make_lead(&app, &org, "Later").await;
    let delivery = wait_attempts(&app, &org, &endpoint, 1).await;
    assert_eq!(ms(&delivery["nextAttemptAt"]) - ms(&delivery["lastAttemptAt"]), 120_000);
    app.clock().advance(Duration::from_secs(120));
    let delivery = wait_attempts(&app, &org, &endpoint, 2).await;
    let dropped = &delivery["attempts"][1];
    assert_eq!(dropped["statusCode"], Value::Null);
    assert!(dropped["error"].as_str().is_some_and(|e| !e.is_empty()), "{dropped}");
    let (_, stats) = json(app.get(&format!("/api/webhooks/{endpoint}"), &org.key).await).await;
    assert_eq!(stats["consecutiveFailures"], 2);

    let wait = ms(&delivery["nextAttemptAt"]) - ms(&delivery["lastAttemptAt"]);
    assert!((48_000..=72_000).contains(&wait), "the second retry waits about 1 min: {wait} ms");
    app.clock().advance(Duration::from_millis(u64::try_from(wait).unwrap()));
    let delivery = wait_attempts(&app, &org, &endpoint, 3).await;
    assert_eq!(delivery["status"], "succeeded");
    let (_, stats) = json(app.get(&format!("/api/webhooks/{endpoint}"), &org.key).await).await;
    assert_eq!(stats["consecutiveFailures"], 0);
    assert!(stats["lastSuccessAt"].is_string());
}

#[tokio::test]
async fn gone_disables_the_endpoint_at_once() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    receiver.answer(Answer::Status(410));
    let endpoint = subscribe(&app, &org, json!({"url": receiver.url})).await["id"].as_str().unwrap().to_owned();
    make_lead(&app, &org, "Gone").await;
    let delivery = wait_attempts(&app, &org, &endpoint, 1).await;
    assert_eq!(delivery["status"], "failed");
    let (_, stats) = json(app.get(&format!("/api/webhooks/{endpoint}"), &org.key).await).await;
    assert_eq!(stats["enabled"], false);
    assert!(stats["disabledReason"].as_str().unwrap().contains("410"));
    make_lead(&app, &org, "Not sent").await;
    receiver.settle_at(&app, 1).await;
}

#[tokio::test]
async fn ten_failures_disable_the_endpoint_and_mail_the_owner_once() {
    let smtp = SmtpSink::start().await;
    let smtp_url = smtp.url.clone();
    let app = spawn_with(move |s| {
        allow_loopback(s);
        s.smtp.url = Some(secrecy::SecretString::from(smtp_url));
        s.smtp.from = "Gable <alerts@gable.test>".into();
    })
    .await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    receiver.answer(Answer::Status(500));
    let endpoint = subscribe(&app, &org, json!({"url": receiver.url})).await["id"].as_str().unwrap().to_owned();
    for i in 0..12 {
        make_lead(&app, &org, &format!("Lead {i}")).await;
    }
    for _ in 0..200 {
        let (_, stats) = json(app.get(&format!("/api/webhooks/{endpoint}"), &org.key).await).await;
        if stats["enabled"] == false {
            assert!(stats["disabledReason"].as_str().unwrap().contains("10 consecutive"), "{stats}");
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for _ in 0..200 {
        if !smtp.mails().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    app.webhooks_idle().await;
    let mails = smtp.mails();
    assert_eq!(mails.len(), 1, "exactly one email: {mails:?}");
    assert!(mails[0].to[0].contains("owner@test-realty.example"));
    assert!(mails[0].from.contains("alerts@gable.test"));
    assert!(mails[0].data.contains(&endpoint));
    assert!(receiver.received().len() >= 10);
    let (_, deliveries) =
        json(app.get(&format!("/api/webhooks/{endpoint}/deliveries?status=pending"), &org.key).await).await;
    assert_eq!(deliveries, json!([]), "nothing stays queued for a disabled endpoint");

    // An event while disabled is logged as missed, never attempted.
    let failed_ids = |list: &Value| -> HashSet<String> {
        list.as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_owned()).collect()
    };
    let failed_path = format!("/api/webhooks/{endpoint}/deliveries?status=failed&limit=100");
    let (_, failed_before) = json(app.get(&failed_path, &org.key).await).await;
    let known = failed_ids(&failed_before);
    let received_while_disabled = receiver.received().len();
    make_lead(&app, &org, "Lead while disabled").await;
    let mut missed = Value::Null;
    for _ in 0..100 {
        let (_, failed) = json(app.get(&failed_path, &org.key).await).await;
        if let Some(d) = failed.as_array().unwrap().iter().find(|d| !known.contains(d["id"].as_str().unwrap())) {
            missed = d.clone();
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(missed["lastError"], "the endpoint was disabled", "{missed}");
    assert_eq!(
        (missed["attemptCount"].clone(), missed["eventType"].clone()),
        (json!(0), json!("lead.created")),
        "{missed}"
    );
    assert_eq!(receiver.received().len(), received_while_disabled);

    // Re-enabling is an update; recover re-queues what failed.
    receiver.answer(Answer::Status(200));
    let (_, enabled) =
        json(app.patch(&format!("/api/webhooks/{endpoint}"), &org.key, &json!({"enabled": true})).await).await;
    assert_eq!(
        (enabled["enabled"].clone(), enabled["consecutiveFailures"].clone(), enabled["disabledReason"].clone()),
        (json!(true), json!(0), Value::Null)
    );
    let before = receiver.received().len();
    let (status, recovered) = json(
        app.post(&format!("/api/webhooks/{endpoint}/recover"), &org.key, &json!({"since": "2020-01-01T00:00:00Z"}))
            .await,
    )
    .await;
    assert_eq!(status, 202);
    assert_eq!(recovered["requeued"], 13);
    let received = receiver.wait_for(before + 13).await;
    let ids: HashSet<&str> = received[before..].iter().map(|r| r.header("webhook-id").unwrap()).collect();
    assert_eq!(ids.len(), 13, "every missed event arrives once");
}

#[tokio::test]
async fn resend_sends_again_and_the_log_keeps_every_attempt() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    receiver.then([Answer::Status(200)]);
    let endpoint = subscribe(&app, &org, json!({"url": receiver.url})).await["id"].as_str().unwrap().to_owned();
    make_lead(&app, &org, "Twice").await;
    let delivery = wait_attempts(&app, &org, &endpoint, 1).await;
    assert_eq!(delivery["status"], "succeeded");
    let id = delivery["id"].as_str().unwrap();
    let (status, queued) =
        json(app.post(&format!("/api/webhook-deliveries/{id}/resend"), &org.key, &json!({})).await).await;
    assert_eq!((status, queued["status"].as_str()), (202, Some("pending")));
    let delivery = wait_attempts(&app, &org, &endpoint, 2).await;
    assert_eq!(delivery["attempts"].as_array().unwrap().len(), 2);
    let received = receiver.wait_for(2).await;
    assert_eq!(received[0].header("webhook-id"), received[1].header("webhook-id"));

    let other = app.org(Plan::Elite).await;
    expect_error(app.get(&format!("/api/webhook-deliveries/{id}"), &other.key).await, 404, "NOT_FOUND").await;
    expect_error(
        app.post(&format!("/api/webhook-deliveries/{id}/resend"), &other.key, &json!({})).await,
        404,
        "NOT_FOUND",
    )
    .await;
}

#[tokio::test]
async fn long_responses_are_logged_truncated() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    // A receiver that answers with 10 KiB.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://127.0.0.1:{}/big", listener.local_addr().unwrap().port());
    tokio::spawn(
        async move { axum::serve(listener, axum::Router::new().fallback(|| async { "x".repeat(10_240) })).await },
    );
    let endpoint = subscribe(&app, &org, json!({"url": url})).await["id"].as_str().unwrap().to_owned();
    make_lead(&app, &org, "Big").await;
    let delivery = wait_attempts(&app, &org, &endpoint, 1).await;
    assert_eq!(delivery["attempts"][0]["responseBody"].as_str().unwrap().len(), 4096);
}

#[tokio::test]
async fn rotation_signs_with_both_secrets_for_a_day() {
    let app = app().await;
    app.clock().freeze_at(FROZEN_AT_MS);
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let created = subscribe(&app, &org, json!({"url": receiver.url})).await;
    let id = created["id"].as_str().unwrap();
    let old = created["secret"].as_str().unwrap();
    let (status, rotated) =
        json(app.post(&format!("/api/webhooks/{id}/rotate-secret"), &org.key, &json!({})).await).await;
    assert_eq!(status, 200);
    let new = rotated["secret"].as_str().unwrap();
    assert_ne!(old, new);
    assert!(rotated["previousSecretExpiresAt"].is_string());

    make_lead(&app, &org, "Rotated").await;
    let r = &receiver.wait_for(1).await[0];
    assert_eq!(r.header("webhook-signature").unwrap().split(' ').count(), 2);
    assert!(verify_standard(old, r) && verify_standard(new, r), "both secrets verify");

    app.clock().advance(Duration::from_secs(24 * 3600 + 1));
    make_lead(&app, &org, "Later").await;
    let r = &receiver.wait_for(2).await[1];
    assert_eq!(r.header("webhook-signature").unwrap().split(' ').count(), 1);
    assert!(verify_standard(new, r) && !verify_standard(old, r));
}

#[tokio::test]
async fn the_test_event_reports_the_outcome_and_does_not_count() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let created = subscribe(&app, &org, json!({"url": receiver.url})).await;
    let id = created["id"].as_str().unwrap();
    let (status, result) = json(app.post(&format!("/api/webhooks/{id}/test"), &org.key, &json!({})).await).await;
    assert_eq!(status, 200);
    assert_eq!((result["success"].clone(), result["statusCode"].clone()), (json!(true), json!(200)));
    let r = &receiver.wait_for(1).await[0];
    assert_eq!(r.json()["event"], "webhook.test");
    assert!(verify_standard(created["secret"].as_str().unwrap(), r));

    receiver.answer(Answer::Status(500));
    let (_, result) = json(app.post(&format!("/v1/webhooks/{id}/test"), &org.key, &json!({})).await).await;
    assert_eq!((result["success"].clone(), result["statusCode"].clone()), (json!(false), json!(500)));
    let (_, stats) = json(app.get(&format!("/api/webhooks/{id}"), &org.key).await).await;
    assert_eq!(stats["consecutiveFailures"], 0);
}

#[tokio::test]
async fn the_ssrf_guard_also_runs_at_send_time() {
    // Created through an instance that allows loopback (and delivers nothing); delivered by
    // one that does not allow it.
    let lenient = spawn_without_workers(allow_loopback).await;
    let org = lenient.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let endpoint = subscribe(&lenient, &org, json!({"url": receiver.url})).await["id"].as_str().unwrap().to_owned();
    let strict = start(test_settings(&lenient.db_url), Clock::default()).await;
    strict.create("/api/leads", &org.key, &json!({"name": "Rebound"})).await;
    let delivery = wait_attempts(&strict, &org, &endpoint, 1).await;
    assert!(delivery["attempts"][0]["error"].as_str().unwrap().contains("not a public address"), "{delivery}");
    receiver.settle_at(&strict, 0).await;
}

#[tokio::test]
async fn the_event_catalog_lists_every_type_with_an_example() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let (status, catalog) = json(app.get("/api/webhook-events", &org.key).await).await;
    assert_eq!(status, 200);
    let types: Vec<&str> = catalog.as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
    for documented in [
        "lead.created",
        "lead.updated",
        "contact.created",
        "contact.updated",
        "property.created",
        "property.updated",
        "showing.created",
        "showing.updated",
        "task.created",
        "task.completed",
        "payment.succeeded",
        "webhook.test",
    ] {
        assert!(types.contains(&documented), "{documented} is listed");
    }
    let lead = catalog.as_array().unwrap().iter().find(|e| e["type"] == "lead.created").unwrap();
    assert!(lead["description"].as_str().is_some_and(|d| !d.is_empty()));
    assert_eq!(lead["example"]["name"], "Jane Doe");
}

/// Every `"$ref"` in a JSON value.
fn refs(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                found.push(target.clone());
            }
            map.values().for_each(|v| refs(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
        _ => {}
    }
}

#[tokio::test]
async fn every_event_type_has_a_json_schema_its_example_follows() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let (_, catalog) = json(app.get("/api/webhook-events", &org.key).await).await;
    for event in catalog.as_array().unwrap() {
        let kind = event["type"].as_str().unwrap();
        let schema = &event["schema"];
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{kind}");
        let properties = schema["properties"].as_object().unwrap_or_else(|| panic!("{kind} has properties: {schema}"));
        let example = event["example"].as_object().unwrap_or_else(|| panic!("{kind} has an example"));
        for field in example.keys() {
            assert!(properties.contains_key(field), "{kind}: the example's `{field}` is in the schema");
        }
        for required in schema["required"].as_array().into_iter().flatten() {
            assert!(example.contains_key(required.as_str().unwrap()), "{kind}: the example has `{required}`");
        }
        // A standalone schema: every reference resolves inside it.
        let mut found = Vec::new();
        refs(schema, &mut found);
        for target in found {
            let name = target.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("{kind}: {target} points into $defs"));
            assert!(schema["$defs"][name].is_object(), "{kind}: {target} is defined");
        }
    }
    let find = |kind: &str| catalog.as_array().unwrap().iter().find(|e| e["type"] == kind).unwrap().clone();
    for event in catalog.as_array().unwrap() {
        let area = event["area"].as_str().unwrap();
        assert!(["platform", "webhooks", "crm", "sales", "operations", "rentals"].contains(&area), "{event}");
    }
    assert_eq!(
        ["lead.created", "payment.succeeded", "rent.paid", "work_order.completed", "webhook.test"]
            .map(|k| find(k)["area"].clone()),
        ["crm", "sales", "rentals", "operations", "webhooks"].map(|a| json!(a))
    );
    assert_eq!(find("rent.late")["schema"]["properties"]["days_late"]["type"], "integer");
    assert!(find("lead.created")["schema"]["properties"]["email"].is_object());
    assert!(find("webhook.test")["schema"]["properties"]["endpointId"].is_object());
}

#[tokio::test]
async fn two_instances_deliver_each_event_exactly_once() {
    let first = app().await;
    let mut settings = test_settings(&first.db_url);
    allow_loopback(&mut settings);
    let second = start(settings, Clock::default()).await;
    let org = first.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    subscribe(&first, &org, json!({"url": receiver.url})).await;
    for i in 0..40 {
        let app = if i % 2 == 0 { &first } else { &second };
        make_lead(app, &org, &format!("Lead {i}")).await;
    }
    let received = receiver.wait_for(40).await;
    first.webhooks_idle().await;
    let received_now = receiver.received();
    assert_eq!(received_now.len(), 40, "no duplicates arrived later");
    let ids: HashSet<&str> = received.iter().map(|r| r.header("webhook-id").unwrap()).collect();
    assert_eq!(ids.len(), 40);
}

#[tokio::test]
async fn a_slow_endpoint_does_not_hold_up_the_others() {
    let app = spawn_with(|s| {
        allow_loopback(s);
        s.webhooks.concurrency_per_endpoint = 2;
    })
    .await;
    let org = app.org(Plan::Elite).await;
    let slow = Receiver::start().await;
    slow.answer(Answer::Slow(Duration::from_secs(3), 200));
    let fast = Receiver::start().await;
    subscribe(&app, &org, json!({"url": slow.url})).await;
    subscribe(&app, &org, json!({"url": fast.url})).await;
    let started = std::time::Instant::now();
    for i in 0..6 {
        make_lead(&app, &org, &format!("Lead {i}")).await;
    }
    fast.wait_for(6).await;
    assert!(started.elapsed() < Duration::from_secs(2), "the fast endpoint got everything in {:?}", started.elapsed());
    assert!(slow.received().len() <= 2, "the slow endpoint has at most its concurrency in flight");
}

#[tokio::test]
async fn a_slow_endpoints_backlog_does_not_starve_the_others() {
    use futures_util::StreamExt;
    let app = spawn_with(|s| {
        allow_loopback(s);
        s.webhooks.concurrency_per_endpoint = 2;
    })
    .await;
    let org = app.org(Plan::Elite).await;
    let slow = Receiver::start().await;
    slow.answer(Answer::Slow(Duration::from_secs(5), 200));
    let fast = Receiver::start().await;
    subscribe(&app, &org, json!({"url": slow.url})).await;
    subscribe(&app, &org, json!({"url": fast.url})).await;
    // More events than a claim looks at (400 due deliveries): the slow endpoint's backlog soon
    // fills the oldest due deliveries, and the fast endpoint must still be served.
    let leads = 450;
    let started = std::time::Instant::now();
    futures_util::stream::iter(0..leads)
        .for_each_concurrent(8, |i| {
            let (app, org) = (&app, &org);
            async move {
                make_lead(app, org, &format!("Lead {i}")).await;
            }
        })
        .await;
    fast.wait_for(leads).await;
    // Two at a time, each answered after 5 s.
    let rounds = started.elapsed().as_secs() as usize / 5 + 1;
    assert!(slow.received().len() <= 2 * rounds, "the slow endpoint has only its concurrency in flight");
}

/// Two changes to one endpoint at once are both kept: each reads and writes the endpoint in
/// one transaction, so neither writes back what the other changed.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_changes_to_an_endpoint_are_both_kept() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let endpoint = subscribe(&app, &org, json!({"url": receiver.url, "events": ["lead.created"]})).await;
    let path = format!("/api/webhooks/{}", endpoint["id"].as_str().unwrap());
    let kinds = ["lead.created", "lead.updated"];
    for i in 0..30 {
        let description = format!("round {i}");
        let events = json!([kinds[i % 2]]);
        let (first, second) = (json!({"description": description}), json!({"events": events}));
        let (a, b) = tokio::join!(app.patch(&path, &org.key, &first), app.patch(&path, &org.key, &second));
        assert_eq!((a.status().as_u16(), b.status().as_u16()), (200, 200));
        let (_, now) = json(app.get(&path, &org.key).await).await;
        assert_eq!((&now["description"], &now["events"]), (&json!(description), &events), "round {i}");
    }
}

/// Endpoints are read through the engine: the masked headers and the default signature header
/// as the writes return them, the `enabled` filter, and the same records in GraphQL, where the
/// plan applies as it does to REST.
#[tokio::test]
async fn endpoints_are_read_like_every_resource_in_rest_and_graphql() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let created = subscribe(
        &app,
        &org,
        json!({"url": receiver.url, "headers": {"Authorization": "Bearer receiver-token", "X-Team": "ops"}}),
    )
    .await;
    let paused = subscribe(&app, &org, json!({"url": receiver.url, "enabled": false})).await;
    let id = created["id"].as_str().unwrap();

    let (_, got) = json(app.get(&format!("/api/webhooks/{id}"), &org.key).await).await;
    let mut expected = created.clone();
    expected.as_object_mut().unwrap().remove("secret");
    assert_eq!(got, expected, "a read shows what the create returned, without the secret");
    assert_eq!(got["headers"], json!({"Authorization": "…oken", "X-Team": "ops"}));
    assert_eq!(got["signatureHeader"], "webhook-signature");

    let (_, off) = json(app.get("/api/webhooks?enabled=false", &org.key).await).await;
    assert_eq!(off.as_array().unwrap().iter().map(|e| e["id"].clone()).collect::<Vec<_>>(), [paused["id"].clone()]);

    let query = json!({"query": "{ webhookEndpoints { id enabled headers } }"});
    let (_, body) = json(app.post("/graphql", &org.key, &query).await).await;
    assert!(body.get("errors").is_none(), "{body}");
    assert_eq!(body["data"]["webhookEndpoints"].as_array().unwrap().len(), 2);
    assert!(!body.to_string().contains("receiver-token"));

    let grow = app.org(Plan::Grow).await;
    let (_, refused) = json(app.post("/graphql", &grow.key, &query).await).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "PLAN_UPGRADE_REQUIRED", "{refused}");
}

/// Every endpoint's deliveries in one list (`GET /api/webhook-deliveries`, GraphQL
/// `webhookDeliveries`), filtered by endpoint as the endpoint's own list is, and never another
/// organization's.
#[tokio::test]
async fn the_delivery_log_lists_every_endpoint_and_filters_by_one() {
    let app = app().await;
    let org = app.org(Plan::Elite).await;
    let first = Receiver::start().await;
    let second = Receiver::start().await;
    let one = subscribe(&app, &org, json!({"url": first.url})).await;
    subscribe(&app, &org, json!({"url": second.url})).await;
    make_lead(&app, &org, "Jane").await;
    first.wait_for(1).await;
    second.wait_for(1).await;
    first.settle_at(&app, 1).await;

    let (status, all) = json(app.get("/api/webhook-deliveries", &org.key).await).await;
    assert_eq!((status, all.as_array().unwrap().len()), (200, 2), "{all}");
    let one_id = one["id"].as_str().unwrap();
    let (_, filtered) = json(app.get(&format!("/api/webhook-deliveries?endpointId={one_id}"), &org.key).await).await;
    let (_, nested) = json(app.get(&format!("/api/webhooks/{one_id}/deliveries"), &org.key).await).await;
    assert_eq!(filtered, nested);
    assert_eq!(filtered.as_array().unwrap().len(), 1);
    assert_eq!(filtered[0]["status"], "succeeded");

    let query = json!({"query": "query($e: String) { webhookDeliveries(endpointId: $e) { id eventType status } }",
        "variables": {"e": one_id}});
    let (_, body) = json(app.post("/graphql", &org.key, &query).await).await;
    assert_eq!(body["data"]["webhookDeliveries"][0]["id"], filtered[0]["id"], "{body}");

    let other = app.org(Plan::Elite).await;
    let (_, theirs) = json(app.get("/api/webhook-deliveries", &other.key).await).await;
    assert_eq!(theirs, json!([]));
    let grow = app.org(Plan::Grow).await;
    expect_error(app.get("/api/webhook-deliveries", &grow.key).await, 403, "PLAN_UPGRADE_REQUIRED").await;
}
