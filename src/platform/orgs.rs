//! Organizations (tenants) and their plans. Organizations are created by the operator
//! (`gable org create`), not through the tenant API.

use crate::db::{Db, system};
use crate::resource::validate::slugify;
use crate::vocab::clock::{Clock, rfc3339};
use crate::vocab::contact::is_email;
use crate::vocab::ids::new_id;
use crate::vocab::plan::Plan;

pub use crate::db::system::Organization;

#[derive(Debug, thiserror::Error)]
pub enum OrgError {
    #[error("organization name must not be empty")]
    EmptyName,
    #[error("owner email `{0}` is not an email address")]
    BadEmail(String),
    #[error("external organization id `{0}` must be 1 to 128 printable characters without spaces")]
    BadExternalId(String),
    #[error("external organization id `{external_org_id}` is already linked to organization {org_id}")]
    ExternalIdTaken { external_org_id: String, org_id: String },
    #[error("no organization with id `{0}`")]
    NotFound(String),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub async fn create(
    db: &Db,
    clock: &Clock,
    name: &str,
    plan: Plan,
    owner_email: Option<&str>,
) -> Result<Organization, OrgError> {
    create_linked(db, clock, name, plan, owner_email, None).await
}

/// Like [`create`], linked at once to an identity provider's organization (`gable org create
/// --external-org-id`).
pub async fn create_linked(
    db: &Db,
    clock: &Clock,
    name: &str,
    plan: Plan,
    owner_email: Option<&str>,
    external_org_id: Option<&str>,
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
    if let Some(external) = external_org_id {
        check_external_id(external)?;
        ensure_external_id_free(db, external).await?;
    }
    let base = slugify(name);
    let created_at = clock.now_ms();
    let id = new_id("org");
    let mut n = 1;
    loop {
        let slug = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        let row = system::NewOrgRow { id: &id, name, slug: &slug, plan, owner_email, external_org_id, created_at };
        match system::insert_org(db, &row).await {
            Ok(()) => {
                return Ok(Organization {
                    id,
                    name: name.to_owned(),
                    slug,
                    plan,
                    owner_email: owner_email.map(str::to_owned),
                    external_org_id: external_org_id.map(str::to_owned),
                    created_at: rfc3339(created_at),
                });
            }
            Err(err) if crate::db::is_unique_violation(&err) => {
                // The slug is taken, unless the link was taken meanwhile.
                if let Some(external) = external_org_id {
                    ensure_external_id_free(db, external).await?;
                }
                n += 1;
            }
            Err(err) => return Err(err.into()),
        }
    }
}

/// Links an organization to an identity provider's organization (`gable org link`), or
/// removes the link (`None`, `gable org unlink`).
pub async fn link(db: &Db, org_id: &str, external_org_id: Option<&str>) -> Result<Organization, OrgError> {
    if let Some(external) = external_org_id {
        check_external_id(external)?;
        if let Some(other) = system::find_org_by_external_id(db, external).await?
            && other.id != org_id
        {
            return Err(OrgError::ExternalIdTaken { external_org_id: external.to_owned(), org_id: other.id });
        }
    }
    match system::set_external_org_id(db, org_id, external_org_id).await {
        Ok(true) => {}
        Ok(false) => return Err(OrgError::NotFound(org_id.to_owned())),
        Err(err) if crate::db::is_unique_violation(&err) => {
            ensure_external_id_free(db, external_org_id.unwrap_or_default()).await?;
            return Err(err.into());
        }
        Err(err) => return Err(err.into()),
    }
    system::find_org(db, org_id).await?.ok_or_else(|| OrgError::NotFound(org_id.to_owned()))
}

fn check_external_id(external_org_id: &str) -> Result<(), OrgError> {
    let fine = !external_org_id.is_empty()
        && external_org_id.len() <= 128
        && external_org_id.chars().all(|c| c.is_ascii_graphic());
    if fine { Ok(()) } else { Err(OrgError::BadExternalId(external_org_id.to_owned())) }
}

async fn ensure_external_id_free(db: &Db, external_org_id: &str) -> Result<(), OrgError> {
    match system::find_org_by_external_id(db, external_org_id).await? {
        Some(org) => Err(OrgError::ExternalIdTaken { external_org_id: external_org_id.to_owned(), org_id: org.id }),
        None => Ok(()),
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
