//! Booking links: `/api/booking-links`, each the address of a public booking page,
//! `GET|POST /book/{orgSlug}/{slug}`, where anyone can see a team member's free times and book
//! one: the booking is a lead and a showing, written together.
//!
//! The page offers start times on a grid of the link's duration from 09:00 to 17:00 UTC,
//! Monday to Friday, for the next 14 days, leaving out the past and the member's scheduled or
//! confirmed showings (see `docs/sales.md`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Datelike, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::ActingOrg;
use crate::crm::leads::{CreateLead, Leads};
use crate::crm::properties::Properties;
use crate::crm::showings::{
    CreateShowing, DEFAULT_DURATION_MINUTES, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, ShowingStatus, Showings,
};
use crate::crm::team::TeamMembers;
use crate::http::public::{ClientIp, admit};
use crate::http::{Json, Path};
use crate::resource::validate::slugify;
use crate::resource::validate::{in_range, optional_text, slug, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::state::AppState;
use crate::vocab::contact::Email;
use crate::vocab::error::{ApiError, ApiResult, ErrorBody};
use crate::vocab::values::{Flag, Timestamp};

/// A public booking page for one team member (and optionally one property to show).
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
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
    /// Length of each booking (the showing), 5–480 minutes; also the step between offered
    /// start times.
    pub duration_minutes: i64,
    /// Inactive links keep their slug, but their page is not found.
    pub active: Flag,
    /// The public booking page: `{public_url}/book/{orgSlug}/{slug}`. Read-only.
    #[sqlx(skip)]
    pub url: String,
    /// The organization's slug, read with the row for `url`.
    #[serde(skip)]
    #[column(select = "(SELECT slug FROM organizations WHERE id = $1)")]
    pub org_slug: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "title": "Tour with Ava", "description": "A 30-minute tour of the Beverly Hills villa",
    "teamMemberId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6", "propertyId": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7"
}))]
pub struct CreateBookingLink {
    /// 1–80 of `a-z`, `0-9` and `-`, unique in the organization. Default: from the title
    /// (`-2`, `-3` … when taken).
    #[schema(pattern = "^[a-z0-9-]{1,80}$")]
    pub slug: Option<String>,
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// At most 10,000 characters.
    #[schema(max_length = 10_000)]
    pub description: Option<String>,
    /// Who is booked.
    pub team_member_id: String,
    pub property_id: Option<String>,
    /// 5–480 (default 30).
    #[schema(minimum = 5, maximum = 480)]
    pub duration_minutes: Option<i64>,
    /// Default `true`.
    pub active: Option<bool>,
}

/// Only the fields sent change; `null` clears `description` or `propertyId`. Changing the
/// slug changes `url`: the old address stops working.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"durationMinutes": 45, "active": false}))]
pub struct UpdateBookingLink {
    /// 1–80 of `a-z`, `0-9` and `-`, unique in the organization.
    #[schema(pattern = "^[a-z0-9-]{1,80}$")]
    pub slug: Patch<String>,
    #[schema(min_length = 1, max_length = 200)]
    pub title: Patch<String>,
    #[schema(max_length = 10_000)]
    pub description: Patch<Option<String>>,
    pub team_member_id: Patch<String>,
    pub property_id: Patch<Option<String>>,
    /// 5–480.
    #[schema(minimum = 5, maximum = 480)]
    pub duration_minutes: Patch<i64>,
    pub active: Patch<bool>,
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
        tag: "Booking links",
    };

    type Record = BookingLink;
    type Filter = BookingLinkFilter;

    fn filter(f: &BookingLinkFilter, filters: &mut Filters) {
        filters.eq("team_member_id", f.team_member_id.clone());
        filters.eq("active", f.active);
    }

    fn compute(state: &AppState, l: &mut BookingLink) {
        l.url = format!("{}/book/{}/{}", state.public_url(), l.org_slug, l.slug);
    }
}

impl Creatable for BookingLinks {
    type CreateBody = CreateBookingLink;

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
}

impl Updatable for BookingLinks {
    type UpdateBody = UpdateBookingLink;

    async fn update(ctx: &mut Ctx<'_>, mut l: BookingLink, change: UpdateBookingLink) -> ApiResult<BookingLink> {
        if let Some(chosen) = change.slug.into_option()
            && chosen != l.slug
        {
            l.slug = chosen_slug(ctx, &chosen, &l.id).await?;
        }
        if let Some(title) = change.title.into_option() {
            l.title = text("title", &title, 200)?;
        }
        l.description = optional_text("description", change.description.or(l.description).as_deref(), 10_000)?;
        l.team_member_id = change.team_member_id.or(l.team_member_id);
        l.property_id = change.property_id.or(l.property_id);
        if let Some(minutes) = change.duration_minutes.into_option() {
            l.duration_minutes = duration(minutes)?;
        }
        l.active = change.active.into_option().map_or(l.active, Flag);
        check_references(ctx, &l).await?;
        Ok(l)
    }
}

impl Deletable for BookingLinks {}

/// The booking pages, outside `/api` and without a key.
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(booking_page, book))
}

/// Business hours of the booking pages (UTC), and how far ahead they offer times.
const OPEN_HOUR: i64 = 9;
const CLOSE_HOUR: i64 = 17;
const HORIZON_DAYS: i64 = 14;

/// The start times a page offers before showings are taken out: every `minutes` from 09:00
/// while the booking ends by 17:00 UTC, Monday to Friday, from `now` (inclusive) to
/// `HORIZON_DAYS` later (exclusive).
fn grid(now: Timestamp, minutes: i64) -> Vec<Timestamp> {
    let horizon = now.plus_minutes(HORIZON_DAYS * 24 * 60);
    let mut starts = Vec::new();
    for day in now.to_datetime().date_naive().iter_days().take(HORIZON_DAYS as usize + 1) {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        let midnight = Timestamp(day.and_time(NaiveTime::MIN).and_utc().timestamp_millis());
        let close = midnight.plus_minutes(CLOSE_HOUR * 60);
        let mut start = midnight.plus_minutes(OPEN_HOUR * 60);
        while start.plus_minutes(minutes) <= close {
            if start >= now && start < horizon {
                starts.push(start);
            }
            start = start.plus_minutes(minutes);
        }
    }
    starts
}

/// The starts of `grid` whose `minutes` overlap none of the `busy` intervals (half-open, so a
/// booking may start when a showing ends).
fn free(grid: Vec<Timestamp>, minutes: i64, busy: &[(Timestamp, Timestamp)]) -> Vec<Timestamp> {
    grid.into_iter()
        .filter(|start| {
            let end = start.plus_minutes(minutes);
            !busy.iter().any(|(from, to)| *start < *to && *from < end)
        })
        .collect()
}

/// What a page needs of its link and member. Inactive links and inactive members have no page.
#[derive(Debug, FromRow)]
struct PageLink {
    title: String,
    description: Option<String>,
    duration_minutes: i64,
    team_member_id: String,
    property_id: Option<String>,
    member_name: String,
}

const PAGE_LINK: &str = "SELECT l.title, l.description, l.duration_minutes, l.team_member_id, l.property_id, \
                         m.name AS member_name FROM booking_links l \
                         JOIN team_members m ON m.org_id = l.org_id AND m.id = l.team_member_id \
                         WHERE l.org_id = $1 AND l.slug = $2 AND l.active = 1 AND m.active = 1";

fn no_page(slug: &str) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", format!("No booking page `{slug}`"))
}

/// A booking page: what is booked, with whom, and the times still free.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "title": "Tour with Ava", "description": "A 30-minute tour of the Beverly Hills villa",
    "durationMinutes": 30, "teamMemberName": "Ava Stone",
    "slots": ["2025-01-20T09:00:00.000Z", "2025-01-20T09:30:00.000Z", "2025-01-20T10:30:00.000Z"]
}))]
pub struct BookingPage {
    pub title: String,
    pub description: Option<String>,
    /// Length of a booking.
    pub duration_minutes: i64,
    /// The team member booked.
    pub team_member_name: String,
    /// Free start times, earliest first (RFC 3339, UTC): weekdays 09:00–17:00 UTC on a grid of
    /// `durationMinutes`, over the next 14 days.
    pub slots: Vec<Timestamp>,
}

/// A booking request from the public page.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "name": "Jane Doe", "email": "jane@example.com", "phone": "+1-555-0200",
    "message": "Is the garden south-facing?", "startAt": "2025-01-20T10:30:00Z"
}))]
pub struct BookingRequest {
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[schema(value_type = Email)]
    pub email: String,
    /// At most 50 characters; empty is the same as absent.
    #[schema(max_length = 50)]
    pub phone: Option<String>,
    /// At most 10,000 characters.
    #[schema(max_length = 10_000)]
    pub message: Option<String>,
    /// One of the page's `slots`.
    pub start_at: Timestamp,
}

/// A booking made: the lead and the showing it created.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "leadId": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "showingId": "shw_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6",
    "startAt": "2025-01-20T10:30:00.000Z", "endAt": "2025-01-20T11:00:00.000Z"
}))]
pub struct Booking {
    pub lead_id: String,
    pub showing_id: String,
    pub start_at: Timestamp,
    pub end_at: Timestamp,
}

/// Booking page
///
/// No authentication. The link's title, description and duration, the team member's name, and
/// the free start times (`slots`). Inactive links and unknown organizations or links are 404.
/// Each client IP may make `public_per_ip_per_minute` requests a minute to an organization's
/// booking pages (with the `X-RateLimit-*` headers); the organization's plan must include the
/// API. An unknown organization gets the same 404 as an unknown link.
#[utoipa::path(get, path = "/book/{orgSlug}/{slug}", tag = "Booking pages", security(()),
    params(("orgSlug" = String, Path, description = "The organization's slug"),
           ("slug" = String, Path, description = "The booking link's slug")),
    responses((status = 200, description = "The page", body = BookingPage),
              (status = 403, description = "The organization's plan lacks the API", body = ErrorBody),
              (status = 404, description = "No such organization, or no active link with this slug", body = ErrorBody),
              (status = 429, description = "Too many requests from this IP; see `Retry-After`", body = ErrorBody)))]
async fn booking_page(
    State(state): State<AppState>,
    ip: ClientIp,
    Path((org_slug, slug)): Path<(String, String)>,
) -> Response {
    let admitted = match admit(&state, &org_slug, ip, "booking", || no_page(&slug)).await {
        Ok(admitted) => admitted,
        Err(refused) => return refused,
    };
    admitted.respond(page(&state, &admitted.tenant, &slug).await)
}

async fn page(state: &AppState, tenant: &ActingOrg, slug: &str) -> ApiResult<Json<BookingPage>> {
    let mut scoped = state.db().scoped(tenant);
    let link: PageLink =
        scoped.fetch_optional(scoped.sql(PAGE_LINK).bind(slug.to_owned())).await?.ok_or_else(|| no_page(slug))?;
    let now = Timestamp(state.clock().now_ms());
    let until = now.plus_minutes((HORIZON_DAYS + 1) * 24 * 60);
    let showings: Vec<(Timestamp, i64, ShowingStatus)> = scoped
        .fetch_all(
            scoped
                .sql(
                    "SELECT scheduled_at, duration_minutes, status FROM showings WHERE org_id = $1 AND agent_id = $2 \
                     AND scheduled_at < $3 AND scheduled_at + duration_minutes * 60000 > $4",
                )
                .bind(link.team_member_id.clone())
                .bind(until.ms())
                .bind(now.ms()),
        )
        .await?;
    let busy: Vec<(Timestamp, Timestamp)> = showings
        .into_iter()
        .filter(|(_, _, status)| status.blocks_agent())
        .map(|(at, minutes, _)| (at, at.plus_minutes(minutes)))
        .collect();
    Ok(Json(BookingPage {
        slots: free(grid(now, link.duration_minutes), link.duration_minutes, &busy),
        title: link.title,
        description: link.description,
        duration_minutes: link.duration_minutes,
        team_member_name: link.member_name,
    }))
}

/// Book a time
///
/// No authentication. Books `startAt`, one of the page's free `slots`, in one transaction: a
/// lead (`source` "booking", assigned to the member, with the link's property) and a showing of
/// the link's duration for it with the member. 400 naming `startAt` when it is not a start
/// time the page offers (past, outside business hours, off the grid); 409 `DOUBLE_BOOKED` when
/// the member has been booked at that time meanwhile (naming no showing or member). Writes
/// `lead.created` and `showing.created`. Same rate limit and plan rule as the page.
#[utoipa::path(post, path = "/book/{orgSlug}/{slug}", tag = "Booking pages", security(()),
    params(("orgSlug" = String, Path, description = "The organization's slug"),
           ("slug" = String, Path, description = "The booking link's slug")),
    request_body = BookingRequest,
    responses((status = 201, description = "Booked", body = Booking),
              (status = 400, description = "Invalid body; `field` names the culprit", body = ErrorBody),
              (status = 403, description = "The organization's plan lacks the API", body = ErrorBody),
              (status = 404, description = "No such organization, or no active link with this slug", body = ErrorBody),
              (status = 409, description = "`DOUBLE_BOOKED`: the time was taken meanwhile", body = ErrorBody),
              (status = 429, description = "Too many requests from this IP; see `Retry-After`", body = ErrorBody)))]
async fn book(
    State(state): State<AppState>,
    ip: ClientIp,
    Path((org_slug, slug)): Path<(String, String)>,
    body: Result<Json<BookingRequest>, ApiError>,
) -> Response {
    // The body is judged after admission, so malformed requests count against the IP too.
    let admitted = match admit(&state, &org_slug, ip, "booking", || no_page(&slug)).await {
        Ok(admitted) => admitted,
        Err(refused) => return refused,
    };
    let booked = match body {
        Ok(Json(request)) => create_booking(&state, &admitted.tenant, &slug, request).await,
        Err(err) => Err(err),
    };
    admitted.respond(booked)
}

async fn create_booking(
    state: &AppState,
    tenant: &ActingOrg,
    slug: &str,
    request: BookingRequest,
) -> ApiResult<(StatusCode, Json<Booking>)> {
    if request.email.trim().is_empty() {
        return Err(ApiError::validation("email", "`email` must not be empty"));
    }
    let mut ctx = Ctx::begin(state, tenant).await?;
    let tx = ctx.tx();
    let link: PageLink =
        tx.fetch_optional(tx.sql(PAGE_LINK).bind(slug.to_owned())).await?.ok_or_else(|| no_page(slug))?;
    if !grid(ctx.now(), link.duration_minutes).contains(&request.start_at) {
        return Err(ApiError::validation(
            "startAt",
            format!(
                "`startAt` must be one of the page's start times: a weekday from 09:00 to 17:00 UTC, every {} \
                 minutes, in the next {HORIZON_DAYS} days",
                link.duration_minutes
            ),
        ));
    }
    let lead = ctx
        .create::<Leads>(CreateLead {
            name: request.name,
            email: Some(request.email),
            phone: request.phone,
            source: Some("booking".to_owned()),
            status: None,
            message: request.message,
            property_id: link.property_id.clone(),
            contact_id: None,
            assigned_to_id: Some(link.team_member_id.clone()),
        })
        .await?;
    // Showings::create refuses a clash (409 DOUBLE_BOOKED) under the member's row lock.
    let showing = ctx
        .create::<Showings>(CreateShowing {
            property_id: link.property_id,
            contact_id: None,
            lead_id: Some(lead.id.clone()),
            agent_id: Some(link.team_member_id),
            scheduled_at: request.start_at,
            duration_minutes: Some(link.duration_minutes),
            status: None,
            notes: None,
        })
        .await?;
    ctx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(Booking {
            lead_id: lead.id,
            showing_id: showing.id,
            start_at: showing.scheduled_at,
            end_at: showing.scheduled_at.plus_minutes(showing.duration_minutes),
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn the_grid_covers_weekday_business_hours_for_fourteen_days() {
        // Monday 10:15: today's first start is 10:30, the last day is the Monday after next
        // until 10:15.
        let starts = grid(at("2025-01-20T10:15:00Z"), 30);
        assert_eq!(starts.first(), Some(&at("2025-01-20T10:30:00Z")));
        assert_eq!(starts.last(), Some(&at("2025-02-03T10:00:00Z")));
        assert_eq!(starts.len(), 13 + 4 * 16 + 5 * 16 + 3);
        assert!(starts.iter().all(|s| !matches!(s.to_datetime().weekday(), Weekday::Sat | Weekday::Sun)));
        assert!(!starts.contains(&at("2025-01-20T16:45:00Z")) && starts.contains(&at("2025-01-20T16:30:00Z")));
    }

    #[test]
    fn bookings_end_by_closing_time() {
        let starts = grid(at("2025-01-18T00:00:00Z"), 45);
        let monday: Vec<Timestamp> = starts.into_iter().filter(|s| s.to_datetime().day() == 20).collect();
        assert_eq!(monday.first(), Some(&at("2025-01-20T09:00:00Z")));
        assert_eq!(monday.last(), Some(&at("2025-01-20T15:45:00Z")), "16:30 would end at 17:15");
        assert_eq!(monday.len(), 10);
    }

    #[test]
    fn busy_times_remove_overlapping_starts_only() {
        let starts = vec![at("2025-01-20T09:00:00Z"), at("2025-01-20T09:30:00Z"), at("2025-01-20T10:00:00Z")];
        let busy = [(at("2025-01-20T09:15:00Z"), at("2025-01-20T10:00:00Z"))];
        assert_eq!(free(starts, 30, &busy), vec![at("2025-01-20T10:00:00Z")]);
    }
}
