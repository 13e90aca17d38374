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
    text.chars().map(normalize_char).collect()
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
    text.chars()
        .map(normalize_char)
        .filter(|c| !c.is_whitespace())
        .collect()
}
