//! The state every handler and job shares ([`AppState`]): the settings, the database, the
//! rate limiter, the key cache, the JWT verifier, the webhook runtime, the secrets, the clock,
//! the metrics and the usage counts. It sits below everything that takes `State<AppState>`,
//! and above the
//! parts it holds, which never name it.

use std::net::SocketAddr;
use std::sync::Arc;

use crate::auth::cache::KeyCache;
use crate::auth::jwt::JwtVerifier;
use crate::config::Settings;
use crate::db::Db;
use crate::metrics::Metrics;
use crate::ratelimit::Limiter;
use crate::secrets::{KeySource, Secrets};
use crate::usage::Usage;
use crate::vocab::clock::Clock;
use crate::webhooks::runtime::Webhooks;

/// Shared state of a running server; cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    settings: Settings,
    db: Db,
    limiter: Limiter,
    key_cache: KeyCache,
    jwt: Option<JwtVerifier>,
    webhooks: Webhooks,
    secrets: Secrets,
    clock: Clock,
    metrics: Metrics,
    usage: Usage,
    public_url: String,
}

impl AppState {
    /// Everything but the HTTP listener. `bound` is the address the server listens on, when
    /// there is one (it may differ from `listen`'s port 0). The composition root
    /// ([`crate::app::state`]) makes it, and prepares the stored secrets for it.
    pub async fn new(settings: Settings, db: Db, clock: Clock, bound: Option<SocketAddr>) -> anyhow::Result<AppState> {
        // Deliveries and SMTP use rustls with ring; installing twice is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let limiter = Limiter::new(settings.redis_url.as_ref(), &settings.redis_key_prefix).await?;
        let key_cache = KeyCache::new(settings.api_key_cache_seconds);
        let jwt = JwtVerifier::from_settings(&settings)?;
        let webhooks = Webhooks::new(&settings)?;
        let secrets = Secrets::load(&settings)?;
        if let KeySource::File { path, created: true } = secrets.source() {
            tracing::warn!(
                path = %path.display(),
                "created a new secret key file: back it up; the webhook secrets in the database can only be read with it"
            );
        }
        let public_url = match &settings.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", bound.unwrap_or(settings.listen)),
        };
        let metrics = Metrics::default();
        Ok(AppState(Arc::new(Inner {
            settings,
            db,
            limiter,
            key_cache,
            jwt,
            webhooks,
            secrets,
            clock,
            metrics,
            usage: Usage::default(),
            public_url,
        })))
    }

    pub fn settings(&self) -> &Settings {
        &self.0.settings
    }

    pub fn db(&self) -> &Db {
        &self.0.db
    }

    pub fn limiter(&self) -> &Limiter {
        &self.0.limiter
    }

    pub fn webhooks(&self) -> &Webhooks {
        &self.0.webhooks
    }

    /// Seals and opens the secrets stored in the database.
    pub fn secrets(&self) -> &Secrets {
        &self.0.secrets
    }

    pub fn key_cache(&self) -> &KeyCache {
        &self.0.key_cache
    }

    pub fn clock(&self) -> &Clock {
        &self.0.clock
    }

    /// The JWT verifier, when sign-in with JWT is configured.
    pub fn jwt(&self) -> Option<&JwtVerifier> {
        self.0.jwt.as_ref()
    }

    pub fn metrics(&self) -> &Metrics {
        &self.0.metrics
    }

    /// API requests counted since the last flush (`crate::jobs::flush_usage`).
    pub fn usage(&self) -> &Usage {
        &self.0.usage
    }

    /// The base of absolute links to this server, without a trailing `/`: `public_url`, or
    /// `http://` and the address actually bound (so port 0 gives the real port).
    pub fn public_url(&self) -> &str {
        &self.0.public_url
    }
}
