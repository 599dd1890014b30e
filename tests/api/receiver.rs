//! Real peers for webhook tests: an HTTP receiver that records every request and answers as
//! told (status codes, delays, `Retry-After`, or closing the connection), and a minimal SMTP
//! server that records the mail it is sent.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Notify;

/// How the receiver answers.
#[derive(Debug, Clone)]
pub enum Answer {
    Status(u16),
    /// The status, after a delay.
    Slow(Duration, u16),
    /// The status with `Retry-After: <seconds>`.
    RetryAfter(u16, u64),
    /// Close the connection without answering.
    Hangup,
}

#[derive(Debug, Clone)]
pub struct Received {
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

#[derive(Default)]
struct Inner {
    received: Mutex<Vec<Received>>,
    /// Answers to give first, in order; then `otherwise`.
    script: Mutex<VecDeque<Answer>>,
    otherwise: Mutex<Option<Answer>>,
    arrived: Notify,
}

#[derive(Clone)]
pub struct Receiver {
    pub url: String,
    inner: Arc<Inner>,
}

impl Receiver {
    /// A receiver on 127.0.0.1 answering 200 until told otherwise.
    pub async fn start() -> Receiver {
        let inner = Arc::new(Inner::default());
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://127.0.0.1:{}/hook", listener.local_addr().unwrap().port());
        let app = Router::new().fallback(record).with_state(inner.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { url, inner }
    }

    pub fn answer(&self, answer: Answer) {
        *self.inner.otherwise.lock().unwrap() = Some(answer);
    }

    pub fn then(&self, answers: impl IntoIterator<Item = Answer>) {
        self.inner.script.lock().unwrap().extend(answers);
    }

    pub fn received(&self) -> Vec<Received> {
        self.inner.received.lock().unwrap().clone()
    }

    /// Waits until at least `n` requests arrived (at most 20 s) and returns them all.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let notified = self.inner.arrived.notified();
            let received = self.received();
            if received.len() >= n {
                return received;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!("expected {n} requests, got {}", self.received().len());
            }
        }
    }

    /// Waits until `app`'s webhook queue is idle and asserts that exactly `n` requests arrived.
    pub async fn settle_at(&self, app: &crate::helpers::TestApp, n: usize) -> Vec<Received> {
        app.webhooks_idle().await;
        let received = self.received();
        assert_eq!(received.len(), n, "requests received");
        received
    }
}

async fn record(State(inner): State<Arc<Inner>>, headers: HeaderMap, body: Bytes) -> Response {
    let answer = {
        let scripted = inner.script.lock().unwrap().pop_front();
        scripted.or_else(|| inner.otherwise.lock().unwrap().clone()).unwrap_or(Answer::Status(200))
    };
    if !matches!(answer, Answer::Hangup) {
        inner.received.lock().unwrap().push(Received { headers, body });
        inner.arrived.notify_waiters();
    }
    match answer {
        Answer::Status(code) => (StatusCode::from_u16(code).unwrap(), "recorded").into_response(),
        Answer::Slow(delay, code) => {
            tokio::time::sleep(delay).await;
            (StatusCode::from_u16(code).unwrap(), "slowly recorded").into_response()
        }
        Answer::RetryAfter(code, secs) => {
            (StatusCode::from_u16(code).unwrap(), [("retry-after", secs.to_string())], "later").into_response()
        }
        Answer::Hangup => {
            // Ending the handler task without a response makes hyper drop the connection.
            inner
                .received
                .lock()
                .unwrap()
                .push(Received { headers: HeaderMap::new(), body: Bytes::from_static(b"hangup") });
            inner.arrived.notify_waiters();
            panic!("hang up on purpose");
        }
    }
}

/// One message an SMTP client handed over.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

/// A minimal SMTP server (RFC 5321 without extensions) that records each message.
#[derive(Clone)]
pub struct SmtpSink {
    pub url: String,
    mails: Arc<Mutex<Vec<Mail>>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("smtp://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let mails: Arc<Mutex<Vec<Mail>>> = Arc::default();
        let store = mails.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                    let mut mail = Mail { from: String::new(), to: Vec::new(), data: String::new() };
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                            b"250 sink\r\n"
                        } else if upper.starts_with("MAIL FROM:") {
                            mail.from = line[10..].trim().to_owned();
                            b"250 OK\r\n"
                        } else if upper.starts_with("RCPT TO:") {
                            mail.to.push(line[8..].trim().to_owned());
                            b"250 OK\r\n"
                        } else if upper == "DATA" {
                            let _ = write.write_all(b"354 go ahead\r\n").await;
                            while let Ok(Some(data)) = lines.next_line().await {
                                if data == "." {
                                    break;
                                }
                                mail.data.push_str(&data);
                                mail.data.push('\n');
                            }
                            store.lock().unwrap().push(std::mem::replace(
                                &mut mail,
                                Mail { from: String::new(), to: Vec::new(), data: String::new() },
                            ));
                            b"250 queued\r\n"
                        } else if upper == "QUIT" {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        } else {
                            b"250 OK\r\n"
                        };
                        if write.write_all(reply).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        SmtpSink { url, mails }
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }
}
