//! The command line is a contract: these are the exact invocations scripts use.

use std::process::Output;

use serde_json::{Value, json};

use crate::helpers::{TEST_SECRET_KEY, TestDb, fresh_database, start, test_settings};

/// Runs the binary and waits for it. Tests here run on a multi-threaded runtime and wait with
/// `block_in_place`, because some also run a server on the same database in-process: blocking
/// the only thread of a current-thread runtime froze that server, and when it was inside a write
/// transaction at that moment (the webhook fan-out after a change), the command waited out
/// SQLite's busy timeout and failed with "database is locked".
fn gable(db: &TestDb, args: &[&str]) -> Output {
    tokio::task::block_in_place(|| {
        std::process::Command::new(env!("CARGO_BIN_EXE_gable"))
            .args(args)
            .args(["--database-url", &db.url])
            .env_remove("DATABASE_URL")
            .env_remove("GABLE_DATABASE_URL")
            .env("GABLE_SECRET_KEY", TEST_SECRET_KEY)
            .output()
            .expect("run gable")
    })
}

fn stdout_json(output: &Output) -> Value {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&output.stdout)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn org_and_key_commands_print_json_and_make_working_keys() {
    let db = fresh_database().await;
    assert!(gable(&db, &["migrate"]).status.success());

    let org = stdout_json(&gable(
        &db,
        &["org", "create", "--name", "Acme Homes", "--plan", "grow", "--owner-email", "ops@acme.example", "--json"],
    ));
    let org_id = org["id"].as_str().unwrap().to_owned();
    assert!(org_id.starts_with("org_"));
    assert_eq!(org["slug"], "acme-homes");
    assert_eq!(org["plan"], "grow");

    let listed = stdout_json(&gable(&db, &["org", "list", "--json"]));
    assert_eq!(listed["organizations"][0]["id"], org_id.as_str());

    let key = stdout_json(&gable(
        &db,
        &["key", "create", "--org", &org_id, "--name", "ci", "--scopes", "read:keys,write:work_orders", "--json"],
    ));
    let secret = key["key"].as_str().unwrap().to_owned();
    let key_id = key["id"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("gbl_live_"));
    assert_eq!(key["scopes"], serde_json::json!(["read:keys", "write:work_orders"]));

    let keys = stdout_json(&gable(&db, &["key", "list", "--org", &org_id, "--json"]));
    assert_eq!(keys["keys"][0]["id"], key_id.as_str());
    assert!(!keys.to_string().contains(&secret), "listing never shows the secret");

    // The key works against a server on the same database…
    let app = start(test_settings(&db.url), gable::vocab::clock::Clock::default()).await;
    assert_eq!(app.get("/api/keys", &secret).await.status(), 200);

    // …until it is revoked.
    let output = gable(&db, &["key", "revoke", &key_id]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(app.get("/api/keys", &secret).await.status(), 401);
}

/// `gable user create … --password-stdin --json`: the password never appears in the command
/// line; the user signs in to the console; bad input exits non-zero with the reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_create_reads_the_password_from_stdin_and_the_user_signs_in() {
    let db = fresh_database().await;
    assert!(gable(&db, &["migrate"]).status.success());
    let org = stdout_json(&gable(&db, &["org", "create", "--name", "Acme Homes", "--plan", "grow", "--json"]));
    let org_id = org["id"].as_str().unwrap();
    let create = |email: &str, role: &str, password: &str| {
        let args = ["user", "create", "--org", org_id, "--email", email, "--role", role, "--password-stdin", "--json"];
        gable_with_stdin(&db, &args, &format!("{password}\n"))
    };
    let user = stdout_json(&create("Ops@Acme.example", "owner", "correct horse battery"));
    assert!(user["id"].as_str().unwrap().starts_with("usr_"));
    assert_eq!(
        (&user["email"], &user["role"], &user["orgId"]),
        (&json!("ops@acme.example"), &json!("owner"), &json!(org_id))
    );

    for (email, role, password, says) in [
        ("ops@acme.example", "admin", "correct horse battery", "already belongs"),
        ("dev@acme.example", "superuser", "correct horse battery", "role"),
        ("dev@acme.example", "developer", "short", "at least 10"),
        ("not an email", "developer", "correct horse battery", "email"),
    ] {
        let output = create(email, role, password);
        assert!(!output.status.success(), "{email} {role}");
        assert!(String::from_utf8_lossy(&output.stderr).contains(says), "{}", String::from_utf8_lossy(&output.stderr));
    }

    let app = start(test_settings(&db.url), gable::vocab::clock::Clock::default()).await;
    let started =
        gable::auth::users::sign_in(&app.state, "ops@acme.example", "correct horse battery", None).await.unwrap();
    assert!(started.is_ok(), "the new user signs in");
    let wrong =
        gable::auth::users::sign_in(&app.state, "ops@acme.example", "correct horse batterY", None).await.unwrap();
    assert!(wrong.is_err());
}

fn gable_with_stdin(db: &TestDb, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    tokio::task::block_in_place(|| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gable"))
            .args(args)
            .args(["--database-url", &db.url])
            .env_remove("DATABASE_URL")
            .env_remove("GABLE_DATABASE_URL")
            .env("GABLE_SECRET_KEY", TEST_SECRET_KEY)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run gable");
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        child.wait_with_output().expect("gable finishes")
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_exits_non_zero_with_a_clear_message() {
    let db = fresh_database().await;
    let output = gable(&db, &["org", "create", "--name", "X", "--plan", "gold"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("gold"));

    let output = gable(&db, &["key", "create", "--org", "org_nope", "--name", "x"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no organization with id `org_nope`"));

    let output = gable(&db, &["org", "create", "--name", "X", "--owner-email", "not-an-email"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not-an-email"));

    let output = gable(&db, &["key", "revoke", "key_nope"]);
    assert_eq!(output.status.code(), Some(1));

    let org = stdout_json(&gable(&db, &["org", "create", "--name", "Y", "--json"]));
    let output =
        gable(&db, &["key", "create", "--org", org["id"].as_str().unwrap(), "--name", "x", "--scopes", "root"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid scope `root`"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_org_name_gets_a_numbered_slug() {
    let db = fresh_database().await;
    let first = stdout_json(&gable(&db, &["org", "create", "--name", "Twin Realty", "--json"]));
    let second = stdout_json(&gable(&db, &["org", "create", "--name", "Twin Realty", "--json"]));
    assert_eq!(first["slug"], "twin-realty");
    assert_eq!(second["slug"], "twin-realty-2");
    assert_eq!(first["plan"], "starter");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organizations_link_to_an_identity_provider_organization() {
    let db = fresh_database().await;
    let acme = stdout_json(&gable(
        &db,
        &["org", "create", "--name", "Acme", "--plan", "grow", "--external-org-id", "org_clerk_acme", "--json"],
    ));
    assert_eq!(acme["externalOrgId"], "org_clerk_acme");
    let beta = stdout_json(&gable(&db, &["org", "create", "--name", "Beta", "--json"]));
    let beta_id = beta["id"].as_str().unwrap();
    assert_eq!(beta["externalOrgId"], serde_json::Value::Null);

    // One external organization links to one organization only.
    let output = gable(&db, &["org", "link", beta_id, "--external-org-id", "org_clerk_acme"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("already linked"), "{output:?}");
    let output = gable(&db, &["org", "create", "--name", "Gamma", "--external-org-id", "org_clerk_acme"]);
    assert_eq!(output.status.code(), Some(1));

    let linked = stdout_json(&gable(&db, &["org", "link", beta_id, "--external-org-id", "org_clerk_beta", "--json"]));
    assert_eq!(linked["externalOrgId"], "org_clerk_beta");
    let listed = stdout_json(&gable(&db, &["org", "list", "--json"]));
    assert_eq!(listed["organizations"].as_array().unwrap().len(), 2, "no Gamma: {listed}");
    let unlinked = stdout_json(&gable(&db, &["org", "unlink", beta_id, "--json"]));
    assert_eq!(unlinked["externalOrgId"], serde_json::Value::Null);

    let output = gable(&db, &["org", "link", "org_nope", "--external-org-id", "org_clerk_x"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("no organization with id `org_nope`"), "{output:?}");
    let output = gable(&db, &["org", "link", beta_id, "--external-org-id", "has space"]);
    assert_eq!(output.status.code(), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_demo_prints_a_working_key_and_stops_cleanly_on_sigterm() {
    use std::io::{BufRead, BufReader};

    let db = fresh_database().await;
    let keys = tempfile::tempdir().unwrap();
    let key_file = keys.path().join("data").join("secret.key");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gable"))
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--database-url", &db.url])
        .env_remove("GABLE_REDIS_URL")
        .env_remove("REDIS_URL")
        .env_remove("GABLE_SECRET_KEY")
        .env("GABLE_SECRET_KEY_FILE", &key_file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start gable serve");
    let stdout = child.stdout.take().unwrap();
    // If an assertion fails, the server must not outlive the test (it would hold the test
    // database open).
    let mut child = KillOnDrop(Some(child));
    // Read every line until the process ends (so its later output never meets a closed pipe),
    // handing over the address and key as soon as they are printed.
    let (found_tx, found_rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let (mut base, mut secret_key, mut found_tx, mut password) = (None, None, Some(found_tx), None);
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(addr) = line.split("listening on ").nth(1) {
                base = Some(addr.trim().to_owned());
            }
            if line.trim_start().starts_with("Secret key") {
                secret_key = Some(line.clone());
            }
            if let Some(said) = line.trim_start().strip_prefix("Password") {
                password = Some(said.trim().to_owned());
            }
            if let Some(key) = line.split_whitespace().find(|w| w.starts_with("gbl_live_"))
                && let (Some(tx), Some(base)) = (found_tx.take(), base.clone())
            {
                let _ = tx.send((base, key.trim_matches('"').to_owned(), secret_key.clone(), password.clone()));
            }
        }
    });
    let (base, key, secret_key, password) = tokio::time::timeout(std::time::Duration::from_secs(30), found_rx)
        .await
        .expect("the address and key are printed in time")
        .expect("the address and key are printed");
    // The first run made the master key file, and said so.
    let said = secret_key.expect("the secret key file is named");
    assert!(said.contains(&key_file.display().to_string()) && said.contains("created"), "{said}");
    assert_eq!(mode(&key_file), 0o600);

    // No app was built in this process when the test runs alone: install the TLS provider here.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::new();
    let keys = client.get(format!("{base}/api/keys")).bearer_auth(&key).send().await.unwrap();
    assert_eq!(keys.status(), 200);
    // Every area has sample data to look at.
    for path in ["properties", "leads", "payments", "units", "leases", "work-orders"] {
        let list = client.get(format!("{base}/api/{path}")).bearer_auth(&key).send().await.unwrap();
        assert_eq!(list.status(), 200, "{path}");
        let items: serde_json::Value = list.json().await.unwrap();
        assert!(!items.as_array().unwrap().is_empty(), "the demo has {path}");
    }
    // The demo owner signs in to the console with the printed one-time password.
    let password = password.expect("the demo owner's password is printed");
    let browser = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let form = browser.get(format!("{base}/console")).send().await.unwrap();
    let cookie = form.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let html = form.text().await.unwrap();
    let csrf = html.split("name=\"csrf_token\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let body = format!("csrf_token={csrf}&email=owner%40demo-realty.example&password={password}");
    let signed_in = browser
        .post(format!("{base}/console/sign-in"))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 303, "the demo owner signs in");

    let mut child = child.0.take().unwrap();
    let pid = child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let status = tokio::task::spawn_blocking(move || child.wait()).await.unwrap().unwrap();
    assert!(status.success(), "graceful shutdown exits 0: {status:?}");
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_rotate_re_encrypts_everything_under_a_new_key_file() {
    use crate::receiver::Receiver;
    use crate::webhooks::{allow_loopback, verify_standard};
    use gable::vocab::plan::Plan;
    use serde_json::json;

    let db = fresh_database().await;
    let keys = tempfile::tempdir().unwrap();
    let key_file = keys.path().join("secret.key");
    let mut settings = test_settings(&db.url);
    allow_loopback(&mut settings);
    settings.secret_key = None;
    settings.secret_key_file = Some(key_file.clone());
    let app = start(settings.clone(), gable::vocab::clock::Clock::default()).await;
    let first_key = std::fs::read_to_string(&key_file).expect("the first start made the key file");

    let org = app.org(Plan::Elite).await;
    let receiver = Receiver::start().await;
    let body = json!({"url": receiver.url, "headers": {"X-Api-Key": "receiver-key-31d9"}});
    let endpoint = app.create("/api/webhooks", &org.key, &body).await;
    let id = endpoint["id"].as_str().unwrap();
    let (_, rotated) =
        crate::helpers::json(app.post(&format!("/api/webhooks/{id}/rotate-secret"), &org.key, &json!({})).await).await;
    let (old_secret, new_secret) = (endpoint["secret"].as_str().unwrap(), rotated["secret"].as_str().unwrap());
    let before = crate::secrets::stored_rows(&db.url).await;

    // A key from GABLE_SECRET_KEY cannot be replaced in place.
    let refused = gable(&db, &["secrets", "rotate"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--new-key-file"), "{refused:?}");

    let output = tokio::task::block_in_place(|| {
        std::process::Command::new(env!("CARGO_BIN_EXE_gable"))
            .args(["secrets", "rotate", "--database-url", &db.url])
            .env_remove("GABLE_SECRET_KEY")
            .env("GABLE_SECRET_KEY_FILE", &key_file)
            .output()
            .expect("run gable")
    });
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("re-encrypted the secrets of 1 webhook endpoints under key "), "{stdout}");
    let new_key = std::fs::read_to_string(&key_file).unwrap();
    assert_ne!(new_key, first_key);
    assert_eq!(std::fs::read_to_string(keys.path().join("secret.key.old")).unwrap(), first_key);
    assert_eq!(mode(&key_file), 0o600);
    assert!(!keys.path().join("secret.key.new").exists());

    let key_id = stdout.split("under key ").nth(1).unwrap().split_whitespace().next().unwrap();
    let after = crate::secrets::stored_rows(&db.url).await;
    assert_eq!(after.len(), 1);
    let (secret, previous, headers) = &after[0];
    for value in [secret, previous.as_ref().unwrap(), headers] {
        assert!(value.starts_with(&format!("enc:v1:{key_id}:")), "{value}");
    }
    assert_ne!(before, after);

    // The running server picks up the new key file; deliveries are signed as before.
    app.create("/api/leads", &org.key, &json!({"name": "After rotation"})).await;
    let received = &receiver.wait_for(1).await[0];
    assert!(verify_standard(old_secret, received) && verify_standard(new_secret, received));
    assert_eq!(received.header("x-api-key"), Some("receiver-key-31d9"));
    // And a new instance starts with it.
    let second = start(settings, gable::vocab::clock::Clock::default()).await;
    let (status, shown) = crate::helpers::json(second.get(&format!("/api/webhooks/{id}"), &org.key).await).await;
    assert_eq!((status, shown["headers"]["X-Api-Key"].as_str()), (200, Some("…31d9")));
}

/// A child process that is killed (and reaped) when the test ends early.
struct KillOnDrop(Option<std::process::Child>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rent_run_charges_each_period_once_and_prints_a_summary() {
    let db = fresh_database().await;
    let app = start(test_settings(&db.url), gable::vocab::clock::Clock::default()).await;
    let org = app.org(gable::vocab::plan::Plan::Grow).await;
    let (_, unit, maya) = crate::rentals_support::household(&app, &org.key, "127 Pine", "1B", "Maya R.").await;
    let body = crate::rentals_support::lease_body(unit["id"].as_str().unwrap(), &maya, "2026-03-01");
    let lease = crate::rentals_support::signed_lease(&app, &org.key, &body).await;

    let run = |as_of: &str| {
        let output = gable(&db, &["rent", "run", "--as-of", as_of]);
        assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    let first = run("2026-04-10");
    assert!(
        first.starts_with(
            "rent run as of 2026-04-10: 1 leases checked, 2 charges created, 2 charges marked late, $0 in late fees in "
        ),
        "{first}"
    );
    assert_eq!(first.lines().count(), 1);
    let again = run("2026-04-10");
    assert!(again.contains(": 0 leases checked, 0 charges created, 0 charges marked late"), "{again}");
    let (_, charges) = crate::helpers::json(
        app.get(&format!("/api/rent-charges?lease_id={}", lease["id"].as_str().unwrap()), &org.key).await,
    )
    .await;
    assert_eq!(charges.as_array().unwrap().len(), 2);
    let bad = gable(&db, &["rent", "run", "--as-of", "April"]);
    assert!(!bad.status.success());
}

/// `serve --no-workers` beside `gable worker`: the worker runs every background job, and each
/// catches up when it starts — a signed lease whose months are due is charged, and a webhook
/// queued while no worker ran is delivered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_worker_runs_every_job_and_catches_up_at_start() {
    use crate::receiver::Receiver;
    use serde_json::json;

    let db = fresh_database().await;
    let mut settings = test_settings(&db.url);
    crate::webhooks::allow_loopback(&mut settings);
    let api = crate::helpers::start_without_workers(settings).await;
    let org = api.org(gable::vocab::plan::Plan::Elite).await;
    let receiver = Receiver::start().await;
    api.create("/api/webhooks", &org.key, &json!({"url": receiver.url, "events": ["lead.created"]})).await;
    let (_, unit, maya) = crate::rentals_support::household(&api, &org.key, "127 Pine", "1B", "Maya R.").await;
    let today = gable::vocab::date::Date::of_ms(api.clock().now_ms());
    let start = today.month_start().plus_days(-70).month_start();
    let body = crate::rentals_support::lease_body(unit["id"].as_str().unwrap(), &maya, &start.to_string());
    let lease = crate::rentals_support::signed_lease(&api, &org.key, &body).await;
    api.create("/api/leads", &org.key, &json!({"name": "Queued while no worker ran"})).await;
    let path = format!("/api/rent-charges?lease_id={}", lease["id"].as_str().unwrap());
    let charges =
        || async { crate::helpers::json(api.get(&path, &org.key).await).await.1.as_array().map_or(0, Vec::len) };
    assert_eq!(charges().await, 0, "no worker, no rent schedule");

    let worker = KillOnDrop(Some(
        std::process::Command::new(env!("CARGO_BIN_EXE_gable"))
            .args(["worker", "--database-url", &db.url])
            .env_remove("DATABASE_URL")
            .env_remove("GABLE_DATABASE_URL")
            .env("GABLE_SECRET_KEY", TEST_SECRET_KEY)
            .env("GABLE_WEBHOOK_ALLOWED_SUBNETS", "127.0.0.0/8")
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start the worker"),
    ));
    let delivered = receiver.wait_for(1).await;
    assert_eq!(delivered[0].json()["event"], "lead.created");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while charges().await < 3 {
        assert!(std::time::Instant::now() < deadline, "the worker charged no rent");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    drop(worker);
}
