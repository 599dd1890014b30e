//! Settings, layered as `config.default.toml` (embedded) < config file < `DATABASE_URL` /
//! `REDIS_URL` < `GABLE_*` environment variables < command-line flags, and validated once
//! at start. Secrets are [`SecretString`]s, so `Debug` output and logs never show them.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use figment::providers::{Env, Format, Serialized, Toml};
use figment::value::{Dict, Map};
use figment::{Figment, Metadata, Profile, Provider};
use ipnet::IpNet;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::vocab::plan::Plan;

/// The commented default configuration, also the documentation of every setting.
pub const DEFAULT_CONFIG: &str = include_str!("../config.default.toml");

/// The file read when no `--config` is given and it exists.
const LOCAL_CONFIG: &str = "gable.toml";

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub listen: SocketAddr,
    pub public_url: Option<String>,
    pub database_url: SecretString,
    pub database_max_connections: u32,
    /// PostgreSQL connections of the background jobs, beside the API's.
    pub database_job_connections: u32,
    pub redis_url: Option<SecretString>,
    pub redis_key_prefix: String,
    pub log_format: LogFormat,
    pub log_level: String,
    pub max_body_bytes: usize,
    pub idempotency_ttl_hours: u64,
    pub api_key_cache_seconds: u64,
    pub public_per_ip_per_minute: u64,
    /// Requests with a bad credential each client address may make per minute.
    pub auth_failures_per_ip_per_minute: u64,
    /// Proxies whose `X-Forwarded-For` names the client (public pages, failed authentication).
    pub trusted_proxies: List<IpNet>,
    /// Most a GraphQL document may cost (one per root field), and select in all.
    pub graphql_max_cost: u64,
    pub graphql_max_fields: u64,
    /// The bearer token `GET /metrics` requires; without one the metrics are not served.
    pub metrics_token: Option<SecretString>,
    pub features: Features,
    pub plans: Plans,
    #[serde(default)]
    pub rate_limit_classes: BTreeMap<String, RateLimitClass>,
    pub webhooks: WebhookSettings,
    pub smtp: SmtpSettings,
    pub ai: AiSettings,
    pub jwt: JwtSettings,
    pub console: ConsoleSettings,
    /// The master key that encrypts stored secrets (`src/secrets.rs`): 32 bytes in base64 or
    /// hex. Without it, the key is read from `secret_key_file` (created on first start).
    pub secret_key: Option<SecretString>,
    /// Where the master key is kept when `secret_key` is not set; by default `secret.key`
    /// next to the SQLite database (`data/secret.key`), or `data/secret.key` with PostgreSQL.
    pub secret_key_file: Option<PathBuf>,
    /// An earlier master key that values may still be encrypted under, during a rotation.
    pub secret_key_previous: Option<SecretString>,
}

/// `[webhooks]`: delivering events (`docs/webhooks.md`).
#[derive(Debug, Clone, Deserialize)]
pub struct WebhookSettings {
    /// Subnets exempt from the SSRF guard.
    pub allowed_subnets: List<IpNet>,
    pub require_https: bool,
    /// Delay before each retry; after the last, a delivery has failed for good.
    pub retry_schedule: List<Span>,
    pub timeout: Span,
    pub connect_timeout: Span,
    /// Consecutive failed attempts after which an endpoint is disabled.
    pub disable_after: u32,
    pub concurrency_per_endpoint: usize,
    pub max_in_flight: usize,
    pub retention_days: u64,
    /// `GET /api/events/stream`: open streams per key on one instance, their lifetime, and
    /// the heartbeat interval.
    pub stream_max_per_key: usize,
    pub stream_max_duration: Span,
    pub stream_heartbeat: Span,
}

/// `[smtp]`: mail to organization owners; without `url` it is stored and logged.
#[derive(Debug, Clone, Deserialize)]
pub struct SmtpSettings {
    pub url: Option<SecretString>,
    pub from: String,
}

/// `[ai]`: an OpenAI-compatible API base (`…/v1`) for the AI helpers' summaries; without
/// `url` the built-in writer is used.
#[derive(Debug, Clone, Deserialize)]
pub struct AiSettings {
    pub url: Option<String>,
    pub model: String,
    pub api_key: Option<SecretString>,
    pub timeout: Span,
}

/// `[jwt]`: sign-in with JWT (`docs/auth.md`), on when `jwks_url` or `public_key` is set.
#[derive(Debug, Clone, Deserialize)]
pub struct JwtSettings {
    pub issuer: Option<String>,
    pub jwks_url: Option<String>,
    /// A PEM public key (RSA or P-256) that signs tokens, instead of or beside the JWKS.
    pub public_key: Option<String>,
    pub audience: List<String>,
    pub authorized_parties: List<String>,
    pub leeway: Span,
    pub jwks_cache: Span,
    pub jwks_min_refetch: Span,
    /// Scopes of each organization role (`org:admin`, …); `*` is every other role.
    pub role_scopes: BTreeMap<String, List<String>>,
}

/// `[console]`: the web console's sessions, sign-in limits and roles (`docs/console.md`).
#[derive(Debug, Clone, Deserialize)]
pub struct ConsoleSettings {
    pub session_idle: Span,
    pub session_lifetime: Span,
    pub sign_in_per_ip_per_minute: u64,
    pub sign_in_failures_per_account_per_hour: u64,
    /// Scopes of each role (`owner`, `admin`, `developer`, `viewer`).
    pub role_scopes: BTreeMap<String, List<String>>,
}

/// The console's roles, most powerful first.
pub const CONSOLE_ROLES: [&str; 4] = ["owner", "admin", "developer", "viewer"];

impl JwtSettings {
    /// Whether requests may sign in with a JWT.
    pub fn enabled(&self) -> bool {
        self.jwks_url.is_some() || self.public_key.is_some()
    }
}

/// The sections whose settings keep their flat names too: `webhook_timeout` in a file and
/// `GABLE_WEBHOOK_TIMEOUT` in the environment are `[webhooks] timeout`.
const SECTIONS: [(&str, &str); 4] = [("webhook_", "webhooks"), ("jwt_", "jwt"), ("ai_", "ai"), ("smtp_", "smtp")];

/// A provider whose flat keys of a [`SECTIONS`] prefix are read as that section's.
struct Sectioned<P>(P);

impl<P: Provider> Provider for Sectioned<P> {
    fn metadata(&self) -> Metadata {
        self.0.metadata()
    }

    fn data(&self) -> Result<Map<Profile, Dict>, figment::Error> {
        let mut data = self.0.data()?;
        for dict in data.values_mut() {
            let flat: Vec<(String, &str, &str)> = dict
                .keys()
                .filter_map(|key| {
                    let (prefix, section) = SECTIONS.iter().find(|(prefix, _)| key.starts_with(prefix))?;
                    Some((key.clone(), *prefix, *section))
                })
                .collect();
            for (key, prefix, section) in flat {
                let Some(value) = dict.remove(&key) else { continue };
                let entry = dict.entry(section.to_owned()).or_insert_with(|| Dict::new().into());
                if let figment::value::Value::Dict(_, inner) = entry {
                    inner.insert(key[prefix.len()..].to_owned(), value);
                }
            }
        }
        Ok(data)
    }

    fn profile(&self) -> Option<Profile> {
        self.0.profile()
    }
}

/// A list given as a TOML array or as one comma-separated string (handy in environment
/// variables: `GABLE_WEBHOOK_ALLOWED_SUBNETS=127.0.0.0/8,10.0.0.0/8`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct List<T>(pub Vec<T>);

impl<'de, T> Deserialize<'de> for List<T>
where
    T: FromStr,
    T::Err: std::fmt::Display,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(Vec<String>),
        }
        let items = match Raw::deserialize(deserializer)? {
            Raw::One(text) => text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect(),
            Raw::Many(items) => items,
        };
        items
            .iter()
            .map(|item| item.parse::<T>().map_err(|e| serde::de::Error::custom(format!("`{item}`: {e}"))))
            .collect::<Result<Vec<T>, D::Error>>()
            .map(List)
    }
}

/// A duration written as `500ms`, `5s`, `1m`, `2h` or `1d` (a bare number is seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span(pub Duration);

impl FromStr for Span {
    type Err = String;

    fn from_str(text: &str) -> Result<Span, String> {
        let text = text.trim();
        let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let n: u64 = number.parse().map_err(|_| format!("`{text}` is not a duration like 5s, 1m, 2h"))?;
        let unit_ms: u64 = match unit.trim() {
            "ms" => 1,
            "" | "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            other => return Err(format!("unknown unit `{other}` in `{text}` (ms, s, m, h, d)")),
        };
        Ok(Span(Duration::from_millis(n.saturating_mul(unit_ms))))
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Seconds(u64),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Seconds(secs) => Ok(Span(Duration::from_secs(secs))),
            Raw::Text(text) => text.parse().map_err(serde::de::Error::custom),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// The plan each feature needs.
#[derive(Debug, Clone, Deserialize)]
pub struct Features {
    pub api: Plan,
    pub webhooks: Plan,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Plans {
    pub starter: PlanLimits,
    pub grow: PlanLimits,
    pub elite: PlanLimits,
}

impl Plans {
    pub fn limits(&self, plan: Plan) -> &PlanLimits {
        match plan {
            Plan::Starter => &self.starter,
            Plan::Grow => &self.grow,
            Plan::Elite => &self.elite,
        }
    }
}

/// Requests allowed per fixed window.
#[derive(Debug, Clone, Deserialize)]
pub struct PlanLimits {
    pub key_per_minute: u64,
    pub key_per_hour: u64,
    pub org_per_minute: u64,
}

/// A group of routes with its own quotas per key and per organization, counted in addition
/// to the plan's limits.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RateLimitClass {
    pub paths: Vec<String>,
    pub key_per_minute: Option<u64>,
    pub key_per_hour: Option<u64>,
    /// Across all of an organization's keys and users: more keys do not buy more calls.
    #[serde(default)]
    pub org_per_minute: Option<u64>,
    #[serde(default)]
    pub org_per_hour: Option<u64>,
}

/// Values given on the command line; they win over every other layer.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redis_url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {0} does not exist")]
    MissingFile(PathBuf),
    #[error("invalid configuration: {0}")]
    Invalid(String),
    #[error(transparent)]
    Figment(#[from] Box<figment::Error>),
}

impl Settings {
    /// Loads every layer. `file` is `--config`; without it `GABLE_CONFIG`, then `./gable.toml`
    /// if present.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Toml::string(DEFAULT_CONFIG));
        let file = file.map(Path::to_path_buf).or_else(|| std::env::var_os("GABLE_CONFIG").map(PathBuf::from));
        match file {
            Some(path) if !path.exists() => return Err(ConfigError::MissingFile(path)),
            Some(path) => figment = figment.merge(Sectioned(Toml::file(path))),
            None if Path::new(LOCAL_CONFIG).exists() => figment = figment.merge(Sectioned(Toml::file(LOCAL_CONFIG))),
            None => {}
        }
        let settings: Settings = figment
            .merge(Env::raw().only(&["database_url", "redis_url"]))
            .merge(Sectioned(Env::prefixed("GABLE_").split("__").ignore(&["config"])))
            .merge(Serialized::defaults(overrides))
            .extract()
            .map_err(Box::new)?;
        settings.validate()?;
        Ok(settings)
    }

    /// The defaults alone (no file, no environment): the base of test configurations.
    pub fn defaults() -> Settings {
        Figment::from(Toml::string(DEFAULT_CONFIG)).extract().expect("the embedded default configuration is valid")
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |msg: String| Err(ConfigError::Invalid(msg));
        let url = self.database_url.expose_secret();
        if !(url.starts_with("sqlite:") || url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return invalid("database_url must start with sqlite:, postgres:// or postgresql://".into());
        }
        if let Some(redis) = &self.redis_url
            && !redis.expose_secret().starts_with("redis://")
            && !redis.expose_secret().starts_with("rediss://")
        {
            return invalid("redis_url must start with redis:// or rediss://".into());
        }
        if self.public_per_ip_per_minute == 0 || self.auth_failures_per_ip_per_minute == 0 {
            return invalid("public_per_ip_per_minute and auth_failures_per_ip_per_minute must be positive".into());
        }
        if self.graphql_max_cost == 0 || self.graphql_max_fields == 0 {
            return invalid("graphql_max_cost and graphql_max_fields must be positive".into());
        }
        if self.max_body_bytes == 0 {
            return invalid("max_body_bytes must be positive".into());
        }
        for (plan, limits) in
            [("starter", &self.plans.starter), ("grow", &self.plans.grow), ("elite", &self.plans.elite)]
        {
            if limits.key_per_minute == 0 || limits.key_per_hour == 0 || limits.org_per_minute == 0 {
                return invalid(format!("plans.{plan}: every limit must be positive"));
            }
        }
        if self.webhooks.retry_schedule.0.is_empty() {
            return invalid("webhooks.retry_schedule needs at least one delay".into());
        }
        let hooks = &self.webhooks;
        if hooks.disable_after == 0 || hooks.concurrency_per_endpoint == 0 || hooks.max_in_flight == 0 {
            return invalid(
                "webhooks.disable_after, webhooks.concurrency_per_endpoint and webhooks.max_in_flight must be positive"
                    .into(),
            );
        }
        if hooks.timeout.0.is_zero() || hooks.connect_timeout.0.is_zero() {
            return invalid("webhook timeouts must be positive".into());
        }
        if hooks.stream_max_per_key == 0 || hooks.stream_max_duration.0.is_zero() || hooks.stream_heartbeat.0.is_zero()
        {
            return invalid(
                "webhooks.stream_max_per_key, webhooks.stream_max_duration and webhooks.stream_heartbeat must be positive"
                    .into(),
            );
        }
        if let Some(smtp) = &self.smtp.url
            && !["smtp://", "smtps://"].iter().any(|scheme| smtp.expose_secret().starts_with(scheme))
        {
            return invalid("smtp.url must start with smtp:// or smtps://".into());
        }
        if let Some(url) = &self.ai.url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return invalid("ai.url must start with http:// or https://".into());
        }
        if self.ai.timeout.0.is_zero() {
            return invalid("ai.timeout must be positive".into());
        }
        self.validate_jwt()?;
        self.validate_console()?;
        for (name, key) in [("secret_key", &self.secret_key), ("secret_key_previous", &self.secret_key_previous)] {
            if let Some(key) = key
                && let Err(err) = secret_key_bytes(key.expose_secret())
            {
                return invalid(format!("{name}: {err}"));
            }
        }
        for (name, class) in &self.rate_limit_classes {
            if class.paths.iter().any(|p| !p.starts_with('/')) {
                return invalid(format!("rate_limit_classes.{name}.paths must start with '/'"));
            }
            if [class.key_per_minute, class.key_per_hour, class.org_per_minute, class.org_per_hour].contains(&Some(0)) {
                return invalid(format!("rate_limit_classes.{name}: limits must be positive"));
            }
        }
        Ok(())
    }

    fn validate_console(&self) -> Result<(), ConfigError> {
        let invalid = |msg: String| Err(ConfigError::Invalid(msg));
        let console = &self.console;
        if console.session_idle.0.is_zero() || console.session_lifetime.0.is_zero() {
            return invalid("console.session_idle and console.session_lifetime must be positive".into());
        }
        if console.sign_in_per_ip_per_minute == 0 || console.sign_in_failures_per_account_per_hour == 0 {
            return invalid("console sign-in limits must be positive".into());
        }
        for role in CONSOLE_ROLES {
            let Some(scopes) = console.role_scopes.get(role) else {
                return invalid(format!("console.role_scopes needs an entry for `{role}`"));
            };
            if let Err(err) = crate::vocab::scope::Scopes::parse(scopes.0.iter().map(String::as_str)) {
                return invalid(format!("console.role_scopes.{role}: {err}"));
            }
        }
        if let Some(role) = console.role_scopes.keys().find(|role| !CONSOLE_ROLES.contains(&role.as_str())) {
            return invalid(format!("console.role_scopes.{role}: the roles are {}", CONSOLE_ROLES.join(", ")));
        }
        Ok(())
    }

    fn validate_jwt(&self) -> Result<(), ConfigError> {
        let invalid = |msg: String| Err(ConfigError::Invalid(msg));
        let jwt = &self.jwt;
        if let Some(url) = &jwt.jwks_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return invalid("jwt.jwks_url must start with https:// (or http://)".into());
        }
        if jwt.enabled() && jwt.issuer.as_deref().is_none_or(|iss| iss.trim().is_empty()) {
            return invalid(
                "jwt.issuer is required with jwt.jwks_url or jwt.public_key (tokens' `iss` must match it)".into(),
            );
        }
        if jwt.issuer.is_some() && !jwt.enabled() {
            return invalid(
                "jwt.issuer is set but neither jwt.jwks_url nor jwt.public_key: where do the keys come from?".into(),
            );
        }
        if jwt.jwks_cache.0.is_zero() {
            return invalid("jwt.jwks_cache must be positive".into());
        }
        if !jwt.role_scopes.contains_key("*") {
            return invalid("jwt.role_scopes needs a `*` entry (the scopes of every other role)".into());
        }
        for (role, scopes) in &jwt.role_scopes {
            if let Err(err) = crate::vocab::scope::Scopes::parse(scopes.0.iter().map(String::as_str)) {
                return invalid(format!("jwt.role_scopes.\"{role}\": {err}"));
            }
        }
        Ok(())
    }
}

/// The 32 bytes of a master key written as 64 hex digits or in base64 (surrounding
/// whitespace ignored): the form of `secret_key`, `secret_key_previous` and the key file.
pub fn secret_key_bytes(text: &str) -> Result<[u8; 32], String> {
    use base64::Engine;
    let text = text.trim();
    let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        hex::decode(text).ok()
    } else {
        base64::engine::general_purpose::STANDARD.decode(text).ok()
    };
    bytes
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| "a secret key must be 32 bytes, written in base64 or as 64 hex digits".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_are_valid() {
        let settings = Settings::defaults();
        settings.validate().unwrap();
        assert_eq!(settings.listen.port(), 8080);
        assert_eq!(settings.features.api, Plan::Grow);
        assert_eq!(settings.plans.grow.key_per_minute, 100);
        assert_eq!(settings.rate_limit_classes["ai"].key_per_hour, Some(10));
        assert_eq!(settings.rate_limit_classes["ai"].org_per_hour, Some(30));
        assert!(!settings.jwt.enabled());
        assert!(settings.trusted_proxies.0.is_empty(), "X-Forwarded-For is ignored unless configured");
        assert_eq!(settings.jwt.role_scopes["org:member"].0, ["read:*", "write:*"]);
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment::Jail fixes the closure's error type")]
    fn lists_and_spans_read_from_strings_and_arrays() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("GABLE_WEBHOOK_ALLOWED_SUBNETS", "127.0.0.0/8, 10.0.0.0/8");
            jail.set_env("GABLE_WEBHOOK_RETRY_SCHEDULE", "5s,1m,2h");
            jail.set_env("GABLE_WEBHOOK_TIMEOUT", "500ms");
            jail.set_env("GABLE_TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
            let settings = Settings::load(None, &Overrides::default()).unwrap();
            assert_eq!(settings.webhooks.allowed_subnets.0.len(), 2);
            assert_eq!(
                settings.trusted_proxies.0,
                ["127.0.0.1/32".parse::<IpNet>().unwrap(), "::1/128".parse().unwrap()]
            );
            let schedule: Vec<u64> = settings.webhooks.retry_schedule.0.iter().map(|s| s.0.as_secs()).collect();
            assert_eq!(schedule, [5, 60, 7200]);
            assert_eq!(settings.webhooks.timeout.0, Duration::from_millis(500));
            jail.set_env("GABLE_WEBHOOK_RETRY_SCHEDULE", "5 parsecs");
            assert!(Settings::load(None, &Overrides::default()).is_err());
            Ok(())
        });
        assert_eq!(Settings::defaults().webhooks.retry_schedule.0.len(), 9);
    }

    #[test]
    fn debug_output_redacts_secrets() {
        let mut settings = Settings::defaults();
        settings.database_url = SecretString::from("postgres://gable:hunter2@db/gable");
        settings.redis_url = Some(SecretString::from("redis://:sesame@cache"));
        settings.smtp.url = Some(SecretString::from("smtps://mailer:opensesame@mail.example:465"));
        settings.ai.api_key = Some(SecretString::from("sk-topsecret"));
        settings.metrics_token = Some(SecretString::from("scrape-me-secretly"));
        settings.secret_key = Some(SecretString::from("bWFzdGVyLWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE="));
        settings.secret_key_previous = Some(SecretString::from("cHJldmlvdXMta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXM="));
        settings.validate().unwrap();
        let debug = format!("{settings:?}");
        assert!(!debug.contains("bWFzdGVyLWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE="), "{debug}");
        assert!(!debug.contains("cHJldmlvdXMta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXM="), "{debug}");
        assert!(!debug.contains("sk-topsecret"), "{debug}");
        assert!(!debug.contains("scrape-me-secretly"), "{debug}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(!debug.contains("sesame"), "{debug}");
        assert!(!debug.contains("opensesame"), "{debug}");
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment::Jail fixes the closure's error type")]
    fn layers_apply_in_order() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("custom.toml", "listen = \"127.0.0.1:9000\"\nlog_format = \"json\"")?;
            jail.set_env("DATABASE_URL", "postgres://from-plain-env/db");
            jail.set_env("GABLE_LOG_FORMAT", "text");
            jail.set_env("GABLE_PLANS__ELITE__KEY_PER_MINUTE", "5000");
            let overrides = Overrides { redis_url: Some("redis://flag".into()), ..Overrides::default() };
            let settings = Settings::load(Some(Path::new("custom.toml")), &overrides).unwrap();
            assert_eq!(settings.listen.port(), 9000);
            assert_eq!(settings.log_format, LogFormat::Text);
            assert_eq!(settings.database_url.expose_secret(), "postgres://from-plain-env/db");
            assert_eq!(settings.plans.elite.key_per_minute, 5000);
            assert_eq!(settings.redis_url.unwrap().expose_secret(), "redis://flag");
            jail.set_env("GABLE_DATABASE_URL", "postgres://gable-env/db");
            let overrides = Overrides { database_url: Some("sqlite://flag.db".into()), ..Overrides::default() };
            let settings = Settings::load(Some(Path::new("custom.toml")), &overrides).unwrap();
            assert_eq!(settings.database_url.expose_secret(), "sqlite://flag.db");
            Ok(())
        });
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment::Jail fixes the closure's error type")]
    fn sections_read_their_flat_names_too() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("nested.toml", "[webhooks]\ntimeout = \"3s\"\n[smtp]\nfrom = \"Ops <ops@x.test>\"")?;
            let settings = Settings::load(Some(Path::new("nested.toml")), &Overrides::default()).unwrap();
            assert_eq!(settings.webhooks.timeout.0, Duration::from_secs(3));
            assert_eq!(settings.webhooks.retention_days, 30, "the section's other defaults stay");
            assert_eq!(settings.smtp.from, "Ops <ops@x.test>");

            jail.create_file("flat.toml", "webhook_timeout = \"4s\"\nai_model = \"local\"\njwt_leeway = \"9s\"")?;
            let settings = Settings::load(Some(Path::new("flat.toml")), &Overrides::default()).unwrap();
            assert_eq!(settings.webhooks.timeout.0, Duration::from_secs(4));
            assert_eq!(settings.ai.model, "local");
            assert_eq!(settings.jwt.leeway.0, Duration::from_secs(9));

            jail.set_env("GABLE_WEBHOOKS__CONNECT_TIMEOUT", "2s");
            jail.set_env("GABLE_SMTP_URL", "smtp://127.0.0.1:2525");
            jail.set_env("GABLE_JWT_ROLE_SCOPES__ORG:VIEWER", "read:properties");
            let settings = Settings::load(Some(Path::new("flat.toml")), &Overrides::default()).unwrap();
            assert_eq!(settings.webhooks.connect_timeout.0, Duration::from_secs(2));
            assert_eq!(settings.webhooks.timeout.0, Duration::from_secs(4));
            assert_eq!(settings.smtp.url.unwrap().expose_secret(), "smtp://127.0.0.1:2525");
            assert_eq!(settings.jwt.role_scopes["org:viewer"].0, ["read:properties"]);
            assert_eq!(settings.jwt.role_scopes["*"].0, ["read:*"]);
            Ok(())
        });
    }

    #[test]
    #[expect(clippy::result_large_err, reason = "figment::Jail fixes the closure's error type")]
    fn invalid_values_are_refused() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("GABLE_DATABASE_URL", "mysql://nope");
            let err = Settings::load(None, &Overrides::default()).unwrap_err();
            assert!(err.to_string().contains("database_url"), "{err}");
            jail.set_env("GABLE_DATABASE_URL", "sqlite://x.db");
            jail.set_env("GABLE_JWT_JWKS_URL", "https://clerk.example.com/.well-known/jwks.json");
            let err = Settings::load(None, &Overrides::default()).unwrap_err();
            assert!(err.to_string().contains("jwt.issuer is required"), "{err}");
            jail.set_env("GABLE_JWT_ISSUER", "https://clerk.example.com");
            assert!(Settings::load(None, &Overrides::default()).unwrap().jwt.enabled());
            jail.set_env("GABLE_SECRET_KEY", "dG9vIHNob3J0");
            let err = Settings::load(None, &Overrides::default()).unwrap_err();
            assert!(err.to_string().contains("secret_key: a secret key must be 32 bytes"), "{err}");
            assert!(!err.to_string().contains("dG9vIHNob3J0"), "{err}");
            Ok(())
        });
    }
}
