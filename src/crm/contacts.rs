//! Contacts: `/api/contacts`.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use crate::resource::validate::{in_range, labels, optional_text, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::text_enum;
use crate::vocab::contact::{Email, OptionalEmail, Phone};
use crate::vocab::error::ApiResult;
use crate::vocab::values::{StringList, Timestamp, Value};

text_enum! {
    pub enum ContactType {
        Buyer = "BUYER",
        Seller = "SELLER",
        Investor = "INVESTOR",
        Vendor = "VENDOR",
        Other = "OTHER",
    }
}

/// A person the business deals with.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "firstName": "John", "lastName": "Smith",
    "email": "john@example.com", "phone": "+1-555-0100", "type": "BUYER",
    "tags": ["vip", "beverly-hills"], "score": 85, "notes": null,
    "createdAt": "2025-01-10T09:00:00.000Z", "updatedAt": "2025-01-10T09:00:00.000Z"
}))]
pub struct Contact {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    #[serde(rename = "type")]
    #[sqlx(rename = "type")]
    pub contact_type: ContactType,
    pub tags: StringList,
    /// 0–100.
    pub score: Option<i64>,
    pub notes: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "firstName": "John", "lastName": "Smith", "email": "john@example.com",
    "phone": "+1-555-0100", "type": "BUYER", "tags": ["vip", "beverly-hills"]
}))]
pub struct CreateContact {
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: String,
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: String,
    /// An email address; empty is the same as absent.
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Option<String>,
    /// Empty is the same as absent.
    #[schema(max_length = 50)]
    pub phone: Option<String>,
    /// Default `BUYER`.
    #[serde(rename = "type")]
    #[schema(rename = "type")]
    pub contact_type: Option<ContactType>,
    /// At most 50 tags of at most 50 characters.
    #[schema(max_items = 50, min_length = 1, max_length = 50)]
    pub tags: Option<Vec<String>>,
    /// 0–100.
    #[schema(minimum = 0, maximum = 100)]
    pub score: Option<i64>,
    #[schema(max_length = 10_000)]
    pub notes: Option<String>,
}

#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"score": 90, "tags": ["vip"]}))]
pub struct UpdateContact {
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: Patch<String>,
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: Patch<String>,
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Patch<Option<String>>,
    #[schema(max_length = 50)]
    pub phone: Patch<Option<String>>,
    #[serde(rename = "type")]
    #[schema(rename = "type")]
    pub contact_type: Patch<ContactType>,
    #[schema(max_items = 50, min_length = 1, max_length = 50)]
    pub tags: Patch<Vec<String>>,
    #[schema(minimum = 0, maximum = 100)]
    pub score: Patch<Option<i64>>,
    #[schema(max_length = 10_000)]
    pub notes: Patch<Option<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactFilter {
    /// BUYER, SELLER, INVESTOR, VENDOR or OTHER.
    #[serde(rename = "type")]
    #[param(rename = "type", example = "BUYER")]
    pub contact_type: Option<ContactType>,
    /// Contacts with this tag.
    #[param(example = "vip")]
    pub tag: Option<String>,
    /// Case-insensitive text in the name or email.
    #[param(example = "smith")]
    pub search: Option<String>,
}

pub struct Contacts;

fn tags(values: Vec<String>) -> ApiResult<StringList> {
    labels("tags", values, 50, 50).map(StringList)
}

impl Resource for Contacts {
    const META: Meta = Meta {
        name: "contact",
        plural: "contacts",
        path: "/contacts",
        table: "contacts",
        id_prefix: "cont",
        scope: "contacts",
        tag: "Contacts",
    };

    type Record = Contact;
    type Filter = ContactFilter;

    fn filter(f: &ContactFilter, filters: &mut Filters) {
        filters.eq("type", f.contact_type);
        if let Some(tag) = &f.tag {
            filters.raw(
                "id IN (SELECT contact_id FROM contact_tags WHERE org_id = $1 AND tag = ?)".into(),
                [Value::from(tag.trim())],
            );
        }
        filters.search(&["first_name || ' ' || last_name", "email"], f.search.as_deref());
    }

    /// Keeps the tag index in step with the contact.
    async fn after_write(ctx: &mut Ctx<'_>, c: &Contact) -> ApiResult<()> {
        let tx = ctx.tx();
        tx.execute(tx.sql("DELETE FROM contact_tags WHERE org_id = $1 AND contact_id = $2").bind(c.id.clone())).await?;
        for tag in &c.tags.0 {
            tx.execute(
                tx.sql("INSERT INTO contact_tags (org_id, tag, contact_id) VALUES ($1, $2, $3)")
                    .bind(tag.clone())
                    .bind(c.id.clone()),
            )
            .await?;
        }
        Ok(())
    }
}

impl Creatable for Contacts {
    type CreateBody = CreateContact;

    async fn create(ctx: &mut Ctx<'_>, input: CreateContact) -> ApiResult<Contact> {
        let now = ctx.now();
        Ok(Contact {
            id: ctx.new_id(Self::META.id_prefix),
            first_name: text("firstName", &input.first_name, 100)?,
            last_name: text("lastName", &input.last_name, 100)?,
            email: Email::optional("email", input.email.as_deref())?,
            phone: Phone::optional("phone", input.phone.as_deref())?,
            contact_type: input.contact_type.unwrap_or(ContactType::Buyer),
            tags: tags(input.tags.unwrap_or_default())?,
            score: in_range("score", input.score, 0, 100)?,
            notes: optional_text("notes", input.notes.as_deref(), 10_000)?,
            created_at: now,
            updated_at: now,
        })
    }
}

impl Updatable for Contacts {
    type UpdateBody = UpdateContact;

    async fn update(_ctx: &mut Ctx<'_>, mut c: Contact, change: UpdateContact) -> ApiResult<Contact> {
        if let Some(first) = change.first_name.into_option() {
            c.first_name = text("firstName", &first, 100)?;
        }
        if let Some(last) = change.last_name.into_option() {
            c.last_name = text("lastName", &last, 100)?;
        }
        c.email = change.email.apply(c.email, |v| Email::optional("email", v.as_deref()))?;
        c.phone = change.phone.apply(c.phone, |v| Phone::optional("phone", v.as_deref()))?;
        c.contact_type = change.contact_type.or(c.contact_type);
        if let Some(list) = change.tags.into_option() {
            c.tags = tags(list)?;
        }
        c.score = in_range("score", change.score.or(c.score), 0, 100)?;
        c.notes = optional_text("notes", change.notes.or(c.notes).as_deref(), 10_000)?;
        Ok(c)
    }
}

impl Deletable for Contacts {}
