//! Every query that is not scoped to one organization, by name. Each exists because it must
//! cross organizations: authentication (finding a key before its organization is known),
//! the operator's CLI, and maintenance jobs. Handlers never call these with request input
//! other than the presented key.

use serde::Serialize;
use sqlx::FromRow;

use super::{Db, JobsTx, Sql, parse_column};
use crate::vocab::clock::rfc3339;
use crate::vocab::plan::Plan;
use crate::vocab::values::Value;

/// An organization (a tenant of this server), as the API and the CLI show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "org_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Demo Realty", "slug": "demo-realty",
    "plan": "elite", "ownerEmail": "owner@demo-realty.example", "externalOrgId": null,
    "createdAt": "2025-01-15T10:30:00.000Z"}))]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub plan: Plan,
    pub owner_email: Option<String>,
    /// The identity provider's organization (a Clerk `org_…` id) whose members sign in to this
    /// one with a JWT; `None` until the operator links one (see `docs/auth.md`).
    pub external_org_id: Option<String>,
    pub created_at: String,
}

#[derive(Debug, FromRow)]
struct OrgRow {
    id: String,
    name: String,
    slug: String,
    plan: String,
    owner_email: Option<String>,
    external_org_id: Option<String>,
    created_at: i64,
}

/// The columns [`OrgRow`] reads.
const ORG_COLUMNS: &str = "id, name, slug, plan, owner_email, external_org_id, created_at";

impl OrgRow {
    fn into_org(self) -> Result<Organization, sqlx::Error> {
        Ok(Organization {
            plan: parse_column(&self.plan, "plan")?,
            id: self.id,
            name: self.name,
            slug: self.slug,
            owner_email: self.owner_email,
            external_org_id: self.external_org_id,
            created_at: rfc3339(self.created_at),
        })
    }
}

/// A new organization's row.
pub struct NewOrgRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub slug: &'a str,
    pub plan: Plan,
    pub owner_email: Option<&'a str>,
    pub external_org_id: Option<&'a str>,
    pub created_at: i64,
}

fn sql(text: impl Into<std::borrow::Cow<'static, str>>) -> Sql {
    Sql::unscoped(text.into())
}

pub async fn insert_org(db: &Db, org: &NewOrgRow<'_>) -> Result<(), sqlx::Error> {
    let statement = sql("INSERT INTO organizations (id, name, slug, plan, owner_email, external_org_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)")
    .bind(org.id)
    .bind(org.name)
    .bind(org.slug)
    .bind(org.plan.as_str())
    .bind(org.owner_email.map(str::to_owned))
    .bind(org.external_org_id.map(str::to_owned))
    .bind(org.created_at);
    db.unscoped().execute(statement).await.map(|_| ())
}

pub async fn list_orgs(db: &Db) -> Result<Vec<Organization>, sqlx::Error> {
    let rows: Vec<OrgRow> =
        db.unscoped().fetch_all(sql(format!("SELECT {ORG_COLUMNS} FROM organizations ORDER BY id"))).await?;
    rows.into_iter().map(OrgRow::into_org).collect()
}

pub async fn find_org(db: &Db, id: &str) -> Result<Option<Organization>, sqlx::Error> {
    find_org_where(db, "id", id).await
}

/// The organization linked to an identity provider's organization (sign-in with JWT).
pub async fn find_org_by_external_id(db: &Db, external_org_id: &str) -> Result<Option<Organization>, sqlx::Error> {
    find_org_where(db, "external_org_id", external_org_id).await
}

/// One organization by a unique column (a constant of this module, never request input).
async fn find_org_where(db: &Db, column: &'static str, value: &str) -> Result<Option<Organization>, sqlx::Error> {
    let text = format!("SELECT {ORG_COLUMNS} FROM organizations WHERE {column} = $1");
    let row: Option<OrgRow> = db.unscoped().fetch_optional(sql(text).bind(value)).await?;
    row.map(OrgRow::into_org).transpose()
}

/// Links an organization to an identity provider's organization, or unlinks it (`None`).
/// Returns whether the organization exists; a link already used elsewhere is a unique
/// violation.
pub async fn set_external_org_id(db: &Db, id: &str, external_org_id: Option<&str>) -> Result<bool, sqlx::Error> {
    let statement = sql("UPDATE organizations SET external_org_id = $2 WHERE id = $1")
        .bind(id)
        .bind(external_org_id.map(str::to_owned));
    Ok(db.unscoped().execute(statement).await? > 0)
}

pub async fn find_org_by_slug(db: &Db, slug: &str) -> Result<Option<Organization>, sqlx::Error> {
    find_org_where(db, "slug", slug).await
}

/// What authentication needs to know about a presented key.
#[derive(Debug, FromRow)]
pub struct KeyForAuth {
    pub key_id: String,
    pub org_id: String,
    pub plan: String,
    pub scopes: String,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

pub async fn find_key_by_hash(db: &Db, key_hash: &str) -> Result<Option<KeyForAuth>, sqlx::Error> {
    let statement =
        sql("SELECT k.id AS key_id, k.org_id, o.plan, k.scopes, k.expires_at, k.revoked_at, k.last_used_at \
         FROM api_keys k JOIN organizations o ON o.id = k.org_id WHERE k.key_hash = $1");
    db.unscoped().fetch_optional(statement.bind(key_hash)).await
}

pub async fn touch_key(db: &Db, key_id: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let statement = sql("UPDATE api_keys SET last_used_at = $2 WHERE id = $1").bind(key_id).bind(now_ms);
    db.unscoped().execute(statement).await.map(|_| ())
}

/// The organization a key belongs to (`gable key revoke KEY_ID` names only the key).
pub async fn find_key_org(db: &Db, key_id: &str) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> =
        db.unscoped().fetch_optional(sql("SELECT org_id FROM api_keys WHERE id = $1").bind(key_id)).await?;
    Ok(row.map(|(org_id,)| org_id))
}

/// A transaction for bulk fixture loading (`gable seed`).
pub async fn begin_bulk(db: &Db) -> Result<JobsTx<'_>, sqlx::Error> {
    db.unscoped().begin().await
}

/// Inserts many rows in one statement (fixtures only: `table` and `columns` are constants).
pub async fn bulk_insert(
    tx: &mut JobsTx<'_>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<(), sqlx::Error> {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut n = 0;
    for (i, row) in rows.iter().enumerate() {
        sql.push_str(if i == 0 { "(" } else { ", (" });
        for j in 0..row.len() {
            n += 1;
            sql.push_str(&format!("{}${n}", if j == 0 { "" } else { ", " }));
        }
        sql.push(')');
    }
    let statement = rows.into_iter().flatten().fold(tx.sql(sql), Sql::bind_value);
    tx.execute(statement).await.map(|_| ())
}

/// Refreshes the planner's statistics after a bulk load.
pub async fn analyze(db: &Db) -> Result<(), sqlx::Error> {
    db.unscoped().execute(sql("ANALYZE")).await.map(|_| ())
}

/// `gable seed-rent`: marks the organization's charges paid, except those due on or after
/// `cut` of the leases with `delinquent_grace` grace days (fixtures only).
pub async fn settle_rent_fixture(
    tx: &mut JobsTx<'_>,
    org_id: &str,
    cut: &str,
    delinquent_grace: i64,
) -> Result<u64, sqlx::Error> {
    let text = "UPDATE rent_charges SET paid = amount + late_fee, status = 'paid', paid_at = created_at \
               WHERE org_id = $1 AND status <> 'paid' AND (due_date < $2 OR lease_id IN \
               (SELECT id FROM leases WHERE org_id = $1 AND grace_days <> $3))";
    tx.execute(tx.sql(text).bind(org_id).bind(cut).bind(delinquent_grace)).await
}
