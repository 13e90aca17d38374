//! Writing decimals as text without allocating: reports print thousands of
//! amounts, and `Decimal::to_string` plus grouping cost three allocations
//! each.

use std::fmt;

use rust_decimal::Decimal;

/// Digits written from the right into a fixed buffer. A `Decimal` has at
/// most 29 digits and a scale of at most 28, so with a point, a sign, a
/// leading zero and a separator every three digits the text stays under
/// the buffer's 64 bytes.
struct Backwards {
    buf: [u8; 64],
    start: usize,
}

impl Backwards {
    fn new() -> Self {
        Backwards {
            buf: [0; 64],
            start: 64,
        }
    }

    fn push(&mut self, byte: u8) {
        if let Some(start) = self.start.checked_sub(1) {
            if let Some(slot) = self.buf.get_mut(start) {
                *slot = byte;
                self.start = start;
            }
        }
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits, '.', ',' and '-' are ever pushed.
        std::str::from_utf8(self.buf.get(self.start..).unwrap_or_default()).unwrap_or_default()
    }
}

/// Writes `value` with at least two decimals (more if its scale has more),
/// a sign only for a non-zero negative value, and, if `grouped`, a comma
/// every three integer digits; then `suffix`; padded as `f` asks.
/// Exactly the text of `Decimal`'s `Display` after
/// `set_sign_positive` for zero and `rescale(2)` for a smaller scale.
pub(crate) fn write_decimal(
    f: &mut fmt::Formatter<'_>,
    value: Decimal,
    grouped: bool,
    suffix: u8,
) -> fmt::Result {
    // As `rescale(2)` does: up to two places, as many as the 96-bit
    // mantissa holds (a huge whole number keeps fewer). 96 bits times 100
    // cannot overflow 128.
    const MANTISSA_MAX: u128 = (1 << 96) - 1;
    let mut digits = value.mantissa().unsigned_abs();
    let mut scale = value.scale();
    while scale < 2 && digits * 10 <= MANTISSA_MAX {
        digits *= 10;
        scale += 1;
    }
    let negative = value.is_sign_negative() && digits != 0;
    let mut out = Backwards::new();
    if suffix != 0 {
        out.push(suffix);
    }
    for _ in 0..scale {
        out.push(next_digit(&mut digits));
    }
    if scale > 0 {
        out.push(b'.');
    }
    let mut written = 0u32;
    loop {
        if grouped && written > 0 && written % 3 == 0 {
            out.push(b',');
        }
        out.push(next_digit(&mut digits));
        written += 1;
        if digits == 0 {
            break;
        }
    }
    if negative {
        out.push(b'-');
    }
    f.pad(out.as_str())
}

/// The last decimal digit of `digits` as ASCII, removed from it; in 64-bit
/// arithmetic when it fits (amounts always do), which the compiler turns
/// into a multiplication.
fn next_digit(digits: &mut u128) -> u8 {
    let (rest, digit) = match u64::try_from(*digits) {
        Ok(small) => (u128::from(small / 10), (small % 10) as u8),
        Err(_) => (*digits / 10, (*digits % 10) as u8),
    };
    *digits = rest;
    b'0' + digit
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    struct Shown(Decimal, bool, u8);

    impl fmt::Display for Shown {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_decimal(f, self.0, self.1, self.2)
        }
    }

    /// The text as it was produced before this module: through
    /// `Decimal::to_string`, grouping the integer digits by hand.
    fn by_to_string(value: Decimal, grouped: bool) -> String {
        let mut v = value;
        if v.is_zero() {
            v.set_sign_positive(true);
        }
        if v.scale() < 2 {
            v.rescale(2);
        }
        let s = v.to_string();
        if !grouped {
            return s;
        }
        let (sign, digits) = match s.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", s.as_str()),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let mut out = String::from(sign);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
        out
    }

    #[test]
    fn known_values() {
        let cases = [
            ("0", true, "0.00"),
            ("-0.00", true, "0.00"),
            ("8180.19", true, "8,180.19"),
            ("-1234567.5", true, "-1,234,567.50"),
            ("0.000001", true, "0.000001"),
            ("100", true, "100.00"),
            ("1000", true, "1,000.00"),
            ("1.5", false, "1.50"),
            ("-12345.678", false, "-12345.678"),
        ];
        for (value, grouped, text) in cases {
            let d: Decimal = value.parse().unwrap();
            assert_eq!(Shown(d, grouped, 0).to_string(), text, "{value}");
        }
        let d: Decimal = "48.36".parse().unwrap();
        assert_eq!(Shown(d, false, b'%').to_string(), "48.36%");
        assert_eq!(format!("{:>8}", Shown(d, false, b'%')), "  48.36%");
        assert_eq!(
            Shown(Decimal::MAX, true, 0).to_string(),
            by_to_string(Decimal::MAX, true)
        );
        assert_eq!(
            Shown(Decimal::MIN, true, 0).to_string(),
            by_to_string(Decimal::MIN, true)
        );
    }

    proptest! {
        #[test]
        fn same_text_as_to_string(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
                                  negative in any::<bool>(), scale in 0u32..=28, grouped in any::<bool>()) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            prop_assert_eq!(Shown(d, grouped, 0).to_string(), by_to_string(d, grouped));
        }

        #[test]
        fn same_text_for_small_values(m in -10_000_000_000i64..10_000_000_000, scale in 0u32..=6,
                                      grouped in any::<bool>()) {
            let d = Decimal::new(m, scale);
            prop_assert_eq!(Shown(d, grouped, 0).to_string(), by_to_string(d, grouped));
        }
    }
}
