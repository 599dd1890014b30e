//! Booking links: `/api/booking-links`, each the address of a public booking page
//! (`/book/{orgSlug}/{slug}`) where anyone can book a slot with a team member.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use super::team::TeamMembers;
use crate::app::AppState;
use crate::crm::properties::Properties;
use crate::error::{ApiError, ApiResult};
use crate::platform::orgs::slugify;
use crate::resource::validate::{in_range, nullable, optional_text, patch, present, slug, text};
use crate::resource::values::{Flag, Timestamp, Value};
use crate::resource::{Ctx, Filters, Meta, Resource};
use crate::stamped;

/// Length of a booking when none is given, and the range allowed.
const DEFAULT_DURATION_MINUTES: i64 = 30;
const MIN_DURATION_MINUTES: i64 = 5;
const MAX_DURATION_MINUTES: i64 = 480;

/// A public booking page for one team member (and optionally one property to show).
#[derive(Debug, Clone, Serialize, FromRow, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "bl_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "slug": "tour-with-ava", "title": "Tour with Ava",
    "description": "A 30-minute tour of the Beverly Hills villa", "teamMemberId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6",
    "propertyId": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7", "durationMinutes": 30, "active": true,
    "url": "https://gable.example.com/book/test-realty/tour-with-ava",
    "createdAt": "2025-01-05T09:00:00.000Z", "updatedAt": "2025-01-05T09:00:00.000Z"
}))]
pub struct BookingLink {
    pub id: String,
    /// Unique in the organization; the last part of `url`.
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    /// Who is booked.
    pub team_member_id: String,
    /// The property a booking is a showing of, if any.
    pub property_id: Option<String>,
    /// Length of each booking, 5–480 minutes; also the step between offered start times.
    pub duration_minutes: i64,
    /// Inactive links keep their slug, but their page is not found.
    pub active: Flag,
    /// The public booking page: `{public_url}/book/{orgSlug}/{slug}`. Read-only.
    #[sqlx(skip)]
    pub url: String,
    /// The organization's slug, read with the row for `url`.
    #[serde(skip)]
    pub org_slug: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

stamped!(BookingLink);

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "title": "Tour with Ava", "description": "A 30-minute tour of the Beverly Hills villa",
    "teamMemberId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6", "propertyId": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7"
}))]
pub struct CreateBookingLink {
    /// 1–80 of `a-z`, `0-9` and `-`, unique in the organization. Default: from the title
    /// (`-2`, `-3` … when taken).
    pub slug: Option<String>,
    /// At most 200 characters.
    pub title: String,
    /// At most 10,000 characters.
    pub description: Option<String>,
    /// Who is booked.
    pub team_member_id: String,
    pub property_id: Option<String>,
    /// 5–480 (default 30).
    pub duration_minutes: Option<i64>,
    /// Default `true`.
    pub active: Option<bool>,
}

/// Only the fields sent change; `null` clears `description` or `propertyId`. Changing the
/// slug changes `url`: the old address stops working.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"durationMinutes": 45, "active": false}))]
pub struct UpdateBookingLink {
    #[serde(default, deserialize_with = "present")]
    pub slug: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub team_member_id: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub property_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub duration_minutes: Option<i64>,
    #[serde(default, deserialize_with = "present")]
    pub active: Option<bool>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct BookingLinkFilter {
    /// Links that book this team member.
    pub team_member_id: Option<String>,
    /// `true`: live links only (`false`: only the inactive ones).
    #[param(example = true)]
    pub active: Option<bool>,
}

pub struct BookingLinks;

fn duration(value: i64) -> ApiResult<i64> {
    in_range("durationMinutes", Some(value), MIN_DURATION_MINUTES, MAX_DURATION_MINUTES).map(|_| value)
}

/// The slug of the organization the transaction is for.
async fn org_slug(ctx: &mut Ctx<'_>) -> ApiResult<String> {
    let tx = ctx.tx();
    let (slug,): (String,) = tx.fetch_one(tx.sql("SELECT slug FROM organizations WHERE id = $1")).await?;
    Ok(slug)
}

/// A slug the client chose: well-formed and not used by another link of the organization (409).
async fn chosen_slug(ctx: &mut Ctx<'_>, value: &str, link_id: &str) -> ApiResult<String> {
    let value = slug("slug", value)?;
    let tx = ctx.tx();
    let taken: Option<(String,)> = tx
        .fetch_optional(
            tx.sql("SELECT id FROM booking_links WHERE org_id = $1 AND slug = $2 AND id <> $3")
                .bind(value.clone())
                .bind(link_id.to_owned()),
        )
        .await?;
    match taken {
        Some((other,)) => {
            Err(ApiError::conflict("SLUG_TAKEN", format!("Booking link `{other}` already has the slug `{value}`"))
                .with_field("slug"))
        }
        None => Ok(value),
    }
}

/// Checks that the member and the property exist in this organization.
async fn check_references(ctx: &mut Ctx<'_>, link: &BookingLink) -> ApiResult<()> {
    ctx.reference::<TeamMembers>("teamMemberId", &link.team_member_id).await?;
    ctx.check_reference::<Properties>("propertyId", link.property_id.as_deref()).await
}

impl Resource for BookingLinks {
    const META: Meta = Meta {
        name: "booking_link",
        plural: "booking links",
        path: "/booking-links",
        table: "booking_links",
        id_prefix: "bl",
        scope: "booking_links",
        tag: "Booking Links",
        columns: "id, slug, title, description, team_member_id, property_id, duration_minutes, active, \
                  (SELECT slug FROM organizations WHERE id = $1) AS org_slug, created_at, updated_at",
    };

    type Record = BookingLink;
    type Create = CreateBookingLink;
    type Update = UpdateBookingLink;
    type Filter = BookingLinkFilter;

    fn columns(l: &BookingLink) -> Vec<(&'static str, Value)> {
        vec![
            ("slug", l.slug.clone().into()),
            ("title", l.title.clone().into()),
            ("description", l.description.clone().into()),
            ("team_member_id", l.team_member_id.clone().into()),
            ("property_id", l.property_id.clone().into()),
            ("duration_minutes", l.duration_minutes.into()),
            ("active", l.active.into()),
        ]
    }

    async fn create(ctx: &mut Ctx<'_>, input: CreateBookingLink) -> ApiResult<BookingLink> {
        let id = ctx.new_id(Self::META.id_prefix);
        let title = text("title", &input.title, 200)?;
        let slug = match input.slug {
            Some(chosen) => chosen_slug(ctx, &chosen, &id).await?,
            None => ctx.unique_slug::<Self>(&slugify(&title)).await?,
        };
        let now = ctx.now();
        let link = BookingLink {
            id,
            slug,
            title,
            description: optional_text("description", input.description.as_deref(), 10_000)?,
            team_member_id: input.team_member_id,
            property_id: input.property_id,
            duration_minutes: duration(input.duration_minutes.unwrap_or(DEFAULT_DURATION_MINUTES))?,
            active: Flag(input.active.unwrap_or(true)),
            url: String::new(),
            org_slug: org_slug(ctx).await?,
            created_at: now,
            updated_at: now,
        };
        check_references(ctx, &link).await?;
        Ok(link)
    }

    async fn update(ctx: &mut Ctx<'_>, mut l: BookingLink, change: UpdateBookingLink) -> ApiResult<BookingLink> {
        if let Some(chosen) = change.slug
            && chosen != l.slug
        {
            l.slug = chosen_slug(ctx, &chosen, &l.id).await?;
        }
        if let Some(title) = change.title {
            l.title = text("title", &title, 200)?;
        }
        l.description = optional_text("description", patch(l.description, change.description).as_deref(), 10_000)?;
        l.team_member_id = change.team_member_id.unwrap_or(l.team_member_id);
        l.property_id = patch(l.property_id, change.property_id);
        if let Some(minutes) = change.duration_minutes {
            l.duration_minutes = duration(minutes)?;
        }
        l.active = change.active.map_or(l.active, Flag);
        check_references(ctx, &l).await?;
        Ok(l)
    }

    fn filter(f: &BookingLinkFilter, filters: &mut Filters) {
        filters.eq("team_member_id", f.team_member_id.clone());
        filters.eq("active", f.active);
    }

    fn compute(state: &AppState, l: &mut BookingLink) {
        l.url = format!("{}/book/{}/{}", state.public_url(), l.org_slug, l.slug);
    }
}
