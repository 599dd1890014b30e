//! The AI writer (`gable::ai::write`) against real HTTP peers: an OpenAI-compatible
//! chat-completions server, one that fails, one too slow, and none at all.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use gable::ai::{self, SummarySource};
use gable::config::Settings;
use gable::config::Span;
use secrecy::SecretString;
use serde_json::{Value, json};
use tokio::net::TcpListener;

/// How the fake model API answers.
#[derive(Clone)]
pub enum Model {
    /// A chat completion whose message is this text.
    Says(&'static str),
    /// This status with an error body.
    Fails(u16),
    /// 200 with a body that is not a chat completion.
    Garbage,
    /// A completion, after this long.
    Slow(Duration),
}

#[derive(Clone)]
struct Peer {
    model: Model,
    seen: Arc<Mutex<Vec<(HeaderMap, Value)>>>,
}

/// A fake OpenAI-compatible API on 127.0.0.1; returns its base URL (`…/v1`) and what it was sent.
pub async fn model_api(model: Model) -> (String, Arc<Mutex<Vec<(HeaderMap, Value)>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let peer = Peer { model, seen: seen.clone() };
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://127.0.0.1:{}/v1", listener.local_addr().unwrap().port());
    let app = Router::new().route("/v1/chat/completions", post(answer)).with_state(peer);
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, seen)
}

fn completion(text: &str) -> Value {
    json!({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1_716_659_938, "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
    })
}

async fn answer(State(peer): State<Peer>, headers: HeaderMap, body: String) -> Response {
    peer.seen.lock().unwrap().push((headers, serde_json::from_str(&body).unwrap_or(Value::Null)));
    match peer.model {
        Model::Says(text) => axum::Json(completion(text)).into_response(),
        Model::Fails(status) => {
            (StatusCode::from_u16(status).unwrap(), axum::Json(json!({"error": {"message": "overloaded"}})))
                .into_response()
        }
        Model::Garbage => "<html>hello</html>".into_response(),
        Model::Slow(delay) => {
            tokio::time::sleep(delay).await;
            axum::Json(completion("too late")).into_response()
        }
    }
}

pub fn with_model(settings: &mut Settings, base: &str) {
    settings.ai.url = Some(base.to_owned());
    settings.ai.model = "test-model".into();
    settings.ai.api_key = Some(SecretString::from("sk-test-123"));
    settings.ai.timeout = Span(Duration::from_secs(5));
}

fn facts() -> Value {
    json!({"vendor_name": "Twin Cities Plow Co.", "jobs": 4, "on_time_rate": 0.75})
}

#[tokio::test]
async fn without_a_model_the_built_in_text_is_the_summary() {
    let settings = Settings::defaults();
    assert!(settings.ai.url.is_none());
    let written = ai::write(&settings, "Summarize.", &facts(), "Built in.".into()).await;
    assert_eq!(
        serde_json::to_value(&written).unwrap(),
        json!({"summary": "Built in.", "summary_source": "built_in", "ai_error": null})
    );
}

#[tokio::test]
async fn a_configured_model_writes_the_summary_from_the_facts() {
    let (base, seen) = model_api(Model::Says("  Reliable plow vendor: 3 of 4 jobs on time.  ")).await;
    let mut settings = Settings::defaults();
    with_model(&mut settings, &base);
    let written = ai::write(&settings, "Summarize this vendor.", &facts(), "Built in.".into()).await;
    assert_eq!(written.summary, "Reliable plow vendor: 3 of 4 jobs on time.");
    assert_eq!(written.summary_source, SummarySource::Model);
    assert_eq!(written.ai_error, None);

    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    let (headers, body) = &seen[0];
    assert_eq!(headers["authorization"], "Bearer sk-test-123");
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(body["model"], "test-model");
    let messages = body["messages"].as_array().unwrap();
    assert_eq!(messages[0]["role"], "system");
    assert!(messages[0]["content"].as_str().unwrap().contains("Summarize this vendor."));
    let user = messages[1]["content"].as_str().unwrap();
    assert!(user.contains("\"vendor_name\": \"Twin Cities Plow Co.\""), "{user}");
    assert!(user.contains("Built in."), "{user}");
}

#[tokio::test]
async fn a_failing_model_falls_back_to_the_built_in_text_and_says_why() {
    for (model, why) in [
        (Model::Fails(500), "HTTP 500"),
        (Model::Fails(401), "HTTP 401"),
        (Model::Garbage, "not a chat completion"),
        (Model::Says("   "), "no text"),
        (Model::Slow(Duration::from_secs(3)), "in time"),
    ] {
        let (base, seen) = model_api(model).await;
        let mut settings = Settings::defaults();
        with_model(&mut settings, &base);
        settings.ai.timeout = Span(Duration::from_millis(300));
        let written = ai::write(&settings, "Summarize.", &facts(), "Built in.".into()).await;
        assert_eq!(written.summary, "Built in.");
        assert_eq!(written.summary_source, SummarySource::BuiltIn);
        let error = written.ai_error.expect("the reason");
        assert!(error.contains(why), "{error} should say {why}");
        assert!(!error.contains("sk-test-123"));
        assert_eq!(seen.lock().unwrap().len(), 1, "one call, no retries");
    }

    // Nobody listening at all.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let mut settings = Settings::defaults();
    with_model(&mut settings, &format!("http://127.0.0.1:{port}/v1"));
    let written = ai::write(&settings, "Summarize.", &facts(), "Built in.".into()).await;
    assert_eq!((written.summary.as_str(), written.summary_source), ("Built in.", SummarySource::BuiltIn));
    assert_eq!(written.ai_error.as_deref(), Some("the model API could not be reached"));
}
