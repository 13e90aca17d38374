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
/// malformed JSON).
pub fn load(path: &Path) -> Result<Loaded, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let shown = path.display();
    match ext.as_deref() {
        Some("json") => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
            let (disclosure, issues) =
                Disclosure::load(&text).map_err(|e| format!("{shown}: {e}"))?;
            Ok(Loaded {
                disclosure,
                issues: issues.into_iter().map(InputIssue::Model).collect(),
            })
        }
        Some("txt" | "pdf") => {
            let import = yusuan_import::import_path(path).map_err(|e| format!("{shown}: {e}"))?;
            let mut issues: Vec<InputIssue> = import
                .warnings
                .into_iter()
                .map(InputIssue::Import)
                .collect();
            issues.extend(
                import
                    .disclosure
                    .validate()
                    .into_iter()
                    .map(InputIssue::Model),
            );
            Ok(Loaded {
                disclosure: import.disclosure,
                issues,
            })
        }
        _ => Err(format!(
            "{shown}: expected a .json disclosure, or a .txt / .pdf to import"
        )),
    }
}
