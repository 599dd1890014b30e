//! Relations: a record's field that holds another resource's id (`propertyId`, `assignedToId`)
//! or ids (`tenantIds`) has a sibling that is that object (`property`, `assignedTo`) or those
//! objects (`tenants`), so a client navigates `lead { property { title } assignedTo { name } }`.
//! The target is the resource whose id prefix the field's documented example has (`prop_…`),
//! else the one the name names. Every relation of a request is loaded through one DataLoader
//! ([`Loader`]): the ids asked for while a level of the document resolves are fetched together,
//! one query per resource, so a page of 100 leads with their properties and agents costs a few
//! queries, not 200. Each relation needs the read scope of its target, like its REST read.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, Loader as LoaderTrait};
use async_graphql::dynamic::{Field, FieldFuture, FieldValue, ResolverContext, TypeRef};
use serde_json::Value as Json;

use super::graphql_error;
use crate::auth::Auth;
use crate::resource::erased::Described;
use crate::resource::{Operations, camel_case, pascal};
use crate::state::AppState;
use crate::vocab::scope::Need;

/// One relation of a record type.
pub struct Relation {
    /// The field's GraphQL name (`property`, `tenants`).
    pub name: String,
    /// The JSON key holding the id or ids (`property_id`, `tenantIds`).
    key: String,
    /// The target resource (an index into the resources).
    target: usize,
    /// Ids rather than one id.
    many: bool,
}

/// The relations of `record`'s properties to `resources` (those whose objects can be fetched
/// by id).
pub fn of(record: &Described, resources: &[Operations]) -> Vec<Relation> {
    let properties = record.schema.get("properties").and_then(Json::as_object);
    let mut relations = Vec::new();
    for (key, schema) in properties.into_iter().flatten() {
        let (stem, many) = match stem(key) {
            Some(found) => found,
            None => continue,
        };
        let by_prefix = example_prefix(schema, &record.components)
            .and_then(|prefix| resources.iter().position(|ops| ops.meta.id_prefix == prefix && ops.get.is_some()));
        let by_name = || resources.iter().position(|ops| ops.meta.name == stem && ops.get.is_some());
        let Some(target) = by_prefix.or_else(by_name) else { continue };
        let name = match many {
            // `tenant_ids` → `tenants`; `approverIds` → `approvers`.
            true if resources[target].meta.name == stem => camel_case(&resources[target].meta.plural.replace(' ', "_")),
            true => format!("{}s", camel_case(&stem)),
            false => camel_case(&stem),
        };
        if properties.is_some_and(|all| all.keys().any(|other| camel_case(other) == name)) {
            continue;
        }
        relations.push(Relation { name, key: key.clone(), target, many });
    }
    relations
}

/// `property_id` → (`property`, one); `assignedToId` → (`assigned_to`, one); `tenant_ids` →
/// (`tenant`, many). The stem in snake_case.
fn stem(key: &str) -> Option<(String, bool)> {
    let snake: String = key
        .chars()
        .flat_map(|c| if c.is_ascii_uppercase() { vec!['_', c.to_ascii_lowercase()] } else { vec![c] })
        .collect();
    if let Some(stem) = snake.strip_suffix("_ids") {
        return (!stem.is_empty()).then(|| (stem.to_owned(), true));
    }
    snake.strip_suffix("_id").filter(|stem| !stem.is_empty()).map(|stem| (stem.to_owned(), false))
}

/// The id prefix of the property's documented example (`prop_01J…` → `prop`).
fn example_prefix(schema: &Json, components: &[(String, Json)]) -> Option<String> {
    let mut schema = schema;
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(first) = schema.get(key).and_then(Json::as_array).and_then(|items| items.first()) {
            schema = first;
        }
    }
    if let Some(name) = schema.get("$ref").and_then(Json::as_str).and_then(|r| r.rsplit('/').next()) {
        schema = components.iter().find(|(n, _)| n == name).map(|(_, s)| s)?;
    }
    let example = schema.get("example").or_else(|| schema.get("examples").and_then(|e| e.get(0)))?;
    let example = example.as_array().and_then(|items| items.first()).unwrap_or(example);
    let (prefix, rest) = example.as_str()?.rsplit_once('_')?;
    (rest.len() >= 10 && !prefix.is_empty()).then(|| prefix.to_owned())
}

impl Relation {
    /// The field on its record type; `resources` are the ones the relations were found in.
    pub fn field(&self, resources: &[Operations]) -> Field {
        let target = resources[self.target];
        let type_name = pascal(target.meta.name);
        // Nullable, lists too: a relation the key may not read is null with its error.
        let ty = if self.many { TypeRef::named_list_nn(&type_name) } else { TypeRef::named(&type_name) };
        let (key, index, many) = (self.key.clone(), self.target, self.many);
        Field::new(self.name.clone(), ty, move |ctx| {
            let key = key.clone();
            FieldFuture::new(async move {
                match resolve(&ctx, &key, index, target, many).await {
                    Ok(value) => Ok(value),
                    // The field is null and its error has its path (`leads.0.property`), as the
                    // spec has it: a nested error returned would lose both.
                    Err(err) => {
                        ctx.add_error(ctx.set_error_path(err.into_server_error(ctx.item.pos)));
                        Ok(None)
                    }
                }
            })
        })
        .description(format!(
            "The {} of `{}`, loaded in batches. Needs `read:{}`.",
            target.meta.name.replace('_', " "),
            camel_case(&self.key),
            target.meta.scope
        ))
    }
}

async fn resolve(
    ctx: &ResolverContext<'_>,
    key: &str,
    index: usize,
    target: Operations,
    many: bool,
) -> async_graphql::Result<Option<FieldValue<'static>>> {
    let ids: Vec<String> = match ctx.parent_value.downcast_ref::<Json>().and_then(|record| record.get(key)) {
        Some(Json::String(id)) => vec![id.clone()],
        Some(Json::Array(ids)) => ids.iter().filter_map(Json::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    };
    if ids.is_empty() {
        return Ok(if many { Some(FieldValue::list(Vec::<FieldValue>::new())) } else { None });
    }
    (target.authorize)(ctx.data::<Auth>()?, Need::Read(target.meta.scope)).map_err(graphql_error)?;
    let loader = ctx.data::<DataLoader<Loader>>()?;
    let mut found = loader.load_many(ids.iter().map(|id| (index, id.clone()))).await?;
    let mut objects = ids.iter().filter_map(|id| found.remove(&(index, id.clone()))).map(FieldValue::owned_any);
    Ok(if many { Some(FieldValue::list(objects.collect::<Vec<_>>())) } else { objects.next() })
}

/// Loads objects by `(resource, id)` for one request, as its caller: one query per resource
/// for all the ids asked for together.
pub struct Loader {
    state: AppState,
    auth: Auth,
    resources: Arc<Vec<Operations>>,
}

impl Loader {
    /// The request's loader.
    pub fn new(state: AppState, auth: Auth, resources: Arc<Vec<Operations>>) -> DataLoader<Loader> {
        DataLoader::new(Loader { state, auth, resources }, tokio::spawn)
    }
}

impl LoaderTrait<(usize, String)> for Loader {
    type Value = Json;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[(usize, String)]) -> Result<HashMap<(usize, String), Json>, Self::Error> {
        let mut by_resource: HashMap<usize, Vec<String>> = HashMap::new();
        for (index, id) in keys {
            by_resource.entry(*index).or_default().push(id.clone());
        }
        let mut found = HashMap::new();
        for (index, ids) in by_resource {
            let ops = self.resources[index];
            let records = match (ops.get_many, ops.get) {
                (Some(get_many), _) => get_many(&self.state, &self.auth, &ids).await.map_err(graphql_error)?,
                (None, Some(get)) => {
                    let mut records = Vec::new();
                    for id in &ids {
                        records.extend(get(&self.state, &self.auth, id).await.map_err(graphql_error)?);
                    }
                    records
                }
                (None, None) => Vec::new(),
            };
            for record in records {
                if let Some(id) = record.get("id").and_then(Json::as_str) {
                    found.insert((index, id.to_owned()), record);
                }
            }
        }
        Ok(found)
    }
}
