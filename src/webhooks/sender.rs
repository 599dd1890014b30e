//! One delivery attempt over HTTP: the envelope, the headers, the signature, the timeout, and
//! what came back. The client never follows redirects (a redirect could point anywhere) and
//! connects only to addresses the SSRF guard allows.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Client, StatusCode};
use serde::Serialize;

use super::signing::{self, Scheme};
use super::ssrf::{AddressPolicy, GuardedResolver};
use crate::config::Settings;
use crate::vocab::values::Timestamp;

/// The most of a response body kept in the attempt log.
pub const MAX_LOGGED_BODY: usize = 4096;

/// The union of the three documented envelopes: Aureum's `event`/`timestamp`/`data`,
/// Aptoria's `event`/`delivered_at`/`organization_id`/`payload`, plus the event `id`.
#[derive(Debug, Serialize)]
pub struct Envelope<'a> {
    pub id: &'a str,
    pub event: &'a str,
    pub timestamp: Timestamp,
    pub delivered_at: Timestamp,
    pub organization_id: &'a str,
    pub data: &'a serde_json::value::RawValue,
    pub payload: &'a serde_json::value::RawValue,
}

/// Where and how to send.
pub struct Target<'a> {
    pub url: &'a str,
    pub scheme: Scheme,
    pub signature_header: Option<&'a str>,
    pub headers: &'a BTreeMap<String, String>,
    /// The current secret first, then the previous one while it still signs.
    pub secrets: Vec<&'a str>,
}

/// What one attempt came to.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub success: bool,
    pub status_code: Option<u16>,
    pub latency_ms: i64,
    pub response_body: Option<String>,
    pub error: Option<String>,
    /// `Retry-After` of a 429 or 503, in seconds.
    #[serde(skip)]
    pub retry_after: Option<u64>,
    /// The headers sent, as a JSON object (custom headers' values replaced: they may be
    /// credentials, and attempts are not stored encrypted).
    #[serde(skip)]
    pub request_headers: Option<String>,
    /// The first headers of the response, as a JSON object.
    #[serde(skip)]
    pub response_headers: Option<String>,
}

/// At most this many response headers are kept with an attempt.
const MAX_LOGGED_HEADERS: usize = 32;

/// Headers as a JSON object (`{"content-type": "application/json"}`); repeated names keep the
/// last value, values that are not text are left out.
fn headers_json<'a>(headers: impl Iterator<Item = (&'a str, String)>) -> String {
    let map: serde_json::Map<String, serde_json::Value> = headers
        .take(MAX_LOGGED_HEADERS)
        .map(|(name, value)| (name.to_owned(), serde_json::Value::String(value)))
        .collect();
    serde_json::Value::Object(map).to_string()
}

impl Outcome {
    pub fn gone(&self) -> bool {
        self.status_code == Some(StatusCode::GONE.as_u16())
    }
}

pub fn user_agent() -> String {
    format!("Gable-Webhooks/{}", env!("CARGO_PKG_VERSION"))
}

/// The HTTP client deliveries go through.
pub fn client(settings: &Settings, policy: Arc<AddressPolicy>) -> reqwest::Result<Client> {
    Client::builder()
        .user_agent(user_agent())
        .connect_timeout(settings.webhooks.connect_timeout.0)
        .timeout(settings.webhooks.timeout.0)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .pool_max_idle_per_host(settings.webhooks.concurrency_per_endpoint)
        .dns_resolver(Arc::new(GuardedResolver(policy)))
        .build()
}

/// Sends one signed attempt. The URL's literal IP (which skips the resolver) is checked here.
pub async fn send(
    client: &Client,
    policy: &AddressPolicy,
    target: &Target<'_>,
    message_id: &str,
    body: &[u8],
    now: Timestamp,
) -> Outcome {
    let started = Instant::now();
    let failed = |error: String, started: Instant| Outcome {
        success: false,
        status_code: None,
        latency_ms: elapsed_ms(started),
        response_body: None,
        error: Some(error),
        retry_after: None,
        request_headers: None,
        response_headers: None,
    };
    let url = match policy.parse(target.url) {
        Ok(url) => url,
        Err(e) => return failed(e, started),
    };
    if let Some(ip) = url.host_str().and_then(|h| h.trim_start_matches('[').trim_end_matches(']').parse().ok())
        && !policy.allows(ip)
    {
        return failed(format!("{ip} is not a public address"), started);
    }
    let mut headers = HeaderMap::new();
    for (name, value) in target.headers {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name.as_str()), HeaderValue::try_from(value.as_str())) {
            headers.insert(name, value);
        }
    }
    headers.insert(reqwest::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Ok(id) = HeaderValue::try_from(message_id) {
        headers.insert(HeaderName::from_static("webhook-id"), id);
    }
    let timestamp = now.ms() / 1000;
    for (name, value) in
        signing::sign(target.scheme, target.signature_header, &target.secrets, message_id, timestamp, body)
    {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            headers.insert(name, value);
        }
    }
    let custom: Vec<&str> = target.headers.keys().map(String::as_str).collect();
    let request_headers = headers_json(headers.iter().map(|(name, value)| {
        let custom = custom.iter().any(|c| c.eq_ignore_ascii_case(name.as_str()));
        let shown =
            if custom { "(custom header: not stored)".to_owned() } else { value.to_str().unwrap_or("").to_owned() };
        (name.as_str(), shown)
    }));
    let response = match client.post(url).headers(headers).body(body.to_vec()).send().await {
        Ok(response) => response,
        Err(err) => {
            let mut outcome = failed(describe(&err), started);
            outcome.request_headers = Some(request_headers);
            return outcome;
        }
    };
    let response_headers = headers_json(
        response.headers().iter().filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?.to_owned()))),
    );
    let status = response.status();
    let retry_after = matches!(status, StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE)
        .then(|| response.headers().get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim().parse::<u64>().ok())
        .flatten();
    let (response_body, read_error) = read_prefix(response, MAX_LOGGED_BODY).await;
    Outcome {
        success: status.is_success() && read_error.is_none(),
        status_code: Some(status.as_u16()),
        latency_ms: elapsed_ms(started),
        response_body: Some(response_body),
        error: read_error.or_else(|| (!status.is_success()).then(|| format!("HTTP {status}"))),
        retry_after,
        request_headers: Some(request_headers),
        response_headers: Some(response_headers),
    }
}

/// Up to `limit` bytes of the body (as text); the rest is not waited for.
async fn read_prefix(mut response: reqwest::Response, limit: usize) -> (String, Option<String>) {
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                bytes.extend_from_slice(&chunk[..chunk.len().min(limit - bytes.len())]);
                if bytes.len() >= limit {
                    break;
                }
            }
            Ok(None) => break,
            Err(err) => return (String::from_utf8_lossy(&bytes).into_owned(), Some(describe(&err))),
        }
    }
    (String::from_utf8_lossy(&bytes).into_owned(), None)
}

fn describe(err: &reqwest::Error) -> String {
    let kind = if err.is_timeout() {
        "timed out"
    } else if err.is_connect() {
        "could not connect"
    } else if err.is_body() || err.is_decode() {
        "broken response"
    } else {
        "request failed"
    };
    let mut message = format!("{kind}: {err}");
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    message
}

fn elapsed_ms(started: Instant) -> i64 {
    i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX)
}

/// The delay before the next attempt after `attempts` failed ones, with ±20% jitter; `None`
/// when the schedule is exhausted. A `Retry-After` (seconds) stretches the delay, up to six
/// hours, but never shortens it.
pub fn next_delay(
    schedule: &[Duration],
    attempts: u32,
    retry_after: Option<u64>,
    jitter_unit: f64,
) -> Option<Duration> {
    let base = *schedule.get(usize::try_from(attempts).ok()?.checked_sub(1)?)?;
    let factor = 0.8 + 0.4 * jitter_unit.clamp(0.0, 1.0);
    let jittered = base.mul_f64(factor);
    let asked = retry_after.map(|secs| Duration::from_secs(secs.min(6 * 3600))).unwrap_or_default();
    Some(jittered.max(asked))
}

/// A uniform number in [0, 1) for jitter.
pub fn jitter() -> f64 {
    getrandom::u32().map_or(0.5, |n| f64::from(n) / (f64::from(u32::MAX) + 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_follow_the_schedule_with_jitter_and_retry_after() {
        let schedule = [Duration::from_secs(5), Duration::from_secs(60)];
        assert_eq!(next_delay(&schedule, 1, None, 0.5), Some(Duration::from_secs(5)));
        assert_eq!(next_delay(&schedule, 1, None, 0.0), Some(Duration::from_secs(4)));
        assert_eq!(next_delay(&schedule, 2, None, 1.0), Some(Duration::from_secs(72)));
        assert_eq!(next_delay(&schedule, 3, None, 0.5), None, "schedule exhausted");
        assert_eq!(next_delay(&schedule, 1, Some(30), 0.5), Some(Duration::from_secs(30)));
        assert_eq!(next_delay(&schedule, 2, Some(1), 0.5), Some(Duration::from_secs(60)), "never shorter");
        assert_eq!(next_delay(&schedule, 1, Some(1_000_000), 0.5), Some(Duration::from_secs(6 * 3600)));
    }
}
