//! Leads: `/api/leads`; `POST /api/leads/{id}/convert`, which turns a lead into a contact;
//! and the public lead form `POST /forms/{orgSlug}/leads` that websites post enquiries to.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::{Contact, ContactType, Contacts, CreateContact};
use super::properties::Properties;
use super::team::TeamMembers;
use crate::auth::{ActingOrg, Auth};
use crate::http::public::{ClientIp, admit};
use crate::http::{Json, Path};
use crate::resource::validate::{optional_text, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::state::AppState;
use crate::text_enum;
use crate::vocab::contact::{Email, OptionalEmail, Phone};
use crate::vocab::error::{ApiError, ApiResult, ErrorBody};
use crate::vocab::scope::Need;
use crate::vocab::values::Timestamp;

text_enum! {
    pub enum LeadStatus {
        New = "new",
        Contacted = "contacted",
        Qualified = "qualified",
        Converted = "converted",
        Lost = "lost",
    }
}

/// Someone who showed interest: from a form, a booking page, or the API.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Jane Doe", "email": "jane@example.com",
    "phone": "+1-555-0200", "source": "website", "status": "new",
    "message": "Interested in the Beverly Hills listing", "propertyId": null, "contactId": null,
    "assignedToId": null, "createdAt": "2025-01-12T10:30:00.000Z", "updatedAt": "2025-01-12T10:30:00.000Z"
}))]
pub struct Lead {
    pub id: String,
    pub name: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    /// Where the lead came from: `website`, `form`, `booking`, `api`, or your own label.
    pub source: String,
    pub status: LeadStatus,
    pub message: Option<String>,
    pub property_id: Option<String>,
    pub contact_id: Option<String>,
    /// The team member the lead is assigned to.
    #[schema(example = "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub assigned_to_id: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "name": "Jane Doe", "email": "jane@example.com", "phone": "+1-555-0200", "source": "website",
    "message": "Interested in the Beverly Hills listing"
}))]
pub struct CreateLead {
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// An email address; empty is the same as absent.
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Option<String>,
    /// Empty is the same as absent.
    #[schema(max_length = 50)]
    pub phone: Option<String>,
    /// Default `api` (also when empty).
    #[schema(max_length = 50)]
    pub source: Option<String>,
    /// Default `new`.
    pub status: Option<LeadStatus>,
    #[schema(max_length = 10_000)]
    pub message: Option<String>,
    pub property_id: Option<String>,
    pub contact_id: Option<String>,
    pub assigned_to_id: Option<String>,
}

#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"status": "contacted", "assignedToId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"}))]
pub struct UpdateLead {
    #[schema(min_length = 1, max_length = 200)]
    pub name: Patch<String>,
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Patch<Option<String>>,
    #[schema(max_length = 50)]
    pub phone: Patch<Option<String>>,
    #[schema(min_length = 1, max_length = 50)]
    pub source: Patch<String>,
    pub status: Patch<LeadStatus>,
    #[schema(max_length = 10_000)]
    pub message: Patch<Option<String>>,
    pub property_id: Patch<Option<String>>,
    pub contact_id: Patch<Option<String>>,
    pub assigned_to_id: Patch<Option<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct LeadFilter {
    /// new, contacted, qualified, converted or lost.
    #[param(example = "new")]
    pub status: Option<LeadStatus>,
    /// Leads from this source, e.g. `website`.
    #[param(example = "website")]
    pub source: Option<String>,
    /// Leads assigned to this team member.
    pub assigned_to_id: Option<String>,
}

pub struct Leads;

/// Checks that every id the lead references exists in this organization.
async fn check_references(ctx: &mut Ctx<'_>, lead: &Lead) -> ApiResult<()> {
    ctx.check_reference::<Properties>("propertyId", lead.property_id.as_deref()).await?;
    ctx.check_reference::<Contacts>("contactId", lead.contact_id.as_deref()).await?;
    ctx.check_reference::<TeamMembers>("assignedToId", lead.assigned_to_id.as_deref()).await
}

impl Resource for Leads {
    const META: Meta = Meta {
        name: "lead",
        plural: "leads",
        path: "/leads",
        table: "leads",
        id_prefix: "lead",
        scope: "leads",
        tag: "Leads",
    };

    type Record = Lead;
    type Filter = LeadFilter;

    fn filter(f: &LeadFilter, filters: &mut Filters) {
        filters.eq("status", f.status);
        filters.eq("source", f.source.clone());
        filters.eq("assigned_to_id", f.assigned_to_id.clone());
    }
}

impl Creatable for Leads {
    type CreateBody = CreateLead;

    async fn create(ctx: &mut Ctx<'_>, input: CreateLead) -> ApiResult<Lead> {
        let now = ctx.now();
        let lead = Lead {
            id: ctx.new_id(Self::META.id_prefix),
            name: text("name", &input.name, 200)?,
            email: Email::optional("email", input.email.as_deref())?,
            phone: Phone::optional("phone", input.phone.as_deref())?,
            source: optional_text("source", input.source.as_deref(), 50)?.unwrap_or_else(|| "api".to_owned()),
            status: input.status.unwrap_or(LeadStatus::New),
            message: optional_text("message", input.message.as_deref(), 10_000)?,
            property_id: input.property_id,
            contact_id: input.contact_id,
            assigned_to_id: input.assigned_to_id,
            created_at: now,
            updated_at: now,
        };
        check_references(ctx, &lead).await?;
        Ok(lead)
    }
}

impl Updatable for Leads {
    type UpdateBody = UpdateLead;

    async fn update(ctx: &mut Ctx<'_>, mut l: Lead, change: UpdateLead) -> ApiResult<Lead> {
        if let Some(name) = change.name.into_option() {
            l.name = text("name", &name, 200)?;
        }
        l.email = change.email.apply(l.email, |v| Email::optional("email", v.as_deref()))?;
        l.phone = change.phone.apply(l.phone, |v| Phone::optional("phone", v.as_deref()))?;
        if let Some(source) = change.source.into_option() {
            l.source = text("source", &source, 50)?;
        }
        l.status = change.status.or(l.status);
        l.message = optional_text("message", change.message.or(l.message).as_deref(), 10_000)?;
        l.property_id = change.property_id.or(l.property_id);
        l.contact_id = change.contact_id.or(l.contact_id);
        l.assigned_to_id = change.assigned_to_id.or(l.assigned_to_id);
        check_references(ctx, &l).await?;
        Ok(l)
    }
}

impl Deletable for Leads {}

/// The lead routes beyond CRUD (the CRUD ones come from `resource::router::<Leads>()`).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(convert_lead))
}

/// A converted lead and the contact it now references.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "lead": {
        "id": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Jane Doe", "email": "jane@example.com",
        "phone": "+1-555-0200", "source": "website", "status": "converted",
        "message": "Interested in the Beverly Hills listing", "propertyId": null,
        "contactId": "cont_01JDQ9A1B2C3D4E5F6G7H8J9K0", "assignedToId": null,
        "createdAt": "2025-01-12T10:30:00.000Z", "updatedAt": "2025-01-14T09:00:00.000Z"
    },
    "contact": {
        "id": "cont_01JDQ9A1B2C3D4E5F6G7H8J9K0", "firstName": "Jane", "lastName": "Doe",
        "email": "jane@example.com", "phone": "+1-555-0200", "type": "BUYER", "tags": [],
        "score": null, "notes": null, "createdAt": "2025-01-14T09:00:00.000Z",
        "updatedAt": "2025-01-14T09:00:00.000Z"
    },
    "contactCreated": true
}))]
pub struct Conversion {
    pub lead: Lead,
    pub contact: Contact,
    /// Whether this call created the contact (`false` when it linked an existing one).
    pub contact_created: bool,
}

/// Convert a lead
///
/// Links the lead to a contact and sets its status to `converted`. The contact is the one the
/// lead already references; else the organization's oldest contact with the same email
/// (case-insensitive); else a new `BUYER` contact with the lead's name, email and phone. The
/// name's last word becomes `lastName` and the rest `firstName` ("Jane Q. Doe" → "Jane Q." and
/// "Doe"); a one-word name becomes `firstName`, with `lastName` "-".
///
/// One transaction, with `contact.created` when a contact is created and `lead.updated`.
/// Converting a converted lead again returns the same lead and contact (`contactCreated`
/// false) and writes nothing. Needs `write:leads` and `write:contacts`.
#[utoipa::path(post, path = "/leads/{id}/convert", tag = "Leads",
    params(("id" = String, Path, description = "The lead's id (`lead_…`)")),
    responses((status = 200, description = "The converted lead and its contact", body = Conversion)))]
async fn convert_lead(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<Conversion>> {
    let tenant = auth.require(Need::Write("leads"))?;
    auth.require(Need::Write("contacts"))?;
    let mut ctx = Ctx::begin(&state, tenant).await?;
    let before = ctx.load_for_update::<Leads>(&id).await?;
    let (contact, contact_created) = contact_for(&mut ctx, &before).await?;
    let mut lead = before.clone();
    lead.contact_id = Some(contact.id.clone());
    lead.status = LeadStatus::Converted;
    ctx.save::<Leads>(&before, &mut lead).await?;
    ctx.commit().await?;
    Ok(Json(Conversion { lead, contact, contact_created }))
}

/// The contact a lead converts into, and whether it was created for it.
async fn contact_for(ctx: &mut Ctx<'_>, lead: &Lead) -> ApiResult<(Contact, bool)> {
    if let Some(id) = &lead.contact_id {
        return Ok((ctx.reference::<Contacts>("contactId", id).await?, false));
    }
    if let Some(email) = &lead.email {
        let tx = ctx.tx();
        let sql = format!(
            "SELECT {} FROM {} WHERE org_id = $1 AND LOWER(email) = LOWER($2) ORDER BY id LIMIT 1",
            <Contact as Columns>::SELECT,
            Contacts::META.table
        );
        if let Some(contact) = tx.fetch_optional(tx.sql(sql).bind(email.to_string())).await? {
            return Ok((contact, false));
        }
    }
    let (first_name, last_name) = split_name(&lead.name);
    let input = CreateContact {
        first_name,
        last_name,
        email: lead.email.clone().map(String::from),
        phone: lead.phone.clone().map(String::from),
        contact_type: Some(ContactType::Buyer),
        tags: None,
        score: None,
        notes: None,
    };
    let contact = ctx.create::<Contacts>(input).await?;
    Ok((contact, true))
}

/// A contact's longest first or last name.
const MAX_NAME: usize = 100;

/// "Jane Q. Doe" → ("Jane Q.", "Doe"); "Cher" → ("Cher", "-"): a contact needs both names, and
/// a visible placeholder is easier to spot and fix than a guess. Each part is cut to fit.
fn split_name(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (first, last) = match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => (rest.join(" "), (*last).to_owned()),
        _ => (words.join(" "), "-".to_owned()),
    };
    let fit = |part: String| part.chars().take(MAX_NAME).collect::<String>();
    (fit(first), fit(last))
}

/// The public lead form, outside `/api` (no key; see `crate::http::public`).
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(submit_lead_form))
}

/// An enquiry from a website's contact form.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "name": "Jane Doe", "email": "jane@example.com", "phone": "+1-555-0200",
    "message": "Interested in the Beverly Hills listing", "propertyId": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "website": ""
}))]
pub struct LeadForm {
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[schema(value_type = Email)]
    pub email: String,
    /// Empty is the same as absent.
    #[schema(max_length = 50)]
    pub phone: Option<String>,
    #[schema(max_length = 10_000)]
    pub message: Option<String>,
    /// The listing the enquiry is about.
    pub property_id: Option<String>,
    /// A honeypot: render it hidden and leave it empty. Submissions that fill it in are
    /// answered like any other and dropped.
    pub website: Option<String>,
}

/// The answer to every accepted submission; it says nothing more, not even an id.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"success": true}))]
pub struct FormAccepted {
    /// Always `true`.
    pub success: bool,
}

/// Submit the lead form
///
/// No API key: a website posts its visitors' enquiries to its organization's form (the
/// organization's plan must include the API). Each client IP may submit
/// `public_per_ip_per_minute` times a minute to each organization's form; responses carry the
/// `X-RateLimit-*` headers. Creates a lead with `source` `form` and its `lead.created` event; a page cannot choose the
/// source (sending `source` is a 400 naming it, like any field not listed here). Submissions
/// that fill in the hidden `website` field get the same answer and create nothing. An unknown
/// organization is a 404 "No such form", counted against the IP's limit like any submission.
#[utoipa::path(post, path = "/forms/{orgSlug}/leads", tag = "Forms", security(()),
    params(("orgSlug" = String, Path, description = "The organization's slug", example = "test-realty")),
    request_body = LeadForm,
    responses(
        (status = 201, description = "Received", body = FormAccepted),
        (status = 400, description = "A field is missing or invalid; `field` names it", body = ErrorBody),
        (status = 403, description = "The organization's plan does not include the API (`upgrade`, `requiredPlan`)", body = ErrorBody),
        (status = 404, description = "No organization with this slug, or `propertyId` is not one of its listings", body = ErrorBody),
        (status = 429, description = "Too many submissions from this IP address; see `Retry-After`", body = ErrorBody)))]
async fn submit_lead_form(
    State(state): State<AppState>,
    Path(org_slug): Path<String>,
    ip: ClientIp,
    form: Result<Json<LeadForm>, ApiError>,
) -> Response {
    // Admission first, so every submission counts against the IP's limit and an unknown
    // organization is a 404 whatever the body.
    let admitted = match admit(&state, &org_slug, ip, "forms", no_form).await {
        Ok(admitted) => admitted,
        Err(refused) => return refused,
    };
    let received = receive(&state, &admitted.tenant, form).await;
    admitted.respond(received.map(|()| (StatusCode::CREATED, Json(FormAccepted { success: true }))))
}

/// The 404 for an unknown organization: it names none, so it confirms nothing about the slug.
fn no_form() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", "No such form")
}

/// Writes the submitted lead and its event, unless the honeypot was filled in.
async fn receive(state: &AppState, tenant: &ActingOrg, form: Result<Json<LeadForm>, ApiError>) -> ApiResult<()> {
    let Json(form) = form?;
    if form.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        return Ok(());
    }
    let input = CreateLead {
        name: form.name,
        // Required here; `Leads::create` checks its shape after the name.
        email: Some(text("email", &form.email, Email::MAX)?),
        phone: form.phone,
        source: Some("form".to_owned()),
        status: None,
        message: form.message,
        property_id: form.property_id,
        contact_id: None,
        assigned_to_id: None,
    };
    let mut ctx = Ctx::begin(state, tenant).await?;
    ctx.create::<Leads>(input).await?;
    ctx.commit().await
}

#[cfg(test)]
mod tests {
    use super::split_name;

    #[test]
    fn the_last_word_is_the_last_name() {
        assert_eq!(split_name("Jane Doe"), ("Jane".into(), "Doe".into()));
        assert_eq!(split_name("  Jane   Q.  Doe "), ("Jane Q.".into(), "Doe".into()));
        assert_eq!(split_name("Cher"), ("Cher".into(), "-".into()));
        let (first, last) = split_name(&format!("{} {}", "a".repeat(150), "b".repeat(120)));
        assert_eq!((first.len(), last.len()), (100, 100));
    }
}
