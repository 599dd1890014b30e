//! The proofs storage asks for before it touches an organization's rows. Storage names them, so
//! it imports neither authentication nor the job runner; each is made in one place only, which
//! the test below holds the tree to.

use crate::vocab::plan::Plan;

/// The organization a request acts for (in the multi-tenant sense: not a rental tenant). Only
/// authentication makes one (`crate::auth`) — for a key, a signed-in user, a public page
/// addressed to the organization, or the operator's CLI — and every storage call on an
/// organization's rows takes one ([`super::Db::scoped`]).
#[derive(Debug, Clone)]
pub struct ActingOrg {
    org_id: String,
    plan: Plan,
}

impl ActingOrg {
    /// For `crate::auth` alone, once it has established who is calling.
    pub(crate) fn vouched(org_id: String, plan: Plan) -> ActingOrg {
        ActingOrg { org_id, plan }
    }

    pub fn org_id(&self) -> &str {
        &self.org_id
    }

    pub fn plan(&self) -> Plan {
        self.plan
    }
}

/// Proof that the caller is a background job (`crate::jobs`: the webhook workers, the rent
/// schedule, purges), not a request handler. With it, [`super::Db::jobs`] runs statements
/// across organizations.
pub struct JobToken(());

impl JobToken {
    /// For `crate::jobs` alone, which hands the token to the jobs it runs.
    pub(crate) fn new() -> JobToken {
        JobToken(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every file under `src/` that contains `needle`, relative to `src/`.
    fn files_containing(needle: &str) -> Vec<String> {
        fn walk(dir: &Path, needle: &str, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, needle, found);
                } else if std::fs::read_to_string(&path).unwrap().contains(needle) {
                    found.push(path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string());
                }
            }
        }
        let mut found = Vec::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), needle, &mut found);
        found.retain(|path| !path.ends_with("db/proof.rs"));
        found
    }

    #[test]
    fn only_authentication_vouches_for_an_organization_and_only_the_job_runner_makes_job_tokens() {
        for path in files_containing(concat!("ActingOrg::", "vouched(")) {
            assert!(path.starts_with("src/auth/"), "{path} makes an ActingOrg: only authentication may");
        }
        for path in files_containing(concat!("JobToken::", "new(")) {
            assert!(path.starts_with("src/jobs/"), "{path} makes a JobToken: only the job runner may");
        }
    }
}
