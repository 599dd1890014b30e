//! Mail to an organization's owner (e.g. "your webhook endpoint was disabled"). Every message
//! is first stored in `notifications`; with `smtp_url` configured it is then sent through
//! SMTP (lettre) and marked sent, otherwise it stays stored and is logged — never silently
//! dropped.

use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::db::JobsTx;
use crate::db::proof::JobToken;
use crate::state::AppState;
use crate::vocab::ids::new_id;

/// A message stored in the caller's transaction; send it with [`deliver`] after commit.
pub struct Queued {
    id: String,
    recipient: Option<String>,
    subject: String,
    body: String,
}

pub async fn queue(
    tx: &mut JobsTx<'_>,
    org_id: &str,
    subject: String,
    body: String,
    now_ms: i64,
) -> Result<Queued, sqlx::Error> {
    let recipient: Option<(Option<String>,)> = tx
        .fetch_optional(tx.sql("SELECT owner_email FROM organizations WHERE id = $1").bind(org_id.to_owned()))
        .await?;
    let recipient = recipient.and_then(|(email,)| email);
    let id = new_id("ntf");
    tx.execute(
        tx.sql(
            "INSERT INTO notifications (id, org_id, recipient, subject, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.clone())
        .bind(org_id.to_owned())
        .bind(recipient.clone())
        .bind(subject.clone())
        .bind(body.clone())
        .bind(now_ms),
    )
    .await?;
    Ok(Queued { id, recipient, subject, body })
}

/// Sends a stored message if SMTP is configured and the organization has an owner email.
pub async fn deliver(state: &AppState, token: &JobToken, message: Queued) {
    let settings = state.settings();
    let (Some(url), Some(recipient)) = (&settings.smtp.url, &message.recipient) else {
        tracing::warn!(
            notification = %message.id,
            recipient = message.recipient.as_deref().unwrap_or("(no owner email)"),
            subject = %message.subject,
            "notification stored, not mailed (no SMTP configured or no owner email)"
        );
        return;
    };
    let result = send(url.expose_secret(), &settings.smtp.from, recipient, &message.subject, &message.body).await;
    let jobs = state.db().jobs(token);
    let (sent_at, error) = match &result {
        Ok(()) => (Some(state.clock().now_ms()), None),
        Err(err) => {
            tracing::error!(notification = %message.id, error = %err, "sending a notification failed; it stays stored");
            (None, Some(err.clone()))
        }
    };
    let mut jobs = jobs;
    let update = jobs
        .sql("UPDATE notifications SET sent_at = $2, error = $3 WHERE id = $1")
        .bind(message.id.clone())
        .bind(sent_at)
        .bind(error);
    if let Err(err) = jobs.execute(update).await {
        tracing::error!(notification = %message.id, error = %err, "recording a notification's delivery failed");
    }
}

async fn send(url: &str, from: &str, to: &str, subject: &str, body: &str) -> Result<(), String> {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| format!("smtp_url: {e}"))?.build();
    let email = Message::builder()
        .from(from.parse().map_err(|e| format!("smtp_from `{from}`: {e}"))?)
        .to(to.parse().map_err(|e| format!("recipient `{to}`: {e}"))?)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body.to_owned())
        .map_err(|e| format!("building the message: {e}"))?;
    transport.send(email).await.map(|_| ()).map_err(|e| format!("SMTP: {e}"))
}
