//! `gable listen`: forwards an organization's live events (`GET /api/events/stream`, see
//! `super::stream`) to a local URL as signed webhook deliveries, like `stripe listen`, so a
//! receiver can be developed without a public address. The signing secret is derived from the
//! API key, so it stays the same across restarts with that key; deliveries are signed and sent
//! by the same code as real ones (`sender::send`). On a dropped or ended stream it reconnects
//! with `Last-Event-ID`: no event is lost or forwarded twice.

use std::time::Duration;

use anyhow::{Context, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use reqwest::StatusCode;
use sha2::Sha256;

use super::sender::{self, Target};
use super::signing::{self, Scheme};
use super::ssrf::AddressPolicy;
use crate::vocab::values::Timestamp;

/// What to listen to and where to forward it.
#[derive(Debug, Clone)]
pub struct Listen {
    /// The server, e.g. `http://127.0.0.1:8080`.
    pub api_url: String,
    pub key: String,
    /// Where each event is POSTed.
    pub forward_to: String,
    /// Only these event types; every type the key may read when empty.
    pub events: Vec<String>,
    pub scheme: Scheme,
    /// The HMAC schemes' header; `X-Gable-Signature` when `None`.
    pub header: Option<String>,
}

/// The signing secret `gable listen` uses with `key`: `whsec_` and 32 bytes derived from the
/// key, so a receiver configured once keeps working across restarts.
pub fn secret_for(key: &str) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key.as_bytes()).expect("HMAC accepts keys of any length");
    mac.update(b"gable listen signing secret v1");
    format!("{}{}", signing::SECRET_PREFIX, STANDARD.encode(mac.finalize().into_bytes()))
}

/// The longest wait between reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// Forwards events until the task is dropped; returns an error only for what retrying cannot
/// mend (a refused key, a missing scope, an unknown event type). `say` gets each line to print.
pub async fn run(listen: &Listen, mut say: impl FnMut(String)) -> anyhow::Result<()> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut stream_url = reqwest::Url::parse(&format!("{}/api/events/stream", listen.api_url.trim_end_matches('/')))
        .context("--api-url is not a URL")?;
    if !listen.events.is_empty() {
        stream_url.query_pairs_mut().append_pair("types", &listen.events.join(","));
    }
    // Forwarding goes wherever it is told: the receiver is the developer's own.
    let policy = AddressPolicy::new(vec!["0.0.0.0/0".parse()?, "::/0".parse()?], false);
    policy.parse(&listen.forward_to).map_err(anyhow::Error::msg).context("--forward-to")?;
    let agent = format!("gable-listen/{}", env!("CARGO_PKG_VERSION"));
    let client = reqwest::Client::builder().user_agent(&agent).connect_timeout(Duration::from_secs(10)).build()?;
    let forwarder = reqwest::Client::builder()
        .user_agent(sender::user_agent())
        .timeout(Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let secret = secret_for(&listen.key);
    let no_headers = Default::default();
    let target = Target {
        url: &listen.forward_to,
        scheme: listen.scheme,
        signature_header: listen.header.as_deref(),
        headers: &no_headers,
        secrets: vec![&secret],
    };
    say(format!(
        "Your webhook signing secret is {secret} ({}; the same every time with this key)",
        listen.scheme.as_str()
    ));

    let mut last: Option<String> = None;
    let mut backoff = Duration::from_secs(1);
    let mut ready_said = false;
    loop {
        let mut request = client.get(stream_url.clone()).bearer_auth(&listen.key);
        if let Some(id) = &last {
            request = request.header("Last-Event-ID", id);
        }
        let wait = match request.send().await {
            Err(err) => {
                say(format!("Could not reach {}: {err}", listen.api_url));
                backoff
            }
            Ok(response) if response.status() == StatusCode::OK => {
                if !ready_said {
                    say(format!("Ready! Forwarding events to {}", listen.forward_to));
                    ready_said = true;
                }
                backoff = Duration::from_secs(1);
                let mut response = response;
                let mut frames = Frames::default();
                let ended = loop {
                    match response.chunk().await {
                        Ok(Some(bytes)) => {
                            for frame in frames.push(&bytes) {
                                let (Some(id), Some(data)) = (frame.id, frame.data) else { continue };
                                say(forward(&forwarder, &policy, &target, &id, &data).await);
                                last = Some(id);
                            }
                        }
                        Ok(None) => break None,
                        Err(err) => break Some(err),
                    }
                };
                if let Some(err) = ended {
                    say(format!("The stream broke ({err}); reconnecting"));
                }
                // The server ends every stream after a while: reconnect at once.
                continue;
            }
            Ok(response) => {
                let status = response.status();
                let retry_after = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
                let body = response.text().await.unwrap_or_default();
                let message = serde_json::from_str::<serde_json::Value>(&body)
                    .ok()
                    .and_then(|json| json.get("error")?.as_str().map(str::to_owned))
                    .unwrap_or(body);
                match status {
                    StatusCode::NOT_FOUND if last.is_some() => {
                        say(format!(
                            "The server no longer has event {} (past its retention): events since then were missed; going on from now",
                            last.take().unwrap_or_default()
                        ));
                        continue;
                    }
                    StatusCode::TOO_MANY_REQUESTS => {
                        say(format!("{status}: {message}; retrying"));
                        retry_after.map_or(backoff, Duration::from_secs).min(MAX_BACKOFF * 4)
                    }
                    status if status.is_server_error() => {
                        say(format!("{status}: {message}; retrying"));
                        backoff
                    }
                    status => bail!("{status}: {message}"),
                }
            }
        };
        tokio::time::sleep(wait).await;
        backoff = (backoff * 2).min(MAX_BACKOFF);
    }
}

/// Sends one event and describes the delivery in one line.
async fn forward(
    client: &reqwest::Client,
    policy: &AddressPolicy,
    target: &Target<'_>,
    id: &str,
    data: &str,
) -> String {
    let kind = serde_json::from_str::<serde_json::Value>(data)
        .ok()
        .and_then(|json| json.get("event")?.as_str().map(str::to_owned))
        .unwrap_or_else(|| "event".to_owned());
    let now = Timestamp(chrono::Utc::now().timestamp_millis());
    let outcome = sender::send(client, policy, target, id, data.as_bytes(), now).await;
    let at = chrono::Utc::now().format("%H:%M:%S");
    match outcome.status_code {
        Some(status) => format!("{at}  {kind:<28} {id}  --> {status} ({} ms)", outcome.latency_ms),
        None => format!(
            "{at}  {kind:<28} {id}  --> failed: {} ({} ms)",
            outcome.error.unwrap_or_default(),
            outcome.latency_ms
        ),
    }
}

/// One Server-Sent Events frame: its `id` and `data` fields (comments and other fields are
/// ignored).
#[derive(Debug, Default, PartialEq)]
pub struct Frame {
    pub id: Option<String>,
    pub data: Option<String>,
}

/// Reads frames out of a stream's bytes as they come, in any chunking.
#[derive(Default)]
pub struct Frames {
    buffer: Vec<u8>,
    frame: Frame,
}

impl Frames {
    /// The frames these bytes complete.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Frame> {
        self.buffer.extend_from_slice(bytes);
        let mut done = Vec::new();
        while let Some(end) = self.buffer.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.buffer.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line[..end]);
            let line = line.strip_suffix('\r').unwrap_or(&line);
            if line.is_empty() {
                let frame = std::mem::take(&mut self.frame);
                if frame != Frame::default() {
                    done.push(frame);
                }
                continue;
            }
            let (field, value) = line.split_once(':').unwrap_or((line, ""));
            let value = value.strip_prefix(' ').unwrap_or(value);
            match field {
                "id" => self.frame.id = Some(value.to_owned()),
                "data" => match &mut self.frame.data {
                    Some(data) => {
                        data.push('\n');
                        data.push_str(value);
                    }
                    None => self.frame.data = Some(value.to_owned()),
                },
                _ => {}
            }
        }
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_in_any_chunking() {
        let text =
            ": stream open\n\nid: evt_1\ndata: {\"a\":1}\n\n:heartbeat\n\nid: evt_2\r\ndata: x\r\ndata: y\r\n\r\n";
        let expected = vec![
            Frame { id: Some("evt_1".into()), data: Some("{\"a\":1}".into()) },
            Frame { id: Some("evt_2".into()), data: Some("x\ny".into()) },
        ];
        for size in [1, 2, 7, text.len()] {
            let mut frames = Frames::default();
            let got: Vec<Frame> = text.as_bytes().chunks(size).flat_map(|chunk| frames.push(chunk)).collect();
            assert_eq!(got, expected, "chunks of {size}");
        }
    }

    #[test]
    fn the_secret_is_the_keys_own_and_stable() {
        let secret = secret_for("gbl_live_abc");
        assert_eq!(secret, secret_for("gbl_live_abc"));
        assert_ne!(secret, secret_for("gbl_live_abd"));
        assert!(secret.starts_with("whsec_"));
        assert_eq!(STANDARD.decode(&secret["whsec_".len()..]).map(|bytes| bytes.len()), Ok(32));
    }
}
