//! The reading cases of `fixtures/cases/` (README there): small excerpts
//! rebuilt from real documents, each with its right outcome worked out by
//! hand from the document.

use yusuan_import::{import_text, TextFormat, WarningKind};
use yusuan_tables::{Line, RowKey};

fn case(name: &str) -> String {
    let path = format!("{}/../../fixtures/cases/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The findings of `report` that are errors.
fn errors_of(report: &yusuan_reconcile::Report) -> Vec<&yusuan_reconcile::Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == yusuan_reconcile::Severity::Error)
        .collect()
}

/// f02: 医疗卫生与计划生育支出 (the name of 类 210 until 2018) printed without
/// a code in a 2024 收支总表 is read as 210, with one warning.
#[test]
fn f02_an_obsolete_class_name_is_mapped_with_one_warning() {
    let imported = import_text(&case("f02_legacy_class_name.txt")).expect("imports");
    let t1 = imported
        .disclosure
        .tables
        .income_expenditure_summary
        .as_ref()
        .expect("收支总表");
    let row = t1
        .find(&RowKey::Code("210".parse().expect("code")))
        .expect("row 210");
    // 503,724 元 as printed on the 三、医疗卫生与计划生育支出 line
    assert_eq!(
        row.amounts.total.expect("预算数").to_yuan().expect("元"),
        "503724".parse().expect("decimal")
    );
    assert!(t1.amount(Line::ExpenditureTotal).is_some());
    let obsolete: Vec<_> = imported
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::ObsoleteName)
        .collect();
    assert_eq!(obsolete.len(), 1, "{obsolete:?}");
    assert!(obsolete[0].message.contains("卫生健康支出"));
}

/// f19: titles with an ordinal, a year and the unit (一、2017 年度江苏省某院
/// 部门收支预算总表) are found; a "项目名称 金额" heading does not make a
/// 项目绩效目标表; the 支出预算总表 is typed, its 单位预留机动经费 column (not in
/// the model) and its blank 结转下年资金 column kept as named extra columns:
/// every printed amount is held.
#[test]
fn f19_prefixed_titles_are_found_and_no_performance_table_is_invented() {
    let imported =
        import_text(&case("f19_title_ordinal_and_xiangmumingcheng.txt")).expect("imports");
    let d = &imported.disclosure;
    assert!(d.performance_tables.is_empty());
    // the 收支预算总表 in three parts (收入 | 功能分类 | 支出用途) is typed:
    // 204 26,502.25 + 208 2,347.13 = 17,123.19 + 11,543.27 + 182.92 =
    // 28,849.38
    let summary = d
        .tables
        .income_expenditure_summary
        .as_ref()
        .expect("收支预算总表 typed");
    // its title as printed, the ordinal left out (一、2017 年度江苏省某院…)
    assert_eq!(
        summary.meta.title.as_deref(),
        Some("2017年度江苏省某院部门收支预算总表")
    );
    let w = |s: &str| Some(yusuan_money::Wan::parse(s).unwrap());
    use yusuan_tables::Line;
    assert_eq!(
        summary.amount(Line::FiscalAppropriationIncome),
        w("28849.38")
    );
    assert_eq!(summary.amount(Line::UnitReserveFund), w("182.92"));
    assert_eq!(summary.amount(Line::ExpenditureTotal), w("28849.38"));
    assert!(d.tables.generic.is_empty(), "{:?}", d.tables.generic);
    let report = yusuan_reconcile::reconcile(d);
    assert!(!report.has_errors(), "{}", report.render_text());
    assert_eq!(
        report
            .outcome(yusuan_reconcile::Rule::SummaryExpenditureByUse)
            .unwrap()
            .status,
        yusuan_reconcile::Status::Passed
    );
    let spending = d
        .tables
        .expenditure_summary
        .as_ref()
        .expect("支出预算总表 typed");
    assert_eq!(
        spending.meta.title.as_deref(),
        Some("2017年度江苏省某院部门支出预算总表")
    );
    // as printed: 合计 28,849.38 | 基本支出 17,123.19 | 项目支出 11,543.27 | 单位预留机动经费 182.92
    let total = spending.total.as_ref().expect("合计 row");
    assert_eq!(
        (total.total, total.basic, total.project),
        (w("28849.38"), w("17123.19"), w("11543.27"))
    );
    let extra = &spending.meta.extra_columns;
    assert_eq!(extra.len(), 2);
    assert_eq!(extra[0].label(), "单位预留机动经费");
    assert_eq!(extra[0].amount(&yusuan_tables::RowKey::Total), w("182.92"));
    // 结转下年资金 is printed with a blank cell
    assert_eq!(extra[1].label(), "结转下年资金");
    assert!(extra[1].cells.is_empty());
}

/// f03: the 三公 row prints `6.4 0 0 6.4 _ 6.4 0` with a blank 购置费 cell; by
/// position: 合计 6.4 = 出国 0 + 接待 0 + 车 6.4, 小计 6.4 = 购置 (blank) + 运行
/// 6.4, 机关运行经费 0.
#[test]
fn f03_a_blank_three_public_cell_does_not_shift_the_row() {
    use yusuan_tables::{Basis, Period};
    let imported = import_text(&case("f03_sangong_blank_cell.txt")).expect("imports");
    let t9 = imported
        .disclosure
        .tables
        .three_public_expenditure
        .as_ref()
        .expect("三公 table");
    let a = t9
        .amounts(Period {
            year: 2024,
            basis: Basis::Budget,
        })
        .expect("2024年预算数");
    let s = |w: Option<yusuan_money::Wan>| w.map(|w| w.to_string());
    assert_eq!(s(a.total).as_deref(), Some("6.40"));
    assert_eq!(s(a.outbound_travel).as_deref(), Some("0.00"));
    assert_eq!(s(a.reception).as_deref(), Some("0.00"));
    assert_eq!(s(a.vehicles).as_deref(), Some("6.40"));
    assert_eq!(a.vehicle_purchase, None);
    assert_eq!(s(a.vehicle_operation).as_deref(), Some("6.40"));
    assert_eq!(s(a.agency_operation).as_deref(), Some("0.00"));
    // and no finding on the table or its sentences: 6.4 = 0 + 0 + 6.4, 小计
    // 6.4 = (blank) + 6.4, "没有因公出国（境）事项支出" is about that column
    // (0.00), not the table (case f04 within f03)
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    let wrong: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity >= yusuan_reconcile::Severity::Warning)
        .filter(|f| !f.rule.id().starts_with('S')) // the other eight tables are not in the excerpt
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// sh-putuo-shgzb 2024 决算 (a unit founded that year), 五（三）: the
/// sentence states 年初预算 0 and 全年预算 321.02, then "决算数小于预算数":
/// 307.82 < 321.02 but > 0, so the bare 预算数 names neither budget and the
/// word is not checked; "完成年初预算的 95.89%" is the ratio to 全年预算
/// (307.82 / 321.02 = 95.89%) and stays an error (N316).
#[test]
fn a_bare_budget_word_after_two_budgets_is_not_an_accusation() {
    let text = "\
                    上海市普陀区某部 2024 年度部门决算

第三部分 上海市普陀区某部 2024 年度部门决算情况

   五、一般公共预算财政拨款支出决算情况说明

  （三）一般公共预算财政拨款支出决算具体情况

  一般公共预算财政拨款支出年初预算为 0 万元，全年预算为

321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。

决算数小于预算数的主要原因：人员经费支出数小于预算数。
";
    let imported = import_text(text).expect("imports");
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    let errors: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.severity == yusuan_reconcile::Severity::Error)
        .map(|f| f.rule.id())
        .collect();
    assert!(!errors.contains(&"N317"), "{errors:?}");
    assert!(errors.contains(&"N316"), "{errors:?}");
}

/// f05: the 财政拨款收支总表 whose 四、文化旅游体育与传媒支出 label wraps over
/// three lines with its numbers on the middle one is read: every line, the
/// wrapped one as 207 with 100,000 元 in 合计 and 一般公共预算, and the totals.
#[test]
fn f05_a_wrapped_label_does_not_refuse_the_table() {
    use yusuan_tables::Column;
    let imported = import_text(&case("f05_wrapped_label.txt")).expect("imports");
    let t4 = imported
        .disclosure
        .tables
        .fiscal_appropriation_summary
        .as_ref()
        .expect("财政拨款收支总表 read");
    let yuan = |key: RowKey, col: Column| {
        t4.find(&key)
            .and_then(|r| yusuan_tables::Amounts::get(&r.amounts, col))
            .and_then(|n| n.as_amount())
            .map(|w| w.to_yuan().expect("元").to_string())
    };
    let code = |c: &str| RowKey::Code(c.parse().expect("code"));
    assert_eq!(yuan(code("207"), Column::Total).as_deref(), Some("100000"));
    assert_eq!(
        yuan(code("207"), Column::GeneralBudget).as_deref(),
        Some("100000")
    );
    assert_eq!(yuan(code("201"), Column::Total).as_deref(), Some("2976800"));
    assert_eq!(
        yuan(RowKey::Line(Line::ExpenditureTotal), Column::Total).as_deref(),
        Some("4429100")
    );
    assert_eq!(
        yuan(RowKey::Line(Line::IncomeTotal), Column::Total).as_deref(),
        Some("4429100")
    );
    // 2,976,800 + 1,252,300 + 100,000 + 100,000 = 4,429,100: no finding
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    assert!(!report.has_errors(), "{}", report.render_text());
}

/// c01: the central template (the seed's figures laid out as the central
/// PDFs print them): the 收支总表 and the 收入总表 are both read in full,
/// the 收入总表's one row in its columns, and nothing disagrees.
#[test]
fn c01_the_central_template_tables_are_read_in_full() {
    use yusuan_tables::Column;
    let imported = import_text(&case("c01_central_explanation_page.txt")).expect("imports");
    let d = &imported.disclosure;
    let t1 = d
        .tables
        .income_expenditure_summary
        .as_ref()
        .expect("收支总表");
    let wan = |w: Option<yusuan_money::Wan>| w.map(|w| w.to_string());
    assert_eq!(
        wan(t1.amount(Line::GeneralBudgetAppropriation)).as_deref(),
        Some("4,175.52")
    );
    assert_eq!(
        wan(t1.amount(Line::IncomeTotal)).as_deref(),
        Some("8,633.56")
    );
    let t2 = d.tables.income_summary.as_ref().expect("收入总表");
    let total = t2.total.as_ref().expect("its one row");
    let cell = |c: Column| {
        yusuan_tables::Amounts::get(total, c)
            .and_then(|n| n.as_amount())
            .map(|w| w.to_string())
    };
    assert_eq!(cell(Column::Total).as_deref(), Some("8,633.56"));
    assert_eq!(cell(Column::PriorYearCarryover).as_deref(), Some("324.37"));
    assert_eq!(cell(Column::GeneralBudget).as_deref(), Some("4,175.52"));
    assert_eq!(cell(Column::BusinessIncome).as_deref(), Some("568.77"));
    assert_eq!(cell(Column::OtherIncome).as_deref(), Some("3,434.90"));
    assert_eq!(
        cell(Column::NonFiscalBalanceUsed).as_deref(),
        Some("130.00")
    );
    let report = yusuan_reconcile::reconcile(d);
    assert!(!report.has_errors(), "{}", report.render_text());
}

/// c01's 说明 page, headed "关于收支总表的说明" (unnumbered): its "2025 年收支
/// 总预算 8,633.56 万元" is tied to the 收支总表's 收入总计 and agrees; the
/// same page printing 8,999.56 is an N301 error about that cell.
#[test]
fn c01_the_explanation_page_is_compared_with_its_table() {
    let text = case("c01_central_explanation_page.txt");
    let imported = import_text(&text).expect("imports");
    let claim = imported
        .disclosure
        .narrative
        .iter()
        .find(|c| c.kind.subject() == "收支总预算")
        .expect("the 说明's total");
    assert_eq!(claim.section.as_deref(), Some("关于收支总表的说明"));
    let target = claim.refers_to.expect("tied to a cell");
    assert_eq!(
        target.table,
        yusuan_tables::TableKind::IncomeExpenditureSummary
    );
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    // N301 ran, compared this claim, and it held
    let n301 = report
        .outcome(yusuan_reconcile::Rule::NarrativeAmount)
        .expect("N301's outcome");
    assert_eq!(n301.status, yusuan_reconcile::Status::Passed);
    assert!(n301.checks >= 1);

    let at = text.find("2025 年收支总预算").expect("the sentence");
    let amount = at
        + text
            .get(at..)
            .and_then(|r| r.find("8,633.56"))
            .expect("its amount");
    let wrong = format!(
        "{}8,999.56{}",
        text.get(..amount).unwrap_or_default(),
        text.get(amount + "8,633.56".len()..).unwrap_or_default()
    );
    let imported = import_text(&wrong).expect("imports");
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    let errors = errors_of(&report);
    assert_eq!(errors.len(), 1, "{}", report.render_text());
    assert!(errors
        .iter()
        .all(|f| f.rule.id() == "N301" && f.message.contains("8,999.56")));
}

/// f23: a lone page number ("19") under an empty 政府性基金 table is not its
/// 合计: the table is empty, and there is nothing to find.
#[test]
fn f23_a_page_number_is_not_a_total() {
    let imported = import_text(&case("f23_page_number_as_total.txt")).expect("imports");
    let d = &imported.disclosure;
    let t7 = d
        .tables
        .government_fund_expenditure
        .as_ref()
        .expect("the empty table is there");
    assert!(t7.rows.is_empty(), "{:?}", t7.rows);
    // its 合计 line is printed with blank cells
    assert!(
        t7.total
            .as_ref()
            .map_or(true, yusuan_tables::Amounts::is_blank),
        "{:?}",
        t7.total
    );
    let report = yusuan_reconcile::reconcile(d);
    assert!(!report.has_errors(), "{}", report.render_text());
}

/// f09: the 2023 财政项目支出绩效目标填报表 prints 项目名称 / 项目性质 / 项目类别
/// on one line and 主管部门 / 实施单位 on another, without a code: the fields
/// are split, and the weight rules, without a 分值 column, find nothing.
#[test]
fn f09_fields_printed_side_by_side_are_split() {
    let imported = import_text(&case("f09_perf_form_2023.txt")).expect("imports");
    let p = imported
        .disclosure
        .performance_tables
        .first()
        .expect("the 填报表");
    assert_eq!(p.project_name, "新建社区公共服务中心");
    assert_eq!(p.department.name, "上海市普陀区某街道办事处");
    assert_eq!(p.department.code, "");
    assert_eq!(
        p.implementing_unit.as_deref(),
        Some("上海市普陀区某街道办事处")
    );
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    let p4: Vec<_> = report
        .findings
        .iter()
        .filter(|f| {
            f.rule.id().starts_with('P') && f.severity >= yusuan_reconcile::Severity::Warning
        })
        .collect();
    assert!(p4.is_empty(), "{p4:#?}");
}

/// f10: 款 printed without its leading zero (`301   2`, `301   7`) are read as
/// 30102 and 30107, each with a note on the printed form; the 类 row 301
/// equals the sum of its 款.
#[test]
fn f10_one_digit_kuan_are_read_with_a_note() {
    let imported = import_text(&case("f10_one_digit_kuan.txt")).expect("imports");
    let t6 = imported
        .disclosure
        .tables
        .general_budget_basic_expenditure
        .as_ref()
        .expect("基本支出表");
    for code in ["30102", "30107"] {
        assert!(
            t6.find(code.parse().expect("code")).is_some(),
            "{code} missing: {:?}",
            t6.rows
                .iter()
                .map(|r| r.code.to_string())
                .collect::<Vec<_>>()
        );
    }
    let notes: Vec<_> = imported
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::PrintedForm)
        .collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    assert!(!report.has_errors(), "{}", report.render_text());
}

/// f03's table with the 小计 amount printed under 购置费 instead, without
/// the 说明 (the row then breaks the table's own identities as placed by
/// position): the text reader reads the table too, the two readings differ,
/// and the cells they differ on are in doubt, so no error accuses the
/// document of a misreading.
#[test]
fn f03_moved_amount_a_reading_by_position_that_breaks_identities_is_cross_checked() {
    let whole = case("f03_sangong_blank_cell.txt");
    let table_only = whole
        .split("其他相关情况说明")
        .next()
        .expect("the table part");
    let text = table_only.replacen(
        "        6.4              0           0        6.4                 6.4            0",
        "        6.4              0           0                 6.4        6.4            0",
        1,
    );
    assert!(text.contains("0                 6.4        6.4"));
    let imported = import_text(&text).expect("imports");
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.kind == yusuan_import::WarningKind::AmbiguousCells),
        "{:#?}",
        imported.warnings
    );
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    let errors = errors_of(&report);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(report
        .findings
        .iter()
        .any(|f| f.rule.id() == "T191" && f.severity == yusuan_reconcile::Severity::Warning));
}

/// f13, a mostly prose excerpt of layout text (its table printed empty, then
/// the 说明): told from raw text by its indented title and 单位 lines, so the
/// empty table is read by position, ending at its 注, and nothing of the
/// prose goes into it.
#[test]
fn f13_a_prose_heavy_layout_excerpt_is_layout_text_and_its_table_is_read_empty() {
    let text = case("f13_narrative_into_empty_table.txt");
    assert_eq!(TextFormat::detect(&text), TextFormat::Layout);
    let imported = import_text(&text).expect("imports");
    assert!(
        !imported
            .warnings
            .iter()
            .any(|w| w.message.contains("not read from this text")),
        "{:#?}",
        imported.warnings
    );
    let d = &imported.disclosure;
    let t = d
        .tables
        .generic
        .iter()
        .find(|g| g.title.contains("国有资本经营预算财政拨款收入支出决算表"))
        .expect("the table read by position");
    assert_eq!(t.amount_count(), 0);
    assert!(t.note.as_deref().is_some_and(|n| n.starts_with("注：")));
    let report = yusuan_reconcile::reconcile(d);
    assert!(report
        .findings
        .iter()
        .all(|f| f.severity < yusuan_reconcile::Severity::Error));
}

/// f15 made consistent with a second item (合计 0.49 = 因公出国 0.10 + 公务
/// 接待费 0.39, the 说明's total and completion rate to match): the clause
/// "其中：公务接待费支出年初预算为2.85万元，支出决算为0.39万元" states the
/// 接待费's 决算, so it is compared with that column, not with the 合计; and
/// a 说明 that disagrees with the 接待费 column is an error about it.
#[test]
fn f15_a_bare_final_accounts_clause_continues_the_item_before_it() {
    let consistent = case("f15_final_sangong_pairs.txt")
        .replacen(
            "     2.85 0.39 0.00 0.00  0.00",
            "     2.85 0.49 0.00 0.10  0.00",
            1,
        )
        .replacen(
            "支出决算为0.39万元，完成年初预算的13.68%",
            "支出决算为0.49万元，完成年初预算的17.19%",
            1,
        );
    // 0.49 / 2.85 = 17.19%; the 接待费 clause still says 0.39
    assert_eq!(consistent.matches("0.49").count(), 2);
    let imported = import_text(&consistent).expect("imports");
    let reception = imported
        .disclosure
        .narrative
        .iter()
        .find(|c| c.sentence.starts_with("其中：公务接待费") && c.kind.subject().contains("决算"))
        .expect("the 接待费 决算 clause");
    assert_eq!(reception.kind.subject(), "公务接待费支出决算");
    let target = reception.refers_to.expect("a cell");
    assert_eq!(target.column, yusuan_tables::Column::Reception);
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    assert!(!report.has_errors(), "{}", report.render_text());

    let wrong = consistent.replacen("支出决算为0.39万元。", "支出决算为0.29万元。", 1);
    let imported = import_text(&wrong).expect("imports");
    let report = yusuan_reconcile::reconcile(&imported.disclosure);
    let errors = errors_of(&report);
    assert_eq!(errors.len(), 1, "{}", report.render_text());
    assert!(errors.iter().all(|f| f.rule.id() == "N301"
        && f.message.contains("公务接待费")
        && f.message.contains("0.29")
        && f.message.contains("0.39")));
}
