//! The console's people and sessions (`crate::console`): queries that cannot be scoped to one
//! organization because they find the organization — a user by email at sign-in, a session
//! by its token's hash on every console request — and the operator's `gable user create`.

use sqlx::FromRow;

use super::{Db, Sql};

fn sql(text: &'static str) -> Sql {
    Sql::unscoped(text.into())
}

/// A user, with the password hash sign-in checks.
#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub password_hash: String,
}

/// One organization a user belongs to.
#[derive(Debug, Clone, FromRow)]
pub struct MembershipRow {
    pub org_id: String,
    pub org_name: String,
    pub plan: String,
    pub role: String,
}

/// A live session as a console request sees it: who, for which organization, in which role.
#[derive(Debug, Clone, FromRow)]
pub struct SessionRow {
    pub user_id: String,
    pub email: String,
    pub org_id: String,
    pub org_name: String,
    pub plan: String,
    pub role: String,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

pub async fn insert_user(db: &Db, id: &str, email: &str, password_hash: &str, now: i64) -> Result<(), sqlx::Error> {
    let statement = sql("INSERT INTO users (id, email, password_hash, created_at) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(email)
        .bind(password_hash)
        .bind(now);
    db.unscoped().execute(statement).await.map(|_| ())
}

pub async fn find_user_by_email(db: &Db, email: &str) -> Result<Option<UserRow>, sqlx::Error> {
    db.unscoped().fetch_optional(sql("SELECT id, email, password_hash FROM users WHERE email = $1").bind(email)).await
}

pub async fn set_password(db: &Db, user_id: &str, password_hash: &str) -> Result<(), sqlx::Error> {
    let statement = sql("UPDATE users SET password_hash = $2 WHERE id = $1").bind(user_id).bind(password_hash);
    db.unscoped().execute(statement).await.map(|_| ())
}

/// Adds the user to the organization with `role`; false when they already belong to it.
pub async fn insert_membership(
    db: &Db,
    org_id: &str,
    user_id: &str,
    role: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let statement = sql("INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (org_id, user_id) DO NOTHING")
    .bind(org_id)
    .bind(user_id)
    .bind(role)
    .bind(now);
    Ok(db.unscoped().execute(statement).await? > 0)
}

/// The organizations the user belongs to, oldest membership first.
pub async fn memberships(db: &Db, user_id: &str) -> Result<Vec<MembershipRow>, sqlx::Error> {
    let statement = sql("SELECT m.org_id, o.name AS org_name, o.plan, m.role FROM memberships m \
                         JOIN organizations o ON o.id = m.org_id WHERE m.user_id = $1 ORDER BY m.created_at, m.org_id")
    .bind(user_id);
    db.unscoped().fetch_all(statement).await
}

pub async fn insert_session(
    db: &Db,
    token_hash: &str,
    user_id: &str,
    org_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    let statement = sql("INSERT INTO console_sessions (token_hash, user_id, org_id, created_at, last_seen_at, \
                         expires_at) VALUES ($1, $2, $3, $4, $4, $5)")
    .bind(token_hash)
    .bind(user_id)
    .bind(org_id)
    .bind(now)
    .bind(expires_at);
    db.unscoped().execute(statement).await.map(|_| ())
}

/// The session with this token hash, with its user's current role in its organization (none
/// once the membership is gone).
pub async fn find_session(db: &Db, token_hash: &str) -> Result<Option<SessionRow>, sqlx::Error> {
    let statement = sql("SELECT s.user_id, u.email, s.org_id, o.name AS org_name, o.plan, m.role, s.last_seen_at, \
                         s.expires_at FROM console_sessions s JOIN users u ON u.id = s.user_id \
                         JOIN organizations o ON o.id = s.org_id \
                         JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id \
                         WHERE s.token_hash = $1")
    .bind(token_hash);
    db.unscoped().fetch_optional(statement).await
}

pub async fn touch_session(db: &Db, token_hash: &str, now: i64) -> Result<(), sqlx::Error> {
    let statement =
        sql("UPDATE console_sessions SET last_seen_at = $2 WHERE token_hash = $1").bind(token_hash).bind(now);
    db.unscoped().execute(statement).await.map(|_| ())
}

pub async fn delete_session(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    db.unscoped().execute(sql("DELETE FROM console_sessions WHERE token_hash = $1").bind(token_hash)).await.map(|_| ())
}

/// Signs the user out everywhere: every session of theirs ends. Returns how many did.
pub async fn delete_user_sessions(db: &Db, user_id: &str) -> Result<u64, sqlx::Error> {
    db.unscoped().execute(sql("DELETE FROM console_sessions WHERE user_id = $1").bind(user_id)).await
}

/// An invitation as its link finds it.
#[derive(Debug, Clone, FromRow)]
pub struct InvitationRow {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    pub plan: String,
    pub email: String,
    pub role: String,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

pub async fn find_invitation(db: &Db, token_hash: &str) -> Result<Option<InvitationRow>, sqlx::Error> {
    let statement = sql("SELECT i.id, i.org_id, o.name AS org_name, o.plan, i.email, i.role, i.expires_at, \
                         i.accepted_at FROM invitations i JOIN organizations o ON o.id = i.org_id \
                         WHERE i.token_hash = $1")
    .bind(token_hash);
    db.unscoped().fetch_optional(statement).await
}

/// Marks the invitation accepted; false when it already was (a second tab, a replay).
pub async fn accept_invitation(db: &Db, id: &str, now: i64) -> Result<bool, sqlx::Error> {
    let statement =
        sql("UPDATE invitations SET accepted_at = $2 WHERE id = $1 AND accepted_at IS NULL").bind(id).bind(now);
    Ok(db.unscoped().execute(statement).await? > 0)
}

pub async fn insert_reset(
    db: &Db,
    token_hash: &str,
    user_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    let statement =
        sql("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user_id)
            .bind(now)
            .bind(expires_at);
    db.unscoped().execute(statement).await.map(|_| ())
}

/// Uses a password reset: the user it belongs to, if it is unused and not expired (it is
/// used up either way).
pub async fn use_reset(db: &Db, token_hash: &str, now: i64) -> Result<Option<String>, sqlx::Error> {
    let statement = sql("UPDATE password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL \
                         AND expires_at > $2 RETURNING user_id")
    .bind(token_hash)
    .bind(now);
    let row: Option<(String,)> = db.unscoped().fetch_optional(statement).await?;
    Ok(row.map(|(user_id,)| user_id))
}

/// Whether a password reset link is live (shown before the new password is chosen).
pub async fn reset_is_live(db: &Db, token_hash: &str, now: i64) -> Result<bool, sqlx::Error> {
    let statement =
        sql("SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2")
            .bind(token_hash)
            .bind(now);
    let row: Option<(String,)> = db.unscoped().fetch_optional(statement).await?;
    Ok(row.is_some())
}

/// Moves a session to another organization of its user's.
pub async fn set_session_org(db: &Db, token_hash: &str, org_id: &str) -> Result<(), sqlx::Error> {
    let statement = sql("UPDATE console_sessions SET org_id = $2 WHERE token_hash = $1").bind(token_hash).bind(org_id);
    db.unscoped().execute(statement).await.map(|_| ())
}
