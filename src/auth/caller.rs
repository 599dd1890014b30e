//! The authenticated caller ([`Auth`]), which handlers take, and the only way to the
//! [`ActingOrg`] storage requires: [`Auth::require`] with the scope the call needs.

use std::cell::RefCell;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::config::Features;
use crate::db::proof::ActingOrg;
use crate::vocab::error::ApiError;
use crate::vocab::plan::Plan;
use crate::vocab::scope::{Need, Scopes};

/// The rate-limit principal of a signed-in user: `user:<sub>`.
pub const PRINCIPAL_PREFIX: &str = "user:";

/// The principal of a console user (`console:usr_…`): what the audit log and idempotency
/// keys record for them.
pub const CONSOLE_PRINCIPAL_PREFIX: &str = "console:";

tokio::task_local! {
    /// The scopes [`Auth::require`] granted while [`record_granted`] runs a request.
    static GRANTED: RefCell<Vec<Need>>;
}

/// Runs `request` and returns its output with the scopes the handler was granted, in the
/// stored form (`read:leads write:leads`).
pub async fn record_granted<T>(request: impl Future<Output = T>) -> (T, String) {
    GRANTED
        .scope(RefCell::new(Vec::new()), async {
            let output = request.await;
            let granted = GRANTED.with(|granted| granted.take());
            let stored: Vec<String> = granted.iter().map(Need::to_string).collect();
            (output, stored.join(" "))
        })
        .await
}

/// An authenticated caller: an API key, or a user signed in with a JWT or to the console.
#[derive(Debug, Clone)]
pub struct Auth(Arc<AuthInner>);

#[derive(Debug)]
struct AuthInner {
    tenant: ActingOrg,
    /// The principal rate limits count against: the key's id, or `user:<sub>` for a JWT.
    key_id: String,
    scopes: Scopes,
    features: Features,
}

impl Auth {
    /// A caller authenticated as `principal` (a key id, or `user:<sub>`) acting for `tenant`,
    /// under the plans `features` need.
    pub(super) fn new(features: &Features, tenant: ActingOrg, principal: String, scopes: Scopes) -> Auth {
        Auth(Arc::new(AuthInner { tenant, key_id: principal, scopes, features: features.clone() }))
    }

    /// The tenant, if this key's scopes cover `need`; otherwise 403 `INSUFFICIENT_SCOPE`
    /// naming the missing scope.
    pub fn require(&self, need: Need) -> Result<&ActingOrg, ApiError> {
        if self.0.scopes.allows(need) {
            // Remembered for idempotency: a replay checks the same scopes again.
            let _ = GRANTED.try_with(|granted| granted.borrow_mut().push(need));
            return Ok(&self.0.tenant);
        }
        Err(ApiError::missing_scope(self.caller(), &need.to_string()))
    }

    /// The caller's scopes (a key's, or a signed-in user's role's).
    pub fn scopes(&self) -> &Scopes {
        &self.0.scopes
    }

    /// Who the caller is, in an error message: "This API key", or "Your role" (a user signed
    /// in with a JWT or to the console).
    pub fn caller(&self) -> &'static str {
        let user = [PRINCIPAL_PREFIX, CONSOLE_PRINCIPAL_PREFIX].iter().any(|p| self.0.key_id.starts_with(p));
        if user { "Your role" } else { "This API key" }
    }

    /// Like [`require`](Self::require), for calls that also need the webhooks feature's plan.
    pub fn require_webhooks(&self, need: Need) -> Result<&ActingOrg, ApiError> {
        if let Some(plan) = self.missing_plan(self.0.features.webhooks) {
            return Err(ApiError::plan_required(plan));
        }
        self.require(need)
    }

    /// `plan`, when the organization's plan is below it.
    pub(super) fn missing_plan(&self, plan: Plan) -> Option<Plan> {
        (self.0.tenant.plan() < plan).then_some(plan)
    }

    /// The organization without a scope check: for platform middleware that keeps
    /// per-organization state of its own (idempotency), and for the audit log's record of
    /// what a caller did after [`require`](Self::require) let them. Handlers use `require`.
    pub(crate) fn tenant(&self) -> &ActingOrg {
        &self.0.tenant
    }

    /// The key's id (`key_…`), or `user:<sub>` for a caller signed in with a JWT.
    pub fn key_id(&self) -> &str {
        &self.0.key_id
    }

    pub fn org_id(&self) -> &str {
        self.0.tenant.org_id()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<Auth>()
            .cloned()
            .ok_or_else(|| ApiError::internal("a handler that needs Auth is mounted outside the API router"))
    }
}
