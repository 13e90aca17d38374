//! Synthetic pages (pdftotext -tsv output and layout text written by hand)
//! for every pattern the table finder handles.

use yusuan_layout::{
    debug_svg, find_tables, pages_from_layout_text, parse_tsv, pdf_pages, LayoutError, Scan,
    Settings, UnplacedReason,
};
use yusuan_tables::GenericTable;

/// A word: left, top, right, text (height 10, like a 10 pt font).
type W<'a> = (f64, f64, f64, &'a str);

/// pdftotext -tsv output for pages of 600 × 800 points.
fn tsv(pages: &[Vec<W>]) -> String {
    let mut s = String::from("level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
    for (i, words) in pages.iter().enumerate() {
        let p = i + 1;
        s += &format!("1\t{p}\t0\t0\t0\t0\t0\t0\t600\t800\t-1\t###PAGE###\n");
        for (x0, y0, x1, t) in words {
            s += &format!(
                "5\t{p}\t0\t0\t0\t0\t{x0}\t{y0}\t{}\t10\t100\t{t}\n",
                x1 - x0
            );
        }
    }
    s
}

fn scan_tsv(pages: &[Vec<W>]) -> Scan {
    find_tables(&parse_tsv(&tsv(pages)).unwrap(), &Settings::default())
}

/// A layout-text line with each text at its character column (one column
/// per character, as pdftotext -layout prints).
fn at(cols: &[(usize, &str)]) -> String {
    let mut line = String::new();
    for (col, text) in cols {
        let n = line.chars().count();
        let pad = col.saturating_sub(n).max(if n == 0 { 0 } else { 2 });
        line.push_str(&" ".repeat(pad));
        line.push_str(text);
    }
    line.push('\n');
    line
}

fn scan_text(text: &str) -> Scan {
    find_tables(&pages_from_layout_text(text), &Settings::default())
}

fn cells(t: &GenericTable, row: usize) -> Vec<String> {
    t.rows[row]
        .cells
        .iter()
        .map(|c| c.as_ref().map_or("_".to_string(), |c| c.text.clone()))
        .collect()
}

fn leaves(t: &GenericTable) -> Vec<String> {
    t.columns
        .iter()
        .map(|c| c.path.last().cloned().unwrap_or_default())
        .collect()
}

/// A 功能分类 table: heading at y 100, rows from y 130 every 20 points.
fn heading_words() -> Vec<W<'static>> {
    vec![
        (200.0, 40.0, 400.0, "一般公共预算支出功能分类预算表"),
        (40.0, 70.0, 200.0, "编制单位：某局"),
        (500.0, 70.0, 550.0, "单位：元"),
        (40.0, 100.0, 90.0, "科目编码"),
        (150.0, 100.0, 200.0, "科目名称"),
        (320.0, 100.0, 340.0, "合计"),
        (400.0, 100.0, 440.0, "基本支出"),
        (490.0, 100.0, 530.0, "项目支出"),
    ]
}

#[test]
fn split_codes_page_numbers_and_continuation_without_heading() {
    let mut p1 = heading_words();
    p1.extend([
        (40.0, 130.0, 60.0, "201"),
        (150.0, 130.0, 230.0, "一般公共服务支出"),
        (300.0, 130.0, 345.0, "1,200.00"),
        (390.0, 130.0, 435.0, "1,000.00"),
        (490.0, 130.0, 530.0, "200.00"),
        (40.0, 150.0, 60.0, "201"),
        (70.0, 150.0, 80.0, "06"),
        (150.0, 150.0, 210.0, "财政事务"),
        (300.0, 150.0, 345.0, "1,200.00"),
        (390.0, 150.0, 435.0, "1,000.00"),
        (490.0, 150.0, 530.0, "200.00"),
        (290.0, 760.0, 300.0, "7"),
    ]);
    let p2 = vec![
        (290.0, 20.0, 300.0, "8"),
        (40.0, 60.0, 60.0, "201"),
        (70.0, 60.0, 80.0, "06"),
        (90.0, 60.0, 100.0, "01"),
        (150.0, 60.0, 210.0, "行政运行"),
        (300.0, 60.0, 345.0, "1,200.00"),
        (390.0, 60.0, 435.0, "1,000.00"),
        (490.0, 60.0, 530.0, "200.00"),
        (150.0, 80.0, 180.0, "合计"),
        (300.0, 80.0, 345.0, "1,200.00"),
        (390.0, 80.0, 435.0, "1,000.00"),
        (490.0, 80.0, 530.0, "200.00"),
    ];
    let s = scan_tsv(&[p1, p2]);
    assert_eq!(s.tables.len(), 1);
    let t = &s.tables[0];
    assert_eq!(t.at, "pages 1–2");
    assert_eq!(leaves(t), ["合计", "基本支出", "项目支出"]);
    let codes: Vec<Option<&str>> = t.rows.iter().map(|r| r.code.as_deref()).collect();
    assert_eq!(codes, [Some("201"), Some("20106"), Some("2010601"), None]);
    assert_eq!(t.rows[3].label, "合计");
    assert_eq!(cells(t, 2), ["1,200.00", "1,000.00", "200.00"]);
    assert_eq!(t.amount_count(), 12);
    assert!(
        s.unplaced.is_empty(),
        "page numbers are not amounts: {:?}",
        s.unplaced
    );
    assert_eq!(s.geometry[0].pages, [1, 2]);
}

#[test]
fn continuation_with_a_repeated_heading() {
    let mut p1 = heading_words();
    p1.extend([
        (40.0, 130.0, 60.0, "201"),
        (150.0, 130.0, 230.0, "一般公共服务支出"),
        (300.0, 130.0, 345.0, "1,200.00"),
        (490.0, 130.0, 530.0, "200.00"),
    ]);
    // Page 2 repeats the heading, a little to the right.
    let p2 = vec![
        (45.0, 40.0, 95.0, "科目编码"),
        (155.0, 40.0, 205.0, "科目名称"),
        (325.0, 40.0, 345.0, "合计"),
        (405.0, 40.0, 445.0, "基本支出"),
        (495.0, 40.0, 535.0, "项目支出"),
        (45.0, 70.0, 65.0, "208"),
        (155.0, 70.0, 235.0, "社会保障和就业支出"),
        (305.0, 70.0, 350.0, "300.00"),
        (395.0, 70.0, 440.0, "300.00"),
    ];
    let s = scan_tsv(&[p1, p2]);
    assert_eq!(s.tables.len(), 1);
    let t = &s.tables[0];
    assert_eq!(t.rows.len(), 2);
    assert_eq!(cells(t, 0), ["1,200.00", "_", "200.00"]);
    assert_eq!(cells(t, 1), ["300.00", "300.00", "_"]);
    assert!(s.unplaced.is_empty());
}

#[test]
fn lanci_row_dropped_and_single_amount_column() {
    let s = scan_text(
        "公开 07 表\n\
         一般公共预算机关运行经费支出预算表\n\
         部门：    某部门                单位：万元\n\
         科目编码      科目名称        金额\n\
         栏次                            1\n\
         \n\
         302           商品和服务支出    2,722.57\n\
         30201         办公费            2,722.57\n",
    );
    let t = &s.tables[0];
    assert_eq!(t.title, "一般公共预算机关运行经费支出预算表");
    assert_eq!(t.number.as_deref(), Some("公开 07 表"));
    assert_eq!(t.columns.len(), 1);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.amount_count(), 2);
    assert!(s.unplaced.is_empty());

    let s = scan_text(
        "某表\n单位：万元\n项目      合计     基本支出    项目支出\n栏次      1        2           3\n合计      10.00    6.00        4.00\n",
    );
    assert_eq!(s.tables[0].rows.len(), 1);
    assert_eq!(cells(&s.tables[0], 0), ["10.00", "6.00", "4.00"]);
}

#[test]
fn title_prefixes_and_labels() {
    let s = scan_text(
        "一、2017 年度江苏省某局部门收支预算总表  部门公开表 3\n单位：万元\n项目    金额\n合计    1.00\n",
    );
    let t = &s.tables[0];
    assert_eq!(t.title, "部门收支预算总表");
    assert_eq!(t.number.as_deref(), Some("部门公开表 3"));
    assert!(s.geometry[0].printed_title.starts_with("一、2017"));

    let s = scan_text(
        "单位公开表3\n\n2025年预算单位收入预算总表\n编制单位：某局          单位：元\n项目    金额\n合计    1.00\n",
    );
    assert_eq!(s.tables[0].title, "预算单位收入预算总表");
    assert_eq!(s.tables[0].number.as_deref(), Some("单位公开表3"));
    assert_eq!(
        s.tables[0].amount_unit,
        Some(yusuan_tables::AmountUnit::Yuan)
    );
}

#[test]
fn heading_split_mid_word_and_merged_parents() {
    // TSV: 机关运行经 / 费预算数 over one column; 基本支出 over 人员 / 公用.
    let words: Vec<W> = vec![
        (200.0, 40.0, 300.0, "某预算表"),
        (500.0, 60.0, 550.0, "单位：万元"),
        (120.0, 90.0, 160.0, "基本支出"),
        (400.0, 90.0, 450.0, "机关运行经"),
        (405.0, 102.0, 445.0, "费预算数"),
        (0.0, 97.0, 20.0, "项目"),
        (30.0, 97.0, 50.0, "合计"),
        (80.0, 110.0, 120.0, "人员经费"),
        (160.0, 110.0, 200.0, "公用经费"),
        (0.0, 140.0, 20.0, "甲"),
        (30.0, 140.0, 55.0, "10.00"),
        (95.0, 140.0, 120.0, "6.00"),
        (175.0, 140.0, 200.0, "4.00"),
        (420.0, 140.0, 445.0, "3.00"),
    ];
    let s = scan_tsv(&[words]);
    let t = &s.tables[0];
    let paths: Vec<String> = t.columns.iter().map(|c| c.label()).collect();
    assert_eq!(
        paths,
        [
            "合计",
            "基本支出 › 人员经费",
            "基本支出 › 公用经费",
            "机关运行经费预算数"
        ]
    );
    assert_eq!(cells(t, 0), ["10.00", "6.00", "4.00", "3.00"]);
}

#[test]
fn budget_and_final_pairs_and_two_years() {
    let s = scan_text(
        "某决算表\n                      单位：万元\n         合计                公务接待费\n   预算数    决算数      预算数    决算数\n\n     2.85      0.39        2.85      0.39\n",
    );
    let t = &s.tables[0];
    let paths: Vec<String> = t.columns.iter().map(|c| c.label()).collect();
    assert_eq!(
        paths,
        [
            "合计 › 预算数",
            "合计 › 决算数",
            "公务接待费 › 预算数",
            "公务接待费 › 决算数"
        ]
    );
    let s = scan_text(
        "某表\n                      单位：万元\n项目       2023年预算数     2024年预算数\n合计          1.00             2.00\n",
    );
    assert_eq!(leaves(&s.tables[0]), ["2023年预算数", "2024年预算数"]);
    assert_eq!(cells(&s.tables[0], 0), ["1.00", "2.00"]);
}

#[test]
fn side_by_side_halves_with_codes() {
    let text = [
        at(&[(10, "一般公共预算财政拨款基本支出决算表")]),
        at(&[(60, "单位：万元")]),
        at(&[
            (0, "科目编码"),
            (10, "科目名称"),
            (28, "决算数"),
            (36, "科目编码"),
            (46, "科目名称"),
            (64, "决算数"),
        ]),
        "\n".to_string(),
        at(&[
            (0, "301"),
            (10, "工资福利支出"),
            (26, "10.00"),
            (36, "302"),
            (46, "商品和服务支出"),
            (63, "4.00"),
        ]),
        at(&[
            (0, "30101"),
            (10, "基本工资"),
            (27, "6.00"),
            (36, "30201"),
            (46, "办公费"),
            (63, "4.00"),
        ]),
        at(&[(0, "30102"), (10, "津贴补贴"), (27, "4.00")]),
    ]
    .concat();
    let s = scan_text(&text);
    assert_eq!(s.tables.len(), 2);
    let (l, r) = (&s.tables[0], &s.tables[1]);
    assert_eq!(l.rows.len(), 3);
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.rows[1].code.as_deref(), Some("30201"));
    assert_eq!(r.rows[1].label, "办公费");
    assert_eq!(cells(r, 1), ["4.00"]);
    assert_eq!(s.geometry[0].half, Some((1, 2)));
    assert!(s.unplaced.is_empty());
}

#[test]
fn wrapped_names_above_and_below() {
    let s = scan_text(
        "某表\n          单位：万元\n科目编码   科目名称        合计\n\n           社会保障和就\n208                        754.75\n           业支出\n           行政事业单位\n20805                      754.75\n           养老支出\n",
    );
    let t = &s.tables[0];
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0].label, "社会保障和就业支出");
    assert_eq!(t.rows[1].label, "行政事业单位养老支出");
}

#[test]
fn ends_at_note_next_title_and_prose() {
    // Two notes under an empty table, then the next table.
    let s = scan_text(
        "政府性基金预算支出表\n             单位：万元\n项目       合计\n合计\n注：本表无数据。\n说明：本年度没有政府性基金预算，故本表无数据。\n\n国有资本经营预算支出表\n             单位：万元\n项目       合计\n合计       1.00\n\n一、情况说明\n本单位2025年收入预算1.00万元，比上年增加0.50万元，主要原因是业务增加。\n",
    );
    assert_eq!(s.tables.len(), 2);
    assert_eq!(s.tables[0].amount_count(), 0);
    let note = s.tables[0].note.as_deref().unwrap();
    assert!(note.contains("注：") && note.contains("说明："));
    assert_eq!(s.tables[1].rows.len(), 1);
    assert_eq!(s.tables[1].amount_count(), 1);
    // Prose amounts are not in the table; "1.00万元" is one word, not listed.
    assert!(s.unplaced.is_empty(), "{:?}", s.unplaced);
    // Prose right after the rows ends the table too.
    let s = scan_text(
        "某表\n     单位：万元\n项目   合计\n合计   5.00\n本单位收入预算5.00万元，其中一般公共预算拨款5.00万元，占100%。\n  3.00  4.00\n",
    );
    assert_eq!(s.tables[0].rows.len(), 1);
    assert_eq!(s.unplaced.len(), 2);
    assert!(s
        .unplaced
        .iter()
        .all(|u| u.reason == UnplacedReason::OutsideTables));
}

#[test]
fn extra_amounts_are_listed_not_dropped() {
    let s = scan_text("某表\n     单位：万元\n项目   合计\n合计   5.00   6.00\n");
    assert_eq!(s.tables[0].amount_count(), 1);
    assert_eq!(s.unplaced.len(), 1);
    assert_eq!(s.unplaced[0].reason, UnplacedReason::ExtraInRow);
    let svg = debug_svg(
        &pages_from_layout_text("某表\n     单位：万元\n项目   合计\n合计   5.00   6.00\n")[0],
        &s,
    );
    assert!(svg.contains(r#"fill="red""#));
}

#[test]
fn form_feeds_are_pages() {
    let s = scan_text("某表\n     单位：万元\n项目        合计\n甲          1.00\n\n       1\n\x0c       2\n乙          2.00\n合计        3.00\n\x0c");
    assert_eq!(s.tables.len(), 1);
    assert_eq!(s.tables[0].at, "pages 1–2");
    assert_eq!(s.tables[0].rows.len(), 3);
    assert!(s.unplaced.is_empty());
}

#[test]
fn tsv_errors_say_where_and_what() {
    let bad = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
               1\t1\t0\t0\t0\t0\t0\t0\t600\t800\t-1\t###PAGE###\n\
               5\t1\t0\t0\t0\t0\t1\t2\tx\t4\t100\tword\n";
    match parse_tsv(bad) {
        Err(LayoutError::Tsv {
            line,
            expected,
            found,
        }) => {
            assert_eq!(line, 3);
            assert!(expected.contains("width"));
            assert_eq!(found, "x");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        parse_tsv("5\t1\n"),
        Err(LayoutError::Tsv { line: 1, .. })
    ));
    let short = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n5\t1\t0\n";
    assert!(matches!(
        parse_tsv(short),
        Err(LayoutError::Tsv { line: 2, .. })
    ));
}

#[test]
fn pdf_errors_tell_what_to_do() {
    let dir = std::env::temp_dir().join(format!("yusuan-layout-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let not_pdf = dir.join("a.pdf");
    std::fs::write(&not_pdf, "hello").unwrap();
    assert!(matches!(
        pdf_pages(&not_pdf),
        Err(LayoutError::NotPdf { .. })
    ));
    assert!(matches!(
        pdf_pages(dir.join("missing.pdf")),
        Err(LayoutError::Io { .. })
    ));
    let damaged = dir.join("b.pdf");
    std::fs::write(&damaged, "%PDF-1.4\n1 0 obj garbage\n").unwrap();
    match pdf_pages(&damaged) {
        Err(LayoutError::PdftotextMissing) => {} // no poppler here
        Err(
            e @ (LayoutError::Damaged { .. }
            | LayoutError::Pdftotext { .. }
            | LayoutError::NoTextLayer { .. }),
        ) => {
            assert!(!e.to_string().is_empty());
        }
        other => panic!("{other:?}"),
    }
    // A page without text (a scan) and an encrypted file, written by hand.
    let blank = dir.join("blank.pdf");
    std::fs::write(&blank, minimal_pdf(&[], "")).unwrap();
    let encrypted = dir.join("encrypted.pdf");
    let enc = format!(
        "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>",
        "11".repeat(32),
        "22".repeat(32)
    );
    let id = "/Encrypt 4 0 R /ID [<0102030405060708090a0b0c0d0e0f10><0102030405060708090a0b0c0d0e0f10>] ";
    std::fs::write(&encrypted, minimal_pdf(&[enc.as_str()], id)).unwrap();
    match pdf_pages(&blank) {
        Err(LayoutError::PdftotextMissing) => {}
        Err(e @ LayoutError::NoTextLayer { pages: 1, .. }) => {
            assert!(e.to_string().contains("OCR"))
        }
        other => panic!("{other:?}"),
    }
    match pdf_pages(&encrypted) {
        Err(LayoutError::PdftotextMissing) => {}
        Err(e @ LayoutError::Encrypted { .. }) => assert!(e.to_string().contains("password")),
        other => panic!("{other:?}"),
    }
    assert!(LayoutError::PdftotextMissing
        .to_string()
        .contains("poppler-utils"));
    let e = LayoutError::NoTextLayer {
        path: "x.pdf".into(),
        pages: 3,
    };
    assert!(e.to_string().contains("ocrmypdf"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn names_without_amounts_wrap_only_when_they_fill_their_cell() {
    // TSV, 9 pt: 2.政府性基金 / 预算 is one name (the upper line fills the
    // cell); 本年收入合计 / 使用非财政拨款结余 are two (the upper does not).
    let words: Vec<W> = vec![
        (200.0, 40.0, 300.0, "收入表"),
        (500.0, 60.0, 550.0, "单位：万元"),
        (60.0, 90.0, 100.0, "项目"),
        (300.0, 90.0, 330.0, "金额"),
        (60.0, 120.0, 160.0, "一、财政拨款收入"),
        (290.0, 120.0, 330.0, "17,981.68"),
        (60.0, 140.0, 170.0, "2.政府性基金预"),
        (60.0, 152.0, 80.0, "算"),
        (60.0, 172.0, 120.0, "本年收入合计"),
        (60.0, 184.0, 150.0, "使用非财政拨款结余"),
        (60.0, 210.0, 100.0, "收入总计"),
        (290.0, 210.0, 330.0, "17,981.68"),
    ];
    let s = scan_tsv(&[words]);
    let labels: Vec<&str> = s.tables[0].rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "一、财政拨款收入",
            "2.政府性基金预算",
            "本年收入合计",
            "使用非财政拨款结余",
            "收入总计"
        ]
    );
}

#[test]
fn empty_table_rows_named_with_ordinals() {
    let s = scan_text(
        "收入支出决算总表\n                单位：万元\n项目                      决算数\n\n一、一般公共预算财政拨款收入\n二、政府性基金预算财政拨款收入\n本年收入合计\n注：本表反映部门本年度的总收支。\n",
    );
    let t = &s.tables[0];
    assert_eq!(t.columns.len(), 1);
    assert_eq!(t.columns[0].path, ["决算数"]);
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "一、一般公共预算财政拨款收入",
            "二、政府性基金预算财政拨款收入",
            "本年收入合计"
        ]
    );
    assert_eq!(t.amount_count(), 0);
}

/// A one-page PDF with no content, plus `extra` objects (numbered from 4)
/// and `trailer` entries.
fn minimal_pdf(extra: &[&str], trailer: &str) -> Vec<u8> {
    let mut objs = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string(),
    ];
    objs.extend(extra.iter().map(|s| s.to_string()));
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out += &format!("{} 0 obj\n{o}\nendobj\n", i + 1);
    }
    let xref = out.len();
    out += &format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1);
    for off in offsets {
        out += &format!("{off:010} 00000 n \n");
    }
    out += &format!(
        "trailer\n<< /Size {} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n",
        objs.len() + 1
    );
    out.into_bytes()
}

/// A code printed on a line of its own above its row's name and amounts
/// (the 决算 一般公共预算财政拨款支出决算表 of sh-putuo-ghzyj 2024 prints
/// `22102` so) is that row's code.
#[test]
fn a_code_on_its_own_line_joins_the_row_below() {
    let text = [
        "一般公共预算财政拨款支出决算表".to_string(),
        at(&[(60, "单位：万元")]),
        at(&[
            (0, "科目编码"),
            (12, "科目名称"),
            (34, "合计"),
            (44, "基本支出"),
            (56, "项目支出"),
        ]),
        at(&[
            (0, "221"),
            (12, "住房保障支出"),
            (32, "461.08"),
            (44, "461.08"),
            (56, "0.00"),
        ]),
        at(&[(0, "22102")]),
        at(&[
            (12, "住房改革支出"),
            (32, "461.08"),
            (44, "461.08"),
            (56, "0.00"),
        ]),
        at(&[
            (0, "2210201"),
            (12, "住房公积金"),
            (32, "289.59"),
            (44, "289.59"),
            (56, "0.00"),
        ]),
    ]
    .join("\n");
    let scan = scan_text(&text);
    let t = &scan.tables[0];
    let codes: Vec<Option<&str>> = t.rows.iter().map(|r| r.code.as_deref()).collect();
    assert_eq!(codes, [Some("221"), Some("22102"), Some("2210201")]);
    assert_eq!(t.rows[1].label, "住房改革支出");
    assert_eq!(cells(t, 1), ["461.08", "461.08", "0.00"]);
}

/// A total's name printed in one half and its amount in the next (江苏's
/// 支出合计) names the amount's row; a name fragment of a text column (a
/// 政府采购 table's 服务 broken to 务) names nothing.
#[test]
fn only_a_total_is_named_across_halves() {
    let page = |label: &str| {
        [
            at(&[(10, "财政拨款收支预算总表")]),
            at(&[(60, "单位：万元")]),
            at(&[(0, "项目"), (20, "金额"), (36, "项目"), (60, "金额")]),
            "\n".to_string(),
            at(&[
                (0, "一、一般公共预算"),
                (18, "5.00"),
                (36, "一、基本支出"),
                (58, "5.00"),
            ]),
            "\n".to_string(),
            at(&[(0, label), (58, "5.00")]),
        ]
        .concat()
    };
    let s = scan_text(&page("支出合计"));
    assert_eq!(s.tables.len(), 2, "{:?}", s.tables);
    let r = &s.tables[1];
    assert_eq!(r.rows.last().map(|x| x.label.as_str()), Some("支出合计"));
    assert!(s.geometry[1]
        .reading_notes
        .iter()
        .any(|n| n.contains("支出合计")));
    let s = scan_text(&page("务"));
    let r = &s.tables[1];
    assert!(r.rows.iter().all(|x| x.label != "务"), "{:?}", r.rows);
    assert!(
        s.geometry[1].reading_notes.is_empty(),
        "{:?}",
        s.geometry[1].reading_notes
    );
}

/// pdftotext -layout lays out every page afresh: a continuation page
/// without a heading prints its columns shifted and narrower than the
/// heading page. Its amounts are matched to the heading page's columns;
/// where they fit more than one way, its cells are marked guessed.
#[test]
fn layout_continuation_pages_are_mapped_onto_the_heading_page() {
    let text = [
        at(&[(20, "一般公共预算支出功能分类预算表")]),
        at(&[(50, "单位：万元")]),
        at(&[
            (0, "科目编码"),
            (10, "科目名称"),
            (31, "合计"),
            (40, "基本支出"),
            (50, "项目支出"),
        ]),
        at(&[
            (0, "201"),
            (10, "一般公共服务支出"),
            (28, "1200.00"),
            (38, "1000.00"),
            (49, "200.00"),
        ]),
        at(&[
            (0, "20106"),
            (10, "财政事务"),
            (28, "1200.00"),
            (38, "1000.00"),
            (49, "200.00"),
        ]),
        "\x0c".to_string(),
        // shifted left and narrower: columns end at 33, 42, 51 (not 35, 45, 55)
        at(&[
            (0, "2010601"),
            (10, "行政运行"),
            (26, "1200.00"),
            (35, "1000.00"),
            (45, "200.00"),
        ]),
        "\x0c".to_string(),
        // one amount per row ending at 40, halfway between 合计 and 基本支出
        at(&[(0, "2010602"), (10, "一般行政管理事务"), (34, "300.00")]),
        at(&[(0, "2010603"), (10, "机关服务"), (34, "300.00")]),
    ]
    .concat();
    let s = scan_text(&text);
    assert_eq!(s.tables.len(), 1, "{:?}", s.tables);
    let t = &s.tables[0];
    assert_eq!(leaves(t), ["合计", "基本支出", "项目支出"]);
    assert_eq!(t.rows[2].code.as_deref(), Some("2010601"));
    assert_eq!(cells(t, 2), ["1200.00", "1000.00", "200.00"]);
    assert!(t.rows[..3]
        .iter()
        .all(|r| r.cells.iter().flatten().all(|c| !c.guessed)));
    // page 3: where its amount belongs cannot be told: guessed
    assert_eq!(t.rows[3].code.as_deref(), Some("2010602"));
    assert!(t.rows[3].cells.iter().flatten().all(|c| c.guessed));
    assert!(t.rows[3].cells.iter().flatten().count() == 1);
    assert_eq!(s.geometry[0].guessed, [3]);
}
