//! Calendar dates (`YYYY-MM-DD`): stored as that text, so dates compare as strings in SQL on
//! both backends. Rent is about days and months, not instants.

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type as SchemaType};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use super::values::Value;

/// A calendar date, `YYYY-MM-DD` in JSON and in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(text: &str) -> Result<Date, String> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10)
            .map(Date)
            .ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD)"))
    }

    /// The UTC date of an epoch-milliseconds instant.
    pub fn of_ms(ms: i64) -> Date {
        Date(super::clock::from_ms(ms).date_naive())
    }

    /// The first day of this date's month.
    pub fn month_start(self) -> Date {
        Date(self.0.with_day(1).unwrap_or(self.0))
    }

    /// The last day of this date's month.
    pub fn month_end(self) -> Date {
        let next = self.month_start().0 + Months::new(1);
        Date(next - Days::new(1))
    }

    pub fn days_in_month(self) -> i64 {
        i64::from(self.month_end().0.day())
    }

    /// The first day of the next month.
    pub fn next_month(self) -> Date {
        Date(self.month_start().0 + Months::new(1))
    }

    /// `day` of this date's month, or the month's last day when it is shorter.
    pub fn with_day_clamped(self, day: u32) -> Date {
        let last = self.month_end().0.day();
        Date(self.0.with_day(day.min(last)).unwrap_or(self.0))
    }

    pub fn plus_days(self, days: i64) -> Date {
        Date(self.0 + chrono::Duration::days(days))
    }

    /// Days from `earlier` to this date (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        (self.0 - earlier.0).num_days()
    }

    /// `2026-05`: the month this date is in, as a rent period label.
    pub fn period(self) -> String {
        self.0.format("%Y-%m").to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        let date = Date::parse(&text).map_err(de::Error::custom)?;
        super::clock::check_sane(date.0).map_err(de::Error::custom)?;
        Ok(date)
    }
}

impl PartialSchema for Date {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .pattern(Some(super::clock::DATE_PATTERN))
            .description(Some("A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099"))
            .examples([serde_json::json!("2026-04-01")])
            .into()
    }
}
impl ToSchema for Date {}

crate::decode_via!(Date, text, |text| Ok(Date::parse(text)?));

impl From<Date> for Value {
    fn from(v: Date) -> Value {
        Value::Text(Some(v.to_string()))
    }
}

impl From<Option<Date>> for Value {
    fn from(v: Option<Date>) -> Value {
        Value::Text(v.map(|d| d.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_clamping() {
        let d = Date::parse("2026-02-14").unwrap();
        assert_eq!(d.month_end().to_string(), "2026-02-28");
        assert_eq!(d.days_in_month(), 28);
        assert_eq!(d.with_day_clamped(31).to_string(), "2026-02-28");
        assert_eq!(Date::parse("2026-12-31").unwrap().next_month().to_string(), "2027-01-01");
        assert_eq!(d.period(), "2026-02");
        assert!(Date::parse("2026-2-1").is_err() && Date::parse("2026-02-30").is_err());
    }
}
