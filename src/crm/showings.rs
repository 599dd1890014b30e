//! Showings (viewings of a property with an agent): `/api/showings`. An agent is never
//! double-booked: [`ensure_agent_free`] guards every write that puts a showing in the
//! agent's calendar, here and on the public booking pages.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use super::contacts::Contacts;
use super::leads::Leads;
use super::properties::Properties;
use super::team::TeamMembers;
use crate::resource::validate::{in_range, optional_text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::text_enum;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::values::{Timestamp, Value};

text_enum! {
    /// Where a showing stands. Only `scheduled` and `confirmed` showings hold the agent's time.
    pub enum ShowingStatus {
        Scheduled = "scheduled",
        Confirmed = "confirmed",
        Completed = "completed",
        Cancelled = "cancelled",
        NoShow = "no_show",
    }
}

impl ShowingStatus {
    /// Whether a showing in this status occupies its agent's time.
    pub fn blocks_agent(self) -> bool {
        matches!(self, ShowingStatus::Scheduled | ShowingStatus::Confirmed)
    }
}

/// Default length of a showing.
pub const DEFAULT_DURATION_MINUTES: i64 = 30;
/// Shortest and longest showing.
pub const MIN_DURATION_MINUTES: i64 = 5;
pub const MAX_DURATION_MINUTES: i64 = 480;

/// A showing: an agent shows a property to a contact or lead at a time.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "shw_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "propertyId": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "contactId": "cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "leadId": null,
    "agentId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "scheduledAt": "2025-01-20T17:00:00.000Z",
    "durationMinutes": 30, "status": "scheduled", "notes": "Bring the pool inspection report",
    "createdAt": "2025-01-15T10:30:00.000Z", "updatedAt": "2025-01-15T10:30:00.000Z"
}))]
pub struct Showing {
    pub id: String,
    /// The property shown.
    pub property_id: Option<String>,
    /// Who the property is shown to: a contact, a lead, or both.
    pub contact_id: Option<String>,
    pub lead_id: Option<String>,
    /// The team member who shows the property.
    #[schema(example = "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub agent_id: Option<String>,
    /// When the showing starts.
    pub scheduled_at: Timestamp,
    /// 5–480.
    pub duration_minutes: i64,
    pub status: ShowingStatus,
    pub notes: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "propertyId": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "contactId": "cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "agentId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "scheduledAt": "2025-01-20T17:00:00Z",
    "durationMinutes": 45, "notes": "Bring the pool inspection report"
}))]
pub struct CreateShowing {
    pub property_id: Option<String>,
    pub contact_id: Option<String>,
    pub lead_id: Option<String>,
    /// The team member who shows the property; they must be free for the whole showing.
    pub agent_id: Option<String>,
    /// When the showing starts (RFC 3339; any offset is converted to UTC).
    pub scheduled_at: Timestamp,
    /// 5–480 (default 30).
    #[schema(minimum = 5, maximum = 480)]
    pub duration_minutes: Option<i64>,
    /// Default `scheduled`.
    pub status: Option<ShowingStatus>,
    #[schema(max_length = 10_000)]
    pub notes: Option<String>,
}

/// Only the fields sent change; `null` clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"status": "confirmed"}))]
pub struct UpdateShowing {
    pub property_id: Patch<Option<String>>,
    pub contact_id: Patch<Option<String>>,
    pub lead_id: Patch<Option<String>>,
    pub agent_id: Patch<Option<String>>,
    pub scheduled_at: Patch<Timestamp>,
    /// 5–480.
    #[schema(minimum = 5, maximum = 480)]
    pub duration_minutes: Patch<i64>,
    pub status: Patch<ShowingStatus>,
    #[schema(max_length = 10_000)]
    pub notes: Patch<Option<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ShowingFilter {
    /// Showings of this property.
    pub property_id: Option<String>,
    /// Showings with this agent.
    pub agent_id: Option<String>,
    /// scheduled, confirmed, completed, cancelled or no_show.
    #[param(example = "scheduled")]
    pub status: Option<ShowingStatus>,
    /// Showings that start at or after this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-01-20T00:00:00Z")]
    pub from: Option<Timestamp>,
    /// Showings that start before this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-01-21T00:00:00Z")]
    pub to: Option<Timestamp>,
}

pub struct Showings;

/// Refuses (409 `DOUBLE_BOOKED`, naming the clashing showing) a showing of `minutes` from
/// `start` for `agent_id` if it overlaps one of the agent's scheduled or confirmed showings
/// (other than `exclude`, the showing being changed). Back-to-back showings do not overlap.
///
/// Race-free: it first takes the agent's row lock for the rest of the transaction, so two
/// writers booking the same agent check one after the other, each seeing the other's showing.
/// An agent that does not exist in the organization is a 404 naming `agentId`.
pub async fn ensure_agent_free(
    ctx: &mut Ctx<'_>,
    agent_id: &str,
    start: Timestamp,
    minutes: i64,
    exclude: Option<&str>,
) -> ApiResult<()> {
    in_range("durationMinutes", Some(minutes), MIN_DURATION_MINUTES, MAX_DURATION_MINUTES)?;
    let tx = ctx.tx();
    // A no-op write: the row lock on PostgreSQL; SQLite's write transactions are exclusive.
    let locked = tx
        .execute(
            tx.sql("UPDATE team_members SET updated_at = updated_at WHERE org_id = $1 AND id = $2")
                .bind(agent_id.to_owned()),
        )
        .await?;
    if locked == 0 {
        return Err(ApiError::not_found(TeamMembers::META.name, agent_id).with_field("agentId"));
    }
    let end = start.plus_minutes(minutes);
    // No stored showing is longer than the maximum, so only showings starting after
    // `start - MAX` can reach `start`: that bounds the index range scan.
    let clash: Option<(String, i64, i64)> = tx
        .fetch_optional(
            tx.sql(
                "SELECT id, scheduled_at, duration_minutes FROM showings \
                 WHERE org_id = $1 AND agent_id = $2 AND status IN ('scheduled', 'confirmed') \
                 AND scheduled_at < $3 AND scheduled_at > $4 AND scheduled_at + duration_minutes * 60000 > $5 \
                 AND id <> $6 ORDER BY scheduled_at LIMIT 1",
            )
            .bind(agent_id.to_owned())
            .bind(end.ms())
            .bind(start.plus_minutes(-MAX_DURATION_MINUTES).ms())
            .bind(start.ms())
            .bind(exclude.unwrap_or_default().to_owned()),
        )
        .await?;
    match clash {
        None => Ok(()),
        Some((id, at, duration)) => {
            let at = Timestamp(at);
            Err(ApiError::conflict(
                "DOUBLE_BOOKED",
                format!(
                    "Agent `{agent_id}` is already booked from {at} to {} by showing `{id}`",
                    at.plus_minutes(duration)
                ),
            )
            .with_conflicting_id(id))
        }
    }
}

/// Checks that every id the showing references exists in this organization.
async fn check_references(ctx: &mut Ctx<'_>, s: &Showing) -> ApiResult<()> {
    ctx.check_reference::<Properties>("propertyId", s.property_id.as_deref()).await?;
    ctx.check_reference::<Contacts>("contactId", s.contact_id.as_deref()).await?;
    ctx.check_reference::<Leads>("leadId", s.lead_id.as_deref()).await?;
    ctx.check_reference::<TeamMembers>("agentId", s.agent_id.as_deref()).await
}

fn duration(value: i64) -> ApiResult<i64> {
    in_range("durationMinutes", Some(value), MIN_DURATION_MINUTES, MAX_DURATION_MINUTES).map(|_| value)
}

impl Resource for Showings {
    const META: Meta = Meta {
        name: "showing",
        plural: "showings",
        path: "/showings",
        table: "showings",
        id_prefix: "shw",
        scope: "showings",
        tag: "Showings",
    };

    type Record = Showing;
    type Filter = ShowingFilter;

    fn filter(f: &ShowingFilter, filters: &mut Filters) {
        filters.eq("property_id", f.property_id.clone());
        filters.eq("agent_id", f.agent_id.clone());
        filters.eq("status", f.status);
        filters.at_least("scheduled_at", f.from);
        if let Some(to) = f.to {
            filters.raw("scheduled_at < ?".into(), [Value::from(to)]);
        }
    }
}

impl Creatable for Showings {
    type CreateBody = CreateShowing;

    async fn create(ctx: &mut Ctx<'_>, input: CreateShowing) -> ApiResult<Showing> {
        let now = ctx.now();
        let showing = Showing {
            id: ctx.new_id(Self::META.id_prefix),
            property_id: input.property_id,
            contact_id: input.contact_id,
            lead_id: input.lead_id,
            agent_id: input.agent_id,
            scheduled_at: input.scheduled_at,
            duration_minutes: duration(input.duration_minutes.unwrap_or(DEFAULT_DURATION_MINUTES))?,
            status: input.status.unwrap_or(ShowingStatus::Scheduled),
            notes: optional_text("notes", input.notes.as_deref(), 10_000)?,
            created_at: now,
            updated_at: now,
        };
        check_references(ctx, &showing).await?;
        if let Some(agent) = &showing.agent_id
            && showing.status.blocks_agent()
        {
            ensure_agent_free(ctx, agent, showing.scheduled_at, showing.duration_minutes, None).await?;
        }
        Ok(showing)
    }
}

impl Updatable for Showings {
    type UpdateBody = UpdateShowing;

    async fn update(ctx: &mut Ctx<'_>, mut s: Showing, change: UpdateShowing) -> ApiResult<Showing> {
        let before = s.clone();
        s.property_id = change.property_id.or(s.property_id);
        s.contact_id = change.contact_id.or(s.contact_id);
        s.lead_id = change.lead_id.or(s.lead_id);
        s.agent_id = change.agent_id.or(s.agent_id);
        s.scheduled_at = change.scheduled_at.or(s.scheduled_at);
        if let Some(minutes) = change.duration_minutes.into_option() {
            s.duration_minutes = duration(minutes)?;
        }
        s.status = change.status.or(s.status);
        s.notes = optional_text("notes", change.notes.or(s.notes).as_deref(), 10_000)?;
        check_references(ctx, &s).await?;
        // Check only when this change puts time in the agent's calendar: editing the notes of
        // a showing never fails because of another one.
        let takes_new_time = s.agent_id != before.agent_id
            || s.scheduled_at != before.scheduled_at
            || s.duration_minutes != before.duration_minutes
            || !before.status.blocks_agent();
        if let Some(agent) = &s.agent_id
            && s.status.blocks_agent()
            && takes_new_time
        {
            ensure_agent_free(ctx, agent, s.scheduled_at, s.duration_minutes, Some(&s.id)).await?;
        }
        Ok(s)
    }
}

impl Deletable for Showings {}
