//! `gable seed-rent`: a rental portfolio for benchmarks — one organization with `units` units
//! (100 per property), a tenant and an active lease on each, started `years` years before
//! `as_of` (`years` × 12 monthly periods, the current one included) — inserted directly in batches (no events: a fixture, not user activity). The CLI
//! then runs the rent scheduler over it (2,000 units × 5 years ≈ 120,000 charges) and settles
//! the ledger: every lease is paid up except every tenth, whose last four months stay open.

use serde::Serialize;

use crate::auth::ActingOrg;
use crate::db::{Db, system};
use crate::platform::keys;
use crate::platform::orgs;
use crate::vocab::clock::Clock;
use crate::vocab::date::Date;
use crate::vocab::ids::new_id;
use crate::vocab::plan::Plan;
use crate::vocab::scope::Scopes;
use crate::vocab::values::Value;

pub struct RentSeedPlan {
    pub units: usize,
    pub years: u32,
    pub as_of: Date,
}

#[derive(Debug, Serialize)]
pub struct RentSeeded {
    pub org_id: String,
    pub key: String,
    pub properties: usize,
    pub units: usize,
    pub leases: usize,
}

const BATCH_ROWS: usize = 500;
const UNITS_PER_PROPERTY: usize = 100;
/// Leases that stay delinquent are marked by their grace days (the others have 5).
const DELINQUENT_GRACE_DAYS: i64 = 3;

/// Inserts `rows` into `table` in batches, in one transaction.
async fn insert_all(db: &Db, table: &str, columns: &[&str], rows: Vec<Vec<Value>>) -> anyhow::Result<()> {
    let mut tx = system::begin_bulk(db).await?;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<Vec<Value>> = rows.by_ref().take(BATCH_ROWS).collect();
        system::bulk_insert(&mut tx, table, columns, batch).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn run(db: &Db, clock: &Clock, plan: &RentSeedPlan) -> anyhow::Result<RentSeeded> {
    anyhow::ensure!(plan.units >= 1, "--units must be at least 1");
    let org_id = orgs::create(db, clock, "Bench Rentals", Plan::Grow, None).await?.id;
    let tenant = ActingOrg::for_operator(db, &org_id).await?.ok_or_else(|| anyhow::anyhow!("the org vanished"))?;
    let key = keys::create(db, clock, &tenant, "bench", &Scopes::all(), None)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.message()))?
        .key;
    let now = clock.now_ms();
    let org = || Value::from(org_id.as_str());

    let properties: Vec<String> = (0..plan.units.div_ceil(UNITS_PER_PROPERTY)).map(|_| new_id("prop")).collect();
    let rows = properties
        .iter()
        .enumerate()
        .map(|(n, id)| {
            vec![
                org(),
                Value::from(id.as_str()),
                Value::from(format!("{} Pine", 100 + n)),
                Value::from(format!("pine-{n}")),
                Value::from(format!("{} Pine St", 100 + n)),
                Value::from("Minneapolis"),
                Value::from("MN"),
                Value::from("ACTIVE"),
                Value::from(false),
                Value::from("[]"),
                Value::from(now),
                Value::from(now),
            ]
        })
        .collect();
    let columns = [
        "org_id",
        "id",
        "title",
        "slug",
        "address",
        "city",
        "state",
        "status",
        "is_featured",
        "photos",
        "created_at",
        "updated_at",
    ];
    insert_all(db, "properties", &columns, rows).await?;

    let start = Date(plan.as_of.month_start().0 - chrono::Months::new((12 * plan.years).saturating_sub(1)));
    let mut units = Vec::with_capacity(plan.units);
    let mut tenants = Vec::with_capacity(plan.units);
    let mut leases = Vec::with_capacity(plan.units);
    let mut lease_tenants = Vec::with_capacity(plan.units);
    for n in 0..plan.units {
        let (unit_id, tenant_id, lease_id) = (new_id("unit"), new_id("ten"), new_id("lease"));
        let rent = 120_000 + (n as i64 % 20) * 5_000;
        units.push(vec![
            org(),
            Value::from(unit_id.as_str()),
            Value::from(properties[n / UNITS_PER_PROPERTY].as_str()),
            Value::from(format!("{}{}", 1 + (n % UNITS_PER_PROPERTY) / 10, char::from(b'A' + (n % 10) as u8))),
            Value::from(2_i64),
            Value::from(1.0),
            Value::from(850_i64),
            Value::from(rent),
            Value::from("occupied"),
            Value::from(now),
            Value::from(now),
        ]);
        tenants.push(vec![
            org(),
            Value::from(tenant_id.as_str()),
            Value::from(format!("ActingOrg {n}")),
            Value::Text(None),
            Value::Text(None),
            Value::from(now),
            Value::from(now),
        ]);
        let grace = if n % 10 == 0 { DELINQUENT_GRACE_DAYS } else { 5 };
        leases.push(vec![
            org(),
            Value::from(lease_id.as_str()),
            Value::from(unit_id.as_str()),
            Value::from(serde_json::json!([tenant_id]).to_string()),
            Value::from(start.to_string()),
            Value::Text(None),
            Value::from(rent),
            Value::from(1_i64),
            Value::from(grace),
            Value::from(rent),
            Value::from("percent"),
            Value::from(5.0),
            Value::from(10_000_i64),
            Value::from("active"),
            Value::from(now),
            Value::from(0_i64),
            Value::from(now),
            Value::from(now),
        ]);
        lease_tenants.push(vec![org(), Value::from(lease_id), Value::from(tenant_id)]);
    }
    let unit_columns = [
        "org_id",
        "id",
        "property_id",
        "label",
        "bedrooms",
        "bathrooms",
        "sqft",
        "market_rent",
        "status",
        "created_at",
        "updated_at",
    ];
    insert_all(db, "units", &unit_columns, units).await?;
    insert_all(db, "tenants", &["org_id", "id", "name", "email", "phone", "created_at", "updated_at"], tenants).await?;
    let lease_columns = [
        "org_id",
        "id",
        "unit_id",
        "tenant_ids",
        "start_date",
        "end_date",
        "monthly_rent",
        "due_day",
        "grace_days",
        "deposit",
        "late_fee_type",
        "late_fee_amount",
        "late_fee_cap",
        "status",
        "signed_at",
        "credit",
        "created_at",
        "updated_at",
    ];
    insert_all(db, "leases", &lease_columns, leases).await?;
    insert_all(db, "lease_tenants", &["org_id", "lease_id", "tenant_id"], lease_tenants).await?;
    system::analyze(db).await?;
    Ok(RentSeeded { org_id, key, properties: properties.len(), units: plan.units, leases: plan.units })
}

/// Pays every charge of the organization in full except the last four months of the
/// delinquent leases (a fixture shortcut: no payment rows).
pub async fn settle(db: &Db, org_id: &str, as_of: Date) -> anyhow::Result<u64> {
    let cut = Date(as_of.month_start().0 - chrono::Months::new(3));
    let mut tx = system::begin_bulk(db).await?;
    let settled = system::settle_rent_fixture(&mut tx, org_id, &cut.to_string(), DELINQUENT_GRACE_DAYS).await?;
    tx.commit().await?;
    system::analyze(db).await?;
    Ok(settled)
}
