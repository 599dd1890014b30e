//! Sign-in with JWT for apps (Clerk session tokens and the like), beside API keys.
//!
//! A bearer token shaped like a JWT (three dot-separated parts) is verified here: RS256 or
//! ES256 only (never `none` or HMAC, so a public key cannot be used as a shared secret), by
//! a key from the configured JWKS (looked up by `kid`, cached, fetched again when a token
//! names an unknown `kid` but at most once per `jwt_jwks_min_refetch`) or the configured PEM.
//! `iss` must be `jwt_issuer`; `exp` and `nbf` are checked against the app's [`Clock`] with
//! `jwt_leeway`; `aud` and `azp` when configured. The token's active organization (Clerk v1
//! `org_id`/`org_role`, or v2 `o.id`/`o.rol`) must be linked to a Gable organization
//! (`organizations.external_org_id`); its role gives the scopes (`jwt_role_scopes`).
//! The caller's principal is `user:<sub>`: rate limits count per user as they count per key.
//! Tokens are never logged. See `docs/auth.md`.
//!
//! [`Clock`]: crate::vocab::clock::Clock

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::http::StatusCode;
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, KeyAlgorithm, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey, Validation, errors::ErrorKind};
use serde::Deserialize;

use super::cache::TtlCache;
use crate::config::{ConfigError, Settings};
use crate::db::proof::ActingOrg;
use crate::vocab::error::ApiError;
use crate::vocab::scope::Scopes;

/// Whether a bearer token is shaped like a JWT (and so is not an API key).
pub fn looks_like_jwt(token: &str) -> bool {
    !token.starts_with(super::api_key::PREFIX) && token.split('.').count() == 3
}

/// What a verified token says about its caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub subject: String,
    /// The active organization, if the user has selected one.
    pub org: Option<OrgClaim>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgClaim {
    /// The identity provider's organization id (Clerk `org_…`).
    pub id: String,
    /// The role, always with the `org:` prefix (`org:admin`), empty when the token has none.
    pub role: String,
}

/// Why a token was refused: each is a 401, except keys that cannot be fetched (503).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum JwtError {
    #[error("Malformed token")]
    Malformed,
    #[error("Tokens signed with {0} are not accepted (RS256 or ES256 only)")]
    Algorithm(String),
    #[error("The token's signing key (`kid`) is not a known key")]
    UnknownKey,
    #[error("Invalid token signature")]
    Signature,
    #[error("This token has expired")]
    Expired,
    #[error("This token is not valid yet (`nbf`)")]
    NotYetValid,
    #[error("The token's issuer (`iss`) is not accepted")]
    Issuer,
    #[error("The token's audience (`aud`) is not accepted")]
    Audience,
    #[error("The token's authorized party (`azp`) is not accepted")]
    AuthorizedParty,
    #[error("The token has no `{0}` claim")]
    MissingClaim(String),
    #[error("The signing keys cannot be fetched right now; try again shortly")]
    KeysUnavailable,
}

impl From<JwtError> for ApiError {
    fn from(err: JwtError) -> Self {
        let message = err.to_string();
        match err {
            JwtError::Expired => ApiError::unauthorized("TOKEN_EXPIRED", message),
            JwtError::KeysUnavailable => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "JWKS_UNAVAILABLE", message),
            _ => ApiError::unauthorized("INVALID_TOKEN", message),
        }
    }
}

/// A key that may sign tokens, and the one algorithm it is accepted with.
struct Key {
    kid: Option<String>,
    alg: Algorithm,
    decoding: DecodingKey,
}

impl Key {
    fn from_pem(pem: &str) -> Result<Key, ConfigError> {
        let (alg, decoding) = match DecodingKey::from_rsa_pem(pem.as_bytes()) {
            Ok(key) => (Algorithm::RS256, key),
            Err(_) => (
                Algorithm::ES256,
                DecodingKey::from_ec_pem(pem.as_bytes()).map_err(|_| {
                    ConfigError::Invalid("jwt_public_key is not a PEM RSA or EC P-256 public key".into())
                })?,
            ),
        };
        Ok(Key { kid: None, alg, decoding })
    }

    /// A JWKS entry, if it is a signing key of an accepted kind.
    fn from_jwk(jwk: &Jwk) -> Option<Key> {
        if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption)) {
            return None;
        }
        let alg = match (&jwk.algorithm, jwk.common.key_algorithm) {
            (AlgorithmParameters::RSA(_), None | Some(KeyAlgorithm::RS256)) => Algorithm::RS256,
            (AlgorithmParameters::EllipticCurve(ec), None | Some(KeyAlgorithm::ES256))
                if ec.curve == EllipticCurve::P256 =>
            {
                Algorithm::ES256
            }
            _ => return None,
        };
        let decoding = DecodingKey::from_jwk(jwk).ok()?;
        Some(Key { kid: jwk.common.key_id.clone(), alg, decoding })
    }

    /// A key without a `kid` (a configured PEM) may sign any token.
    fn matches(&self, kid: Option<&str>) -> bool {
        self.kid.is_none() || kid.is_none() || self.kid.as_deref() == kid
    }
}

/// The claims read from a token (registered claims are checked by `jsonwebtoken` first).
#[derive(Deserialize)]
struct Claims {
    sub: String,
    /// Whole seconds: `jsonwebtoken` already refuses other `exp` values.
    exp: i64,
    nbf: Option<i64>,
    azp: Option<String>,
    /// Clerk session token v1.
    org_id: Option<String>,
    org_role: Option<String>,
    /// Clerk session token v2 (`"v": 2`).
    o: Option<OrgV2>,
}

#[derive(Deserialize)]
struct OrgV2 {
    id: String,
    rol: Option<String>,
}

pub struct JwtVerifier {
    issuer: String,
    audience: Vec<String>,
    authorized_parties: Vec<String>,
    leeway_secs: i64,
    static_keys: Vec<Arc<Key>>,
    jwks: Option<Jwks>,
    role_scopes: BTreeMap<String, Scopes>,
    /// Organizations found by their identity-provider id, trusted for `api_key_cache_seconds`
    /// like API keys: a busy app costs one lookup every few seconds instead of one per request,
    /// and a link or plan changed elsewhere (the CLI, another instance) applies within that time.
    /// Only found organizations are kept, so a new link works at once.
    /// Identity providers' organizations linked to organizations here, as looked up.
    pub(super) links: TtlCache<ActingOrg>,
}

impl JwtVerifier {
    /// The verifier the settings describe, or `None` when sign-in with JWT is off.
    pub fn from_settings(settings: &Settings) -> Result<Option<JwtVerifier>, ConfigError> {
        if !settings.jwt.enabled() {
            return Ok(None);
        }
        let static_keys = match &settings.jwt.public_key {
            Some(pem) => vec![Arc::new(Key::from_pem(pem)?)],
            None => Vec::new(),
        };
        let jwks = match &settings.jwt.jwks_url {
            Some(url) => Some(Jwks::new(url, settings)?),
            None => None,
        };
        let mut role_scopes = BTreeMap::new();
        for (role, scopes) in &settings.jwt.role_scopes {
            let scopes = Scopes::parse(scopes.0.iter().map(String::as_str))
                .map_err(|err| ConfigError::Invalid(format!("jwt_role_scopes.\"{role}\": {err}")))?;
            role_scopes.insert(role.clone(), scopes);
        }
        Ok(Some(JwtVerifier {
            issuer: settings.jwt.issuer.clone().ok_or_else(|| ConfigError::Invalid("jwt_issuer is required".into()))?,
            audience: settings.jwt.audience.0.clone(),
            authorized_parties: settings.jwt.authorized_parties.0.clone(),
            leeway_secs: i64::try_from(settings.jwt.leeway.0.as_secs()).unwrap_or(i64::MAX),
            static_keys,
            jwks,
            role_scopes,
            links: TtlCache::new(settings.api_key_cache_seconds),
        }))
    }

    /// Drops stale organization links (periodic housekeeping).
    pub fn purge(&self, now_ms: i64) {
        self.links.purge(now_ms);
    }

    /// The scopes of an organization role: its `jwt_role_scopes` entry, or the `*` entry.
    pub fn scopes_for(&self, role: &str) -> Scopes {
        self.role_scopes.get(role).or_else(|| self.role_scopes.get("*")).cloned().unwrap_or_default()
    }

    /// Verifies a token's signature and claims at `now_ms`.
    pub async fn verify(&self, token: &str, now_ms: i64) -> Result<Verified, JwtError> {
        // `"alg": "none"` and other names this crate does not know fail to parse.
        let header = jsonwebtoken::decode_header(token).map_err(|_| match algorithm_name(token) {
            Some(alg) if alg != "RS256" && alg != "ES256" => JwtError::Algorithm(alg),
            _ => JwtError::Malformed,
        })?;
        if !matches!(header.alg, Algorithm::RS256 | Algorithm::ES256) {
            return Err(JwtError::Algorithm(format!("{:?}", header.alg)));
        }
        let kid = header.kid.as_deref();
        let mut candidates = match &self.jwks {
            Some(jwks) => jwks.keys_for(kid, now_ms).await?,
            None => Vec::new(),
        };
        candidates.extend(self.static_keys.iter().filter(|key| key.matches(kid)).cloned());
        candidates.retain(|key| key.alg == header.alg);
        if candidates.is_empty() {
            return Err(JwtError::UnknownKey);
        }
        let mut claims = None;
        for key in &candidates {
            match jsonwebtoken::decode::<Claims>(token, &key.decoding, &self.validation(key.alg)) {
                Ok(data) => {
                    claims = Some(data.claims);
                    break;
                }
                Err(err) if matches!(err.kind(), ErrorKind::InvalidSignature) => {}
                Err(err) => return Err(classify(&err)),
            }
        }
        let claims = claims.ok_or(JwtError::Signature)?;
        self.check_claims(claims, now_ms)
    }

    fn validation(&self, alg: Algorithm) -> Validation {
        let mut validation = Validation::new(alg);
        // Time is the app's clock (tests move it), checked in `check_claims`.
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.set_required_spec_claims(&["exp", "iss", "sub"]);
        validation.set_issuer(&[&self.issuer]);
        validation.validate_aud = !self.audience.is_empty();
        if !self.audience.is_empty() {
            validation.set_audience(&self.audience);
        }
        validation
    }

    fn check_claims(&self, claims: Claims, now_ms: i64) -> Result<Verified, JwtError> {
        let now = now_ms.div_euclid(1000);
        let leeway = self.leeway_secs;
        if now >= claims.exp.saturating_add(leeway) {
            return Err(JwtError::Expired);
        }
        if claims.nbf.is_some_and(|nbf| now.saturating_add(leeway) < nbf) {
            return Err(JwtError::NotYetValid);
        }
        // As Clerk's SDKs do: a token without `azp` (no browser origin: mobile apps) passes.
        if !self.authorized_parties.is_empty()
            && let Some(azp) = &claims.azp
            && !self.authorized_parties.contains(azp)
        {
            return Err(JwtError::AuthorizedParty);
        }
        if claims.sub.is_empty() {
            return Err(JwtError::MissingClaim("sub".into()));
        }
        let org = match (claims.o, claims.org_id) {
            (Some(v2), _) => Some(OrgClaim { id: v2.id, role: org_role(v2.rol.as_deref()) }),
            (None, Some(id)) => Some(OrgClaim { id, role: org_role(claims.org_role.as_deref()) }),
            (None, None) => None,
        };
        Ok(Verified { subject: claims.sub, org: org.filter(|org| !org.id.is_empty()) })
    }
}

/// Clerk v2 tokens carry the role without its `org:` prefix (`admin`); v1 tokens with it.
fn org_role(role: Option<&str>) -> String {
    match role {
        None | Some("") => String::new(),
        Some(role) if role.starts_with("org:") => role.to_owned(),
        Some(role) => format!("org:{role}"),
    }
}

/// The `alg` of a token whose header names one this crate does not know (e.g. `none`).
fn algorithm_name(token: &str) -> Option<String> {
    use base64::Engine;
    let header = token.split('.').next()?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(header).ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let alg = value.get("alg")?.as_str()?;
    Some(alg.chars().take(16).collect())
}

fn classify(err: &jsonwebtoken::errors::Error) -> JwtError {
    match err.kind() {
        ErrorKind::InvalidSignature => JwtError::Signature,
        ErrorKind::InvalidAlgorithm => JwtError::Algorithm("a different algorithm than its key".into()),
        ErrorKind::InvalidIssuer => JwtError::Issuer,
        ErrorKind::InvalidAudience => JwtError::Audience,
        ErrorKind::MissingRequiredClaim(claim) => JwtError::MissingClaim(claim.clone()),
        ErrorKind::ExpiredSignature => JwtError::Expired,
        ErrorKind::ImmatureSignature => JwtError::NotYetValid,
        _ => JwtError::Malformed,
    }
}

/// Keys fetched from a JWKS URL.
struct Jwks {
    url: String,
    client: reqwest::Client,
    cache_ms: i64,
    min_refetch_ms: i64,
    current: RwLock<Arc<KeySet>>,
    /// Held while fetching (one fetch at a time); the time of the last attempt.
    last_attempt_ms: tokio::sync::Mutex<Option<i64>>,
}

#[derive(Default)]
struct KeySet {
    keys: Vec<Arc<Key>>,
    /// When these keys were fetched; `None` before the first successful fetch.
    fetched_at_ms: Option<i64>,
}

/// Why fetching the JWKS failed (logged; the keys already known stay in use).
#[derive(Debug, thiserror::Error)]
enum FetchError {
    #[error(transparent)]
    Http(#[from] reqwest::Error),
    #[error("status {0}")]
    Status(u16),
    #[error("the JWKS is larger than {MAX_JWKS_BYTES} bytes")]
    TooLarge,
    #[error("not a JWKS (`{{\"keys\": [...]}}`): {0}")]
    Json(#[from] serde_json::Error),
}

/// A JWKS larger than this is refused (Clerk's has a handful of keys).
const MAX_JWKS_BYTES: usize = 256 * 1024;

impl Jwks {
    fn new(url: &str, settings: &Settings) -> Result<Jwks, ConfigError> {
        // reqwest has no default TLS provider; the server installs ring at start, and so does
        // this (installing twice is harmless), so building a verifier elsewhere cannot panic.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .user_agent(concat!("Gable/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|err| ConfigError::Invalid(format!("jwt_jwks_url: cannot build its HTTP client: {err}")))?;
        let ms = |span: Duration| i64::try_from(span.as_millis()).unwrap_or(i64::MAX);
        Ok(Jwks {
            url: url.to_owned(),
            client,
            cache_ms: ms(settings.jwt.jwks_cache.0),
            min_refetch_ms: ms(settings.jwt.jwks_min_refetch.0),
            current: RwLock::default(),
            last_attempt_ms: tokio::sync::Mutex::new(None),
        })
    }

    fn current(&self) -> Arc<KeySet> {
        self.current.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn find(set: &KeySet, kid: Option<&str>) -> Vec<Arc<Key>> {
        set.keys.iter().filter(|key| key.matches(kid)).cloned().collect()
    }

    /// The keys that may have signed a token with this `kid`: from the cache while it is
    /// fresh and knows the `kid`; otherwise fetched again, at most once per `min_refetch`
    /// (a failed fetch keeps the keys already known).
    async fn keys_for(&self, kid: Option<&str>, now_ms: i64) -> Result<Vec<Arc<Key>>, JwtError> {
        let fresh = |set: &KeySet| set.fetched_at_ms.is_some_and(|at| now_ms - at < self.cache_ms);
        let set = self.current();
        let found = Self::find(&set, kid);
        if fresh(&set) && !found.is_empty() {
            return Ok(found);
        }
        let mut last_attempt = self.last_attempt_ms.lock().await;
        // Another request may have fetched while this one waited.
        let set = self.current();
        let found = Self::find(&set, kid);
        if fresh(&set) && !found.is_empty() {
            return Ok(found);
        }
        if last_attempt.is_none_or(|at| now_ms - at >= self.min_refetch_ms) {
            *last_attempt = Some(now_ms);
            match self.fetch().await {
                Ok(keys) => {
                    tracing::info!(url = %self.url, keys = keys.len(), "fetched the JWT signing keys");
                    let set = Arc::new(KeySet { keys, fetched_at_ms: Some(now_ms) });
                    *self.current.write().unwrap_or_else(|p| p.into_inner()) = set;
                }
                Err(err) => tracing::warn!(url = %self.url, error = %err, "could not fetch the JWT signing keys"),
            }
        }
        let set = self.current();
        if set.fetched_at_ms.is_none() {
            return Err(JwtError::KeysUnavailable);
        }
        Ok(Self::find(&set, kid))
    }

    async fn fetch(&self) -> Result<Vec<Arc<Key>>, FetchError> {
        #[derive(Deserialize)]
        struct Set {
            keys: Vec<serde_json::Value>,
        }
        let response = self.client.get(&self.url).send().await.map_err(reqwest::Error::without_url)?;
        let status = response.status();
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        if response.content_length().is_some_and(|len| len > MAX_JWKS_BYTES as u64) {
            return Err(FetchError::TooLarge);
        }
        let body = response.bytes().await.map_err(reqwest::Error::without_url)?;
        if body.len() > MAX_JWKS_BYTES {
            return Err(FetchError::TooLarge);
        }
        let set: Set = serde_json::from_slice(&body)?;
        // Keys of other kinds (encryption keys, other curves) are skipped, not fatal.
        Ok(set
            .keys
            .into_iter()
            .filter_map(|value| serde_json::from_value::<Jwk>(value).ok())
            .filter_map(|jwk| Key::from_jwk(&jwk).map(Arc::new))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jwt_shape_is_three_parts_and_not_an_api_key() {
        assert!(looks_like_jwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln"));
        assert!(looks_like_jwt("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0."));
        assert!(!looks_like_jwt("gbl_live_abc.def.ghi"));
        assert!(!looks_like_jwt("gbl_live_0123456789abcdefghijklmnopqrstuvwx"));
        assert!(!looks_like_jwt("a.b"));
    }

    #[test]
    fn roles_get_the_org_prefix() {
        assert_eq!(org_role(Some("admin")), "org:admin");
        assert_eq!(org_role(Some("org:member")), "org:member");
        assert_eq!(org_role(None), "");
    }

    #[test]
    fn a_bad_public_key_is_a_configuration_error() {
        let mut settings = Settings::defaults();
        settings.jwt.issuer = Some("https://issuer.example".into());
        settings.jwt.public_key = Some("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----".into());
        let err = JwtVerifier::from_settings(&settings).err().expect("refused");
        assert!(err.to_string().contains("jwt_public_key"), "{err}");
    }

    #[test]
    fn role_scopes_default_to_the_star_entry() {
        let mut settings = Settings::defaults();
        settings.jwt.issuer = Some("https://issuer.example".into());
        settings.jwt.jwks_url = Some("https://issuer.example/.well-known/jwks.json".into());
        let verifier = JwtVerifier::from_settings(&settings).unwrap().unwrap();
        assert_eq!(verifier.scopes_for("org:admin").to_stored(), "*");
        assert_eq!(verifier.scopes_for("org:member").to_stored(), "read:* write:*");
        assert_eq!(verifier.scopes_for("org:billing").to_stored(), "read:*");
        assert_eq!(verifier.scopes_for("").to_stored(), "read:*");
    }
}
