//! [`Code`]: one code of the 政府收支分类科目.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{ClassificationError, Level, ResidualKind, Scheme};

/// The longest code (a 收入分类 目).
const MAX_DIGITS: usize = 9;

/// One code (科目编码) of the 政府收支分类科目, e.g. `2080108`.
///
/// A `Code` is small (12 bytes) and `Copy`. It knows its [`Scheme`] (from the
/// first digit) and its [`Level`] (from its length), and the tree operations
/// that need no names: [`parent`](Code::parent), [`ancestors`](Code::ancestors),
/// [`is_ancestor_of`](Code::is_ancestor_of), [`residual`](Code::residual).
/// Names come from a [`Catalog`](crate::Catalog), because they change between
/// editions.
///
/// Parsing accepts what documents print: `2080108`, `208 01 08` (Shanghai
/// splits codes by level), `310   02`, full-width digits `２０８０１０８`,
/// ideographic spaces. `Display` prints the plain digits; the alternate form
/// `{:#}` prints the levels apart. Serde uses the plain-digit string.
///
/// ```
/// use yusuan_classification::{Code, Level, Scheme};
///
/// let code: Code = "208 01 08".parse()?;
/// assert_eq!(code.as_str(), "2080108");
/// assert_eq!(code.scheme(), Scheme::Function);
/// assert_eq!(code.level(), Level::Item);
/// assert_eq!(code.parent(), Some(Code::parse("20801")?));
/// assert_eq!(format!("{code:#}"), "208 01 08");
///
/// let ancestors: Vec<String> = code.ancestors().map(|c| c.to_string()).collect();
/// assert_eq!(ancestors, ["20801", "208"]);
///
/// assert_eq!(Code::parse("３１０　０２")?.to_string(), "31002");
/// # Ok::<(), yusuan_classification::ClassificationError>(())
/// ```
///
/// Codes order as their digit strings do, so a parent sorts right before its
/// descendants: `208 < 20801 < 2080108 < 2080150 < 20805 < 221`.
#[derive(Clone, Copy, PartialOrd, Ord)]
pub struct Code {
    /// ASCII digits, zero-padded (with 0 bytes, not `'0'`) after `len`.
    digits: [u8; MAX_DIGITS],
    len: u8,
    scheme: Scheme,
}

// The digits decide the rest (the padding marks the length, the first digit
// the scheme), so equality and hashing read only them: as two integers,
// since codes are compared in every table lookup and a nine-byte array
// comparison is a call to `memcmp`.
impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.packed() == other.packed()
    }
}

impl Eq for Code {}

impl std::hash::Hash for Code {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.packed().hash(state);
    }
}

impl Code {
    /// Parses a code of any scheme, recognising the scheme from its first
    /// digit (1 收入分类, 2 支出功能分类, 3 部门预算支出经济分类,
    /// 5 政府预算支出经济分类).
    ///
    /// Surrounding whitespace is ignored; whitespace inside the code is
    /// allowed only between levels (`208 01 08`).
    ///
    /// ```
    /// use yusuan_classification::{ClassificationError, Code, Scheme};
    /// assert_eq!(Code::parse("30239")?.scheme(), Scheme::DepartmentEconomic);
    /// assert!(matches!(Code::parse("2080a08"), Err(ClassificationError::NonDigit { found: 'a', .. })));
    /// assert!(matches!(Code::parse("408"), Err(ClassificationError::UnknownScheme { .. })));
    /// assert!(matches!(Code::parse("3020701"), Err(ClassificationError::BadLength { len: 7, .. })));
    /// # Ok::<(), ClassificationError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Code, ClassificationError> {
        let mut digits = [0u8; MAX_DIGITS];
        let mut len = 0usize;
        let mut split_at: Option<usize> = None;
        let mut saw_digit = false;
        let mut pending_space = false;
        for c in text.chars() {
            if let Some(d) = ascii_digit(c) {
                if pending_space {
                    if !matches!(len, 3 | 5 | 7) && split_at.is_none() {
                        split_at = Some(len);
                    }
                    pending_space = false;
                }
                if let Some(slot) = digits.get_mut(len) {
                    *slot = d;
                }
                len += 1;
                saw_digit = true;
            } else if c.is_whitespace() {
                pending_space = saw_digit;
            } else {
                return Err(ClassificationError::NonDigit {
                    text: text.to_owned(),
                    found: c,
                });
            }
        }
        let first = match digits.first() {
            Some(&d) if saw_digit => d as char,
            _ => {
                return Err(ClassificationError::Empty {
                    text: text.to_owned(),
                })
            }
        };
        let scheme = Scheme::from_leading_digit(first).ok_or_else(|| {
            ClassificationError::UnknownScheme {
                text: text.to_owned(),
                digit: first,
            }
        })?;
        if scheme.level_of_len(len).is_none() {
            return Err(ClassificationError::BadLength {
                text: text.to_owned(),
                scheme,
                len,
            });
        }
        if let Some(after) = split_at {
            return Err(ClassificationError::MisplacedSpace {
                text: text.to_owned(),
                after,
            });
        }
        Ok(Code {
            digits,
            // len ≤ 9 here: level_of_len accepted it.
            len: len as u8,
            scheme,
        })
    }

    /// Parses a code that must belong to `scheme` (e.g. a cell of a column
    /// headed 支出功能分类科目).
    ///
    /// ```
    /// use yusuan_classification::{ClassificationError, Code, Scheme};
    /// assert!(Code::parse_in(Scheme::Function, "2080108").is_ok());
    /// let err = Code::parse_in(Scheme::Function, "30101").unwrap_err();
    /// assert!(matches!(err, ClassificationError::WrongScheme { found: Scheme::DepartmentEconomic, .. }));
    /// ```
    pub fn parse_in(scheme: Scheme, text: &str) -> Result<Code, ClassificationError> {
        let code = Code::parse(text)?;
        if code.scheme == scheme {
            Ok(code)
        } else {
            Err(ClassificationError::WrongScheme {
                text: text.to_owned(),
                expected: scheme,
                found: code.scheme,
            })
        }
    }

    /// Builds a code from digits already known to be valid (generated data).
    pub(crate) const fn from_parts(digits: [u8; MAX_DIGITS], len: u8, scheme: Scheme) -> Code {
        Code {
            digits,
            len,
            scheme,
        }
    }

    /// A number that orders like the code itself: the digits right-padded
    /// with zeros to 9, then the length (for fast sorted lookups).
    pub(crate) fn sort_key(&self) -> u64 {
        let mut key: u64 = 0;
        for &d in &self.digits {
            key = key * 10 + u64::from(d.saturating_sub(b'0'));
        }
        key * 16 + u64::from(self.len)
    }

    /// The digit bytes (with their zero padding) as two integers.
    fn packed(&self) -> (u64, u8) {
        let [a, b, c, d, e, f, g, h, i] = self.digits;
        (u64::from_le_bytes([a, b, c, d, e, f, g, h]), i)
    }

    /// The plain digits as ASCII bytes, e.g. `b"2080108"` (as
    /// [`Code::as_str`], without its UTF-8 check).
    ///
    /// ```
    /// let code = yusuan_classification::Code::parse("20801")?;
    /// assert_eq!(code.as_bytes(), b"20801");
    /// # Ok::<(), yusuan_classification::ClassificationError>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        self.digits.get(..self.len()).unwrap_or(&[])
    }

    /// The plain digits, e.g. `"2080108"`.
    pub fn as_str(&self) -> &str {
        let bytes = self.digits.get(..self.len()).unwrap_or(&[]);
        // Only ASCII digits are ever stored.
        std::str::from_utf8(bytes).unwrap_or("")
    }

    /// The number of digits: 3, 5, 7 or 9.
    #[allow(clippy::len_without_is_empty)] // a code is never empty
    pub const fn len(&self) -> usize {
        self.len as usize
    }

    /// The scheme, recognised from the first digit.
    pub const fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The level, from the length: 类 (3), 款 (5), 项 (7), 目 (9).
    pub const fn level(&self) -> Level {
        match self.len {
            3 => Level::Class,
            5 => Level::Section,
            7 => Level::Item,
            _ => Level::Entry,
        }
    }

    /// The code one level up (`2080108` → `20801`), or `None` for a 类.
    pub fn parent(&self) -> Option<Code> {
        if self.len <= 3 {
            return None;
        }
        let len = self.len - 2;
        let mut digits = self.digits;
        for slot in digits.iter_mut().skip(len as usize) {
            *slot = 0;
        }
        Some(Code {
            digits,
            len,
            scheme: self.scheme,
        })
    }

    /// The code's ancestors, nearest first: `2080108` → `20801`, `208`.
    pub fn ancestors(&self) -> impl Iterator<Item = Code> {
        std::iter::successors(self.parent(), Code::parent)
    }

    /// The 类 this code belongs to (itself for a 类).
    pub fn class(&self) -> Code {
        self.ancestors().last().unwrap_or(*self)
    }

    /// Whether `self` is a strict ancestor of `other` (`208` of `2080108`;
    /// a code is not its own ancestor).
    ///
    /// ```
    /// use yusuan_classification::Code;
    /// let c = |s| Code::parse(s).unwrap();
    /// assert!(c("208").is_ancestor_of(c("2080108")));
    /// assert!(!c("2080108").is_ancestor_of(c("2080108")));
    /// assert!(!c("221").is_ancestor_of(c("2080108")));
    /// ```
    pub fn is_ancestor_of(&self, other: Code) -> bool {
        self.len < other.len && other.as_str().starts_with(self.as_str())
    }

    /// The conventional residual kind, from the last two digits of a 款, 项
    /// or 目: `…50` in a 支出功能分类 项 is 事业运行, `…99` is 其他…
    /// (see [`ResidualKind`]). A 类 has none.
    ///
    /// ```
    /// use yusuan_classification::{Code, ResidualKind};
    /// let c = |s| Code::parse(s).unwrap();
    /// assert_eq!(c("2080150").residual(), Some(ResidualKind::InstitutionOperation));
    /// assert_eq!(c("2080599").residual(), Some(ResidualKind::Other));
    /// assert_eq!(c("30199").residual(), Some(ResidualKind::Other));
    /// assert_eq!(c("2080108").residual(), None);
    /// ```
    pub fn residual(&self) -> Option<ResidualKind> {
        if self.level() == Level::Class {
            return None;
        }
        let tail = self.as_str().get(self.len() - 2..)?;
        match tail {
            "99" => Some(ResidualKind::Other),
            "50" if self.scheme == Scheme::Function && self.level() == Level::Item => {
                Some(ResidualKind::InstitutionOperation)
            }
            _ => None,
        }
    }

    /// The digits of each level: `2080108` → `["208", "01", "08"]`.
    pub fn segments(&self) -> impl Iterator<Item = &str> {
        let s = self.as_str();
        [(0, 3), (3, 5), (5, 7), (7, 9)]
            .into_iter()
            .filter_map(move |(a, b)| s.get(a..b))
    }
}

/// The value of a half- or full-width decimal digit, as an ASCII byte.
fn ascii_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8),
        '０'..='９' => Some(b'0' + (c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

impl FromStr for Code {
    type Err = ClassificationError;
    fn from_str(s: &str) -> Result<Code, ClassificationError> {
        Code::parse(s)
    }
}

impl fmt::Display for Code {
    /// Plain digits (`2080108`); with `{:#}`, levels apart (`208 01 08`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            for (i, segment) in self.segments().enumerate() {
                if i > 0 {
                    f.write_str(" ")?;
                }
                f.write_str(segment)?;
            }
            Ok(())
        } else {
            f.pad(self.as_str())
        }
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({})", self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Code::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_printed_forms() {
        for text in [
            "2080108",
            "208 01 08",
            " 2080108 ",
            "２０８０１０８",
            "208　01　08",
            "20801 08",
        ] {
            assert_eq!(Code::parse(text).unwrap().as_str(), "2080108", "{text:?}");
        }
        assert_eq!(Code::parse("310   02").unwrap().as_str(), "31002");
    }

    #[test]
    fn errors_name_the_problem() {
        assert_eq!(
            Code::parse("20801089").unwrap_err(),
            ClassificationError::BadLength {
                text: "20801089".into(),
                scheme: Scheme::Function,
                len: 8
            }
        );
        assert_eq!(
            Code::parse("3020701").unwrap_err(),
            ClassificationError::BadLength {
                text: "3020701".into(),
                scheme: Scheme::DepartmentEconomic,
                len: 7
            }
        );
        assert_eq!(
            Code::parse("20 80108").unwrap_err(),
            ClassificationError::MisplacedSpace {
                text: "20 80108".into(),
                after: 2
            }
        );
        assert_eq!(
            Code::parse("408").unwrap_err(),
            ClassificationError::UnknownScheme {
                text: "408".into(),
                digit: '4'
            }
        );
        assert_eq!(
            Code::parse("  ").unwrap_err(),
            ClassificationError::Empty { text: "  ".into() }
        );
        assert_eq!(
            Code::parse("208-01").unwrap_err(),
            ClassificationError::NonDigit {
                text: "208-01".into(),
                found: '-'
            }
        );
        assert!(matches!(
            Code::parse("12345678901234567890"),
            Err(ClassificationError::BadLength { len: 20, .. })
        ));
        assert!(matches!(
            Code::parse("2"),
            Err(ClassificationError::BadLength { len: 1, .. })
        ));
    }

    #[test]
    fn revenue_has_four_levels() {
        let code = Code::parse("101 01 01 01").unwrap();
        assert_eq!(code.scheme(), Scheme::Revenue);
        assert_eq!(code.level(), Level::Entry);
        assert_eq!(code.ancestors().count(), 3);
        assert_eq!(format!("{code:#}"), "101 01 01 01");
    }

    #[test]
    fn serde_is_a_string() {
        let code = Code::parse("2080108").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"2080108\"");
        let back: Code = serde_json::from_str("\"208 01 08\"").unwrap();
        assert_eq!(back, code);
        assert!(serde_json::from_str::<Code>("\"20801089\"").is_err());
    }

    #[test]
    fn order_puts_parents_first() {
        let mut codes: Vec<Code> = ["221", "20805", "2080150", "208", "2080108", "20801"]
            .iter()
            .map(|s| Code::parse(s).unwrap())
            .collect();
        codes.sort();
        let sorted: Vec<&str> = codes.iter().map(Code::as_str).collect();
        assert_eq!(
            sorted,
            ["208", "20801", "2080108", "2080150", "20805", "221"]
        );
    }
}
