//! Relations: a record's field that holds another resource's id (`propertyId`, `assignedToId`)
//! or ids (`tenantIds`) has a sibling that is that object (`property`, `assignedTo`) or those
//! objects (`tenants`), so a client navigates `lead { property { title } assignedTo { name } }`.
//! The target is the resource whose id prefix the field's documented example has (`prop_…`),
//! else the one the name names. The other way, a resource whose list filters by an object's id
//! (`GET /api/rent-charges?lease_id=…`) is a list on that object (`lease { rentCharges }`).
//! Every relation of a request is loaded through one DataLoader ([`Loader`]): what a level of
//! the document asks for is fetched together, one query per resource, so a page of 100 leads
//! with their properties and agents costs a few queries, not 200. Each relation needs the read
//! scope of its target, like its REST read.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, Loader as LoaderTrait};
use async_graphql::dynamic::{Field, FieldFuture, FieldValue, ResolverContext, TypeRef};
use serde_json::Value as Json;

use super::graphql_error;
use crate::auth::Auth;
use crate::resource::erased::PER_PARENT;
use crate::resource::{Operations, camel_case, pascal};
use crate::state::AppState;
use crate::vocab::scope::Need;

/// One relation of a record type.
pub struct Relation {
    /// The field's GraphQL name (`property`, `tenants`, `rentCharges`).
    pub name: String,
    /// The JSON key holding the id or ids (`property_id`, `tenantIds`; `id` the other way).
    key: String,
    /// The target resource (an index into the resources).
    target: usize,
    /// Ids rather than one id.
    many: bool,
    /// The other way: the target's column and JSON key that hold this object's id.
    by: Option<(String, String)>,
}

/// The relations of the record of `resources[index]`: from its id fields, and from the
/// resources whose lists filter by its id.
pub fn of(index: usize, resources: &[Operations]) -> Vec<Relation> {
    let record = (resources[index].record)();
    let properties = record.schema.get("properties").and_then(Json::as_object);
    let taken = |relations: &[Relation], name: &str| {
        properties.is_some_and(|all| all.keys().any(|other| camel_case(other) == name))
            || relations.iter().any(|relation| relation.name == name)
    };
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
        if taken(&relations, &name) {
            continue;
        }
        relations.push(Relation { name, key: key.clone(), target, many, by: None });
    }
    for (source, ops) in resources.iter().enumerate() {
        if ops.list_by.is_none() {
            continue;
        }
        for filter in (ops.filters)() {
            let Some((stem, false)) = stem(&filter.name) else { continue };
            let by_prefix =
                example_prefix(&filter.schema, &[]).is_some_and(|prefix| resources[index].meta.id_prefix == prefix);
            if !(by_prefix || resources[index].meta.name == stem) {
                continue;
            }
            let name = camel_case(&ops.meta.plural.replace(' ', "_"));
            if taken(&relations, &name) {
                continue;
            }
            // Only a filter on a column of its own (`tenant_id` of leases is a join) is batched.
            let column = snake(&filter.name);
            if !ops.select.split(", ").any(|plain| plain == column) {
                continue;
            }
            relations.push(Relation {
                name,
                key: "id".into(),
                target: source,
                many: true,
                by: Some((column, filter.name)),
            });
        }
    }
    relations
}

/// `assignedToId` → `assigned_to_id`.
fn snake(name: &str) -> String {
    name.chars()
        .flat_map(|c| if c.is_ascii_uppercase() { vec!['_', c.to_ascii_lowercase()] } else { vec![c] })
        .collect()
}

/// `property_id` → (`property`, one); `assignedToId` → (`assigned_to`, one); `tenant_ids` →
/// (`tenant`, many). The stem in snake_case.
fn stem(key: &str) -> Option<(String, bool)> {
    let snake = snake(key);
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
        let ty = if self.many { TypeRef::named_nn_list(&type_name) } else { TypeRef::named(&type_name) };
        let (key, index, many, by) = (self.key.clone(), self.target, self.many, self.by.clone());
        let description = match &self.by {
            Some((_, filter)) => format!(
                "The {} whose `{filter}` is this object's id: at most {PER_PARENT}, newest first (the list field with that \
                 filter pages them all). Loaded in batches. Needs `read:{}`.",
                target.meta.plural, target.meta.scope
            ),
            None => format!(
                "The {} of `{}`, loaded in batches. Needs `read:{}`.",
                target.meta.name.replace('_', " "),
                camel_case(&self.key),
                target.meta.scope
            ),
        };
        Field::new(self.name.clone(), ty, move |ctx| {
            let (key, by) = (key.clone(), by.clone());
            FieldFuture::new(async move {
                match resolve(&ctx, &key, index, target, many, by).await {
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
        .description(description)
    }
}

async fn resolve(
    ctx: &ResolverContext<'_>,
    key: &str,
    index: usize,
    target: Operations,
    many: bool,
    by: By,
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
    if by.is_some() {
        let naming = loader.load_one((index, by, ids[0].clone())).await?;
        let items = naming.and_then(|list| list.as_array().cloned()).unwrap_or_default();
        return Ok(Some(FieldValue::list(items.into_iter().map(FieldValue::owned_any))));
    }
    let mut found = loader.load_many(ids.iter().map(|id| (index, None, id.clone()))).await?;
    let mut objects = ids.iter().filter_map(|id| found.remove(&(index, None, id.clone()))).map(FieldValue::owned_any);
    Ok(if many { Some(FieldValue::list(objects.collect::<Vec<_>>())) } else { objects.next() })
}

/// The other way: the column, and the JSON key, of the target that hold an object's id.
type By = Option<(String, String)>;

/// What the loader loads: an object of a resource by id, or (with [`By`]) the objects of a
/// resource that name an id.
type Key = (usize, By, String);

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

impl LoaderTrait<Key> for Loader {
    type Value = Json;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Key]) -> Result<HashMap<Key, Json>, Self::Error> {
        let mut groups: HashMap<(usize, By), Vec<String>> = HashMap::new();
        for (index, by, id) in keys {
            groups.entry((*index, by.clone())).or_default().push(id.clone());
        }
        let mut found = HashMap::new();
        for ((index, by), ids) in groups {
            let ops = self.resources[index];
            if let (Some((column, key)), Some(list_by)) = (&by, ops.list_by) {
                let records = list_by(&self.state, &self.auth, column, &ids).await.map_err(graphql_error)?;
                let mut naming: HashMap<String, Vec<Json>> = HashMap::new();
                for record in records {
                    if let Some(id) = record.get(key.as_str()).and_then(Json::as_str) {
                        naming.entry(id.to_owned()).or_default().push(record);
                    }
                }
                for id in ids {
                    let list = naming.remove(&id).unwrap_or_default();
                    found.insert((index, by.clone(), id), Json::Array(list));
                }
                continue;
            }
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
                    found.insert((index, None, id.to_owned()), record);
                }
            }
        }
        Ok(found)
    }
}
