//! The overview: the rentals dashboard's figures and the AR aging as a bar chart drawn on the
//! server (SVG, readable without JavaScript), and where to start.

use std::fmt::Write;

use axum::Extension;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde_json::Value;

use super::api::Api;
use super::session::Session;
use super::views::{self, Page};

const BUCKETS: [&str; 4] = ["0-30", "31-60", "61-90", "90+"];

pub async fn page(Extension(api): Extension<Api>, session: Session) -> Response {
    let dashboard = api.get(&session.auth, "/dashboard").await;
    let keys = api.get(&session.auth, "/keys?limit=100&revoked=false").await;
    let endpoints = api.get(&session.auth, "/webhooks?limit=100").await;
    let d = &dashboard.json;
    let body = html! {
        h1 { "Overview" }
        p.lead { (session.org_name) }
        @if dashboard.ok() {
            div.kpis {
                (kpi("Occupancy", &percent(&d["occupancy"]["rate"]), &format!("{} of {} units", d["occupancy"]["occupied"], d["occupancy"]["units"])))
                (kpi("Rent charged", &dollars(&d["rent_charged_usd"]), &format!("Due in {}", d["month"].as_str().unwrap_or_default())))
                (kpi("Rent collected", &dollars(&d["rent_collected_usd"]), "This month"))
                (kpi("Net operating income", &dollars(&d["noi_usd"]), "This month"))
                (kpi("Open work orders", &d["open_work_orders"].to_string(), "Not completed"))
            }
            div.card {
                h2 { "Outstanding rent by age" }
                @if d["outstanding_ar"]["total"].as_f64().unwrap_or(0.0) > 0.0 {
                    (views::trusted(aging_chart(&d["outstanding_ar"])))
                } @else {
                    p.empty { "No rent is outstanding. Charges appear here once a signed lease's rent is due." }
                }
            }
        } @else {
            div.card { h2 { "Rentals" } (views::error(&dashboard.message())) }
        }
        div.card {
            h2 { "Getting started" }
            ol {
                li {
                    a href="/console/settings/developer/keys" { "Create an API key" }
                    @if keys.ok() { " — " (keys.items().len()) " active" }
                }
                li {
                    a href="/console/settings/developer/webhooks" { "Add a webhook endpoint" }
                    @if endpoints.ok() { " — " (endpoints.items().len()) " configured" }
                }
                li { "Read the API reference at " a href="/docs" { "/docs" } " and watch " a href="/console/events" { "events" } " arrive." }
            }
        }
    };
    Page(StatusCode::OK, views::page(&session, "Overview", "/console/overview", body)).into_response()
}

fn kpi(label: &str, value: &str, note: &str) -> maud::Markup {
    html! { div.kpi { div.label { (label) } div.value { (value) } div.muted { (note) } } }
}

fn dollars(value: &Value) -> String {
    let amount = value.as_f64().unwrap_or(0.0);
    let whole = amount.round() as i64;
    let digits = whole.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}${grouped}", if whole < 0 { "−" } else { "" })
}

fn percent(value: &Value) -> String {
    format!("{:.1}%", value.as_f64().unwrap_or(0.0) * 100.0)
}

/// A horizontal bar per aging bucket, with its amount; numbers only, so nothing to escape.
fn aging_chart(totals: &Value) -> String {
    let amounts: Vec<f64> = BUCKETS.iter().map(|b| totals[*b].as_f64().unwrap_or(0.0)).collect();
    let max = amounts.iter().copied().fold(0.0_f64, f64::max);
    let (width, bar_height, gap, label_width) = (560.0, 26.0, 10.0, 90.0);
    let height = (bar_height + gap) * BUCKETS.len() as f64;
    let mut svg = format!(
        r#"<svg class="chart" role="img" aria-labelledby="aging-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}"><title id="aging-title">Outstanding rent by days late: {}</title>"#,
        BUCKETS
            .iter()
            .zip(&amounts)
            .map(|(b, a)| format!("{b} days {}", dollars(&Value::from(*a))))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (i, (bucket, amount)) in BUCKETS.iter().zip(&amounts).enumerate() {
        let y = i as f64 * (bar_height + gap);
        let bar = if max > 0.0 { (width - label_width - 110.0) * amount / max } else { 0.0 };
        let _ = write!(
            svg,
            r##"<text x="0" y="{ty}">{bucket} days</text><rect x="{label_width}" y="{y}" width="{bar:.1}" height="{bar_height}" rx="4" fill="#1d4ed8"></rect><text x="{tx:.1}" y="{ty}">{}</text>"##,
            dollars(&Value::from(*amount)),
            ty = y + 17.0,
            tx = label_width + bar + 8.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_chart() {
        assert_eq!(dollars(&Value::from(1234567.4)), "$1,234,567");
        assert_eq!(dollars(&Value::from(0)), "$0");
        let svg = aging_chart(&serde_json::json!({"0-30": 100, "31-60": 50, "61-90": 0, "90+": 0}));
        assert!(svg.starts_with("<svg") && svg.contains("0-30 days $100") && svg.ends_with("</svg>"), "{svg}");
    }
}
