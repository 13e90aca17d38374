//! Rendering tables for people: aligned text with Chinese headers, and CSV
//! (UTF-8 with a byte-order mark, so spreadsheet programs open the Chinese
//! text correctly).
//!
//! Amounts are shown in the unit the table is printed in (万元 or 元), so the
//! output can be compared with the document line by line.

use crate::kinds::{AmountUnit, Column, RowKey, TableKind};
use crate::tables::Number;
use crate::view::{TableView, ViewRow};
use crate::Disclosure;
use yusuan_money::Wan;

/// The width of `s` on a terminal (CJK counts 2); see
/// [`yusuan_money::text::display_width`].
///
/// ```
/// use yusuan_tables::render::display_width;
/// assert_eq!(display_width("合计"), 4);
/// assert_eq!(display_width("8,633.56"), 8);
/// assert_eq!(display_width("因公出国（境）费"), 16);
/// ```
pub use yusuan_money::text::display_width;

fn pad_right(s: &str, width: usize) -> String {
    let mut out = s.to_owned();
    out.push_str(&" ".repeat(width.saturating_sub(display_width(s))));
    out
}

fn pad_left(s: &str, width: usize) -> String {
    let mut out = " ".repeat(width.saturating_sub(display_width(s)));
    out.push_str(s);
    out
}

/// A number as the table prints it: `8,633.56` (万元, or 元 for a table in
/// 元), `17.47%`.
fn shown(n: Number, unit: AmountUnit) -> String {
    match (n, unit) {
        (Number::Amount(w), AmountUnit::Yuan) => match w.to_yuan() {
            Ok(y) => Wan::new(y).to_string(),
            Err(_) => format!("{w} 万元"),
        },
        _ => n.to_string(),
    }
}

/// A number for CSV: no thousands separators (`8633.56`), percentages with
/// `%`.
fn plain(n: Number, unit: AmountUnit) -> String {
    match (n, unit) {
        (Number::Amount(w), AmountUnit::Yuan) => match w.to_yuan() {
            Ok(y) => y.to_string(),
            Err(_) => w.plain(),
        },
        (Number::Amount(w), _) => w.plain(),
        (Number::Percent(p), _) => p.to_string(),
    }
}

/// An extra column's heading; when it reads as one of the model's columns
/// (江苏's grand 合计 beside the "三公" subtotal, which is the model's 合计)
/// it says it is the extra one.
fn extra_header(view: &TableView<'_>, x: &crate::ExtraColumn) -> String {
    let label = x.label();
    let clash = view
        .sections
        .iter()
        .flat_map(|s| &s.columns)
        .any(|&c| view.header(c) == label);
    if clash {
        format!("{label}（表外栏）")
    } else {
        label
    }
}

fn key_cell(row: &ViewRow) -> String {
    match row.key {
        RowKey::Code(c) => c.to_string(),
        _ => String::new(),
    }
}

fn label_cell(row: &ViewRow) -> String {
    format!("{}{}", "  ".repeat(row.depth), row.label)
}

/// The table as aligned text: a heading with the printed number, title and
/// unit, then one block per section with Chinese headers; an empty table
/// shows its note.
///
/// ```
/// use yusuan_classification::Code;
/// use yusuan_money::Wan;
/// use yusuan_tables::*;
/// let w = |s: &str| Some(Wan::parse(s).unwrap());
/// let d = Disclosure::builder("某单位", 2025)
///     .expenditure_summary(CodeTable::new()
///         .numbered("单位公开表3", "单位支出总表")
///         .with_columns(&[Column::Total, Column::Basic, Column::Project])
///         .row(Code::parse("221")?, "住房保障支出",
///              ExpenditureAmounts { total: w("350.93"), basic: w("350.93"), ..Default::default() }))
///     .build()?;
/// let text = render::text(&d.view(TableKind::ExpenditureSummary).unwrap());
/// assert_eq!(text, "\
/// 单位公开表3  单位支出总表  （单位：万元）
/// 科目编码  科目名称        合计  基本支出  项目支出
/// 221       住房保障支出  350.93    350.93
/// ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn text(view: &TableView<'_>) -> String {
    let mut out = String::new();
    let mut heading = Vec::new();
    if let Some(n) = &view.meta.number {
        heading.push(n.clone());
    }
    heading.push(view.title().to_owned());
    heading.push(format!("（单位：{}）", view.amount_unit.label_zh()));
    out.push_str(&heading.join("  "));
    out.push('\n');
    let with_code = view.kind != TableKind::ThreePublicExpenditure
        && view.sections.iter().all(|s| s.name.is_none());
    for section in &view.sections {
        if let Some(name) = section.name {
            out.push_str(&format!("【{name}】\n"));
        }
        let mut header: Vec<String> = Vec::new();
        if with_code {
            header.push("科目编码".to_owned());
            header.push("科目名称".to_owned());
        } else {
            header.push("项目".to_owned());
        }
        header.extend(section.columns.iter().map(|&c| view.header(c)));
        header.extend(
            view.meta
                .extra_columns
                .iter()
                .map(|x| extra_header(view, x)),
        );
        let mut lines: Vec<Vec<String>> = vec![header];
        for row in &section.rows {
            let mut line = Vec::new();
            if with_code {
                line.push(key_cell(row));
            }
            line.push(label_cell(row));
            line.extend(
                row.values
                    .iter()
                    .map(|v| v.map(|n| shown(n, view.amount_unit)).unwrap_or_default()),
            );
            line.extend(view.meta.extra_columns.iter().map(|x| {
                x.amount(&row.key)
                    .map(|w| shown(Number::Amount(w), view.amount_unit))
                    .unwrap_or_default()
            }));
            lines.push(line);
        }
        let ncols = lines.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..ncols)
            .map(|i| {
                lines
                    .iter()
                    .filter_map(|l| l.get(i))
                    .map(|s| display_width(s))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let text_cols = if with_code { 2 } else { 1 };
        for line in &lines {
            let cells: Vec<String> = line
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (s, &w))| {
                    if i < text_cols {
                        pad_right(s, w)
                    } else {
                        pad_left(s, w)
                    }
                })
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        if section.rows.is_empty() {
            out.push_str("（无数据）\n");
        }
    }
    if !view.meta.extra_columns.is_empty() {
        let names: Vec<String> = view
            .meta
            .extra_columns
            .iter()
            .map(|x| extra_header(view, x))
            .collect();
        out.push_str(&format!(
            "表外栏（模型无对应栏，已读取、未核对）：{}\n",
            names.join("、")
        ));
    }
    if let Some(note) = &view.meta.empty_note {
        out.push_str(note);
        out.push('\n');
    }
    out
}

/// Every table of the disclosure as text ([`text`]), in printed order,
/// separated by blank lines, under a heading naming the unit and year; then
/// the other matters ([`other_matters_text`]) when any was read.
pub fn text_all(d: &Disclosure) -> String {
    let mut out = format!("{} {}年{}\n", d.unit.name, d.year, d.kind.label_zh());
    for v in d.views() {
        out.push('\n');
        out.push_str(&text(&v));
    }
    if let Some(other) = other_matters_text(d) {
        out.push('\n');
        out.push_str(&other);
    }
    out
}

/// One figure of the other matters: (part, item, value, unit).
struct Matter {
    part: &'static str,
    item: String,
    /// As text shows it (`2,319.21`) and as CSV writes it (`2319.21`).
    shown: String,
    plain: String,
    unit: &'static str,
}

fn matter(
    part: &'static str,
    item: impl Into<String>,
    shown: String,
    plain: String,
    unit: &'static str,
) -> Matter {
    Matter {
        part,
        item: item.into(),
        shown,
        plain,
        unit,
    }
}

fn wan_matter(part: &'static str, item: impl Into<String>, w: Wan) -> Matter {
    matter(part, item, w.to_string(), w.plain(), "万元")
}

fn count_matter(part: &'static str, item: impl Into<String>, n: u32, unit: &'static str) -> Matter {
    matter(part, item, n.to_string(), n.to_string(), unit)
}

fn vehicle_matters(out: &mut Vec<Matter>, what: &str, v: &crate::VehicleCount) {
    const PART: &str = "国有资产占有";
    out.push(count_matter(PART, what, v.total, "辆"));
    for c in &v.categories {
        out.push(count_matter(
            PART,
            format!("{what} / {}", c.name),
            c.count,
            "辆",
        ));
    }
}

/// The figures of 政府采购, 机关运行经费 and 国有资产占有, in that order.
fn matters(d: &Disclosure) -> Vec<Matter> {
    use crate::ProcurementField as F;
    let mut out = Vec::new();
    if let Some(p) = &d.procurement {
        for &f in F::ALL {
            if let Some(w) = p.get(f) {
                out.push(wan_matter("政府采购", f.label_zh(), w));
            }
        }
    }
    if let Some(a) = &d.agency_operation {
        const PART: &str = "机关运行经费";
        if a.none {
            out.push(matter(
                PART,
                "无机关运行经费",
                String::new(),
                String::new(),
                "",
            ));
        }
        if let Some(w) = a.amount {
            out.push(wan_matter(PART, "金额", w));
        }
        if let Some(y) = a.base_year {
            out.push(count_matter(PART, "比较年度", u32::from(y), "年"));
        }
        if let Some(dir) = a.direction {
            let item = format!("比上年{}", dir.label_zh());
            match a.change {
                Some(w) => out.push(wan_matter(PART, item, w)),
                None => out.push(matter(PART, item, String::new(), String::new(), "")),
            }
        }
        if let Some(r) = a.rate {
            let word = a
                .rate_direction
                .or(a.direction)
                .map_or("增减率", |d| d.label_zh());
            out.push(matter(PART, word, r.to_string(), r.to_string(), ""));
        }
    }
    if let Some(h) = &d.asset_holdings {
        const PART: &str = "国有资产占有";
        if let Some(date) = h.as_of {
            out.push(matter(PART, "截至", date.to_string(), date.to_string(), ""));
        }
        if let Some(v) = &h.vehicles {
            vehicle_matters(&mut out, "车辆", v);
        }
        if let Some(n) = h.large_equipment {
            out.push(count_matter(
                PART,
                "单价100万元（含）以上设备（不含车辆）",
                n,
                "台（套）",
            ));
        }
        if let Some(v) = &h.planned_vehicles {
            vehicle_matters(&mut out, "预算安排购置车辆", v);
        }
        if let Some(n) = h.planned_large_equipment {
            out.push(count_matter(
                PART,
                "预算安排购置单价100万元（含）以上设备（不含车辆）",
                n,
                "台（套）",
            ));
        }
    }
    out
}

/// The other matters the disclosure states outside its tables — 政府采购
/// (with its 中小企业 figures), 机关运行经费 and 国有资产占有 (车辆, large
/// equipment) — as aligned text, one figure a line under its part; `None`
/// when none was read.
///
/// ```
/// use yusuan_money::Wan;
/// use yusuan_tables::*;
/// let d = Disclosure::builder("某局", 2024)
///     .procurement(Procurement {
///         total: Some(Wan::parse("2319.21")?),
///         sme_reserved: Some(Wan::parse("225.10")?),
///         ..Default::default()
///     })
///     .agency_operation(AgencyOperation { none: true, ..Default::default() })
///     .build()?;
/// assert_eq!(render::other_matters_text(&d).unwrap(), "\
/// 其他事项
/// 【政府采购】
/// 总额              2,319.21  万元
/// 面向中小企业预留    225.10  万元
/// 【机关运行经费】
/// 无机关运行经费
/// ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn other_matters_text(d: &Disclosure) -> Option<String> {
    let all = matters(d);
    if all.is_empty() {
        return None;
    }
    let item_w = all
        .iter()
        .map(|m| display_width(&m.item))
        .max()
        .unwrap_or(0);
    let value_w = all
        .iter()
        .map(|m| display_width(&m.shown))
        .max()
        .unwrap_or(0);
    let mut out = String::from("其他事项\n");
    let mut part = "";
    for m in &all {
        if m.part != part {
            part = m.part;
            out.push_str(&format!("【{part}】\n"));
        }
        let line = if m.shown.is_empty() {
            m.item.clone()
        } else {
            format!(
                "{}  {}  {}",
                pad_right(&m.item, item_w),
                pad_left(&m.shown, value_w),
                m.unit
            )
        };
        out.push_str(line.trim_end());
        out.push('\n');
    }
    Some(out)
}

/// The other matters ([`other_matters_text`]) as CSV, in the form of
/// [`csv()`]: header `事项,项目,数值,单位`, one line per figure (amounts in
/// 万元 as plain decimals, counts of vehicles and equipment, the date as
/// printed); `None` when none was read.
///
/// ```
/// use yusuan_tables::*;
/// let d = Disclosure::builder("某局", 2024)
///     .asset_holdings(AssetHoldings {
///         as_of: Some(StatedDate { year: 2024, month: Some(12), day: Some(31) }),
///         vehicles: Some(VehicleCount { total: 2, categories: vec![
///             VehicleCategory { name: "执法执勤用车".into(), count: 2 }] }),
///         ..Default::default()
///     })
///     .build()?;
/// assert_eq!(render::other_matters_csv(&d).unwrap(), "\u{feff}事项,项目,数值,单位\r\n\
///     国有资产占有,截至,2024年12月31日,\r\n\
///     国有资产占有,车辆,2,辆\r\n\
///     国有资产占有,车辆 / 执法执勤用车,2,辆\r\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn other_matters_csv(d: &Disclosure) -> Option<String> {
    let all = matters(d);
    if all.is_empty() {
        return None;
    }
    let mut records = vec![vec![
        "事项".to_owned(),
        "项目".to_owned(),
        "数值".to_owned(),
        "单位".to_owned(),
    ]];
    for m in all {
        records.push(vec![m.part.to_owned(), m.item, m.plain, m.unit.to_owned()]);
    }
    Some(write_csv(&records))
}

/// A text cell that a spreadsheet program would run as a formula (CSV
/// injection: a label from untrusted JSON starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) is prefixed with `'`. Numbers such as
/// `-0.43` or `-3.50%` stay numbers.
fn guard(s: &str) -> String {
    let is_number = || Wan::parse(s.trim_end_matches('%')).is_ok();
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number() {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// Records as CSV (the `csv` crate: quoting where needed, CRLF line ends),
/// each field guarded against formulas, after a byte-order mark.
fn write_csv(records: &[Vec<String>]) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(Vec::new());
    for record in records {
        // Writing to a `Vec` cannot fail.
        let _ = w.write_record(record.iter().map(|f| guard(f)));
    }
    let bytes = w.into_inner().unwrap_or_default();
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

/// The table as CSV: UTF-8 with a byte-order mark (U+FEFF) first, CRLF line
/// ends, one header row (`科目编码,科目名称,合计（万元）,…`; the summary
/// tables add a first column 收支 with 收入/支出 and head the label column
/// 项目; the "三公" table has 项目 (the period) and no code column; columns the
/// model has no slot for, [`crate::ExtraColumn`], come last under their printed
/// heading), then one line per row.
/// Amounts are plain decimals in the printed unit (`8633.56`), percentages
/// end in `%`, blank cells are empty. A text cell that a spreadsheet would
/// take for a formula (starting with `=`, `+`, `-` or `@`) is prefixed with
/// `'`.
///
/// ```
/// use yusuan_classification::Code;
/// use yusuan_money::Wan;
/// use yusuan_tables::*;
/// let w = |s: &str| Some(Wan::parse(s).unwrap());
/// let d = Disclosure::builder("某单位", 2025)
///     .expenditure_summary(CodeTable::new()
///         .with_columns(&[Column::Total, Column::Basic])
///         .row(Code::parse("221")?, "住房保障支出",
///              ExpenditureAmounts { total: w("1350.93"), ..Default::default() }))
///     .build()?;
/// let csv = render::csv(&d.view(TableKind::ExpenditureSummary).unwrap());
/// assert_eq!(csv, "\u{feff}科目编码,科目名称,合计（万元）,基本支出（万元）\r\n221,住房保障支出,1350.93,\r\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn csv(view: &TableView<'_>) -> String {
    let summary = view.sections.iter().any(|s| s.name.is_some());
    let mut columns: Vec<Column> = Vec::new();
    for s in &view.sections {
        for &c in &s.columns {
            if !columns.contains(&c) {
                columns.push(c);
            }
        }
    }
    let unit = view.amount_unit.label_zh();
    let mut header: Vec<String> = Vec::new();
    if summary {
        header.push("收支".to_owned());
    }
    let with_code = view.kind != TableKind::ThreePublicExpenditure;
    if with_code {
        header.push("科目编码".to_owned());
    }
    header.push(
        if with_code && !summary {
            "科目名称"
        } else {
            "项目"
        }
        .to_owned(),
    );
    header.extend(columns.iter().map(|&c| {
        if c.is_percent() {
            view.header(c)
        } else {
            format!("{}（{unit}）", view.header(c))
        }
    }));
    header.extend(
        view.meta
            .extra_columns
            .iter()
            .map(|x| format!("{}（{unit}）", extra_header(view, x))),
    );
    let mut records = vec![header];
    for s in &view.sections {
        for row in &s.rows {
            let mut line: Vec<String> = Vec::new();
            if summary {
                line.push(s.name.unwrap_or_default().to_owned());
            }
            if with_code {
                line.push(match row.key {
                    RowKey::Code(c) => c.to_string(),
                    _ => String::new(),
                });
            }
            line.push(row.label.clone());
            for c in &columns {
                let v = s
                    .columns
                    .iter()
                    .position(|x| x == c)
                    .and_then(|i| row.values.get(i).copied().flatten());
                line.push(v.map(|n| plain(n, view.amount_unit)).unwrap_or_default());
            }
            line.extend(view.meta.extra_columns.iter().map(|x| {
                x.amount(&row.key)
                    .map(|w| plain(Number::Amount(w), view.amount_unit))
                    .unwrap_or_default()
            }));
            records.push(line);
        }
    }
    write_csv(&records)
}

/// One CSV per table: `(file name, contents)`, file names such as
/// `03-expenditure_summary.csv` (template number and kind); then
/// `10-other_matters.csv` ([`other_matters_csv`]) when the disclosure states
/// 政府采购, 机关运行经费 or 国有资产占有.
pub fn csv_files(d: &Disclosure) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = d
        .views()
        .iter()
        .map(|v| {
            (
                format!("{:02}-{}.csv", v.kind.template_number(), v.kind.as_str()),
                csv(v),
            )
        })
        .collect();
    if let Some(other) = other_matters_csv(d) {
        files.push(("10-other_matters.csv".to_owned(), other));
    }
    files
}

#[cfg(test)]
mod tests {
    fn csv_field(s: &str) -> String {
        let csv = super::write_csv(&[vec![s.to_owned()]]);
        let csv = csv.trim_start_matches('\u{feff}');
        csv.strip_suffix("\r\n").unwrap_or(csv).to_owned()
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_field("住房保障支出"), "住房保障支出");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("-0.43"), "-0.43");
        assert_eq!(csv_field("-3.50%"), "-3.50%");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-x"), "'-x");
    }
}
