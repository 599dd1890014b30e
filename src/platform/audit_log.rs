//! The audit log through the engine: `GET /api/audit-log` (newest first, filters `action` and
//! `actor`) and `GET /api/audit-log/{id}`, and `auditLog`/`auditEntry` in GraphQL, with the
//! `admin` scope. Entries are written by `crate::audit::record`.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use crate::auth::{ActingOrg, Auth};
use crate::resource::{Columns, Filters, Meta, Resource};
use crate::vocab::error::ApiResult;
use crate::vocab::scope::Need;
use crate::vocab::values::{JsonText, Timestamp};

/// One thing someone did.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "aud_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "actor": "console:usr_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "action": "api_key.created", "target": "key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "detail": {"name": "Postman Testing", "scopes": ["read:*"]}, "ip": null,
    "createdAt": "2025-01-15T10:30:00.000Z"
}))]
pub struct AuditEntry {
    pub id: String,
    /// Who: an API key's id (`key_…`), a console user (`console:usr_…`) or a user signed in
    /// with a JWT (`user:<sub>`).
    pub actor: String,
    /// What: `api_key.created`, `api_key.revoked`, `webhook_endpoint.created`,
    /// `webhook_endpoint.updated`, `webhook_endpoint.deleted`, `webhook_endpoint.secret_rotated`,
    /// `member.invited`, `member.role_changed`, `member.removed`, `invitation.accepted`,
    /// `invitation.revoked`, `organization.updated`, `console.signed_in`.
    pub action: String,
    /// The id of the object it was done to.
    pub target: Option<String>,
    /// What changed (never a secret).
    pub detail: JsonText,
    /// The client's address, for console sign-ins.
    pub ip: Option<String>,
    pub created_at: Timestamp,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// Only entries of this action, e.g. `api_key.created`.
    pub action: Option<String>,
    /// Only what this actor did, e.g. a key's id.
    pub actor: Option<String>,
}

/// The audit log through the engine (reads only: entries are written by [`record`]).
pub struct AuditLog;

impl Resource for AuditLog {
    const META: Meta = Meta {
        name: "audit_entry",
        plural: "audit log",
        path: "/audit-log",
        table: "audit_log",
        id_prefix: "aud",
        scope: "admin",
        tag: "Audit log",
    };
    type Record = AuditEntry;
    type Filter = AuditFilter;

    const LIST_DOC: Option<&'static str> = Some(
        "Who did what to the organization's access, newest first: keys created and revoked, webhook \
         endpoints changed, members invited, changed and removed, settings changed, console sign-ins. \
         Paginate with `limit` and `startingAfter`. Needs the `admin` scope.",
    );

    fn filter(f: &AuditFilter, filters: &mut Filters) {
        filters.eq("action", f.action.clone());
        filters.eq("actor", f.actor.clone());
    }

    /// Key management's scope: the log shows who holds which keys.
    fn authorize(auth: &Auth, _need: Need) -> ApiResult<&ActingOrg> {
        auth.require(Need::Admin)
    }
}
