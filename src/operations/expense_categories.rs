//! Expense categories: `/api/expense-categories`. Ten built-in categories with readable ids
//! (`repairs`, `utilities`, …) exist in every organization without being stored, so the
//! documented `"category_id": "repairs"` works everywhere; an organization adds its own, with
//! a readable id of its choosing or one made from the name (`Pest control` → `pest_control`).

use std::collections::HashMap;

use axum::extract::State;
use futures_util::future::BoxFuture;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Auth;
use crate::db::Scoped;
use crate::http::Json;
use crate::http::extract::parse_query;
use crate::resource::validate::text;
use crate::resource::{self, Columns, Creatable, Ctx, Filters, Meta, Page, Resource, Stamped};
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Flag, Timestamp};

/// The categories every organization has: (id, name).
pub const BUILT_IN: [(&str, &str); 10] = [
    ("repairs", "Repairs"),
    ("utilities", "Utilities"),
    ("insurance", "Insurance"),
    ("taxes", "Taxes"),
    ("management", "Management"),
    ("cleaning", "Cleaning"),
    ("landscaping", "Landscaping"),
    ("snow_removal", "Snow removal"),
    ("capital_improvements", "Capital improvements"),
    ("other", "Other"),
];

/// A category expenses are filed under.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({"id": "pest_control", "name": "Pest control", "built_in": false,
    "created_at": "2026-01-15T10:30:00.000Z"}))]
pub struct ExpenseCategory {
    /// Readable and stable: `repairs`, or the organization's own (`pest_control`).
    pub id: String,
    pub name: String,
    /// Built-in categories exist in every organization and cannot be changed.
    #[column(select = "CAST(0 AS BIGINT)")]
    pub built_in: Flag,
    /// `null` for built-in categories.
    pub created_at: Option<Timestamp>,
}

fn built_in(id: &str) -> Option<ExpenseCategory> {
    BUILT_IN.iter().find(|(known, _)| *known == id).map(|(id, name)| ExpenseCategory {
        id: (*id).to_owned(),
        name: (*name).to_owned(),
        built_in: Flag(true),
        created_at: None,
    })
}

/// The organization's own categories as the engine stores them: created through
/// [`Ctx::create`] like every resource (`POST /api/expense-categories`, GraphQL
/// `createExpenseCategory`). Their reads are [`all`]: the list is the vocabulary — the
/// built-in categories, which are not rows, then the organization's by name — not a page of
/// rows newest first (`Registration::listed_by`).
pub struct ExpenseCategories;

impl Resource for ExpenseCategories {
    const META: Meta = Meta {
        name: "expense_category",
        plural: "expense categories",
        path: "/expense-categories",
        table: "expense_categories",
        id_prefix: "",
        scope: "expenses",
        tag: "Expenses",
    };
    type Record = ExpenseCategory;
    type Filter = NoFilter;

    fn filter(_: &NoFilter, _: &mut Filters) {}
}

/// An organization's category has its creation time (only built-ins have none); its
/// `updated_at` column is written with it and never changes.
impl Stamped for ExpenseCategory {
    fn created_at(&self) -> Timestamp {
        self.created_at.unwrap_or(Timestamp(0))
    }

    fn set_updated_at(&mut self, _: Timestamp) {}
}

impl Creatable for ExpenseCategories {
    type CreateBody = CreateExpenseCategory;

    const CREATE_DOC: Option<&'static str> = Some(
        "Writes `expense_category.created`. An id that is taken (by a built-in category or one of the \
         organization's) is a 409 `CONFLICT`. Needs `write:expenses`. Send `Idempotency-Key` to make retries safe.",
    );

    /// A readable id of the client's choosing or made from the name; an id that is taken (by
    /// a built-in category or one of the organization's) is a 409.
    async fn create(ctx: &mut Ctx<'_>, input: CreateExpenseCategory) -> ApiResult<ExpenseCategory> {
        let name = text("name", &input.name, 100)?;
        let (id, field) = match input.id {
            Some(id) => (id.trim().to_owned(), "id"),
            None => (id_from_name(&name), "name"),
        };
        if !valid_id(&id) {
            // (An id made from the name is always valid.)
            return Err(ApiError::validation(
                field,
                "`id` must be 2 to 50 characters of a-z, 0-9 and _, starting with a letter",
            ));
        }
        let taken = built_in(&id).is_some() || reference(ctx, field, &id).await.is_ok();
        if taken {
            return Err(
                ApiError::conflict("CONFLICT", format!("The expense category `{id}` already exists")).with_field(field)
            );
        }
        Ok(ExpenseCategory { id, name, built_in: Flag(false), created_at: Some(ctx.now()) })
    }
}

/// No list filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NoFilter {}

/// The category with this id in this organization (built-in or its own), or a 404 naming
/// `field`.
pub async fn reference(ctx: &mut Ctx<'_>, field: &str, id: &str) -> ApiResult<ExpenseCategory> {
    if let Some(category) = built_in(id) {
        return Ok(category);
    }
    ctx.reference::<ExpenseCategories>(field, id).await
}

/// Every category's name by id (built-in and the organization's).
pub async fn names(scoped: &mut Scoped<'_>) -> ApiResult<HashMap<String, String>> {
    let own: Vec<(String, String)> =
        scoped.fetch_all(scoped.sql("SELECT id, name FROM expense_categories WHERE org_id = $1")).await?;
    Ok(BUILT_IN.iter().map(|(id, name)| ((*id).to_owned(), (*name).to_owned())).chain(own).collect())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Pest control"}))]
pub struct CreateExpenseCategory {
    /// At most 100 characters.
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// 2–50 of `a-z`, `0-9` and `_`, starting with a letter; made from the name when absent
    /// (`Pest control` → `pest_control`, `12 Main` → `c_12_main`).
    #[schema(pattern = "^[a-z][a-z0-9_]{1,49}$")]
    pub id: Option<String>,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_categories))
}

/// List expense categories
///
/// The ten built-in categories first, then the organization's own by name. Not paginated
/// (a bare array of every category). Needs `read:expenses`.
#[utoipa::path(get, path = "/expense-categories", tag = "Expenses",
    responses((status = 200, description = "Every category", body = Vec<ExpenseCategory>)))]
async fn list_categories(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<ExpenseCategory>>> {
    Ok(Json(all(&state, &auth).await?))
}

/// Every category this organization has: the built-in ones, then its own by name.
pub async fn all(state: &AppState, auth: &Auth) -> ApiResult<Vec<ExpenseCategory>> {
    let tenant = ExpenseCategories::authorize(auth, Need::Read(ExpenseCategories::META.scope))?;
    let mut scoped = state.db().scoped(tenant);
    let sql = format!(
        "SELECT {} FROM expense_categories WHERE org_id = $1 ORDER BY LOWER(name), id",
        ExpenseCategory::SELECT
    );
    let own: Vec<ExpenseCategory> = scoped.fetch_all(scoped.sql(sql)).await?;
    let mut all: Vec<ExpenseCategory> = BUILT_IN.iter().filter_map(|(id, _)| built_in(id)).collect();
    all.extend(own);
    Ok(all)
}

/// GraphQL's `expenseCategories(limit, startingAfter)`: a page of [`all`], in its order.
pub fn page_json<'a>(
    state: &'a AppState,
    auth: &'a Auth,
    page: Page,
    query: &'a str,
) -> BoxFuture<'a, ApiResult<(Vec<Value>, bool)>> {
    Box::pin(async move {
        let _: NoFilter = parse_query(query)?;
        let limit = page.limit()? as usize;
        let all = all(state, auth).await?;
        let start = match &page.starting_after {
            None => 0,
            Some(after) => all.iter().position(|category| &category.id == after).map_or(all.len(), |at| at + 1),
        };
        let page = all.iter().skip(start).take(limit).map(to_json).collect::<ApiResult<_>>()?;
        Ok((page, start + limit < all.len()))
    })
}

/// GraphQL's `expenseCategory(id)`: a built-in category or the organization's own.
pub fn get_json<'a>(state: &'a AppState, auth: &'a Auth, id: &'a str) -> BoxFuture<'a, ApiResult<Option<Value>>> {
    Box::pin(async move {
        let tenant = ExpenseCategories::authorize(auth, Need::Read(ExpenseCategories::META.scope))?;
        let found = match built_in(id) {
            Some(category) => Some(category),
            None => resource::find_record::<ExpenseCategories>(state, tenant, id).await?,
        };
        found.as_ref().map(to_json).transpose()
    })
}

fn to_json(category: &ExpenseCategory) -> ApiResult<Value> {
    serde_json::to_value(category).map_err(ApiError::internal)
}

/// `Pest Control!` → `pest_control`.
/// A valid id made from any name: its letters and digits, lowercased, runs of anything else as
/// `_`; `c_` before one that does not start with a letter (`12 Main` → `c_12_main`), and for a
/// name with no ASCII letters or digits, `c_` and eight hex digits of its SHA-256.
fn id_from_name(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('_') {
            id.push('_');
        }
    }
    let id = id.trim_end_matches('_');
    let id = if id.is_empty() {
        let digest = Sha256::digest(name.trim().as_bytes());
        format!("c_{}", digest.iter().take(4).map(|b| format!("{b:02x}")).collect::<String>())
    } else if id.starts_with(|c: char| c.is_ascii_lowercase()) && id.len() >= 2 {
        id.to_owned()
    } else {
        format!("c_{id}")
    };
    let id: String = id.chars().take(50).collect();
    id.trim_end_matches('_').to_owned()
}

fn valid_id(id: &str) -> bool {
    (2..=50).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_names() {
        assert_eq!(id_from_name("Pest Control!"), "pest_control");
        assert_eq!(id_from_name("  HOA  fees / dues "), "hoa_fees_dues");
        assert_eq!(id_from_name("12 Main"), "c_12_main");
        assert_eq!(id_from_name("K"), "c_k");
        assert_eq!(id_from_name("¡¡"), "c_ada75ba0");
        assert_eq!(id_from_name("¡¡"), id_from_name(" ¡¡ "), "the same name, the same id");
        for name in ["Pest Control!", "12 Main", "K", "¡¡", "x", &"é".repeat(100), &"a b ".repeat(40)] {
            assert!(valid_id(&id_from_name(name)), "{name}: {}", id_from_name(name));
        }
        assert!(valid_id("pest_control") && !valid_id("9lives") && !valid_id("x") && !valid_id("Pest"));
    }
}
