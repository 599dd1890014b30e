//! The overview: the rentals dashboard's figures and the AR aging as a bar chart, new leads
//! and coming showings, and webhook deliveries per day over 7 days — charts drawn on the
//! server (SVG with a text title, readable without JavaScript) — and where to start.

use std::fmt::Write;

use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde_json::Value;

use super::session::Session;
use super::views::{self, Page};
use crate::http::in_process::Api;
use crate::state::AppState;

const BUCKETS: [&str; 4] = ["0-30", "31-60", "61-90", "90+"];

pub async fn page(State(state): State<AppState>, Extension(api): Extension<Api>, session: Session) -> Response {
    let dashboard = api.get(&session.auth, "/dashboard").await;
    let keys = api.get(&session.auth, "/keys?limit=100&revoked=false").await;
    let endpoints = api.get(&session.auth, "/webhooks?limit=100").await;
    let stats = api.get(&session.auth, "/webhook-deliveries/stats?days=7").await;
    let now = state.clock().now_ms();
    let week_ago = crate::vocab::clock::rfc3339(now - 7 * 86_400_000);
    let leads = api.get(&session.auth, "/leads?limit=100").await;
    let new_leads =
        leads.items().iter().filter(|lead| lead["createdAt"].as_str().is_some_and(|at| *at >= *week_ago)).count();
    let next_week = crate::vocab::clock::rfc3339(now + 7 * 86_400_000);
    let showings = api
        .get(&session.auth, &format!("/showings?limit=100&from={}&to={}", crate::vocab::clock::rfc3339(now), next_week))
        .await;
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
        div.kpis {
            @if leads.ok() {
                (kpi("New leads", &format!("{new_leads}{}", if new_leads == 100 { "+" } else { "" }), "In the last 7 days"))
            }
            @if showings.ok() {
                (kpi("Showings", &format!("{}{}", showings.items().len(), if showings.items().len() == 100 { "+" } else { "" }), "In the next 7 days"))
            }
            @if stats.ok() {
                (kpi("Webhook success", &stats.json["successRate"].as_f64().map_or_else(|| "—".to_owned(), |rate| format!("{:.1}%", rate * 100.0)),
                    &format!("{} delivered, {} failed in 7 days", stats.json["succeeded"], stats.json["failed"])))
            }
        }
        @if stats.ok() {
            div.card {
                h2 { "Webhook deliveries, last 7 days" }
                @if stats.json["succeeded"].as_i64().unwrap_or(0) + stats.json["failed"].as_i64().unwrap_or(0) == 0 {
                    p.empty { "No deliveries in the last 7 days. " a href="/console/settings/developer/webhooks" { "Add an endpoint" } " to receive events." }
                } @else {
                    (views::trusted(delivery_chart(&stats.json["days"])))
                }
            }
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

/// A column per day: succeeded (blue) stacked on failed (red), with the day's success rate.
fn delivery_chart(days: &Value) -> String {
    let days: Vec<(String, f64, f64)> = days
        .as_array()
        .map(|days| {
            days.iter()
                .map(|d| {
                    let date = d["date"].as_str().unwrap_or_default().get(5..).unwrap_or_default().to_owned();
                    (date, d["succeeded"].as_f64().unwrap_or(0.0), d["failed"].as_f64().unwrap_or(0.0))
                })
                .collect()
        })
        .unwrap_or_default();
    let max = days.iter().map(|(_, s, f)| s + f).fold(0.0_f64, f64::max).max(1.0);
    let (column, plot, top) = (72.0, 140.0, 20.0);
    let width = column * days.len() as f64;
    let height = top + plot + 24.0;
    let summary: Vec<String> = days.iter().map(|(date, s, f)| format!("{date}: {s} delivered, {f} failed")).collect();
    let mut svg = format!(
        r#"<svg class="chart" role="img" aria-labelledby="deliveries-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}"><title id="deliveries-title">Webhook deliveries per day: {}</title>"#,
        summary.join("; ")
    );
    for (i, (date, succeeded, failed)) in days.iter().enumerate() {
        let x = i as f64 * column + 14.0;
        let ok_height = plot * succeeded / max;
        let bad_height = plot * failed / max;
        let rate = if succeeded + failed > 0.0 {
            format!("{:.0}%", 100.0 * succeeded / (succeeded + failed))
        } else {
            "—".into()
        };
        let _ = write!(
            svg,
            r##"<rect x="{x}" y="{ok_y:.1}" width="44" height="{ok_height:.1}" fill="#1d4ed8"></rect><rect x="{x}" y="{bad_y:.1}" width="44" height="{bad_height:.1}" fill="#b42318"></rect><text x="{x}" y="{label_y:.1}">{rate}</text><text x="{x}" y="{date_y}">{date}</text>"##,
            ok_y = top + plot - ok_height - bad_height,
            bad_y = top + plot - bad_height,
            label_y = (top + plot - ok_height - bad_height - 4.0).max(12.0),
            date_y = top + plot + 18.0,
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
        let days = serde_json::json!([{"date": "2026-12-04", "succeeded": 3, "failed": 1}, {"date": "2026-12-05", "succeeded": 0, "failed": 0}]);
        let svg = delivery_chart(&days);
        assert!(svg.contains("12-04: 3 delivered, 1 failed") && svg.contains(">75%<"), "{svg}");
    }
}
