//! The shared mechanics of every CRUD resource: a scoped list with filters and a cursor, get,
//! create, `PATCH` update and delete, validation errors, and the event written in the same
//! transaction as the change — plus the OpenAPI description of all five operations.
//!
//! A resource's file declares its record once (`#[derive(Columns)]`: what is read and stored),
//! implements [`Resource`] (description, filters, computed fields) and one trait per write it
//! takes through the engine ([`Creatable`], [`Updatable`], [`Deletable`]: the bodies and their
//! rules, the events). Its line in its area's `RESOURCES` ([`register`], or [`Registration`]
//! verb by verb) turns that into `GET/POST {path}` and `GET/PATCH/DELETE {path}/{id}`, their
//! OpenAPI operations, their catalog events and their GraphQL fields. Adding a resource takes
//! its file, a migration, and that line.

pub mod erased;
pub mod list;
mod openapi;
pub mod patch;
pub mod validate;

use std::future::Future;

use axum::extract::{OriginalUri, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;

pub use self::erased::Operations;
pub use self::list::{Filters, Page};
pub use self::openapi::{a, camel_case, names_an_object, pascal, pattern_string};
pub use self::patch::Patch;
use crate::auth::{ActingOrg, Auth};
use crate::db::{Backend, Record, ScopedTx};
use crate::events;
use crate::http::{Json, Path, Query};
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::ids::new_id;
use crate::vocab::scope::Need;
use crate::vocab::values::{Timestamp, Value};

/// What the engine needs to know about a resource besides its types.
#[derive(Debug, Clone, Copy)]
pub struct Meta {
    /// Singular, as in events (`property.created`) and errors ("No property with id …").
    pub name: &'static str,
    /// Plural, for documentation.
    pub plural: &'static str,
    /// Collection path under `/api` and `/v1`, e.g. `/properties`.
    pub path: &'static str,
    pub table: &'static str,
    pub id_prefix: &'static str,
    /// Scope resource: `read:<scope>` and `write:<scope>`.
    pub scope: &'static str,
    /// OpenAPI tag.
    pub tag: &'static str,
}

pub use gable_macros::patch_body;

pub use crate::db::{Columns, Stamped};

/// What every registered resource has: its description, its record and how its list is
/// filtered — enough for `GET {path}` and `GET {path}/{id}`. Each write it takes through the
/// engine is a trait of its own ([`Creatable`], [`Updatable`], [`Deletable`]), so a resource
/// registers exactly the verbs it has ([`Registration`]).
pub trait Resource: Send + Sync + 'static {
    const META: Meta;

    /// The object as the API returns it (and as event `data`).
    type Record: Serialize + ToSchema + Columns + Record + Clone + Send + Sync + Unpin + 'static;
    type Filter: DeserializeOwned + IntoParams + Send + 'static;

    /// Adds the list filters' conditions.
    fn filter(filter: &Self::Filter, filters: &mut Filters);

    /// Who may call: the scope check every operation makes (REST and GraphQL), plus a
    /// resource's own condition (webhook endpoints also need the webhooks feature's plan).
    fn authorize(auth: &Auth, need: Need) -> ApiResult<&ActingOrg> {
        auth.require(need)
    }

    /// What this caller may see, as conditions added to every list and get (events: only the
    /// types the caller's scopes may read); `filter` is the list's, `None` for a get. `false`:
    /// nothing at all; an error refuses the request (a filter asking for what the caller may not
    /// see).
    fn visible(_auth: &Auth, _filter: Option<&Self::Filter>, _filters: &mut Filters) -> ApiResult<bool> {
        Ok(true)
    }

    /// The description of `GET {path}` when it needs more than the standard one.
    const LIST_DOC: Option<&'static str> = None;

    /// Event types this resource emits besides `created`, `updated` and `deleted`, with
    /// descriptions (for the webhook event catalog).
    const EXTRA_EVENTS: &'static [(&'static str, &'static str)] = &[];

    /// Sets the record's computed, read-only fields (not stored: `#[sqlx(skip)]`) from its other
    /// fields and the server's settings. The engine calls it on every record it reads or
    /// builds, before the record is returned or put in an event.
    fn compute(_state: &AppState, _record: &mut Self::Record) {}

    /// Runs after the row is inserted or updated, in the same transaction (side tables).
    fn after_write(_ctx: &mut Ctx<'_>, _record: &Self::Record) -> impl Future<Output = ApiResult<()>> + Send {
        async { Ok(()) }
    }
}

/// A resource created through the engine ([`Ctx::create`], `POST {path}`).
pub trait Creatable: Resource<Record: Stamped> {
    type CreateBody: DeserializeOwned + ToSchema + Send + 'static;

    /// Validates a create body and builds the record (`ctx.new_id`, `ctx.now`).
    fn create(ctx: &mut Ctx<'_>, input: Self::CreateBody) -> impl Future<Output = ApiResult<Self::Record>> + Send;

    /// The event written on create when it is not `{name}.created` (e.g. `tenant.added`).
    const CREATED_EVENT: Option<&'static str> = None;

    /// The description of `POST {path}` when it needs more than the standard one.
    const CREATE_DOC: Option<&'static str> = None;

    /// Events for a new record; [`created_event`] unless overridden.
    fn create_events(_record: &Self::Record) -> Vec<String> {
        vec![created_event::<Self>()]
    }
}

/// A resource changed through the engine ([`Ctx::save`], `PATCH {path}/{id}`).
pub trait Updatable: Resource<Record: Stamped> {
    type UpdateBody: DeserializeOwned + ToSchema + Send + 'static;

    /// Applies a `PATCH` body to the current record.
    fn update(
        ctx: &mut Ctx<'_>,
        current: Self::Record,
        patch: Self::UpdateBody,
    ) -> impl Future<Output = ApiResult<Self::Record>> + Send;

    /// Events for an update that changed something; `{name}.updated` unless overridden.
    fn update_events(_before: &Self::Record, _after: &Self::Record) -> Vec<String> {
        vec![format!("{}.updated", Self::META.name)]
    }
}

/// A resource deleted through the engine ([`Ctx::delete`], `DELETE {path}/{id}`).
pub trait Deletable: Resource {
    /// The event written on delete when it is not `{name}.deleted` (e.g. `tenant.removed`).
    const DELETED_EVENT: Option<&'static str> = None;

    /// Runs before the row is deleted, in the same transaction (refuse, or clean up).
    fn before_delete(_ctx: &mut Ctx<'_>, _record: &Self::Record) -> impl Future<Output = ApiResult<()>> + Send {
        async { Ok(()) }
    }
}

/// A write in progress: one transaction for one organization, and the time of the change.
pub struct Ctx<'a> {
    tx: ScopedTx<'a>,
    state: &'a AppState,
    now: Timestamp,
}

impl<'a> Ctx<'a> {
    pub async fn begin(state: &'a AppState, tenant: &'a ActingOrg) -> ApiResult<Ctx<'a>> {
        let tx = state.db().begin(tenant).await?;
        Ok(Ctx { tx, state, now: Timestamp(state.clock().now_ms()) })
    }

    /// Commits, and wakes the webhook dispatcher for the events written.
    pub async fn commit(self) -> ApiResult<()> {
        self.tx.commit().await.map_err(ApiError::from)?;
        self.state.webhooks().events_committed();
        Ok(())
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    pub fn new_id(&self, prefix: &str) -> String {
        new_id(prefix)
    }

    pub fn tx(&mut self) -> &mut ScopedTx<'a> {
        &mut self.tx
    }

    pub fn state(&self) -> &AppState {
        self.state
    }

    pub fn backend(&self) -> Backend {
        self.state.db().backend()
    }

    /// Writes an event to the outbox in this transaction.
    pub async fn emit(&mut self, kind: &str, data: &impl Serialize) -> ApiResult<()> {
        events::record(&mut self.tx, kind, self.now, data).await
    }

    /// The record of resource `R` with this id in this organization, if any.
    pub async fn find<R: Resource>(&mut self, id: &str) -> ApiResult<Option<R::Record>> {
        let record: Option<R::Record> = self.tx.fetch_optional(self.tx.sql(by_id::<R>("")).bind(id.to_owned())).await?;
        Ok(record.map(|record| computed::<R>(self.state, record)))
    }

    /// Like [`find`](Self::find), but a missing id is a 404 naming the body field that gave it:
    /// another organization's id looks exactly like one that does not exist.
    pub async fn reference<R: Resource>(&mut self, field: &str, id: &str) -> ApiResult<R::Record> {
        self.find::<R>(id).await?.ok_or_else(|| ApiError::not_found(R::META.name, id).with_field(field))
    }

    /// Checks an optional reference field.
    pub async fn check_reference<R: Resource>(&mut self, field: &str, id: Option<&str>) -> ApiResult<()> {
        if let Some(id) = id {
            self.reference::<R>(field, id).await?;
        }
        Ok(())
    }

    /// Loads a record for change, locking its row on PostgreSQL (SQLite's write transaction
    /// already excludes other writers), or 404.
    pub async fn load_for_update<R: Resource>(&mut self, id: &str) -> ApiResult<R::Record> {
        let lock = if self.backend() == Backend::Postgres { " FOR UPDATE" } else { "" };
        let record: Option<R::Record> =
            self.tx.fetch_optional(self.tx.sql(by_id::<R>(lock)).bind(id.to_owned())).await?;
        record.map(|record| computed::<R>(self.state, record)).ok_or_else(|| ApiError::not_found(R::META.name, id))
    }

    /// `base`, or `base-2`, `base-3`, … whichever is not yet a `slug` of resource `R` in this
    /// organization.
    pub async fn unique_slug<R: Resource>(&mut self, base: &str) -> ApiResult<String> {
        let sql = format!("SELECT slug FROM {} WHERE org_id = $1 AND (slug = $2 OR slug LIKE $3)", R::META.table);
        let taken: Vec<(String,)> =
            self.tx.fetch_all(self.tx.sql(sql).bind(base.to_owned()).bind(format!("{base}-%"))).await?;
        let taken: std::collections::HashSet<String> = taken.into_iter().map(|(s,)| s).collect();
        let mut n = 1;
        loop {
            let slug = if n == 1 { base.to_owned() } else { format!("{base}-{n}") };
            if !taken.contains(&slug) {
                return Ok(slug);
            }
            n += 1;
        }
    }

    /// Creates a resource from a create body: its rules ([`Creatable::create`]), its computed
    /// fields, the row and its events. Every creation — REST, GraphQL, the demo, a resource
    /// made by another's action — comes here.
    pub async fn create<R: Creatable>(&mut self, input: R::CreateBody) -> ApiResult<R::Record> {
        let record = computed::<R>(self.state, R::create(self, input).await?);
        self.insert::<R>(&record).await?;
        Ok(record)
    }

    /// Inserts a new record and writes its events ([`Creatable::create_events`]).
    async fn insert<R: Creatable>(&mut self, record: &R::Record) -> ApiResult<()> {
        let columns = record.columns();
        let mut names = vec!["org_id", "id", "created_at", "updated_at"];
        names.extend(columns.iter().map(|(name, _)| *name));
        let placeholders: Vec<String> = (1..=names.len()).map(|n| format!("${n}")).collect();
        let sql = format!("INSERT INTO {} ({}) VALUES ({})", R::META.table, names.join(", "), placeholders.join(", "));
        let created_at = record.created_at();
        let mut statement = self.tx.sql(sql).bind(record.id().to_owned()).bind(created_at.ms()).bind(created_at.ms());
        for (_, value) in columns {
            statement = statement.bind_value(value);
        }
        self.tx.execute(statement).await?;
        R::after_write(self, record).await?;
        for kind in R::create_events(record) {
            self.emit(&kind, record).await?;
        }
        Ok(())
    }

    /// Writes `after` over `before` if any stored column changed (stamping `updated_at`), with
    /// its events. Returns whether anything changed.
    pub async fn save<R: Updatable>(&mut self, before: &R::Record, after: &mut R::Record) -> ApiResult<bool> {
        let old = before.columns();
        let new = after.columns();
        let changed: Vec<(&'static str, Value)> =
            new.into_iter().zip(old).filter(|(new, old)| new != old).map(|(new, _)| new).collect();
        if changed.is_empty() {
            return Ok(false);
        }
        after.set_updated_at(self.now);
        let assignments: Vec<String> =
            changed.iter().enumerate().map(|(i, (name, _))| format!("{name} = ${}", i + 4)).collect();
        let sql = format!(
            "UPDATE {} SET updated_at = $3, {} WHERE org_id = $1 AND id = $2",
            R::META.table,
            assignments.join(", ")
        );
        let mut statement = self.tx.sql(sql).bind(after.id().to_owned()).bind(self.now.ms());
        for (_, value) in changed {
            statement = statement.bind_value(value);
        }
        self.tx.execute(statement).await?;
        R::after_write(self, after).await?;
        for kind in R::update_events(before, after) {
            self.emit(&kind, after).await?;
        }
        Ok(true)
    }

    /// Deletes a record and writes its [`deleted_event`].
    pub async fn delete<R: Deletable>(&mut self, record: &R::Record) -> ApiResult<()> {
        R::before_delete(self, record).await?;
        let sql = format!("DELETE FROM {} WHERE org_id = $1 AND id = $2", R::META.table);
        self.tx.execute(self.tx.sql(sql).bind(record.id().to_owned())).await?;
        self.emit(&deleted_event::<R>(), record).await
    }
}

/// `R::CREATED_EVENT`, or `{name}.created`.
pub fn created_event<R: Creatable + ?Sized>() -> String {
    R::CREATED_EVENT.map_or_else(|| format!("{}.created", R::META.name), str::to_owned)
}

/// `R::DELETED_EVENT`, or `{name}.deleted`.
pub fn deleted_event<R: Deletable + ?Sized>() -> String {
    R::DELETED_EVENT.map_or_else(|| format!("{}.deleted", R::META.name), str::to_owned)
}

/// `SELECT` of resource `R`'s record with id `$2` in organization `$1`, then `more` (` AND …`
/// conditions from `$3`, or a lock).
fn by_id<R: Resource>(more: &str) -> String {
    format!("SELECT {} FROM {} WHERE org_id = $1 AND id = $2{more}", <R::Record as Columns>::SELECT, R::META.table)
}

/// The record with its computed fields set.
fn computed<R: Resource>(state: &AppState, mut record: R::Record) -> R::Record {
    R::compute(state, &mut record);
    record
}

/// The body of a successful `DELETE`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "deleted": true}))]
pub struct Deleted {
    #[schema(example = "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub id: String,
    /// Always `true`.
    pub deleted: bool,
}

pub(crate) async fn list<R: Resource>(
    State(state): State<AppState>,
    auth: Auth,
    OriginalUri(uri): OriginalUri,
    Query(page): Query<Page>,
    Query(filter): Query<R::Filter>,
) -> ApiResult<Response> {
    let (records, next) = list_records::<R>(&state, &auth, &page, filter).await?;
    Ok(list::respond(&uri, records, next))
}

pub(crate) async fn get_one<R: Resource>(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<R::Record>> {
    get_record::<R>(&state, &auth, &id).await?.map(Json).ok_or_else(|| ApiError::not_found(R::META.name, &id))
}

pub(crate) async fn create<R: Creatable>(
    State(state): State<AppState>,
    auth: Auth,
    Json(input): Json<R::CreateBody>,
) -> ApiResult<(StatusCode, Json<R::Record>)> {
    let tenant = R::authorize(&auth, Need::Write(R::META.scope))?;
    Ok((StatusCode::CREATED, Json(create_record::<R>(&state, tenant, input).await?)))
}

pub(crate) async fn update<R: Updatable>(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(patch): Json<R::UpdateBody>,
) -> ApiResult<Json<R::Record>> {
    let tenant = R::authorize(&auth, Need::Write(R::META.scope))?;
    Ok(Json(update_record::<R>(&state, tenant, &id, patch).await?))
}

pub(crate) async fn delete<R: Deletable>(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<Deleted>> {
    let tenant = R::authorize(&auth, Need::Write(R::META.scope))?;
    Ok(Json(delete_record::<R>(&state, tenant, &id).await?))
}

// The five operations, for the tenant a caller has already authorized. The REST handlers
// above and the GraphQL resolvers (through `Operations`) both run these, so validation,
// scoping and events are the same whichever way a change arrives.

/// One page of the organization's records matching `filter`, and the id to continue after.
pub async fn list_records<R: Resource>(
    state: &AppState,
    auth: &Auth,
    page: &Page,
    filter: R::Filter,
) -> ApiResult<(Vec<R::Record>, Option<String>)> {
    let tenant = R::authorize(auth, Need::Read(R::META.scope))?;
    let mut filters = Filters::default();
    if !R::visible(auth, Some(&filter), &mut filters)? {
        page.limit()?;
        return Ok((Vec::new(), None));
    }
    R::filter(&filter, &mut filters);
    let (records, next) = list::fetch_page::<R::Record>(
        &mut state.db().scoped(tenant),
        R::META.table,
        <R::Record as Columns>::SELECT,
        filters,
        page,
        |r| r.id().to_owned(),
    )
    .await?;
    Ok((records.into_iter().map(|record| computed::<R>(state, record)).collect(), next))
}

/// The record with this id that the caller may read (`authorize`, `visible`), if any.
pub async fn get_record<R: Resource>(state: &AppState, auth: &Auth, id: &str) -> ApiResult<Option<R::Record>> {
    let tenant = R::authorize(auth, Need::Read(R::META.scope))?;
    let mut filters = Filters::default();
    if !R::visible(auth, None, &mut filters)? {
        return Ok(None);
    }
    let (conditions, values) = filters.render(3);
    let mut scoped = state.db().scoped(tenant);
    let mut statement = scoped.sql(by_id::<R>(&conditions)).bind(id.to_owned());
    for value in values {
        statement = statement.bind_value(value);
    }
    let record: Option<R::Record> = scoped.fetch_optional(statement).await?;
    Ok(record.map(|record| computed::<R>(state, record)))
}

/// The records with these ids that the caller may read (`authorize`, `visible`), in no
/// particular order: one query for each 500 ids.
pub async fn get_records<R: Resource>(state: &AppState, auth: &Auth, ids: &[String]) -> ApiResult<Vec<R::Record>> {
    records_in::<R>(state, auth, ids, |listed, conditions| {
        format!(
            "SELECT {} FROM {} WHERE org_id = $1 AND id IN ({listed}){conditions}",
            <R::Record as Columns>::SELECT,
            R::META.table
        )
    })
    .await
}

/// The records whose `column` holds one of `values` that the caller may read: at most `each`
/// per value, newest first, in one query for each 500 values (GraphQL's relations from an
/// object to the objects that name it batch on it). `column` must be one of the record's plain
/// columns.
pub async fn get_records_by<R: Resource>(
    state: &AppState,
    auth: &Auth,
    column: &str,
    values: &[String],
    each: usize,
) -> ApiResult<Vec<R::Record>> {
    let select = <R::Record as Columns>::SELECT;
    if !select.split(", ").any(|plain| plain == column) {
        return Err(ApiError::internal(format!("{} has no column `{column}`", R::META.table)));
    }
    records_in::<R>(state, auth, values, |listed, conditions| {
        format!(
            "SELECT * FROM (SELECT {select}, ROW_NUMBER() OVER (PARTITION BY {column} ORDER BY id DESC) AS gable_rank \
             FROM {} WHERE org_id = $1 AND {column} IN ({listed}){conditions}) ranked WHERE gable_rank <= {each} \
             ORDER BY id DESC",
            R::META.table
        )
    })
    .await
}

/// The records `sql` selects for each 500 of `values` (bound as `$2…`, listed in its first
/// argument), with the caller's visibility conditions (its second) — what the caller may read.
async fn records_in<R: Resource>(
    state: &AppState,
    auth: &Auth,
    values: &[String],
    sql: impl Fn(&str, &str) -> String,
) -> ApiResult<Vec<R::Record>> {
    let tenant = R::authorize(auth, Need::Read(R::META.scope))?;
    let mut filters = Filters::default();
    if values.is_empty() || !R::visible(auth, None, &mut filters)? {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    let mut scoped = state.db().scoped(tenant);
    for chunk in values.chunks(500) {
        let (conditions, binds) = filters.clone().render(2 + chunk.len());
        let mut statement = scoped.sql(sql(&crate::db::placeholders(2, chunk.len()), &conditions));
        for value in chunk {
            statement = statement.bind(value.clone());
        }
        for value in binds {
            statement = statement.bind_value(value);
        }
        let records: Vec<R::Record> = scoped.fetch_all(statement).await?;
        found.extend(records.into_iter().map(|record| computed::<R>(state, record)));
    }
    Ok(found)
}

/// The record with this id in the organization, if any (for the server's own use: no
/// caller's visibility applies).
pub async fn find_record<R: Resource>(state: &AppState, tenant: &ActingOrg, id: &str) -> ApiResult<Option<R::Record>> {
    let mut scoped = state.db().scoped(tenant);
    let record: Option<R::Record> = scoped.fetch_optional(scoped.sql(by_id::<R>("")).bind(id.to_owned())).await?;
    Ok(record.map(|record| computed::<R>(state, record)))
}

/// Validates and inserts a new record, with its events, in one transaction.
pub async fn create_record<R: Creatable>(
    state: &AppState,
    tenant: &ActingOrg,
    input: R::CreateBody,
) -> ApiResult<R::Record> {
    let mut ctx = Ctx::begin(state, tenant).await?;
    let record = ctx.create::<R>(input).await?;
    ctx.commit().await?;
    Ok(record)
}

/// Applies a patch to the record with this id (404 if the organization has none).
pub async fn update_record<R: Updatable>(
    state: &AppState,
    tenant: &ActingOrg,
    id: &str,
    patch: R::UpdateBody,
) -> ApiResult<R::Record> {
    let mut ctx = Ctx::begin(state, tenant).await?;
    let before = ctx.load_for_update::<R>(id).await?;
    let mut after = computed::<R>(state, R::update(&mut ctx, before.clone(), patch).await?);
    ctx.save::<R>(&before, &mut after).await?;
    ctx.commit().await?;
    Ok(after)
}

/// Deletes the record with this id (404 if the organization has none), with its event.
pub async fn delete_record<R: Deletable>(state: &AppState, tenant: &ActingOrg, id: &str) -> ApiResult<Deleted> {
    let mut ctx = Ctx::begin(state, tenant).await?;
    let record = ctx.load_for_update::<R>(id).await?;
    ctx.delete::<R>(&record).await?;
    ctx.commit().await?;
    Ok(Deleted { id: id.to_owned(), deleted: true })
}

/// One documented route: its schemas, its path item and its handler.
type Route = fn() -> openapi::Documented;

/// Event types for the catalog.
type EventTypes = fn() -> Vec<crate::events::EventType>;

/// One resource as an area lists it, verb by verb: `GET {path}` and `GET {path}/{id}` for
/// every resource, then the writes it takes through the engine. The same registration gives
/// its routes, its event types and its GraphQL fields ([`Operations`]).
///
/// ```text
/// register::<Contacts>()                                   // list, get, create, update, delete
/// Registration::reads::<RentCharges>()                     // list and get
/// Registration::reads::<RentPayments>().creates::<RentPayments>()
/// ```
#[derive(Clone, Copy)]
pub struct Registration {
    operations: Operations,
    routes: [Option<Route>; 5],
    event_types: [Option<EventTypes>; 4],
}

impl Registration {
    /// `GET {path}` and `GET {path}/{id}`, and the resource's own event types.
    pub const fn reads<R: Resource>() -> Registration {
        Registration::lists::<R>().gets::<R>()
    }

    /// `GET {path}` only (a resource whose single object is served otherwise: a delivery
    /// with its attempts), and the resource's own event types.
    pub const fn lists<R: Resource>() -> Registration {
        Registration {
            operations: Operations::lists::<R>(),
            routes: [Some(openapi::list::<R>), None, None, None, None],
            event_types: [None, None, None, Some(extra_events::<R>)],
        }
    }

    /// A resource whose list and get are its own functions (`erased::ListFn`, `GetFn`), which
    /// GraphQL serves; its REST reads are the area's own routes. The expense categories: the
    /// built-in ones are vocabulary that every organization has, not rows.
    pub const fn listed_by<R: Resource>(list: erased::ListFn, get: erased::GetFn) -> Registration {
        Registration {
            operations: Operations::listed_by::<R>(list, get),
            routes: [None; 5],
            event_types: [None, None, None, Some(extra_events::<R>)],
        }
    }

    /// `GET {path}/{id}`.
    pub const fn gets<R: Resource>(mut self) -> Registration {
        self.operations = self.operations.with_get::<R>();
        self.routes[1] = Some(openapi::get::<R>);
        self
    }

    /// `POST {path}`, through [`Creatable`].
    pub const fn creates<R: Creatable>(mut self) -> Registration {
        self.operations = self.operations.with_create::<R>();
        self.routes[2] = Some(openapi::create::<R>);
        self.event_types[0] = Some(created_events::<R>);
        self
    }

    /// For a resource created through [`Ctx::create`] by a route of its own (`POST
    /// /api/expenses` takes an `action`): its created event is in the catalog, and the engine
    /// adds no `POST {path}`.
    pub const fn created_by_own_route<R: Creatable>(mut self) -> Registration {
        self.event_types[0] = Some(created_events::<R>);
        self
    }

    /// `PATCH {path}/{id}`, through [`Updatable`].
    pub const fn updates<R: Updatable>(mut self) -> Registration {
        self.operations = self.operations.with_update::<R>();
        self.routes[3] = Some(openapi::update::<R>);
        self.event_types[1] = Some(updated_events::<R>);
        self
    }

    /// `DELETE {path}/{id}`, through [`Deletable`].
    pub const fn deletes<R: Deletable>(mut self) -> Registration {
        self.operations = self.operations.with_delete::<R>();
        self.routes[4] = Some(openapi::delete::<R>);
        self.event_types[2] = Some(deleted_events::<R>);
        self
    }

    /// Its routes, documented.
    pub fn router(&self) -> OpenApiRouter<AppState> {
        self.routes.iter().flatten().fold(OpenApiRouter::new(), |router, route| router.routes(route()))
    }

    /// The event types it emits, for the webhook event catalog.
    pub fn event_types(&self) -> Vec<crate::events::EventType> {
        self.event_types.iter().flatten().flat_map(|types| types()).collect()
    }

    /// Its operations, for the GraphQL schema.
    pub fn operations(&self) -> Operations {
        self.operations
    }
}

/// All five verbs.
pub const fn register<R: Creatable + Updatable + Deletable>() -> Registration {
    Registration::reads::<R>().creates::<R>().updates::<R>().deletes::<R>()
}

/// A business area (CRM, sales, rentals, operations) as the composition root mounts it: its
/// routes, its public pages, its event types and its resources' operations. The one list of
/// areas (`crate::app::AREAS`) feeds the router, the event catalog and the GraphQL schema.
pub struct Area {
    /// Its name in the event catalog (`crm`, `rentals`, …).
    pub name: &'static str,
    pub router: fn() -> OpenApiRouter<AppState>,
    /// Its unauthenticated pages, outside `/api`.
    pub public_router: fn() -> OpenApiRouter<AppState>,
    pub event_types: fn() -> Vec<crate::events::EventType>,
    pub operations: fn() -> Vec<Operations>,
    /// Rules of its request bodies that tie fields together, for the OpenAPI document.
    pub body_rules: &'static [BodyRule],
}

/// A rule between a request body's fields ("`paidAt` only for a succeeded payment"), which a
/// field's own schema cannot say: the document gives the body `allOf` its schema and `rule`.
/// The rule is written beside the check that enforces it.
pub struct BodyRule {
    /// The body's component name (`CreatePayment`).
    pub schema: &'static str,
    /// The JSON Schema the body must also match.
    pub rule: fn() -> serde_json::Value,
}

/// The operations of a list of resources (for the GraphQL schema).
pub fn all_operations(resources: &[Registration]) -> Vec<Operations> {
    resources.iter().map(Registration::operations).collect()
}

/// The routers of a list of resources, merged.
pub fn routers(resources: &[Registration]) -> OpenApiRouter<AppState> {
    resources.iter().fold(OpenApiRouter::new(), |merged, r| merged.merge(r.router()))
}

/// The event types of a list of resources.
pub fn all_event_types(resources: &[Registration]) -> Vec<crate::events::EventType> {
    resources.iter().flat_map(Registration::event_types).collect()
}

fn event_type<R: Resource>(kind: String, description: String) -> crate::events::EventType {
    crate::events::EventType::of::<R::Record>(kind, R::META.scope, description)
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

fn extra_events<R: Resource>() -> Vec<crate::events::EventType> {
    R::EXTRA_EVENTS
        .iter()
        .map(|(kind, description)| event_type::<R>((*kind).to_owned(), (*description).to_owned()))
        .collect()
}

fn created_events<R: Creatable>() -> Vec<crate::events::EventType> {
    vec![event_type::<R>(
        created_event::<R>(),
        format!("{} was created.", capitalized(&openapi::a(&openapi::what::<R>()))),
    )]
}

fn updated_events<R: Updatable>() -> Vec<crate::events::EventType> {
    let description =
        format!("{} was changed (any field, including its status).", capitalized(&openapi::a(&openapi::what::<R>())));
    vec![event_type::<R>(format!("{}.updated", R::META.name), description)]
}

fn deleted_events<R: Deletable>() -> Vec<crate::events::EventType> {
    let description =
        format!("{} was deleted; `data` is the object as it was.", capitalized(&openapi::a(&openapi::what::<R>())));
    vec![event_type::<R>(deleted_event::<R>(), description)]
}
