//! The six Shanghai 普陀区 disclosures (another template than the seed's):
//! raw and layout text, and the PDFs when pdftotext is installed, import
//! without a crash into what can be recognised, with warnings for the rest.

use std::path::{Path, PathBuf};

use yusuan_classification::Code;
use yusuan_import::{import_path, import_text, TextFormat};
use yusuan_money::Wan;
use yusuan_tables::{Column, RowKey, TableKind};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus/putuo")
}

const STEMS: [&str; 6] = [
    "sh-putuo-shangwuwei_2025_unit-budget",
    "sh-putuo-shangwuwei_2025_dept-budget",
    "sh-putuo-qufuban_2025_unit-budget",
    "sh-putuo-wanlijiedao_2025_dept-budget",
    "sh-putuo-sifaju_2026_unit-budget",
    "sh-putuo-sifaju_2026_dept-budget",
];

/// Whether pdftotext is missing (the PDF tests then pass without reading).
fn no_pdftotext() -> bool {
    let missing = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err();
    if missing {
        eprintln!("pdftotext (poppler-utils) is not installed: this test reads a corpus PDF and is skipped");
    }
    missing
}

fn read(stem: &str, ext: &str) -> String {
    std::fs::read_to_string(corpus().join(format!("{stem}{ext}"))).expect("corpus file")
}

#[test]
fn layout_text_reads_all_nine_tables() {
    for stem in STEMS {
        let imp = import_text(&read(stem, ".layout.txt")).expect(stem);
        assert_eq!(imp.format, TextFormat::Layout, "{stem}");
        let d = &imp.disclosure;
        assert_eq!(
            d.tables.kinds().len(),
            9,
            "{stem}: {:?}\n{:#?}",
            d.tables.kinds(),
            imp.warnings
        );
        assert!(
            d.unit.name.starts_with("上海市普陀区"),
            "{stem}: {}",
            d.unit.name
        );
        assert_eq!(
            d.year,
            if stem.contains("2026") { 2026 } else { 2025 },
            "{stem}"
        );
        assert_eq!(d.amount_unit, yusuan_tables::AmountUnit::Yuan, "{stem}");
        assert!(!d.narrative.is_empty(), "{stem}");
        assert!(d.procurement.is_some(), "{stem}");
    }
}

#[test]
fn layout_figures_read_from_the_pdf_text() {
    // Figures checked by hand against the layout text.
    let imp = import_text(&read("sh-putuo-shangwuwei_2025_unit-budget", ".layout.txt")).unwrap();
    let t = &imp.disclosure.tables;
    let yuan = |s: &str| Wan::from_yuan_exact(s.parse().unwrap());
    let get = |k, row: RowKey, c| t.get(k, &row, c).and_then(|n| n.as_amount());
    // 支出预算总表 合计 row: 371,514,655.00 = 19,830,655.00 + 351,684,000.00
    assert_eq!(
        get(TableKind::ExpenditureSummary, RowKey::Total, Column::Basic),
        Some(yuan("19830655.00"))
    );
    assert_eq!(
        get(
            TableKind::ExpenditureSummary,
            RowKey::Total,
            Column::Project
        ),
        Some(yuan("351684000.00"))
    );
    // 201 13 02 一般行政管理事务 prints 4,545,000.00 twice: 合计 and 项目支出 (基本 blank)
    let row = RowKey::Code("2011302".parse().unwrap());
    assert_eq!(
        get(TableKind::ExpenditureSummary, row, Column::Project),
        Some(yuan("4545000.00"))
    );
    assert_eq!(get(TableKind::ExpenditureSummary, row, Column::Basic), None);
    // "三公" table in 万元: 合计 1.00, 公务接待费 1.00 (by printed position), 机关运行经费 171.01
    let p = RowKey::Period(yusuan_tables::Period {
        year: 2025,
        basis: yusuan_tables::Basis::Budget,
    });
    assert_eq!(
        get(TableKind::ThreePublicExpenditure, p, Column::Reception),
        Some(Wan::parse("1.00").unwrap())
    );
    assert_eq!(
        get(TableKind::ThreePublicExpenditure, p, Column::OutboundTravel),
        None
    );
    assert_eq!(
        get(
            TableKind::ThreePublicExpenditure,
            p,
            Column::AgencyOperation
        ),
        Some(Wan::parse("171.01").unwrap())
    );
    // read by the printed positions of its columns: no cell is in doubt
    let three = t.three_public_expenditure.as_ref().expect("三公 table");
    assert!(
        three
            .meta
            .reading
            .as_ref()
            .map_or(true, |r| r.doubtful.is_empty()),
        "{:?}",
        three.meta.reading
    );
    // 万里街道 prints zeros and amounts without decimals
    let imp = import_text(&read(
        "sh-putuo-wanlijiedao_2025_dept-budget",
        ".layout.txt",
    ))
    .unwrap();
    let t = &imp.disclosure.tables;
    let row = RowKey::Code("2120101".parse().unwrap());
    assert_eq!(
        t.get(TableKind::ExpenditureSummary, &row, Column::Project)
            .and_then(|n| n.as_amount()),
        Some(yuan("150000"))
    );
}

#[test]
fn raw_text_reads_what_it_can_and_names_the_rest() {
    for stem in STEMS {
        let imp = import_text(&read(stem, ".txt")).expect(stem);
        assert_eq!(imp.format, TextFormat::Raw, "{stem}");
        let d = &imp.disclosure;
        // the empty tables and their notes are read
        assert!(d.tables.has(TableKind::GovernmentFundExpenditure), "{stem}");
        assert!(d.tables.has(TableKind::StateCapitalExpenditure), "{stem}");
        // every table not read is named in a warning
        for &k in TableKind::ALL {
            if !d.tables.has(k) {
                assert!(
                    imp.warnings.iter().any(|w| w.table == Some(k)),
                    "{stem}: {k:?} missing without a warning"
                );
            }
        }
        assert!(!d.narrative.is_empty(), "{stem}");
    }
}

#[test]
fn pdfs_import_when_pdftotext_is_installed() {
    let have = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    for stem in STEMS {
        let path = corpus().join(format!("{stem}.pdf"));
        match import_path(&path) {
            Ok(imp) => {
                assert!(have);
                assert_eq!(imp.format, TextFormat::Layout, "{stem}");
                assert_eq!(imp.disclosure.tables.kinds().len(), 9, "{stem}");
                assert_eq!(
                    imp.disclosure.source.as_deref(),
                    Some(path.display().to_string().as_str())
                );
            }
            Err(yusuan_import::ImportError::PdfToTextMissing { .. }) => assert!(!have),
            Err(e) => panic!("{stem}: {e}"),
        }
    }
}

/// Errors a person reading the layout text confirms (each was checked by
/// hand against `*.layout.txt`): the document is wrong there.
const TRUE_ERRORS: &[(&str, &str, &str)] = &[
    // 204 06 01 行政运行 prints 14,348,853.34 14,348,853.34 64,840,547.00:
    // its 合计 is not 基本 + 项目, and 20406's 项目 is not the sum of its items.
    (
        "sh-putuo-sifaju_2026_unit-budget",
        "ExpenditureTableRow",
        "2040601",
    ),
    (
        "sh-putuo-sifaju_2026_unit-budget",
        "ExpenditureTableTree",
        "20406",
    ),
    (
        "sh-putuo-sifaju_2026_unit-budget",
        "GeneralBudgetRow",
        "2040601",
    ),
    (
        "sh-putuo-sifaju_2026_unit-budget",
        "GeneralBudgetTree",
        "20406",
    ),
    // 行政运行: 1434.89 against 1690.69 is −15.13%, printed 减少1.10%.
    (
        "sh-putuo-sifaju_2026_unit-budget",
        "NarrativeGrowth",
        "第9条",
    ),
    // 行政单位离退休: 57.8 against 57.43 is +0.64%, printed 减少2.27%.
    (
        "sh-putuo-sifaju_2026_unit-budget",
        "NarrativeGrowth",
        "第21条",
    ),
    (
        "sh-putuo-sifaju_2026_unit-budget",
        "NarrativeDirection",
        "第21条",
    ),
    // 购房补贴: 170.03 against 241.76 is −29.67%, printed 增加21.74%.
    (
        "sh-putuo-sifaju_2026_unit-budget",
        "NarrativeGrowth",
        "第33条",
    ),
    (
        "sh-putuo-sifaju_2026_unit-budget",
        "NarrativeDirection",
        "第33条",
    ),
    // 其他司法支出: 执行数 printed 43269.3 (3845.49 is far below it), 增加17.62%.
    (
        "sh-putuo-sifaju_2026_dept-budget",
        "NarrativeGrowth",
        "第19条",
    ),
    (
        "sh-putuo-sifaju_2026_dept-budget",
        "NarrativeDirection",
        "第19条",
    ),
    // 职业年金: 91.97 against 77.99 is +17.93%, printed 17.66%.
    (
        "sh-putuo-sifaju_2026_dept-budget",
        "NarrativeGrowth",
        "第25条",
    ),
    // 住房公积金: 201.50 against 198.34 is +1.59%, printed 5.27%.
    (
        "sh-putuo-sifaju_2026_dept-budget",
        "NarrativeGrowth",
        "第31条",
    ),
];

#[test]
fn checking_the_corpus_reports_no_false_error() {
    let mut unexplained = Vec::new();
    let mut found = vec![false; TRUE_ERRORS.len()];
    for stem in STEMS {
        for ext in [".layout.txt", ".txt"] {
            let imp = import_text(&read(stem, ext)).unwrap();
            let report = yusuan_reconcile::reconcile(&imp.disclosure);
            for f in report
                .findings
                .iter()
                .filter(|f| f.severity == yusuan_reconcile::Severity::Error)
            {
                let rule = format!("{:?}", f.rule);
                let at = f.location.to_string();
                let known = TRUE_ERRORS.iter().position(|(s, r, a)| {
                    *s == stem && *r == rule && (at.contains(a) || f.message.contains(a))
                });
                if let Some(i) = known {
                    found[i] = true;
                    continue;
                }
                unexplained.push(format!("{stem}{ext}: [{rule}] {} @ {at}", f.message));
            }
        }
    }
    let missed: Vec<_> = TRUE_ERRORS
        .iter()
        .zip(&found)
        .filter(|(_, f)| !**f)
        .map(|(e, _)| format!("{e:?}"))
        .collect();
    assert!(
        missed.is_empty(),
        "true errors of the documents no longer reported:\n{}",
        missed.join("\n")
    );
    assert!(
        unexplained.is_empty(),
        "errors a reader of the PDF would call false:\n{}",
        unexplained.join("\n")
    );
}

/// The unit budgets against their department budgets (rules D7xx), in
/// raw and layout text. 商务委: the department is the unit plus one unit
/// without a budget, and every figure agrees. 司法局: the department
/// (96,282,213.44 元) is the unit (86,959,408.34 元) plus another unit; the
/// only failures are the unit's 行政运行 row, which prints 项目支出
/// 64,840,547.00 where the department prints 0.00 for the whole 2040601
/// (layout text, 支出预算总表 and 一般公共预算支出功能分类预算表 of both;
/// the unit's own 合计 14,348,853.34 equals its 基本支出, so its 项目支出 is
/// the misprint).
#[test]
fn unit_budgets_fit_within_their_department_budgets() {
    use yusuan_reconcile::{reconcile_unit_in_department, Rule, Severity};
    for ext in [".layout.txt", ".txt"] {
        let load = |stem: &str| import_text(&read(stem, ext)).expect(stem).disclosure;
        let unit = load("sh-putuo-shangwuwei_2025_unit-budget");
        let department = load("sh-putuo-shangwuwei_2025_dept-budget");
        let report = reconcile_unit_in_department(&unit, &department).unwrap();
        assert_eq!(report.summary.rules, 5, "{ext}");
        // The raw text's tables 1–6 are not read (see above): less to compare.
        if ext == ".layout.txt" {
            assert!(report.summary.checks > 200, "{ext}: {:?}", report.summary);
        }
        let problems: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| f.message.clone())
            .collect();
        assert!(problems.is_empty(), "商务委 {ext}: {problems:#?}");

        let unit = load("sh-putuo-sifaju_2026_unit-budget");
        let department = load("sh-putuo-sifaju_2026_dept-budget");
        let report = reconcile_unit_in_department(&unit, &department).unwrap();
        let problems: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .collect();
        for f in &problems {
            assert_eq!(f.rule, Rule::FunctionCodesWithinDepartment, "{ext}: {f:?}");
            assert_eq!(f.severity, Severity::Error, "{ext}");
            let at = f.location.to_string();
            assert!(
                at.contains("2040601") && at.contains("项目支出"),
                "{ext}: {at}"
            );
            assert_eq!(
                f.difference,
                Some(yusuan_reconcile::Value::Amount(Wan::from_yuan_exact(
                    "-64840547.00".parse().unwrap()
                ))),
                "{ext}"
            );
        }
        // Layout text reads both 功能分类 tables; the raw text only what it can.
        if ext == ".layout.txt" {
            assert_eq!(problems.len(), 2, "{ext}: {problems:#?}");
        }
    }
}

/// A department figure smaller than the unit's is an error naming both
/// cells; two documents that are not a unit and its department are refused.
#[test]
fn a_department_smaller_than_its_unit_is_an_error() {
    use yusuan_reconcile::{reconcile_unit_in_department, Rule, Severity, Value};
    let load = |stem: &str| {
        import_text(&read(stem, ".layout.txt"))
            .expect(stem)
            .disclosure
    };
    let unit = load("sh-putuo-shangwuwei_2025_unit-budget");
    let mut department = load("sh-putuo-shangwuwei_2025_dept-budget");
    // 收支总表 收入总计 371,514,655.00 元 (layout text, both documents):
    // lower the department's by 1.00 元.
    let key = RowKey::Line(yusuan_tables::Line::IncomeTotal);
    let at = yusuan_tables::NumberRef::Cell(yusuan_tables::CellRef::new(
        TableKind::IncomeExpenditureSummary,
        key,
        Column::Total,
    ));
    let printed = Wan::from_yuan_exact("371514655.00".parse().unwrap());
    assert_eq!(
        department.get(&at).and_then(|n| n.as_amount()),
        Some(printed)
    );
    let lowered = Wan::from_yuan_exact("371514654.00".parse().unwrap());
    department.set(&at, Some(lowered.into())).unwrap();
    let report = reconcile_unit_in_department(&unit, &department).unwrap();
    let errors: Vec<_> = report.findings_of(Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let f = errors[0];
    assert_eq!(f.rule, Rule::SummaryWithinDepartment);
    assert_eq!(f.expected, Some(Value::Amount(printed)));
    assert_eq!(f.actual, Some(Value::Amount(lowered)));
    assert_eq!(f.cells.len(), 2);
    assert!(f.cells[0].label.starts_with("部门预算"), "{:?}", f.cells);
    assert!(f.cells[1].label.starts_with("单位预算"), "{:?}", f.cells);
    assert!(f.message.contains("371,514,654.00") && f.message.contains("371,514,655.00"));
    let text = report.render_text();
    assert!(
        text.contains("应不小于 371,514,655.00 · 实际 371,514,654.00"),
        "{text}"
    );

    // 0.01 元 lower is within the rounding of two printed figures: a warning.
    let cent = Wan::from_yuan_exact("371514654.99".parse().unwrap());
    department.set(&at, Some(cent.into())).unwrap();
    let report = reconcile_unit_in_department(&unit, &department).unwrap();
    assert_eq!(report.summary.errors, 0);
    assert_eq!(report.summary.warnings, 1);

    // Not a unit and its department: the other year's department, or two
    // unit budgets.
    let other_year = load("sh-putuo-sifaju_2026_dept-budget");
    assert!(reconcile_unit_in_department(&unit, &other_year).is_err());
    assert!(reconcile_unit_in_department(&unit, &unit).is_err());
}

/// The geometry reader reads every table of the six 普陀 disclosures as the
/// text reader does: nothing is left generic, nothing unplaced, and the
/// reading by position of each table agrees with the typed one (else the
/// import would have replaced it or marked cells doubtful by "the text
/// reading and the reading by position differ").
#[test]
fn the_geometry_reading_agrees_with_the_typed_reading() {
    for stem in STEMS {
        let imp = import_text(&read(stem, ".layout.txt")).expect(stem);
        let d = &imp.disclosure;
        assert!(
            d.tables.generic.is_empty(),
            "{stem}: {:#?}",
            d.tables.generic
        );
        assert!(d.unplaced.is_empty(), "{stem}: {:?}", d.unplaced);
        let (printed, unplaced) = imp.amount_counts().expect("layout text has geometry");
        assert_eq!(unplaced, 0, "{stem}");
        assert!(printed > 200, "{stem}: {printed}");
        let differ: Vec<_> = imp
            .warnings
            .iter()
            .filter(|w| w.message.contains("reading by position"))
            .collect();
        assert!(differ.is_empty(), "{stem}: {differ:#?}");
    }
}

/// The unit and kind of 江苏 documents come from their covers when no
/// 预算单位 line names them: "江苏省人民检察院 / 2018年部门预算", "江苏省人大常委会
/// 办公厅2018年度部门 / 预算公开" (a 部门名称 line of the tables is cut short),
/// "江苏省2018年度 / 省级部门预算公开报表 / 部门:中共江苏省委办公厅"; a part
/// heading wrapped after its year ("第三部分 江苏省高级人民法院 2018") does
/// not leave the year in the name.
#[test]
fn jiangsu_covers_name_the_unit() {
    if no_pdftotext() {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus/jiangsu");
    for (file, unit, department) in [
        ("js-jcy_2018_dept-budget.pdf", "江苏省人民检察院", true),
        ("js-rd_2018_dept-budget.pdf", "江苏省人大常委会办公厅", true),
        ("js-fy_2018_dept-budget.pdf", "江苏省高级人民法院", true),
        (
            "js-swbgt_2018_dept-budget-tables.pdf",
            "中共江苏省委办公厅",
            true,
        ),
    ] {
        let d = import_path(&dir.join(file)).expect(file).disclosure;
        assert_eq!(d.unit.name, unit, "{file}");
        assert_eq!(d.year, 2018, "{file}");
        assert_eq!(
            d.kind == yusuan_tables::DocumentKind::DepartmentBudget,
            department,
            "{file}: {:?}",
            d.kind
        );
    }
}

/// The 2018 部门预算 of 江苏省人民检察院 imported from its PDF, or `None`
/// when pdftotext is missing (the test then passes without reading).
fn jcy_2018() -> Option<yusuan_tables::Disclosure> {
    if no_pdftotext() {
        return None;
    }
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/corpus/jiangsu/js-jcy_2018_dept-budget.pdf");
    Some(import_path(&file).expect("imports").disclosure)
}

/// 江苏 2018 检察院 (figures read by hand from the PDF): the 支出预算总表
/// prints 单位预留机动经费 beside 基本支出 and 项目支出 (21,955.35 =
/// 13,994.31 + 5,573.00 + 2,388.04), and the "三公" table prints 会议费
/// 200.44 and 培训费 700.00 beside the "三公" items, under a 合计 of 1,384.74
/// = 484.30 + 200.44 + 700.00. Both are typed, their extra columns named.
#[test]
fn jiangsu_columns_the_model_lacks_are_named_extra_columns() {
    let Some(d) = jcy_2018() else {
        return;
    };
    let w = |s: &str| Some(Wan::parse(s).unwrap());
    let t = d
        .tables
        .expenditure_summary
        .as_ref()
        .expect("支出总表 typed");
    let total = t.total.as_ref().unwrap();
    assert_eq!((total.total, total.basic), (w("21955.35"), w("13994.31")));
    assert_eq!(total.project, w("5573.00"));
    let extra = &t.meta.extra_columns;
    assert_eq!(extra[0].label(), "单位预留机动经费");
    assert_eq!(extra[0].amount(&RowKey::Total), w("2388.04"));
    let three = d
        .tables
        .three_public_expenditure
        .as_ref()
        .expect("三公 typed");
    let p = "2018_budget".parse().unwrap();
    let a = &three.rows.iter().find(|r| r.period == p).unwrap().amounts;
    assert_eq!(a.total, w("484.30"));
    assert_eq!(a.outbound_travel, w("100.00"));
    assert_eq!(a.vehicle_operation, w("267.80"));
    assert_eq!(a.reception, w("116.50"));
    let extra: Vec<(String, Option<Wan>)> = three
        .meta
        .extra_columns
        .iter()
        .map(|x| (x.label(), x.amount(&RowKey::Period(p))))
        .collect();
    assert_eq!(
        extra,
        [
            ("合计".to_owned(), w("1384.74")),
            ("会议费".to_owned(), w("200.44")),
            ("培训费".to_owned(), w("700.00")),
        ]
    );
    assert!(!d
        .tables
        .generic
        .iter()
        .any(|g| g.kind == Some(TableKind::ExpenditureSummary)
            || g.kind == Some(TableKind::ThreePublicExpenditure)));
}

/// 江苏 2018 检察院 (figures read by hand from the PDF): the 收支预算总表 is
/// printed in three parts (收入 | 功能分类 | 支出用途) and the 财政拨款收支预算
/// 总表 lists its 支出 by use only; both are typed.
#[test]
fn jiangsu_summary_tables_by_use_are_typed() {
    use yusuan_tables::Line;
    let Some(d) = jcy_2018() else {
        return;
    };
    let w = |s: &str| Some(Wan::parse(s).unwrap());
    let t = d
        .tables
        .income_expenditure_summary
        .as_ref()
        .expect("收支总表");
    let line = |l: Line| t.amount(l);
    assert_eq!(line(Line::FiscalAppropriationIncome), w("21940.96"));
    assert_eq!(line(Line::OtherFunds), w("14.39"));
    assert_eq!(line(Line::CurrentYearIncome), w("21955.35"));
    assert_eq!(t.amount(Code::parse("204").unwrap()), w("16458.75"));
    assert_eq!(t.amount(Code::parse("221").unwrap()), w("3660.38"));
    assert_eq!(line(Line::BasicExpenditure), w("13994.31"));
    assert_eq!(line(Line::UnitReserveFund), w("2388.04"));
    assert_eq!(line(Line::CurrentYearExpenditure), w("21955.35"));
    assert_eq!(line(Line::ExpenditureTotal), w("21955.35"));
    let f = d
        .tables
        .fiscal_appropriation_summary
        .as_ref()
        .expect("财政拨款收支总表");
    assert_eq!(f.amount(Line::BasicExpenditure), w("13979.92"));
    assert_eq!(f.amount(Line::ExpenditureTotal), w("21940.96"));
}
