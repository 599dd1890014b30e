//! `GET /api/events/stream` (Server-Sent Events in commit order, resumable with
//! `Last-Event-ID`) and `gable listen`, which forwards that stream as signed webhooks.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use gable::config::{List, Span};
use gable::vocab::plan::Plan;
use gable::webhooks::listen::{self, Frame, Frames, Listen};
use gable::webhooks::signing::{self, Scheme};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_error, json, spawn_app, spawn_with};
use crate::receiver::Receiver;

/// An open event stream, read frame by frame.
struct EventStream {
    response: reqwest::Response,
    frames: Frames,
    ready: VecDeque<Frame>,
}

impl EventStream {
    async fn open(app: &TestApp, key: &str, query: &str, last: Option<&str>) -> EventStream {
        let mut request = app.request(Method::GET, &format!("/api/events/stream{query}"), Some(key));
        if let Some(id) = last {
            request = request.header("Last-Event-ID", id);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        EventStream { response, frames: Frames::default(), ready: VecDeque::new() }
    }

    /// The next event as `(id, envelope)`, or `None` when the stream ended; fails after 10 s.
    async fn next(&mut self) -> Option<(String, Value)> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(frame) = self.ready.pop_front() {
                let envelope: Value = serde_json::from_str(frame.data.as_deref().unwrap()).unwrap();
                return Some((frame.id.unwrap(), envelope));
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk()).await.expect("an event within 10 s");
            match chunk.unwrap() {
                Some(bytes) => self.ready.extend(self.frames.push(&bytes)),
                None => return None,
            }
        }
    }

    async fn next_ids(&mut self, n: usize) -> Vec<String> {
        let mut ids = Vec::new();
        for _ in 0..n {
            ids.push(self.next().await.expect("the stream is open").0);
        }
        ids
    }

    /// Nothing arrives within `wait` (besides heartbeats).
    async fn quiet_for(&mut self, wait: Duration) {
        if let Ok(event) = tokio::time::timeout(wait, self.next()).await {
            panic!("expected no event, got {event:?}");
        }
    }
}

/// The organization's event ids, oldest first.
async fn event_ids(app: &TestApp, key: &str) -> Vec<String> {
    let (_, events) = json(app.get("/api/events?limit=100", key).await).await;
    events.as_array().unwrap().iter().rev().map(|e| e["id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_stream_sends_events_as_they_commit_and_resumes_after_last_event_id() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    app.create("/api/leads", &org.key, &json!({"name": "Before the stream"})).await;
    let mut stream = EventStream::open(&app, &org.key, "", None).await;
    let lead = app.create("/api/leads", &org.key, &json!({"name": "Jane Doe"})).await;
    app.patch(&format!("/api/leads/{}", lead["id"].as_str().unwrap()), &org.key, &json!({"status": "contacted"})).await;
    app.create(
        "/api/properties",
        &org.key,
        &json!({"title": "A", "address": "1 Main St", "city": "Austin", "state": "TX"}),
    )
    .await;

    let (id, envelope) = stream.next().await.unwrap();
    assert_eq!(envelope["id"], id.as_str());
    assert_eq!(envelope["event"], "lead.created", "not the event from before the stream opened");
    assert_eq!(envelope["organization_id"], org.id.as_str());
    assert_eq!(envelope["data"]["name"], "Jane Doe");
    assert_eq!(envelope["payload"], envelope["data"]);
    assert!(envelope["timestamp"].is_string() && envelope["delivered_at"].is_string(), "{envelope}");
    let rest = stream.next_ids(2).await;
    let all = event_ids(&app, &org.key).await;
    assert_eq!([vec![id.clone()], rest.clone()].concat(), all[1..], "every event once, in commit order");

    // Reconnecting after the first: the other two, then what comes next, and nothing twice.
    drop(stream);
    let mut resumed = EventStream::open(&app, &org.key, "", Some(&id)).await;
    assert_eq!(resumed.next_ids(2).await, rest);
    app.create("/api/leads", &org.key, &json!({"name": "After the reconnect"})).await;
    let (_, envelope) = resumed.next().await.unwrap();
    assert_eq!(envelope["data"]["name"], "After the reconnect");
    resumed.quiet_for(Duration::from_millis(500)).await;
}

#[tokio::test]
async fn the_stream_filters_by_type_and_keeps_to_the_keys_scopes_and_organization() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;

    let mut updates = EventStream::open(&app, &org.key, "?types=lead.updated", None).await;
    let lead_reader = app.key(&org.id, &["read:events", "read:leads"]).await;
    let mut leads_only = EventStream::open(&app, &lead_reader, "", None).await;
    let mut others = EventStream::open(&app, &other.key, "", None).await;

    let lead = app.create("/api/leads", &org.key, &json!({"name": "Jane Doe"})).await;
    app.create("/api/tenants", &org.key, &json!({"name": "Tom Tenant"})).await;
    app.patch(&format!("/api/leads/{}", lead["id"].as_str().unwrap()), &org.key, &json!({"status": "contacted"})).await;

    let (_, envelope) = updates.next().await.unwrap();
    assert_eq!(envelope["event"], "lead.updated");
    let kinds: Vec<Value> = [leads_only.next().await.unwrap().1, leads_only.next().await.unwrap().1]
        .iter()
        .map(|e| e["event"].clone())
        .collect();
    assert_eq!(kinds, ["lead.created", "lead.updated"], "no tenant event without read:tenants");
    others.quiet_for(Duration::from_millis(300)).await;
    updates.quiet_for(Duration::from_millis(200)).await;

    let response = app.get("/api/events/stream?types=tenant.added", &lead_reader).await;
    let body = expect_error(response, 403, "INSUFFICIENT_SCOPE").await;
    assert!(body["error"].as_str().unwrap().contains("read:tenants"), "{body}");
    let no_events = app.key(&org.id, &["read:leads"]).await;
    expect_error(app.get("/api/events/stream", &no_events).await, 403, "INSUFFICIENT_SCOPE").await;
    let response = app.get("/api/events/stream?types=lead.created,lead.exploded", &org.key).await;
    let body = expect_error(response, 400, "VALIDATION_ERROR").await;
    assert_eq!(body["field"], "types");

    // Another organization's event id is no place to resume from.
    let foreign = event_ids(&app, &org.key).await.remove(0);
    let response = app
        .request(Method::GET, "/api/events/stream", Some(&other.key))
        .header("Last-Event-ID", &foreign)
        .send()
        .await
        .unwrap();
    expect_error(response, 404, "NOT_FOUND").await;
}

#[tokio::test]
async fn a_key_has_a_bounded_number_of_streams_and_streams_end_on_shutdown() {
    let app = spawn_with(|s| {
        s.webhooks.stream_max_per_key = 2;
        s.webhooks.stream_heartbeat = Span(Duration::from_millis(50));
    })
    .await;
    let org = app.org(Plan::Grow).await;
    let first = EventStream::open(&app, &org.key, "", None).await;
    let mut second = EventStream::open(&app, &org.key, "", None).await;
    let body = expect_error(app.get("/api/events/stream", &org.key).await, 429, "TOO_MANY_STREAMS").await;
    assert!(body["error"].as_str().unwrap().contains('2'), "{body}");
    // Another key of the organization has streams of its own.
    let other_key = app.key(&org.id, &["*"]).await;
    let _third = EventStream::open(&app, &other_key, "", None).await;

    // A closed stream frees its place (the server notices at the next heartbeat).
    drop(first);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let response = app.get("/api/events/stream", &org.key).await;
        if response.status() == 200 {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "the closed stream's place was not freed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Shutting down ends the streams, so that a graceful shutdown does not wait for them.
    app.state.webhooks().close_streams();
    let ended = tokio::time::timeout(Duration::from_secs(5), second.next()).await.expect("the stream ends");
    assert!(ended.is_none());
}

/// `gable listen` forwards every event once, in order, signed with the key's own secret, across
/// the reconnections the server's stream lifetime forces.
#[tokio::test]
async fn gable_listen_forwards_every_event_once_across_reconnects() {
    let app = spawn_with(|s| {
        s.webhooks.stream_max_duration = Span(Duration::from_millis(700));
        s.webhooks.allowed_subnets = List(vec![]);
    })
    .await;
    let org = app.org(Plan::Grow).await;
    let receiver = Receiver::start().await;
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let listen = Listen {
        api_url: app.base.clone(),
        key: org.key.clone(),
        forward_to: receiver.url.clone(),
        events: vec!["lead.created".into(), "lead.updated".into()],
        scheme: Scheme::StandardWebhooks,
        header: None,
    };
    let printed = lines.clone();
    let listener = tokio::spawn(async move {
        let printed = printed.clone();
        listen::run(&listen, move |line| printed.lock().unwrap().push(line)).await
    });
    let ready = |lines: &Arc<Mutex<Vec<String>>>| lines.lock().unwrap().iter().any(|l| l.starts_with("Ready!"));
    for _ in 0..200 {
        if ready(&lines) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(ready(&lines), "{:?}", lines.lock().unwrap());

    // Twelve events over about 2.4 s: the stream ends every 0.7 s and `listen` reconnects.
    for i in 0..6 {
        let lead = app.create("/api/leads", &org.key, &json!({"name": format!("Lead {i}")})).await;
        app.patch(&format!("/api/leads/{}", lead["id"].as_str().unwrap()), &org.key, &json!({"status": "contacted"}))
            .await;
        app.create("/api/tenants", &org.key, &json!({"name": "Not forwarded"})).await;
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    let received = receiver.wait_for(12).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let received_ids: Vec<String> =
        receiver.received().iter().map(|r| r.header("webhook-id").unwrap().to_owned()).collect();
    let lead_events: Vec<String> = {
        let (_, events) = json(app.get("/api/events?limit=100", &org.key).await).await;
        events
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .filter(|e| e["type"] != "tenant.added")
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(received_ids, lead_events, "each lead event once, in order");

    // Signed like a real delivery, with the secret derived from the key.
    let secret = listen::secret_for(&org.key);
    let delivery = &received[0];
    let timestamp: i64 = delivery.header("webhook-timestamp").unwrap().parse().unwrap();
    let expected = signing::sign(
        Scheme::StandardWebhooks,
        None,
        &[&secret],
        delivery.header("webhook-id").unwrap(),
        timestamp,
        &delivery.body,
    );
    assert_eq!(delivery.header("webhook-signature"), Some(expected[1].1.as_str()));
    assert_eq!(delivery.json()["event"], "lead.created");

    let printed = lines.lock().unwrap().clone();
    assert!(printed[0].contains(&secret), "{printed:?}");
    let deliveries: Vec<&String> = printed.iter().filter(|l| l.contains("--> 200")).collect();
    assert_eq!(deliveries.len(), 12, "{printed:?}");
    assert!(deliveries[0].contains("lead.created") && deliveries[0].contains(&received_ids[0]), "{printed:?}");
    listener.abort();
}

/// The `gable listen` command: prints the key's secret, forwards, and stops with the server's
/// message when the key is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gable_listen_command() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let receiver = Receiver::start().await;
    let listen = |key: &str| {
        Command::new(env!("CARGO_BIN_EXE_gable"))
            .args(["listen", "--api-url", &app.base, "--key", key, "--forward-to", &receiver.url])
            .args(["--events", "lead.created", "--scheme", "hmac-sha256-hex"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start gable listen")
    };

    let refused = listen("gbl_live_nosuchkey").wait_with_output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("401"), "{stderr}");

    let mut child = listen(&org.key);
    let (lines_tx, mut lines) = tokio::sync::mpsc::unbounded_channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let mut next_line = async || tokio::time::timeout(Duration::from_secs(20), lines.recv()).await.unwrap().unwrap();
    let first = next_line().await;
    assert!(first.contains(&listen::secret_for(&org.key)) && first.contains("hmac-sha256-hex"), "{first}");
    assert!(next_line().await.starts_with("Ready!"));
    app.create("/api/leads", &org.key, &json!({"name": "Jane Doe"})).await;
    let delivered = next_line().await;
    let _ = child.kill();
    let _ = child.wait();
    let received = receiver.wait_for(1).await;
    assert!(delivered.contains("lead.created") && delivered.contains("--> 200"), "{delivered}");
    let expected =
        signing::sign(Scheme::HmacSha256Hex, None, &[&listen::secret_for(&org.key)], "", 0, &received[0].body);
    assert_eq!(received[0].header("X-Gable-Signature"), Some(expected[0].1.as_str()));
}
