//! Validated contact details: [`Email`] and [`Phone`]. Each has one limit, here, and the only
//! way to make one from input is its constructor, so a record that holds an `Email` holds a
//! checked one. Reading a stored value does not check again (a limit may change; old rows
//! still read).

use std::fmt;

use serde::Serialize;
use utoipa::openapi::schema::{AnyOfBuilder, ObjectBuilder, Type as SchemaType};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use super::error::{ApiError, ApiResult};
use super::values::Value;

/// An email address: trimmed, at most [`Email::MAX`] characters, of an email's shape (one
/// `@`, something before it, a dot after it, no spaces) — a shape check, not a deliverability
/// check.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// RFC 5321's path limit.
    pub const MAX: usize = 254;

    /// `value` as an email address, or a 400 naming `field`.
    pub fn parse(field: &str, value: &str) -> ApiResult<Email> {
        let value = value.trim();
        if value.is_empty() {
            return Err(ApiError::validation(field, format!("`{field}` must not be empty")));
        }
        if value.chars().count() > Self::MAX {
            return Err(ApiError::validation(field, format!("`{field}` must be at most {} characters", Self::MAX)));
        }
        if !is_email(value) {
            return Err(ApiError::validation(field, format!("`{field}` is not an email address")));
        }
        Ok(Email(value.to_owned()))
    }

    /// An optional email address: absent, empty or blank is `None`.
    pub fn optional(field: &str, value: Option<&str>) -> ApiResult<Option<Email>> {
        match value.map(str::trim) {
            None | Some("") => Ok(None),
            Some(value) => Self::parse(field, value).map(Some),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How the document names an optional email field: an [`Email`], or a blank string, which the
/// server reads as absent ([`Email::optional`]).
pub struct OptionalEmail;

impl PartialSchema for OptionalEmail {
    fn schema() -> RefOr<Schema> {
        let blank = ObjectBuilder::new()
            .schema_type(SchemaType::String)
            .pattern(Some(BLANK_PATTERN))
            .description(Some("Blank: the same as absent"));
        AnyOfBuilder::new().item(Email::schema()).item(blank).into()
    }
}
impl ToSchema for OptionalEmail {}

/// Only whitespace (Unicode's White_Space, what the server trims), or nothing.
const BLANK_PATTERN: &str = concat!("^[", crate::white_space_class!(), "]*$");

/// A phone number as people write it: trimmed, at most [`Phone::MAX`] characters (digits with
/// their formatting and an extension, `+1 (555) 010-0100 ext. 1234`). Not parsed further: the
/// spec's examples use many formats.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    pub const MAX: usize = 50;

    /// `value` as a phone number, or a 400 naming `field`.
    pub fn parse(field: &str, value: &str) -> ApiResult<Phone> {
        let value = value.trim();
        if value.is_empty() {
            return Err(ApiError::validation(field, format!("`{field}` must not be empty")));
        }
        if value.chars().count() > Self::MAX {
            return Err(ApiError::validation(field, format!("`{field}` must be at most {} characters", Self::MAX)));
        }
        Ok(Phone(value.to_owned()))
    }

    /// An optional phone number: absent, empty or blank is `None`.
    pub fn optional(field: &str, value: Option<&str>) -> ApiResult<Option<Phone>> {
        match value.map(str::trim) {
            None | Some("") => Ok(None),
            Some(value) => Self::parse(field, value).map(Some),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A character of an email as [`is_email`] takes it: no `@` (nor the `extra` ones), no control
/// character, no whitespace.
macro_rules! email_char {
    () => {
        email_char!("")
    };
    ($extra:literal) => {
        concat!("[^@", $extra, "\\x00-\\x1f\\x7f-\\x9f", crate::white_space_class!(), "]")
    };
}

/// [`is_email`] as the OpenAPI document says it: no whitespace or control characters (each
/// written out, so every regex engine reads the class alike), one `@`, a dot in the domain but
/// not at its ends.
pub const EMAIL_PATTERN: &str = concat!(
    "^",
    email_char!(),
    "+@",
    email_char!("."),
    email_char!(),
    "*\\.",
    email_char!(),
    "*",
    email_char!("."),
    "$"
);

/// A cheap shape check: one `@`, something on each side, a dot after it, no whitespace or
/// control characters.
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.contains(|c: char| c.is_whitespace() || c.is_control())
        && !domain.contains('@')
        && email.chars().count() <= Email::MAX
}

macro_rules! text_newtype {
    ($ty:ident, $schema:expr) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<$ty> for String {
            fn from(value: $ty) -> String {
                value.0
            }
        }

        impl From<$ty> for Value {
            fn from(value: $ty) -> Value {
                Value::Text(Some(value.0))
            }
        }

        impl From<Option<$ty>> for Value {
            fn from(value: Option<$ty>) -> Value {
                Value::Text(value.map(|v| v.0))
            }
        }

        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                $schema
            }
        }
        impl ToSchema for $ty {}

        $crate::decode_via!($ty, text, |text| Ok($ty(text.to_owned())));
    };
}

text_newtype!(
    Email,
    ObjectBuilder::new()
        .schema_type(SchemaType::String)
        .pattern(Some(EMAIL_PATTERN))
        .max_length(Some(Email::MAX))
        .examples(["jane@example.com"])
        .into()
);
text_newtype!(
    Phone,
    ObjectBuilder::new().schema_type(SchemaType::String).max_length(Some(Phone::MAX)).examples(["+1-555-0100"]).into()
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_shaped() {
        assert_eq!(Email::parse("email", " jane@example.com ").unwrap().as_str(), "jane@example.com");
        for bad in ["jane", "jane@", "@example.com", "jane@example", "ja ne@example.com", "a@b@c.com"] {
            assert_eq!(Email::parse("email", bad).unwrap_err().field_name(), Some("email"), "{bad}");
        }
        let long = format!("{}@example.com", "a".repeat(Email::MAX));
        assert!(Email::parse("email", &long).is_err());
        assert_eq!(Email::optional("email", Some("  ")).unwrap(), None);
        // The document's pattern says the same, on the same examples.
        let pattern = regex::Regex::new(EMAIL_PATTERN).unwrap();
        for good in ["jane@example.com", "a@b.c", "a.b+c@d..e", "josé@exämple.de", "a@b\u{feff}.c"] {
            assert!(is_email(good) && pattern.is_match(good), "{good}");
        }
        for bad in [
            "jane",
            "jane@",
            "@example.com",
            "jane@example",
            "ja ne@example.com",
            "a@b@c.com",
            "a@.b.c",
            "a@b.c.",
            "a\u{8}b@c.d",
            "a@b\u{87}.c",
            "a\u{3000}@b.c",
            "a@b.c\u{7f}",
        ] {
            assert!(!is_email(bad) && !pattern.is_match(bad), "{bad}");
        }
    }

    #[test]
    fn phones_have_one_limit() {
        assert_eq!(
            Phone::parse("phone", "+1 (555) 010-0100 ext. 1234").unwrap().as_str(),
            "+1 (555) 010-0100 ext. 1234"
        );
        assert!(Phone::parse("phone", &"1".repeat(Phone::MAX)).is_ok());
        assert!(Phone::parse("phone", &"1".repeat(Phone::MAX + 1)).is_err());
        assert_eq!(Phone::optional("phone", None).unwrap(), None);
    }
}
