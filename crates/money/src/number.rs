//! The number grammar shared by amounts and percents.

use rust_decimal::Decimal;

/// Deserialises a value from a JSON string with its `FromStr`, so amounts
/// and percents never pass through floating point; `expecting` names the
/// form in the error message.
pub(crate) fn deserialize_from_str<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr<Err = crate::MoneyError>,
{
    struct Visitor<T>(&'static str, std::marker::PhantomData<T>);
    impl<T: std::str::FromStr<Err = crate::MoneyError>> serde::de::Visitor<'_> for Visitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            v.parse().map_err(E::custom)
        }
    }
    deserializer.deserialize_str(Visitor(expecting, std::marker::PhantomData))
}

/// Why a number did not parse: character offset and what was expected.
pub(crate) type NumberError = (usize, &'static str);

/// Parses an already-normalised, trimmed number: optional sign, digits with
/// optional thousands separators (groups of exactly three), optional
/// fraction. `offset` is added to reported positions.
pub(crate) fn parse_number(text: &str, offset: usize) -> Result<Decimal, NumberError> {
    // Read as bytes: every character of the grammar is ASCII, and the
    // reading stops at the first byte that is not one of them, so up to
    // there a byte index is a character index (positions in errors stay
    // character offsets). Every table cell is parsed: no allocation but
    // the digits' (and those on the stack when they are few).
    let chars = text.as_bytes();
    let mut plain = Digits::new(text.len());
    let mut i = 0;
    if let Some(&sign) = chars.first() {
        if sign == b'-' || sign == b'+' {
            if sign == b'-' {
                plain.push(b'-');
            }
            i = 1;
        }
    }
    let int_start = i;
    // Length of the current digit group, and whether separators were used.
    let mut group_len = 0usize;
    let mut grouped = false;
    let mut int_digits = 0usize;
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_digit() {
            plain.push(c);
            group_len += 1;
            int_digits += 1;
        } else if c == b',' {
            if int_digits == 0 {
                return Err((
                    offset + i,
                    "a number cannot start with a thousands separator",
                ));
            }
            if (grouped && group_len != 3) || (!grouped && group_len > 3) {
                return Err((offset + i, "a thousands group needs exactly 3 digits"));
            }
            grouped = true;
            group_len = 0;
        } else {
            break;
        }
        i += 1;
    }
    if int_digits == 0 {
        return Err((
            offset + int_start,
            if chars.get(int_start).is_none() {
                "expected digits, found the end of the text"
            } else {
                "expected a digit"
            },
        ));
    }
    if grouped && group_len != 3 {
        return Err((offset + i, "a thousands group needs exactly 3 digits"));
    }
    if chars.get(i) == Some(&b'.') {
        plain.push(b'.');
        i += 1;
        let frac_start = i;
        while let Some(&c) = chars.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            plain.push(c);
            i += 1;
        }
        if i == frac_start {
            return Err((offset + i, "expected digits after the decimal point"));
        }
    }
    if i < chars.len() {
        return Err((offset + i, "unexpected character after the number"));
    }
    Decimal::from_str_exact(plain.as_str())
        .map_err(|_| (offset, "too many digits for an exact decimal"))
}

/// The sign, digits and point of a number without its separators: on the
/// stack when they fit, else on the heap.
enum Digits {
    Stack([u8; 40], usize),
    Heap(String),
}

impl Digits {
    fn new(len: usize) -> Digits {
        if len <= 40 {
            Digits::Stack([0; 40], 0)
        } else {
            Digits::Heap(String::with_capacity(len))
        }
    }

    /// Appends an ASCII byte (`new` made room for every byte of the text).
    fn push(&mut self, b: u8) {
        match self {
            Digits::Stack(buf, n) => {
                if let Some(slot) = buf.get_mut(*n) {
                    *slot = b;
                    *n += 1;
                }
            }
            Digits::Heap(s) => s.push(char::from(b)),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Digits::Stack(buf, n) => buf
                .get(..*n)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Digits::Heap(s) => s,
        }
    }
}

/// Splits leading/trailing whitespace off a normalised text, returning the
/// trimmed slice and the character offset of its start.
pub(crate) fn trim_with_offset(text: &str) -> (&str, usize) {
    let trimmed_start = text.trim_start();
    let offset = text[..text.len() - trimmed_start.len()].chars().count();
    (trimmed_start.trim_end(), offset)
}

/// Exact `num / den` rounded half away from zero to `dp` places, computed on
/// integers so that no intermediate rounding can flip the result; falls back
/// to decimal division (28 significant digits) only if the integers overflow.
pub(crate) fn ratio_round(num: Decimal, den: Decimal, dp: u32) -> Option<Decimal> {
    if den.is_zero() {
        return None;
    }
    exact_ratio_round(num, den, dp)
        .or_else(|| num.checked_div(den).map(|q| crate::round_half_away(q, dp)))
}

fn exact_ratio_round(num: Decimal, den: Decimal, dp: u32) -> Option<Decimal> {
    let scale = num.scale().max(den.scale());
    let n = num
        .mantissa()
        .checked_mul(10i128.checked_pow(scale - num.scale())?)?;
    let d = den
        .mantissa()
        .checked_mul(10i128.checked_pow(scale - den.scale())?)?;
    let n = n.checked_mul(10i128.checked_pow(dp)?)?;
    let q = n.checked_div(d)?;
    let r = n.checked_rem(d)?;
    // Round half away from zero: compare 2|r| with |d|.
    let twice_r = r.checked_abs()?.checked_mul(2)?;
    let q = if twice_r >= d.checked_abs()? {
        if (n < 0) != (d < 0) {
            q.checked_sub(1)?
        } else {
            q.checked_add(1)?
        }
    } else {
        q
    };
    Decimal::try_from_i128_with_scale(q, dp).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn grammar() {
        assert_eq!(parse_number("8,633.56", 0), Ok(d("8633.56")));
        assert_eq!(parse_number("1,912.9", 0), Ok(d("1912.9")));
        assert_eq!(parse_number("-0.43", 0), Ok(d("-0.43")));
        assert_eq!(parse_number("70", 0), Ok(d("70")));
        assert_eq!(parse_number("1,234,567", 0), Ok(d("1234567")));
        assert!(parse_number("1234,567", 0).is_err());
        assert!(parse_number("12,34", 0).is_err());
        assert!(parse_number("1.", 0).is_err());
        assert!(parse_number(".5", 0).is_err());
        assert!(parse_number("", 0).is_err());
        assert!(parse_number("-", 0).is_err());
        assert!(parse_number("1.2.3", 0).is_err());
        assert!(parse_number("99999999999999999999999999999999", 0).is_err());
        // positions are character offsets, also after a multi-byte character
        assert_eq!(
            parse_number("12元3", 0),
            Err((2, "unexpected character after the number"))
        );
        assert_eq!(parse_number("元", 5), Err((5, "expected a digit")));
        assert_eq!(
            parse_number("1,234,567,890,123,456,789,012,345,678,901.5", 0),
            Err((0, "too many digits for an exact decimal"))
        );
    }

    #[test]
    fn ratio_rounds_half_away_exactly() {
        // 1/8 = 0.125 -> 0.13 (banker's would give 0.12)
        assert_eq!(ratio_round(d("1"), d("8"), 2), Some(d("0.13")));
        assert_eq!(ratio_round(d("-1"), d("8"), 2), Some(d("-0.13")));
        assert_eq!(ratio_round(d("1"), d("-8"), 2), Some(d("-0.13")));
        assert_eq!(ratio_round(d("1"), d("3"), 2), Some(d("0.33")));
        assert_eq!(ratio_round(d("2"), d("3"), 2), Some(d("0.67")));
        assert_eq!(ratio_round(d("1"), d("0"), 2), None);
    }
}
