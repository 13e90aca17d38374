//! Small text predicates shared by the readers.

/// Whether `c` is a CJK ideograph or full-width form.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Whether `c` is a CJK ideograph (not punctuation).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// How many ideographs `s` holds.
pub(crate) fn han_count(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

/// Whether a word looks like a printed amount: `8,633.56`, `-12`, `0`,
/// `12.5%` (a parenthesised negative such as `（3.20）` is not recognised;
/// rare in these tables).
///
/// ```
/// use yusuan_layout::is_amount;
/// assert!(is_amount("8,633.56") && is_amount("0") && is_amount("-12.5%"));
/// assert!(!is_amount("2017年") && !is_amount("1.") && !is_amount("8,63.5"));
/// ```
pub fn is_amount(s: &str) -> bool {
    let s = s.trim();
    let s = s.strip_prefix(['-', '−', '－']).unwrap_or(s);
    let s = s.strip_suffix('%').unwrap_or(s);
    // an amount starts with a digit (a label, most words, is told at once)
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    if int.is_empty() {
        return false;
    }
    if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || !first.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
    } else {
        int.chars().all(|c| c.is_ascii_digit())
    }
}

/// Whether a word is a dash printed for "no amount".
pub(crate) fn is_dash(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().count() <= 3
        && s.chars().all(|c| matches!(c, '-' | '—' | '－' | '–' | '/'))
}

/// Whether a word is only ASCII digits.
pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// Joins text pieces: no space between CJK neighbours, one space otherwise.
pub(crate) fn join_pieces<'a>(pieces: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in pieces {
        let p = tidy(p.trim());
        let p = p.as_str();
        if p.is_empty() {
            continue;
        }
        if let (Some(a), Some(b)) = (out.chars().last(), p.chars().next()) {
            if !(is_cjk(a) || is_cjk(b)) {
                out.push(' ');
            }
        }
        out.push_str(p);
    }
    out
}

/// `s` without the spaces next to a CJK character (`1. 一般公共预算` →
/// `1.一般公共预算`, `预算 ，故` → `预算，故`); other spaces kept.
pub(crate) fn tidy(s: &str) -> String {
    // most pieces are one word
    if !s.contains(char::is_whitespace) {
        return s.to_owned();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let prev = chars
                .get(..i)
                .and_then(|h| h.iter().rev().find(|x| !x.is_whitespace()));
            let next = chars
                .get(i + 1..)
                .and_then(|t| t.iter().find(|x| !x.is_whitespace()));
            if prev.map_or(true, |p| is_cjk(*p)) || next.map_or(true, |n| is_cjk(*n)) {
                continue;
            }
        }
        out.push(*c);
    }
    out
}

/// `s` without any whitespace.
pub(crate) fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    yusuan_money::text::push_unspaced(s, &mut out);
    out
}

/// [`squeeze`], borrowing `s` when it holds no whitespace (most words).
pub(crate) fn squeezed(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_whitespace) {
        std::borrow::Cow::Owned(squeeze(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Whether `s` starts with an ordinal: `一、`, `（一）`, `(一)`, `1.`, `1、`, `1．`.
pub(crate) fn starts_with_ordinal(s: &str) -> bool {
    let s = s.trim_start();
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    const NUMS: &str = "一二三四五六七八九十";
    if first == '（' || first == '(' {
        let rest: String = chars.take_while(|c| *c != '）' && *c != ')').collect();
        return !rest.is_empty() && rest.chars().all(|c| NUMS.contains(c) || c.is_ascii_digit());
    }
    if NUMS.contains(first) {
        let rest: String = s
            .chars()
            .skip_while(|c| NUMS.contains(*c))
            .take(1)
            .collect();
        return rest == "、" || rest == "是";
    }
    if first.is_ascii_digit() {
        let rest: String = s
            .chars()
            .skip_while(|c| c.is_ascii_digit())
            .take(1)
            .collect();
        return matches!(rest.as_str(), "、" | "." | "．");
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        for a in [
            "8,633.56",
            "0",
            "6.4",
            "-12",
            "12.5%",
            "86,959,408.34",
            "0.00",
        ] {
            assert!(is_amount(a), "{a}");
        }
        for a in [
            "2017年",
            "8,63.5",
            "1.",
            ".5",
            "-",
            "一、2017",
            "1,2345",
            "",
            "1.2.3",
        ] {
            assert!(!is_amount(a), "{a}");
        }
    }

    #[test]
    fn ordinals() {
        assert!(starts_with_ordinal("一、一般公共预算"));
        assert!(starts_with_ordinal("（一）因公"));
        assert!(starts_with_ordinal("1.一般公共预算"));
        assert!(starts_with_ordinal("2、政府性基金"));
        assert!(!starts_with_ordinal("一般公共预算"));
        assert!(!starts_with_ordinal("2017年度"));
    }

    #[test]
    fn joining() {
        assert_eq!(
            join_pieces(["社会保障和就", "业支出"]),
            "社会保障和就业支出"
        );
        assert_eq!(join_pieces(["a", "b"]), "a b");
        assert_eq!(join_pieces(["1. 一般公共预算"]), "1.一般公共预算");
        assert_eq!(join_pieces(["因公出国 (境) 费"]), "因公出国(境)费");
        assert_eq!(join_pieces(["PC 服务器"]), "PC服务器");
        assert_eq!(join_pieces(["a  b"]), "a  b");
    }
}
