//! `yusuan code`: look codes up, harvest the codes documents print, and
//! say what the embedded catalog covers.
//!
//! ```text
//! yusuan code CODE... [--year Y]        each code's path and names for year Y (default 2025)
//! yusuan code --harvest FILE|DIR...     every (code, name, year, document) printed, as TSV
//! yusuan code --coverage [--year Y]     codes held per scheme and level, and their sources
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use yusuan_classification::{Catalog, Code, Harvest, NameStatus, Provenance, Scheme};

use std::fmt::Write as _;

use crate::{FINDINGS, OK, UNUSABLE};

/// Arguments of `yusuan code`.
#[derive(Debug, clap::Args)]
pub struct CodeArgs {
    /// Codes such as 2080108, 30239 or "208 01 08", or names of a 类 or 款
    /// printed without a code ("三、医疗卫生与计划生育支出").
    #[arg(required_unless_present_any = ["harvest", "coverage"])]
    codes: Vec<String>,
    /// Budget year whose names to use (default 2025); with --coverage, the
    /// year to count (default: every year); with --harvest, the budget year
    /// of every document (default: read from each file name or text).
    #[arg(long)]
    year: Option<u16>,
    /// Harvest every (code, name) the documents print: .pdf (read with
    /// `pdftotext -layout`) or .txt files, or directories of them. Prints
    /// TSV in the format of the printed-names data file; conflicts (a code
    /// printed with two names in one year) go to standard error.
    #[arg(long, num_args = 1.., value_name = "FILE|DIR", conflicts_with_all = ["codes", "coverage"])]
    harvest: Vec<PathBuf>,
    /// Print how many codes the embedded catalog holds per scheme and level,
    /// and where they come from.
    #[arg(long, conflicts_with = "codes")]
    coverage: bool,
}

/// Runs `yusuan code`; returns the exit status.
pub fn run(args: &CodeArgs) -> u8 {
    if !args.harvest.is_empty() {
        harvest(&args.harvest, args.year)
    } else if args.coverage {
        coverage(args.year)
    } else {
        lookup(&args.codes, args.year.unwrap_or(2025))
    }
}

fn lookup(texts: &[String], year: u16) -> u8 {
    let catalog = Catalog::embedded();
    let mut status = OK;
    let mut out = String::new();
    for text in texts {
        let code = match Code::parse(text) {
            Ok(code) => code,
            Err(_) if !text.chars().any(|c| c.is_ascii_digit()) => {
                // A 类 or 款 name printed without its code.
                match resolve(&mut out, catalog, text, year) {
                    Some(code) => code,
                    None => {
                        let _ = writeln!(
                            out,
                            "{text}: no 类 or 款 of that name in the embedded catalog"
                        );
                        status = status.max(FINDINGS);
                        continue;
                    }
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                status = UNUSABLE;
                continue;
            }
        };
        let path = catalog.path(code, year);
        let _ = writeln!(
            out,
            "{code} ({} {}, {year}): {path}",
            code.scheme().label_zh(),
            code.level().label_zh()
        );
        match catalog.get(code, year) {
            Some(entry) => {
                let _ = writeln!(out, "  source: {}", entry.provenance());
                if !entry.sources().is_empty() {
                    let _ = writeln!(out, "  printed in: {}", entry.sources().join(", "));
                }
            }
            None => {
                let _ = writeln!(out, "  not in the embedded catalog for {year} (the catalog is partial: see `yusuan code --coverage`)");
                status = status.max(FINDINGS);
            }
        }
        // Other names of the code, in other years.
        let current = catalog.name(code, year);
        let mut by_name: Vec<(&str, Vec<String>)> = Vec::new();
        for e in catalog.history(code) {
            if Some(e.name()) == current {
                continue;
            }
            let years = e.years().to_string();
            match by_name.iter_mut().find(|(n, _)| *n == e.name()) {
                Some((_, list)) if !list.contains(&years) => list.push(years),
                Some(_) => {}
                None => by_name.push((e.name(), vec![years])),
            }
        }
        let others: Vec<String> = by_name
            .iter()
            .map(|(n, years)| format!("{n} ({})", years.join(", ")))
            .collect();
        if !others.is_empty() {
            let _ = writeln!(out, "  other names: {}", others.join("; "));
        }
    }
    crate::with_stdout(status, |o| o.write(&out))
}

/// The code a 类 or 款 name names in `year`, saying so (and whether the
/// name is obsolete).
fn resolve(out: &mut String, catalog: &Catalog, text: &str, year: u16) -> Option<Code> {
    let hit = [Scheme::Function, Scheme::DepartmentEconomic]
        .into_iter()
        .find_map(|scheme| catalog.resolve_name(scheme, text, year))?;
    match &hit.status {
        NameStatus::Current => {
            let _ = writeln!(out, "{text}: {} in {year}", hit.code);
        }
        NameStatus::Obsolete {
            current_name,
            valid_in,
        } => {
            let _ = writeln!(
                out,
                "{text}: {} (warning: obsolete in {year}: the name of {valid_in}; in {year} it is {current_name})",
                hit.code
            );
        }
        NameStatus::OtherYears { valid_in } => {
            let _ = writeln!(
                out,
                "{text}: {} (the name of {valid_in}; no name for {year} in the embedded catalog)",
                hit.code
            );
        }
        _ => {
            let _ = writeln!(out, "{text}: {}", hit.code);
        }
    }
    Some(hit.code)
}

fn coverage(year: Option<u16>) -> u8 {
    let catalog = Catalog::embedded();
    let mut out = String::new();
    let scope = match year {
        Some(y) => format!("budget year {y}"),
        None => "all years".to_owned(),
    };
    let _ = writeln!(
        out,
        "embedded catalog, {scope} (partial: not a full edition of the 政府收支分类科目)"
    );
    let coverage = match year {
        Some(y) => catalog.coverage_in(y),
        None => catalog.coverage(),
    };
    let _ = write!(out, "{coverage}");
    let _ = writeln!(out, "sources:");
    let mut editions: Vec<&str> = Vec::new();
    for e in catalog.entries() {
        if let Provenance::OfficialScheme { edition } = e.provenance() {
            if year.map_or(true, |y| e.years().contains(y)) && !editions.contains(&edition.as_str())
            {
                editions.push(edition);
            }
        }
    }
    for edition in editions {
        let _ =
            writeln!(out,
            "  official edition: {edition} (data/official-*.tsv, the parts that could be verified)"
        );
    }
    for row in &coverage.rows {
        // With a year: the documents of that year (their file names carry
        // it); the other entries reach the year from a range of years.
        let docs: Vec<&str> = row
            .documents
            .iter()
            .map(String::as_str)
            .filter(|d| year.map_or(true, |y| d.contains(&format!("_{y}_"))))
            .collect();
        let others = row.documents.len() - docs.len();
        let (scheme, level) = (row.scheme.label_zh(), row.level.label_zh());
        if !docs.is_empty() {
            let _ = writeln!(
                out,
                "  {scheme} {level}: printed in {} document(s){}: {}",
                docs.len(),
                year.map(|y| format!(" of {y}")).unwrap_or_default(),
                docs.join(", ")
            );
        }
        if others > 0 && year.is_some() {
            let _ = writeln!(out, "  {scheme} {level}: and from {others} document(s) of other years whose rows span it");
        }
    }
    let _ = writeln!(out, "a full edition can be loaded from a TSV/CSV file: Catalog::load_edition_file (see the yusuan-classification docs)");
    crate::with_stdout(OK, |o| o.write(&out))
}

/// The budget year of a document: `_2025_` in its file name, else the first
/// "2025年" / "2025 年度" in its text.
fn year_of(path: &Path, text: &str) -> Option<u16> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    for part in name.split(|c: char| !c.is_ascii_digit()) {
        if part.len() == 4 {
            if let Ok(y) = part.parse::<u16>() {
                if (2000..2100).contains(&y) {
                    return Some(y);
                }
            }
        }
    }
    let chars: Vec<char> = text.chars().take(20_000).collect();
    for (i, w) in chars.windows(4).enumerate() {
        if w.iter().all(char::is_ascii_digit) && w.first() == Some(&'2') && w.get(1) == Some(&'0') {
            let rest: String = chars.iter().skip(i + 4).take(3).collect();
            if rest.trim_start().starts_with('年') {
                let y: String = w.iter().collect();
                return y.parse().ok();
            }
        }
    }
    None
}

/// The document id: the file name without `.pdf`, `.txt` or `.layout.txt`.
fn document_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for ext in [".layout.txt", ".pdf", ".txt"] {
        if let Some(stem) = name.strip_suffix(ext) {
            return stem.to_owned();
        }
    }
    name
}

/// Files to harvest: each file given, and the .pdf / .txt files under each
/// directory; one file per document (a .pdf before its .layout.txt before
/// its .txt).
fn documents(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut by_id: BTreeMap<String, (u8, PathBuf)> = BTreeMap::new();
    for path in paths {
        if path.is_dir() {
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                let entry = entry.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                let p = entry.path();
                let name = p.to_string_lossy();
                let rank = if name.ends_with(".pdf") {
                    0
                } else if name.ends_with(".layout.txt") {
                    1
                } else if name.ends_with(".txt") {
                    2
                } else {
                    continue;
                };
                let id = document_id(p);
                if by_id.get(&id).map_or(true, |(r, _)| rank < *r) {
                    by_id.insert(id, (rank, p.to_path_buf()));
                }
            }
        } else {
            by_id.insert(document_id(path), (0, path.clone()));
        }
    }
    Ok(by_id.into_values().map(|(_, p)| p).collect())
}

fn text_of(path: &Path) -> Result<String, String> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        let out = Command::new("pdftotext")
            .arg("-layout")
            .arg(path)
            .arg("-")
            .output()
            .map_err(|e| format!("cannot run pdftotext for {}: {e}", path.display()))?;
        if !out.status.success() {
            return Err(format!(
                "pdftotext failed on {}: {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    }
}

fn harvest(paths: &[PathBuf], year: Option<u16>) -> u8 {
    let files = match documents(paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return UNUSABLE;
        }
    };
    if files.is_empty() {
        eprintln!("error: no .pdf or .txt file found");
        return UNUSABLE;
    }
    let mut status = OK;
    let mut harvest = Harvest::new();
    for file in &files {
        let text = match text_of(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                status = UNUSABLE;
                continue;
            }
        };
        let Some(year) = year.or_else(|| year_of(file, &text)) else {
            eprintln!(
                "error: {}: no budget year in the file name or text; give --year",
                file.display()
            );
            status = UNUSABLE;
            continue;
        };
        let n = harvest.add_text(&text, year, &document_id(file));
        eprintln!("{}: {year}, {n} code/name pairs", file.display());
    }
    let conflicts = harvest.conflicts();
    for c in &conflicts {
        eprintln!("conflict: {c}");
    }
    let out = format!(
        "# yusuan code --harvest: codes and names as printed in {} document(s)\n# source: the documents named in the source column\n{}",
        files.len(),
        harvest.to_tsv()
    );
    crate::with_stdout(status, |o| o.write(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_from_name_or_text() {
        assert_eq!(
            year_of(Path::new("js-fy_2017_dept-budget.pdf"), ""),
            Some(2017)
        );
        assert_eq!(
            year_of(Path::new("x.txt"), "上海市 2024 年度部门决算"),
            Some(2024)
        );
        assert_eq!(year_of(Path::new("x.txt"), "no year"), None);
        assert_eq!(document_id(Path::new("a/b.layout.txt")), "b");
    }
}
