//! The rent scheduler: for every signed lease, the monthly charge of every period due on or
//! before a date, then lateness and late fees. `gable rent run [--as-of]` runs it once;
//! `gable serve` runs it each day by itself.
//!
//! - **Bounded.** One run charges a lease at most [`MAX_PERIODS_PER_RUN`] periods; a lease with
//!   more due is counted in `leases_behind` and the next run continues from its
//!   `billed_through` ([`crate::jobs::run_rent`] runs again until none is behind).
//! - **Idempotent.** A charge's key is (lease, period), unique in the database; inserts skip
//!   existing keys, and `leases.billed_through` remembers the last period charged so a run
//!   only looks at leases with something new due.
//! - **Prorated.** A period's charge is the monthly rent × the lease's days in that month ÷
//!   the month's days (rounded to the cent), so a lease starting on the 15th or ending (or
//!   terminated) mid-month pays for its days only. The first period is due on the due day or
//!   the start date, whichever is later.
//! - **Lateness.** A charge still unpaid after its due date + grace days becomes `late` once:
//!   the lease's late fee (fixed when the charge was created) is added and `rent.late` written.
//! - **Credit.** Over-payments waiting on a lease pay new charges as they are created.
//! - **Set-based.** Leases are read 500 at a time and each batch's charges go in one
//!   multi-row insert, in one transaction with their events; lateness is marked in batches of
//!   1,000 charges the same way. On PostgreSQL rows are claimed with `FOR UPDATE SKIP LOCKED`,
//!   so two servers running it at once do not double anything.

use std::collections::BTreeMap;

use serde::Serialize;
use sqlx::FromRow;

use super::leases::{LateFee, LateFeeType};
use super::ledger::{RentLate, RentPaid};
use crate::db::proof::JobToken;
use crate::db::{Backend, JobsTx, placeholders};
use crate::state::AppState;
use crate::vocab::date::Date;
use crate::vocab::ids::new_id;
use crate::vocab::values::{Money, Timestamp};

/// `billed_through` of a lease that has ended and been charged for all its days.
const DONE: &str = "9999-12";
const LEASE_BATCH: i64 = 500;
/// Most periods one run charges one lease: a lease backdated by years catches up over
/// several runs, each a set of bounded transactions, instead of in one giant one.
pub const MAX_PERIODS_PER_RUN: usize = 24;
const LATE_BATCH: i64 = 1_000;
/// Rows per multi-row insert (14 parameters each, well under both backends' limits).
const INSERT_CHUNK: usize = 500;

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub leases_checked: u64,
    pub charges_created: u64,
    pub charges_marked_late: u64,
    /// Late fees added, in cents.
    pub late_fees_cents: i64,
    /// Leases that had more periods due than one run charges ([`MAX_PERIODS_PER_RUN`]): the
    /// next run continues where this one stopped.
    pub leases_behind: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} leases checked, {} charges created, {} charges marked late, ${} in late fees",
            self.leases_checked,
            self.charges_created,
            self.charges_marked_late,
            Money(self.late_fees_cents).dollars()
        )?;
        if self.leases_behind > 0 {
            write!(f, ", {} leases still behind", self.leases_behind)?;
        }
        Ok(())
    }
}

/// A lease's billing terms.
#[derive(Debug, Clone)]
pub struct Terms {
    pub start: Date,
    /// The last day charged: the end date or the termination date, whichever is earlier.
    pub end: Option<Date>,
    pub rent: Money,
    pub due_day: u32,
    pub grace_days: i64,
    pub late_fee: Option<LateFee>,
}

/// One period's charge as the scheduler plans it.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub period: String,
    pub due_date: Date,
    pub late_after: Date,
    pub amount: Money,
    pub fee_if_late: Money,
}

/// The charges of periods after `billed_through` due on or before `as_of`, at most `max` of
/// them, and the new `billed_through` (unchanged when nothing is due; [`DONE`] when the lease
/// has no more days; the last period planned when `max` cut the plan short).
pub fn plan(terms: &Terms, billed_through: Option<&str>, as_of: Date, max: usize) -> (Vec<Planned>, Option<String>) {
    let mut charges = Vec::new();
    let mut through = billed_through.map(str::to_owned);
    let mut month = terms.start.month_start();
    loop {
        if terms.end.is_some_and(|end| end < month) {
            through = Some(DONE.to_owned());
            break;
        }
        let period = month.period();
        if billed_through.is_some_and(|b| period.as_str() <= b) {
            month = month.next_month();
            continue;
        }
        let mut due = month.with_day_clamped(terms.due_day);
        if month == terms.start.month_start() && terms.start > due {
            due = terms.start;
        }
        if due > as_of {
            break;
        }
        let first = terms.start.max(month);
        let last = terms.end.map_or(month.month_end(), |end| end.min(month.month_end()));
        let days = last.days_since(first) + 1;
        let in_month = month.days_in_month();
        let amount = if days >= in_month {
            terms.rent
        } else {
            Money((terms.rent.cents() as f64 * days as f64 / in_month as f64).round() as i64)
        };
        let fee_if_late = terms.late_fee.map_or(Money(0), |fee| fee.on(amount));
        charges.push(Planned {
            period: period.clone(),
            due_date: due,
            late_after: due.plus_days(terms.grace_days),
            amount,
            fee_if_late,
        });
        through = Some(period);
        if charges.len() >= max {
            break;
        }
        month = month.next_month();
    }
    (charges, through)
}

#[derive(Debug, FromRow)]
struct LeaseRow {
    id: String,
    org_id: String,
    start_date: Date,
    end_date: Option<Date>,
    terminated_on: Option<Date>,
    monthly_rent: i64,
    due_day: i64,
    grace_days: i64,
    late_fee_type: Option<String>,
    late_fee_amount: Option<f64>,
    late_fee_cap: Option<i64>,
    billed_through: Option<String>,
    credit: i64,
}

impl LeaseRow {
    fn terms(&self) -> Terms {
        let late_fee = self.late_fee_type.as_deref().and_then(|t| t.parse::<LateFeeType>().ok()).map(|kind| LateFee {
            kind,
            amount: self.late_fee_amount.unwrap_or_default(),
            cap_usd: self.late_fee_cap.map(Money),
        });
        let end = match (self.end_date, self.terminated_on) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Terms {
            start: self.start_date,
            end,
            rent: Money(self.monthly_rent),
            due_day: u32::try_from(self.due_day).unwrap_or(1),
            grace_days: self.grace_days,
            late_fee,
        }
    }
}

/// A new charge row.
struct NewCharge {
    id: String,
    org_id: String,
    lease_id: String,
    planned: Planned,
    paid: i64,
}

/// Runs the scheduler once for every organization, as of `as_of`.
pub async fn run(state: &AppState, token: &JobToken, as_of: Date) -> Result<Summary, sqlx::Error> {
    let now = Timestamp(state.clock().now_ms());
    let mut summary = Summary::default();
    let mut cursor = String::new();
    loop {
        let jobs = state.db().jobs(token);
        let mut tx = jobs.begin().await?;
        let lock = if jobs.backend() == Backend::Postgres { " FOR UPDATE SKIP LOCKED" } else { "" };
        let sql = format!(
            "SELECT id, org_id, start_date, end_date, terminated_on, monthly_rent, due_day, grace_days, late_fee_type, \
             late_fee_amount, late_fee_cap, billed_through, credit FROM leases \
             WHERE status <> 'draft' AND (billed_through IS NULL OR billed_through < $1) AND id > $2 \
             ORDER BY id LIMIT {LEASE_BATCH}{lock}"
        );
        let leases: Vec<LeaseRow> = tx.fetch_all(tx.sql(sql).bind(as_of.period()).bind(cursor.clone())).await?;
        let Some(last) = leases.last() else { break };
        cursor = last.id.clone();
        summary.leases_checked += leases.len() as u64;
        let (created, behind) = charge_batch(&mut tx, &leases, as_of, now).await?;
        summary.charges_created += created;
        summary.leases_behind += behind;
        tx.commit().await?;
        state.webhooks().events_committed();
    }
    loop {
        let jobs = state.db().jobs(token);
        let mut tx = jobs.begin().await?;
        let (marked, fees) = late_batch(&mut tx, jobs.backend(), as_of, now).await?;
        tx.commit().await?;
        if marked == 0 {
            break;
        }
        state.webhooks().events_committed();
        summary.charges_marked_late += marked;
        summary.late_fees_cents += fees;
    }
    Ok(summary)
}

/// Plans and inserts one batch of leases' charges, applies waiting credit, and moves each
/// lease's `billed_through`. Returns how many charges were created, and how many leases had
/// more due than one run charges.
async fn charge_batch(
    tx: &mut JobsTx<'_>,
    leases: &[LeaseRow],
    as_of: Date,
    now: Timestamp,
) -> Result<(u64, u64), sqlx::Error> {
    let mut rows: Vec<NewCharge> = Vec::new();
    let mut through: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut credit_left: Vec<(String, i64)> = Vec::new();
    let mut paid_by_credit: Vec<(String, String, String, Planned)> = Vec::new();
    let mut behind = 0;
    for lease in leases {
        let (planned, new_through) = plan(&lease.terms(), lease.billed_through.as_deref(), as_of, MAX_PERIODS_PER_RUN);
        if planned.len() >= MAX_PERIODS_PER_RUN {
            behind += 1;
        }
        let mut credit = lease.credit;
        for p in planned {
            let paid = credit.min(p.amount.cents());
            credit -= paid;
            let id = new_id("chg");
            if paid > 0 && paid == p.amount.cents() {
                paid_by_credit.push((lease.org_id.clone(), lease.id.clone(), id.clone(), p.clone()));
            }
            rows.push(NewCharge { id, org_id: lease.org_id.clone(), lease_id: lease.id.clone(), planned: p, paid });
        }
        if credit != lease.credit {
            credit_left.push((lease.id.clone(), credit));
        }
        if let Some(new) = new_through.filter(|new| Some(new) != lease.billed_through.as_ref()) {
            through.entry(new).or_default().push(lease.id.clone());
        }
    }
    let mut created = 0;
    for chunk in rows.chunks(INSERT_CHUNK) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let p: Vec<String> = (1..=12).map(|n| format!("${}", i * 12 + n)).collect();
                format!("({}, 0, {}, {})", p[..8].join(", "), p[8..].join(", "), p[11])
            })
            .collect();
        let sql = format!(
            "INSERT INTO rent_charges (id, org_id, lease_id, period, due_date, late_after, amount, fee_if_late, \
             late_fee, paid, status, paid_at, created_at, updated_at) VALUES {} \
             ON CONFLICT (lease_id, period) DO NOTHING",
            values.join(", ")
        );
        let mut statement = tx.sql(sql);
        for c in chunk {
            let full = c.paid == c.planned.amount.cents();
            statement = statement
                .bind(c.id.clone())
                .bind(c.org_id.clone())
                .bind(c.lease_id.clone())
                .bind(c.planned.period.clone())
                .bind(c.planned.due_date.to_string())
                .bind(c.planned.late_after.to_string())
                .bind(c.planned.amount.cents())
                .bind(c.planned.fee_if_late.cents())
                .bind(c.paid)
                .bind(if full { "paid" } else { "open" }.to_owned())
                .bind(full.then_some(now.ms()))
                .bind(now.ms());
        }
        created += tx.execute(statement).await?;
    }
    for (lease_id, credit) in credit_left {
        tx.execute(tx.sql("UPDATE leases SET credit = $1 WHERE id = $2").bind(credit).bind(lease_id)).await?;
    }
    for (org_id, lease_id, charge_id, p) in paid_by_credit {
        credit_paid_event(tx, &org_id, &lease_id, &charge_id, &p, now).await?;
    }
    for (value, ids) in through {
        for chunk in ids.chunks(INSERT_CHUNK) {
            let sql = format!("UPDATE leases SET billed_through = $1 WHERE id IN ({})", placeholders(2, chunk.len()));
            let mut statement = tx.sql(sql).bind(value.clone());
            for id in chunk {
                statement = statement.bind(id.clone());
            }
            tx.execute(statement).await?;
        }
    }
    Ok((created, behind))
}

/// `rent.paid` for a charge paid in full by credit: the payment is the lease's latest (the
/// one whose over-payment became the credit).
async fn credit_paid_event(
    tx: &mut JobsTx<'_>,
    org_id: &str,
    lease_id: &str,
    charge_id: &str,
    p: &Planned,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let sql = "SELECT id, paid_at FROM rent_payments WHERE lease_id = $1 ORDER BY paid_at DESC, id DESC LIMIT 1";
    let latest: Option<(String, i64)> = tx.fetch_optional(tx.sql(sql).bind(lease_id.to_owned())).await?;
    let (payment_id, paid_at) = latest.map_or((None, now), |(id, at)| (Some(id), Timestamp(at)));
    let sql = "INSERT INTO rent_allocations (org_id, payment_id, charge_id, amount) VALUES ($1, $2, $3, $4)";
    if let Some(payment_id) = &payment_id {
        tx.execute(
            tx.sql(sql)
                .bind(org_id.to_owned())
                .bind(payment_id.clone())
                .bind(charge_id.to_owned())
                .bind(p.amount.cents()),
        )
        .await?;
    }
    let data = RentPaid {
        payment_id,
        lease_id: lease_id.to_owned(),
        amount_usd: p.amount,
        period_label: p.period.clone(),
        paid_at,
    };
    insert_events(tx, &[(org_id.to_owned(), super::ledger::RENT_PAID, data)], now).await
}

#[derive(Debug, FromRow)]
struct LateRow {
    id: String,
    org_id: String,
    lease_id: String,
    period: String,
    due_date: Date,
    amount: i64,
    fee_if_late: i64,
    paid: i64,
}

/// Marks one batch of charges late, with their fees and `rent.late` events. Returns how many
/// and the fees added (cents). No `ORDER BY`: the batch is read straight off the
/// `(status, late_after)` index, and the rows it marks leave the set.
async fn late_batch(
    tx: &mut JobsTx<'_>,
    backend: Backend,
    as_of: Date,
    now: Timestamp,
) -> Result<(u64, i64), sqlx::Error> {
    let lock = if backend == Backend::Postgres { " FOR UPDATE SKIP LOCKED" } else { "" };
    let sql = format!(
        "SELECT id, org_id, lease_id, period, due_date, amount, fee_if_late, paid FROM rent_charges \
         WHERE status = 'open' AND late_after < $1 LIMIT {LATE_BATCH}{lock}"
    );
    let late: Vec<LateRow> = tx.fetch_all(tx.sql(sql).bind(as_of.to_string())).await?;
    if late.is_empty() {
        return Ok((0, 0));
    }
    let sql = format!(
        "UPDATE rent_charges SET status = 'late', late_fee = fee_if_late, late_at = $1, updated_at = $1 \
         WHERE status = 'open' AND id IN ({})",
        placeholders(2, late.len())
    );
    let mut statement = tx.sql(sql).bind(now.ms());
    for row in &late {
        statement = statement.bind(row.id.clone());
    }
    tx.execute(statement).await?;
    let events: Vec<(String, &str, RentLate)> = late
        .iter()
        .map(|c| {
            let total = c.amount + c.fee_if_late;
            let data = RentLate {
                charge_id: c.id.clone(),
                lease_id: c.lease_id.clone(),
                period_label: c.period.clone(),
                due_date: c.due_date,
                days_late: as_of.days_since(c.due_date),
                amount_usd: Money(c.amount),
                late_fee_usd: Money(c.fee_if_late),
                balance_usd: Money(total - c.paid),
            };
            (c.org_id.clone(), super::ledger::RENT_LATE, data)
        })
        .collect();
    insert_events(tx, &events, now).await?;
    Ok((late.len() as u64, late.iter().map(|c| c.fee_if_late).sum()))
}

/// Writes events in the job's transaction, several rows per statement.
async fn insert_events(
    tx: &mut JobsTx<'_>,
    events: &[(String, &str, impl Serialize)],
    at: Timestamp,
) -> Result<(), sqlx::Error> {
    for chunk in events.chunks(INSERT_CHUNK) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${}, ${}, ${}, ${})", i * 5 + 1, i * 5 + 2, i * 5 + 3, i * 5 + 4, i * 5 + 5))
            .collect();
        let sql = format!("INSERT INTO events (org_id, id, type, occurred_at, data) VALUES {}", values.join(", "));
        let mut statement = tx.sql(sql);
        for (org_id, kind, data) in chunk {
            let data = serde_json::to_string(data).map_err(|err| sqlx::Error::Encode(Box::new(err)))?;
            statement =
                statement.bind(org_id.clone()).bind(new_id("evt")).bind((*kind).to_owned()).bind(at.ms()).bind(data);
        }
        tx.execute(statement).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn terms(start: &str, end: Option<&str>) -> Terms {
        Terms { start: d(start), end: end.map(d), rent: Money(182_500), due_day: 1, grace_days: 5, late_fee: None }
    }

    #[test]
    fn a_mid_month_start_is_prorated_and_due_on_the_start_date() {
        let (charges, through) = plan(&terms("2026-03-15", None), None, d("2026-05-01"), 24);
        let summary: Vec<(&str, String, i64)> =
            charges.iter().map(|c| (c.period.as_str(), c.due_date.to_string(), c.amount.cents())).collect();
        // March: 17 of 31 days of $1,825 = $1,000.81.
        assert_eq!(
            summary,
            [
                ("2026-03", "2026-03-15".into(), 100_081),
                ("2026-04", "2026-04-01".into(), 182_500),
                ("2026-05", "2026-05-01".into(), 182_500)
            ]
        );
        assert_eq!(charges[0].late_after.to_string(), "2026-03-20");
        assert_eq!(through.as_deref(), Some("2026-05"));
        // Nothing new until June is due.
        let (again, same) = plan(&terms("2026-03-15", None), Some("2026-05"), d("2026-05-31"), 24);
        assert!(again.is_empty());
        assert_eq!(same.as_deref(), Some("2026-05"));
    }

    #[test]
    fn the_last_month_is_prorated_then_the_lease_is_done() {
        let (charges, through) = plan(&terms("2026-01-01", Some("2026-02-14")), Some("2026-01"), d("2026-03-10"), 24);
        assert_eq!(charges.len(), 1);
        // 14 of 28 days.
        assert_eq!((charges[0].period.as_str(), charges[0].amount.cents()), ("2026-02", 91_250));
        assert_eq!(through.as_deref(), Some(DONE));
    }

    #[test]
    fn a_run_charges_at_most_max_periods_and_the_next_continues() {
        let lease = terms("2020-01-01", None);
        let (first, through) = plan(&lease, None, d("2026-05-10"), 24);
        assert_eq!(first.len(), 24);
        assert_eq!(through.as_deref(), Some("2021-12"));
        let (second, through) = plan(&lease, through.as_deref(), d("2026-05-10"), 24);
        assert_eq!(second[0].period, "2022-01");
        assert_eq!(through.as_deref(), Some("2023-12"));
        let (_, through) = plan(&lease, through.as_deref(), d("2026-05-10"), 24);
        let (last, through) = plan(&lease, through.as_deref(), d("2026-05-10"), 24);
        assert_eq!((last.len(), through.as_deref()), (5, Some("2026-05")), "caught up");
    }

    #[test]
    fn late_fee_policies() {
        let percent = LateFee { kind: LateFeeType::Percent, amount: 5.0, cap_usd: Some(Money(5_000)) };
        assert_eq!(percent.on(Money(182_500)), Money(5_000), "5% is $91.25, capped at $50");
        assert_eq!(percent.on(Money(50_000)), Money(2_500));
        let flat = LateFee { kind: LateFeeType::Flat, amount: 75.0, cap_usd: None };
        assert_eq!(flat.on(Money(182_500)), Money(7_500));
    }
}
