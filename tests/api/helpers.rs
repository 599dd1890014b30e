//! The test harness: [`spawn_app`] starts Gable on port 0 against a fresh database, and
//! [`TestApp`] has typed helpers for what tests do again and again.

use std::time::Duration;

use gable::auth::ActingOrg;

use gable::app::App;
use gable::config::Settings;
use gable::db::Db;
use gable::platform::keys;
use gable::platform::orgs;
use gable::state::AppState;
use gable::vocab::clock::Clock;
use gable::vocab::plan::Plan;
use gable::vocab::scope::Scopes;
use reqwest::{Method, RequestBuilder, Response};
use secrecy::SecretString;
use serde_json::Value;
use tempfile::TempDir;
use tokio::sync::oneshot;

/// A database for one test; dropped with the test (SQLite) or left for `.ci/run` to clean
/// (PostgreSQL databases are named `gable_t_…`).
pub struct TestDb {
    pub url: String,
    _dir: Option<TempDir>,
}

/// A new database for one test, copied from a migrated template: a PostgreSQL database
/// (`CREATE DATABASE … TEMPLATE`) when `GABLE_TEST_DATABASE_URL` is set, else a SQLite file.
pub async fn fresh_database() -> TestDb {
    match std::env::var("GABLE_TEST_DATABASE_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let template = pg_template(&admin_url).await;
            let name = format!("gable_t_{}", gable::vocab::ids::new_id("db").trim_start_matches("db_").to_lowercase());
            let mut admin = <sqlx::PgConnection as sqlx::Connection>::connect(&admin_url)
                .await
                .expect("GABLE_TEST_DATABASE_URL is reachable");
            sqlx::Executor::execute(
                &mut admin,
                sqlx::AssertSqlSafe(format!("CREATE DATABASE {name} TEMPLATE {template}")),
            )
            .await
            .expect("create the test database");
            let _ = sqlx::Connection::close(admin).await;
            TestDb { url: with_database(&admin_url, &name), _dir: None }
        }
        _ => {
            let dir = tempfile::tempdir().expect("a temp dir");
            let path = dir.path().join("gable.db");
            std::fs::copy(sqlite_template().await, &path).expect("copy the template database");
            TestDb { url: format!("sqlite://{}", path.display()), _dir: Some(dir) }
        }
    }
}

/// The migrated SQLite file that tests copy, made once per test process (in a directory kept
/// until the process ends), in rollback-journal mode so the one file holds everything.
async fn sqlite_template() -> &'static std::path::Path {
    static TEMPLATE: tokio::sync::OnceCell<std::path::PathBuf> = tokio::sync::OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let dir = tempfile::tempdir().expect("a temp dir").keep();
            let path = dir.join("template.db");
            let url = SecretString::from(format!("sqlite://{}", path.display()));
            let db = Db::connect(&url, 2, 1).await.expect("open the template database");
            db.migrate().await.expect("migrate the template database");
            db.close().await;
            let options = sqlx::sqlite::SqliteConnectOptions::new()
                .filename(&path)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Delete);
            let connection = <sqlx::SqliteConnection as sqlx::Connection>::connect_with(&options).await.unwrap();
            sqlx::Connection::close(connection).await.unwrap();
            path
        })
        .await
}

/// The migrated PostgreSQL database that tests copy, `gable_template_<digest>`: made by the
/// first test process that needs it (under an advisory lock, renamed into place when
/// migrated) and reused by later runs while the migrations are unchanged.
async fn pg_template(admin_url: &str) -> &'static str {
    static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let name = format!("gable_template_{}", gable::db::migrations_digest());
            let mut admin = <sqlx::PgConnection as sqlx::Connection>::connect(admin_url).await.expect("connect");
            let run = |sql: String| sqlx::AssertSqlSafe(sql);
            sqlx::Executor::execute(&mut admin, "SELECT pg_advisory_lock(7215100)").await.unwrap();
            let exists: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
                .bind(&name)
                .fetch_optional(&mut admin)
                .await
                .unwrap();
            if exists.is_none() {
                let building = format!("{name}_building");
                sqlx::Executor::execute(&mut admin, run(format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)")))
                    .await
                    .unwrap();
                sqlx::Executor::execute(&mut admin, run(format!("CREATE DATABASE {building}"))).await.unwrap();
                let url = SecretString::from(with_database(admin_url, &building));
                let db = Db::connect(&url, 2, 1).await.expect("open the template database");
                db.migrate().await.expect("migrate the template database");
                db.close().await;
                sqlx::Executor::execute(&mut admin, run(format!("ALTER DATABASE {building} RENAME TO {name}")))
                    .await
                    .unwrap();
            }
            sqlx::Executor::execute(&mut admin, "SELECT pg_advisory_unlock(7215100)").await.unwrap();
            let _ = sqlx::Connection::close(admin).await;
            name
        })
        .await
}

/// `postgres://u@h:5432/test?x=y` with the database replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{name}", &base[..host_end]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

pub fn redis_url() -> Option<String> {
    std::env::var("GABLE_TEST_REDIS_URL").ok().filter(|u| !u.is_empty())
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub state: AppState,
    pub db_url: String,
    shutdown: Option<oneshot::Sender<()>>,
    _db: Option<TestDb>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

impl TestApp {
    /// Waits until the webhook queue is idle: every event fanned out, and no delivery due or
    /// in flight (what is still pending waits for a retry in the future). What was going to
    /// be delivered now has been; tests assert what did not arrive after this, not after a
    /// sleep.
    pub async fn webhooks_idle(&self) {
        const BUSY: &str = "SELECT (SELECT COUNT(*) FROM events WHERE dispatched = 0) \
             + (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending' \
                AND (next_attempt_at <= $1 OR locked_until >= $1))";
        enum Connection {
            Sqlite(sqlx::SqliteConnection),
            Postgres(sqlx::PgConnection),
        }
        let mut connection = if self.db_url.starts_with("sqlite:") {
            Connection::Sqlite(<sqlx::SqliteConnection as sqlx::Connection>::connect(&self.db_url).await.unwrap())
        } else {
            Connection::Postgres(<sqlx::PgConnection as sqlx::Connection>::connect(&self.db_url).await.unwrap())
        };
        for _ in 0..400 {
            let now = self.state.clock().now_ms();
            let busy: i64 = match &mut connection {
                Connection::Sqlite(c) => sqlx::query_scalar(BUSY).bind(now).fetch_one(c).await.unwrap(),
                Connection::Postgres(c) => sqlx::query_scalar(BUSY).bind(now).fetch_one(c).await.unwrap(),
            };
            if busy == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("the webhook queue did not go idle");
    }
}

/// The master key of test servers and of the CLI in tests (base64 of 32 bytes): instances
/// that share a database share it, and no test writes a key file into the working directory.
pub const TEST_SECRET_KEY: &str = "Z2FibGUtdGVzdC1zdWl0ZS1tYXN0ZXIta2V5LTMyYiE=";

/// Settings for a test server: port 0, the given database, Redis when the environment has
/// one (with a key prefix of its own, so tests never share counters), [`TEST_SECRET_KEY`].
pub fn test_settings(db_url: &str) -> Settings {
    let mut settings = Settings::defaults();
    settings.listen = "127.0.0.1:0".parse().unwrap();
    settings.database_url = SecretString::from(db_url.to_owned());
    settings.database_max_connections = 4;
    // Most tests revoke and expect the next request to fail at once, on any instance; the
    // cache has its own tests.
    settings.api_key_cache_seconds = 0;
    settings.redis_url = redis_url().map(SecretString::from);
    settings.redis_key_prefix = format!("gable:test:{}:", gable::vocab::ids::new_id("t"));
    settings.secret_key = Some(SecretString::from(TEST_SECRET_KEY));
    settings
}

pub async fn spawn_app() -> TestApp {
    spawn_with(|_| {}).await
}

pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let db = fresh_database().await;
    let mut settings = test_settings(&db.url);
    configure(&mut settings);
    let mut app = start(settings, Clock::default()).await;
    app._db = Some(db);
    app
}

/// Like [`spawn_with`], without the webhook workers: events stay queued.
pub async fn spawn_without_workers(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let db = fresh_database().await;
    let mut settings = test_settings(&db.url);
    configure(&mut settings);
    let mut app = launch(settings, Clock::default(), false).await;
    app._db = Some(db);
    app
}

/// Starts a server with these settings and clock (a second instance on the same database
/// passes the first one's `db_url` and redis prefix).
pub async fn start(settings: Settings, clock: Clock) -> TestApp {
    launch(settings, clock, true).await
}

/// Starts a server with these settings and no background jobs (`serve --no-workers`).
pub async fn start_without_workers(settings: Settings) -> TestApp {
    launch(settings, Clock::default(), false).await
}

async fn launch(settings: Settings, clock: Clock, workers: bool) -> TestApp {
    let db_url = secrecy::ExposeSecret::expose_secret(&settings.database_url).to_owned();
    let db = Db::connect(&settings.database_url, settings.database_max_connections, settings.database_job_connections)
        .await
        .expect("connect");
    db.migrate().await.expect("migrate");
    let app = App::build_with(settings, db, clock).await.expect("build the app");
    let base = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    let (tx, rx) = oneshot::channel::<()>();
    tokio::spawn(app.run_until(workers, async move {
        let _ = rx.await;
    }));
    TestApp {
        base,
        client: reqwest::Client::builder().timeout(Duration::from_secs(30)).build().unwrap(),
        state,
        db_url,
        shutdown: Some(tx),
        _db: None,
    }
}

/// An organization and an all-powerful (`*`) key for it.
pub struct TestOrg {
    pub id: String,
    pub key: String,
}

impl TestApp {
    pub fn db(&self) -> &Db {
        self.state.db()
    }

    pub fn clock(&self) -> &Clock {
        self.state.clock()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// An organization on `plan` with a `*` key.
    pub async fn org(&self, plan: Plan) -> TestOrg {
        let org = orgs::create(self.db(), self.clock(), "Test Realty", plan, Some("owner@test-realty.example"))
            .await
            .expect("create org");
        let key = self.key(&org.id, &["*"]).await;
        TestOrg { id: org.id, key }
    }

    /// A new key with these scopes for an organization, as the operator's CLI makes it.
    pub async fn key(&self, org_id: &str, scopes: &[&str]) -> String {
        let tenant = ActingOrg::for_operator(self.db(), org_id).await.unwrap().expect("org exists");
        let scopes = Scopes::parse(scopes.iter().copied()).expect("valid scopes");
        keys::create(self.db(), self.clock(), &tenant, "test key", &scopes, None).await.expect("create key").key
    }

    pub fn request(&self, method: Method, path: &str, key: Option<&str>) -> RequestBuilder {
        let builder = self.client.request(method, self.url(path));
        match key {
            Some(key) => builder.bearer_auth(key),
            None => builder,
        }
    }

    pub async fn get(&self, path: &str, key: &str) -> Response {
        self.request(Method::GET, path, Some(key)).send().await.expect("request sent")
    }

    pub async fn post(&self, path: &str, key: &str, body: &Value) -> Response {
        self.request(Method::POST, path, Some(key)).json(body).send().await.expect("request sent")
    }

    pub async fn delete(&self, path: &str, key: &str) -> Response {
        self.request(Method::DELETE, path, Some(key)).send().await.expect("request sent")
    }
}

/// Status and JSON body of a response.
pub async fn json(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    let value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
    (status, value)
}

/// Asserts the documented error shape and returns its body.
pub async fn expect_error(response: Response, status: u16, code: &str) -> Value {
    let request_id = response.headers().get("x-request-id").map(|v| v.to_str().unwrap().to_owned());
    let (got, body) = json(response).await;
    assert_eq!(got, status, "status of {body}");
    assert_eq!(body["success"], false, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()), "{body}");
    assert_eq!(body["requestId"].as_str(), request_id.as_deref(), "requestId matches X-Request-Id: {body}");
    body
}

#[test]
fn database_names_replace_only_the_path() {
    assert_eq!(with_database("postgres://postgres@127.0.0.1:5432/test", "x"), "postgres://postgres@127.0.0.1:5432/x");
    assert_eq!(with_database("postgres://u:p@h/test?sslmode=disable", "x"), "postgres://u:p@h/x?sslmode=disable");
    assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
}

impl TestApp {
    pub async fn patch(&self, path: &str, key: &str, body: &Value) -> Response {
        self.request(Method::PATCH, path, Some(key)).json(body).send().await.expect("request sent")
    }

    /// Creates an object and returns its JSON, asserting 201.
    pub async fn create(&self, path: &str, key: &str, body: &Value) -> Value {
        let (status, created) = json(self.post(path, key, body).await).await;
        assert_eq!(status, 201, "POST {path}: {created}");
        created
    }

    /// The organization's events of one type, oldest first.
    pub async fn events(&self, key: &str, kind: &str) -> Vec<Value> {
        let (status, body) = json(self.get(&format!("/api/events?type={kind}&limit=100"), key).await).await;
        assert_eq!(status, 200, "{body}");
        let mut events = body.as_array().unwrap().clone();
        events.reverse();
        events
    }

    /// How many events the organization has (of any type).
    pub async fn event_count(&self, key: &str) -> usize {
        let (_, body) = json(self.get("/api/events?limit=100", key).await).await;
        body.as_array().unwrap().len()
    }
}

/// Asserts a 400 `VALIDATION_ERROR` naming `field`.
/// A 409 with `code`, naming `field`: a valid request the stored state refuses (a status, or
/// referenced objects that do not go together).
pub async fn expect_conflict(response: Response, code: &str, field: &str) -> Value {
    let body = expect_error(response, 409, code).await;
    assert_eq!(body["field"], field, "{body}");
    body
}

pub async fn expect_field_error(response: Response, field: &str) -> Value {
    let body = expect_error(response, 400, "VALIDATION_ERROR").await;
    assert_eq!(body["field"], field, "{body}");
    body
}
