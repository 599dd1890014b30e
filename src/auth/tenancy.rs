//! The proof of which organization a request acts for, on a file of its own so that storage
//! can require it without importing authentication.

use crate::vocab::plan::Plan;

/// The organization a request acts for (in the multi-tenant sense: not a rental tenant). Only
/// authentication makes one — for a key, a signed-in user, a public page addressed to the
/// organization, or the operator's CLI ([`ActingOrg::for_operator`]) — and every storage call
/// on an organization's rows takes one.
#[derive(Debug, Clone)]
pub struct ActingOrg {
    pub(super) org_id: String,
    pub(super) plan: Plan,
}

impl ActingOrg {
    pub fn org_id(&self) -> &str {
        &self.org_id
    }

    pub fn plan(&self) -> Plan {
        self.plan
    }
}
