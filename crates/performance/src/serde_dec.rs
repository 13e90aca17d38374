//! Serde helpers: decimals (weights, values) as JSON strings, never floats.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};
use std::str::FromStr;

/// Serializes a [`Decimal`] as a string such as `"2.5"`.
pub(crate) fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

/// Deserializes a [`Decimal`] from a string such as `"2.5"` (numbers are
/// refused: they would go through a float).
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse::<D::Error>(&text)
}

fn parse<E: serde::de::Error>(text: &str) -> Result<Decimal, E> {
    let normalized = yusuan_money::text::normalize(text);
    Decimal::from_str(normalized.trim()).map_err(|e| {
        E::custom(format!(
            "expected a decimal string such as \"2.5\", found {text:?}: {e}"
        ))
    })
}

/// The same for `Option<Decimal>` (`null` = absent).
pub(crate) mod option {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => serializer.collect_str(d),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            Some(text) => parse::<D::Error>(&text).map(Some),
            None => Ok(None),
        }
    }
}
