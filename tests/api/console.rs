//! The console over HTTP, as a browser without JavaScript uses it: sign-in, sessions and
//! their expiry, CSRF on every form, roles, and organizations kept apart. (The real-browser
//! walk through is `tests/browser`.)

use std::collections::BTreeMap;
use std::time::Duration;

use gable::auth::users;
use gable::vocab::plan::Plan;
use reqwest::header::{HeaderMap, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use serde_json::json;

use crate::helpers::{TestApp, TestOrg, expect_error, json, spawn_app, spawn_with};
use crate::receiver::{Receiver, SmtpSink};
use crate::rentals_support::property;
use crate::webhooks::allow_loopback;

const PASSWORD: &str = "correct horse battery";

/// A person at a browser: cookies kept, redirects not followed (the tests look at them).
struct Browser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
    cookies: BTreeMap<String, String>,
}

struct Page {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Page {
    fn location(&self) -> &str {
        self.headers.get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }

    /// The CSRF token of the page's first form.
    fn csrf(&self) -> String {
        let start = self.body.find("name=\"csrf_token\" value=\"").expect("a form with a CSRF token") + 25;
        self.body[start..].split('"').next().unwrap().to_owned()
    }
}

impl<'a> Browser<'a> {
    fn new(app: &'a TestApp) -> Browser<'a> {
        let client = reqwest::Client::builder().redirect(Policy::none()).build().unwrap();
        Browser { app, client, cookies: BTreeMap::new() }
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> Page {
        let cookie: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let response = request.header("cookie", cookie.join("; ")).send().await.unwrap();
        for set in response.headers().get_all(SET_COOKIE) {
            let set = set.to_str().unwrap();
            let (pair, attributes) = set.split_once(';').unwrap_or((set, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if attributes.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let (status, headers) = (response.status().as_u16(), response.headers().clone());
        Page { status, headers, body: response.text().await.unwrap() }
    }

    async fn get(&mut self, path: &str) -> Page {
        let request = self.client.get(self.app.url(path));
        self.send(request).await
    }

    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
        let request =
            self.client.post(self.app.url(path)).header("content-type", "application/x-www-form-urlencoded").body(body);
        self.send(request).await
    }

    async fn sign_in(&mut self, email: &str, password: &str) -> Page {
        let form = self.get("/console").await;
        self.post("/console/sign-in", &[("csrf_token", &form.csrf()), ("email", email), ("password", password)]).await
    }

    /// Signs in and returns a page's CSRF token.
    async fn signed_in(app: &'a TestApp, email: &str) -> (Browser<'a>, String) {
        let mut browser = Browser::new(app);
        let page = browser.sign_in(email, PASSWORD).await;
        assert_eq!((page.status, page.location()), (303, "/console/overview"), "{}", page.body);
        let csrf = browser.get("/console/overview").await.csrf();
        (browser, csrf)
    }
}

async fn person(app: &TestApp, org: &TestOrg, email: &str, role: &str) {
    users::create_user(app.db(), app.clock(), &org.id, email, role, PASSWORD).await.unwrap();
}

async fn key_count(app: &TestApp, org: &TestOrg) -> usize {
    json(app.get("/api/keys", &org.key).await).await.1.as_array().unwrap().len()
}

#[tokio::test]
async fn signing_in_and_out() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    person(&app, &org, "Owner@Test-Realty.example", "owner").await;
    let mut browser = Browser::new(&app);

    let form = browser.get("/console").await;
    assert_eq!(form.status, 200);
    for label in ["<label for=\"email\">Email</label>", "<label for=\"password\">Password</label>", ">Sign in</button>"]
    {
        assert!(form.body.contains(label), "{label} in {}", form.body);
    }
    let csp = form.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"),
        "{csp}"
    );
    assert_eq!(form.headers["referrer-policy"], "same-origin");
    assert!(form.body.contains("integrity=\"sha384-"), "assets carry SRI");
    assert!(!form.body.contains("<script>"), "no inline script");

    let wrong = browser.sign_in("owner@test-realty.example", "not the password").await;
    assert_eq!(wrong.status, 401);
    assert!(
        wrong.body.contains("do not match an account") && wrong.body.contains("value=\"owner@test-realty.example\"")
    );
    assert!(!browser.cookies.contains_key("gable_session"));
    assert_eq!(browser.get("/console/overview").await.location(), "/console", "not signed in");

    let signed_in = browser.sign_in("OWNER@test-realty.example", PASSWORD).await;
    assert_eq!((signed_in.status, signed_in.location()), (303, "/console/overview"));
    let cookie = signed_in
        .headers
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("gable_session="));
    let cookie = cookie.expect("a session cookie");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/console"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http on loopback: {cookie}");
    let overview = browser.get("/console/overview").await;
    assert_eq!(overview.status, 200);
    assert!(overview.body.contains("Overview") && overview.body.contains("owner@test-realty.example"));
    assert_eq!(browser.get("/console").await.location(), "/console/overview");
    // Each product's "Getting started" path leads to the same page.
    for (path, to) in [
        ("/console/settings/integrations", "/console/settings/developer/keys"),
        ("/console/settings/developer", "/console/settings/developer/keys"),
        ("/console/admin/webhooks", "/console/settings/developer/webhooks"),
    ] {
        assert_eq!(browser.get(path).await.location(), to, "{path}");
    }

    // Sign out needs the form's token too, then the session is gone for good.
    let token = browser.cookies["gable_session"].clone();
    assert_eq!(browser.post("/console/sign-out", &[]).await.status, 403);
    let out = browser.post("/console/sign-out", &[("csrf_token", &overview.csrf())]).await;
    assert_eq!((out.status, out.location()), (303, "/console"));
    browser.cookies.insert("gable_session".into(), token);
    assert_eq!(browser.get("/console/overview").await.location(), "/console", "the old cookie no longer works");
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_session() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    person(&app, &org, "dev@test-realty.example", "developer").await;
    let (mut laptop, csrf) = Browser::signed_in(&app, "dev@test-realty.example").await;
    let (mut phone, _) = Browser::signed_in(&app, "dev@test-realty.example").await;
    let out = laptop.post("/console/sign-out-everywhere", &[("csrf_token", &csrf)]).await;
    assert_eq!(out.status, 303);
    assert_eq!(phone.get("/console/overview").await.location(), "/console");
}

#[tokio::test]
async fn sessions_expire_when_idle_and_at_their_lifetime() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    person(&app, &org, "owner@test-realty.example", "owner").await;
    let (mut browser, _) = Browser::signed_in(&app, "owner@test-realty.example").await;
    app.clock().advance(Duration::from_secs(11 * 3600));
    assert_eq!(browser.get("/console/overview").await.status, 200, "used within the idle time");
    app.clock().advance(Duration::from_secs(12 * 3600 + 1));
    let expired = browser.get("/console/overview").await;
    assert_eq!((expired.status, expired.location()), (303, "/console"), "idle for more than 12 hours");
    assert!(!browser.cookies.contains_key("gable_session"), "the cookie is cleared");

    // Used every few hours, a session still ends 14 days after sign-in.
    let (mut browser, _) = Browser::signed_in(&app, "owner@test-realty.example").await;
    for _ in 0..4 {
        app.clock().advance(Duration::from_secs(4 * 24 * 3600 - 3600));
        let page = browser.get("/console/overview").await;
        if page.status != 200 {
            assert_eq!(page.location(), "/console");
            return;
        }
        for _ in 0..9 {
            app.clock().advance(Duration::from_secs(10 * 3600));
            browser.get("/console/overview").await;
        }
    }
    panic!("the session outlived its 14 days");
}

#[tokio::test]
async fn forms_without_the_sessions_csrf_token_change_nothing() {
    let app = spawn_app().await;
    let org = app.org(Plan::Elite).await;
    person(&app, &org, "owner@test-realty.example", "owner").await;
    let (mut browser, csrf) = Browser::signed_in(&app, "owner@test-realty.example").await;
    let before = key_count(&app, &org).await;
    for token in [None, Some("forged"), Some(&csrf[..csrf.len() - 1])] {
        let mut form = vec![("name", "Sneaky"), ("scopes", "*")];
        if let Some(token) = token {
            form.push(("csrf_token", token));
        }
        let refused = browser.post("/console/settings/developer/keys", &form).await;
        assert_eq!(refused.status, 403, "{token:?}");
        assert!(refused.body.contains("nothing was changed"));
        let refused =
            browser.post("/console/settings/developer/webhooks", &[("url", "https://example.com/hook")]).await;
        assert_eq!(refused.status, 403);
    }
    assert_eq!(key_count(&app, &org).await, before);
    assert_eq!(json(app.get("/api/webhooks", &org.key).await).await.1, json!([]));

    // Another session's token is not this session's.
    person(&app, &org, "admin@test-realty.example", "admin").await;
    let (_, other_csrf) = Browser::signed_in(&app, "admin@test-realty.example").await;
    let refused = browser.post("/console/settings/developer/keys", &[("csrf_token", &other_csrf), ("name", "X")]).await;
    assert_eq!(refused.status, 403);

    // The sign-in form is protected too: a post from another site has no matching cookie.
    let mut stranger = Browser::new(&app);
    let refused = stranger
        .post(
            "/console/sign-in",
            &[("csrf_token", "x"), ("email", "owner@test-realty.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(refused.status, 403);
    assert!(!stranger.cookies.contains_key("gable_session"));
}

#[tokio::test]
async fn a_key_is_shown_once_works_and_stops_when_revoked() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    person(&app, &org, "dev@test-realty.example", "developer").await;
    let (mut browser, csrf) = Browser::signed_in(&app, "dev@test-realty.example").await;

    let missing_name =
        browser.post("/console/settings/developer/keys", &[("csrf_token", &csrf), ("scopes", "read:*")]).await;
    assert_eq!(missing_name.status, 400);
    assert!(missing_name.body.contains("role=\"alert\""), "the error is shown on the form");
    let too_much = browser
        .post("/console/settings/developer/keys", &[("csrf_token", &csrf), ("name", "Root"), ("scopes", "*")])
        .await;
    assert_eq!(too_much.status, 403, "a developer cannot hand out `*`: {}", too_much.body);

    let created = browser
        .post(
            "/console/settings/developer/keys",
            &[
                ("csrf_token", &csrf),
                ("name", "Postman Testing"),
                ("scopes", "read:*"),
                ("other_scopes", "write:properties"),
            ],
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert!(created.body.contains("only shown once"));
    let start = created.body.find("value=\"gbl_live_").unwrap() + 7;
    let key = created.body[start..].split('"').next().unwrap().to_owned();
    assert_eq!(app.get("/api/properties", &key).await.status(), 200);
    property(&app, &key, "From Postman").await;

    let list = browser.get("/console/settings/developer/keys").await;
    assert!(list.body.contains("Postman Testing") && !list.body.contains(&key), "listed, never shown again");
    assert!(list.body.contains(&format!("gbl_live_…{}", &key[key.len() - 4..])));

    let (_, keys) = json(app.get("/api/keys", &org.key).await).await;
    let id = keys.as_array().unwrap().iter().find(|k| k["name"] == "Postman Testing").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let confirm = browser.get(&format!("/console/settings/developer/keys/{id}/revoke")).await;
    assert!(confirm.body.contains("Revoke “Postman Testing”?"));
    let revoked =
        browser.post(&format!("/console/settings/developer/keys/{id}/revoke"), &[("csrf_token", &csrf)]).await;
    assert_eq!((revoked.status, revoked.location()), (303, "/console/settings/developer/keys"));
    assert_eq!(app.get("/api/properties", &key).await.status(), 401);
}

#[tokio::test]
async fn a_viewer_reads_but_cannot_create_keys() {
    let app = spawn_app().await;
    let org = app.org(Plan::Elite).await;
    person(&app, &org, "viewer@test-realty.example", "viewer").await;
    let (mut browser, csrf) = Browser::signed_in(&app, "viewer@test-realty.example").await;
    let before = key_count(&app, &org).await;
    let refused = browser
        .post("/console/settings/developer/keys", &[("csrf_token", &csrf), ("name", "Mine"), ("scopes", "read:*")])
        .await;
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("Your role (viewer) does not allow this"), "{}", refused.body);
    assert_eq!(key_count(&app, &org).await, before);
    let refused = browser
        .post("/console/settings/developer/webhooks", &[("csrf_token", &csrf), ("url", "https://example.com/hook")])
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(browser.get("/console/events").await.status, 200, "viewers read events");
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_account_and_per_address() {
    let app = spawn_with(|s| {
        s.console.sign_in_failures_per_account_per_hour = 3;
        s.console.sign_in_per_ip_per_minute = 5;
    })
    .await;
    let org = app.org(Plan::Grow).await;
    person(&app, &org, "owner@test-realty.example", "owner").await;
    let mut browser = Browser::new(&app);
    for _ in 0..3 {
        assert_eq!(browser.sign_in("owner@test-realty.example", "guess").await.status, 401);
    }
    let limited = browser.sign_in("owner@test-realty.example", PASSWORD).await;
    assert_eq!(limited.status, 429, "even the right password, once the account is limited");
    assert!(limited.body.contains("Too many sign-in attempts"));
    assert!(!browser.cookies.contains_key("gable_session"));
    // Other accounts from the same address, until the address's own limit.
    person(&app, &org, "admin@test-realty.example", "admin").await;
    assert_eq!(browser.sign_in("admin@test-realty.example", PASSWORD).await.status, 303);
    browser.cookies.remove("gable_session");
    assert_eq!(
        browser.sign_in("admin@test-realty.example", PASSWORD).await.status,
        429,
        "five attempts a minute from one address"
    );
}

#[tokio::test]
async fn webhooks_in_the_console_test_deliver_and_resend() {
    let app = spawn_with(allow_loopback).await;
    let org = app.org(Plan::Elite).await;
    person(&app, &org, "dev@test-realty.example", "developer").await;
    let receiver = Receiver::start().await;
    let (mut browser, csrf) = Browser::signed_in(&app, "dev@test-realty.example").await;

    let bad = browser
        .post(
            "/console/settings/developer/webhooks",
            &[("csrf_token", &csrf), ("url", &receiver.url), ("headers", "no colon")],
        )
        .await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("is not of the form Name: value"));
    let created = browser
        .post(
            "/console/settings/developer/webhooks",
            &[
                ("csrf_token", &csrf),
                ("url", &receiver.url),
                ("events", "property.created"),
                ("headers", "X-Team: ops"),
            ],
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.body);
    assert!(created.body.contains("value=\"whsec_") && created.body.contains("only shown once"));
    let (_, endpoints) = json(app.get("/api/webhooks", &org.key).await).await;
    let endpoint = endpoints[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(endpoints[0]["events"], json!(["property.created"]));
    let page = format!("/console/settings/developer/webhooks/{endpoint}");

    let tested = browser.post(&format!("{page}/test"), &[("csrf_token", &csrf)]).await;
    assert!(tested.body.contains("Test event delivered: HTTP 200"), "{}", tested.body);
    assert_eq!(receiver.received()[0].header("x-team"), Some("ops"));

    property(&app, &org.key, "12 Elm").await;
    arrived(&app, &receiver, 2).await;
    let log = browser.get(&page).await;
    assert!(log.body.contains("property.created") && log.body.contains("succeeded"), "{}", log.body);
    let (_, deliveries) =
        json(app.get(&format!("/api/webhook-deliveries?endpointId={endpoint}"), &org.key).await).await;
    let delivery = deliveries[0]["id"].as_str().unwrap().to_owned();
    let detail = browser.get(&format!("/console/settings/developer/deliveries/{delivery}")).await;
    assert!(detail.body.contains("Attempts") && detail.body.contains(" ms"), "{}", detail.body);
    assert!(detail.body.contains("Request headers") && detail.body.contains("Response headers"));
    // Each attempt keeps what was sent and received; a custom header's value is not stored.
    let (_, sent) = json(app.get(&format!("/api/webhook-deliveries/{delivery}"), &org.key).await).await;
    let attempt = &sent["attempts"][0];
    assert!(attempt["requestHeaders"]["webhook-signature"].as_str().is_some_and(|s| s.starts_with("v1,")), "{attempt}");
    assert_eq!(attempt["requestHeaders"]["content-type"], "application/json");
    assert_eq!(attempt["requestHeaders"]["x-team"], "(custom header: not stored)");
    assert!(!attempt.to_string().contains("\"ops\""), "the custom value is not in the log");
    assert!(attempt["responseHeaders"]["content-length"].is_string(), "{attempt}");

    let resent = browser
        .post(&format!("/console/settings/developer/deliveries/{delivery}/resend"), &[("csrf_token", &csrf)])
        .await;
    assert!(resent.body.contains("Sent again"), "{}", resent.body);
    arrived(&app, &receiver, 3).await;
    let (_, again) = json(app.get(&format!("/api/webhook-deliveries/{delivery}"), &org.key).await).await;
    assert_eq!(again["attempts"].as_array().unwrap().len(), 2);

    // The delivery log by time: nothing before the deliveries, all of them since.
    let now = gable::vocab::clock::rfc3339(app.clock().now_ms() - 60_000);
    let (_, since) =
        json(app.get(&format!("/api/webhook-deliveries?endpointId={endpoint}&since={now}"), &org.key).await).await;
    let (_, until) =
        json(app.get(&format!("/api/webhook-deliveries?endpointId={endpoint}&until={now}"), &org.key).await).await;
    assert_eq!((since.as_array().unwrap().len(), until.as_array().unwrap().len()), (1, 0));
    // The console's time filter is in the browser's zone: a wall-clock time east of UTC
    // (`untilZone` = -300, UTC+5) one minute ago is before the delivery; read as UTC it would
    // be hours after it.
    let wall = &gable::vocab::clock::rfc3339(app.clock().now_ms() - 60_000 + 5 * 3_600_000)[..16];
    let zoned = browser.get(&format!("{page}?until={wall}&untilZone=-300")).await;
    assert!(zoned.body.contains("No deliveries yet"), "{}", zoned.body);
    assert!(zoned.body.contains("data-zone-name") && zoned.body.contains("name=\"untilZone\""));
    let as_utc = browser.get(&format!("{page}?until={wall}")).await;
    assert!(as_utc.body.contains("/console/settings/developer/deliveries/"), "{}", as_utc.body);
    // The endpoint form groups the event types by business area.
    let form = browser.get("/console/settings/developer/webhooks").await;
    for area in ["CRM (", "Sales (", "Rentals (", "Operations ("] {
        assert!(form.body.contains(area), "{area}");
    }
    // The catalog shows each type's fields and JSON Schema beside its example.
    let catalog = browser.get("/console/events/catalog").await;
    assert!(catalog.body.contains("JSON Schema") && catalog.body.contains("Fields of rent.late data"));
    assert!(catalog.body.contains("<code>days_late</code>") && catalog.body.contains("integer"), "{}", catalog.body);

    // Edit: description and events change, the headers stay when their lines are left alone.
    let secret = created.body.split("value=\"whsec_").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let edit = browser.get(&page).await;
    assert!(edit.body.contains("X-Team: ops"), "headers are shown for editing");
    let saved = browser
        .post(
            &format!("{page}/edit"),
            &[
                ("csrf_token", &csrf),
                ("url", &receiver.url),
                ("description", "Ops receiver"),
                ("events", "property.created"),
                ("events", "lead.created"),
                ("signature_scheme", "standard-webhooks"),
                ("headers", "X-Team: ops"),
                ("headers_was", "X-Team: ops"),
            ],
        )
        .await;
    assert!(saved.body.contains("Saved."), "{}", saved.body);
    let (_, edited) = json(app.get(&format!("/api/webhooks/{endpoint}"), &org.key).await).await;
    assert_eq!(
        (&edited["description"], &edited["events"]),
        (&json!("Ops receiver"), &json!(["property.created", "lead.created"]))
    );
    assert_eq!(edited["headers"], json!({"X-Team": "ops"}));
    let bad_edit = browser
        .post(
            &format!("{page}/edit"),
            &[("csrf_token", &csrf), ("url", "not a url"), ("headers", ""), ("headers_was", "")],
        )
        .await;
    assert!(
        bad_edit.body.contains("role=\"alert\"") && bad_edit.body.contains("<details class=\"card\" open"),
        "{}",
        bad_edit.body
    );
    let revealed = browser.post(&format!("{page}/reveal-secret"), &[("csrf_token", &csrf)]).await;
    assert!(revealed.body.contains(&format!("value=\"whsec_{secret}\"")), "the same secret");
    let (_, audit) = json(app.get("/api/audit-log?action=webhook_endpoint.updated", &org.key).await).await;
    assert_eq!(audit[0]["target"], endpoint.as_str(), "the edit is in the audit log");

    // Counted per day, and on the overview.
    let (status, stats) =
        json(app.get(&format!("/api/webhook-deliveries/stats?endpointId={endpoint}"), &org.key).await).await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(
        (stats["succeeded"].as_i64(), stats["failed"].as_i64(), stats["successRate"].as_f64()),
        (Some(1), Some(0), Some(1.0))
    );
    assert_eq!(stats["days"].as_array().unwrap().len(), 7);
    expect_error(app.get("/api/webhook-deliveries/stats?days=91", &org.key).await, 400, "VALIDATION_ERROR").await;
    let overview = browser.get("/console/overview").await;
    assert!(overview.body.contains("Webhook success") && overview.body.contains("100.0%"), "{}", overview.body);
    assert!(overview.body.contains("1 delivered, 0 failed"), "the chart's text");

    let disabled = browser.post(&format!("{page}/enabled"), &[("csrf_token", &csrf), ("enabled", "false")]).await;
    assert!(disabled.body.contains("The endpoint is disabled"));
    assert_eq!(json(app.get(&format!("/api/webhooks/{endpoint}"), &org.key).await).await.1["enabled"], false);
}

#[tokio::test]
async fn one_organizations_people_never_see_anothers_keys_endpoints_deliveries_or_events() {
    let app = spawn_with(allow_loopback).await;
    let ours = app.org(Plan::Elite).await;
    let theirs = app.org(Plan::Elite).await;
    person(&app, &ours, "owner@ours.example", "owner").await;
    let receiver = Receiver::start().await;
    let their_key =
        app.create("/api/keys", &theirs.key, &json!({"name": "Their secret integration", "scopes": ["read:*"]})).await;
    let endpoint = app.create("/api/webhooks", &theirs.key, &json!({"url": receiver.url})).await;
    let endpoint_id = endpoint["id"].as_str().unwrap();
    property(&app, &theirs.key, "Their Listing Marker").await;
    arrived(&app, &receiver, 1).await;
    let (_, deliveries) = json(app.get("/api/webhook-deliveries", &theirs.key).await).await;
    let delivery = deliveries[0]["id"].as_str().unwrap();

    let (mut browser, csrf) = Browser::signed_in(&app, "owner@ours.example").await;
    for path in [
        "/console/settings/developer/keys",
        "/console/settings/developer/webhooks",
        "/console/events",
        "/console/overview",
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        for theirs in ["Their secret integration", endpoint_id, "Their Listing Marker", receiver.url.as_str()] {
            assert!(!page.body.contains(theirs), "{path} shows {theirs}");
        }
    }
    for path in [
        format!("/console/settings/developer/webhooks/{endpoint_id}"),
        format!("/console/settings/developer/deliveries/{delivery}"),
        format!("/console/settings/developer/keys/{}/revoke", their_key["id"].as_str().unwrap()),
    ] {
        assert_eq!(browser.get(&path).await.status, 404, "{path}");
    }
    let resend = browser
        .post(&format!("/console/settings/developer/deliveries/{delivery}/resend"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(resend.status, 404);
    let revoke = browser
        .post(
            &format!("/console/settings/developer/keys/{}/revoke", their_key["id"].as_str().unwrap()),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(revoke.status, 404);
    assert_eq!(app.get("/api/keys", their_key["key"].as_str().unwrap()).await.status(), 403, "their key still works");
}

/// The token of the first link to `path` in a mail (quoted-printable soft breaks undone).
fn link_token(mail: &str, path: &str) -> String {
    let text = mail.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    let start = text.find(path).unwrap_or_else(|| panic!("no {path} in {text}")) + path.len();
    text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

async fn mails_to(smtp: &SmtpSink, to: &str, n: usize) -> Vec<String> {
    for _ in 0..400 {
        let mails: Vec<String> =
            smtp.mails().into_iter().filter(|m| m.to.iter().any(|t| t.contains(to))).map(|m| m.data).collect();
        if mails.len() >= n {
            return mails;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no mail to {to}");
}

async fn with_smtp() -> (TestApp, SmtpSink) {
    let smtp = SmtpSink::start().await;
    let url = smtp.url.clone();
    let app = spawn_with(move |s| {
        allow_loopback(s);
        s.smtp.url = Some(secrecy::SecretString::from(url));
    })
    .await;
    (app, smtp)
}

#[tokio::test]
async fn invitations_by_email_join_the_team_in_their_role() {
    let (app, smtp) = with_smtp().await;
    let org = app.org(Plan::Elite).await;
    person(&app, &org, "owner@test-realty.example", "owner").await;
    let (mut owner, csrf) = Browser::signed_in(&app, "owner@test-realty.example").await;

    let invited = owner
        .post(
            "/console/settings/team/invitations",
            &[("csrf_token", &csrf), ("email", "New@Test-Realty.example"), ("role", "viewer")],
        )
        .await;
    assert_eq!(invited.status, 201, "{}", invited.body);
    assert!(invited.body.contains("Invitation sent to new@test-realty.example"));
    let bad = owner
        .post("/console/settings/team/invitations", &[("csrf_token", &csrf), ("email", "nope"), ("role", "viewer")])
        .await;
    assert_eq!(bad.status, 400);
    let mail = &mails_to(&smtp, "new@test-realty.example", 1).await[0];
    assert!(mail.contains("Join Test Realty on Gable"), "{mail}");
    let token = link_token(mail, "/console/invitations/");

    let mut invitee = Browser::new(&app);
    let page = invitee.get(&format!("/console/invitations/{token}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Join Test Realty") && page.body.contains("Choose a password"));
    let path = format!("/console/invitations/{token}");
    let form = |password: &str, again: &str| {
        vec![("csrf_token", page.csrf()), ("password", password.into()), ("password_again", again.into())]
    };
    let differ = invitee
        .post(
            &path,
            &form("long enough pass", "long enough pasS").iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(differ.status, 400);
    assert!(differ.body.contains("differ"));
    let short =
        invitee.post(&path, &form("short", "short").iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>()).await;
    assert!(short.body.contains("at least 10"), "{}", short.body);
    let joined =
        invitee.post(&path, &form(PASSWORD, PASSWORD).iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>()).await;
    assert_eq!((joined.status, joined.location()), (303, "/console/overview"), "{}", joined.body);
    let overview = invitee.get("/console/overview").await;
    assert!(overview.body.contains("new@test-realty.example · viewer"));
    assert_eq!(Browser::new(&app).get(&path).await.status, 404, "a link works once");

    // The owner sees the member and changes the role; the team is `*`'s, not a developer's.
    let (_, members) = json(app.get("/api/members", &org.key).await).await;
    let new_id =
        members.as_array().unwrap().iter().find(|m| m["email"] == "new@test-realty.example").unwrap()["userId"]
            .as_str()
            .unwrap()
            .to_owned();
    let changed = owner
        .post(&format!("/console/settings/team/members/{new_id}/role"), &[("csrf_token", &csrf), ("role", "developer")])
        .await;
    assert!(changed.body.contains("new@test-realty.example is now developer"), "{}", changed.body);
    let developer_csrf = invitee.get("/console/overview").await.csrf();
    let refused = invitee
        .post(
            "/console/settings/team/invitations",
            &[("csrf_token", &developer_csrf), ("email", "x@y.example"), ("role", "owner")],
        )
        .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    let owner_id =
        members.as_array().unwrap().iter().find(|m| m["email"] == "owner@test-realty.example").unwrap()["userId"]
            .as_str()
            .unwrap()
            .to_owned();
    let last = owner
        .post(&format!("/console/settings/team/members/{owner_id}/role"), &[("csrf_token", &csrf), ("role", "admin")])
        .await;
    assert_eq!(last.status, 409);
    assert!(last.body.contains("needs an owner"));

    // Removed: their session ends at once.
    let removed =
        owner.post(&format!("/console/settings/team/members/{new_id}/remove"), &[("csrf_token", &csrf)]).await;
    assert!(removed.body.contains("Removed from the organization"));
    assert_eq!(invitee.get("/console/overview").await.location(), "/console");

    // All of it is in the audit log, for the console and for `admin` keys only.
    let audit = owner.get("/console/settings/audit-log").await;
    for action in
        ["member.invited", "invitation.accepted", "member.role_changed", "member.removed", "console.signed_in"]
    {
        assert!(audit.body.contains(action), "{action} in the audit log");
    }
    assert!(audit.body.contains("owner@test-realty.example"), "actors shown by email");
    let (status, log) = json(app.get("/api/audit-log?action=member.invited", &org.key).await).await;
    assert_eq!((status, log[0]["detail"]["email"].as_str()), (200, Some("new@test-realty.example")));
    let reader = app.key(&org.id, &["read:*"]).await;
    assert_eq!(app.get("/api/audit-log", &reader).await.status(), 403);
    assert_eq!(app.get("/api/members", &reader).await.status(), 403, "the team is not in read:*");
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_email_once() {
    let (app, smtp) = with_smtp().await;
    let org = app.org(Plan::Grow).await;
    person(&app, &org, "owner@test-realty.example", "owner").await;
    let (mut other_device, _) = Browser::signed_in(&app, "owner@test-realty.example").await;
    let mut browser = Browser::new(&app);
    let form = browser.get("/console/forgot-password").await;
    let unknown = browser
        .post("/console/forgot-password", &[("csrf_token", &form.csrf()), ("email", "nobody@test-realty.example")])
        .await;
    let known = browser
        .post("/console/forgot-password", &[("csrf_token", &form.csrf()), ("email", "owner@test-realty.example")])
        .await;
    assert_eq!((unknown.status, known.status), (200, 200));
    assert!(
        unknown.body.contains("If an account exists") && known.body.contains("If an account exists"),
        "the same answer"
    );
    let mail = &mails_to(&smtp, "owner@test-realty.example", 1).await[0];
    assert!(smtp.mails().iter().all(|m| !m.to.iter().any(|t| t.contains("nobody"))));
    let token = link_token(mail, "/console/reset-password/");
    let path = format!("/console/reset-password/{token}");
    let page = browser.get(&path).await;
    assert!(page.body.contains("Choose a new password"));
    let new_password = "a brand new password";
    let differ =
        browser.post(&path, &[("csrf_token", &page.csrf()), ("password", new_password), ("password_again", "x")]).await;
    assert_eq!(differ.status, 400);
    let done = browser
        .post(&path, &[("csrf_token", &page.csrf()), ("password", new_password), ("password_again", new_password)])
        .await;
    assert!(done.body.contains("Your password is changed"), "{}", done.body);
    assert_eq!(Browser::new(&app).get(&path).await.status, 404, "used once");
    assert_eq!(other_device.get("/console/overview").await.location(), "/console", "sessions end with a reset");
    assert_eq!(Browser::new(&app).sign_in("owner@test-realty.example", PASSWORD).await.status, 401);
    assert_eq!(Browser::new(&app).sign_in("owner@test-realty.example", new_password).await.status, 303);
}

#[tokio::test]
async fn organization_settings_are_owners_and_admins() {
    let app = spawn_app().await;
    let org = app.org(Plan::Grow).await;
    let other = app.org(Plan::Grow).await;
    person(&app, &org, "owner@test-realty.example", "owner").await;
    person(&app, &org, "viewer@test-realty.example", "viewer").await;
    let (_, theirs) = json(app.get("/api/organization", &other.key).await).await;
    let (mut owner, csrf) = Browser::signed_in(&app, "owner@test-realty.example").await;
    let saved = owner
        .post(
            "/console/settings/organization",
            &[
                ("csrf_token", &csrf),
                ("name", "Renamed Realty"),
                ("slug", "renamed-realty"),
                ("owner_email", "ops@renamed.example"),
            ],
        )
        .await;
    assert!(saved.body.contains("Saved."), "{}", saved.body);
    let (_, ours) = json(app.get("/api/organization", &org.key).await).await;
    assert_eq!(
        (&ours["name"], &ours["slug"], &ours["ownerEmail"]),
        (&json!("Renamed Realty"), &json!("renamed-realty"), &json!("ops@renamed.example"))
    );
    let taken = owner
        .post(
            "/console/settings/organization",
            &[("csrf_token", &csrf), ("name", "X"), ("slug", theirs["slug"].as_str().unwrap())],
        )
        .await;
    assert_eq!(taken.status, 409, "{}", taken.body);
    assert_eq!(json(app.get("/api/organization", &org.key).await).await.1["name"], "Renamed Realty", "nothing changed");

    let (mut viewer, viewer_csrf) = Browser::signed_in(&app, "viewer@test-realty.example").await;
    let page = viewer.get("/console/settings/organization").await;
    assert!(page.body.contains("disabled") && page.body.contains("an owner or admin changes them"));
    let refused =
        viewer.post("/console/settings/organization", &[("csrf_token", &viewer_csrf), ("name", "Mine")]).await;
    assert_eq!(refused.status, 403);
}

#[tokio::test]
async fn usage_counts_requests_per_key_day_and_route_with_the_429s() {
    let app = spawn_with(|s| {
        s.plans.grow.key_per_minute = 3;
        s.plans.grow.org_per_minute = 1_000;
    })
    .await;
    let org = app.org(Plan::Grow).await;
    let zapier = app.create("/api/keys", &org.key, &json!({"name": "Zapier", "scopes": ["read:*"]})).await;
    let zapier_key = zapier["key"].as_str().unwrap();
    let statuses: Vec<u16> = {
        let mut statuses = Vec::new();
        for _ in 0..5 {
            statuses.push(app.get("/api/properties", zapier_key).await.status().as_u16());
        }
        statuses
    };
    assert_eq!(statuses, [200, 200, 200, 429, 429]);
    gable::jobs::flush_usage(&app.state).await;
    gable::jobs::flush_usage(&app.state).await;

    let reader = app.key(&org.id, &["admin"]).await;
    let (status, report) = json(app.get("/api/usage", &reader).await).await;
    assert_eq!(status, 200, "{report}");
    let credential = report["credentials"].as_array().unwrap().iter().find(|c| c["name"] == "Zapier").unwrap().clone();
    assert_eq!((credential["requests"].as_i64(), credential["throttled"].as_i64()), (Some(5), Some(2)));
    assert_eq!(credential["perDay"].as_array().unwrap().last(), Some(&json!(5)), "today is the last day");
    let route = report["routes"].as_array().unwrap().iter().find(|r| r["route"] == "GET /properties").unwrap().clone();
    assert_eq!(route["throttled"], 2);
    assert_eq!((report["plan"].as_str(), report["limits"]["keyPerMinute"].as_u64()), (Some("grow"), Some(3)));
    assert_eq!(report["days"].as_array().unwrap().len(), 7);
    let everything_else = app.key(&org.id, &["read:*", "write:*"]).await;
    assert_eq!(app.get("/api/usage", &everything_else).await.status(), 403, "usage is key management's (admin)");

    person(&app, &org, "owner@test-realty.example", "owner").await;
    let (mut browser, _) = Browser::signed_in(&app, "owner@test-realty.example").await;
    let page = browser.get("/console/settings/developer/usage").await;
    assert!(page.body.contains("Zapier") && page.body.contains("GET /properties"), "{}", page.body);
    assert!(page.body.contains(" requests, 2 limited"), "the chart's text");
}

/// Every state-changing form of the console, sent without the session's CSRF token and with a
/// forged one: 403 each time, and nothing anywhere changed.
#[tokio::test]
async fn every_form_refuses_a_missing_or_forged_csrf_token_and_changes_nothing() {
    let app = spawn_with(allow_loopback).await;
    let org = app.org(Plan::Elite).await;
    person(&app, &org, "owner@test-realty.example", "owner").await;
    person(&app, &org, "dev@test-realty.example", "developer").await;
    let receiver = Receiver::start().await;
    let endpoint = app.create("/api/webhooks", &org.key, &json!({"url": receiver.url})).await;
    let endpoint = endpoint["id"].as_str().unwrap().to_owned();
    property(&app, &org.key, "12 Elm").await;
    arrived(&app, &receiver, 1).await;
    let (_, deliveries) = json(app.get("/api/webhook-deliveries", &org.key).await).await;
    let delivery = deliveries[0]["id"].as_str().unwrap().to_owned();
    let key = app.create("/api/keys", &org.key, &json!({"name": "Zapier", "scopes": ["read:*"]})).await;
    let key_id = key["id"].as_str().unwrap().to_owned();
    let invitation =
        app.create("/api/invitations", &org.key, &json!({"email": "new@x.example", "role": "viewer"})).await;
    let invitation = invitation["id"].as_str().unwrap().to_owned();
    let (_, members) = json(app.get("/api/members", &org.key).await).await;
    let dev = members.as_array().unwrap().iter().find(|m| m["role"] == "developer").unwrap()["userId"]
        .as_str()
        .unwrap()
        .to_owned();

    let before = state_of(&app, &org.key).await;

    let (mut browser, csrf) = Browser::signed_in(&app, "owner@test-realty.example").await;
    let webhook = format!("/console/settings/developer/webhooks/{endpoint}");
    let forms: Vec<(String, Vec<(&str, &str)>)> = vec![
        ("/console/sign-out".into(), vec![]),
        ("/console/sign-out-everywhere".into(), vec![]),
        ("/console/switch-organization".into(), vec![("org_id", &org.id)]),
        ("/console/settings/developer/keys".into(), vec![("name", "X"), ("scopes", "read:*")]),
        (format!("/console/settings/developer/keys/{key_id}/revoke"), vec![]),
        ("/console/settings/developer/webhooks".into(), vec![("url", &receiver.url)]),
        (format!("{webhook}/test"), vec![]),
        (format!("{webhook}/enabled"), vec![("enabled", "false")]),
        (format!("{webhook}/rotate-secret"), vec![]),
        (format!("{webhook}/reveal-secret"), vec![]),
        (format!("{webhook}/edit"), vec![("url", &receiver.url), ("description", "changed")]),
        (format!("{webhook}/recover"), vec![("since", "2020-01-01T00:00")]),
        (format!("/console/settings/developer/deliveries/{delivery}/resend"), vec![]),
        ("/console/settings/organization".into(), vec![("name", "Changed"), ("slug", "changed")]),
        ("/console/settings/team/invitations".into(), vec![("email", "x@y.example"), ("role", "viewer")]),
        (format!("/console/settings/team/invitations/{invitation}/revoke"), vec![]),
        (format!("/console/settings/team/members/{dev}/role"), vec![("role", "viewer")]),
        (format!("/console/settings/team/members/{dev}/remove"), vec![]),
    ];
    for (path, fields) in &forms {
        for token in [None, Some("forged"), Some(&csrf[..csrf.len() - 2])] {
            let mut form = fields.clone();
            if let Some(token) = token {
                form.push(("csrf_token", token));
            }
            let refused = browser.post(path, &form).await;
            assert_eq!(refused.status, 403, "{path} with {token:?}");
            assert!(refused.body.contains("nothing was changed"), "{path}");
        }
    }
    assert_eq!(state_of(&app, &org.key).await, before, "nothing changed");
    assert_eq!(browser.get("/console/overview").await.status, 200, "still signed in");
    assert_eq!(receiver.received().len(), 1, "no test event or resend was sent");
}

/// What the forms above could change, as the API shows it.
async fn state_of(app: &TestApp, key: &str) -> Vec<serde_json::Value> {
    let mut seen = Vec::new();
    for path in [
        "/api/keys",
        "/api/webhooks",
        "/api/members",
        "/api/invitations",
        "/api/organization",
        "/api/webhook-deliveries",
    ] {
        let (_, mut body) = json(app.get(path, key).await).await;
        // A key's last use is recorded in the background; it is not what a form changes.
        let keep: &[&str] = match path {
            "/api/webhook-deliveries" => &["id", "status", "attemptCount"],
            "/api/keys" => &["id", "name", "scopes", "revoked"],
            _ => &[],
        };
        if !keep.is_empty() {
            for item in body.as_array_mut().unwrap() {
                item.as_object_mut().unwrap().retain(|k, _| keep.contains(&k.as_str()));
            }
        }
        seen.push(body);
    }
    seen
}

/// Waits until `n` requests reached the receiver and the queue is idle, then checks that no
/// more arrived. (Waiting for the arrivals first: on a loaded PostgreSQL the queue can look
/// idle a moment before the dispatcher has queued the delivery.)
async fn arrived(app: &TestApp, receiver: &Receiver, n: usize) {
    receiver.wait_for(n).await;
    app.webhooks_idle().await;
    assert_eq!(receiver.received().len(), n, "requests received");
}
