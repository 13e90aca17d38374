//! Loading a full official edition from a user's TSV or CSV file.

use std::collections::HashMap;
use std::path::Path;

use crate::{Catalog, ClassificationError, Code, Entry, Provenance, YearRange};

impl Catalog {
    /// Loads one edition of the 政府收支分类科目 from delimited text, as
    /// 财政部 publishes it and vendors export it: one code per line,
    /// columns `code,name[,...]` (extra columns are ignored).
    ///
    /// - The delimiter is a tab if the first data line holds one, else a
    ///   comma; CSV fields may be double-quoted (`"a,b"`, `""` for `"`).
    ///   Records are read with the `csv` crate.
    /// - Blank lines and lines starting with `#` are skipped; so is a first
    ///   line whose first cell is not a code (a header such as
    ///   `科目编码,科目名称`). A UTF-8 byte-order mark is ignored.
    /// - Codes are parsed like [`Code::parse`] (`208 01 08` is fine); names
    ///   are trimmed.
    ///
    /// Every line is checked and all problems are reported together in
    /// [`ClassificationError::InvalidFile`], each with its line number: a
    /// code that does not parse (bad length, non-digit, …), a missing name
    /// column, an empty name, a duplicate code, a 款/项/目 whose parent is
    /// not in the file.
    ///
    /// Every entry gets [`Provenance::OfficialScheme`] with `edition` and
    /// the budget `years` the edition applies to.
    ///
    /// ```
    /// use yusuan_classification::{Catalog, ClassificationError, Code, YearRange};
    ///
    /// let text = "科目编码,科目名称\n208,社会保障和就业支出\n20801,人力资源和社会保障管理事务\n2080108,信息化建设\n";
    /// let catalog = Catalog::load_edition("2025.csv", text, "2025年政府收支分类科目", YearRange::single(2025))?;
    /// assert_eq!(catalog.name(Code::parse("2080108")?, 2025), Some("信息化建设"));
    ///
    /// let bad = "208,社会保障和就业支出\n2080108,信息化建设\n20801089,x\n208,重复\n";
    /// let err = Catalog::load_edition("bad.csv", bad, "test", YearRange::single(2025)).unwrap_err();
    /// let ClassificationError::InvalidFile { problems, .. } = err else { panic!() };
    /// assert_eq!(problems.len(), 3);
    /// // In line order: 2080108 has no 20801; 20801089 has 8 digits; 208 again.
    /// assert!(matches!(problems[0], ClassificationError::MissingParent { line: 2, .. }));
    /// assert!(matches!(problems[1], ClassificationError::BadCodeOnLine { line: 3, .. }));
    /// assert!(matches!(problems[2], ClassificationError::DuplicateCode { line: 4, first_line: 1, .. }));
    /// # Ok::<(), ClassificationError>(())
    /// ```
    pub fn load_edition(
        source_name: &str,
        text: &str,
        edition: &str,
        years: YearRange,
    ) -> Result<Catalog, ClassificationError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut problems: Vec<ClassificationError> = Vec::new();
        let mut rows: Vec<(usize, Code, String)> = Vec::new();
        let mut first_line_of: HashMap<Code, usize> = HashMap::new();
        // The delimiter: a tab if the first data line holds one, else a comma.
        let tab = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .is_some_and(|l| l.contains('\t'));
        // The csv crate reads the records (quoted CSV fields may hold
        // commas, `""` and line breaks; a TSV is split at tabs only).
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(if tab { b'\t' } else { b',' })
            .quoting(!tab)
            .from_reader(text.as_bytes());
        let mut seen_data = false;

        for (index, record) in reader.records().enumerate() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(index + 1, |p| {
                        usize::try_from(p.line()).unwrap_or(usize::MAX)
                    });
                    problems.push(ClassificationError::BadField {
                        source_name: source_name.to_owned(),
                        line,
                        column: "record",
                        text: e.to_string(),
                        reason: "not a well-formed CSV record",
                    });
                    continue;
                }
            };
            let line = record.position().map_or(index + 1, |p| {
                usize::try_from(p.line()).unwrap_or(usize::MAX)
            });
            let cells: Vec<&str> = record.iter().collect();
            let code_cell = cells.first().copied().unwrap_or("").trim();
            if cells.iter().all(|c| c.trim().is_empty()) || code_cell.starts_with('#') {
                continue; // blank line or comment
            }
            let first_data_line = !seen_data;
            seen_data = true;
            if first_data_line && !starts_with_digit(code_cell) {
                continue; // header
            }
            let code = match Code::parse(code_cell) {
                Ok(code) => code,
                Err(error) => {
                    problems.push(ClassificationError::BadCodeOnLine {
                        source_name: source_name.to_owned(),
                        line,
                        error: Box::new(error),
                    });
                    continue;
                }
            };
            let Some(name) = cells.get(1) else {
                problems.push(ClassificationError::MissingColumn {
                    source_name: source_name.to_owned(),
                    line,
                    column: "name",
                    text: cells.join(if tab { "\t" } else { "," }),
                });
                continue;
            };
            let name = name.trim();
            if name.is_empty() {
                problems.push(ClassificationError::EmptyName {
                    source_name: source_name.to_owned(),
                    line,
                    code: code.to_string(),
                });
                continue;
            }
            if let Some(&first_line) = first_line_of.get(&code) {
                problems.push(ClassificationError::DuplicateCode {
                    source_name: source_name.to_owned(),
                    line,
                    first_line,
                    code: code.to_string(),
                });
                continue;
            }
            first_line_of.insert(code, line);
            rows.push((line, code, name.to_owned()));
        }

        for (line, code, _) in &rows {
            if let Some(parent) = code.parent() {
                if !first_line_of.contains_key(&parent) {
                    problems.push(ClassificationError::MissingParent {
                        source_name: source_name.to_owned(),
                        line: *line,
                        code: code.to_string(),
                        parent: parent.to_string(),
                    });
                }
            }
        }

        if !problems.is_empty() {
            problems.sort_by_key(problem_line);
            return Err(ClassificationError::InvalidFile {
                source_name: source_name.to_owned(),
                problems,
            });
        }
        let provenance = Provenance::OfficialScheme {
            edition: edition.to_owned(),
        };
        Ok(Catalog::from_entries(rows.into_iter().map(
            |(_, code, name)| Entry::new(code, name, years, provenance.clone()),
        )))
    }

    /// [`Catalog::load_edition`] from a file (UTF-8).
    pub fn load_edition_file(
        path: impl AsRef<Path>,
        edition: &str,
        years: YearRange,
    ) -> Result<Catalog, ClassificationError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| ClassificationError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Catalog::load_edition(&path.display().to_string(), &text, edition, years)
    }
}

fn problem_line(problem: &ClassificationError) -> usize {
    match problem {
        ClassificationError::BadCodeOnLine { line, .. }
        | ClassificationError::MissingColumn { line, .. }
        | ClassificationError::EmptyName { line, .. }
        | ClassificationError::DuplicateCode { line, .. }
        | ClassificationError::MissingParent { line, .. }
        | ClassificationError::BadField { line, .. } => *line,
        _ => 0,
    }
}

fn starts_with_digit(cell: &str) -> bool {
    cell.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes() {
        let text = "科目编码,科目名称\n208,\"社会保障, \"\"和\"\"就业支出\",x\n";
        let c = Catalog::load_edition("t.csv", text, "e", YearRange::single(2025)).unwrap();
        assert_eq!(
            c.name(Code::parse("208").unwrap(), 2025),
            Some("社会保障, \"和\"就业支出")
        );
        // A TSV is split at tabs only: quotes are kept.
        let text = "208\t\"社会\"\tx\n";
        let c = Catalog::load_edition("t.tsv", text, "e", YearRange::single(2025)).unwrap();
        assert_eq!(c.name(Code::parse("208").unwrap(), 2025), Some("\"社会\""));
    }

    #[test]
    fn tsv_with_extra_columns_and_split_codes() {
        let text = "# 2025 edition\ncode\tname\tnote\n208\t社会保障和就业支出\t\n208 01\t人力资源和社会保障管理事务\tx\n";
        let c = Catalog::load_edition("t.tsv", text, "e", YearRange::single(2025)).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(
            c.name(Code::parse("20801").unwrap(), 2025),
            Some("人力资源和社会保障管理事务")
        );
        assert_eq!(c.name(Code::parse("20801").unwrap(), 2024), None);
    }

    #[test]
    fn every_problem_has_its_line() {
        let text = "208,社会保障和就业支出\n20801,\n2080108\n20a,x\n2080150,事业运行\n";
        let Err(ClassificationError::InvalidFile { problems, .. }) =
            Catalog::load_edition("t.csv", text, "e", YearRange::single(2025))
        else {
            panic!("expected InvalidFile")
        };
        let lines: Vec<usize> = problems.iter().map(problem_line).collect();
        assert_eq!(lines, [2, 3, 4, 5]);
        assert!(matches!(problems[0], ClassificationError::EmptyName { .. }));
        assert!(matches!(
            problems[1],
            ClassificationError::MissingColumn { column: "name", .. }
        ));
        assert!(matches!(
            problems[2],
            ClassificationError::BadCodeOnLine { .. }
        ));
        // 20801 was rejected (empty name), so 2080150 has no parent.
        assert!(matches!(
            problems[3],
            ClassificationError::MissingParent { .. }
        ));
        let message = ClassificationError::InvalidFile {
            source_name: "t.csv".into(),
            problems,
        }
        .to_string();
        assert!(
            message.contains("t.csv line 4: code \"20a\" contains 'a'"),
            "{message}"
        );
    }
}
