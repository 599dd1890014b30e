//! Organizations (tenants) and their plans. Organizations are created by the operator
//! (`gable org create`), not through the tenant API.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::clock::{Clock, rfc3339};
use crate::db::{Db, system};
use crate::ids::new_id;

/// A plan; each feature needs a minimum plan (`[features]` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Plan {
    Starter,
    Grow,
    Elite,
}

impl Plan {
    /// The stored and configured form: `starter`, `grow`, `elite`.
    pub fn as_str(self) -> &'static str {
        match self {
            Plan::Starter => "starter",
            Plan::Grow => "grow",
            Plan::Elite => "elite",
        }
    }

    /// The documented form in `requiredPlan`: `Starter`, `Grow`, `Elite`.
    pub fn display_name(self) -> &'static str {
        match self {
            Plan::Starter => "Starter",
            Plan::Grow => "Grow",
            Plan::Elite => "Elite",
        }
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Plan {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "starter" => Ok(Plan::Starter),
            "grow" => Ok(Plan::Grow),
            "elite" => Ok(Plan::Elite),
            other => Err(format!("unknown plan `{other}` (starter, grow, elite)")),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub plan: Plan,
    pub owner_email: Option<String>,
    pub created_at: String,
}

#[derive(Debug, thiserror::Error)]
pub enum OrgError {
    #[error("organization name must not be empty")]
    EmptyName,
    #[error("owner email `{0}` is not an email address")]
    BadEmail(String),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Lowercase ASCII words joined by `-`: "Modern Villa in Beverly Hills!" → `modern-villa-in-beverly-hills`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { "item".to_owned() } else { slug.chars().take(80).collect() }
}

/// A cheap shape check, not a deliverability check: one `@`, something on each side, a dot after it.
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.contains(char::is_whitespace)
        && !domain.contains('@')
        && email.len() <= 254
}

pub async fn create(
    db: &Db,
    clock: &Clock,
    name: &str,
    plan: Plan,
    owner_email: Option<&str>,
) -> Result<Organization, OrgError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(OrgError::EmptyName);
    }
    if let Some(email) = owner_email
        && !is_email(email)
    {
        return Err(OrgError::BadEmail(email.to_owned()));
    }
    let base = slugify(name);
    let created_at = clock.now_ms();
    let id = new_id("org");
    let mut n = 1;
    loop {
        let slug = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        match system::insert_org(db, &id, name, &slug, plan, owner_email, created_at).await {
            Ok(()) => {
                return Ok(Organization {
                    id,
                    name: name.to_owned(),
                    slug,
                    plan,
                    owner_email: owner_email.map(str::to_owned),
                    created_at: rfc3339(created_at),
                });
            }
            Err(err) if crate::db::is_unique_violation(&err) => n += 1,
            Err(err) => return Err(err.into()),
        }
    }
}

pub async fn list(db: &Db) -> Result<Vec<Organization>, sqlx::Error> {
    system::list_orgs(db).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Modern Villa in Beverly Hills"), "modern-villa-in-beverly-hills");
        assert_eq!(slugify("  Élan -- Realty!! "), "lan-realty");
        assert_eq!(slugify("!!!"), "item");
    }

    #[test]
    fn emails() {
        assert!(is_email("owner@example.com"));
        assert!(!is_email("owner@example"));
        assert!(!is_email("@example.com"));
        assert!(!is_email("a b@example.com"));
    }

    #[test]
    fn plans_order_and_names() {
        assert!(Plan::Starter < Plan::Grow && Plan::Grow < Plan::Elite);
        assert_eq!("Elite".parse::<Plan>().unwrap(), Plan::Elite);
        assert_eq!(Plan::Grow.display_name(), "Grow");
        assert!("gold".parse::<Plan>().is_err());
    }
}
