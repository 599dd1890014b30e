//! The console's page frame and the pieces pages share. Every value is escaped by maud.

use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde_json::Value;

use super::form::CSRF_FIELD;
use super::integrity;
use super::signed::Session;

/// A rendered page with its status.
pub struct Page(pub StatusCode, pub Markup);

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        (self.0, [(CONTENT_TYPE, "text/html; charset=utf-8")], self.1.into_string()).into_response()
    }
}

/// htmx's settings: no `eval`, no injected style element (the CSP forbids both), and error
/// pages (4xx, 5xx) are shown like any page, since they carry the form with its errors.
const HTMX_CONFIG: &str = r#"{"allowEval":false,"includeIndicatorStyles":false,"responseHandling":[{"code":"204","swap":false},{"code":"...","swap":true}]}"#;

fn head(title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="htmx-config" content=(HTMX_CONFIG);
            title { (title) " · Gable" }
            link rel="icon" href="data:,";
            link rel="stylesheet" href="/console/assets/console.css" integrity=(integrity("console.css"));
            script src="/console/assets/htmx.min.js" integrity=(integrity("htmx.min.js")) defer {}
            script src="/console/assets/console.js" integrity=(integrity("console.js")) defer {}
        }
    }
}

/// The sections of the side navigation: (path, label).
const NAV: [(&str, &[(&str, &str)]); 3] = [
    ("", &[("/console/overview", "Overview")]),
    (
        "Settings",
        &[
            ("/console/settings/organization", "Organization"),
            ("/console/settings/team", "Team"),
            ("/console/settings/audit-log", "Audit log"),
        ],
    ),
    (
        "Developer & integrations",
        &[
            ("/console/settings/developer/keys", "API keys"),
            ("/console/settings/developer/webhooks", "Webhooks"),
            ("/console/events", "Events"),
            ("/console/settings/developer/usage", "Usage"),
        ],
    ),
];

/// A signed-in page: the navigation, then `body`. `active` is the navigation entry's path.
pub fn page(session: &Session, title: &str, active: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            (head(title))
            body hx-boost="true" {
                div.shell {
                    nav.side aria-label="Console" {
                        div.brand { "Gable" }
                        div.org { (session.org_name) br; span { (session.email) " · " (session.role) } }
                        @if session.organizations.len() > 1 {
                            form.switch method="post" action="/console/switch-organization" {
                                (csrf(session))
                                label for="switch-org" { "Organization" }
                                select #switch-org name="org_id" {
                                    @for (id, name) in &session.organizations {
                                        option value=(id) selected[*name == session.org_name] { (name) }
                                    }
                                }
                                button.secondary type="submit" { "Switch" }
                            }
                        }
                        @for (section, entries) in NAV {
                            @if !section.is_empty() { h2 { (section) } }
                            @for (path, label) in entries.iter() {
                                @if *path == active {
                                    a href=(path) aria-current="page" { (label) }
                                } @else {
                                    a href=(path) { (label) }
                                }
                            }
                        }
                        form method="post" action="/console/sign-out" {
                            (csrf(session))
                            button type="submit" { "Sign out" }
                        }
                        form method="post" action="/console/sign-out-everywhere" data-confirm="Sign out on every device?" {
                            (csrf(session))
                            button type="submit" { "Sign out everywhere" }
                        }
                    }
                    main id="main" { (body) }
                }
            }
        }
    }
}

/// A page outside a session (sign-in, errors).
pub fn bare(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            (head(title))
            body { main.signin { (body) } }
        }
    }
}

/// The hidden field that proves a form came from this session's page.
pub fn csrf(session: &Session) -> Markup {
    html! { input type="hidden" name=(CSRF_FIELD) value=(session.csrf); }
}

/// The sign-in form, with `error` above it.
pub fn sign_in(csrf_token: &str, email: &str, error: Option<&str>) -> Markup {
    bare(
        "Sign in",
        html! {
            h1 { "Sign in to Gable" }
            form.card method="post" action="/console/sign-in" {
                input type="hidden" name=(CSRF_FIELD) value=(csrf_token);
                @if let Some(error) = error { p.error role="alert" { (error) } }
                label for="email" { "Email" }
                input #email type="email" name="email" value=(email) autocomplete="username" required autofocus;
                label for="password" { "Password" }
                input #password type="password" name="password" autocomplete="current-password" required;
                p { button type="submit" { "Sign in" } }
                p { a href="/console/forgot-password" { "Forgot your password?" } }
            }
        },
    )
}

/// A page with a title and one message (an invitation that no longer works, …).
pub fn message_page(title: &str, message: &str) -> Markup {
    bare(title, html! { h1 { (title) } p { (message) } p { a href="/console" { "Go to sign-in" } } })
}

/// 403 for a switch to an organization the user does not belong to.
pub fn not_a_member() -> Page {
    Page(StatusCode::FORBIDDEN, message_page("Not a member", "You do not belong to that organization."))
}

/// Joining an organization from an invitation.
pub fn invitation(
    csrf_token: &str,
    token: &str,
    invitation: &crate::auth::users::InvitationView,
    error: Option<&str>,
) -> Markup {
    bare(
        "Join",
        html! {
            h1 { "Join " (invitation.org_name) }
            p { "You are invited as " strong { (invitation.role) } " with " strong { (invitation.email) } "." }
            form.card method="post" action=(format!("/console/invitations/{token}")) {
                input type="hidden" name=(CSRF_FIELD) value=(csrf_token);
                @if let Some(error) = error { p.error role="alert" { (error) } }
                @if invitation.has_account {
                    label for="password" { "Your password" }
                    input #password type="password" name="password" autocomplete="current-password" required;
                } @else {
                    label for="password" { "Choose a password" }
                    input #password type="password" name="password" autocomplete="new-password" required minlength="10"
                        aria-describedby="password-hint";
                    p.muted #password-hint { "At least 10 characters." }
                    label for="password-again" { "The password again" }
                    input #password-again type="password" name="password_again" autocomplete="new-password" required;
                }
                p { button type="submit" { "Join " (invitation.org_name) } }
            }
        },
    )
}

/// Asking for a password reset link.
pub fn forgot(csrf_token: &str, sent: bool) -> Markup {
    bare(
        "Forgot password",
        html! {
            h1 { "Reset your password" }
            @if sent {
                p.notice role="status" { "If an account exists for that email, we sent it a link to choose a new password. The link works for an hour." }
            }
            form.card method="post" action="/console/forgot-password" {
                input type="hidden" name=(CSRF_FIELD) value=(csrf_token);
                label for="email" { "Email" }
                input #email type="email" name="email" autocomplete="username" required;
                p { button type="submit" { "Send reset link" } }
                p { a href="/console" { "Back to sign-in" } }
            }
        },
    )
}

/// Choosing a new password from a reset link.
pub fn reset(csrf_token: &str, token: &str, error: Option<&str>) -> Markup {
    bare(
        "Reset password",
        html! {
            h1 { "Choose a new password" }
            form.card method="post" action=(format!("/console/reset-password/{token}")) {
                input type="hidden" name=(CSRF_FIELD) value=(csrf_token);
                @if let Some(error) = error { p.error role="alert" { (error) } }
                label for="password" { "New password" }
                input #password type="password" name="password" autocomplete="new-password" required minlength="10";
                label for="password-again" { "The password again" }
                input #password-again type="password" name="password_again" autocomplete="new-password" required;
                p { button type="submit" { "Set password" } }
            }
        },
    )
}

/// 403 for a form without this session's CSRF token.
pub fn forbidden_form() -> Page {
    Page(
        StatusCode::FORBIDDEN,
        bare(
            "Form expired",
            html! {
                h1 { "This form has expired" }
                p { "It was not sent from a page of your current session, so nothing was changed. "
                    a href="/console" { "Go back to the console" } " and try again." }
            },
        ),
    )
}

/// A time from the API (RFC 3339), shown in the browser's time zone by `console.js`.
pub fn time(value: &Value) -> Markup {
    match value.as_str() {
        Some(at) => html! { time datetime=(at) { (at) } },
        None => html! { span.muted { "—" } },
    }
}

/// The items of a JSON array from the API (none when it is not an array).
pub fn list(value: &Value) -> &[Value] {
    value.as_array().map_or(&[], Vec::as_slice)
}

/// A value from the API as text (`—` for null).
pub fn text(value: &Value) -> Markup {
    match value {
        Value::Null => html! { span.muted { "—" } },
        Value::String(text) => html! { (text) },
        other => html! { (other.to_string()) },
    }
}

/// Pretty-printed JSON in a `<pre>`.
pub fn json(value: &Value) -> Markup {
    let pretty = serde_json::to_string_pretty(value).unwrap_or_default();
    html! { pre tabindex="0" { code { (pretty) } } }
}

/// Text as it is, in a `<pre>` that scrolls; `tabindex` lets a keyboard reach and scroll it.
pub fn preformatted(text: &str) -> Markup {
    html! { pre tabindex="0" { (text) } }
}

/// An error from the API, next to what it concerns.
pub fn error(message: &str) -> Markup {
    html! { p.error role="alert" { (message) } }
}

/// A secret shown once, with a copy button.
pub fn secret(id: &str, label: &str, value: &str) -> Markup {
    html! {
        label for=(id) { (label) }
        div.secret {
            input #(id) type="text" value=(value) readonly aria-describedby=(format!("{id}-warning"));
            button.secondary type="button" data-copy=(id) { "Copy" }
        }
    }
}

/// A notice above a page's content.
pub fn notice(message: &str) -> Markup {
    html! { div.notice role="status" { (message) } }
}

/// Raw trusted markup (an SVG chart built from numbers).
pub fn trusted(svg: String) -> Markup {
    PreEscaped(svg)
}
