//! Lists: filters, cursor pagination and the `Link` header.
//!
//! Every list is newest first by id (ids are time-ordered), `limit` 1–100 (default 50), and
//! `startingAfter=<id>` continues after that object. The body stays a bare JSON array, as
//! documented; when there is more, `Link: </api/…?…&startingAfter=…>; rel="next"` says where.
//! Because the cursor is a range condition on an index that starts with `org_id`, page 1,000
//! costs what page 1 costs.

use axum::http::header::LINK;
use axum::http::{HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use utoipa::IntoParams;

use crate::db::{Record, Scoped};
use crate::http::{json_body, to_json};
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::values::Value;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 100;

/// Pagination parameters of every list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// How many objects to return, 1–100 (default 50).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub limit: Option<i64>,
    /// Return the objects after this id (the last id of the previous page); the `Link`
    /// header's `rel="next"` URL carries it for you.
    pub starting_after: Option<String>,
}

impl Page {
    pub fn limit(&self) -> ApiResult<i64> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(_) => Err(ApiError::validation("limit", "`limit` must be between 1 and 100")),
        }
    }
}

/// The conditions of a list query, in SQL with `?` placeholders numbered when the
/// statement is built (`$1` is always the organization).
#[derive(Debug, Default, Clone)]
pub struct Filters {
    clauses: Vec<String>,
    values: Vec<Value>,
}

impl Filters {
    /// `column = value`, when a value is given.
    pub fn eq(&mut self, column: &'static str, value: Option<impl Into<Value>>) {
        if let Some(value) = value {
            self.raw(format!("{column} = ?"), [value.into()]);
        }
    }

    /// `column >= value`.
    pub fn at_least(&mut self, column: &'static str, value: Option<impl Into<Value>>) {
        if let Some(value) = value {
            self.raw(format!("{column} >= ?"), [value.into()]);
        }
    }

    /// `column <= value`.
    pub fn at_most(&mut self, column: &'static str, value: Option<impl Into<Value>>) {
        if let Some(value) = value {
            self.raw(format!("{column} <= ?"), [value.into()]);
        }
    }

    /// Case-insensitive substring match on any of the columns.
    pub fn search(&mut self, columns: &[&'static str], term: Option<&str>) {
        let Some(term) = term.map(str::trim).filter(|t| !t.is_empty()) else { return };
        let escaped = term.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        let clause: Vec<String> =
            columns.iter().map(|c| format!("LOWER(COALESCE({c}, '')) LIKE ? ESCAPE '\\'")).collect();
        self.raw(format!("({})", clause.join(" OR ")), columns.iter().map(|_| Value::from(pattern.clone())));
    }

    /// Any condition; each `?` takes the next value.
    pub fn raw(&mut self, clause: String, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause);
        self.values.extend(values);
    }

    /// ` AND …` with placeholders numbered from `$first`, and the values in order.
    pub fn render(self, first: usize) -> (String, Vec<Value>) {
        let mut sql = String::new();
        let mut n = first;
        for clause in self.clauses {
            sql.push_str(" AND ");
            for (i, part) in clause.split('?').enumerate() {
                if i > 0 {
                    sql.push_str(&format!("${n}"));
                    n += 1;
                }
                sql.push_str(part);
            }
        }
        (sql, self.values)
    }
}

/// One page of `table` (newest first) and the id to continue after, if there is more.
pub async fn fetch_page<T>(
    scoped: &mut Scoped<'_>,
    table: &str,
    columns: &str,
    mut filters: Filters,
    page: &Page,
    id_of: impl Fn(&T) -> String,
) -> ApiResult<(Vec<T>, Option<String>)>
where
    T: Record,
{
    let limit = page.limit()?;
    if let Some(after) = &page.starting_after {
        filters.raw("id < ?".into(), [Value::from(after.clone())]);
    }
    let (conditions, values) = filters.render(2);
    let limit_param = values.len() + 2;
    let sql =
        format!("SELECT {columns} FROM {table} WHERE org_id = $1{conditions} ORDER BY id DESC LIMIT ${limit_param}");
    let mut statement = scoped.sql(sql);
    for value in values {
        statement = statement.bind_value(value);
    }
    let mut rows: Vec<T> = scoped.fetch_all(statement.bind(limit + 1)).await?;
    let next = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(id_of)
    } else {
        None
    };
    Ok((rows, next))
}

/// The bare JSON array, with a `Link: <…>; rel="next"` header when there is more.
pub fn respond<T: Serialize>(uri: &Uri, records: Vec<T>, next: Option<String>) -> Response {
    // About 500 bytes a record (a property is ~450).
    let json = match to_json(&records, 256 + 512 * records.len()) {
        Ok(json) => json,
        Err(err) => return err.into_response(),
    };
    let mut response = json_body(json);
    if let Some(next) = &next
        && let Ok(value) = HeaderValue::from_str(&format!("<{}>; rel=\"next\"", next_url(uri, next)))
    {
        response.headers_mut().insert(LINK, value);
    }
    response
}

/// The same request with `startingAfter` set to `after`.
fn next_url(uri: &Uri, after: &str) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
        if key != "startingAfter" {
            query.append_pair(&key, &value);
        }
    }
    query.append_pair("startingAfter", after);
    format!("{}?{}", uri.path(), query.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_order() {
        let mut filters = Filters::default();
        filters.eq("status", Some("ACTIVE"));
        filters.search(&["title", "city"], Some("Villa_1"));
        filters.at_least("price", Some(100_i64));
        let (sql, values) = filters.render(2);
        assert_eq!(
            sql,
            " AND status = $2 AND (LOWER(COALESCE(title, '')) LIKE $3 ESCAPE '\\' OR LOWER(COALESCE(city, '')) LIKE $4 ESCAPE '\\') AND price >= $5"
        );
        assert_eq!(values[1], Value::from("%villa\\_1%"));
        assert_eq!(values.len(), 4);
    }

    #[test]
    fn next_links_keep_the_filters() {
        let uri: Uri = "/api/properties?status=ACTIVE&limit=20&startingAfter=prop_B".parse().unwrap();
        assert_eq!(next_url(&uri, "prop_A"), "/api/properties?status=ACTIVE&limit=20&startingAfter=prop_A");
    }
}
