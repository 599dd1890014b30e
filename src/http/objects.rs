//! Request bodies read as JSON values in which a struct can only come from a JSON object.
//!
//! serde's derived structs also accept an array, filling fields by position: `[null, null]`
//! would clear a PATCH body's first two fields, `["Renamed"]` set its first. No documented
//! body is an array, so [`Objects`] deserializes like `serde_json::Value` does except that
//! `deserialize_struct` accepts only an object — at every depth, because it hands the
//! same wrapper to every nested value.

use serde::de::value::StringDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::Value;

/// A parsed JSON document to deserialize strictly (see the module documentation).
pub struct Objects(pub Value);

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Integers read integral floats too: JSON Schema counts `5.0` as an integer, so a client that
/// writes one (JavaScript's numbers are all floats) is not refused.
macro_rules! integers {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            integral(self.0).$method(visitor)
        })*
    };
}

impl<'de> Deserializer<'de> for Objects {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            Value::Object(entries) => visitor.visit_map(Entries { entries: entries.into_iter(), value: None }),
            scalar => scalar.deserialize_any(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Object(_) => self.deserialize_any(visitor),
            other => Err(de::Error::custom(format!("expected a JSON object, found {}", kind(&other)))),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::String(text) => visitor.visit_enum(StringDeserializer::<serde_json::Error>::new(text)),
            object @ Value::Object(_) => object.deserialize_enum(name, variants, visitor),
            _ => Err(de::Error::custom("expected one of the documented string values")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    integers! { deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 }

    forward_to_deserialize_any! {
        bool i128 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

/// `5.0` as `5`; every other value as it is.
fn integral(value: Value) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: floats beyond it are not exact integers
    match value.as_f64() {
        Some(float) if value.is_f64() && float.fract() == 0.0 && float.abs() <= EXACT => Value::from(float as i64),
        _ => value,
    }
}

struct Items(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Items {
    type Error = serde_json::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Self::Error> {
        self.0.next().map(|item| seed.deserialize(Objects(item))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries {
    entries: serde_json::map::IntoIter,
    value: Option<Value>,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some(value);
        seed.deserialize(StringDeserializer::<serde_json::Error>::new(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        let value = self.value.take().ok_or_else(|| de::Error::custom("a map value was asked for twice"))?;
        seed.deserialize(Objects(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Fee {
        kind: String,
        amount: f64,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Body {
        name: Option<String>,
        fee: Option<Fee>,
        fees: Option<Vec<Fee>>,
    }

    fn parse(value: Value) -> Result<Body, String> {
        Body::deserialize(Objects(value)).map_err(|e| e.to_string())
    }

    #[test]
    fn structs_come_only_from_objects() {
        assert!(serde_json::from_value::<Body>(json!([null, null, null])).is_ok(), "serde alone takes arrays");
        assert!(parse(json!([null, null, null])).unwrap_err().contains("expected a JSON object, found an array"));
        assert!(parse(json!({"fee": ["flat", 5]})).is_err());
        assert!(parse(json!({"fees": [["flat", 5]]})).is_err());
        assert!(parse(json!("Renamed")).is_err());
        let body =
            parse(json!({"name": "x", "fee": {"kind": "flat", "amount": 5}, "fees": [{"kind": "p", "amount": 1.5}]}));
        assert_eq!(
            body.unwrap(),
            Body {
                name: Some("x".into()),
                fee: Some(Fee { kind: "flat".into(), amount: 5.0 }),
                fees: Some(vec![Fee { kind: "p".into(), amount: 1.5 }]),
            }
        );
    }

    #[test]
    fn integers_read_integral_floats_and_nothing_else() {
        #[derive(Debug, Deserialize)]
        struct Counts {
            days: i64,
            limit: Option<u32>,
        }
        let read = |value: Value| Counts::deserialize(Objects(value)).map_err(|e| e.to_string());
        let counts = read(json!({"days": 30.0, "limit": 5.0})).unwrap();
        assert_eq!((counts.days, counts.limit), (30, Some(5)));
        assert!(read(json!({"days": 30.5})).unwrap_err().contains("30.5"));
        assert!(read(json!({"days": 1e300})).is_err(), "not an exact integer");
        assert!(read(json!({"days": 1, "limit": -1.0})).is_err(), "out of range for u32");
        assert!(read(json!({"days": "30"})).is_err());
    }
}
