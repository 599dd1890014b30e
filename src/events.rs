//! Events: the outbox and the catalog. Every change to a resource writes an event row **in the
//! same transaction** as the change ([`record`]), so an event exists if and only if its change
//! committed: nothing is lost if the process dies before delivery. The catalog lists every
//! event type Gable emits, gathered from the resources themselves (`created`, `updated`,
//! `deleted` and any extra events each declares), so it cannot drift from what is emitted; the
//! composition root installs it from the areas ([`install`]). Integrators poll events with
//! `GET /api/events` (`crate::webhooks::event_log`); the webhook workers deliver them.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::ToSchema;

use crate::db::{Columns, ScopedTx};
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::ids::new_id;
use crate::vocab::scope::{Need, Scopes};
use crate::vocab::values::{JsonText, Timestamp};

/// An event as stored and listed.
#[derive(Debug, Clone, Serialize, Deserialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "type": "lead.created", "orgId": "org_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "occurredAt": "2025-01-15T10:30:00.000Z",
    "data": {"id": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Jane Doe", "status": "new"}
}))]
pub struct Event {
    #[schema(example = "evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub id: String,
    #[serde(rename = "type")]
    #[sqlx(rename = "type")]
    #[schema(example = "lead.created")]
    pub kind: String,
    #[schema(example = "org_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub org_id: String,
    pub occurred_at: Timestamp,
    /// The object as the API returned it after the change.
    #[schema(value_type = Object, example = json!({"id": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Jane Doe", "status": "new"}))]
    pub data: JsonText,
}

/// Writes an event in the caller's transaction.
pub async fn record(tx: &mut ScopedTx<'_>, kind: &str, at: Timestamp, data: &impl Serialize) -> ApiResult<()> {
    let data = serde_json::to_string(data).map_err(ApiError::internal)?;
    tx.execute(
        tx.sql("INSERT INTO events (org_id, id, type, occurred_at, data) VALUES ($1, $2, $3, $4, $5)")
            .bind(new_id("evt"))
            .bind(kind.to_owned())
            .bind(at.ms())
            .bind(data),
    )
    .await?;
    Ok(())
}

/// How the document names an event type in a request: a string, which the served document
/// lists as the catalog's types (`app::parts` writes the enum; this is its placeholder).
pub struct EventTypeName;

impl utoipa::PartialSchema for EventTypeName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some("An event type of `GET /api/webhook-events`"))
            .examples(["lead.created"])
            .into()
    }
}
impl ToSchema for EventTypeName {}

/// One kind of event.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
// Examples per field, not one for the object: Spectral reads an example object with an `example`
// key as a schema of its own. (`example` and `schema` are free-form objects.)
pub struct EventType {
    #[serde(rename = "type")]
    #[schema(example = "lead.created")]
    pub kind: String,
    /// The business area the event comes from: `platform`, `webhooks`, `crm`, `sales`,
    /// `operations` or `rentals`.
    #[schema(example = "crm")]
    pub area: &'static str,
    /// The scope resource of the object the event is about: reading the event (in
    /// `GET /api/events`, or through a webhook subscription) needs `read:<scope>`.
    #[serde(skip)]
    pub scope: &'static str,
    #[schema(example = "A lead was created.")]
    pub description: String,
    /// An example of the event's `data`.
    #[schema(value_type = Object)]
    pub example: serde_json::Value,
    /// The JSON Schema (draft 2020-12) of the event's `data`; the types it refers to are
    /// under its `$defs`. Made when the catalog is served, not kept: the schemas of every type
    /// would add about 4 MiB to an idle server's RSS (docs/benchmarks.md).
    #[schema(value_type = Object)]
    pub schema: SchemaOf,
}

/// A JSON Schema, made when it is serialized.
#[derive(Debug, Clone, Copy)]
pub struct SchemaOf(fn() -> serde_json::Value);

impl Serialize for SchemaOf {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.0)().serialize(serializer)
    }
}

impl EventType {
    /// An event type whose `data` is a `T`: its example and its schema are `T`'s OpenAPI
    /// schema's, so the catalog describes what is serialized.
    pub fn of<T: ToSchema>(kind: impl Into<String>, scope: &'static str, description: impl Into<String>) -> EventType {
        EventType {
            kind: kind.into(),
            area: "",
            scope,
            description: description.into(),
            example: example_of::<T>(),
            schema: SchemaOf(json_schema::<T>),
        }
    }
}

/// The `example` of a type's OpenAPI schema.
fn example_of<T: ToSchema>() -> serde_json::Value {
    use utoipa::openapi::{RefOr, Schema};
    match T::schema() {
        RefOr::T(Schema::Object(object)) => {
            object.examples.first().cloned().or_else(|| object.example.clone()).unwrap_or_default()
        }
        _ => serde_json::Value::Null,
    }
}

/// `T`'s OpenAPI 3.1 schema as a standalone JSON Schema (draft 2020-12): the component schemas
/// it refers to (`#/components/schemas/X`) move under `$defs` (`#/$defs/X`).
pub fn json_schema<T: ToSchema>() -> serde_json::Value {
    let mut referred = Vec::new();
    T::schemas(&mut referred);
    standalone(T::schema(), referred)
}

/// A schema and the component schemas it refers to, as one JSON Schema (not generic: one copy
/// of this code serves every type).
fn standalone(
    own: utoipa::openapi::RefOr<utoipa::openapi::Schema>,
    referred: Vec<(String, utoipa::openapi::RefOr<utoipa::openapi::Schema>)>,
) -> serde_json::Value {
    use serde_json::{Map, Value};
    fn relink(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get_mut("$ref")
                    && let Some(name) = target.strip_prefix("#/components/schemas/")
                {
                    *target = format!("#/$defs/{name}");
                }
                map.values_mut().for_each(relink);
            }
            Value::Array(items) => items.iter_mut().for_each(relink),
            _ => {}
        }
    }
    let mut schema = Map::new();
    schema.insert("$schema".into(), "https://json-schema.org/draft/2020-12/schema".into());
    if let Ok(Value::Object(own)) = serde_json::to_value(own) {
        schema.extend(own);
    }
    if !referred.is_empty() {
        let defs: Map<String, Value> = referred
            .into_iter()
            .map(|(name, schema)| (name, serde_json::to_value(schema).unwrap_or_default()))
            .collect();
        schema.insert("$defs".into(), Value::Object(defs));
    }
    let mut schema = Value::Object(schema);
    relink(&mut schema);
    schema
}

/// `data` of the test event (`POST /api/webhooks/{id}/test`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"message": "A test event from Gable", "endpointId": "whep_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"}))]
pub struct TestEvent {
    pub message: &'static str,
    /// The endpoint the test was sent to.
    pub endpoint_id: String,
}

impl TestEvent {
    pub fn to(endpoint_id: &str) -> TestEvent {
        TestEvent { message: "A test event from Gable", endpoint_id: endpoint_id.to_owned() }
    }
}

/// The test event `POST /api/webhooks/{id}/test` sends.
pub const TEST_EVENT: &str = "webhook.test";

static CATALOG: OnceLock<Vec<EventType>> = OnceLock::new();

/// Makes the catalog from every area's event types (the composition root does, once, before
/// serving: `crate::app::state`), adding the test event; later calls keep the first.
pub fn install(areas: Vec<EventType>) -> &'static [EventType] {
    CATALOG.get_or_init(|| {
        let mut all = areas;
        all.push(EventType {
            area: "webhooks",
            ..EventType::of::<TestEvent>(TEST_EVENT, "webhooks", "A test event sent by POST /api/webhooks/{id}/test.")
        });
        all.sort_by(|a, b| a.kind.cmp(&b.kind));
        all
    })
}

/// Every event type, sorted (empty until [`install`]ed).
pub fn all() -> &'static [EventType] {
    CATALOG.get().map_or(&[], Vec::as_slice)
}

pub fn is_known(kind: &str) -> bool {
    find(kind).is_some()
}

pub fn find(kind: &str) -> Option<&'static EventType> {
    all().iter().find(|e| e.kind == kind)
}

/// The event types a caller with `scopes` may read (each needs `read:` its resource), or
/// `None` when that is every type.
pub fn readable(scopes: &Scopes) -> Option<Vec<&'static str>> {
    let readable: Vec<&'static str> =
        all().iter().filter(|e| scopes.allows(Need::Read(e.scope))).map(|e| e.kind.as_str()).collect();
    (readable.len() < all().len()).then_some(readable)
}
