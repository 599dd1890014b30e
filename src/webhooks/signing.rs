//! Webhook secrets and the three signature schemes. See `docs/webhooks.md` for how receivers
//! verify each.
//!
//! - `standard-webhooks` (default): the Standard Webhooks spec. Key = the base64 part of the
//!   secret after `whsec_`, decoded. Headers `webhook-id`, `webhook-timestamp` (unix seconds)
//!   and `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, one
//!   `v1,…` per active secret, space-separated.
//! - `hmac-sha256-hex` (Aureum's documented scheme): key = the whole secret string as UTF-8
//!   bytes; header (default `X-Gable-Signature`) = hex HMAC-SHA256 of the raw body.
//! - `hmac-sha256-timestamped` (Aptoria's): key = the whole secret string; header (default
//!   `X-Gable-Signature`) = `t=<unix seconds>,v1=<hex HMAC-SHA256 of "{t}.{body}">`.
//!
//! During the 24 hours after a rotation the previous secret signs too: a second `v1,…` in
//! `webhook-signature`, or for the two HMAC schemes a second header named like the first with
//! `-Previous` appended (their documented verifiers read exactly one value per header).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::text_enum;

text_enum! {
    /// How deliveries to an endpoint are signed.
    pub enum Scheme {
        HmacSha256Hex = "hmac-sha256-hex",
        HmacSha256Timestamped = "hmac-sha256-timestamped",
        StandardWebhooks = "standard-webhooks",
    }
}

pub const SECRET_PREFIX: &str = "whsec_";
pub const DEFAULT_HMAC_HEADER: &str = "X-Gable-Signature";

impl Scheme {
    /// The header the signature goes in, unless the endpoint names its own.
    pub fn default_header(self) -> &'static str {
        match self {
            Scheme::StandardWebhooks => "webhook-signature",
            Scheme::HmacSha256Hex | Scheme::HmacSha256Timestamped => DEFAULT_HMAC_HEADER,
        }
    }
}

/// A new secret: `whsec_` + base64 of 32 random bytes.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    format!("{SECRET_PREFIX}{}", STANDARD.encode(bytes))
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC accepts keys of any length");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().to_vec()
}

/// The Standard Webhooks key: the secret's base64 part decoded (falling back to the raw
/// bytes for a secret that is not base64, which Gable never issues).
fn standard_key(secret: &str) -> Vec<u8> {
    let encoded = secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret);
    STANDARD.decode(encoded).unwrap_or_else(|_| encoded.as_bytes().to_vec())
}

/// The signature headers of one delivery attempt.
pub fn sign(
    scheme: Scheme,
    header: Option<&str>,
    secrets: &[&str],
    message_id: &str,
    timestamp: i64,
    body: &[u8],
) -> Vec<(String, String)> {
    let name = header.unwrap_or(scheme.default_header()).to_owned();
    match scheme {
        Scheme::StandardWebhooks => {
            let t = timestamp.to_string();
            let signed = [message_id.as_bytes(), b".", t.as_bytes(), b".", body];
            let signatures: Vec<String> =
                secrets.iter().map(|s| format!("v1,{}", STANDARD.encode(hmac(&standard_key(s), &signed)))).collect();
            vec![
                ("webhook-timestamp".to_owned(), timestamp.to_string()),
                ("webhook-signature".to_owned(), signatures.join(" ")),
            ]
        }
        Scheme::HmacSha256Hex => with_previous(&name, secrets, |secret| hex::encode(hmac(secret.as_bytes(), &[body]))),
        Scheme::HmacSha256Timestamped => with_previous(&name, secrets, |secret| {
            let t = timestamp.to_string();
            format!("t={t},v1={}", hex::encode(hmac(secret.as_bytes(), &[t.as_bytes(), b".", body])))
        }),
    }
}

fn with_previous(name: &str, secrets: &[&str], signature: impl Fn(&str) -> String) -> Vec<(String, String)> {
    let mut headers = Vec::new();
    if let Some(current) = secrets.first() {
        headers.push((name.to_owned(), signature(current)));
    }
    if let Some(previous) = secrets.get(1) {
        headers.push((format!("{name}-Previous"), signature(previous)));
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_prefixed_base64_of_32_bytes() {
        let secret = new_secret();
        let encoded = secret.strip_prefix(SECRET_PREFIX).unwrap();
        assert_eq!(STANDARD.decode(encoded).unwrap().len(), 32);
        assert_ne!(secret, new_secret());
    }

    /// The shared vectors (`sdk/webhook-test-vectors.json`, computed outside Rust and verified
    /// by the SDKs' tests too): the signer reproduces every case's headers exactly.
    #[test]
    fn the_shared_test_vectors() {
        let vectors: serde_json::Value =
            serde_json::from_str(include_str!("../../sdk/webhook-test-vectors.json")).expect("the vectors are JSON");
        let cases = vectors["cases"].as_array().expect("cases");
        assert!(cases.len() >= 5);
        for case in cases {
            let name = case["name"].as_str().unwrap();
            let scheme: Scheme = case["scheme"].as_str().unwrap().parse().unwrap();
            let secrets: Vec<&str> = case["secrets"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
            let id = case["id"].as_str().unwrap();
            let signed = sign(
                scheme,
                case["header"].as_str(),
                &secrets,
                id,
                case["timestamp"].as_i64().unwrap(),
                case["body"].as_str().unwrap().as_bytes(),
            );
            let mut expected: Vec<(String, String)> = case["headers"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(header, value)| (header.clone(), value.as_str().unwrap().to_owned()))
                // `webhook-id` is the event id, which the sender sets beside the signature.
                .filter(|(header, value)| !(header == "webhook-id" && value == id))
                .collect();
            let mut signed = signed;
            expected.sort();
            signed.sort();
            assert_eq!(signed, expected, "{name}");
        }
    }

    /// The Standard Webhooks spec's own test vector.
    #[test]
    fn standard_webhooks_reference_vector() {
        let headers = sign(
            Scheme::StandardWebhooks,
            None,
            &["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            br#"{"test": 2432232314}"#,
        );
        assert_eq!(headers[1], ("webhook-signature".into(), "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=".into()));
        assert_eq!(headers[0], ("webhook-timestamp".into(), "1614265330".into()));
    }

    #[test]
    fn hmac_schemes_use_the_secret_string_and_sign_with_the_previous_secret_too() {
        let headers = sign(Scheme::HmacSha256Hex, Some("X-Aureum-Signature"), &["new", "old"], "evt_1", 0, b"{}");
        assert_eq!(headers[0].0, "X-Aureum-Signature");
        assert_eq!(headers[0].1, hex::encode(hmac(b"new", &[b"{}"])));
        assert_eq!(headers[1], ("X-Aureum-Signature-Previous".into(), hex::encode(hmac(b"old", &[b"{}"]))));
        let headers = sign(Scheme::HmacSha256Timestamped, None, &["s"], "evt_1", 1716659938, b"{}");
        assert_eq!(headers[0].1, format!("t=1716659938,v1={}", hex::encode(hmac(b"s", &[b"1716659938.{}"]))));
    }
}
