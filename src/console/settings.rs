//! Settings: the organization, the team (invite, change role, remove) and the audit log. Each
//! action is the REST call it names, made as the signed-in user ([`Api`]).

use axum::extract::{Path, Query};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use maud::html;
use serde::Deserialize;
use serde_json::{Value, json};

use super::developer::{query, refused, segment};
use super::form::{FormData, FormError, error_of, field_error};
use super::session::{Posted, Session, redirect};
use super::views::{self, Page, csrf};
use crate::config::CONSOLE_ROLES;
use crate::http::in_process::Api;
use crate::state::AppState;

const ORGANIZATION: &str = "/console/settings/organization";
const TEAM: &str = "/console/settings/team";
const AUDIT: &str = "/console/settings/audit-log";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(ORGANIZATION, get(organization_page).post(update_organization))
        .route(TEAM, get(team_page))
        .route(&format!("{TEAM}/invitations"), post(invite))
        .route(&format!("{TEAM}/invitations/{{id}}/revoke"), post(revoke_invitation))
        .route(&format!("{TEAM}/members/{{id}}/role"), post(change_role))
        .route(&format!("{TEAM}/members/{{id}}/remove"), post(remove_member))
        .route(AUDIT, get(audit_page))
}

// ---- Organization ----

async fn organization_page(Extension(api): Extension<Api>, session: Session) -> Response {
    organization_view(&api, &session, None, &None, StatusCode::OK).await
}

async fn organization_view(
    api: &Api,
    session: &Session,
    submitted: Option<&FormData>,
    error: &FormError,
    status: StatusCode,
) -> Response {
    let org = api.get(&session.auth, "/organization").await;
    if !org.ok() {
        return refused(session, "Organization", ORGANIZATION, &org);
    }
    let o = &org.json;
    let value = |field: &str, key: &str| -> String {
        submitted
            .and_then(|form| form.get(field))
            .map(str::to_owned)
            .unwrap_or_else(|| o[key].as_str().unwrap_or_default().to_owned())
    };
    let can_edit = session.auth.scopes().allows(crate::vocab::scope::Need::Write("organization"));
    let body = html! {
        h1 { "Organization" }
        p.lead { code { (views::text(&o["id"])) } " · " (views::text(&o["plan"])) " plan" }
        @if status == StatusCode::OK && submitted.is_some() { (views::notice("Saved.")) }
        div.card {
            h2 { "Settings" }
            form method="post" action=(ORGANIZATION) {
                (csrf(session))
                @if let Some((None, message)) = error { (views::error(message)) }
                label for="org-name" { "Name" }
                input #org-name type="text" name="name" value=(value("name", "name")) required maxlength="200" disabled[!can_edit];
                @if let Some(message) = field_error(error, "name") { (views::error(message)) }
                label for="org-slug" { "Slug" }
                input #org-slug type="text" name="slug" value=(value("slug", "slug")) required disabled[!can_edit]
                    aria-describedby="org-slug-hint";
                p.muted #org-slug-hint { "The address of your public pages: " code { "/forms/" (value("slug", "slug")) "/…" } ". Old links stop working when it changes." }
                @if let Some(message) = field_error(error, "slug") { (views::error(message)) }
                label for="org-owner" { "Owner email" }
                input #org-owner type="email" name="owner_email" value=(value("owner_email", "ownerEmail")) disabled[!can_edit]
                    aria-describedby="org-owner-hint";
                p.muted #org-owner-hint { "Notices (a webhook endpoint disabled after failures) are mailed here." }
                @if let Some(message) = field_error(error, "ownerEmail") { (views::error(message)) }
                @if can_edit {
                    p { button type="submit" { "Save" } }
                } @else {
                    p.muted { "Your role (" (session.role) ") can read these settings; an owner or admin changes them." }
                }
            }
        }
    };
    Page(status, views::page(session, "Organization", ORGANIZATION, body)).into_response()
}

async fn update_organization(Extension(api): Extension<Api>, Posted { session, form }: Posted) -> Response {
    let body = json!({
        "name": form.get("name").unwrap_or_default(),
        "slug": form.get("slug").unwrap_or_default(),
        "ownerEmail": form.get("owner_email"),
    });
    let reply = api.patch(&session.auth, "/organization", body).await;
    if reply.code() == "INSUFFICIENT_SCOPE" {
        return refused(&session, "Organization", ORGANIZATION, &reply);
    }
    let error = if reply.ok() { None } else { error_of(&reply) };
    let status = if reply.ok() { StatusCode::OK } else { reply.status };
    organization_view(&api, &session, Some(&form), &error, status).await
}

// ---- Team ----

async fn team_page(Extension(api): Extension<Api>, session: Session) -> Response {
    team_view(&api, &session, None, &None, StatusCode::OK).await
}

async fn team_view(
    api: &Api,
    session: &Session,
    notice: Option<&str>,
    error: &FormError,
    status: StatusCode,
) -> Response {
    let members = api.get(&session.auth, "/members").await;
    if !members.ok() {
        return refused(session, "Team", TEAM, &members);
    }
    let invitations = api.get(&session.auth, "/invitations").await;
    let can_manage = session.auth.scopes().allows(crate::vocab::scope::Need::Write("members"));
    let body = html! {
        h1 { "Team" }
        p.lead { "The people who sign in to this organization's console, and what their role lets them do." }
        @if let Some(message) = notice { (views::notice(message)) }
        @if let Some((None, message)) = error { (views::error(message)) }
        div.card {
            h2 { "Members" }
            table {
                thead { tr { th { "Email" } th { "Role" } th { "Joined" } @if can_manage { th {} } } }
                tbody {
                    @for m in members.items() {
                        @let id = segment(m["userId"].as_str().unwrap_or_default());
                        @let email = m["email"].as_str().unwrap_or_default();
                        tr {
                            td { (email) @if m["userId"].as_str() == Some(session.user_id.as_str()) { " " span.muted { "(you)" } } }
                            td {
                                @if can_manage {
                                    form.row method="post" action=(format!("{TEAM}/members/{id}/role")) {
                                        (csrf(session))
                                        label.muted for=(format!("role-{id}")) { "Role of " (email) }
                                        select id=(format!("role-{id}")) name="role" {
                                            @for role in CONSOLE_ROLES { option value=(role) selected[m["role"] == role] { (role) } }
                                        }
                                        button.secondary type="submit" { "Change" }
                                    }
                                } @else { (views::text(&m["role"])) }
                            }
                            td { (views::time(&m["joinedAt"])) }
                            @if can_manage {
                                td {
                                    form method="post" action=(format!("{TEAM}/members/{id}/remove"))
                                        data-confirm=(format!("Remove {email} from the organization?")) {
                                        (csrf(session))
                                        button.danger type="submit" aria-label=(format!("Remove {email}")) { "Remove" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if invitations.ok() {
            div.card {
                h2 { "Invitations" }
                @if invitations.items().is_empty() {
                    p.empty { "No pending invitations." }
                } @else {
                    table {
                        thead { tr { th { "Email" } th { "Role" } th { "Expires" } @if can_manage { th {} } } }
                        tbody {
                            @for i in invitations.items() {
                                tr {
                                    td { (views::text(&i["email"])) }
                                    td { (views::text(&i["role"])) }
                                    td { (views::time(&i["expiresAt"])) }
                                    @if can_manage {
                                        td {
                                            form method="post" action=(format!("{TEAM}/invitations/{}/revoke", segment(i["id"].as_str().unwrap_or_default()))) {
                                                (csrf(session))
                                                button.secondary type="submit" { "Revoke" }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if can_manage {
                    h2 { "Invite someone" }
                    form method="post" action=(format!("{TEAM}/invitations")) {
                        (csrf(session))
                        label for="invite-email" { "Email" }
                        input #invite-email type="email" name="email" required;
                        @if let Some(message) = field_error(error, "email") { (views::error(message)) }
                        label for="invite-role" { "Role" }
                        select #invite-role name="role" {
                            @for role in CONSOLE_ROLES { option value=(role) selected[role == "developer"] { (role) } }
                        }
                        @if let Some(message) = field_error(error, "role") { (views::error(message)) }
                        p.muted { "They get an email with a link to join, valid for 7 days." }
                        button type="submit" { "Send invitation" }
                    }
                }
            }
        }
        div.card {
            h2 { "Roles" }
            table {
                tr { th { "owner" } td { "Everything, the team and the organization's settings included." } }
                tr { th { "admin" } td { "The same as an owner (an admin can make owners)." } }
                tr { th { "developer" } td { "Reads and writes every resource, manages API keys and webhooks; not the team or settings." } }
                tr { th { "viewer" } td { "Reads every resource; changes nothing." } }
            }
            p.muted { "The scopes of each role are in the server's configuration (" code { "[console.role_scopes]" } ")." }
        }
    };
    Page(status, views::page(session, "Team", TEAM, body)).into_response()
}

async fn invite(Extension(api): Extension<Api>, Posted { session, form }: Posted) -> Response {
    let body = json!({"email": form.get("email").unwrap_or_default(), "role": form.get("role").unwrap_or("developer")});
    let reply = api.post(&session.auth, "/invitations", body).await;
    if reply.ok() {
        let message = format!("Invitation sent to {}.", reply.json["email"].as_str().unwrap_or_default());
        return team_view(&api, &session, Some(&message), &None, StatusCode::CREATED).await;
    }
    team_view(&api, &session, None, &error_of(&reply), reply.status).await
}

async fn revoke_invitation(
    Extension(api): Extension<Api>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Posted { session, .. }: Posted,
) -> Response {
    let reply = api.delete(&session.auth, &format!("/invitations/{}", segment(&id))).await;
    if !reply.ok() {
        return refused(&session, "Team", TEAM, &reply);
    }
    redirect(&headers, TEAM)
}

async fn change_role(
    Extension(api): Extension<Api>,
    Path(id): Path<String>,
    Posted { session, form }: Posted,
) -> Response {
    let role = form.get("role").unwrap_or_default();
    let reply = api.patch(&session.auth, &format!("/members/{}", segment(&id)), json!({"role": role})).await;
    if reply.ok() {
        let message = format!("{} is now {role}.", reply.json["email"].as_str().unwrap_or_default());
        return team_view(&api, &session, Some(&message), &None, StatusCode::OK).await;
    }
    team_view(&api, &session, None, &Some((None, reply.message())), reply.status).await
}

async fn remove_member(
    Extension(api): Extension<Api>,
    Path(id): Path<String>,
    Posted { session, .. }: Posted,
) -> Response {
    let reply = api.delete(&session.auth, &format!("/members/{}", segment(&id))).await;
    if reply.ok() {
        return team_view(&api, &session, Some("Removed from the organization."), &None, StatusCode::OK).await;
    }
    team_view(&api, &session, None, &Some((None, reply.message())), reply.status).await
}

// ---- Audit log ----

#[derive(Debug, Default, Deserialize)]
struct AuditFilter {
    action: Option<String>,
    after: Option<String>,
}

async fn audit_page(Extension(api): Extension<Api>, session: Session, Query(filter): Query<AuditFilter>) -> Response {
    let log = api
        .get(
            &session.auth,
            &format!(
                "/audit-log?{}",
                query(&[
                    ("action", filter.action.as_deref()),
                    ("startingAfter", filter.after.as_deref()),
                    ("limit", Some("50"))
                ])
            ),
        )
        .await;
    if !log.ok() {
        return refused(&session, "Audit log", AUDIT, &log);
    }
    // Console users by id, to show who rather than an id.
    let members = api.get(&session.auth, "/members").await;
    let who = |actor: &str| -> String {
        let user = actor.strip_prefix("console:");
        let email =
            user.and_then(|id| members.items().iter().find(|m| m["userId"] == id)).and_then(|m| m["email"].as_str());
        email.map_or_else(|| actor.to_owned(), str::to_owned)
    };
    let body = html! {
        h1 { "Audit log" }
        p.lead { "Who did what: keys, webhooks, the team, settings and sign-ins, newest first." }
        form.row method="get" action=(AUDIT) {
            label for="audit-action" { "Action" }
            input #audit-action type="text" name="action" value=(filter.action.as_deref().unwrap_or_default()) placeholder="api_key.created";
            button.secondary type="submit" { "Filter" }
        }
        @if log.items().is_empty() {
            p.empty { "Nothing recorded yet." }
        } @else {
            div.card {
                table {
                    thead { tr { th { "When" } th { "Who" } th { "Action" } th { "Object" } th { "Details" } } }
                    tbody {
                        @for entry in log.items() {
                            tr {
                                td { (views::time(&entry["createdAt"])) }
                                td { (who(entry["actor"].as_str().unwrap_or_default()))
                                     @if let Some(ip) = entry["ip"].as_str() { br; span.muted { (ip) } } }
                                td { code { (views::text(&entry["action"])) } }
                                td { code { (views::text(&entry["target"])) } }
                                td { (detail(&entry["detail"])) }
                            }
                        }
                    }
                }
            }
            @if log.items().len() == 50 {
                @let last = log.items().last().and_then(|e| e["id"].as_str()).unwrap_or_default();
                p { a href=(format!("{AUDIT}?{}", query(&[("action", filter.action.as_deref()), ("after", Some(last))]))) { "Older entries →" } }
            }
        }
    };
    Page(StatusCode::OK, views::page(&session, "Audit log", AUDIT, body)).into_response()
}

/// `{"name": "x", "scopes": [...]}` as `name: x · scopes: …`.
fn detail(detail: &Value) -> maud::Markup {
    let Some(fields) = detail.as_object() else { return views::text(detail) };
    html! {
        @for (i, (key, value)) in fields.iter().enumerate() {
            @if i > 0 { " · " }
            span.muted { (key) ": " }
            @match value { Value::String(text) => { (text) }, other => { (other.to_string()) } }
        }
    }
}
