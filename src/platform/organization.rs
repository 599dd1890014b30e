//! The caller's own organization: `GET /api/organization` (any authenticated caller) and
//! `PATCH /api/organization` (name, slug — the address of its public pages — and the owner
//! email that notices go to), which needs `write:organization`: owners and admins (`*`), not
//! `write:*`.

use axum::extract::State;
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::audit;
use crate::auth::Auth;
use crate::db::system::{self, Organization};
use crate::http::Json;
use crate::resource::validate::text;
use crate::resource::{Patch, patch_body};
use crate::state::AppState;
use crate::vocab::contact::Email;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_organization, update_organization))
}

async fn current(state: &AppState, auth: &Auth) -> ApiResult<Organization> {
    system::find_org(state.db(), auth.org_id())
        .await?
        .ok_or_else(|| ApiError::internal("the authenticated organization vanished"))
}

/// Get your organization
///
/// The organization the credential belongs to: its name, slug, plan and owner email.
#[utoipa::path(get, path = "/organization", tag = "Organization",
    responses((status = 200, description = "The organization", body = Organization)))]
async fn get_organization(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Organization>> {
    Ok(Json(current(&state, &auth).await?))
}

#[patch_body]
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"name": "Demo Realty West", "slug": "demo-realty-west"}))]
pub struct UpdateOrganization {
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub name: Patch<String>,
    /// The address of the public pages (`/forms/{slug}/…`, `/book/{slug}/…`): 2–60 of
    /// `a-z`, `0-9` and `-`. Old links stop working.
    #[schema(pattern = "^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$")]
    pub slug: Patch<String>,
    /// Where owner notices are mailed; `null` for none.
    #[schema(value_type = Option<Email>)]
    pub owner_email: Patch<Option<String>>,
}

fn valid_slug(slug: &str) -> bool {
    (2..=60).contains(&slug.len())
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// Update your organization
///
/// Changes the fields sent. A slug another organization has is a 409. Needs
/// `write:organization`.
#[utoipa::path(patch, path = "/organization", tag = "Organization", request_body = UpdateOrganization,
    responses((status = 200, description = "The organization", body = Organization)))]
async fn update_organization(
    State(state): State<AppState>,
    auth: Auth,
    Json(change): Json<UpdateOrganization>,
) -> ApiResult<Json<Organization>> {
    let tenant = auth.require(Need::Write("organization"))?;
    let before = current(&state, &auth).await?;
    let name =
        change.name.into_option().map(|name| text("name", &name, 200)).transpose()?.unwrap_or(before.name.clone());
    let slug = match change.slug.into_option() {
        Some(slug) => {
            let slug = slug.trim().to_lowercase();
            if !valid_slug(&slug) {
                return Err(ApiError::validation(
                    "slug",
                    "`slug` must be 2 to 60 of a-z, 0-9 and -, not starting or ending with -",
                ));
            }
            slug
        }
        None => before.slug.clone(),
    };
    let owner_email = match change.owner_email.into_option() {
        Some(Some(email)) => Some(Email::parse("ownerEmail", &email)?.as_str().to_owned()),
        Some(None) => None,
        None => before.owner_email.clone(),
    };
    let mut scoped = state.db().scoped(tenant);
    let update = scoped
        .sql("UPDATE organizations SET name = $2, slug = $3, owner_email = $4 WHERE id = $1")
        .bind(name.clone())
        .bind(slug.clone())
        .bind(owner_email.clone());
    scoped.execute(update).await.map_err(|err| {
        let err = ApiError::from(err);
        if err.code() == "CONFLICT" { err.with_field("slug") } else { err }
    })?;
    let after = current(&state, &auth).await?;
    let detail = json!({"name": after.name, "slug": after.slug, "ownerEmail": after.owner_email});
    audit::record(&state, auth.tenant(), auth.key_id(), "organization.updated", Some(&after.id), detail).await;
    Ok(Json(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(valid_slug("demo-realty") && valid_slug("a1"));
        assert!(!valid_slug("-a") && !valid_slug("a") && !valid_slug("Demo") && !valid_slug("a b"));
    }
}
