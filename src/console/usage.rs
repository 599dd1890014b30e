//! Settings → Developer → Usage: requests per day and per key, 429s, the busiest routes, and
//! the plan's limits — `GET /api/usage` as the signed-in user.

use std::fmt::Write;

use axum::Extension;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde_json::Value;

use super::developer::refused;
use super::session::Session;
use super::views::{self, Page};
use crate::http::in_process::Api;

pub const USAGE: &str = "/console/settings/developer/usage";

pub async fn page(Extension(api): Extension<Api>, session: Session) -> Response {
    let report = api.get(&session.auth, "/usage?days=7").await;
    if !report.ok() {
        return refused(&session, "Usage", USAGE, &report);
    }
    let r = &report.json;
    let days: Vec<&Value> = r["days"].as_array().map(|d| d.iter().collect()).unwrap_or_default();
    let body = html! {
        h1 { "Usage" }
        p.lead { "API requests in the last 7 days (UTC), counted once a minute." }
        div.kpis {
            div.kpi { div.label { "Requests" } div.value { (r["requests"]) } div.muted { "Last 7 days" } }
            div.kpi { div.label { "Rate limited (429)" } div.value { (r["throttled"]) } div.muted { "Last 7 days" } }
            div.kpi { div.label { "Plan" } div.value { (views::text(&r["plan"])) } div.muted {
                (r["limits"]["keyPerMinute"]) "/min per key · " (r["limits"]["keyPerHour"]) "/hour per key · "
                (r["limits"]["orgPerMinute"]) "/min for the organization" } }
        }
        div.card {
            h2 { "Requests per day" }
            @if r["requests"].as_i64().unwrap_or(0) == 0 {
                p.empty { "No API requests yet. " a href="/console/settings/developer/keys" { "Create a key" } " and call the API." }
            } @else {
                (views::trusted(chart(&days)))
            }
        }
        div.card {
            h2 { "Per key" }
            @let credentials = views::list(&r["credentials"]);
            @if credentials.is_empty() {
                p.empty { "No key has made a request in these 7 days." }
            } @else {
                table {
                    thead { tr { th { "Key" } @for day in &days { th { (day["date"].as_str().unwrap_or_default().get(5..).unwrap_or_default()) } } th { "429s" } } }
                    tbody {
                        @for c in credentials {
                            tr {
                                td { (c["name"].as_str().unwrap_or_default()) br; code { (views::text(&c["principal"])) } }
                                @for n in views::list(&c["perDay"]) { td { (n) } }
                                td { (c["throttled"]) }
                            }
                        }
                    }
                }
            }
        }
        div.card {
            h2 { "Busiest routes" }
            @let routes = views::list(&r["routes"]);
            @if routes.is_empty() {
                p.empty { "Nothing yet." }
            } @else {
                table {
                    thead { tr { th { "Route" } th { "Requests" } th { "429s" } } }
                    tbody { @for route in routes { tr { td { code { (views::text(&route["route"])) } } td { (route["requests"]) } td { (route["throttled"]) } } } }
                }
            }
        }
    };
    Page(StatusCode::OK, views::page(&session, "Usage", USAGE, body)).into_response()
}

/// A column per day: requests, with the 429s in red at the top.
fn chart(days: &[&Value]) -> String {
    let max = days.iter().map(|d| d["requests"].as_f64().unwrap_or(0.0)).fold(1.0_f64, f64::max);
    let (column, plot, top) = (72.0, 140.0, 20.0);
    let width = column * days.len() as f64;
    let height = top + plot + 24.0;
    let summary: Vec<String> = days
        .iter()
        .map(|d| {
            format!(
                "{}: {} requests, {} limited",
                d["date"].as_str().unwrap_or_default(),
                d["requests"],
                d["throttled"]
            )
        })
        .collect();
    let mut svg = format!(
        r#"<svg class="chart" role="img" aria-labelledby="usage-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}"><title id="usage-title">Requests per day: {}</title>"#,
        summary.join("; ")
    );
    for (i, day) in days.iter().enumerate() {
        let requests = day["requests"].as_f64().unwrap_or(0.0);
        let throttled = day["throttled"].as_f64().unwrap_or(0.0);
        let x = i as f64 * column + 14.0;
        let total = plot * requests / max;
        let limited = plot * throttled / max;
        let date = day["date"].as_str().unwrap_or_default().get(5..).unwrap_or_default().to_owned();
        let _ = write!(
            svg,
            r##"<rect x="{x}" y="{y:.1}" width="44" height="{total:.1}" fill="#1d4ed8"></rect><rect x="{x}" y="{y:.1}" width="44" height="{limited:.1}" fill="#b42318"></rect><text x="{x}" y="{label:.1}">{requests}</text><text x="{x}" y="{date_y}">{date}</text>"##,
            y = top + plot - total,
            label = (top + plot - total - 4.0).max(12.0),
            date_y = top + plot + 18.0,
        );
    }
    svg.push_str("</svg>");
    svg
}
