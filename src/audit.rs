//! The audit log's writing side: who did what to the organization's access — keys created and
//! revoked, webhook endpoints changed, members invited, changed and removed, the
//! organization's settings, and console sign-ins. Every area records through [`record`]; the
//! log is read through the engine (`platform::audit_log`: `GET /api/audit-log`, scope
//! `admin`). Entries are never changed or deleted through the API.

use serde_json::Value as Json;

use crate::db::proof::ActingOrg;
use crate::state::AppState;
use crate::vocab::ids::new_id;

/// Records that `actor` (a key's id, `console:usr_…`, `user:<sub>`: the caller's
/// `Auth::key_id`) did `action` to `target` in `tenant`. The change has already happened, so a
/// failure here is logged rather than failing the request.
pub async fn record(
    state: &AppState,
    tenant: &ActingOrg,
    actor: &str,
    action: &str,
    target: Option<&str>,
    detail: Json,
) {
    record_from(state, tenant, actor, action, target, detail, None).await;
}

/// Like [`record`], with the client's address (console sign-ins).
pub async fn record_from(
    state: &AppState,
    tenant: &ActingOrg,
    actor: &str,
    action: &str,
    target: Option<&str>,
    detail: Json,
    ip: Option<String>,
) {
    let mut scoped = state.db().scoped(tenant);
    let statement = scoped
        .sql(
            "INSERT INTO audit_log (id, org_id, actor, action, target, detail, ip, created_at) \
             VALUES ($2, $1, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new_id("aud"))
        .bind(actor.to_owned())
        .bind(action.to_owned())
        .bind(target.map(str::to_owned))
        .bind(detail.to_string())
        .bind(ip)
        .bind(state.clock().now_ms());
    if let Err(err) = scoped.execute(statement).await {
        tracing::error!(error = %err, action, org = tenant.org_id(), "could not write the audit log");
    }
}
