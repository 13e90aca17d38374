//! Text normalisation for what PDF extraction produces.
//!
//! Published disclosures mix full-width and half-width forms (`８，６３３．５６`,
//! `＞`, `％`) and pad with ideographic spaces (U+3000). Normalise before
//! matching, or a checker produces false findings.

/// Maps full-width ASCII forms (U+FF01–U+FF5E) to ASCII and every kind of space
/// (U+3000 ideographic, U+00A0, U+2000–U+200A, U+202F, U+205F) to `' '`.
/// Everything else, including CJK punctuation such as `，` inside Chinese
/// prose, is mapped too when it has an ASCII full-width counterpart
/// (`，` → `,`); `、` and `。` are kept.
///
/// ```
/// assert_eq!(yusuan_money::text::normalize("８，６３３．５６\u{3000}％"), "8,633.56 %");
/// ```
pub fn normalize(text: &str) -> String {
    normalized(text).into_owned()
}

/// [`normalize`], borrowing `text` when it is already normalised (most
/// table cells are: amounts are parsed without an allocation).
pub(crate) fn normalized(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    for (i, c) in text.char_indices() {
        let n = normalize_char(c);
        if n != c {
            if out.is_empty() {
                // a character is never longer normalised: enough room
                out.reserve(text.len());
            }
            out.push_str(text.get(copied..i).unwrap_or_default());
            out.push(n);
            copied = i + c.len_utf8();
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

/// [`normalize`] for one character.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        _ => c,
    }
}

/// [`normalize`], then removes all whitespace: turns letter-spaced or
/// line-broken words ("收 入 总 计", "小\n于") back into words.
///
/// ```
/// assert_eq!(yusuan_money::text::squeeze("收　入 总\n计"), "收入总计");
/// ```
pub fn squeeze(text: &str) -> String {
    let normalized = normalized(text);
    let mut out = String::with_capacity(normalized.len());
    push_unspaced(&normalized, &mut out);
    out
}

/// Appends `text` to `out` without its whitespace (every
/// [`char::is_whitespace`] character), as it is: not normalised.
///
/// Runs between ASCII whitespace are copied whole, and a non-ASCII
/// character is decoded only when its first byte can start a whitespace
/// character (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000): CJK text passes
/// at the speed of a byte scan.
///
/// ```
/// let mut out = String::from(">");
/// yusuan_money::text::push_unspaced("收　入 总\n计", &mut out);
/// assert_eq!(out, ">收入总计");
/// ```
pub fn push_unspaced(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    // the next byte that is whitespace or may start a whitespace
    // character, found by a table lookup per byte, without decoding
    while let Some(at) = bytes.get(i..).and_then(|rest| {
        rest.iter()
            .position(|&b| MAY_START_SPACE.get(usize::from(b)).copied().unwrap_or(true))
    }) {
        i += at;
        let width = match bytes.get(i) {
            Some(&b) if b < 0x80 => 1,
            _ => text
                .get(i..)
                .and_then(|r| r.chars().next())
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
        };
        if width == 0 {
            // a character that is not whitespace: go past its first byte
            i += 1;
            continue;
        }
        if copied < i {
            out.push_str(text.get(copied..i).unwrap_or_default());
        }
        i += width;
        copied = i;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
}

/// The bytes that may start a whitespace character: ASCII whitespace
/// (with U+000B) and the first bytes of U+0085 and U+00A0 (0xC2), U+1680
/// (0xE1), U+2000–U+205F (0xE2) and U+3000 (0xE3).
#[allow(clippy::indexing_slicing)] // `b` < 256, the table's length
const MAY_START_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1..=0xE3);
        b += 1;
    }
    t
};

/// Terminal display width: CJK ideographs, full-width forms and Hangul take
/// two columns, control characters none, everything else one. For aligning Chinese text tables.
///
/// ```
/// assert_eq!(yusuan_money::text::display_width("合计 8,633.56"), 13);
/// ```
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    if c.is_control() {
        return 0;
    }
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// Pads `text` with spaces to `width` display columns (left-aligned); cuts it
/// with `…` if it is wider.
///
/// ```
/// use yusuan_money::text::{display_width, pad_to};
/// assert_eq!(pad_to("合计", 6), "合计  ");
/// assert_eq!(display_width(&pad_to("社会保障和就业支出", 8)), 8);
/// ```
pub fn pad_to(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    if display_width(text) > width {
        for c in text.chars() {
            let w = char_width(c);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    } else {
        out.push_str(text);
        used = display_width(text);
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unspaced_drops_every_whitespace_character_and_nothing_else() {
        // every character below U+3001, whitespace or not, between two
        // letters: the result is the reference filter's
        let text: String = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, '合'])
            .collect();
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut out = String::new();
        push_unspaced(&text, &mut out);
        assert_eq!(out, expected);
        assert!(text.chars().filter(|c| c.is_whitespace()).count() >= 20);
    }

    proptest::proptest! {
        #[test]
        fn unspaced_is_the_reference_filter_on_runs_of_spaces(
            text in "[ \t\n\u{b}\u{85}\u{a0}\u{2000}\u{2028}\u{3000}a1合、。“\u{e2}\u{1680}]{0,40}",
        ) {
            let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let mut out = String::from(">");
            push_unspaced(&text, &mut out);
            proptest::prop_assert_eq!(out, format!(">{expected}"));
        }
    }
}
