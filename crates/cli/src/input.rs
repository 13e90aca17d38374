//! Reading any input the command accepts into a disclosure.

use std::fmt;
use std::path::Path;

use serde::Serialize;
use yusuan_tables::Disclosure;

/// Something the input's reader noticed: a structural issue of a JSON
/// model, or an import warning of extracted text.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum InputIssue {
    /// Structural validation of a JSON disclosure.
    Model(yusuan_tables::Issue),
    /// Import of extracted text: not recognised, left blank, uncertain.
    Import(yusuan_import::ImportWarning),
}

impl fmt::Display for InputIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputIssue::Model(i) => write!(f, "{i}"),
            InputIssue::Import(w) => write!(f, "import: {w}"),
        }
    }
}

/// A disclosure and what reading it noticed.
#[derive(Debug)]
pub struct Loaded {
    /// The disclosure.
    pub disclosure: Disclosure,
    /// Issues of the input, in order.
    pub issues: Vec<InputIssue>,
    /// What the geometry reader saw (pages and tables), for a .txt in
    /// layout form or a .pdf.
    pub layout: Option<yusuan_import::LayoutReading>,
}

/// Whether the command reads files with this name (.json, .txt, .pdf).
pub fn is_input(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("json" | "txt" | "pdf")
    )
}

/// Reads a .json model, or imports a .txt / .pdf disclosure.
///
/// # Errors
/// A message naming the file and what is wrong (with line and column for
/// malformed JSON; the table, row and column of an out-of-range amount).
pub fn load(path: &Path) -> Result<Loaded, String> {
    if !path.exists() {
        return Err(format!("{}: no such file or directory", path.display()));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let shown = path.display();
    match ext.as_deref() {
        Some("json") => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
            let text =
                String::from_utf8(bytes).map_err(|e| format!("{shown}: not UTF-8 text ({e})"))?;
            load_json(&shown.to_string(), &text)
        }
        Some("txt" | "pdf") => {
            let import = yusuan_import::import_path(path).map_err(|e| format!("{shown}: {e}"))?;
            imported(&shown.to_string(), import)
        }
        _ => Err(format!(
            "{shown}: expected a .json disclosure, or a .txt / .pdf to import"
        )),
    }
}

/// Reads a disclosure from standard input: a JSON model when its first
/// character (after a byte-order mark and white space) is `{`, extracted
/// text otherwise. A PDF must be given as a file.
///
/// # Errors
/// As [`load`], the file being called `<stdin>`.
pub fn load_stdin() -> Result<Loaded, String> {
    use std::io::Read;
    const NAME: &str = "<stdin>";
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {NAME}: {e}"))?;
    if bytes.starts_with(b"%PDF") {
        return Err(format!(
            "{NAME}: a PDF; give it as a file (yusuan check FILE.pdf)"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| format!("{NAME}: not UTF-8 text ({e})"))?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') {
        load_json(NAME, &text)
    } else {
        let import = yusuan_import::import_text(&text).map_err(|e| format!("{NAME}: {e}"))?;
        imported(NAME, import)
    }
}

fn load_json(shown: &str, text: &str) -> Result<Loaded, String> {
    let (disclosure, issues) = Disclosure::load(text).map_err(|e| format!("{shown}: {e}"))?;
    Ok(Loaded {
        disclosure,
        issues: issues.into_iter().map(InputIssue::Model).collect(),
        layout: None,
    })
}

/// An import with its structural issues; refused when an amount or the
/// year is out of range (nothing could be checked with it).
fn imported(shown: &str, import: yusuan_import::Import) -> Result<Loaded, String> {
    let model = import.disclosure.validate();
    let out_of_range: Vec<String> = import
        .warnings
        .iter()
        .filter(|w| w.kind == yusuan_import::WarningKind::OutOfRange)
        .map(ToString::to_string)
        .chain(
            model
                .iter()
                .filter(|i| i.kind.is_out_of_range())
                .map(ToString::to_string),
        )
        .collect();
    if !out_of_range.is_empty() {
        return Err(format!(
            "{shown}: {} value(s) out of range: {}",
            out_of_range.len(),
            out_of_range.join("; ")
        ));
    }
    let mut issues: Vec<InputIssue> = import
        .warnings
        .into_iter()
        .map(InputIssue::Import)
        .collect();
    issues.extend(model.into_iter().map(InputIssue::Model));
    Ok(Loaded {
        disclosure: import.disclosure,
        issues,
        layout: import.layout,
    })
}
