//! Team members (agents and staff), with roles and commission rates: `/api/team`.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use crate::resource::validate::text;
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::text_enum;
use crate::vocab::contact::{Email, OptionalEmail, Phone};
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::values::{Flag, Timestamp};

text_enum! {
    pub enum Role {
        Owner = "owner",
        Admin = "admin",
        Agent = "agent",
        Assistant = "assistant",
    }
}

/// A member of the team: who leads, tasks and showings are assigned to, and who earns
/// commission on payments.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Ava Stone", "email": "ava@example.com",
    "phone": "+1-555-0142", "role": "agent", "commissionRate": 2.5, "active": true,
    "createdAt": "2025-01-02T09:00:00.000Z", "updatedAt": "2025-01-02T09:00:00.000Z"
}))]
pub struct TeamMember {
    pub id: String,
    pub name: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub role: Role,
    /// Percent of a payment's amount earned as commission (0–100).
    pub commission_rate: f64,
    pub active: Flag,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"name": "Ava Stone", "email": "ava@example.com", "role": "agent", "commissionRate": 2.5}))]
pub struct CreateTeamMember {
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// An email address; empty is the same as absent.
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Option<String>,
    /// Empty is the same as absent.
    #[schema(max_length = 50)]
    pub phone: Option<String>,
    /// Default `agent`.
    pub role: Option<Role>,
    /// Percent, 0–100 (default 0).
    #[schema(minimum = 0, maximum = 100)]
    pub commission_rate: Option<f64>,
    /// Default `true`.
    pub active: Option<bool>,
}

#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"commissionRate": 3, "active": false}))]
pub struct UpdateTeamMember {
    #[schema(min_length = 1, max_length = 200)]
    pub name: Patch<String>,
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Patch<Option<String>>,
    #[schema(max_length = 50)]
    pub phone: Patch<Option<String>>,
    pub role: Patch<Role>,
    /// Percent, 0–100.
    #[schema(minimum = 0, maximum = 100)]
    pub commission_rate: Patch<f64>,
    pub active: Patch<bool>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TeamFilter {
    /// owner, admin, agent or assistant.
    #[param(example = "agent")]
    pub role: Option<Role>,
    /// `true`: active members only.
    pub active: Option<bool>,
}

pub struct TeamMembers;

fn commission_rate(value: f64) -> ApiResult<f64> {
    if !(0.0..=100.0).contains(&value) {
        return Err(ApiError::validation("commissionRate", "`commissionRate` must be a percent between 0 and 100"));
    }
    Ok(value)
}

impl Resource for TeamMembers {
    const META: Meta = Meta {
        name: "team_member",
        plural: "team members",
        path: "/team",
        table: "team_members",
        id_prefix: "tm",
        scope: "team",
        tag: "Team",
    };

    type Record = TeamMember;
    type Filter = TeamFilter;

    fn filter(f: &TeamFilter, filters: &mut Filters) {
        filters.eq("role", f.role);
        filters.eq("active", f.active);
    }
}

impl Creatable for TeamMembers {
    type CreateBody = CreateTeamMember;

    async fn create(ctx: &mut Ctx<'_>, input: CreateTeamMember) -> ApiResult<TeamMember> {
        let now = ctx.now();
        Ok(TeamMember {
            id: ctx.new_id(Self::META.id_prefix),
            name: text("name", &input.name, 200)?,
            email: Email::optional("email", input.email.as_deref())?,
            phone: Phone::optional("phone", input.phone.as_deref())?,
            role: input.role.unwrap_or(Role::Agent),
            commission_rate: commission_rate(input.commission_rate.unwrap_or(0.0))?,
            active: Flag(input.active.unwrap_or(true)),
            created_at: now,
            updated_at: now,
        })
    }
}

impl Updatable for TeamMembers {
    type UpdateBody = UpdateTeamMember;

    async fn update(_ctx: &mut Ctx<'_>, mut m: TeamMember, change: UpdateTeamMember) -> ApiResult<TeamMember> {
        if let Some(name) = change.name.into_option() {
            m.name = text("name", &name, 200)?;
        }
        m.email = change.email.apply(m.email, |v| Email::optional("email", v.as_deref()))?;
        m.phone = change.phone.apply(m.phone, |v| Phone::optional("phone", v.as_deref()))?;
        m.role = change.role.or(m.role);
        if let Some(rate) = change.commission_rate.into_option() {
            m.commission_rate = commission_rate(rate)?;
        }
        m.active = change.active.into_option().map_or(m.active, Flag);
        Ok(m)
    }
}

impl Deletable for TeamMembers {}
