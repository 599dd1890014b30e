//! The organization's people: `GET /api/members`, `PATCH`/`DELETE /api/members/{userId}`, and
//! invitations by email (`GET/POST /api/invitations`, `DELETE /api/invitations/{id}`). An
//! invitation mails a link to `/console/invitations/{token}`, valid for 7 days, where the
//! invitee chooses a password (or signs in, if they have an account) and joins.
//!
//! Needs `read:members` / `write:members`, which `read:*` and `write:*` do not reach (owners
//! and admins have them through `*`). A role can only be given by a caller whose scopes
//! include the role's, and the last owner can be neither demoted nor removed.

use axum::extract::State;
use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use sqlx::FromRow;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::audit;
use crate::auth::users::{check_role, role_scopes};
use crate::auth::{ActingOrg, Auth};
use crate::config::CONSOLE_ROLES;
use crate::http::{Json, Path};
use crate::notify;
use crate::resource::Deleted;
use crate::state::AppState;
use crate::vocab::contact::Email;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::ids::new_id;
use crate::vocab::scope::Need;
use crate::vocab::values::Timestamp;

/// How long an invitation link works.
pub const INVITATION_DAYS: i64 = 7;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_members))
        .routes(routes!(update_member, remove_member))
        .routes(routes!(list_invitations, invite))
        .routes(routes!(revoke_invitation))
}

/// A person in the organization.
#[derive(Debug, Clone, Serialize, FromRow, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"userId": "usr_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "email": "ava@demo-realty.example",
    "role": "developer", "joinedAt": "2025-01-15T10:30:00.000Z"}))]
pub struct Member {
    pub user_id: String,
    pub email: String,
    /// `owner`, `admin`, `developer` or `viewer`.
    pub role: String,
    pub joined_at: Timestamp,
}

/// An invitation to join (never its token).
#[derive(Debug, Clone, Serialize, FromRow, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "inv_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "email": "sam@example.com", "role": "viewer",
    "invitedBy": "console:usr_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "createdAt": "2025-01-15T10:30:00.000Z",
    "expiresAt": "2025-01-22T10:30:00.000Z", "acceptedAt": null}))]
pub struct Invitation {
    pub id: String,
    pub email: String,
    pub role: String,
    pub invited_by: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub accepted_at: Option<Timestamp>,
}

const MEMBER_SELECT: &str = "SELECT m.user_id, u.email, m.role, m.created_at AS joined_at FROM memberships m \
                             JOIN users u ON u.id = m.user_id WHERE m.org_id = $1";
const INVITATION_SELECT: &str =
    "SELECT id, email, role, invited_by, created_at, expires_at, accepted_at FROM invitations WHERE org_id = $1";

/// Every member of the organization, by email.
pub async fn members(state: &AppState, tenant: &ActingOrg) -> ApiResult<Vec<Member>> {
    let mut scoped = state.db().scoped(tenant);
    Ok(scoped.fetch_all(scoped.sql(format!("{MEMBER_SELECT} ORDER BY u.email"))).await?)
}

/// List members
///
/// Everyone who signs in to the organization's console, with their role. Needs `read:members`.
#[utoipa::path(get, path = "/members", tag = "Members",
    responses((status = 200, description = "The members, by email", body = Vec<Member>)))]
async fn list_members(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<Member>>> {
    let tenant = auth.require(Need::Read("members"))?;
    Ok(Json(members(&state, tenant).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"role": "admin"}))]
pub struct ChangeRole {
    /// `owner`, `admin`, `developer` or `viewer`.
    #[schema(value_type = ConsoleRole)]
    pub role: String,
}

/// The console's roles ([`CONSOLE_ROLES`]) as the document names them; the bodies read a
/// string and check it (`check_role`).
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum ConsoleRole {
    Owner,
    Admin,
    Developer,
    Viewer,
}

async fn member(state: &AppState, tenant: &ActingOrg, user_id: &str) -> ApiResult<Member> {
    let mut scoped = state.db().scoped(tenant);
    let found: Option<Member> = scoped
        .fetch_optional(scoped.sql(format!("{MEMBER_SELECT} AND m.user_id = $2")).bind(user_id.to_owned()))
        .await?;
    found.ok_or_else(|| ApiError::not_found("member", user_id))
}

async fn owners(state: &AppState, tenant: &ActingOrg) -> ApiResult<i64> {
    let mut scoped = state.db().scoped(tenant);
    let (count,): (i64,) =
        scoped.fetch_one(scoped.sql("SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND role = 'owner'")).await?;
    Ok(count)
}

/// 403 unless the caller's scopes include everything `role` grants.
fn may_grant(state: &AppState, auth: &Auth, role: &str) -> ApiResult<()> {
    if auth.scopes().includes(&role_scopes(state, role)) {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::FORBIDDEN,
        "INSUFFICIENT_SCOPE",
        format!("{} cannot give the `{role}` role: its scopes go beyond the caller's", auth.caller()),
    ))
}

/// Change a member's role
///
/// Needs `write:members`, and scopes that include the new role's. The last owner keeps the
/// `owner` role (409 `LAST_OWNER`).
#[utoipa::path(patch, path = "/members/{userId}", tag = "Members", request_body = ChangeRole,
    params(("userId" = String, Path, description = "The member's user id (`usr_…`)")),
    responses((status = 200, description = "The member", body = Member)))]
async fn update_member(
    State(state): State<AppState>,
    auth: Auth,
    Path(user_id): Path<String>,
    Json(change): Json<ChangeRole>,
) -> ApiResult<Json<Member>> {
    let tenant = auth.require(Need::Write("members"))?;
    check_role(&change.role)?;
    may_grant(&state, &auth, &change.role)?;
    let current = member(&state, tenant, &user_id).await?;
    if current.role == "owner" && change.role != "owner" && owners(&state, tenant).await? <= 1 {
        return Err(last_owner());
    }
    let mut scoped = state.db().scoped(tenant);
    let update = scoped
        .sql("UPDATE memberships SET role = $3 WHERE org_id = $1 AND user_id = $2")
        .bind(user_id.clone())
        .bind(change.role.clone());
    scoped.execute(update).await?;
    let detail = json!({"email": current.email, "from": current.role, "to": change.role});
    audit::record(&state, auth.tenant(), auth.key_id(), "member.role_changed", Some(&user_id), detail).await;
    Ok(Json(member(&state, tenant, &user_id).await?))
}

fn last_owner() -> ApiError {
    ApiError::conflict("LAST_OWNER", "The organization needs an owner: make someone else owner first")
}

/// Remove a member
///
/// They can no longer sign in to this organization (their sessions in it end at once).
/// Needs `write:members`; the last owner cannot be removed (409 `LAST_OWNER`).
#[utoipa::path(delete, path = "/members/{userId}", tag = "Members",
    params(("userId" = String, Path, description = "The member's user id (`usr_…`)")),
    responses((status = 200, description = "Removed", body = Deleted)))]
async fn remove_member(
    State(state): State<AppState>,
    auth: Auth,
    Path(user_id): Path<String>,
) -> ApiResult<Json<Deleted>> {
    let tenant = auth.require(Need::Write("members"))?;
    let current = member(&state, tenant, &user_id).await?;
    if current.role == "owner" && owners(&state, tenant).await? <= 1 {
        return Err(last_owner());
    }
    let mut scoped = state.db().scoped(tenant);
    scoped
        .execute(scoped.sql("DELETE FROM console_sessions WHERE org_id = $1 AND user_id = $2").bind(user_id.clone()))
        .await?;
    scoped
        .execute(scoped.sql("DELETE FROM memberships WHERE org_id = $1 AND user_id = $2").bind(user_id.clone()))
        .await?;
    audit::record(
        &state,
        auth.tenant(),
        auth.key_id(),
        "member.removed",
        Some(&user_id),
        json!({"email": current.email}),
    )
    .await;
    Ok(Json(Deleted { id: user_id, deleted: true }))
}

/// List invitations
///
/// Invitations not yet accepted, newest first. Needs `read:members`.
#[utoipa::path(get, path = "/invitations", tag = "Members",
    responses((status = 200, description = "Pending invitations", body = Vec<Invitation>)))]
async fn list_invitations(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<Invitation>>> {
    let tenant = auth.require(Need::Read("members"))?;
    let mut scoped = state.db().scoped(tenant);
    let sql = format!("{INVITATION_SELECT} AND accepted_at IS NULL ORDER BY id DESC");
    Ok(Json(scoped.fetch_all(scoped.sql(sql)).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "sam@example.com", "role": "developer"}))]
pub struct Invite {
    #[schema(value_type = Email)]
    pub email: String,
    /// `owner`, `admin`, `developer` or `viewer`.
    #[schema(value_type = ConsoleRole)]
    pub role: String,
}

/// Invite someone
///
/// Mails a link to join (valid for 7 days; stored, not sent, when no SMTP server is
/// configured). Inviting the same email again replaces the earlier invitation. Needs
/// `write:members`, and scopes that include the role's; someone who is already a member is a
/// 409.
#[utoipa::path(post, path = "/invitations", tag = "Members", request_body = Invite,
    responses((status = 201, description = "Invited", body = Invitation)))]
async fn invite(
    State(state): State<AppState>,
    auth: Auth,
    Json(body): Json<Invite>,
) -> ApiResult<(StatusCode, Json<Invitation>)> {
    let tenant = auth.require(Need::Write("members"))?;
    let email = Email::parse("email", &body.email)?.as_str().to_lowercase();
    check_role(&body.role)?;
    may_grant(&state, &auth, &body.role)?;
    let mut scoped = state.db().scoped(tenant);
    let existing: Option<(String,)> = scoped
        .fetch_optional(
            scoped
                .sql("SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 AND u.email = $2")
                .bind(email.clone()),
        )
        .await?;
    if existing.is_some() {
        return Err(ApiError::conflict("CONFLICT", format!("{email} is already a member")).with_field("email"));
    }
    let mut random = [0u8; 32];
    getrandom::fill(&mut random).map_err(ApiError::internal)?;
    let token = URL_SAFE_NO_PAD.encode(random);
    let now = state.clock().now_ms();
    let invitation = Invitation {
        id: new_id("inv"),
        email: email.clone(),
        role: body.role.clone(),
        invited_by: auth.key_id().to_owned(),
        created_at: Timestamp(now),
        expires_at: Timestamp(now + INVITATION_DAYS * 86_400_000),
        accepted_at: None,
    };
    scoped
        .execute(
            scoped
                .sql("DELETE FROM invitations WHERE org_id = $1 AND email = $2 AND accepted_at IS NULL")
                .bind(email.clone()),
        )
        .await?;
    scoped
        .execute(
            scoped
                .sql(
                    "INSERT INTO invitations (id, org_id, token_hash, email, role, invited_by, created_at, expires_at) \
                     VALUES ($2, $1, $3, $4, $5, $6, $7, $8)",
                )
                .bind(invitation.id.clone())
                .bind(hex::encode(Sha256::digest(token.as_bytes())))
                .bind(email.clone())
                .bind(invitation.role.clone())
                .bind(invitation.invited_by.clone())
                .bind(now)
                .bind(invitation.expires_at.ms()),
        )
        .await?;
    let (org_name,): (String,) = scoped.fetch_one(scoped.sql("SELECT name FROM organizations WHERE id = $1")).await?;
    let link = format!("{}/console/invitations/{token}", state.public_url());
    let body = format!(
        "You are invited to join {org_name} on Gable as {role}.\n\nAccept the invitation (the link works for \
         {INVITATION_DAYS} days):\n{link}\n\nIf you did not expect this, ignore this message.\n",
        role = invitation.role
    );
    notify::mail(&state, tenant, &email, &format!("Join {org_name} on Gable"), &body).await?;
    audit::record(
        &state,
        auth.tenant(),
        auth.key_id(),
        "member.invited",
        Some(&invitation.id),
        json!({"email": email, "role": invitation.role}),
    )
    .await;
    Ok((StatusCode::CREATED, Json(invitation)))
}

/// Revoke an invitation
///
/// Its link stops working. Needs `write:members`.
#[utoipa::path(delete, path = "/invitations/{id}", tag = "Members",
    params(("id" = String, Path, description = "Invitation id (`inv_…`)")),
    responses((status = 200, description = "Revoked", body = Deleted)))]
async fn revoke_invitation(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<Deleted>> {
    let tenant = auth.require(Need::Write("members"))?;
    let mut scoped = state.db().scoped(tenant);
    let deleted = scoped
        .execute(
            scoped
                .sql("DELETE FROM invitations WHERE org_id = $1 AND id = $2 AND accepted_at IS NULL")
                .bind(id.clone()),
        )
        .await?;
    if deleted == 0 {
        return Err(ApiError::not_found("invitation", &id));
    }
    audit::record(&state, auth.tenant(), auth.key_id(), "invitation.revoked", Some(&id), json!({})).await;
    Ok(Json(Deleted { id, deleted: true }))
}

/// The roles, for forms.
pub fn roles() -> &'static [&'static str] {
    &CONSOLE_ROLES
}

#[cfg(test)]
mod tests {
    use utoipa::PartialSchema;

    use super::*;

    #[test]
    fn the_documented_roles_are_the_consoles() {
        let schema = serde_json::to_value(ConsoleRole::schema()).unwrap();
        assert_eq!(schema["enum"], json!(CONSOLE_ROLES), "{schema}");
    }
}
