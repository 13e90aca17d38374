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
    /// - Blank lines and lines starting with `#` are skipped; so is a first
    ///   line whose first cell is not a code (a header such as
    ///   `科目编码,科目名称`). A UTF-8 byte-order mark is ignored.
    /// - Codes are parsed like [`Code::parse`] (`208 01 08` is fine); names
    ///   are trimmed.
    /// - A header naming the columns `first_year` and `last_year` (as in the
    ///   printed-names data file and the output of `yusuan code --harvest`)
    ///   gives each row its own budget years; `years` then applies to rows
    ///   whose year cells are empty. One code may have several rows if their
    ///   years do not overlap (a renamed code); a 款/项/目 needs a parent row
    ///   whose years meet its own.
    ///
    /// Every line is checked and all problems are reported together in
    /// [`ClassificationError::InvalidFile`], each with its line number: a
    /// code that does not parse (bad length, non-digit, …), a missing name
    /// column, an empty name, bad years, a duplicate code (for overlapping
    /// years), a 款/项/目 whose parent is not in the file, a malformed CSV
    /// record.
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
        let first_line = text
            .lines()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .unwrap_or("");
        let tab = first_line.contains('\t');
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .delimiter(if tab { b'\t' } else { b',' })
            .quoting(!tab)
            .from_reader(text.as_bytes());

        let mut problems: Vec<ClassificationError> = Vec::new();
        // (line, code, name, years)
        let mut rows: Vec<(usize, Code, String, YearRange)> = Vec::new();
        let mut lines_of: HashMap<Code, Vec<(usize, YearRange)>> = HashMap::new();
        let mut year_columns: Option<(usize, usize)> = None;
        let mut seen_data = false;
        let bad_field = |line: usize, column: &'static str, text: String, reason: &'static str| {
            ClassificationError::BadField {
                source_name: source_name.to_owned(),
                line,
                column,
                text,
                reason,
            }
        };

        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    problems.push(bad_field(line, "record", e.to_string(), "malformed CSV"));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line() as usize);
            let cells: Vec<&str> = record.iter().map(str::trim).collect();
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            let code_cell = cells.first().copied().unwrap_or("");
            let first_data_line = !seen_data;
            seen_data = true;
            if first_data_line && !starts_with_digit(code_cell) {
                // A header: it may name per-row years.
                let find = |name: &str| cells.iter().position(|c| *c == name);
                year_columns = find("first_year").zip(find("last_year"));
                continue;
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
            let Some(&name) = cells.get(1) else {
                problems.push(ClassificationError::MissingColumn {
                    source_name: source_name.to_owned(),
                    line,
                    column: "name",
                    text: record
                        .iter()
                        .collect::<Vec<_>>()
                        .join(if tab { "\t" } else { "," }),
                });
                continue;
            };
            if name.is_empty() {
                problems.push(ClassificationError::EmptyName {
                    source_name: source_name.to_owned(),
                    line,
                    code: code.to_string(),
                });
                continue;
            }
            let row_years = match year_columns {
                None => years,
                Some((f, l)) => {
                    let (first, last) = (cells.get(f).copied(), cells.get(l).copied());
                    match (first.map(str::parse::<u16>), last.map(str::parse::<u16>)) {
                        (Some(Ok(first)), Some(Ok(last))) => match YearRange::new(first, last) {
                            Ok(y) => y,
                            Err(_) => {
                                problems.push(bad_field(
                                    line,
                                    "last_year",
                                    format!("{first}-{last}"),
                                    "the first year is after the last",
                                ));
                                continue;
                            }
                        },
                        (None, None) | (Some(Err(_)), _) if first.unwrap_or("").is_empty() => years,
                        _ => {
                            problems.push(bad_field(
                                line,
                                "first_year",
                                format!("{}-{}", first.unwrap_or(""), last.unwrap_or("")),
                                "expected two years such as 2019 and 2025",
                            ));
                            continue;
                        }
                    }
                }
            };
            let earlier = lines_of.entry(code).or_default();
            if let Some(&(first_line, _)) = earlier.iter().find(|(_, y)| y.overlaps(row_years)) {
                problems.push(ClassificationError::DuplicateCode {
                    source_name: source_name.to_owned(),
                    line,
                    first_line,
                    code: code.to_string(),
                });
                continue;
            }
            earlier.push((line, row_years));
            rows.push((line, code, name.to_owned(), row_years));
        }

        for (line, code, _, row_years) in &rows {
            if let Some(parent) = code.parent() {
                let present = lines_of
                    .get(&parent)
                    .is_some_and(|ys| ys.iter().any(|(_, y)| y.overlaps(*row_years)));
                if !present {
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
            |(_, code, name, years)| Entry::new(code, name, years, provenance.clone()),
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
        let text = "code,name\n208,\"社会保障,和就业支出\"\n";
        let c = Catalog::load_edition("t.csv", text, "e", YearRange::single(2025)).unwrap();
        assert_eq!(
            c.name(Code::parse("208").unwrap(), 2025),
            Some("社会保障,和就业支出")
        );
    }

    #[test]
    fn year_columns_give_each_row_its_years() {
        let text = "code\tname\tfirst_year\tlast_year\tsource\n\
                    210\t医疗卫生与计划生育支出\t2017\t2018\ta\n\
                    210\t卫生健康支出\t2019\t2025\tb\n\
                    21011\t行政事业单位医疗\t2023\t2025\tb\n";
        let c = Catalog::load_edition("t.tsv", text, "e", YearRange::single(2025)).unwrap();
        let code = Code::parse("210").unwrap();
        assert_eq!(c.name(code, 2017), Some("医疗卫生与计划生育支出"));
        assert_eq!(c.name(code, 2024), Some("卫生健康支出"));
        // Overlapping years of one code are a duplicate.
        let text = "code\tname\tfirst_year\tlast_year\n210\ta\t2017\t2019\n210\tb\t2019\t2025\n";
        let Err(ClassificationError::InvalidFile { problems, .. }) =
            Catalog::load_edition("t.tsv", text, "e", YearRange::single(2025))
        else {
            panic!("expected InvalidFile")
        };
        assert!(matches!(
            problems[0],
            ClassificationError::DuplicateCode {
                line: 3,
                first_line: 2,
                ..
            }
        ));
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
