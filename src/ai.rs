//! The AI helpers' writer. A helper computes its facts itself (they are the answer; the text
//! only tells them) and a deterministic built-in text from them; [`write`] then asks the
//! configured OpenAI-compatible chat-completions API (`ai_url`, `ai_model`, `ai_api_key`) to
//! write the summary from those facts. Without `ai_url`, or when that call fails in any way
//! (unreachable, timeout, non-2xx, an answer without text), the built-in text is the summary,
//! and the response says which one it got (`summary_source`) and why the model's was not used
//! (`ai_error`), so a caller never loses the facts to a model outage.

use std::time::Duration;

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::config::Settings;

/// Who wrote the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SummarySource {
    /// Gable's deterministic writer (no model configured, or the model call failed).
    BuiltIn,
    /// The configured chat-completions model.
    Model,
}

/// The written part of an AI helper's response (flattened into it).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "summary": "Twin Cities Plow Co. has done 4 jobs, 3 on time (75%).",
    "summary_source": "built_in", "ai_error": null
}))]
pub struct Written {
    pub summary: String,
    pub summary_source: SummarySource,
    /// Why the configured model's text was not used (`null` when it was, or when no model
    /// is configured).
    pub ai_error: Option<String>,
}

/// Instructions every helper's model call starts with.
const SYSTEM: &str = "You write short, factual summaries for a residential property manager. Use only the \
facts given (JSON); never invent names, numbers or dates. Plain text, no markdown, at most 120 words.";

/// Largest answer read from the model API.
const MAX_ANSWER_BYTES: usize = 256 * 1024;

/// The summary of `facts`: the configured model's, or `built_in`. `task` says what to write
/// (e.g. "Summarize this vendor's track record."). Never fails.
pub async fn write(settings: &Settings, task: &str, facts: &Value, built_in: String) -> Written {
    let Some(url) = settings.ai.url.as_deref() else {
        return Written { summary: built_in, summary_source: SummarySource::BuiltIn, ai_error: None };
    };
    match ask(settings, url, task, facts, &built_in).await {
        Ok(summary) => Written { summary, summary_source: SummarySource::Model, ai_error: None },
        Err(error) => {
            tracing::warn!(%error, "the AI summary failed; the built-in text is used");
            Written { summary: built_in, summary_source: SummarySource::BuiltIn, ai_error: Some(error) }
        }
    }
}

#[derive(Deserialize)]
struct Completion {
    choices: Vec<Choice>,
}

#[derive(Deserialize)]
struct Choice {
    message: Message,
}

#[derive(Deserialize)]
struct Message {
    content: Option<String>,
}

/// One chat-completions call; the error is a sentence for `ai_error` (no secrets: the key
/// travels only in the header, and URLs are left out of transport errors).
async fn ask(settings: &Settings, base: &str, task: &str, facts: &Value, built_in: &str) -> Result<String, String> {
    // reqwest is built without a default TLS provider; the server installs ring at start, and
    // so does this (installing twice is harmless), so a caller outside the server cannot panic.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder()
        .user_agent(concat!("Gable/", env!("CARGO_PKG_VERSION")))
        .timeout(settings.ai.timeout.0)
        .connect_timeout(settings.ai.timeout.0.min(Duration::from_secs(5)))
        .build()
        .map_err(|e| format!("the HTTP client could not be built: {}", e.without_url()))?;
    let facts_text = serde_json::to_string_pretty(facts).unwrap_or_default();
    let body = json!({
        "model": settings.ai.model,
        "temperature": 0.2,
        "max_tokens": 400,
        "messages": [
            {"role": "system", "content": format!("{SYSTEM} {task}")},
            {"role": "user", "content": format!("Facts:\n{facts_text}\n\nA plain draft you may improve:\n{built_in}")},
        ],
    });
    let mut request = client
        .post(format!("{}/chat/completions", base.trim_end_matches('/')))
        .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
        .body(body.to_string());
    if let Some(key) = &settings.ai.api_key {
        let mut value = HeaderValue::from_str(&format!("Bearer {}", key.expose_secret()))
            .map_err(|_| "ai_api_key is not a valid header value".to_owned())?;
        value.set_sensitive(true);
        request = request.header(AUTHORIZATION, value);
    }
    let response = request.send().await.map_err(|e| transport_error(&e))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the model API answered HTTP {}", status.as_u16()));
    }
    let bytes = response.bytes().await.map_err(|e| transport_error(&e))?;
    if bytes.len() > MAX_ANSWER_BYTES {
        return Err("the model API's answer was too large".into());
    }
    let completion: Completion =
        serde_json::from_slice(&bytes).map_err(|_| "the model API's answer was not a chat completion".to_owned())?;
    completion
        .choices
        .into_iter()
        .next()
        .and_then(|choice| choice.message.content)
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
        .ok_or_else(|| "the model API's answer had no text".to_owned())
}

fn transport_error(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "the model API did not answer in time".to_owned()
    } else if error.is_connect() {
        "the model API could not be reached".to_owned()
    } else {
        format!("the model API call failed: {}", error_chain(error))
    }
}

/// The error and its sources, without the URL.
fn error_chain(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text.replace(error.url().map(|u| u.as_str()).unwrap_or("\u{0}"), "…")
}
