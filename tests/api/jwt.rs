//! Sign-in with JWT (Aura: "Clerk JWT for mobile and web apps"): tokens signed by keys from a
//! JWKS served by a real local HTTP server (or a configured PEM), Clerk v1 and v2 org claims,
//! the explicit organization link, role scopes, and every way a token is refused.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use gable::config::List;
use gable::config::Settings;
use gable::platform::orgs;
use gable::vocab::plan::Plan;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use tokio::net::TcpListener;

use crate::helpers::{TestApp, TestOrg, expect_error, json, spawn_with};

const ISSUER: &str = "https://clerk.gable-test.example";
const APP_ORIGIN: &str = "https://app.gable-test.example";
/// 2026-01-01T10:00:05Z; tokens are issued relative to it.
const NOW_MS: i64 = 1_767_261_605_000;
const NOW: i64 = NOW_MS / 1000;

const RSA_A: &str = include_str!("../fixtures/jwt/rsa-a.key.pem");
const RSA_A_PUBLIC: &str = include_str!("../fixtures/jwt/rsa-a.pub.pem");
const RSA_B: &str = include_str!("../fixtures/jwt/rsa-b.key.pem");
const EC: &str = include_str!("../fixtures/jwt/ec-p256.key.pem");
const EC_PUBLIC: &str = include_str!("../fixtures/jwt/ec-p256.pub.pem");
const PUBLIC_JWKS: &str = include_str!("../fixtures/jwt/public-jwks.json");
const HMAC_SECRET: &[u8] = b"a symmetric key published by mistake";

/// A JWKS endpoint on 127.0.0.1 serving the keys it is told to, counting fetches.
#[derive(Clone)]
struct JwksServer {
    url: String,
    keys: Arc<Mutex<Value>>,
    fetches: Arc<AtomicUsize>,
}

impl JwksServer {
    /// Serves the public halves of the named fixture keys, each under its `kid`.
    async fn start(keys: &[(&str, &str)]) -> JwksServer {
        let server = JwksServer {
            url: String::new(),
            keys: Arc::new(Mutex::new(Value::Null)),
            fetches: Arc::new(AtomicUsize::new(0)),
        };
        server.serve(keys);
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://127.0.0.1:{}/.well-known/jwks.json", listener.local_addr().unwrap().port());
        let app = Router::new()
            .route(
                "/.well-known/jwks.json",
                get(|State(server): State<JwksServer>| async move {
                    server.fetches.fetch_add(1, Ordering::SeqCst);
                    axum::Json(server.keys.lock().unwrap().clone())
                }),
            )
            .with_state(server.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        JwksServer { url, ..server }
    }

    /// Replaces the served keys: `(fixture, kid)` pairs, plus a symmetric key that must never
    /// be used (providers publish only public keys, but a JWKS is not to be trusted blindly).
    fn serve(&self, keys: &[(&str, &str)]) {
        let public: Value = serde_json::from_str(PUBLIC_JWKS).unwrap();
        let mut keys: Vec<Value> = keys
            .iter()
            .map(|(fixture, kid)| {
                let mut key = public[*fixture].clone();
                key["kid"] = json!(kid);
                key["use"] = json!("sig");
                key
            })
            .collect();
        keys.push(json!({"kty": "oct", "kid": "key-hmac", "k": URL_SAFE_NO_PAD.encode(HMAC_SECRET)}));
        *self.keys.lock().unwrap() = json!({ "keys": keys });
    }

    fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

/// A server accepting tokens from `jwks`, with the clock frozen at [`NOW_MS`].
async fn spawn_jwt_app(jwks: &JwksServer) -> TestApp {
    spawn_jwt_app_with(jwks, |_| {}).await
}

/// [`spawn_jwt_app`] with more settings.
async fn spawn_jwt_app_with(jwks: &JwksServer, configure: impl FnOnce(&mut Settings)) -> TestApp {
    let url = jwks.url.clone();
    let app = spawn_with(move |s| {
        s.jwt.issuer = Some(ISSUER.into());
        s.jwt.jwks_url = Some(url);
        s.jwt.authorized_parties = List(vec![APP_ORIGIN.into()]);
        configure(s);
    })
    .await;
    app.clock().freeze_at(NOW_MS);
    app
}

/// An organization (Grow plan) linked to the identity provider organization `external`.
async fn linked_org(app: &TestApp, external: &str) -> TestOrg {
    let org = app.org(Plan::Grow).await;
    orgs::link(app.db(), &org.id, Some(external)).await.expect("link the organization");
    org
}

fn sign(claims: &Value, alg: Algorithm, kid: Option<&str>, key_pem: &str) -> String {
    let header = Header { kid: kid.map(str::to_owned), ..Header::new(alg) };
    let key = match alg {
        Algorithm::ES256 => EncodingKey::from_ec_pem(key_pem.as_bytes()).unwrap(),
        _ => EncodingKey::from_rsa_pem(key_pem.as_bytes()).unwrap(),
    };
    jsonwebtoken::encode(&header, claims, &key).unwrap()
}

/// A Clerk session token v1 for `user` in organization `org` with `role`, signed by key A.
fn v1_token(user: &str, org: &str, role: &str) -> String {
    sign(&v1_claims(user, org, role), Algorithm::RS256, Some("key-a"), RSA_A)
}

fn v1_claims(user: &str, org: &str, role: &str) -> Value {
    json!({
        "iss": ISSUER, "sub": user, "azp": APP_ORIGIN, "sid": "sess_123",
        "iat": NOW - 10, "nbf": NOW - 10, "exp": NOW + 60,
        "org_id": org, "org_role": role, "org_slug": "acme", "org_permissions": [],
    })
}

/// Clerk session token v2: `"v": 2` and the organization under `o`, its role without `org:`.
fn v2_claims(user: &str, org: &str, role: &str) -> Value {
    json!({
        "v": 2, "iss": ISSUER, "sub": user, "azp": APP_ORIGIN, "sid": "sess_456",
        "iat": NOW - 10, "nbf": NOW - 10, "exp": NOW + 60, "fva": [0, -1],
        "o": { "id": org, "rol": role, "slg": "beta", "per": "", "fpm": "" },
    })
}

async fn lead_names(app: &TestApp, token: &str) -> Vec<String> {
    let (status, body) = json(app.get("/v1/leads", token).await).await;
    assert_eq!(status, 200, "{body}");
    body.as_array().unwrap().iter().map(|lead| lead["name"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn v1_and_v2_tokens_see_only_their_linked_organization() {
    let jwks = JwksServer::start(&[("rsa-a", "key-a"), ("ec-p256", "key-ec")]).await;
    let app = spawn_jwt_app(&jwks).await;
    let acme = linked_org(&app, "org_clerk_acme").await;
    let beta = linked_org(&app, "org_clerk_beta").await;
    app.create("/v1/leads", &acme.key, &json!({"name": "Acme Lead", "source": "website"})).await;
    app.create("/v1/leads", &beta.key, &json!({"name": "Beta Lead", "source": "website"})).await;

    let acme_admin = v1_token("user_ann", "org_clerk_acme", "org:admin");
    assert_eq!(lead_names(&app, &acme_admin).await, ["Acme Lead"]);

    let beta_member = sign(&v2_claims("user_bob", "org_clerk_beta", "member"), Algorithm::RS256, Some("key-a"), RSA_A);
    assert_eq!(lead_names(&app, &beta_member).await, ["Beta Lead"]);

    // A member writes (`write:*`), in its own organization.
    let created = app.create("/v1/leads", &beta_member, &json!({"name": "From The App", "source": "app"})).await;
    let (status, _) = json(app.get(&format!("/v1/leads/{}", created["id"].as_str().unwrap()), &acme_admin).await).await;
    assert_eq!(status, 404, "another organization's lead is missing for Acme's token");

    // ES256 keys from the JWKS work as well.
    let ec_token = sign(&v1_claims("user_cy", "org_clerk_acme", "org:member"), Algorithm::ES256, Some("key-ec"), EC);
    assert_eq!(lead_names(&app, &ec_token).await, ["Acme Lead"]);
    assert_eq!(jwks.fetches(), 1, "the keys are fetched once and cached");
}

#[tokio::test]
async fn jwt_callers_get_rate_limits_per_user_and_per_organization() {
    let jwks = JwksServer::start(&[("rsa-a", "key-a")]).await;
    let url = jwks.url.clone();
    let app = spawn_with(move |s| {
        s.jwt.issuer = Some(ISSUER.into());
        s.jwt.jwks_url = Some(url);
        s.plans.grow.key_per_minute = 2;
    })
    .await;
    app.clock().freeze_at(NOW_MS);
    linked_org(&app, "org_clerk_acme").await;
    let ann = v1_token("user_ann", "org_clerk_acme", "org:member");
    let bob = v1_token("user_bob", "org_clerk_acme", "org:member");

    let response = app.get("/v1/leads", &ann).await;
    assert_eq!(response.status(), 200);
    let headers = response.headers();
    assert_eq!(headers["x-ratelimit-limit"], "2");
    assert_eq!(headers["x-ratelimit-remaining"], "1");
    assert!(headers.contains_key("x-ratelimit-reset"));

    // A fresh token for the same user counts against the same limit; another user has his own.
    assert_eq!(app.get("/v1/leads", &v1_token("user_ann", "org_clerk_acme", "org:member")).await.status(), 200);
    expect_error(app.get("/v1/leads", &ann).await, 429, "RATE_LIMITED").await;
    assert_eq!(app.get("/v1/leads", &bob).await.status(), 200);
}

#[tokio::test]
async fn bad_tokens_are_refused_with_401() {
    let jwks = JwksServer::start(&[("rsa-a", "key-a")]).await;
    let app = spawn_jwt_app(&jwks).await;
    linked_org(&app, "org_clerk_acme").await;
    let claims = v1_claims("user_ann", "org_clerk_acme", "org:admin");
    let with = |change: Value| {
        let mut claims = claims.clone();
        claims.as_object_mut().unwrap().extend(change.as_object().unwrap().clone());
        sign(&claims, Algorithm::RS256, Some("key-a"), RSA_A)
    };
    let refused = [
        ("expired", with(json!({"exp": NOW - 60})), "TOKEN_EXPIRED", "expired"),
        ("not yet valid", with(json!({"nbf": NOW + 60})), "INVALID_TOKEN", "`nbf`"),
        ("wrong issuer", with(json!({"iss": "https://evil.example"})), "INVALID_TOKEN", "`iss`"),
        ("no issuer", with(json!({"iss": null})), "INVALID_TOKEN", "`iss`"),
        ("wrong azp", with(json!({"azp": "https://evil.example"})), "INVALID_TOKEN", "`azp`"),
        ("bad signature", sign(&claims, Algorithm::RS256, Some("key-a"), RSA_B), "INVALID_TOKEN", "signature"),
        ("unknown kid", sign(&claims, Algorithm::RS256, Some("key-zzz"), RSA_A), "INVALID_TOKEN", "`kid`"),
        ("alg none", unsigned(&claims), "INVALID_TOKEN", "none"),
        ("HS256 with the public key as secret", hs256_with_public_key(&claims), "INVALID_TOKEN", "HS256"),
        ("HS256 with a JWKS symmetric key", hs256_with_jwks_secret(&claims), "INVALID_TOKEN", "HS256"),
        ("tampered payload", tampered(&with(json!({}))), "INVALID_TOKEN", "signature"),
        ("garbage", "abc.def.ghi".to_owned(), "INVALID_TOKEN", "Malformed"),
    ];
    for (case, token, code, reason) in refused {
        let body = expect_error(app.get("/v1/leads", &token).await, 401, code).await;
        assert!(body["error"].as_str().unwrap().contains(reason), "{case}: {body}");
        assert!(!body.to_string().contains(&token), "{case}: the token is never echoed");
    }

    // Within the leeway (5 s) a just-expired token still passes; the app's clock decides.
    let token = with(json!({"exp": NOW + 2}));
    assert_eq!(app.get("/v1/leads", &token).await.status(), 200);
    app.clock().advance(Duration::from_secs(8));
    let body = expect_error(app.get("/v1/leads", &token).await, 401, "TOKEN_EXPIRED").await;
    assert_eq!(body["error"], "This token has expired");
}

/// `{"alg": "none"}` and an empty signature.
fn unsigned(claims: &Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT","kid":"key-a"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    format!("{header}.{payload}.")
}

/// The classic confusion attack: HMAC keyed with the (public) RSA key.
fn hs256_with_public_key(claims: &Value) -> String {
    let header = Header { kid: Some("key-a".into()), ..Header::new(Algorithm::HS256) };
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(RSA_A_PUBLIC.as_bytes())).unwrap()
}

fn hs256_with_jwks_secret(claims: &Value) -> String {
    let header = Header { kid: Some("key-hmac".into()), ..Header::new(Algorithm::HS256) };
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(HMAC_SECRET)).unwrap()
}

/// The payload swapped for another organization's, keeping the signature.
fn tampered(token: &str) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    let payload = URL_SAFE_NO_PAD.encode(v1_claims("user_ann", "org_clerk_other", "org:admin").to_string());
    format!("{}.{payload}.{}", parts[0], parts[2])
}

#[tokio::test]
async fn organizations_must_be_active_and_linked() {
    let jwks = JwksServer::start(&[("rsa-a", "key-a")]).await;
    let app = spawn_jwt_app(&jwks).await;
    linked_org(&app, "org_clerk_acme").await;

    let mut no_org = v1_claims("user_ann", "", "");
    for claim in ["org_id", "org_role", "org_slug", "org_permissions"] {
        no_org.as_object_mut().unwrap().remove(claim);
    }
    let token = sign(&no_org, Algorithm::RS256, Some("key-a"), RSA_A);
    let body = expect_error(app.get("/v1/leads", &token).await, 403, "NO_ACTIVE_ORGANIZATION").await;
    assert!(body["error"].as_str().unwrap().contains("select an organization"), "{body}");

    let token = v1_token("user_ann", "org_clerk_unknown", "org:admin");
    let body = expect_error(app.get("/v1/leads", &token).await, 403, "ORGANIZATION_NOT_LINKED").await;
    assert!(body["error"].as_str().unwrap().contains("org_clerk_unknown"), "{body}");
}

#[tokio::test]
async fn roles_map_to_scopes() {
    let jwks = JwksServer::start(&[("rsa-a", "key-a")]).await;
    let app = spawn_jwt_app(&jwks).await;
    linked_org(&app, "org_clerk_acme").await;
    let member = v1_token("user_bob", "org_clerk_acme", "org:member");
    let viewer = v1_token("user_cy", "org_clerk_acme", "org:viewer");
    let admin = v1_token("user_ann", "org_clerk_acme", "org:admin");

    // Members read and write but cannot manage API keys (`admin`).
    let body =
        expect_error(app.post("/v1/keys", &member, &json!({"name": "mine"})).await, 403, "INSUFFICIENT_SCOPE").await;
    assert_eq!(body["error"], "Your role does not have the `admin` scope needed for this call", "{body}");
    // Any other role reads only.
    assert_eq!(app.get("/v1/leads", &viewer).await.status(), 200);
    expect_error(app.post("/v1/leads", &viewer, &json!({"name": "X"})).await, 403, "INSUFFICIENT_SCOPE").await;
    // Admins may create keys; the new key works for the same organization.
    let key = app.create("/v1/keys", &admin, &json!({"name": "from the app", "scopes": ["read:leads"]})).await;
    assert_eq!(app.get("/v1/leads", key["key"].as_str().unwrap()).await.status(), 200);
}

#[tokio::test]
async fn a_signed_in_user_creates_keys_only_within_their_roles_scopes() {
    let jwks = JwksServer::start(&[("rsa-a", "key-a")]).await;
    let app = spawn_jwt_app_with(&jwks, |s| {
        s.jwt.role_scopes.insert("org:keymaster".into(), List(vec!["admin".into(), "read:*".into()]));
    })
    .await;
    linked_org(&app, "org_clerk_acme").await;
    let keymaster = v1_token("user_kim", "org_clerk_acme", "org:keymaster");
    for scopes in [json!(["*"]), json!(["write:leads"]), json!(["write:*"])] {
        let body = expect_error(
            app.post("/v1/keys", &keymaster, &json!({"name": "escalate", "scopes": scopes})).await,
            403,
            "INSUFFICIENT_SCOPE",
        )
        .await;
        assert!(body["error"].as_str().unwrap().starts_with("Your role cannot grant"), "{body}");
    }
    let key = app.create("/v1/keys", &keymaster, &json!({"name": "reader", "scopes": ["read:leads", "admin"]})).await;
    assert_eq!(key["scopes"], json!(["read:leads", "admin"]));
    let copy = app.create("/v1/keys", &keymaster, &json!({"name": "like my role"})).await;
    assert_eq!(copy["scopes"], json!(["admin", "read:*"]));
}

#[tokio::test]
async fn unknown_kids_refetch_the_jwks_at_most_once_per_interval() {
    let jwks = JwksServer::start(&[("rsa-a", "key-a")]).await;
    let app = spawn_jwt_app(&jwks).await;
    linked_org(&app, "org_clerk_acme").await;
    assert_eq!(app.get("/v1/leads", &v1_token("user_ann", "org_clerk_acme", "org:admin")).await.status(), 200);
    assert_eq!(jwks.fetches(), 1);

    // The provider rotates to key B; a token signed with it is unknown until the next fetch,
    // which a flood of unknown kids cannot force more than once per `jwt_jwks_min_refetch`.
    jwks.serve(&[("rsa-a", "key-a"), ("rsa-b", "key-b")]);
    let rotated = sign(&v1_claims("user_ann", "org_clerk_acme", "org:admin"), Algorithm::RS256, Some("key-b"), RSA_B);
    for _ in 0..3 {
        expect_error(app.get("/v1/leads", &rotated).await, 401, "INVALID_TOKEN").await;
    }
    assert_eq!(jwks.fetches(), 1);
    app.clock().advance(Duration::from_secs(31));
    let token = sign(&v1_claims("user_ann", "org_clerk_acme", "org:admin"), Algorithm::RS256, Some("key-b"), RSA_B);
    assert_eq!(app.get("/v1/leads", &token).await.status(), 200);
    assert_eq!(jwks.fetches(), 2);
}

#[tokio::test]
async fn a_configured_pem_verifies_tokens_without_a_jwks() {
    let app = spawn_with(|s| {
        s.jwt.issuer = Some(ISSUER.into());
        s.jwt.public_key = Some(EC_PUBLIC.into());
    })
    .await;
    app.clock().freeze_at(NOW_MS);
    let acme = linked_org(&app, "org_clerk_acme").await;
    app.create("/v1/leads", &acme.key, &json!({"name": "Acme Lead", "source": "website"})).await;

    let token = sign(&v2_claims("user_ann", "org_clerk_acme", "admin"), Algorithm::ES256, None, EC);
    assert_eq!(lead_names(&app, &token).await, ["Acme Lead"]);
    let other_key = sign(&v1_claims("user_ann", "org_clerk_acme", "org:admin"), Algorithm::RS256, None, RSA_A);
    expect_error(app.get("/v1/leads", &other_key).await, 401, "INVALID_TOKEN").await;
}

#[tokio::test]
async fn jwts_are_refused_clearly_when_sign_in_with_jwt_is_off() {
    let app = spawn_with(|_| {}).await;
    let org = app.org(Plan::Grow).await;
    orgs::link(app.db(), &org.id, Some("org_clerk_acme")).await.unwrap();
    let body = expect_error(
        app.get("/v1/leads", &v1_token("user_ann", "org_clerk_acme", "org:admin")).await,
        401,
        "JWT_NOT_ENABLED",
    )
    .await;
    assert!(body["error"].as_str().unwrap().contains("not configured"), "{body}");
    // API keys work as before.
    assert_eq!(app.get("/v1/leads", &org.key).await.status(), 200);
}

#[tokio::test]
async fn an_unreachable_jwks_is_a_503_not_a_500() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://127.0.0.1:{}/jwks.json", listener.local_addr().unwrap().port());
    drop(listener);
    let app = spawn_with(move |s| {
        s.jwt.issuer = Some(ISSUER.into());
        s.jwt.jwks_url = Some(url);
    })
    .await;
    app.clock().freeze_at(NOW_MS);
    linked_org(&app, "org_clerk_acme").await;
    let token = v1_token("user_ann", "org_clerk_acme", "org:admin");
    expect_error(app.get("/v1/leads", &token).await, 503, "JWKS_UNAVAILABLE").await;
}

/// An app's requests cost one organization lookup per `api_key_cache_seconds`, like API keys;
/// a link removed elsewhere (here, as the CLI does) stops working within that time.
#[tokio::test]
async fn organization_links_are_trusted_for_the_key_cache_time() {
    let jwks = JwksServer::start(&[("rsa-a", "key-a")]).await;
    let app = spawn_jwt_app_with(&jwks, |s| s.api_key_cache_seconds = 2).await;
    let org = linked_org(&app, "org_clerk_acme").await;
    let token = v1_token("user_bob", "org_clerk_acme", "org:member");
    assert_eq!(app.get("/v1/leads", &token).await.status(), 200);

    orgs::link(app.db(), &org.id, None).await.expect("unlink");
    assert_eq!(app.get("/v1/leads", &token).await.status(), 200, "the link is trusted for 2 s");
    app.clock().advance(Duration::from_secs(2));
    expect_error(app.get("/v1/leads", &token).await, 403, "ORGANIZATION_NOT_LINKED").await;
}
