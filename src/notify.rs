//! Mail: to an organization's owner (e.g. "your webhook endpoint was disabled"), and to people
//! of the console (invitations, password resets: [`mail`]). Every message is first stored in
//! `notifications`; with `smtp_url` configured it is then sent through SMTP (lettre) and
//! marked sent, otherwise it stays stored and is logged — never silently dropped.

use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::db::JobsTx;
use crate::db::proof::{ActingOrg, JobToken};
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

/// Stores a message to `recipient` for `tenant` and sends it in the background when SMTP is
/// configured (the caller does not wait for the mail server).
pub async fn mail(
    state: &AppState,
    tenant: &ActingOrg,
    recipient: &str,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    let id = new_id("ntf");
    let mut scoped = state.db().scoped(tenant);
    let insert = scoped
        .sql("INSERT INTO notifications (id, org_id, recipient, subject, body, created_at) VALUES ($2, $1, $3, $4, $5, $6)")
        .bind(id.clone())
        .bind(recipient.to_owned())
        .bind(subject.to_owned())
        .bind(body.to_owned())
        .bind(state.clock().now_ms());
    scoped.execute(insert).await?;
    let Some(url) = state.settings().smtp.url.as_ref().map(|url| url.expose_secret().to_owned()) else {
        tracing::warn!(notification = %id, recipient, subject, "mail stored, not sent (no SMTP configured)");
        return Ok(());
    };
    let (state, tenant) = (state.clone(), tenant.clone());
    let (recipient, subject, body) = (recipient.to_owned(), subject.to_owned(), body.to_owned());
    tokio::spawn(async move {
        let result = send(&url, &state.settings().smtp.from, &recipient, &subject, &body).await;
        let (sent_at, error) = match result {
            Ok(()) => (Some(state.clock().now_ms()), None),
            Err(err) => {
                tracing::error!(notification = %id, error = %err, "sending mail failed; it stays stored");
                (None, Some(err))
            }
        };
        let mut scoped = state.db().scoped(&tenant);
        let update = scoped
            .sql("UPDATE notifications SET sent_at = $3, error = $4 WHERE org_id = $1 AND id = $2")
            .bind(id.clone())
            .bind(sent_at)
            .bind(error);
        if let Err(err) = scoped.execute(update).await {
            tracing::error!(notification = %id, error = %err, "recording a mail's delivery failed");
        }
    });
    Ok(())
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
