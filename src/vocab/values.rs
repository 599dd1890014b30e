//! Value types shared by the resources: how each is stored (text, integers and doubles only),
//! how it looks in JSON, and how it is documented.
//!
//! - [`Money`]: integer cents inside, dollars in JSON (`4500000`, `1825.5`).
//! - [`Timestamp`]: epoch milliseconds inside, RFC 3339 UTC with milliseconds in JSON.
//! - [`Flag`]: a boolean stored as 0/1.
//! - [`StringList`]: a list of strings stored as JSON text.
//! - [`text_enum!`](crate::text_enum): enums stored as their documented text.
//! - [`Value`]: one column's value, for the generic insert and update statements.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Timelike, Utc};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use utoipa::openapi::schema::{ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type as SchemaType};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use super::clock::from_ms;

/// A column value for a generic statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Real(Option<f64>),
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(Some(v))
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(Some(v.to_owned()))
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Value {
        Value::Text(v)
    }
}
impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Some(v))
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Value {
        Value::Int(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Int(Some(i64::from(v)))
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Real(Some(v))
    }
}
impl From<Option<f64>> for Value {
    fn from(v: Option<f64>) -> Value {
        Value::Real(v)
    }
}

/// Implements `sqlx::Type` and `sqlx::Decode` on every backend for a type stored as another:
/// `decode_via!(Money, i64, |cents| …)`, or `decode_via!(Date, text, |text| …)` for a type
/// stored as `TEXT` (decoded from the borrowed `&str`).
#[macro_export]
macro_rules! decode_via {
    ($ty:ty, text, |$v:ident| $convert:expr) => {
        $crate::decode_via!(@type $ty, String);
        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $ty
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(value: <DB as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let $v = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                $convert
            }
        }
    };
    ($ty:ty, $storage:ty, |$v:ident| $convert:expr) => {
        $crate::decode_via!(@type $ty, $storage);
        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $ty
        where
            $storage: sqlx::Decode<'r, DB>,
        {
            fn decode(value: <DB as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let $v = <$storage as sqlx::Decode<'r, DB>>::decode(value)?;
                $convert
            }
        }
    };
    (@type $ty:ty, $storage:ty) => {
        impl<DB: sqlx::Database> sqlx::Type<DB> for $ty
        where
            $storage: sqlx::Type<DB>,
        {
            fn type_info() -> <DB as sqlx::Database>::TypeInfo {
                <$storage as sqlx::Type<DB>>::type_info()
            }
            fn compatible(ty: &<DB as sqlx::Database>::TypeInfo) -> bool {
                <$storage as sqlx::Type<DB>>::compatible(ty)
            }
        }
    };
}

/// An amount of money: integer cents inside, dollars (at most two decimals) in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Money(pub i64);

/// The largest amount accepted: ten billion dollars.
const MAX_CENTS: i64 = 1_000_000_000_000;

impl Money {
    pub fn cents(self) -> i64 {
        self.0
    }

    pub fn from_dollars(dollars: f64) -> Result<Money, String> {
        if !dollars.is_finite() {
            return Err("must be a finite number".into());
        }
        let product = dollars * 100.0;
        let cents = product.round();
        // Two decimals, up to the float's own rounding: a few units in the last place of the
        // product (0.07 × 100 is 7.000000000000001; 1e-38 is not a cent amount).
        if (product - cents).abs() > product.abs() * f64::EPSILON * 4.0 {
            return Err("must have at most two decimal places".into());
        }
        if cents.abs() > MAX_CENTS as f64 {
            return Err("is too large".into());
        }
        Ok(Money(cents as i64))
    }

    pub fn dollars(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// `rate_percent` of this amount, rounded half away from zero to the cent.
    pub fn percent(self, rate_percent: f64) -> Money {
        Money((self.0 as f64 * rate_percent / 100.0).round() as i64)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            serializer.serialize_i64(self.0 / 100)
        } else {
            serializer.serialize_f64(self.dollars())
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let dollars = f64::deserialize(deserializer)?;
        Money::from_dollars(dollars).map_err(de::Error::custom)
    }
}

/// The schema of an amount of [`Money`] sent in a request: at most ten billion dollars, and at
/// least (or, `exclusive`, more than) `minimum`.
fn money_schema(minimum: f64, exclusive: bool, description: &str) -> RefOr<Schema> {
    let builder = money_builder(description).maximum(Some((MAX_CENTS / 100) as f64));
    let builder = if exclusive { builder.exclusive_minimum(Some(minimum)) } else { builder.minimum(Some(minimum)) };
    builder.into()
}

fn money_builder(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::Number)
        .multiple_of(Some(0.01))
        .description(Some(description))
        .examples([serde_json::json!(1825.5)])
}

/// As returned: a sum (a plan's total, an aging bucket) may exceed what one request may send.
impl PartialSchema for Money {
    fn schema() -> RefOr<Schema> {
        money_builder("US dollars, at most two decimal places").into()
    }
}
impl ToSchema for Money {}

/// How the OpenAPI document names a [`Money`] field sent in a request that may be negative
/// (`#[schema(value_type = SignedMoney)]`): within ten billion dollars either way.
pub struct SignedMoney;

impl PartialSchema for SignedMoney {
    fn schema() -> RefOr<Schema> {
        money_schema(-((MAX_CENTS / 100) as f64), false, "US dollars, at most two decimal places")
    }
}
impl ToSchema for SignedMoney {}

/// How the OpenAPI document names a [`Money`] field that must not be negative
/// (`#[schema(value_type = NonNegativeMoney)]`); the field's validation says the same.
pub struct NonNegativeMoney;

impl PartialSchema for NonNegativeMoney {
    fn schema() -> RefOr<Schema> {
        money_schema(0.0, false, "US dollars, at most two decimal places, not negative")
    }
}
impl ToSchema for NonNegativeMoney {}

/// How the OpenAPI document names a [`Money`] field that must be more than zero
/// (`#[schema(value_type = PositiveMoney)]`).
pub struct PositiveMoney;

impl PartialSchema for PositiveMoney {
    fn schema() -> RefOr<Schema> {
        money_schema(0.0, true, "US dollars, at most two decimal places, more than zero")
    }
}
impl ToSchema for PositiveMoney {}

decode_via!(Money, i64, |cents| Ok(Money(cents)));

impl From<Money> for Value {
    fn from(v: Money) -> Value {
        Value::Int(Some(v.0))
    }
}
impl From<Option<Money>> for Value {
    fn from(v: Option<Money>) -> Value {
        Value::Int(v.map(|m| m.0))
    }
}

/// An instant: epoch milliseconds inside, RFC 3339 UTC with milliseconds in JSON. Input may
/// carry any offset (it is converted to UTC) or be a bare date (midnight UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn ms(self) -> i64 {
        self.0
    }

    pub fn to_datetime(self) -> DateTime<Utc> {
        from_ms(self.0)
    }

    pub fn parse(text: &str) -> Result<Timestamp, String> {
        if let Ok(at) = DateTime::parse_from_rfc3339(text) {
            return Ok(Timestamp(at.timestamp_millis()));
        }
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Timestamp(date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().timestamp_millis()));
        }
        Err(format!("`{text}` is not an RFC 3339 date-time (e.g. 2025-01-15T10:30:00Z) or a date (2025-01-15)"))
    }

    pub fn plus_minutes(self, minutes: i64) -> Timestamp {
        Timestamp(self.0 + minutes * 60_000)
    }
}

impl Timestamp {
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` written into `buf` without allocating (every list row has
    /// two); `None` outside years 0–9999, which chrono then formats.
    fn rfc3339(self, buf: &mut [u8; 24]) -> Option<&str> {
        let at = self.to_datetime();
        let year = u32::try_from(at.year()).ok().filter(|y| *y <= 9999)?;
        let fields = [
            (0, 4, year),
            (5, 2, at.month()),
            (8, 2, at.day()),
            (11, 2, at.hour()),
            (14, 2, at.minute()),
            (17, 2, at.second()),
            (20, 3, at.timestamp_subsec_millis().min(999)),
        ];
        *buf = *b"0000-00-00T00:00:00.000Z";
        for (start, width, mut value) in fields {
            for i in (start..start + width).rev() {
                buf[i] = b'0' + (value % 10) as u8;
                value /= 10;
            }
        }
        std::str::from_utf8(buf).ok()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.rfc3339(&mut [0; 24]) {
            Some(text) => f.write_str(text),
            None => f.write_str(&self.to_datetime().to_rfc3339_opts(SecondsFormat::Millis, true)),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.rfc3339(&mut [0; 24]) {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        let at = Timestamp::parse(&text).map_err(de::Error::custom)?;
        // The date as written (before conversion to UTC) is what the document's pattern reads.
        let written = text.get(..10).and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
        super::clock::check_sane(written.unwrap_or_else(|| at.to_datetime().date_naive()))
            .map_err(de::Error::custom)?;
        Ok(at)
    }
}

impl PartialSchema for Timestamp {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
            .pattern(Some(super::clock::DATE_TIME_PATTERN))
            .description(Some(
                "RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare date \
                 (`2025-01-15`) is read as midnight UTC.",
            ))
            .examples([serde_json::json!("2025-01-15T10:30:00.000Z")])
            .into()
    }
}
impl ToSchema for Timestamp {}

decode_via!(Timestamp, i64, |ms| Ok(Timestamp(ms)));

impl From<Timestamp> for Value {
    fn from(v: Timestamp) -> Value {
        Value::Int(Some(v.0))
    }
}
impl From<Option<Timestamp>> for Value {
    fn from(v: Option<Timestamp>) -> Value {
        Value::Int(v.map(|t| t.0))
    }
}

/// A boolean stored as 0/1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Flag(pub bool);

impl PartialSchema for Flag {
    fn schema() -> RefOr<Schema> {
        bool::schema()
    }
}
impl ToSchema for Flag {}

decode_via!(Flag, i64, |n| Ok(Flag(n != 0)));

impl From<Flag> for Value {
    fn from(v: Flag) -> Value {
        Value::from(v.0)
    }
}

/// A list of strings stored as JSON text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StringList(pub Vec<String>);

impl PartialSchema for StringList {
    fn schema() -> RefOr<Schema> {
        ArrayBuilder::new().items(ObjectBuilder::new().schema_type(SchemaType::String)).into()
    }
}
impl ToSchema for StringList {}

decode_via!(StringList, text, |text| Ok(StringList(serde_json::from_str(text)?)));

impl From<StringList> for Value {
    fn from(v: StringList) -> Value {
        Value::Text(Some(serde_json::to_string(&v.0).unwrap_or_else(|_| "[]".into())))
    }
}

/// A JSON document stored as text (event payloads, checklists).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JsonText(pub serde_json::Value);

impl PartialSchema for JsonText {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new().into()
    }
}
impl ToSchema for JsonText {}

decode_via!(JsonText, text, |text| Ok(JsonText(serde_json::from_str(text)?)));

impl From<JsonText> for Value {
    fn from(v: JsonText) -> Value {
        Value::Text(Some(v.0.to_string()))
    }
}

/// Serializes an optional number without a fraction as an integer (`4`, not `4.0`).
pub fn compact_number<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => serializer.serialize_i64(*v as i64),
        Some(v) => serializer.serialize_f64(*v),
        None => serializer.serialize_none(),
    }
}

/// Declares an enum stored and serialized as its documented text, with its schema, parsing
/// and column decoding.
// `$text` is a `tt`, not a `literal`: a `literal` fragment reaches the derive inside an
// invisible group, which utoipa's `#[serde(rename = …)]` parser skips, so the OpenAPI
// document (and the GraphQL descriptions) listed the variant names instead of the text.
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:tt),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok(Self::$variant),)+
                    other => Err(format!("unknown value `{other}`")),
                }
            }
        }

        $crate::decode_via!($name, text, |text| Ok(text.parse::<$name>()?));

        impl From<$name> for $crate::vocab::values::Value {
            fn from(v: $name) -> Self {
                $crate::vocab::values::Value::Text(Some(v.as_str().to_owned()))
            }
        }

        impl From<Option<$name>> for $crate::vocab::values::Value {
            fn from(v: Option<$name>) -> Self {
                $crate::vocab::values::Value::Text(v.map(|v| v.as_str().to_owned()))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_cents_inside_and_dollars_outside() {
        let m: Money = serde_json::from_str("1825.5").unwrap();
        assert_eq!(m, Money(182_550));
        assert_eq!(serde_json::to_string(&m).unwrap(), "1825.5");
        assert_eq!(serde_json::to_string(&Money(450_000_000)).unwrap(), "4500000");
        assert!(serde_json::from_str::<Money>("1.005").is_err());
        assert!(serde_json::from_str::<Money>("\"12\"").is_err());
        assert_eq!(Money(100_000).percent(2.5), Money(2_500));
        assert_eq!(Money(333).percent(50.0), Money(167));
    }

    #[test]
    fn every_two_decimal_amount_up_to_the_limit_reads() {
        // What the document promises (`multipleOf: 0.01`, at most ten billion): large amounts
        // too, where the float's product with 100 is off by more than 1e-6.
        for text in ["123456789.07", "9999999999.99", "10000000000", "4321987654.29", "-9999999999.99", "0.07"] {
            let m: Money = serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(serde_json::to_string(&m).unwrap(), text, "{text}");
        }
        assert!(serde_json::from_str::<Money>("9999999999.991").is_err(), "a third decimal");
        assert!(serde_json::from_str::<Money>("1234567890.123").is_err());
        assert!(serde_json::from_str::<Money>("10000000000.01").is_err(), "over the limit");
        assert!(serde_json::from_str::<Money>("1.1754943508222875e-38").is_err(), "not a cent amount");
        assert_eq!(serde_json::from_str::<Money>("0").unwrap(), Money(0));
    }

    #[test]
    fn timestamps_accept_offsets_and_dates() {
        let t: Timestamp = serde_json::from_str("\"2025-01-15T12:30:00+02:00\"").unwrap();
        assert_eq!(t.to_string(), "2025-01-15T10:30:00.000Z");
        let d: Timestamp = serde_json::from_str("\"2025-01-20\"").unwrap();
        assert_eq!(d.to_string(), "2025-01-20T00:00:00.000Z");
        assert!(serde_json::from_str::<Timestamp>("\"next week\"").is_err());
    }

    #[test]
    fn timestamps_print_as_chrono_does() {
        let chrono = |t: Timestamp| t.to_datetime().to_rfc3339_opts(SecondsFormat::Millis, true);
        for ms in [0, 1, 999, 1_736_937_000_123, 253_402_300_799_999, -1, -62_135_596_800_000, 253_402_300_800_000] {
            let t = Timestamp(ms);
            assert_eq!(t.to_string(), chrono(t), "{ms}");
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", chrono(t)), "{ms}");
        }
    }
}
