//! The call log: `/api/calls`.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use crate::crm::contacts::Contacts;
use crate::crm::leads::Leads;
use crate::crm::team::TeamMembers;
use crate::resource::validate::{in_range, optional_text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::text_enum;
use crate::vocab::contact::Phone;
use crate::vocab::error::ApiResult;
use crate::vocab::values::{Timestamp, Value};

text_enum! {
    /// Who placed the call.
    pub enum Direction {
        /// The other party called the business.
        Inbound = "inbound",
        /// The business called out.
        Outbound = "outbound",
    }
}

/// A phone call with a lead or contact, logged by a team member or a telephony integration.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "call_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "direction": "outbound", "fromNumber": "+1-555-0142",
    "toNumber": "+1-555-0200", "contactId": null, "leadId": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6",
    "teamMemberId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7", "startedAt": "2025-01-15T16:05:00.000Z",
    "durationSeconds": 312, "outcome": "Booked a showing", "notes": "Wants a garden; budget 1.2M",
    "createdAt": "2025-01-15T16:11:00.000Z", "updatedAt": "2025-01-15T16:11:00.000Z"
}))]
pub struct Call {
    pub id: String,
    pub direction: Direction,
    pub from_number: Phone,
    pub to_number: Phone,
    pub contact_id: Option<String>,
    pub lead_id: Option<String>,
    /// The team member on the business's side of the call.
    pub team_member_id: Option<String>,
    pub started_at: Timestamp,
    /// Talk time; `null` while unknown (e.g. a missed call).
    pub duration_seconds: Option<i64>,
    /// How the call ended, in your words: "Voicemail", "Booked a showing".
    pub outcome: Option<String>,
    pub notes: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "direction": "outbound", "fromNumber": "+1-555-0142", "toNumber": "+1-555-0200",
    "leadId": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6", "teamMemberId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7",
    "startedAt": "2025-01-15T16:05:00Z", "durationSeconds": 312, "outcome": "Booked a showing"
}))]
pub struct CreateCall {
    pub direction: Direction,
    /// At most 50 characters.
    #[schema(min_length = 1, max_length = 50)]
    pub from_number: String,
    /// At most 50 characters.
    #[schema(min_length = 1, max_length = 50)]
    pub to_number: String,
    pub contact_id: Option<String>,
    pub lead_id: Option<String>,
    pub team_member_id: Option<String>,
    pub started_at: Timestamp,
    /// 0 to 86,400 (a day).
    #[schema(minimum = 0, maximum = 86_400)]
    pub duration_seconds: Option<i64>,
    /// At most 100 characters.
    #[schema(max_length = 100)]
    pub outcome: Option<String>,
    /// At most 10,000 characters.
    #[schema(max_length = 10_000)]
    pub notes: Option<String>,
}

/// Only the fields sent change; `null` clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"durationSeconds": 340, "outcome": "Left a voicemail"}))]
pub struct UpdateCall {
    pub direction: Patch<Direction>,
    #[schema(min_length = 1, max_length = 50)]
    pub from_number: Patch<String>,
    #[schema(min_length = 1, max_length = 50)]
    pub to_number: Patch<String>,
    pub contact_id: Patch<Option<String>>,
    pub lead_id: Patch<Option<String>>,
    pub team_member_id: Patch<Option<String>>,
    pub started_at: Patch<Timestamp>,
    #[schema(minimum = 0, maximum = 86_400)]
    pub duration_seconds: Patch<Option<i64>>,
    #[schema(max_length = 100)]
    pub outcome: Patch<Option<String>>,
    #[schema(max_length = 10_000)]
    pub notes: Patch<Option<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct CallFilter {
    /// inbound or outbound.
    #[param(example = "outbound")]
    pub direction: Option<Direction>,
    /// Calls of this team member.
    pub team_member_id: Option<String>,
    /// Calls with this contact.
    pub contact_id: Option<String>,
    /// Calls with this lead.
    pub lead_id: Option<String>,
    /// Calls that started at or after this instant (RFC 3339, or a date for its midnight UTC).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-01-01T00:00:00Z")]
    pub from: Option<Timestamp>,
    /// Calls that started before this instant (exclusive: one day is
    /// `from=2025-01-20&to=2025-01-21`).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-02-01T00:00:00Z")]
    pub to: Option<Timestamp>,
}

pub struct Calls;

const MAX_DURATION_SECONDS: i64 = 86_400;

/// Checks that every id the call references exists in this organization.
async fn check_references(ctx: &mut Ctx<'_>, call: &Call) -> ApiResult<()> {
    ctx.check_reference::<Contacts>("contactId", call.contact_id.as_deref()).await?;
    ctx.check_reference::<Leads>("leadId", call.lead_id.as_deref()).await?;
    ctx.check_reference::<TeamMembers>("teamMemberId", call.team_member_id.as_deref()).await
}

fn duration(value: Option<i64>) -> ApiResult<Option<i64>> {
    in_range("durationSeconds", value, 0, MAX_DURATION_SECONDS)
}

impl Resource for Calls {
    const META: Meta = Meta {
        name: "call",
        plural: "calls",
        path: "/calls",
        table: "calls",
        id_prefix: "call",
        scope: "calls",
        tag: "Calls",
    };

    type Record = Call;
    type Filter = CallFilter;

    fn filter(f: &CallFilter, filters: &mut Filters) {
        filters.eq("direction", f.direction);
        filters.eq("team_member_id", f.team_member_id.clone());
        filters.eq("contact_id", f.contact_id.clone());
        filters.eq("lead_id", f.lead_id.clone());
        filters.at_least("started_at", f.from);
        if let Some(to) = f.to {
            filters.raw("started_at < ?".into(), [Value::from(to)]);
        }
    }
}

impl Creatable for Calls {
    type CreateBody = CreateCall;

    async fn create(ctx: &mut Ctx<'_>, input: CreateCall) -> ApiResult<Call> {
        let now = ctx.now();
        let call = Call {
            id: ctx.new_id(Self::META.id_prefix),
            direction: input.direction,
            from_number: Phone::parse("fromNumber", &input.from_number)?,
            to_number: Phone::parse("toNumber", &input.to_number)?,
            contact_id: input.contact_id,
            lead_id: input.lead_id,
            team_member_id: input.team_member_id,
            started_at: input.started_at,
            duration_seconds: duration(input.duration_seconds)?,
            outcome: optional_text("outcome", input.outcome.as_deref(), 100)?,
            notes: optional_text("notes", input.notes.as_deref(), 10_000)?,
            created_at: now,
            updated_at: now,
        };
        check_references(ctx, &call).await?;
        Ok(call)
    }
}

impl Updatable for Calls {
    type UpdateBody = UpdateCall;

    async fn update(ctx: &mut Ctx<'_>, mut c: Call, change: UpdateCall) -> ApiResult<Call> {
        c.direction = change.direction.or(c.direction);
        c.from_number = change.from_number.apply(c.from_number, |n| Phone::parse("fromNumber", &n))?;
        c.to_number = change.to_number.apply(c.to_number, |n| Phone::parse("toNumber", &n))?;
        c.contact_id = change.contact_id.or(c.contact_id);
        c.lead_id = change.lead_id.or(c.lead_id);
        c.team_member_id = change.team_member_id.or(c.team_member_id);
        c.started_at = change.started_at.or(c.started_at);
        c.duration_seconds = duration(change.duration_seconds.or(c.duration_seconds))?;
        c.outcome = optional_text("outcome", change.outcome.or(c.outcome).as_deref(), 100)?;
        c.notes = optional_text("notes", change.notes.or(c.notes).as_deref(), 10_000)?;
        check_references(ctx, &c).await?;
        Ok(c)
    }
}

impl Deletable for Calls {}
