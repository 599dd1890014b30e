//! A resource's five operations over JSON values, chosen at run time rather than by type:
//! what the GraphQL schema (`crate::graphql`) is generated from. Each call runs the same
//! engine function as the REST handler (`list_records`, `create_record`, …), so validation,
//! tenant scoping, 404s and events do not depend on how the request arrived.

use futures_util::future::BoxFuture;
use serde::Serialize;
use serde_json::Value as Json;
use utoipa::openapi::path::ParameterIn;
use utoipa::{IntoParams, ToSchema};

use super::{
    Columns, Creatable, Deletable, Deleted, Meta, Page, Resource, Updatable, create_record, delete_record, get_record,
    get_records, get_records_by, list_records, update_record,
};
use crate::auth::{ActingOrg, Auth};
use crate::http::extract::{parse_query, parse_value};
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;

/// A type's JSON Schema as the OpenAPI document has it, with the named schemas it refers to
/// (`$ref: "#/components/schemas/<name>"`).
#[derive(Debug, Clone)]
pub struct Described {
    pub name: String,
    pub schema: Json,
    pub components: Vec<(String, Json)>,
}

/// One list filter: a query parameter of `GET {path}`.
#[derive(Debug, Clone)]
pub struct FilterParam {
    pub name: String,
    pub description: Option<String>,
    pub schema: Json,
}

type AuthorizeFn = for<'a> fn(&'a Auth, Need) -> ApiResult<&'a ActingOrg>;
/// A page of records, and whether there are more after it.
pub type ListFn = for<'a> fn(&'a AppState, &'a Auth, Page, &'a str) -> BoxFuture<'a, ApiResult<(Vec<Json>, bool)>>;
pub type GetFn = for<'a> fn(&'a AppState, &'a Auth, &'a str) -> BoxFuture<'a, ApiResult<Option<Json>>>;
/// The records with these ids the caller may read, in one query (GraphQL's relations batch on it).
pub type GetManyFn = for<'a> fn(&'a AppState, &'a Auth, &'a [String]) -> BoxFuture<'a, ApiResult<Vec<Json>>>;
/// The records whose column (the first `&str`) holds one of these values, at most
/// [`PER_PARENT`] each, newest first, that the caller may read, in one query.
pub type ListByFn = for<'a> fn(&'a AppState, &'a Auth, &'a str, &'a [String]) -> BoxFuture<'a, ApiResult<Vec<Json>>>;

/// The most objects a relation from an object to the objects that name it holds.
pub const PER_PARENT: usize = 100;
type CreateFn = for<'a> fn(&'a AppState, &'a ActingOrg, Json) -> BoxFuture<'a, ApiResult<Json>>;
type UpdateFn = for<'a> fn(&'a AppState, &'a ActingOrg, &'a str, Json) -> BoxFuture<'a, ApiResult<Json>>;
type DeleteFn = for<'a> fn(&'a AppState, &'a ActingOrg, &'a str) -> BoxFuture<'a, ApiResult<Deleted>>;

/// A registered resource's description and operations, without its types. The writes are
/// `None` for a verb the resource does not take through the engine.
#[derive(Clone, Copy)]
pub struct Operations {
    pub meta: Meta,
    /// The resource's [`Resource::authorize`].
    pub authorize: AuthorizeFn,
    pub record: fn() -> Described,
    pub filters: fn() -> Vec<FilterParam>,
    /// A page of records; the filters arrive as a query string, parsed like `GET {path}?…`.
    pub list: ListFn,
    pub get: Option<GetFn>,
    pub get_many: Option<GetManyFn>,
    /// The engine's SQL list by a column, when the list is the engine's.
    pub list_by: Option<ListByFn>,
    /// The record's `SELECT` list (`Columns::SELECT`): the columns `list_by` may use.
    pub select: &'static str,
    pub create: Option<(CreateFn, fn() -> Described)>,
    pub update: Option<(UpdateFn, fn() -> Described)>,
    pub delete: Option<DeleteFn>,
}

impl Operations {
    /// The list.
    pub const fn lists<R: Resource>() -> Operations {
        Operations {
            meta: R::META,
            authorize: R::authorize,
            record: described::<R::Record>,
            filters: filters::<R>,
            list: list::<R>,
            get: None,
            get_many: None,
            list_by: Some(list_by::<R>),
            select: <R::Record as Columns>::SELECT,
            create: None,
            update: None,
            delete: None,
        }
    }

    /// A resource whose list and get are its own functions rather than the engine's SQL (the
    /// expense categories: built-in ones are vocabulary, not rows).
    pub const fn listed_by<R: Resource>(list: ListFn, get: GetFn) -> Operations {
        let mut operations = Operations::lists::<R>();
        operations.list = list;
        operations.list_by = None;
        operations.get = Some(get);
        operations
    }

    pub const fn with_get<R: Resource>(mut self) -> Operations {
        self.get = Some(get::<R>);
        self.get_many = Some(get_many::<R>);
        self
    }

    pub const fn with_create<R: Creatable>(mut self) -> Operations {
        self.create = Some((create::<R>, described::<R::CreateBody>));
        self
    }

    pub const fn with_update<R: Updatable>(mut self) -> Operations {
        self.update = Some((update::<R>, described::<R::UpdateBody>));
        self
    }

    pub const fn with_delete<R: Deletable>(mut self) -> Operations {
        self.delete = Some(delete::<R>);
        self
    }
}

/// `T`'s schema as JSON.
pub fn described<T: ToSchema>() -> Described {
    let mut components = Vec::new();
    T::schemas(&mut components);
    Described {
        name: T::name().into_owned(),
        schema: to_json(&T::schema()),
        components: components.into_iter().map(|(name, schema)| (name, to_json(&schema))).collect(),
    }
}

fn to_json(value: &impl Serialize) -> Json {
    serde_json::to_value(value).unwrap_or_default()
}

fn filters<R: Resource>() -> Vec<FilterParam> {
    params::<R::Filter>()
}

/// The query parameters of `P`.
fn params<P: IntoParams>() -> Vec<FilterParam> {
    P::into_params(|| Some(ParameterIn::Query))
        .into_iter()
        .map(|param| FilterParam {
            name: param.name.clone(),
            description: param.description.clone(),
            schema: param.schema.as_ref().map(to_json).unwrap_or_default(),
        })
        .collect()
}

fn record_json<T: Serialize>(record: &T) -> ApiResult<Json> {
    serde_json::to_value(record).map_err(ApiError::internal)
}

fn list<'a, R: Resource>(
    state: &'a AppState,
    auth: &'a Auth,
    page: Page,
    query: &'a str,
) -> BoxFuture<'a, ApiResult<(Vec<Json>, bool)>> {
    Box::pin(async move {
        let filter: R::Filter = parse_query(query)?;
        let (records, next) = list_records::<R>(state, auth, &page, filter).await?;
        Ok((records.iter().map(record_json).collect::<ApiResult<_>>()?, next.is_some()))
    })
}

fn list_by<'a, R: Resource>(
    state: &'a AppState,
    auth: &'a Auth,
    column: &'a str,
    values: &'a [String],
) -> BoxFuture<'a, ApiResult<Vec<Json>>> {
    Box::pin(async move {
        get_records_by::<R>(state, auth, column, values, PER_PARENT).await?.iter().map(record_json).collect()
    })
}

fn get_many<'a, R: Resource>(
    state: &'a AppState,
    auth: &'a Auth,
    ids: &'a [String],
) -> BoxFuture<'a, ApiResult<Vec<Json>>> {
    Box::pin(async move { get_records::<R>(state, auth, ids).await?.iter().map(record_json).collect() })
}

fn get<'a, R: Resource>(state: &'a AppState, auth: &'a Auth, id: &'a str) -> BoxFuture<'a, ApiResult<Option<Json>>> {
    Box::pin(async move { get_record::<R>(state, auth, id).await?.as_ref().map(record_json).transpose() })
}

fn create<'a, R: Creatable>(state: &'a AppState, tenant: &'a ActingOrg, input: Json) -> BoxFuture<'a, ApiResult<Json>> {
    Box::pin(async move {
        let input: R::CreateBody = parse_value(input)?;
        record_json(&create_record::<R>(state, tenant, input).await?)
    })
}

fn update<'a, R: Updatable>(
    state: &'a AppState,
    tenant: &'a ActingOrg,
    id: &'a str,
    patch: Json,
) -> BoxFuture<'a, ApiResult<Json>> {
    Box::pin(async move {
        let patch: R::UpdateBody = parse_value(patch)?;
        record_json(&update_record::<R>(state, tenant, id, patch).await?)
    })
}

fn delete<'a, R: Deletable>(
    state: &'a AppState,
    tenant: &'a ActingOrg,
    id: &'a str,
) -> BoxFuture<'a, ApiResult<Deleted>> {
    Box::pin(delete_record::<R>(state, tenant, id))
}
