//! `gable serve --demo`: a demo organization on the Elite plan with sample data, and a new
//! API key for it on every start (earlier keys were shown once and are not recoverable).

use crate::auth::{Scopes, Tenant};
use crate::clock::Clock;
use crate::db::{Db, system};
use crate::platform::keys;
use crate::platform::orgs::{self, Organization, Plan};

pub const DEMO_SLUG: &str = "demo-realty";

pub struct Demo {
    pub org: Organization,
    pub key: String,
}

pub async fn prepare(db: &Db, clock: &Clock) -> anyhow::Result<Demo> {
    let org = match system::find_org_by_slug(db, DEMO_SLUG).await? {
        Some(org) => org,
        None => orgs::create(db, clock, "Demo Realty", Plan::Elite, Some("owner@demo-realty.example")).await?,
    };
    let tenant =
        Tenant::for_operator(db, &org.id).await?.ok_or_else(|| anyhow::anyhow!("demo organization vanished"))?;
    let created = keys::create(db, clock, &tenant, "Demo key", &Scopes::all(), None)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    Ok(Demo { org, key: created.key })
}
