//! Webhook delivery benchmarks (see `docs/benchmarks.md`). Runs the real `gable` binary against
//! PostgreSQL and a fast local receiver, all on loopback:
//!
//! ```sh
//! cargo build --release && cargo run --release --example webhook_bench -- throughput
//! cargo run --release --example webhook_bench -- latency
//! cargo run --release --example webhook_bench -- isolation
//! cargo run --release --example webhook_bench -- crash
//! cargo run --release --example webhook_bench -- backlog
//! cargo run --release --example webhook_bench -- stream
//! ```
//!
//! Environment: `GABLE_BIN` (default `target/release/gable`), `BENCH_DATABASE_URL` (an admin
//! URL, default `postgres://postgres@127.0.0.1:5432/test`; the benchmark creates and drops its
//! own database `gable_bench_webhooks`), `DB_CONNECTIONS` (the server's
//! `database_max_connections`, default 20).

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use futures_util::StreamExt;
use futures_util::stream;
use serde_json::{Value, json};

#[derive(Default)]
struct Seen {
    /// Per endpoint path: how many deliveries arrived.
    per_endpoint: HashMap<String, usize>,
    /// Per event id: how many times it arrived (any endpoint).
    per_event: HashMap<String, usize>,
    /// Commit-to-receipt latencies in ms.
    latencies: Vec<f64>,
    total: usize,
    first: Option<Instant>,
    last: Option<Instant>,
}

type Shared = Arc<(Mutex<Seen>, HashMap<String, Duration>)>;

fn now_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs_f64() * 1000.0
}

async fn receive(State(shared): State<Shared>, Path(endpoint): Path<String>, body: Bytes) -> &'static str {
    let arrived = now_ms();
    if let Some(delay) = shared.1.get(&endpoint) {
        tokio::time::sleep(*delay).await;
    }
    let event: Value = serde_json::from_slice(&body).unwrap_or_default();
    let occurred = event["timestamp"].as_str().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
    let mut seen = shared.0.lock().unwrap();
    let at = Instant::now();
    seen.first.get_or_insert(at);
    seen.last = Some(at);
    seen.total += 1;
    *seen.per_endpoint.entry(endpoint).or_default() += 1;
    let id = event["id"].as_str().unwrap_or_default().to_owned();
    *seen.per_event.entry(id).or_default() += 1;
    if let Some(occurred) = occurred {
        seen.latencies.push(arrived - occurred.timestamp_millis() as f64);
    }
    "ok"
}

async fn receiver(slow: HashMap<String, Duration>) -> (u16, Shared) {
    let shared: Shared = Arc::new((Mutex::new(Seen::default()), slow));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let app = Router::new().route("/{endpoint}", axum::routing::post(receive)).with_state(shared.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (port, shared)
}

struct Bench {
    bin: String,
    dir: tempfile::TempDir,
    config: String,
    admin_url: String,
    port: u16,
    key: String,
    client: reqwest::Client,
}

const DB: &str = "gable_bench_webhooks";

fn psql(admin: &str, sql: &str) {
    let ok = Command::new("psql").args(["-q", admin, "-c", sql]).stdout(Stdio::null()).status().unwrap().success();
    assert!(ok, "psql: {sql}");
}

impl Bench {
    fn new(per_endpoint: usize) -> Bench {
        let bin = std::env::var("GABLE_BIN").unwrap_or_else(|_| "target/release/gable".into());
        let admin_url =
            std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        psql(&admin_url, &format!("DROP DATABASE IF EXISTS {DB}"));
        psql(&admin_url, &format!("CREATE DATABASE {DB}"));
        let url = format!("{}/{DB}", admin_url.rsplit_once('/').unwrap().0);
        let port = 18_300;
        let connections = env_usize("DB_CONNECTIONS", 20);
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("bench.toml").display().to_string();
        std::fs::write(
            &config,
            format!(
                "listen = \"127.0.0.1:{port}\"\ndatabase_url = \"{url}\"\nlog_level = \"warn\"\ndatabase_max_connections = {connections}\n\
                 webhook_allowed_subnets = [\"127.0.0.0/8\"]\nwebhook_concurrency_per_endpoint = {per_endpoint}\n\
                 [plans.elite]\nkey_per_minute = 100000000\nkey_per_hour = 100000000\norg_per_minute = 100000000\n"
            ),
        )
        .unwrap();
        let org = run_json(&bin, &config, &["org", "create", "--name", "Bench Hooks", "--plan", "elite", "--json"]);
        let key = run_json(
            &bin,
            &config,
            &["key", "create", "--org", org["id"].as_str().unwrap(), "--name", "bench", "--json"],
        );
        Bench {
            bin,
            dir,
            config,
            admin_url,
            port,
            key: key["key"].as_str().unwrap().to_owned(),
            client: reqwest::Client::builder().pool_max_idle_per_host(64).build().unwrap(),
        }
    }

    fn spawn(&self, args: &[&str]) -> Child {
        let log = std::fs::File::create(self.dir.path().join(format!("{}.log", args[0]))).unwrap();
        Command::new(&self.bin)
            .arg("--config")
            .arg(&self.config)
            .args(args)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap()
    }

    async fn wait_ready(&self) {
        for _ in 0..100 {
            if self.client.get(format!("http://127.0.0.1:{}/health", self.port)).send().await.is_ok() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("gable did not start");
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        let response = self
            .client
            .post(format!("http://127.0.0.1:{}{path}", self.port))
            .bearer_auth(&self.key)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "{path}: {}", response.status());
        response.json().await.unwrap()
    }

    async fn endpoints(&self, receiver_port: u16, n: usize) {
        for i in 0..n {
            self.post("/api/webhooks", json!({"url": format!("http://127.0.0.1:{receiver_port}/e{i}")})).await;
        }
    }

    /// Creates `n` leads (events) with 32 requests in flight.
    async fn events(&self, n: usize) -> Duration {
        let started = Instant::now();
        stream::iter(0..n)
            .for_each_concurrent(32, |i| async move {
                self.post("/api/leads", json!({"name": format!("Bench Lead {i}"), "source": "bench"})).await;
            })
            .await;
        started.elapsed()
    }

    /// Like `events`, but requests that fail (the server is down) are just not counted.
    async fn events_until_down(&self, n: usize) {
        stream::iter(0..n)
            .for_each_concurrent(32, |i| async move {
                let _ = self
                    .client
                    .post(format!("http://127.0.0.1:{}/api/leads", self.port))
                    .bearer_auth(&self.key)
                    .json(&json!({"name": format!("Burst Lead {i}"), "source": "bench"}))
                    .send()
                    .await;
            })
            .await;
    }
}

impl Drop for Bench {
    fn drop(&mut self) {
        psql(&self.admin_url, &format!("DROP DATABASE IF EXISTS {DB} WITH (FORCE)"));
    }
}

fn run_json(bin: &str, config: &str, args: &[&str]) -> Value {
    let output = Command::new(bin).arg("--config").arg(config).args(args).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

async fn wait_total(shared: &Shared, total: usize, limit: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if shared.0.lock().unwrap().total >= total {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// 20,000 events × 10 endpoints, queued with the workers off, then one `gable worker` drains.
async fn throughput() {
    let events = env_usize("EVENTS", 20_000);
    let endpoints = env_usize("ENDPOINTS", 10);
    let bench = Bench::new(env_usize("PER_ENDPOINT", 8));
    let (rport, shared) = receiver(HashMap::new()).await;
    let server = bench.spawn(&["serve", "--no-workers"]);
    bench.wait_ready().await;
    bench.endpoints(rport, endpoints).await;
    let made = bench.events(events).await;
    println!(
        "queued {events} events in {:.1} s ({:.0} events/s through the API)",
        made.as_secs_f64(),
        events as f64 / made.as_secs_f64()
    );
    let started = Instant::now();
    let worker = bench.spawn(&["worker"]);
    let expected = events * endpoints;
    let done = wait_total(&shared, expected, Duration::from_secs(600)).await;
    let elapsed = started.elapsed();
    stop(worker);
    stop(server);
    let seen = shared.0.lock().unwrap();
    println!(
        "throughput: {} of {expected} deliveries in {:.1} s = {:.0} deliveries/s (worker start to last receipt){}",
        seen.total,
        elapsed.as_secs_f64(),
        seen.total as f64 / elapsed.as_secs_f64(),
        if done { "" } else { " — TIMED OUT" }
    );
}

/// A steady rate of events for some seconds; commit (event timestamp) to receipt.
async fn latency() {
    let rate = env_usize("RATE", 200);
    let seconds = env_usize("SECONDS", 30);
    let bench = Bench::new(8);
    let (rport, shared) = receiver(HashMap::new()).await;
    let server = bench.spawn(&["serve"]);
    bench.wait_ready().await;
    bench.endpoints(rport, 1).await;
    let total = rate * seconds;
    let bench = Arc::new(bench);
    steady_leads(&bench, rate, total).await;
    wait_total(&shared, total, Duration::from_secs(60)).await;
    stop(server);
    let mut latencies = shared.0.lock().unwrap().latencies.clone();
    latencies.sort_by(f64::total_cmp);
    println!(
        "latency at {rate} events/s for {seconds} s: {} deliveries, commit→receipt p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(f64::NAN)
    );
}

/// The live stream beside a webhook, in one run: leads created at a steady rate, one endpoint
/// and `STREAMS` open streams (`GET /api/events/stream`); commit→receipt for both, and whether
/// every stream got every event once, in order.
async fn stream_latency() {
    let rate = env_usize("RATE", 200);
    let seconds = env_usize("SECONDS", 30);
    let streams = env_usize("STREAMS", 4);
    let bench = Bench::new(8);
    let (rport, shared) = receiver(HashMap::new()).await;
    let server = bench.spawn(&["serve"]);
    bench.wait_ready().await;
    bench.endpoints(rport, 1).await;
    let total = rate * seconds;
    let mut readers = Vec::new();
    for _ in 0..streams {
        let response = bench
            .client
            .get(format!("http://127.0.0.1:{}/api/events/stream", bench.port))
            .bearer_auth(&bench.key)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        readers.push(tokio::spawn(read_stream(response, total)));
    }
    steady_leads(&Arc::new(bench), rate, total).await;
    wait_total(&shared, total, Duration::from_secs(60)).await;
    let mut streamed = Vec::new();
    let mut no_repeats = true;
    let mut counts = Vec::new();
    for reader in readers {
        let (latencies, ids) = reader.await.unwrap();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        no_repeats &= unique.len() == ids.len();
        counts.push(ids.len());
        streamed.extend(latencies);
    }
    stop(server);
    streamed.sort_by(f64::total_cmp);
    let mut hooked = shared.0.lock().unwrap().latencies.clone();
    hooked.sort_by(f64::total_cmp);
    println!(
        "at {rate} events/s for {seconds} s, {streams} streams: events per stream {counts:?} of {total} (no repeats: {no_repeats}); \
         commit→frame p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; the webhook beside it: commit→receipt p50 {:.1} ms, p99 {:.1} ms",
        percentile(&streamed, 0.5),
        percentile(&streamed, 0.99),
        streamed.last().copied().unwrap_or(f64::NAN),
        percentile(&hooked, 0.5),
        percentile(&hooked, 0.99),
    );
}

/// Reads a stream until `total` events arrived (or 60 s passed without one): each frame's
/// commit→arrival latency and the event ids in arrival order.
async fn read_stream(mut response: reqwest::Response, total: usize) -> (Vec<f64>, Vec<String>) {
    let mut frames = gable::webhooks::listen::Frames::default();
    let (mut latencies, mut ids) = (Vec::new(), Vec::new());
    while ids.len() < total {
        let Ok(Ok(Some(bytes))) = tokio::time::timeout(Duration::from_secs(60), response.chunk()).await else { break };
        let arrived = now_ms();
        for frame in frames.push(&bytes) {
            let event: Value = serde_json::from_str(frame.data.as_deref().unwrap_or("{}")).unwrap_or_default();
            if let Some(at) = event["timestamp"].as_str().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()) {
                latencies.push(arrived - at.timestamp_millis() as f64);
            }
            ids.extend(frame.id);
        }
    }
    (latencies, ids)
}

/// Creates `total` leads at `rate` a second, each on time whatever the earlier ones take.
async fn steady_leads(bench: &Arc<Bench>, rate: usize, total: usize) {
    let interval = Duration::from_secs_f64(1.0 / rate as f64);
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(total);
    for i in 0..total {
        tokio::time::sleep_until((started + interval * u32::try_from(i).unwrap()).into()).await;
        let bench = bench.clone();
        tasks.push(tokio::spawn(async move {
            bench.post("/api/leads", json!({"name": format!("Steady {i}"), "source": "bench"})).await;
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
}

/// Nine fast endpoints with and without a tenth that answers in 5 s.
async fn isolation() {
    let events = env_usize("EVENTS", 3_000);
    let mut rates = Vec::new();
    for slow in [false, true] {
        let bench = Bench::new(8);
        let delays = if slow { HashMap::from([("e9".to_owned(), Duration::from_secs(5))]) } else { HashMap::new() };
        let (rport, shared) = receiver(delays).await;
        let server = bench.spawn(&["serve", "--no-workers"]);
        bench.wait_ready().await;
        bench.endpoints(rport, if slow { 10 } else { 9 }).await;
        bench.events(events).await;
        let started = Instant::now();
        let worker = bench.spawn(&["worker"]);
        let fast_total = events * 9;
        loop {
            let fast: usize = {
                let seen = shared.0.lock().unwrap();
                seen.per_endpoint.iter().filter(|(e, _)| e.as_str() != "e9").map(|(_, n)| n).sum()
            };
            if fast >= fast_total || started.elapsed() > Duration::from_secs(600) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let elapsed = started.elapsed();
        stop(worker);
        stop(server);
        let rate = fast_total as f64 / elapsed.as_secs_f64();
        let slow_done = shared.0.lock().unwrap().per_endpoint.get("e9").copied().unwrap_or(0);
        println!(
            "{}: nine fast endpoints got {fast_total} deliveries in {:.1} s = {rate:.0}/s{}",
            if slow { "with a 5 s endpoint" } else { "baseline" },
            elapsed.as_secs_f64(),
            if slow { format!(" (the slow one finished {slow_done} meanwhile)") } else { String::new() }
        );
        rates.push(rate);
    }
    println!("isolation: the fast endpoints kept {:.0}% of their throughput", 100.0 * rates[1] / rates[0]);
}

/// kill -9 the server in the middle of a burst, restart it, count what arrives.
async fn crash() {
    let events = env_usize("EVENTS", 10_000);
    let bench = Bench::new(8);
    let (rport, shared) = receiver(HashMap::new()).await;
    let mut server = bench.spawn(&["serve"]);
    bench.wait_ready().await;
    bench.endpoints(rport, 1).await;
    let bench = Arc::new(bench);
    let producer = {
        let bench = bench.clone();
        tokio::spawn(async move { bench.events_until_down(events).await })
    };
    // Kill once a third of the events have been delivered.
    wait_total(&shared, events / 3, Duration::from_secs(120)).await;
    server.kill().unwrap();
    server.wait().unwrap();
    let at_kill = shared.0.lock().unwrap().total;
    println!("killed the server (SIGKILL) after {at_kill} deliveries");
    // The producer's requests fail while the server is down; what committed before stays.
    let _ = producer.await;
    let server = bench.spawn(&["serve"]);
    bench.wait_ready().await;
    // Top up to `events` committed events (requests that failed during the outage never committed).
    let committed = count_events(&bench.admin_url);
    if committed < events {
        bench.events(events - committed).await;
    }
    let done = wait_total(&shared, events, Duration::from_secs(300)).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    stop(server);
    let seen = shared.0.lock().unwrap();
    let unique = seen.per_event.len();
    let duplicates: usize = seen.per_event.values().map(|n| n - 1).sum();
    println!(
        "crash: {} committed events, {unique} delivered at least once{}, {duplicates} duplicate deliveries (max in flight per instance: 8 for one endpoint)",
        count_events(&bench.admin_url),
        if done { "" } else { " — INCOMPLETE" }
    );
}

fn count_events(admin: &str) -> usize {
    let url = format!("{}/{DB}", admin.rsplit_once('/').unwrap().0);
    let output = Command::new("psql").args(["-Atq", &url, "-c", "SELECT COUNT(*) FROM events"]).output().unwrap();
    String::from_utf8_lossy(&output.stdout).trim().parse().unwrap_or(0)
}

/// The API while a delivery backlog drains: `SECONDS` (10) of `POST /api/properties`, 32 in
/// flight, feeding `ENDPOINTS` (10) endpoints, with `serve` running its workers and then with
/// `serve --no-workers`; requests per second and each request's latency.
async fn backlog() {
    let seconds = env_usize("SECONDS", 10);
    let endpoints = env_usize("ENDPOINTS", 10);
    for args in [&["serve"][..], &["serve", "--no-workers"][..]] {
        let bench = Bench::new(8);
        let (rport, shared) = receiver(HashMap::new()).await;
        let server = bench.spawn(args);
        bench.wait_ready().await;
        bench.endpoints(rport, endpoints).await;
        let latencies = Arc::new(Mutex::new(Vec::new()));
        let started = Instant::now();
        let until = started + Duration::from_secs(seconds as u64);
        let bench = Arc::new(bench);
        let mut callers = Vec::new();
        for caller in 0..32 {
            let (bench, latencies) = (bench.clone(), latencies.clone());
            callers.push(tokio::spawn(async move {
                let mut i = 0;
                while Instant::now() < until {
                    let sent = Instant::now();
                    bench
                        .post(
                            "/api/properties",
                            json!({"title": format!("Backlog {caller}-{i}"), "address": "1 Main St", "city": "Pasadena",
                                   "state": "CA", "zip": "91101", "price": 500000, "propertyType": "CONDO"}),
                        )
                        .await;
                    latencies.lock().unwrap().push(sent.elapsed().as_secs_f64() * 1000.0);
                    i += 1;
                }
            }));
        }
        for caller in callers {
            caller.await.unwrap();
        }
        let elapsed = started.elapsed().as_secs_f64();
        let delivered = shared.0.lock().unwrap().total;
        stop(server);
        let mut latencies = latencies.lock().unwrap().clone();
        latencies.sort_by(f64::total_cmp);
        println!(
            "backlog, `{}`: {} creates in {elapsed:.1} s = {:.0}/s, latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {delivered} deliveries meanwhile",
            args.join(" "),
            latencies.len(),
            latencies.len() as f64 / elapsed,
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.99),
            latencies.last().copied().unwrap_or(f64::NAN)
        );
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    match std::env::args().nth(1).as_deref() {
        Some("throughput") => throughput().await,
        Some("latency") => latency().await,
        Some("isolation") => isolation().await,
        Some("crash") => crash().await,
        Some("backlog") => backlog().await,
        Some("stream") => stream_latency().await,
        _ => eprintln!("usage: webhook_bench throughput|latency|isolation|crash|backlog|stream"),
    }
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}
