//! The reading cases of `fixtures/cases` (layout-text excerpts of real
//! disclosures, with their right outcome worked out by hand), asserted at
//! the generic-table level.

use yusuan_layout::{find_tables, pages_from_layout_text, Scan, Settings};
use yusuan_money::Decimal;
use yusuan_tables::GenericTable;

fn scan(name: &str) -> Scan {
    let path = format!("{}/../../fixtures/cases/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    find_tables(&pages_from_layout_text(&text), &Settings::default())
}

/// The row's cells as printed, `_` for a blank cell.
fn cells(t: &GenericTable, row: usize) -> Vec<String> {
    t.rows[row]
        .cells
        .iter()
        .map(|c| c.as_ref().map_or("_".to_string(), |c| c.text.clone()))
        .collect()
}

fn row<'a>(t: &'a GenericTable, label_or_code: &str) -> &'a yusuan_tables::GenericRow {
    t.rows
        .iter()
        .find(|r| r.label == label_or_code || r.code.as_deref() == Some(label_or_code))
        .unwrap_or_else(|| panic!("no row {label_or_code} in {:#?}", t.rows))
}

fn amount(t: &GenericTable, label_or_code: &str, col: usize) -> Decimal {
    row(t, label_or_code).cells[col]
        .as_ref()
        .and_then(|c| c.amount())
        .unwrap_or_else(|| panic!("no amount at {label_or_code} / {col}"))
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn f03_blank_purchase_cell_keeps_its_column() {
    let s = scan("f03_sangong_blank_cell.txt");
    assert_eq!(s.tables.len(), 1);
    let t = &s.tables[0];
    assert_eq!(t.title, "单位“三公”经费和机关运行经费预算表");
    let leaf: Vec<&str> = t
        .columns
        .iter()
        .map(|c| c.path.last().unwrap().as_str())
        .collect();
    assert_eq!(
        leaf,
        [
            "合计",
            "因公出国(境)费",
            "公务接待费",
            "小计",
            "购置费",
            "运行费",
            "2024年机关运行经费预算数"
        ]
    );
    assert!(t.columns[4]
        .path
        .contains(&"公务用车购置及运行费".to_string()));
    assert_eq!(cells(t, 0), ["6.4", "0", "0", "6.4", "_", "6.4", "0"]);
    // 合计 = 因公出国 + 公务接待 + 小计; 小计 = blank + 运行费.
    let c = |k: usize| {
        t.rows[0].cells[k]
            .as_ref()
            .and_then(|c| c.amount())
            .unwrap_or_default()
    };
    assert_eq!(c(0), c(1) + c(2) + c(3));
    assert_eq!(c(3), c(4) + c(5));
    assert!(s.unplaced.is_empty());
}

#[test]
fn f05_wrapped_label_joined_to_the_number_line() {
    let s = scan("f05_wrapped_label.txt");
    assert_eq!(s.tables.len(), 2, "收入 | 支出 halves");
    let (inc, exp) = (&s.tables[0], &s.tables[1]);
    assert_eq!(inc.title, "部门财政拨款收支预算总表");
    assert_eq!(s.geometry[1].half, Some((2, 2)));
    assert_eq!(inc.columns[0].path, ["财政拨款收入", "预算数"]);
    assert_eq!(amount(inc, "一、一般公共预算资金", 0), d("4429100"));
    assert_eq!(amount(inc, "收入总计", 0), d("4429100"));
    let leaf: Vec<&str> = exp
        .columns
        .iter()
        .map(|c| c.path.last().unwrap().as_str())
        .collect();
    assert_eq!(
        leaf,
        ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
    );
    let r = row(exp, "四、文化旅游体育与传媒支出");
    assert_eq!(r.cells[0].as_ref().unwrap().text, "100,000");
    assert_eq!(exp.rows.len(), 5);
    // Expenditure rows add up to the total.
    let sum: Decimal = exp.rows[..4]
        .iter()
        .map(|r| r.cells[0].as_ref().unwrap().amount().unwrap())
        .sum();
    assert_eq!(sum, amount(exp, "支出总计", 0));
    assert!(s.unplaced.is_empty());
}

#[test]
fn f10_one_digit_kuan_gets_its_zero() {
    let s = scan("f10_one_digit_kuan.txt");
    let t = &s.tables[0];
    let codes: Vec<&str> = t.rows.iter().filter_map(|r| r.code.as_deref()).collect();
    assert_eq!(codes, ["301", "30101", "30102", "30107"]);
    assert!(s.geometry[0]
        .reading_notes
        .iter()
        .any(|n| n.contains("30102")));
    let kuan = amount(t, "30101", 0) + amount(t, "30102", 0) + amount(t, "30107", 0);
    assert_eq!(kuan, amount(t, "301", 0));
    assert_eq!(amount(t, "合计", 0), amount(t, "301", 0));
    assert_eq!(t.columns[1].path, ["一般公共预算基本支出", "人员经费"]);
    assert!(s.unplaced.is_empty());
}

#[test]
fn f13_table_ends_at_its_note_not_in_the_prose() {
    let s = scan("f13_narrative_into_empty_table.txt");
    assert_eq!(s.tables.len(), 1);
    let t = &s.tables[0];
    assert_eq!(t.title, "国有资本经营预算财政拨款收入支出决算表");
    assert_eq!(t.amount_count(), 0, "empty table");
    assert!(t.note.as_deref().unwrap().starts_with("注："));
    let leaf: Vec<&str> = t
        .columns
        .iter()
        .map(|c| c.path.last().unwrap().as_str())
        .collect();
    assert_eq!(
        leaf,
        [
            "年初结转和结余",
            "本年收入",
            "小计",
            "基本支出",
            "项目支出",
            "年末结转和结余"
        ]
    );
}

#[test]
fn f14_final_rows_keyed_by_code_with_names_joined() {
    let s = scan("f14_final_wrapped_names.txt");
    assert_eq!(s.tables.len(), 1);
    let t = &s.tables[0];
    let rows: Vec<(Option<&str>, &str)> = t
        .rows
        .iter()
        .map(|r| (r.code.as_deref(), r.label.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("208"), "社会保障和就业支出"),
            (Some("20805"), "行政事业单位养老支出"),
            (Some("2080501"), "行政单位离退休"),
            (Some("2080505"), "机关事业单位基本养老保险缴费支出"),
            (Some("210"), "卫生健康支出"),
            (Some("21011"), "行政事业单位医疗"),
            (Some("2101101"), "行政单位医疗"),
            (None, "合计"),
        ]
    );
    assert_eq!(
        amount(t, "208", 0) + amount(t, "210", 0),
        amount(t, "合计", 0)
    );
    assert_eq!(
        amount(t, "20805", 0),
        amount(t, "2080501", 0) + amount(t, "2080505", 0)
    );
    assert_eq!(t.columns.len(), 3);
}

#[test]
fn f15_budget_and_final_under_every_item() {
    let s = scan("f15_final_sangong_pairs.txt");
    let t = &s.tables[0];
    assert_eq!(t.columns.len(), 12);
    for (k, c) in t.columns.iter().enumerate() {
        assert_eq!(
            c.path.last().unwrap(),
            if k % 2 == 0 { "预算数" } else { "决算数" }
        );
    }
    assert!(t.columns[0].path.contains(&"合计".to_string()));
    assert!(t.columns[11].path.contains(&"公务接待费".to_string()));
    assert!(t.columns[2].path.contains(&"因公出国（境）费".to_string()));
    let c = |k: usize| t.rows[0].cells[k].as_ref().unwrap().amount().unwrap();
    assert_eq!((c(0), c(1)), (d("2.85"), d("0.39")));
    assert_eq!((c(10), c(11)), (d("2.85"), d("0.39")));
    assert_eq!(t.rows.len(), 1);
    assert!(t.note.is_some());
}

#[test]
fn f19_titles_with_ordinal_year_and_unit_prefix() {
    let s = scan("f19_title_ordinal_and_xiangmumingcheng.txt");
    let titles: Vec<&str> = s.tables.iter().map(|t| t.title.as_str()).collect();
    assert!(titles.contains(&"部门收支预算总表"));
    assert!(titles.contains(&"部门支出预算总表"));
    assert!(s.geometry[0].printed_title.starts_with("一、2017"));
    let total = s
        .tables
        .iter()
        .find(|t| t.title == "部门支出预算总表")
        .unwrap();
    let leaf: Vec<&str> = total
        .columns
        .iter()
        .map(|c| c.path.last().unwrap().as_str())
        .collect();
    assert_eq!(
        leaf,
        [
            "合计",
            "基本支出",
            "项目支出",
            "单位预留机动经费",
            "结转下年资金"
        ]
    );
    assert_eq!(total.rows[0].cells[0].as_ref().unwrap().text, "28,849.38");
    // The 收支总表's halves: income and the two expenditure views.
    let halves: Vec<&GenericTable> = s
        .tables
        .iter()
        .filter(|t| t.title == "部门收支预算总表")
        .collect();
    assert_eq!(amount(halves[0], "收入合计", 0), d("28849.38"));
    assert!(halves.iter().any(
        |h| h.rows.iter().any(|r| r.label == "八、社会保障和就业支出"
            && r.cells[0].as_ref().map(|c| c.text.as_str()) == Some("2,347.13"))
    ));
    assert!(s.unplaced.is_empty());
}

#[test]
fn f21_single_amount_column() {
    let s = scan("f21_single_column.txt");
    let t = &s.tables[0];
    assert_eq!(t.title, "一般公共预算基本支出预算表");
    assert_eq!(t.number.as_deref(), Some("公开 08 表"));
    assert_eq!(t.columns.len(), 1);
    assert_eq!(t.columns[0].path, ["金额"]);
    assert_eq!(
        amount(t, "301", 0),
        amount(t, "30101", 0) + amount(t, "30102", 0)
    );
    assert_eq!(
        amount(t, "合计", 0),
        amount(t, "301", 0) + amount(t, "302", 0) + amount(t, "303", 0)
    );
}

#[test]
fn f23_page_number_is_not_the_total() {
    let s = scan("f23_page_number_as_total.txt");
    assert_eq!(s.tables.len(), 2);
    let empty = &s.tables[0];
    assert_eq!(empty.title, "政府性基金支出预算表");
    assert_eq!(empty.amount_count(), 0);
    assert!(
        s.unplaced.iter().all(|u| u.text != "19"),
        "a page number is not an amount"
    );
    let t = &s.tables[1];
    assert_eq!(t.title, "一般公共预算机关运行经费支出预算表");
    assert_eq!(t.number.as_deref(), Some("公开 11 表"));
    assert_eq!(amount(t, "合计", 0), d("2722.57"));
    assert_eq!(amount(t, "302", 0), d("2722.57"));
}

#[test]
fn c01_central_template_both_tables_in_full() {
    let s = scan("c01_central_explanation_page.txt");
    let sz: Vec<&GenericTable> = s.tables.iter().filter(|t| t.title == "收支总表").collect();
    assert_eq!(sz.len(), 2);
    assert_eq!(sz[0].number.as_deref(), Some("单位公开表 1"));
    assert_eq!(amount(sz[0], "一、一般公共预算拨款收入", 0), d("4175.52"));
    assert_eq!(amount(sz[0], "本年收入合计", 0), d("8179.19"));
    assert_eq!(amount(sz[0], "收入总计", 0), d("8633.56"));
    assert_eq!(amount(sz[1], "支出总计", 0), d("8633.56"));
    assert_eq!(amount(sz[1], "二、住房保障支出", 0), d("350.93"));
    let sr = s.tables.iter().find(|t| t.title == "收入总表").unwrap();
    assert_eq!(sr.number.as_deref(), Some("单位公开表 2"));
    assert_eq!(sr.rows.len(), 1);
    let by_leaf = |name: &str| {
        let k = sr
            .columns
            .iter()
            .position(|c| c.path.last().unwrap() == name)
            .unwrap();
        sr.rows[0].cells[k].as_ref().map(|c| c.text.clone())
    };
    assert_eq!(by_leaf("合计").as_deref(), Some("8,633.56"));
    assert_eq!(by_leaf("上年结转").as_deref(), Some("324.37"));
    assert_eq!(by_leaf("一般公共预算拨款收入").as_deref(), Some("4,175.52"));
    assert_eq!(by_leaf("金额").as_deref(), Some("568.77"));
    assert_eq!(by_leaf("其中:教育收费"), None);
    assert_eq!(by_leaf("其他收入").as_deref(), Some("3,434.90"));
    assert_eq!(by_leaf("使用非财政拨款结余").as_deref(), Some("130.00"));
    assert_eq!(sr.columns.len(), 12);
    assert_eq!(sr.amount_count(), 6);
    // The 说明's 8,633.56 is prose, outside every table.
    assert_eq!(s.unplaced.len(), 1);
    assert_eq!(s.unplaced[0].text, "8,633.56");
}
