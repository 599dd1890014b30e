//! Validation helpers for resource rules. Each names the field it checks, so the 400 says
//! which one was wrong.

use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::values::Money;

/// What the OpenAPI document says of every required text (`minLength` 1): it holds a character
/// that is not whitespace (Unicode's White_Space, what [`text`] trims), written out as a class so
/// every regex engine reads it alike.
pub const NOT_BLANK: &str = concat!("[^", crate::white_space_class!(), "]");

/// A required, trimmed, non-empty string of at most `max` characters.
pub fn text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ApiError::validation(field, format!("`{field}` must not be empty")));
    }
    if value.chars().count() > max {
        return Err(ApiError::validation(field, format!("`{field}` must be at most {max} characters")));
    }
    Ok(value.to_owned())
}

/// An optional string: trimmed, empty becomes absent, at most `max` characters.
pub fn optional_text(field: &str, value: Option<&str>, max: usize) -> ApiResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => text(field, value, max).map(Some),
    }
}

/// An ISO 4217 currency code: three uppercase letters (`USD`, `EUR`).
pub fn currency(field: &str, value: &str) -> ApiResult<String> {
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(value.to_owned())
    } else {
        Err(ApiError::validation(
            field,
            format!("`{field}` must be an ISO 4217 code of three uppercase letters, e.g. USD"),
        ))
    }
}

/// A URL slug chosen by the client: 1 to 80 of `a-z`, `0-9` and `-`.
pub fn slug(field: &str, value: &str) -> ApiResult<String> {
    let ok = (1..=80).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(value.to_owned())
    } else {
        Err(ApiError::validation(field, format!("`{field}` must be 1 to 80 characters of a-z, 0-9 and -")))
    }
}

pub fn non_negative(field: &str, value: Option<Money>) -> ApiResult<Option<Money>> {
    match value {
        Some(money) if money.cents() < 0 => Err(ApiError::validation(field, format!("`{field}` must not be negative"))),
        other => Ok(other),
    }
}

pub fn in_range<T: PartialOrd + std::fmt::Display + Copy>(
    field: &str,
    value: Option<T>,
    min: T,
    max: T,
) -> ApiResult<Option<T>> {
    match value {
        Some(v) if v < min || v > max => {
            Err(ApiError::validation(field, format!("`{field}` must be between {min} and {max}")))
        }
        other => Ok(other),
    }
}

/// `http(s)://` URLs of at most 2,048 characters.
pub fn urls(field: &str, values: Vec<String>, max_items: usize) -> ApiResult<Vec<String>> {
    if values.len() > max_items {
        return Err(ApiError::validation(field, format!("`{field}` may hold at most {max_items} items")));
    }
    values
        .into_iter()
        .map(|url| {
            let url = url.trim().to_owned();
            let ok = (url.starts_with("https://") || url.starts_with("http://"))
                && url.len() <= 2048
                && url.len() > "https://".len()
                && !url.contains(char::is_whitespace);
            if ok {
                Ok(url)
            } else {
                Err(ApiError::validation(field, format!("`{field}`: `{url}` is not an http(s) URL")))
            }
        })
        .collect()
}

/// Short labels (tags): trimmed, non-empty, at most `max_len` characters, no duplicates.
pub fn labels(field: &str, values: Vec<String>, max_items: usize, max_len: usize) -> ApiResult<Vec<String>> {
    if values.len() > max_items {
        return Err(ApiError::validation(field, format!("`{field}` may hold at most {max_items} items")));
    }
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for value in values {
        let value = text(field, &value, max_len)?;
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

/// Lowercase ASCII words joined by `-`: "Modern Villa in Beverly Hills!" → `modern-villa-in-beverly-hills`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { "item".to_owned() } else { slug.chars().take(80).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_pattern_is_what_text_accepts() {
        let pattern = regex::Regex::new(NOT_BLANK).unwrap();
        let blanks = ["", " ", "\t\n\r", "\u{85}", "\u{a0}\u{3000}", "\u{2028} \u{200a}"];
        let texts = ["a", " a ", "\u{feff}", "\u{200b}", "\u{1f3e0}", "\u{85}x"];
        for value in blanks.into_iter().chain(texts) {
            assert_eq!(text("f", value, 100).is_ok(), pattern.is_match(value), "{value:?}");
        }
        assert!(texts.iter().all(|t| pattern.is_match(t)) && !blanks.iter().any(|b| pattern.is_match(b)));
    }
}
