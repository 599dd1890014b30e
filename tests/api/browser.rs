//! The console in real Chromium: `tests/browser/console.mjs` (playwright-core) against this
//! test's server, with a webhook receiver. Skipped, with the reason printed, when there is no
//! browser, Node.js or `tests/browser/node_modules` (`npm ci --prefix tests/browser`), so
//! `cargo test` needs nothing installed; `.ci/run` installs all three and sets
//! `GABLE_REQUIRE_BROWSER`, so there it runs (or fails).
//! Screenshots of every page: `$CARGO_TARGET_TMPDIR/console-screenshots/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use gable::auth::users;
use gable::vocab::plan::Plan;

use crate::helpers::spawn_with;
use crate::receiver::Receiver;
use crate::webhooks::allow_loopback;

/// What the browser test needs, or why it cannot run here.
fn prerequisites() -> Result<(PathBuf, PathBuf), String> {
    let chromium = std::env::var_os("GABLE_CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if !chromium.exists() {
        return Err(format!("no Chromium at {} (apt-get install chromium, or set GABLE_CHROMIUM)", chromium.display()));
    }
    if !Command::new("node").arg("--version").output().is_ok_and(|out| out.status.success()) {
        return Err("no Node.js (node) on PATH".into());
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if !dir.join("node_modules/playwright-core").exists() {
        return Err(format!("playwright-core is not installed: npm ci --prefix {}", dir.display()));
    }
    Ok((chromium, dir))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_does_getting_started_in_the_console() {
    let (chromium, dir) = match prerequisites() {
        Ok(found) => found,
        Err(reason) if std::env::var_os("GABLE_REQUIRE_BROWSER").is_some() => {
            panic!("GABLE_REQUIRE_BROWSER is set, and the browser test cannot run: {reason}")
        }
        Err(reason) => {
            eprintln!("SKIPPED the console's browser test: {reason}");
            return;
        }
    };
    let app = spawn_with(allow_loopback).await;
    let org = app.org(Plan::Elite).await;
    let password = "a long enough password";
    users::create_user(app.db(), app.clock(), &org.id, "owner@test-realty.example", "owner", password).await.unwrap();
    let receiver = Receiver::start().await;
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("console-screenshots");
    let base = app.base.clone();
    let receiver_url = receiver.url.clone();
    let output = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(dir.join("console.mjs"))
            .env("GABLE_URL", base)
            .env("GABLE_EMAIL", "owner@test-realty.example")
            .env("GABLE_PASSWORD", password)
            .env("GABLE_RECEIVER_URL", receiver_url)
            .env("GABLE_CHROMIUM", chromium)
            .env("GABLE_SCREENSHOTS", &shots)
            .output()
            .expect("run node")
    })
    .await
    .unwrap();
    let said = format!("{}\n{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    eprintln!("{said}");
    assert!(output.status.success(), "the browser walk-through failed:\n{said}");
    // The receiver got the test event, the property's event and its resend.
    let received = receiver.received();
    let types: Vec<String> =
        received.iter().map(|r| r.json()["event"].as_str().unwrap_or_default().to_owned()).collect();
    assert_eq!(types.iter().filter(|t| *t == "webhook.test").count(), 1, "{types:?}");
    assert_eq!(types.iter().filter(|t| *t == "property.created").count(), 2, "sent and resent: {types:?}");
}
