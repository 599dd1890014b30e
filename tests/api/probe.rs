//! A permanent probe of tenant isolation: every operation of the OpenAPI document, and every
//! GraphQL query and mutation field, is called with organization B's `*` key and organization
//! A's ids. Nothing here names a route, a field or a resource: operations, parameters, example
//! bodies and the GraphQL schema are read at run time, so a new route or field is probed
//! without editing this file, and one the probe cannot give an A id to fails it.
//!
//! - **Seeding.** Both organizations (Elite, each with its own webhook receiver) get an object
//!   of every kind the document can create: each `POST` without an id in its path is sent with
//!   its documented example, whose example ids are replaced by the organization's own ids of
//!   the same prefix (`prop_…` → its property) and whose `url` is its receiver, again and again
//!   until nothing more can be created. Each action (`POST …/{id}/<verb>`) is then applied to
//!   a fresh copy of its object, the rent scheduler runs and the webhook queue drains, so the
//!   objects only side effects make (rent charges, deliveries) exist too. A's prose strings
//!   carry [`MARKER`], so its names, slugs and readable ids differ from B's, and any of its
//!   text in an answer to B is seen.
//! - **Slots.** An operation's slots are its path parameters (each description names the id
//!   prefix, "(`prop_…`)"; `orgSlug` is always B's own), and its query parameters and
//!   top-level body fields named like references (`id`, `…_id`, `…Id`, `…_ids`, `…Ids`; the
//!   prefix comes from the document's examples, or from the data). Each slot is sent with A's
//!   value and everything else B's own, and again with a value that exists nowhere: the two
//!   answers must be the same (A's ids behave like missing ids, the design's rule), the missing
//!   one must show the value was looked up (a 404, or a list), an A id in the path must be a
//!   404, no write may succeed, `/v1` must answer like `/api`, and nothing answered to B may
//!   hold an A id or the marker. `startingAfter` gets A's id under that last rule only. An
//!   operation without slots is sent once, under the same rule. B's `POST`s reuse the
//!   `Idempotency-Key`s A's seeding sent, which must be new to B.
//! - **Before and after.** Every read B can make answers the same before and after A's data
//!   exists, every read A can make answers the same before and after B's probes, and A's
//!   webhook receiver hears nothing from them.
//!
//! GraphQL is probed the same way from introspection: `id` arguments, reference-named filter
//! arguments and `input` fields (an input's base is the REST example with the same fields).
//! `GABLE_PROBE_LOG=1` logs every probe; `--nocapture` shows what each test covered.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures_util::{StreamExt, stream};

use gable::auth::users;
use gable::config::List;
use gable::platform::orgs;
use gable::vocab::date::Date;
use gable::vocab::plan::Plan;
use reqwest::Method;
use serde_json::{Map, Value, json};

use crate::helpers::{TestApp, spawn_without_workers};
use crate::receiver::Receiver;

/// Appended to A's prose strings (names, titles, labels, notes).
const MARKER: &str = "Qzorg";
/// What replaces the marker in a readable value that exists nowhere.
const NOWHERE: &str = "Nowhere";

/// The path parameter addressing a public page to an organization: the caller's own slug.
const ORG_SLUG: &str = "orgSlug";

/// Requests (or slots) in flight at once.
const PARALLEL: usize = 8;

/// The probe's only exception: it says why it exists, and the probe fails once it is no
/// longer needed (see [`Doc::apply_exceptions`]).
///
/// `POST /api/expenses` chooses what it does by `action`, whose values are documented in prose
/// only; these are the ones that address an entry by `id`. With an `enum` in the schema the
/// probe reads them there (any body with an `id` and an enum property is probed per value).
const EXPENSE_ACTIONS: (&str, &str, &str, [&str; 2]) =
    ("POST", "/api/expenses", "action", ["update_entry", "delete_entry"]);

/// `prop_01JD…` → `prop` (the part after the last `_` is a ULID).
fn id_prefix(value: &str) -> Option<&str> {
    let (prefix, ulid) = value.rsplit_once('_')?;
    let ulid_like = ulid.len() == 26 && ulid.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    let prefix_like = !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    (ulid_like && prefix_like).then_some(prefix)
}

/// Whether a parameter or field is named like a reference to an object.
fn is_reference(name: &str) -> bool {
    name == "id" || ["_id", "Id", "_ids", "Ids"].iter().any(|suffix| name.ends_with(suffix))
}

/// `lease_id` → `leaseId`, as GraphQL names a REST field.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        match c {
            '_' if !out.is_empty() => upper = true,
            c if upper => {
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// `paymentPlanId` → `payment_plan_id`.
fn snake(name: &str) -> String {
    name.chars()
        .flat_map(|c| if c.is_ascii_uppercase() { vec!['_', c.to_ascii_lowercase()] } else { vec![c] })
        .collect()
}

fn is_plural_reference(name: &str) -> bool {
    name.ends_with("_ids") || name.ends_with("Ids")
}

/// Free text worth marking: words, no digits, no code.
fn is_prose(text: &str) -> bool {
    text.contains(' ')
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && !text.contains(|c: char| c.is_ascii_digit() || "{}$@:/".contains(c))
}

/// An id (or readable value) that exists in no organization, shaped like `value`.
fn missing(value: &str) -> String {
    match id_prefix(value) {
        Some(prefix) => gable::vocab::ids::new_id(prefix),
        None => value.replace(MARKER, NOWHERE).replace(&MARKER.to_lowercase(), &NOWHERE.to_lowercase()),
    }
}

/// Drops every `requestId` (different on each response).
fn without_request_ids(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| k.as_str() != "requestId")
                .map(|(k, v)| (k.clone(), without_request_ids(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_request_ids).collect()),
        other => other.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// The document

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum In {
    Path,
    Query,
}

#[derive(Debug)]
struct Param {
    name: String,
    at: In,
    /// The id prefix the description names ("The property's id (`prop_…`)").
    prefix: Option<String>,
    required: bool,
    example: Option<Value>,
}

#[derive(Debug)]
struct Body {
    example: Value,
    schema: Value,
}

impl Body {
    fn properties(&self) -> Map<String, Value> {
        self.schema["properties"].as_object().cloned().unwrap_or_default()
    }
}

#[derive(Debug)]
struct Op {
    method: Method,
    path: String,
    public: bool,
    params: Vec<Param>,
    body: Option<Body>,
}

impl Op {
    fn label(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    fn is(&self, (method, path): (&str, &str)) -> bool {
        self.method.as_str() == method && self.path == path
    }

    fn path_params(&self) -> impl Iterator<Item = &Param> {
        self.params.iter().filter(|p| p.at == In::Path)
    }

    /// A `POST` that needs no object: a create (or a helper, or a public form).
    fn is_create(&self) -> bool {
        self.method == Method::POST && self.body.is_some() && self.path_params().all(|p| p.name == ORG_SLUG)
    }

    /// `POST …/{id}/<verb>`: an action on one object.
    fn action_prefix(&self) -> Option<&str> {
        if self.method != Method::POST || self.path.ends_with('}') {
            return None;
        }
        self.path_params().find_map(|p| p.prefix.as_deref())
    }
}

struct Doc {
    json: Value,
    ops: Vec<Op>,
    /// Reference field name → id prefixes, from the document's examples and then the data.
    refs: BTreeMap<String, BTreeSet<String>>,
}

impl Doc {
    fn load() -> Doc {
        let json = serde_json::to_value(gable::app::openapi()).expect("the document is JSON");
        let mut doc = Doc { json, ops: Vec::new(), refs: BTreeMap::new() };
        let mut ops = Vec::new();
        for (path, item) in doc.json["paths"].as_object().expect("paths") {
            for (method, op) in item.as_object().expect("a path item") {
                let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("a method");
                let params = op["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| {
                        let at = match p["in"].as_str()? {
                            "path" => In::Path,
                            "query" => In::Query,
                            _ => return None,
                        };
                        let description = p["description"].as_str().unwrap_or_default();
                        let prefix = description
                            .split('`')
                            .find_map(|part| part.strip_suffix("_…"))
                            .filter(|prefix| !prefix.is_empty())
                            .map(str::to_owned);
                        Some(Param {
                            name: p["name"].as_str()?.to_owned(),
                            at,
                            prefix,
                            required: p["required"] == true,
                            example: p.get("example").cloned(),
                        })
                    })
                    .collect();
                let content = &op["requestBody"]["content"]["application/json"];
                let body = content.is_object().then(|| {
                    let outer = doc.resolve(&content["schema"]).clone();
                    // A body with a rule between its fields is `allOf` its own schema and the rule.
                    let schema = match outer["allOf"].as_array().and_then(|parts| parts.first()) {
                        Some(own) => doc.resolve(own).clone(),
                        None => outer.clone(),
                    };
                    let example = match &content["example"] {
                        Value::Null => outer["example"].clone(),
                        example => example.clone(),
                    };
                    Body { example, schema }
                });
                let public = op["security"] == json!([{}]);
                ops.push(Op { method, path: path.clone(), public, params, body });
            }
        }
        doc.ops = ops;
        let mut refs = BTreeMap::new();
        collect_example_refs(&doc.json, false, &mut refs);
        doc.refs = refs;
        doc.apply_exceptions();
        doc
    }

    fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        if let Some(name) = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()) {
            return self.resolve(&self.json["components"]["schemas"][name]);
        }
        if let Some(items) = schema["oneOf"].as_array() {
            let non_null: Vec<&Value> = items.iter().filter(|item| item["type"] != "null").collect();
            if let [only] = non_null.as_slice() {
                return self.resolve(only);
            }
        }
        schema
    }

    /// Applies the exception, failing when it is no longer needed.
    fn apply_exceptions(&mut self) {
        let (method, path, field, _) = EXPENSE_ACTIONS;
        let op = self.ops.iter().find(|op| op.is((method, path))).expect("POST /api/expenses is documented");
        let schema = &op.body.as_ref().expect("it has a body").schema["properties"][field];
        assert!(
            schema.get("enum").is_none() && self.resolve(schema).get("enum").is_none(),
            "the exception for POST /api/expenses is no longer needed: `{field}` has an enum now; remove \
             EXPENSE_ACTIONS from tests/api/probe.rs"
        );
    }

    /// The id prefix of the objects at `{collection}/{id}`.
    fn item_prefix(&self, collection: &str) -> Option<String> {
        let item = format!("{collection}/{{id}}");
        self.ops.iter().filter(|op| op.path == item).find_map(|op| op.path_params().find_map(|p| p.prefix.clone()))
    }

    /// The id prefixes a reference field of `op` points to.
    fn prefixes(&self, op: &Op, name: &str) -> BTreeSet<String> {
        if name == "id" {
            return self.item_prefix(&op.path).into_iter().collect();
        }
        self.field_prefixes(name)
    }

    /// The id prefixes a reference field named `name` points to: from the examples and the
    /// data, else the collection named like it.
    fn field_prefixes(&self, name: &str) -> BTreeSet<String> {
        // (GraphQL writes `leaseId` where a REST body has `lease_id`.)
        if let Some(prefixes) = self.refs.get(name).or_else(|| self.refs.get(&snake(name))) {
            return prefixes.clone();
        }
        // `payment_plan_id` → the collection `/api/payment-plans`.
        let stem: String = ["_ids", "Ids", "_id", "Id"]
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
            .unwrap_or(name)
            .chars()
            .filter(|c| *c != '_')
            .collect::<String>()
            .to_lowercase();
        let mut found = BTreeSet::new();
        for op in &self.ops {
            let Some(collection) = op.path.strip_suffix("/{id}") else { continue };
            let last: String = collection.rsplit('/').next().unwrap_or_default().replace('-', "").to_lowercase();
            let plural = [format!("{stem}s"), format!("{stem}es"), format!("{}ies", stem.trim_end_matches('y'))];
            if last == stem || plural.contains(&last) {
                found.extend(op.path_params().filter_map(|p| p.prefix.clone()));
            }
        }
        found
    }

    /// Variants of a body that has an `id` slot: one per value of its enum property (or of the
    /// exception's).
    fn variants(&self, op: &Op) -> Vec<(String, String)> {
        let Some(body) = &op.body else { return Vec::new() };
        let properties = body.properties();
        if !properties.contains_key("id") {
            return Vec::new();
        }
        let (method, path, field, values) = EXPENSE_ACTIONS;
        if op.is((method, path)) {
            return values.iter().map(|v| (field.to_owned(), (*v).to_owned())).collect();
        }
        let mut variants = Vec::new();
        for (name, schema) in &properties {
            for value in self.resolve(schema)["enum"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                variants.push((name.clone(), value.to_owned()));
            }
        }
        variants
    }
}

/// Field name → id prefixes of every example in the document.
fn collect_example_refs(value: &Value, in_example: bool, refs: &mut BTreeMap<String, BTreeSet<String>>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                if in_example && key != "id" {
                    for id in strings(value) {
                        if let Some(prefix) = id_prefix(id) {
                            refs.entry(key.clone()).or_default().insert(prefix.to_owned());
                        }
                    }
                }
                collect_example_refs(value, in_example || key == "example" || key == "examples", refs);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_example_refs(item, in_example, refs)),
        _ => {}
    }
}

/// A string, or the strings of an array.
fn strings(value: &Value) -> Vec<&str> {
    match value {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Organizations and what they hold

/// Every string an organization's answers held.
#[derive(Default)]
struct Seen {
    /// Ids by prefix, in the order first seen: the first of each is the untouched object
    /// seeding made first.
    ids: BTreeMap<String, Vec<String>>,
    /// Strings by the JSON key they were found under.
    by_key: BTreeMap<String, Vec<String>>,
}

impl Seen {
    fn record(&mut self, value: &Value) {
        self.walk(None, value);
    }

    fn walk(&mut self, key: Option<&str>, value: &Value) {
        match value {
            Value::String(s) => {
                if let Some(prefix) = id_prefix(s) {
                    push_new(self.ids.entry(prefix.to_owned()).or_default(), s);
                }
                if let Some(key) = key {
                    push_new(self.by_key.entry(key.to_owned()).or_default(), s);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| self.walk(key, item)),
            Value::Object(map) => map.iter().for_each(|(k, v)| self.walk(Some(k), v)),
            _ => {}
        }
    }

    fn first(&self, prefix: &str) -> Option<&str> {
        self.ids.get(prefix).and_then(|ids| ids.first()).map(String::as_str)
    }

    fn count(&self) -> usize {
        self.ids.values().map(Vec::len).sum()
    }
}

fn push_new(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

struct Org {
    key: String,
    slug: String,
    hook: Receiver,
    marker: Option<&'static str>,
    seen: Seen,
    /// Id prefix → the create operation that made the first object of it.
    creators: BTreeMap<String, usize>,
    /// Its `Idempotency-Key`s are `{keys}-{n}`: B's probes use the names A's seeding used.
    keys: &'static str,
    sent_keys: AtomicUsize,
}

impl Org {
    async fn new(app: &TestApp, keys: &'static str, marker: Option<&'static str>) -> Org {
        let org = app.org(Plan::Elite).await;
        let slug = orgs::list(app.db()).await.unwrap().into_iter().find(|o| o.id == org.id).expect("listed").slug;
        let mut seen = Seen::default();
        seen.record(&json!({"orgId": org.id}));
        // Console members (their ids are `usr_…`: `/api/members/{userId}`), made as the
        // operator makes them; an owner and a viewer, so the viewer can be changed and removed.
        for (email, role) in [(format!("owner@{keys}.example"), "owner"), (format!("viewer@{keys}.example"), "viewer")]
        {
            let user = users::create_user(app.db(), app.clock(), &org.id, &email, role, "a long enough password")
                .await
                .expect("create a console user");
            seen.record(&json!({"userId": user.id}));
        }
        Org {
            key: org.key,
            slug,
            hook: Receiver::start().await,
            marker,
            seen,
            creators: BTreeMap::new(),
            keys,
            sent_keys: AtomicUsize::new(0),
        }
    }

    /// A documented example made this organization's: example ids replaced by its own of the
    /// same prefix, URLs by its receiver, prose marked (A only).
    fn fill(&self, value: &Value, key: Option<&str>) -> Value {
        match value {
            Value::String(s) => {
                if let Some(own) = id_prefix(s).and_then(|p| self.seen.first(p)) {
                    json!(own)
                } else if key == Some("url") && s.starts_with("http") {
                    json!(self.hook.url)
                } else if let Some(marker) = self.marker.filter(|_| is_prose(s)) {
                    json!(format!("{s} {marker}"))
                } else {
                    value.clone()
                }
            }
            Value::Array(items) => Value::Array(items.iter().map(|item| self.fill(item, key)).collect()),
            Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), self.fill(v, Some(k)))).collect()),
            other => other.clone(),
        }
    }

    /// This organization's own value for a path parameter.
    fn own(&self, param: &Param) -> String {
        if param.name == ORG_SLUG {
            return self.slug.clone();
        }
        let found = match &param.prefix {
            Some(prefix) => self.seen.first(prefix),
            None => self.seen.by_key.get(&param.name).and_then(|v| v.first()).map(String::as_str),
        };
        found.unwrap_or("none").to_owned()
    }

    /// From now on, sends the `Idempotency-Key`s `other` sent (to another organization they
    /// must be new).
    fn reuse_keys_of(&mut self, other: &Org) {
        self.keys = other.keys;
        self.sent_keys = AtomicUsize::new(0);
    }

    fn next_idempotency_key(&self) -> String {
        let n = self.sent_keys.fetch_add(1, Ordering::Relaxed) + 1;
        format!("{}-{n}", self.keys)
    }
}

// ---------------------------------------------------------------------------------------------
// Requests

#[derive(Debug, Clone, PartialEq, Eq)]
enum Slot {
    Path(String),
    Query(String),
    Body(String),
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Slot::Path(name) => write!(f, "path {name}"),
            Slot::Query(name) => write!(f, "query {name}"),
            Slot::Body(name) => write!(f, "body {name}"),
        }
    }
}

#[derive(Debug, Clone)]
struct Req {
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    body: Option<Value>,
    key: Option<String>,
    idempotency_key: Option<String>,
}

impl Req {
    fn url(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.query {
            query.append_pair(name, value);
        }
        format!("{}?{}", self.path, query.finish())
    }

    /// The same request under `/v1` (API routes only).
    fn v1(&self) -> Option<Req> {
        let rest = self.path.strip_prefix("/api/")?;
        Some(Req { path: format!("/v1/{rest}"), ..self.clone() })
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    json: Value,
    text: String,
    replayed: bool,
}

impl Reply {
    fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    fn code(&self) -> &str {
        self.json["code"].as_str().unwrap_or_default()
    }

    fn field(&self) -> &str {
        self.json["field"].as_str().unwrap_or_default()
    }

    /// Status and body, with `value` written `<V>`: what must not depend on whose id it was.
    fn shape(&self, value: &str) -> String {
        format!("{} {}", self.status, without_request_ids(&self.json).to_string().replace(value, "<V>"))
    }

    fn brief(&self) -> String {
        let text: String = self.text.chars().take(300).collect();
        format!("{} {text}", self.status)
    }
}

async fn send(app: &TestApp, req: &Req) -> Reply {
    let mut builder = app.request(req.method.clone(), &req.url(), req.key.as_deref());
    if let Some(body) = &req.body {
        builder = builder.json(body);
    }
    if let Some(key) = &req.idempotency_key {
        builder = builder.header("idempotency-key", key);
    }
    let response = builder.send().await.expect("request sent");
    let status = response.status().as_u16();
    let replayed = response.headers().contains_key("idempotent-replayed");
    let text = response.text().await.expect("a body");
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Reply { status, json, text, replayed }
}

/// Sends requests, [`PARALLEL`] at a time; the replies in the same order.
async fn send_all(app: &TestApp, requests: &[Req]) -> Vec<Reply> {
    stream::iter(requests.iter().map(|req| send(app, req))).buffered(PARALLEL).collect().await
}

/// `op` as `org` would send it: its own ids in the path, required query parameters from
/// their examples, `slot` set to `value`, and `body` (already made).
fn request(op: &Op, org: &Org, slot: Option<(&Slot, &str)>, body: Option<Value>) -> Req {
    let mut path = op.path.clone();
    let mut query = Vec::new();
    for param in &op.params {
        let given = match slot {
            Some((Slot::Path(name) | Slot::Query(name), value)) if *name == param.name => Some(value.to_owned()),
            _ => None,
        };
        match param.at {
            In::Path => {
                let value = given.unwrap_or_else(|| org.own(param));
                path = path.replace(&format!("{{{}}}", param.name), &value);
            }
            In::Query => {
                let example =
                    || param.example.as_ref().map(|e| e.as_str().map_or_else(|| e.to_string(), str::to_owned));
                if let Some(value) = given.or_else(|| if param.required { example() } else { None }) {
                    query.push((param.name.clone(), value));
                }
            }
        }
    }
    let idempotency_key = (op.method == Method::POST && !op.public).then(|| org.next_idempotency_key());
    Req { method: op.method.clone(), path, query, body, key: (!op.public).then(|| org.key.clone()), idempotency_key }
}

/// The op's documented body made `org`'s, if it has one.
fn own_body(op: &Op, org: &Org) -> Option<Value> {
    op.body.as_ref().map(|body| org.fill(&body.example, None))
}

// ---------------------------------------------------------------------------------------------
// The world: an app, the document, and the two organizations

struct World {
    app: TestApp,
    doc: Doc,
    a: Org,
    b: Org,
    /// A's ids, to look for in answers to B.
    a_ids: BTreeSet<String>,
    failures: Vec<String>,
}

fn settings(s: &mut gable::config::Settings) {
    for plan in [&mut s.plans.starter, &mut s.plans.grow, &mut s.plans.elite] {
        plan.key_per_minute = 1_000_000_000;
        plan.key_per_hour = 1_000_000_000;
        plan.org_per_minute = 1_000_000_000;
    }
    s.rate_limit_classes.clear();
    s.public_per_ip_per_minute = 1_000_000_000;
    s.webhooks.allowed_subnets = List(vec!["127.0.0.0/8".parse().unwrap()]);
    // `GET /api/events/stream` answers like any operation, then ends soon enough to be read whole.
    s.webhooks.stream_max_duration = gable::config::Span(std::time::Duration::from_millis(200));
}

impl World {
    /// Starts the app (the clock stopped, webhooks delivered only when drained) and seeds B.
    async fn start() -> World {
        let app = spawn_without_workers(settings).await;
        app.clock().freeze_at(app.clock().now_ms());
        let doc = Doc::load();
        let a = Org::new(&app, "seed", Some(MARKER)).await;
        let b = Org::new(&app, "b-seed", None).await;
        let mut world = World { app, doc, a, b, a_ids: BTreeSet::new(), failures: Vec::new() };
        world.seed(false).await;
        world
    }

    fn org(&mut self, a: bool) -> &mut Org {
        if a { &mut self.a } else { &mut self.b }
    }

    fn fail(&mut self, message: String) {
        self.failures.push(message);
    }

    /// Creates an object of every kind in A (`a`) or B, then its actions' results and side
    /// effects, and reads everything back.
    async fn seed(&mut self, a: bool) {
        let creates: Vec<usize> = (0..self.doc.ops.len()).filter(|&i| self.doc.ops[i].is_create()).collect();
        let mut pending = creates;
        loop {
            let mut retry = Vec::new();
            let mut progress = false;
            for i in pending {
                let reply = self.create(a, i).await;
                if reply.ok() {
                    progress = true;
                } else if reply.status == 404 {
                    retry.push(i);
                }
            }
            if !progress || retry.is_empty() {
                break;
            }
            pending = retry;
        }
        // Each action on a fresh copy of its object; those without a create (deliveries) once
        // the objects they act on exist.
        let actions: Vec<usize> =
            (0..self.doc.ops.len()).filter(|&i| self.doc.ops[i].action_prefix().is_some()).collect();
        let mut later = Vec::new();
        for i in actions {
            if !self.act(a, i, true).await {
                later.push(i);
            }
        }
        let today = Date::of_ms(self.app.clock().now_ms());
        gable::jobs::run_rent(&self.app.state, today).await.expect("the rent scheduler runs");
        gable::jobs::drain_webhooks(&self.app.state).await.expect("the webhook queue drains");
        self.crawl(a).await;
        for i in later {
            self.act(a, i, false).await;
        }
        gable::jobs::drain_webhooks(&self.app.state).await.expect("the webhook queue drains");
        self.crawl(a).await;
        if a {
            self.a_ids = self.a.seen.ids.values().flatten().filter(|id| !self.b.seen_id(id)).cloned().collect();
        }
        // What the data says a reference field points to, for fields no example shows.
        for org in [&self.a, &self.b] {
            for (key, values) in &org.seen.by_key {
                if key != "id" && is_reference(key) {
                    for prefix in values.iter().filter_map(|v| id_prefix(v)) {
                        self.doc.refs.entry(key.clone()).or_default().insert(prefix.to_owned());
                    }
                }
            }
        }
    }

    /// Sends a create operation as the organization's own and records what it answered.
    async fn create(&mut self, a: bool, i: usize) -> Reply {
        let op = &self.doc.ops[i];
        let org = if a { &mut self.a } else { &mut self.b };
        let body = own_body(op, org);
        let req = request(op, org, None, body);
        let reply = send(&self.app, &req).await;
        if reply.ok() {
            org.seen.record(&reply.json);
            if reply.status == 201
                && let Some(prefix) = reply.json["id"].as_str().and_then(id_prefix)
            {
                org.creators.entry(prefix.to_owned()).or_insert(i);
            }
        }
        reply
    }

    /// Applies action `i` to a fresh copy of its object (`fresh`), or to the first one there is.
    /// False when there is none yet.
    async fn act(&mut self, a: bool, i: usize, fresh: bool) -> bool {
        let prefix = self.doc.ops[i].action_prefix().unwrap().to_owned();
        let creator = self.org(a).creators.get(&prefix).copied();
        let id = match creator {
            Some(creator) if fresh => {
                let copy = self.create(a, creator).await;
                copy.json["id"].as_str().map(str::to_owned)
            }
            None if fresh => return false,
            _ => self.org(a).seen.first(&prefix).map(str::to_owned),
        };
        let Some(id) = id else { return false };
        let op = &self.doc.ops[i];
        let org = if a { &mut self.a } else { &mut self.b };
        let body = own_body(op, org);
        let slot = Slot::Path(op.path_params().find(|p| p.prefix.is_some()).unwrap().name.clone());
        let req = request(op, org, Some((&slot, &id)), body);
        let reply = send(&self.app, &req).await;
        if reply.ok() {
            org.seen.record(&reply.json);
        }
        true
    }

    /// Reads every list, and every object by id, until nothing new turns up.
    async fn crawl(&mut self, a: bool) {
        let mut done: BTreeSet<String> = BTreeSet::new();
        loop {
            let mut requests = Vec::new();
            for op in self.doc.ops.iter().filter(|op| op.method == Method::GET) {
                let org = if a { &self.a } else { &self.b };
                let param = op.path_params().find(|p| p.name != ORG_SLUG);
                let values: Vec<Option<String>> = match param {
                    None => vec![None],
                    Some(p) => match &p.prefix {
                        Some(prefix) => {
                            org.seen.ids.get(prefix).cloned().unwrap_or_default().into_iter().map(Some).collect()
                        }
                        None => {
                            org.seen.by_key.get(&p.name).cloned().unwrap_or_default().into_iter().map(Some).collect()
                        }
                    },
                };
                for value in values {
                    let slot = param.map(|p| Slot::Path(p.name.clone()));
                    let req = request(op, org, slot.as_ref().zip(value.as_deref()), None);
                    if done.insert(req.url()) {
                        requests.push(req);
                    }
                }
            }
            if requests.is_empty() {
                return;
            }
            for reply in send_all(&self.app, &requests).await {
                if reply.ok() {
                    self.org(a).seen.record(&reply.json);
                }
            }
        }
    }

    /// Every read `org` can make without naming the other's objects, by operation: its own ids
    /// in the path, no optional parameters.
    async fn reads(&self, a: bool) -> BTreeMap<String, String> {
        let org = if a { &self.a } else { &self.b };
        let gets = self.doc.ops.iter().filter(|op| op.method == Method::GET);
        let requests: Vec<Req> = gets.map(|op| request(op, org, None, None)).collect();
        let replies = send_all(&self.app, &requests).await;
        requests.iter().zip(replies).map(|(req, reply)| (format!("GET {}", req.url()), reply.shape("\u{0}"))).collect()
    }

    /// What in an answer to B comes from A: its ids (but those B sent) or its marker.
    fn leak(&self, reply: &Reply, sent: &[&str]) -> Option<String> {
        let mut text = reply.text.clone();
        for value in sent {
            text = text.replace(value, "");
        }
        if text.to_lowercase().contains(&MARKER.to_lowercase()) {
            return Some(format!("A's marker {MARKER:?}"));
        }
        self.a_ids.iter().find(|id| text.contains(id.as_str())).map(|id| format!("A's id {id}"))
    }
}

impl Org {
    fn seen_id(&self, id: &str) -> bool {
        id_prefix(id).is_some_and(|p| self.seen.ids.get(p).is_some_and(|ids| ids.iter().any(|i| i == id)))
    }
}

// ---------------------------------------------------------------------------------------------
// REST

/// One slot of an operation and what it may hold.
#[derive(Clone)]
struct SlotSpec {
    slot: Slot,
    name: String,
    prefixes: BTreeSet<String>,
    plural: bool,
    /// `startingAfter`: a position, not a reference; only the no-A-data rule applies.
    cursor: bool,
}

fn slots(doc: &Doc, op: &Op) -> Vec<SlotSpec> {
    let mut slots = Vec::new();
    for param in &op.params {
        let spec = |slot: Slot, prefixes: BTreeSet<String>, cursor: bool| SlotSpec {
            slot,
            name: param.name.clone(),
            prefixes,
            plural: false,
            cursor,
        };
        match param.at {
            In::Path if param.name != ORG_SLUG => {
                slots.push(spec(Slot::Path(param.name.clone()), param.prefix.iter().cloned().collect(), false));
            }
            In::Query if is_reference(&param.name) => {
                slots.push(spec(Slot::Query(param.name.clone()), doc.prefixes(op, &param.name), false));
            }
            In::Query if param.name == "startingAfter" => {
                slots.push(spec(
                    Slot::Query(param.name.clone()),
                    doc.item_prefix(&op.path).into_iter().collect(),
                    true,
                ));
            }
            _ => {}
        }
    }
    if let Some(body) = &op.body {
        let properties = body.properties();
        let mut names: Vec<String> = properties.keys().cloned().collect();
        names.extend(body.example.as_object().into_iter().flat_map(|e| e.keys().cloned()));
        let mut seen = BTreeSet::new();
        for name in names.into_iter().filter(|n| is_reference(n)) {
            if seen.insert(name.clone()) {
                slots.push(SlotSpec {
                    slot: Slot::Body(name.clone()),
                    prefixes: doc.prefixes(op, &name),
                    plural: is_plural_reference(&name) || properties.get(&name).is_some_and(|s| s["type"] == "array"),
                    name,
                    cursor: false,
                });
            }
        }
    }
    slots
}

/// A's values for a slot: its first id of each prefix, or (readable ids, slugs) its marked
/// values under that name, else its marked readable ids.
fn candidates(a: &Org, spec: &SlotSpec) -> Vec<String> {
    if spec.cursor || !spec.prefixes.is_empty() {
        return spec.prefixes.iter().filter_map(|p| a.seen.first(p)).map(str::to_owned).collect();
    }
    let marked = |key: &str| -> Vec<String> {
        let marker = MARKER.to_lowercase();
        let values = a.seen.by_key.get(key).into_iter().flatten();
        values.filter(|v| id_prefix(v).is_none() && v.to_lowercase().contains(&marker)).take(3).cloned().collect()
    };
    let own = marked(&spec.name);
    if own.is_empty() { marked("id") } else { own }
}

fn set_in_body(body: &mut Map<String, Value>, spec: &SlotSpec, value: &str) {
    body.insert(spec.name.clone(), if spec.plural { json!([value]) } else { json!(value) });
}

#[derive(Default)]
struct Tally {
    operations: usize,
    plain: usize,
    probes: usize,
    requests: usize,
    /// Slots whose missing value was not looked up (not a 404).
    unexercised: Vec<String>,
}

/// One slot of one operation to send A's value in.
struct Job {
    op: usize,
    spec: SlotSpec,
    value: String,
    /// A field and value the body needs for the slot to mean something (`action`).
    variant: Option<(String, String)>,
}

/// What one probe found.
#[derive(Default)]
struct Outcome {
    problems: Vec<String>,
    requests: usize,
    unexercised: Option<String>,
}

impl World {
    fn add(&mut self, tally: &mut Tally, outcome: Outcome) {
        tally.probes += 1;
        tally.requests += outcome.requests;
        tally.unexercised.extend(outcome.unexercised);
        self.failures.extend(outcome.problems);
    }

    /// Calls every operation with B's key as described in the module docs.
    async fn probe_rest(&mut self, tally: &mut Tally) {
        let mut jobs = Vec::new();
        for i in 0..self.doc.ops.len() {
            let op = &self.doc.ops[i];
            tally.operations += 1;
            let mut probed = false;
            for spec in slots(&self.doc, op) {
                let mut values = candidates(&self.a, &spec);
                if spec.cursor && spec.prefixes.is_empty() {
                    // A list without an item route (events, deliveries): A's newest item.
                    let reply = send(&self.app, &request(op, &self.a, None, None)).await;
                    values = reply.json[0]["id"].as_str().map(str::to_owned).into_iter().collect();
                }
                if values.is_empty() {
                    let (label, slot, prefixes) = (op.label(), spec.slot.to_string(), spec.prefixes.clone());
                    self.failures.push(format!(
                        "{label}: A has nothing to put in {slot} (prefixes {prefixes:?}); seeding must make one"
                    ));
                    continue;
                }
                let variants = match spec.slot {
                    Slot::Body(_) if spec.name == "id" => self.doc.variants(op).into_iter().map(Some).collect(),
                    _ => vec![None],
                };
                for value in &values {
                    for variant in &variants {
                        jobs.push(Job { op: i, spec: spec.clone(), value: value.clone(), variant: variant.clone() });
                        probed = true;
                    }
                }
            }
            if !probed {
                let req = request(op, &self.b, None, own_body(op, &self.b));
                let reply = send(&self.app, &req).await;
                tally.plain += 1;
                tally.requests += 1;
                self.judge_plain(&req, &reply);
            }
        }
        let outcomes: Vec<Outcome> =
            stream::iter(jobs.iter().map(|job| self.probe_slot(job))).buffer_unordered(PARALLEL).collect().await;
        for outcome in outcomes {
            self.add(tally, outcome);
        }
    }

    fn judge_plain(&mut self, req: &Req, reply: &Reply) {
        let at = format!("{} {} (B's own)", req.method, req.url());
        if reply.status >= 500 {
            self.fail(format!("{at}: {}", reply.brief()));
        }
        if let Some(leak) = self.leak(reply, &[]) {
            self.fail(format!("{at} answered B with {leak}: {}", reply.brief()));
        }
        if reply.replayed {
            self.fail(format!("{at}: B got a replayed response"));
        }
    }

    /// Sends a slot with A's value and with a missing one (and A's under `/v1`), and judges.
    async fn probe_slot(&self, job: &Job) -> Outcome {
        let Job { op, spec, value, variant } = job;
        let op = &self.doc.ops[*op];
        let value = value.as_str();
        let absent = missing(value);
        let mut label = format!("{} [{} = {value}]", op.label(), spec.slot);
        if let Some((field, v)) = variant {
            label = format!("{label} {{{field}: {v}}}");
        }
        let mut outcome = Outcome::default();
        // B's body, with the slot set; for a body slot, fields that get in the way of looking
        // the reference up (400 naming another field) are dropped, with the missing value.
        let mut base: Option<Map<String, Value>> =
            own_body(op, &self.b).map(|b| b.as_object().cloned().unwrap_or_default());
        if let (Some(base), Some((field, v))) = (base.as_mut(), variant) {
            base.insert(field.clone(), json!(v));
        }
        let with = |base: &Option<Map<String, Value>>, v: &str| -> Option<Value> {
            base.clone().map(|mut body| {
                if matches!(spec.slot, Slot::Body(_)) {
                    set_in_body(&mut body, spec, v);
                }
                Value::Object(body)
            })
        };
        let reply_missing = loop {
            let reply = send(&self.app, &request(op, &self.b, Some((&spec.slot, &absent)), with(&base, &absent))).await;
            outcome.requests += 1;
            let other = reply.field();
            let blocking = reply.status == 400 && other != spec.name && !other.is_empty();
            match base.as_mut() {
                Some(body) if blocking && matches!(spec.slot, Slot::Body(_)) && outcome.requests < 16 => {
                    if body.remove(other).is_none() {
                        break reply;
                    }
                }
                _ => break reply,
            }
        };
        let req = request(op, &self.b, Some((&spec.slot, value)), with(&base, value));
        let reply = send(&self.app, &req).await;
        let v1 = match req.v1() {
            Some(mut v1) => {
                v1.idempotency_key = v1.idempotency_key.map(|_| self.b.next_idempotency_key());
                Some(send(&self.app, &v1).await)
            }
            None => None,
        };
        outcome.requests += 1 + usize::from(v1.is_some());
        if std::env::var_os("GABLE_PROBE_LOG").is_some() {
            let (a, m) = (&reply, &reply_missing);
            eprintln!("{label}: A's {} {} / missing {} {}", a.status, a.code(), m.status, m.code());
        }

        let problems = &mut outcome.problems;
        for (which, r) in [("A's", Some(&reply)), ("a missing", Some(&reply_missing)), ("/v1 with A's", v1.as_ref())] {
            let Some(r) = r else { continue };
            if r.status >= 500 {
                problems.push(format!("{label}: {which} value: {}", r.brief()));
            }
            if let Some(leak) = self.leak(r, &[value]) {
                problems.push(format!("{label}: {which} value answered B with {leak}: {}", r.brief()));
            }
            if r.replayed {
                problems.push(format!("{label}: {which} value: B got a replayed response (another organization's?)"));
            }
        }
        if !spec.cursor {
            if reply.shape(value) != reply_missing.shape(&absent) {
                problems.push(format!(
                    "{label}: A's value is answered differently from a missing one:\n      A's:     {}\n      missing: {}",
                    reply.brief(),
                    reply_missing.brief()
                ));
            }
            if let Slot::Path(_) = spec.slot
                && reply.status != 404
            {
                problems.push(format!("{label}: addressing A's object by path answered {}, not 404", reply.brief()));
            }
            if op.method != Method::GET && reply.ok() {
                problems.push(format!("{label}: B's write with A's value succeeded: {}", reply.brief()));
            }
            let looked_up = reply_missing.status == 404 || (op.method == Method::GET && reply_missing.ok());
            if !looked_up {
                outcome.unexercised = Some(format!("{label}: {}", reply_missing.brief()));
            }
        }
        if let Some(v1) = &v1
            && v1.shape(value) != reply.shape(value)
        {
            problems.push(format!("{label}: /v1 answers differently: {} vs {}", v1.brief(), reply.brief()));
        }
        outcome
    }

    /// The rule's last part: A's reads, and its receiver, are as they were.
    async fn check_a_unchanged(&mut self, before: &BTreeMap<String, String>, heard: usize) {
        gable::jobs::drain_webhooks(&self.app.state).await.expect("the webhook queue drains");
        let after = self.reads(true).await;
        for (read, answer) in before {
            if after.get(read) != Some(answer) {
                let now = after.get(read).map_or("(not read)", String::as_str);
                self.fail(format!("A's {read} changed under B's probes:\n      before: {answer}\n      after:  {now}"));
            }
        }
        let now = self.a.hook.received().len();
        if now != heard {
            self.fail(format!("A's webhook receiver heard {} requests during B's probes", now - heard));
        }
    }

    /// Seeds A, checking that none of B's reads change.
    async fn seed_a(&mut self) {
        let before = self.reads(false).await;
        self.seed(true).await;
        let after = self.reads(false).await;
        self.compare_b_reads("", &before, &after);
    }

    /// B's reads before and after A's data was made: the same, and without anything of A's.
    fn compare_b_reads(&mut self, what: &str, before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) {
        for (read, answer) in before {
            if after.get(read) != Some(answer) {
                let now = after.get(read).map_or("(not read)", String::as_str);
                self.fail(format!(
                    "B's {what}{read} changed when A's data was made:\n      before: {answer}\n      after:  {now}"
                ));
            }
        }
        for (read, answer) in after {
            let reply = Reply { status: 200, json: Value::Null, text: answer.clone(), replayed: false };
            if let Some(leak) = self.leak(&reply, &[]) {
                self.fail(format!("B's {what}{read} holds {leak}"));
            }
        }
    }

    /// Logs what was covered and fails with every problem found.
    fn finish(mut self, what: &str, tally: Tally, started: std::time::Instant) {
        self.failures.sort();
        for slot in &tally.unexercised {
            self.failures.push(format!(
                "{slot}: B's request with a missing value was not looked up (not a 404), so A's value was not \
                 tested; the probe needs to send this request differently"
            ));
        }
        eprintln!(
            "probe ({what}): {} operations or fields, {} slots probed with A's values, {} sent once as B's own; \
             {} requests; A {} ids, B {} ids; {:.1?}",
            tally.operations,
            tally.probes,
            tally.plain,
            tally.requests,
            self.a.seen.count(),
            self.b.seen.count(),
            started.elapsed(),
        );
        assert!(
            self.failures.is_empty(),
            "{} cross-tenant probe failures ({what}):\n  - {}",
            self.failures.len(),
            self.failures.join("\n  - ")
        );
    }
}

#[tokio::test]
async fn every_operation_treats_another_organizations_ids_as_missing() {
    let started = std::time::Instant::now();
    let mut world = World::start().await;
    world.seed_a().await;
    let a_before = world.reads(true).await;
    let heard = world.a.hook.received().len();

    let mut tally = Tally::default();
    world.b.reuse_keys_of(&world.a);
    world.probe_rest(&mut tally).await;
    world.check_a_unchanged(&a_before, heard).await;
    world.finish("REST", tally, started);
}

// ---------------------------------------------------------------------------------------------
// GraphQL

const INTROSPECTION: &str = "{ __schema { queryType { name } mutationType { name } types { kind name \
    fields { name args { name type { ...T } } type { ...T } } inputFields { name type { ...T } } } } } \
    fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";

/// `ID!`, `[String!]`, … from an introspected type.
fn type_string(ty: &Value) -> String {
    match ty["kind"].as_str() {
        Some("NON_NULL") => format!("{}!", type_string(&ty["ofType"])),
        Some("LIST") => format!("[{}]", type_string(&ty["ofType"])),
        _ => ty["name"].as_str().unwrap_or_default().to_owned(),
    }
}

/// The named type inside lists and non-nulls.
fn named(ty: &Value) -> &str {
    ty["name"].as_str().unwrap_or_else(|| named(&ty["ofType"]))
}

fn is_list(ty: &Value) -> bool {
    match ty["kind"].as_str() {
        Some("NON_NULL") => is_list(&ty["ofType"]),
        Some("LIST") => true,
        _ => false,
    }
}

struct Field {
    name: String,
    mutation: bool,
    /// (name, introspected type)
    args: Vec<(String, Value)>,
    ret: Value,
}

struct Schema {
    types: BTreeMap<String, Value>,
    fields: Vec<Field>,
    /// Object type → the prefix of its ids.
    prefixes: BTreeMap<String, String>,
}

impl Schema {
    fn of(introspection: &Value) -> Schema {
        let schema = &introspection["data"]["__schema"];
        let types: BTreeMap<String, Value> = schema["types"]
            .as_array()
            .expect("introspection lists the types")
            .iter()
            .map(|t| (t["name"].as_str().unwrap().to_owned(), t.clone()))
            .collect();
        let mut fields = Vec::new();
        for (root, mutation) in [(&schema["queryType"]["name"], false), (&schema["mutationType"]["name"], true)] {
            let Some(root) = root.as_str() else { continue };
            for field in types[root]["fields"].as_array().into_iter().flatten() {
                let args = field["args"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| (a["name"].as_str().unwrap().to_owned(), a["type"].clone()))
                    .collect();
                fields.push(Field {
                    name: field["name"].as_str().unwrap().to_owned(),
                    mutation,
                    args,
                    ret: field["type"].clone(),
                });
            }
        }
        Schema { types, fields, prefixes: BTreeMap::new() }
    }

    /// The selection of every field of a type (nothing for a scalar).
    fn selection(&self, name: &str, depth: usize) -> String {
        let ty = &self.types[name];
        // Two levels: a type's fields and its relations' (which go on to other types' relations:
        // deeper, a document would select thousands of fields).
        if ty["kind"] != "OBJECT" || depth > 1 {
            return String::new();
        }
        let fields: Vec<String> = ty["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| {
                let inner = named(&f["type"]);
                let sub = self.selection(inner, depth + 1);
                let object = self.types[inner]["kind"] == "OBJECT";
                (!object || !sub.is_empty()).then(|| format!("{} {sub}", f["name"].as_str().unwrap()))
            })
            .collect();
        format!("{{ {} }}", fields.join(" "))
    }

    /// The object type a field is about: the type its name ends with (`deleteLease` → `Lease`),
    /// else the one it returns.
    fn subject<'a>(&'a self, field: &'a Field) -> &'a str {
        let rest = field.name.trim_start_matches(|c: char| c.is_ascii_lowercase());
        if self.types.contains_key(rest) { rest } else { named(&field.ret) }
    }

    /// The fields of an input type.
    fn input_fields(&self, name: &str) -> Vec<String> {
        let fields = self.types[name]["inputFields"].as_array().into_iter().flatten();
        fields.filter_map(|f| f["name"].as_str().map(str::to_owned)).collect()
    }
}

/// Where a GraphQL slot is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ArgSlot {
    Arg(String),
    Input(String),
}

#[derive(Clone)]
struct GqlSlot {
    slot: ArgSlot,
    name: String,
    prefixes: BTreeSet<String>,
    plural: bool,
    cursor: bool,
}

impl World {
    /// Runs a GraphQL document with B's key.
    async fn graphql(&self, query: &str, variables: Value) -> (Req, Reply) {
        let org = &self.b;
        let req = Req {
            method: Method::POST,
            path: "/graphql".into(),
            query: Vec::new(),
            body: Some(json!({"query": query, "variables": variables})),
            key: Some(org.key.clone()),
            idempotency_key: Some(org.next_idempotency_key()),
        };
        let reply = send(&self.app, &req).await;
        (req, reply)
    }

    /// The documented REST body whose fields are exactly those of a GraphQL input type, made B's.
    fn input_base(&self, schema: &Schema, input_type: &str) -> Map<String, Value> {
        // GraphQL names are the REST names in camelCase.
        let wanted: BTreeSet<String> = schema.input_fields(input_type).into_iter().collect();
        let found = self.doc.ops.iter().filter_map(|op| op.body.as_ref()).find(|body| {
            let keys: BTreeSet<String> = body.properties().keys().map(|key| camel(key)).collect();
            !keys.is_empty() && keys == wanted
        });
        let example = found.and_then(|body| self.b.fill(&body.example, None).as_object().cloned()).unwrap_or_default();
        example.into_iter().map(|(key, value)| (camel(&key), value)).collect()
    }

    fn gql_slots(&self, schema: &Schema, field: &Field) -> Vec<GqlSlot> {
        let subject_prefix: BTreeSet<String> =
            schema.prefixes.get(schema.subject(field)).cloned().into_iter().collect();
        let mut slots = Vec::new();
        for (name, ty) in &field.args {
            let slot = |prefixes, cursor| GqlSlot {
                slot: ArgSlot::Arg(name.clone()),
                name: name.clone(),
                prefixes,
                plural: is_list(ty),
                cursor,
            };
            if name == "id" {
                slots.push(slot(subject_prefix.clone(), false));
            } else if name == "startingAfter" {
                slots.push(slot(subject_prefix.clone(), true));
            } else if is_reference(name) {
                slots.push(slot(self.doc.field_prefixes(name), false));
            } else if name == "input" {
                // An input's own `id` names the object being created (an expense category's
                // readable id), as REST's bodies without action variants: not a reference.
                let inputs = schema.input_fields(named(ty)).into_iter().filter(|n| is_reference(n) && n != "id");
                for input in inputs {
                    slots.push(GqlSlot {
                        slot: ArgSlot::Input(input.clone()),
                        prefixes: self.doc.field_prefixes(&input),
                        plural: is_plural_reference(&input),
                        name: input,
                        cursor: false,
                    });
                }
            }
        }
        slots
    }

    /// The document for a field with all its arguments as variables, and B's values for them.
    fn gql_call(&self, schema: &Schema, field: &Field) -> (String, Map<String, Value>) {
        let declared: Vec<String> =
            field.args.iter().map(|(name, ty)| format!("$v_{name}: {}", type_string(ty))).collect();
        let passed: Vec<String> = field.args.iter().map(|(name, _)| format!("{name}: $v_{name}")).collect();
        let kind = if field.mutation { "mutation" } else { "query" };
        let mut document = kind.to_owned();
        if !declared.is_empty() {
            document = format!("{document}({})", declared.join(", "));
        }
        let mut call = field.name.clone();
        if !passed.is_empty() {
            call = format!("{call}({})", passed.join(", "));
        }
        let document = format!("{document} {{ {call} {} }}", schema.selection(named(&field.ret), 0));
        let mut variables = Map::new();
        let subject = schema.prefixes.get(schema.subject(field));
        for (name, ty) in &field.args {
            if name == "id" {
                let own = subject.and_then(|p| self.b.seen.first(p)).unwrap_or("none");
                variables.insert(format!("v_{name}"), json!(own));
            } else if name == "input" {
                variables.insert(format!("v_{name}"), Value::Object(self.input_base(schema, named(ty))));
            }
        }
        (document, variables)
    }

    /// Every query field as B's own: lists without arguments, objects by B's ids.
    async fn gql_reads(&self, schema: &Schema) -> BTreeMap<String, String> {
        let reads = schema.fields.iter().filter(|f| !f.mutation).map(|field| async move {
            let (document, variables) = self.gql_call(schema, field);
            let (_, reply) = self.graphql(&document, Value::Object(variables)).await;
            (field.name.clone(), reply.shape("\u{0}"))
        });
        stream::iter(reads).buffered(PARALLEL).collect().await
    }

    async fn probe_graphql(&mut self, schema: &Schema, tally: &mut Tally) {
        let mut jobs = Vec::new();
        for (i, field) in schema.fields.iter().enumerate() {
            tally.operations += 1;
            let mut probed = false;
            for spec in self.gql_slots(schema, field) {
                let values: Vec<String> = if spec.prefixes.is_empty() {
                    let as_rest = SlotSpec {
                        slot: Slot::Body(spec.name.clone()),
                        name: spec.name.clone(),
                        prefixes: BTreeSet::new(),
                        plural: false,
                        cursor: false,
                    };
                    candidates(&self.a, &as_rest)
                } else {
                    spec.prefixes.iter().filter_map(|p| self.a.seen.first(p)).map(str::to_owned).collect()
                };
                if values.is_empty() {
                    let (name, slot) = (&field.name, &spec.slot);
                    self.fail(format!("GraphQL {name}: A has nothing to put in {slot:?}; seeding must make one"));
                    continue;
                }
                for value in values {
                    jobs.push((i, spec.clone(), value));
                    probed = true;
                }
            }
            if !probed {
                let (document, variables) = self.gql_call(schema, field);
                let (req, reply) = self.graphql(&document, Value::Object(variables)).await;
                tally.plain += 1;
                tally.requests += 1;
                self.judge_plain(&req, &reply);
            }
        }
        let probes = jobs.iter().map(|(i, spec, value)| self.probe_gql_slot(schema, &schema.fields[*i], spec, value));
        let outcomes: Vec<Outcome> = stream::iter(probes).buffer_unordered(PARALLEL).collect().await;
        for outcome in outcomes {
            self.add(tally, outcome);
        }
    }

    /// Runs a field with A's value in a slot and with a missing one, and judges.
    async fn probe_gql_slot(&self, schema: &Schema, field: &Field, spec: &GqlSlot, value: &str) -> Outcome {
        let label = format!("GraphQL {} [{:?} = {value}]", field.name, spec.slot);
        let absent = missing(value);
        let mut outcome = Outcome::default();
        let (document, mut base) = self.gql_call(schema, field);
        let set = |base: &Map<String, Value>, v: &str| -> Value {
            let v = if spec.plural { json!([v]) } else { json!(v) };
            let mut variables = base.clone();
            match &spec.slot {
                ArgSlot::Arg(name) => {
                    variables.insert(format!("v_{name}"), v);
                }
                ArgSlot::Input(name) => {
                    if let Some(Value::Object(input)) = variables.get_mut("v_input") {
                        input.insert(name.clone(), v);
                    }
                }
            }
            Value::Object(variables)
        };
        let error = |reply: &Reply, key: &str| {
            reply.json["errors"][0]["extensions"][key].as_str().unwrap_or_default().to_owned()
        };
        let reply_missing = loop {
            let reply = self.graphql(&document, set(&base, &absent)).await.1;
            outcome.requests += 1;
            let other = error(&reply, "field");
            let blocking = error(&reply, "code") == "VALIDATION_ERROR" && other != spec.name && !other.is_empty();
            let input = base.get_mut("v_input").and_then(Value::as_object_mut);
            match input {
                Some(input) if blocking && matches!(spec.slot, ArgSlot::Input(_)) && outcome.requests < 16 => {
                    if input.remove(&other).is_none() {
                        break reply;
                    }
                }
                _ => break reply,
            }
        };
        let reply = self.graphql(&document, set(&base, value)).await.1;
        outcome.requests += 1;
        let data = |reply: &Reply| reply.json["data"][&field.name].clone();
        if std::env::var_os("GABLE_PROBE_LOG").is_some() {
            let (a, m) = (&reply, &reply_missing);
            eprintln!("{label}: A's {} {} / missing {} {}", data(a), error(a, "code"), data(m), error(m, "code"));
        }

        let problems = &mut outcome.problems;
        for (which, r) in [("A's", &reply), ("a missing", &reply_missing)] {
            if r.status != 200 || error(r, "code").starts_with("INTERNAL") {
                problems.push(format!("{label}: {which} value: {}", r.brief()));
            }
            if let Some(leak) = self.leak(r, &[value]) {
                problems.push(format!("{label}: {which} value answered B with {leak}: {}", r.brief()));
            }
        }
        if !spec.cursor {
            if reply.shape(value) != reply_missing.shape(&absent) {
                problems.push(format!(
                    "{label}: A's value is answered differently from a missing one:\n      A's:     {}\n      missing: {}",
                    reply.brief(),
                    reply_missing.brief()
                ));
            }
            if field.mutation && reply.json["errors"].as_array().is_none_or(Vec::is_empty) {
                problems.push(format!("{label}: B's mutation with A's value succeeded: {}", reply.brief()));
            }
            // A field that finds one object by this value is null for A's, as for a missing one.
            // (A report filtered by it — `expenseTotals(propertyId)` — answers both with the same
            // empty figures, which the comparison above holds it to.)
            if !field.mutation && !is_list(&field.ret) && !data(&reply).is_null() && data(&reply_missing).is_null() {
                problems.push(format!("{label}: B read A's object: {}", reply.brief()));
            }
            let code = error(&reply_missing, "code");
            if code != "NOT_FOUND" && (field.mutation || !code.is_empty()) {
                outcome.unexercised = Some(format!("{label}: {}", reply_missing.brief()));
            }
        }
        outcome
    }
}

#[tokio::test]
async fn every_graphql_field_treats_another_organizations_ids_as_missing() {
    let started = std::time::Instant::now();
    let mut world = World::start().await;
    let introspection = world.graphql(INTROSPECTION, json!({})).await.1;
    let mut schema = Schema::of(&introspection.json);
    // Each object type's id prefix: from B's lists, else from the type's documented example.
    for field in schema.fields.iter().filter(|f| !f.mutation && is_list(&f.ret)) {
        let (document, variables) = world.gql_call(&schema, field);
        let reply = world.graphql(&document, Value::Object(variables)).await.1;
        let first = &reply.json["data"][&field.name][0]["id"];
        if let Some(prefix) = first.as_str().and_then(id_prefix) {
            schema.prefixes.insert(named(&field.ret).to_owned(), prefix.to_owned());
        }
    }
    for name in schema.types.keys() {
        let example = &world.doc.json["components"]["schemas"][name]["example"]["id"];
        if let Some(prefix) = example.as_str().and_then(id_prefix) {
            schema.prefixes.entry(name.clone()).or_insert_with(|| prefix.to_owned());
        }
    }
    let b_before = world.gql_reads(&schema).await;
    world.seed_a().await;
    let b_after = world.gql_reads(&schema).await;
    world.compare_b_reads("GraphQL ", &b_before, &b_after);
    let a_before = world.reads(true).await;
    let heard = world.a.hook.received().len();

    let mut tally = Tally::default();
    world.b.reuse_keys_of(&world.a);
    world.probe_graphql(&schema, &mut tally).await;
    world.check_a_unchanged(&a_before, heard).await;
    world.finish("GraphQL", tally, started);
}
