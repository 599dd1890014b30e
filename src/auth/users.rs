//! People who sign in to the console (`crate::console`): users with a password (Argon2id)
//! who belong to organizations with a role, and server-side sessions.
//!
//! A session's token is 32 random bytes in the cookie; only its SHA-256 is stored, so the
//! table cannot be replayed. A session ends after `[console] session_idle` without use, at
//! `session_lifetime` after sign-in, on sign-out, and on "sign out everywhere". Each request
//! of a live session gets an [`Auth`] with its role's scopes (`[console.role_scopes]`): the
//! console acts through the same scope checks and engine functions as an API key.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use super::{ActingOrg, Auth, CONSOLE_PRINCIPAL_PREFIX};
use serde_json::json;

use crate::audit;
use crate::config::CONSOLE_ROLES;
use crate::db::{Db, accounts, is_unique_violation, parse_column};
use crate::state::AppState;
use crate::vocab::clock::Clock;
use crate::vocab::contact::Email;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::ids::new_id;
use crate::vocab::scope::Scopes;

/// Passwords shorter than this are refused (NIST SP 800-63B's minimum is 8).
pub const MIN_PASSWORD: usize = 10;
/// Longer passwords are refused before hashing: Argon2 of a megabyte is a denial of service.
pub const MAX_PASSWORD: usize = 256;

/// A user as `gable user create` prints it.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    pub email: String,
    pub org_id: String,
    pub role: String,
}

/// The PHC string of `password` (Argon2id, the crate's defaults: 19 MiB, 2 passes).
pub fn hash_password(password: &str) -> ApiResult<String> {
    Argon2::default().hash_password(password.as_bytes()).map(|hash| hash.to_string()).map_err(ApiError::internal)
}

/// Whether `password` matches the stored PHC string.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
}

/// A hash nobody's password matches, verified when the email is unknown so that a wrong
/// email takes as long as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password(&URL_SAFE_NO_PAD.encode(random_bytes())).unwrap_or_default())
}

fn random_bytes() -> [u8; 32] {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    bytes
}

/// A new random password (the demo owner's one-time password): 24 URL-safe characters.
pub fn random_password() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes())[..24].to_owned()
}

fn check_password(password: &str) -> ApiResult<()> {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        return Err(ApiError::validation("password", format!("The password needs at least {MIN_PASSWORD} characters")));
    }
    if password.len() > MAX_PASSWORD {
        return Err(ApiError::validation("password", format!("The password can be at most {MAX_PASSWORD} bytes")));
    }
    Ok(())
}

/// 400 unless `role` is one of the console's roles.
pub fn check_role(role: &str) -> ApiResult<()> {
    if CONSOLE_ROLES.contains(&role) {
        return Ok(());
    }
    Err(ApiError::validation("role", format!("`role` must be one of {}", CONSOLE_ROLES.join(", "))))
}

/// Creates a user in the organization (`gable user create`, the demo owner). An email that
/// already has an account gets a membership of this organization instead, its password
/// unchanged; one that already belongs to the organization is a 409.
pub async fn create_user(
    db: &Db,
    clock: &Clock,
    org_id: &str,
    email: &str,
    role: &str,
    password: &str,
) -> ApiResult<User> {
    let email = Email::parse("email", email)?.as_str().to_lowercase();
    check_role(role)?;
    check_password(password)?;
    let now = clock.now_ms();
    if ActingOrg::for_operator(db, org_id).await?.is_none() {
        return Err(ApiError::not_found("organization", org_id).with_field("org"));
    }
    let user_id = match accounts::find_user_by_email(db, &email).await? {
        Some(user) => user.id,
        None => {
            let id = new_id("usr");
            let hash = hash_password(password)?;
            match accounts::insert_user(db, &id, &email, &hash, now).await {
                Ok(()) => id,
                Err(err) if is_unique_violation(&err) => accounts::find_user_by_email(db, &email)
                    .await?
                    .map(|user| user.id)
                    .ok_or_else(|| ApiError::internal("a user that was just created by another request vanished"))?,
                Err(err) => return Err(err.into()),
            }
        }
    };
    if !accounts::insert_membership(db, org_id, &user_id, role, now).await? {
        return Err(
            ApiError::conflict("CONFLICT", format!("{email} already belongs to this organization")).with_field("email")
        );
    }
    Ok(User { id: user_id, email, org_id: org_id.to_owned(), role: role.to_owned() })
}

/// Sets a user's password (the demo owner's new one-time password on each `serve --demo`),
/// and ends their sessions.
pub async fn reset_password(db: &Db, email: &str, password: &str) -> ApiResult<bool> {
    check_password(password)?;
    let Some(user) = accounts::find_user_by_email(db, &email.to_lowercase()).await? else { return Ok(false) };
    accounts::set_password(db, &user.id, &hash_password(password)?).await?;
    accounts::delete_user_sessions(db, &user.id).await?;
    Ok(true)
}

/// Who is signed in, for one console request.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The role's scopes for the session's organization: what every console action requires.
    pub auth: Auth,
    pub user_id: String,
    pub email: String,
    pub org_name: String,
    pub role: String,
    /// The CSRF token of this session, which every state-changing form must carry.
    pub csrf: String,
    token_hash: String,
}

impl SignedIn {
    pub fn token_hash(&self) -> &str {
        &self.token_hash
    }
}

/// A session just started: the token for the cookie.
pub struct Started {
    pub token: String,
}

/// Why a sign-in was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum SignInError {
    /// Unknown email or wrong password (the same answer for both).
    Wrong,
    /// The account belongs to no organization any more.
    NoOrganization,
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The CSRF token of the session with this token: derived from it (so it needs no storage,
/// and a page can carry it without revealing the session token).
fn csrf_of(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(format!("gable-console-csrf:{token}").as_bytes()))
}

/// Checks the email and password and starts a session in the user's first organization
/// (recorded in its audit log, with the client's address).
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    ip: Option<String>,
) -> ApiResult<Result<Started, SignInError>> {
    let email = email.trim().to_lowercase();
    let db = state.db();
    let user = if password.len() > MAX_PASSWORD { None } else { accounts::find_user_by_email(db, &email).await? };
    let hash = user.as_ref().map_or_else(|| decoy_hash().to_owned(), |user| user.password_hash.clone());
    let candidate = password.to_owned();
    let matches =
        tokio::task::spawn_blocking(move || verify_password(&candidate, &hash)).await.map_err(ApiError::internal)?;
    let Some(user) = user.filter(|_| matches) else { return Ok(Err(SignInError::Wrong)) };
    let Some(membership) = accounts::memberships(db, &user.id).await?.into_iter().next() else {
        return Ok(Err(SignInError::NoOrganization));
    };
    let started = start_session(state, &user.id, &membership.org_id).await?;
    let tenant = ActingOrg::vouched(membership.org_id, parse_column(&membership.plan, "plan")?);
    let actor = format!("{CONSOLE_PRINCIPAL_PREFIX}{}", user.id);
    let detail = json!({"email": user.email});
    audit::record_from(state, &tenant, &actor, "console.signed_in", Some(&user.id), detail, ip).await;
    Ok(Ok(started))
}

async fn start_session(state: &AppState, user_id: &str, org_id: &str) -> ApiResult<Started> {
    let token = URL_SAFE_NO_PAD.encode(random_bytes());
    let now = state.clock().now_ms();
    let lifetime = state.settings().console.session_lifetime.0.as_millis() as i64;
    accounts::insert_session(state.db(), &token_hash(&token), user_id, org_id, now, now + lifetime).await?;
    Ok(Started { token })
}

/// An invitation as its page shows it.
#[derive(Debug, Clone)]
pub struct InvitationView {
    pub email: String,
    pub org_name: String,
    pub role: String,
    /// Whether the email already has an account (then its password accepts).
    pub has_account: bool,
}

/// A live invitation by its link's token, or why it no longer works.
pub async fn invitation(state: &AppState, token: &str) -> ApiResult<Result<InvitationView, &'static str>> {
    let db = state.db();
    let Some(found) = accounts::find_invitation(db, &token_hash(token)).await? else {
        return Ok(Err("This invitation link is not valid: it may have been revoked. Ask for a new one."));
    };
    if found.accepted_at.is_some() {
        return Ok(Err("This invitation has already been accepted. Sign in instead."));
    }
    if found.expires_at <= state.clock().now_ms() {
        return Ok(Err("This invitation has expired. Ask for a new one."));
    }
    let has_account = accounts::find_user_by_email(db, &found.email).await?.is_some();
    Ok(Ok(InvitationView { email: found.email, org_name: found.org_name, role: found.role, has_account }))
}

/// Accepts an invitation: with a new password for a new account, or the account's password
/// for an existing one; the person joins in the invitation's role and is signed in to it.
pub async fn accept_invitation(state: &AppState, token: &str, password: &str) -> ApiResult<Result<Started, String>> {
    let db = state.db();
    if let Err(refusal) = invitation(state, token).await? {
        return Ok(Err(refusal.to_owned()));
    }
    let Some(found) = accounts::find_invitation(db, &token_hash(token)).await? else {
        return Ok(Err("This invitation link is not valid.".into()));
    };
    let now = state.clock().now_ms();
    let user_id = match accounts::find_user_by_email(db, &found.email).await? {
        Some(user) => {
            let (candidate, hash) = (password.to_owned(), user.password_hash.clone());
            let matches = tokio::task::spawn_blocking(move || verify_password(&candidate, &hash))
                .await
                .map_err(ApiError::internal)?;
            if !matches {
                return Ok(Err(format!("That is not the password of the account {}.", found.email)));
            }
            user.id
        }
        None => {
            if let Err(err) = check_password(password) {
                return Ok(Err(err.message().to_owned()));
            }
            let id = new_id("usr");
            accounts::insert_user(db, &id, &found.email, &hash_password(password)?, now).await?;
            id
        }
    };
    if !accounts::accept_invitation(db, &found.id, now).await? {
        return Ok(Err("This invitation has already been accepted. Sign in instead.".into()));
    }
    accounts::insert_membership(db, &found.org_id, &user_id, &found.role, now).await?;
    let tenant = ActingOrg::vouched(found.org_id.clone(), parse_column(&found.plan, "plan")?);
    let actor = format!("{CONSOLE_PRINCIPAL_PREFIX}{user_id}");
    let detail = json!({"email": found.email, "role": found.role});
    audit::record(state, &tenant, &actor, "invitation.accepted", Some(&found.id), detail).await;
    Ok(Ok(start_session(state, &user_id, &found.org_id).await?))
}

/// How long a password reset link works.
pub const RESET_MINUTES: i64 = 60;

/// Mails a password reset link if the email has an account (and says nothing either way, so
/// the form does not reveal who has one).
pub async fn request_reset(state: &AppState, email: &str) -> ApiResult<()> {
    let db = state.db();
    let Some(user) = accounts::find_user_by_email(db, &email.trim().to_lowercase()).await? else { return Ok(()) };
    let Some(membership) = accounts::memberships(db, &user.id).await?.into_iter().next() else { return Ok(()) };
    let token = URL_SAFE_NO_PAD.encode(random_bytes());
    let now = state.clock().now_ms();
    accounts::insert_reset(db, &token_hash(&token), &user.id, now, now + RESET_MINUTES * 60_000).await?;
    let tenant = ActingOrg::vouched(membership.org_id, parse_column(&membership.plan, "plan")?);
    let link = format!("{}/console/reset-password/{token}", state.public_url());
    let body = format!(
        "Someone asked to reset the password of your Gable account {}.\n\nChoose a new password (the link \
         works for {RESET_MINUTES} minutes, once):\n{link}\n\nIf it was not you, ignore this message: your \
         password stays as it is.\n",
        user.email
    );
    crate::notify::mail(state, &tenant, &user.email, "Reset your Gable password", &body).await?;
    Ok(())
}

/// Whether a reset link still works.
pub async fn reset_is_live(state: &AppState, token: &str) -> ApiResult<bool> {
    Ok(accounts::reset_is_live(state.db(), &token_hash(token), state.clock().now_ms()).await?)
}

/// Sets a new password with a reset link (used once), and ends every session of the account.
pub async fn reset_with_token(state: &AppState, token: &str, password: &str) -> ApiResult<Result<(), String>> {
    if let Err(err) = check_password(password) {
        return Ok(Err(err.message().to_owned()));
    }
    let db = state.db();
    let Some(user_id) = accounts::use_reset(db, &token_hash(token), state.clock().now_ms()).await? else {
        return Ok(Err("This link has expired or was already used. Ask for a new one.".into()));
    };
    accounts::set_password(db, &user_id, &hash_password(password)?).await?;
    accounts::delete_user_sessions(db, &user_id).await?;
    Ok(Ok(()))
}

/// The organizations this user belongs to: (id, name), for the switcher.
pub async fn organizations(state: &AppState, user_id: &str) -> ApiResult<Vec<(String, String)>> {
    let rows = accounts::memberships(state.db(), user_id).await?;
    Ok(rows.into_iter().map(|m| (m.org_id, m.org_name)).collect())
}

/// Moves this session to another of the user's organizations; false if they do not belong to it.
pub async fn switch_organization(state: &AppState, signed_in: &SignedIn, org_id: &str) -> ApiResult<bool> {
    let belongs = accounts::memberships(state.db(), &signed_in.user_id).await?.iter().any(|m| m.org_id == org_id);
    if belongs {
        accounts::set_session_org(state.db(), &signed_in.token_hash, org_id).await?;
    }
    Ok(belongs)
}

/// The live session with this token, refreshed; `None` when it is unknown, ended or expired
/// (an expired one is deleted).
pub async fn authenticate(state: &AppState, token: &str) -> ApiResult<Option<SignedIn>> {
    let hash = token_hash(token);
    let db = state.db();
    let Some(row) = accounts::find_session(db, &hash).await? else { return Ok(None) };
    let now = state.clock().now_ms();
    let idle = state.settings().console.session_idle.0.as_millis() as i64;
    if row.expires_at <= now || row.last_seen_at + idle <= now {
        accounts::delete_session(db, &hash).await?;
        return Ok(None);
    }
    if now - row.last_seen_at >= 60_000 {
        accounts::touch_session(db, &hash, now).await?;
    }
    let tenant = ActingOrg::vouched(row.org_id.clone(), parse_column(&row.plan, "plan")?);
    let scopes = role_scopes(state, &row.role);
    let auth =
        Auth::new(&state.settings().features, tenant, format!("{CONSOLE_PRINCIPAL_PREFIX}{}", row.user_id), scopes);
    Ok(Some(SignedIn {
        auth,
        user_id: row.user_id,
        email: row.email,
        org_name: row.org_name,
        role: row.role,
        csrf: csrf_of(token),
        token_hash: hash,
    }))
}

/// The scopes of a console role (`[console.role_scopes]`; none for a role not configured).
pub fn role_scopes(state: &AppState, role: &str) -> Scopes {
    state
        .settings()
        .console
        .role_scopes
        .get(role)
        .and_then(|scopes| Scopes::parse(scopes.0.iter().map(String::as_str)).ok())
        .unwrap_or_default()
}

/// Ends this session.
pub async fn sign_out(state: &AppState, signed_in: &SignedIn) -> ApiResult<()> {
    Ok(accounts::delete_session(state.db(), &signed_in.token_hash).await?)
}

/// Ends every session of this user, on every device.
pub async fn sign_out_everywhere(state: &AppState, signed_in: &SignedIn) -> ApiResult<u64> {
    Ok(accounts::delete_user_sessions(state.db(), &signed_in.user_id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("anything", "not a phc string"));
        assert_ne!(hash, hash_password("correct horse battery").unwrap(), "salted");
    }

    #[test]
    fn csrf_tokens_are_per_session_and_do_not_reveal_it() {
        let (a, b) = (csrf_of("token-a"), csrf_of("token-b"));
        assert_ne!(a, b);
        assert!(!a.contains("token-a"));
        assert_eq!(a, csrf_of("token-a"));
    }
}
