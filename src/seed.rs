//! `gable seed`: bulk sample data for benchmarks — many organizations and a very large number
//! of properties, inserted directly in batches (no events: this is a fixture, not user
//! activity). One "big" organization gets its own share so that deep pages exist in it.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::auth::ActingOrg;

use crate::db::{Db, system};
use crate::platform::keys;
use crate::platform::orgs;
use crate::vocab::clock::Clock;
use crate::vocab::ids::new_id;
use crate::vocab::plan::Plan;
use crate::vocab::scope::Scopes;
use crate::vocab::values::Value;

pub struct SeedPlan {
    pub orgs: usize,
    pub properties: usize,
    /// How many of the properties belong to the first ("big") organization.
    pub big_org_properties: usize,
    /// API keys to create in every organization (for traffic from many callers).
    pub keys_per_org: usize,
}

/// One caller of the realistic benchmark: a key and a property its organization owns.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Caller {
    pub key: String,
    pub property_id: String,
}

/// What a benchmark needs to query the big organization.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Seeded {
    pub big_org_id: String,
    pub key: String,
    /// Properties of the big organization matching `status=ACTIVE&featured=true`.
    pub active_featured: usize,
    /// `startingAfter` for page 1,000 of `status=ACTIVE&featured=true&limit=20`, if that deep.
    pub page_1000_after: Option<String>,
    /// `keys_per_org` callers of every organization that has a property.
    pub callers: Vec<Caller>,
}

const COLUMNS: [&str; 19] = [
    "org_id",
    "id",
    "title",
    "slug",
    "description",
    "address",
    "city",
    "state",
    "zip",
    "price",
    "bedrooms",
    "bathrooms",
    "sqft",
    "property_type",
    "status",
    "is_featured",
    "photos",
    "created_at",
    "updated_at",
];
const CITIES: [&str; 8] =
    ["Beverly Hills", "Santa Monica", "Pasadena", "Malibu", "Burbank", "Glendale", "Venice", "Culver City"];
const TYPES: [&str; 5] = ["SINGLE_FAMILY", "CONDO", "TOWNHOUSE", "LAND", "COMMERCIAL"];
const STATUSES: [&str; 4] = ["ACTIVE", "ACTIVE", "PENDING", "SOLD"];
const BATCH_ROWS: usize = 500;
const ROWS_PER_TRANSACTION: usize = 20_000;

/// A small deterministic generator: the same plan seeds the same data.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Seeds; the progress bar draws on stderr when it is a terminal.
pub async fn run(db: &Db, clock: &Clock, plan: &SeedPlan) -> anyhow::Result<Seeded> {
    anyhow::ensure!(plan.orgs >= 1, "--orgs must be at least 1");
    anyhow::ensure!(plan.big_org_properties <= plan.properties, "--big-org-properties exceeds --properties");
    let mut org_ids = Vec::with_capacity(plan.orgs);
    let mut org_keys: Vec<Vec<String>> = Vec::with_capacity(plan.orgs);
    for i in 0..plan.orgs {
        let name = if i == 0 { "Bench Big Realty".to_owned() } else { format!("Bench Realty {i}") };
        let org = orgs::create(db, clock, &name, Plan::Grow, None).await?;
        let tenant = ActingOrg::for_operator(db, &org.id).await?.ok_or_else(|| anyhow::anyhow!("org vanished"))?;
        let mut keys = Vec::with_capacity(plan.keys_per_org);
        for k in 0..plan.keys_per_org {
            let created = keys::create(db, clock, &tenant, &format!("bench {k}"), &Scopes::all(), None)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
            keys.push(created.key);
        }
        org_ids.push(org.id);
        org_keys.push(keys);
    }
    let mut first_property: Vec<Option<String>> = vec![None; plan.orgs];
    let tenant = ActingOrg::for_operator(db, &org_ids[0]).await?.ok_or_else(|| anyhow::anyhow!("big org vanished"))?;
    let key = keys::create(db, clock, &tenant, "bench", &Scopes::all(), None)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.message()))?
        .key;

    let bar = ProgressBar::new(plan.properties as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {human_pos}/{human_len} properties  {per_sec}  eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(250));

    let others = plan.orgs.saturating_sub(1).max(1);
    let rest = plan.properties - plan.big_org_properties;
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let now = clock.now_ms();
    let mut big_matching: Vec<String> = Vec::new();
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(BATCH_ROWS);
    let mut in_transaction = 0;
    let mut tx = system::begin_bulk(db).await?;
    for n in 0..plan.properties {
        let org = if n < plan.big_org_properties || plan.orgs == 1 {
            0
        } else {
            1 + (n - plan.big_org_properties) * others / rest.max(1)
        };
        let status = STATUSES[rng.below(4) as usize];
        let featured = rng.below(2) == 0;
        let id = new_id("prop");
        if org == 0 && status == "ACTIVE" && featured {
            big_matching.push(id.clone());
        }
        if first_property[org].is_none() {
            first_property[org] = Some(id.clone());
        }
        let city = CITIES[rng.below(CITIES.len() as u64) as usize];
        batch.push(vec![
            Value::from(org_ids[org].as_str()),
            Value::from(id),
            Value::from(format!("Home {n} in {city}")),
            Value::from(format!("home-{n}")),
            Value::Text(None),
            Value::from(format!("{} Main St", 1 + rng.below(9999))),
            Value::from(city),
            Value::from("CA"),
            Value::from(format!("9{:04}", rng.below(10_000))),
            Value::from(10_000_000 + rng.below(5_000_000) as i64 * 100), // cents: $100,000 to $5,100,000
            Value::from(1 + rng.below(6) as i64),
            Value::from(1.0 + rng.below(8) as f64 / 2.0),
            Value::from(500 + rng.below(5_000) as i64),
            Value::from(TYPES[rng.below(TYPES.len() as u64) as usize]),
            Value::from(status),
            Value::from(featured),
            Value::from("[]"),
            Value::from(now - (plan.properties - n) as i64),
            Value::from(now - (plan.properties - n) as i64),
        ]);
        if batch.len() == BATCH_ROWS {
            system::bulk_insert(&mut tx, "properties", &COLUMNS, std::mem::take(&mut batch)).await?;
            in_transaction += BATCH_ROWS;
            bar.inc(BATCH_ROWS as u64);
            if in_transaction >= ROWS_PER_TRANSACTION {
                tx.commit().await?;
                tx = system::begin_bulk(db).await?;
                in_transaction = 0;
            }
        }
    }
    let left = batch.len();
    if left > 0 {
        system::bulk_insert(&mut tx, "properties", &COLUMNS, batch).await?;
        bar.inc(left as u64);
    }
    tx.commit().await?;
    system::analyze(db).await?;
    bar.finish();

    big_matching.reverse(); // newest first, as the API lists them
    let page_1000_after = big_matching.get(999 * 20 - 1).cloned();
    let callers = org_keys
        .into_iter()
        .zip(first_property)
        .filter_map(|(keys, property)| property.map(|p| (keys, p)))
        .flat_map(|(keys, property)| keys.into_iter().map(move |key| Caller { key, property_id: property.clone() }))
        .collect();
    Ok(Seeded { big_org_id: org_ids[0].clone(), key, active_featured: big_matching.len(), page_1000_after, callers })
}
