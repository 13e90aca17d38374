//! The rule catalogue (规则目录): every check the reconciliation performs,
//! with a stable ID, a severity, a title and explanation in Chinese and
//! English, its formula, its tolerance and what to do about a failure.
//!
//! IDs are grouped by family and never reused:
//!
//! | prefix | family |
//! |---|---|
//! | `T1xx` | within one table (表内) |
//! | `X2xx` | across tables (表间) |
//! | `N3xx` | narrative against the tables (情况说明) |
//! | `P4xx` | 项目绩效目标表 |
//! | `C5xx` | classification codes (政府收支分类科目) |
//! | `S6xx` | structure and presence of the tables |
//! | `D7xx` | a unit budget against its department budget (单位预算与部门预算) |
//!
//! A single disclosure is checked by the families T to S
//! ([`crate::reconcile`]); the `D7xx` rules compare two documents
//! ([`crate::reconcile_unit_in_department`]).
//!
//! ```
//! use yusuan_reconcile::{Rule, Severity};
//! let rule = Rule::from_id("T101").unwrap();
//! assert_eq!(rule, Rule::IncomeSubtotal);
//! assert_eq!(rule.severity(), Severity::Error);
//! assert!(rule.info().formula.contains("本年收入合计"));
//! assert!(Rule::ALL.len() > 40);
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::finding::Severity;

/// A rule family, the first letter of its ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Family {
    /// `T1xx` 表内: identities inside one table.
    WithinTable,
    /// `X2xx` 表间: identities across tables.
    CrossTable,
    /// `N3xx` 情况说明: the narrative against the tables.
    Narrative,
    /// `P4xx` 项目绩效目标表.
    Performance,
    /// `C5xx` 政府收支分类科目: codes and names.
    Classification,
    /// `S6xx` 结构: presence, emptiness and form of the tables.
    Structure,
    /// `D7xx` 单位与部门: a unit budget against the department budget that
    /// includes it.
    UnitInDepartment,
}

impl Family {
    /// Chinese label.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Family::WithinTable => "表内平衡",
            Family::CrossTable => "表间勾稽",
            Family::Narrative => "情况说明",
            Family::Performance => "项目绩效目标表",
            Family::Classification => "政府收支分类科目",
            Family::Structure => "表格结构",
            Family::UnitInDepartment => "单位与部门",
        }
    }

    /// English label.
    pub const fn label_en(self) -> &'static str {
        match self {
            Family::WithinTable => "within a table",
            Family::CrossTable => "across tables",
            Family::Narrative => "narrative",
            Family::Performance => "performance target table",
            Family::Classification => "classification codes",
            Family::Structure => "structure",
            Family::UnitInDepartment => "unit within department",
        }
    }

    /// The ID prefix letter.
    pub const fn prefix(self) -> char {
        match self {
            Family::WithinTable => 'T',
            Family::CrossTable => 'X',
            Family::Narrative => 'N',
            Family::Performance => 'P',
            Family::Classification => 'C',
            Family::Structure => 'S',
            Family::UnitInDepartment => 'D',
        }
    }
}

/// How much difference a rule accepts before it reports an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tolerance {
    /// A total against the sum of its `n` printed parts: exact passes; up to
    /// `n × 0.005` of the printed unit is a warning (rounding); more is an
    /// error. See [`crate::tolerance`].
    RoundingSum,
    /// The same amount printed in two places: counted as two parts, so up to
    /// 0.01 of the printed unit is a warning.
    RoundingSame,
    /// An inequality (≤ / ≥): satisfied passes; violated by no more than the
    /// rounding of two figures is a warning; more is an error.
    RoundingInequality,
    /// A percentage recomputed with 四舍五入 at the printed places: equal
    /// passes; a recognised 100% adjustment is info; reachable from amounts
    /// within their rounding is a warning; otherwise an error. See
    /// [`crate::percent`].
    RecomputedPercent,
    /// No numeric tolerance: the condition holds or it does not.
    None,
}

impl Tolerance {
    /// A sentence in Chinese.
    pub const fn description_zh(self) -> &'static str {
        match self {
            Tolerance::RoundingSum => {
                "合计与 n 个分项之和：完全相等为通过；差额不超过 n × 0.005（打印单位）为舍入误差（警告）；超过为错误。"
            }
            Tolerance::RoundingSame => {
                "同一金额在两处打印：按两项计，差额不超过 0.01（打印单位）为舍入误差（警告）；超过为错误。"
            }
            Tolerance::RoundingInequality => {
                "不等式：成立为通过；超出不超过两项舍入误差（0.01）为警告；超过为错误。"
            }
            Tolerance::RecomputedPercent => {
                "按打印位数四舍五入重算：相等为通过；为使合计 100.00% 的尾差调整为提示；金额舍入范围内可得为警告；否则为错误。"
            }
            Tolerance::None => "无数值容差。",
        }
    }

    /// A sentence in English.
    pub const fn description_en(self) -> &'static str {
        match self {
            Tolerance::RoundingSum => {
                "A total against its n printed parts: exact passes; a difference up to n × 0.005 of the printed unit is a rounding warning; more is an error."
            }
            Tolerance::RoundingSame => {
                "The same amount printed twice: counted as two parts, so up to 0.01 of the printed unit is a rounding warning; more is an error."
            }
            Tolerance::RoundingInequality => {
                "An inequality: satisfied passes; violated by no more than the rounding of two figures (0.01) is a warning; more is an error."
            }
            Tolerance::RecomputedPercent => {
                "Recomputed with half-away-from-zero rounding at the printed places: equal passes; a recognised adjustment making shares sum to 100.00% is info; reachable from the amounts within their rounding is a warning; otherwise an error."
            }
            Tolerance::None => "No numeric tolerance.",
        }
    }
}

/// The documentation of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Stable ID, e.g. `"T101"`.
    pub id: &'static str,
    /// Family.
    pub family: Family,
    /// Severity of a failure beyond tolerance.
    pub severity: Severity,
    /// Title in Chinese.
    pub title_zh: &'static str,
    /// Title in English.
    pub title_en: &'static str,
    /// What the rule checks and why, in Chinese.
    pub explanation_zh: &'static str,
    /// What the rule checks and why, in English.
    pub explanation_en: &'static str,
    /// The identity or condition, with the official terms.
    pub formula: &'static str,
    /// How much difference the rule accepts.
    pub tolerance: Tolerance,
    /// What to do about a failure, in Chinese.
    pub action_zh: &'static str,
    /// What to do about a failure, in English.
    pub action_en: &'static str,
}

macro_rules! catalogue {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $id:literal {
            family: $family:ident,
            severity: $severity:ident,
            tolerance: $tolerance:ident,
            title_zh: $title_zh:literal,
            title_en: $title_en:literal,
            formula: $formula:literal,
            explanation_zh: $ex_zh:literal,
            explanation_en: $ex_en:literal,
            action_zh: $act_zh:literal,
            action_en: $act_en:literal $(,)?
        }
    ),* $(,)?) => {
        /// A reconciliation rule. Each has a stable ID ([`Rule::id`]); see
        /// [`Rule::info`] for its documentation and the module docs for the
        /// families.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $( $(#[$doc])* $variant, )*
        }

        impl Rule {
            /// Every rule, in catalogue order (by family T, X, N, P, C, S, then ID).
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The rule's documentation.
            pub const fn info(self) -> &'static RuleInfo {
                match self {
                    $( Rule::$variant => &RuleInfo {
                        id: $id,
                        family: Family::$family,
                        severity: Severity::$severity,
                        tolerance: Tolerance::$tolerance,
                        title_zh: $title_zh,
                        title_en: $title_en,
                        formula: $formula,
                        explanation_zh: $ex_zh,
                        explanation_en: $ex_en,
                        action_zh: $act_zh,
                        action_en: $act_en,
                    }, )*
                }
            }
        }
    };
}

catalogue! {
    // ---------------------------------------------------------------- T1xx
    /// 收支总表: 本年收入合计 = Σ income lines.
    IncomeSubtotal = "T101" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收支总表：本年收入合计等于各项收入之和",
        title_en: "Summary table: current-year income equals the sum of the income lines",
        formula: "本年收入合计 = 一般公共预算拨款收入 + 政府性基金预算拨款收入 + 国有资本经营预算拨款收入 + 事业收入 + 事业单位经营收入 + 上级补助收入 + 附属单位上缴收入 + 其他收入",
        explanation_zh: "收支总表的本年收入合计应为各收入来源之和。",
        explanation_en: "The current-year income total of the summary table (table 1) must be the sum of its income sources.",
        action_zh: "核对各收入项与本年收入合计，找出漏列、重复或录入错误的金额。",
        action_en: "Compare each income line with the subtotal; look for an omitted, duplicated or mistyped amount.",
    },
    /// 收支总表: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 上年结转.
    IncomeGrandTotal = "T102" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收支总表：收入总计等于本年收入合计加结余和结转",
        title_en: "Summary table: total income equals current-year income plus balances used and carry-over",
        formula: "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 上年结转",
        explanation_zh: "收入总计包括本年收入和以前年度资金（使用非财政拨款结余、上年结转）。",
        explanation_en: "Total income is the current-year income plus funds from earlier years (non-fiscal balances used, carry-over).",
        action_zh: "核对收入总计与本年收入合计、使用非财政拨款结余、上年结转。",
        action_en: "Check the grand total against the subtotal, the non-fiscal balance used and the carry-over.",
    },
    /// 收支总表: 本年支出合计 = Σ expenditure lines (功能分类 类).
    ExpenditureSubtotal = "T103" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收支总表：本年支出合计等于各功能分类支出之和",
        title_en: "Summary table: current-year expenditure equals the sum of the functional lines",
        formula: "本年支出合计 = Σ 支出功能分类（类）",
        explanation_zh: "收支总表支出方按支出功能分类的类级科目列示，其和应等于本年支出合计。",
        explanation_en: "The expenditure side lists the functional classes (类); they must add up to the current-year expenditure.",
        action_zh: "核对各类支出与本年支出合计。",
        action_en: "Check each class line against the subtotal.",
    },
    /// 收支总表: 支出总计 = 本年支出合计 + 结转下年.
    ExpenditureGrandTotal = "T104" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收支总表：支出总计等于本年支出合计加结转下年",
        title_en: "Summary table: total expenditure equals current-year expenditure plus carry-forward",
        formula: "支出总计 = 本年支出合计 + 结转下年",
        explanation_zh: "支出总计包括本年支出和结转下年的资金。",
        explanation_en: "Total expenditure is the current-year expenditure plus the amount carried forward to next year.",
        action_zh: "核对支出总计与本年支出合计、结转下年。",
        action_en: "Check the grand total against the subtotal and the carry-forward.",
    },
    /// 收支总表: 收入总计 = 支出总计.
    SummaryBalance = "T105" {
        family: WithinTable, severity: Error, tolerance: RoundingSame,
        title_zh: "收支总表：收入总计等于支出总计",
        title_en: "Summary table: total income equals total expenditure",
        formula: "收入总计 = 支出总计",
        explanation_zh: "部门（单位）预算收支平衡，收入总计与支出总计相等。",
        explanation_en: "A unit budget balances: total income equals total expenditure.",
        action_zh: "核对收入方与支出方的总计。",
        action_en: "Check the two grand totals.",
    },
    /// 收支总表 expenditure side printed with several columns (Shanghai):
    /// 合计 = 基本 + 项目; 基本 = 人员 + 公用.
    SummaryExpenditureColumns = "T106" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收支总表支出栏：合计等于基本支出加项目支出",
        title_en: "Summary table expenditure columns: total equals basic plus project",
        formula: "合计 = 基本支出 + 项目支出；基本支出 = 人员经费 + 公用经费",
        explanation_zh: "部分模板（如上海）收支总表支出方分栏列示基本支出（人员经费、公用经费）和项目支出，各行应平衡。",
        explanation_en: "Some templates (e.g. Shanghai) split the summary's expenditure side into basic (personnel, operating) and project columns; each row must balance.",
        action_zh: "核对该行各栏。",
        action_en: "Check the row's columns.",
    },
    /// 收支总表 with expenditure by use (江苏): 本年支出合计 = 基本支出 + 项目支出
    /// + 单位预留机动经费.
    SummaryExpenditureByUse = "T107" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收支总表：本年支出合计等于按支出用途各项之和",
        title_en: "Summary table: current-year expenditure equals the lines by use",
        formula: "本年支出合计 = 基本支出 + 项目支出 + 单位预留机动经费",
        explanation_zh: "部分模板（如江苏）收支总表支出方同时按功能分类和按支出用途（基本支出、项目支出、单位预留机动经费）列示，按用途各项之和也应等于本年支出合计。",
        explanation_en: "Some templates (e.g. Jiangsu) print the expenditure side both by functional class and by use (basic, project, the unit's reserve); the lines by use must add up to the current-year expenditure too.",
        action_zh: "核对按支出用途各项与本年支出合计。",
        action_en: "Check the lines by use against the subtotal.",
    },
    /// 收入总表: per row, 合计 = Σ income columns.
    IncomeTableRow = "T111" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收入总表：合计等于各栏之和",
        title_en: "Income table: each row's total equals the sum of its columns",
        formula: "合计 = 上年结转 + 一般公共预算拨款收入 + 政府性基金预算拨款收入 + 国有资本经营预算拨款收入 + 事业收入 + 事业单位经营收入 + 上级补助收入 + 附属单位上缴收入 + 其他收入 + 使用非财政拨款结余",
        explanation_zh: "收入总表每一行的合计栏等于各收入来源栏之和（“其中：教育收费”不重复计算）。",
        explanation_en: "In the income table (table 2) each row's total is the sum of its source columns (the of-which column, education fees, is not added again).",
        action_zh: "核对该行各栏金额与合计。",
        action_en: "Check the row's columns against its total.",
    },
    /// 收入总表: 其中:教育收费 ≤ 事业收入.
    IncomeTableOfWhich = "T112" {
        family: WithinTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "收入总表：其中项不大于所属项",
        title_en: "Income table: an of-which amount does not exceed its parent",
        formula: "其中:教育收费 ≤ 事业收入",
        explanation_zh: "“其中”栏是所属栏的一部分，不能大于所属栏。",
        explanation_en: "An of-which column is part of its parent column and cannot exceed it.",
        action_zh: "核对教育收费与事业收入。",
        action_en: "Check the education fees against the operating (事业) income.",
    },
    /// 收入总表: the 合计 row and the tree (类 = Σ 款, 款 = Σ 项), per column.
    IncomeTableTree = "T113" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收入总表：合计行与科目层级之和",
        title_en: "Income table: the total row and the code tree add up",
        formula: "合计行 = Σ 类；类 = Σ 款；款 = Σ 项（各栏）",
        explanation_zh: "按功能分类列示的收入总表，上级科目等于其下级科目之和，合计行等于各类之和。",
        explanation_en: "Where the income table lists functional codes, a parent code equals the sum of its children and the total row the sum of the classes, column by column.",
        action_zh: "核对上下级科目的金额。",
        action_en: "Check the parent and child rows.",
    },
    /// 支出总表: per row, 合计 = 基本 + 项目 + 上缴 + 经营 + 对附属.
    ExpenditureTableRow = "T121" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "支出总表：合计等于各栏之和",
        title_en: "Expenditure table: each row's total equals the sum of its columns",
        formula: "合计 = 基本支出 + 项目支出 + 上缴上级支出 + 事业单位经营支出 + 对附属单位补助支出",
        explanation_zh: "支出总表每一行的合计等于基本支出、项目支出等各栏之和。",
        explanation_en: "In the expenditure table (table 3) each row's total is basic + project + remittances + operating + subsidies to affiliates.",
        action_zh: "核对该行各栏金额与合计。",
        action_en: "Check the row's columns against its total.",
    },
    /// 支出总表: 类 = Σ 款, 款 = Σ 项, per column.
    ExpenditureTableTree = "T122" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "支出总表：上级科目等于下级科目之和",
        title_en: "Expenditure table: each parent code equals the sum of its children",
        formula: "类 = Σ 款；款 = Σ 项（各栏）",
        explanation_zh: "功能分类的类、款、项逐级汇总，各栏均应相等。",
        explanation_en: "Functional codes aggregate class > section > item; every column must add up.",
        action_zh: "核对上级科目与其下级科目的金额。",
        action_en: "Check the parent row against its child rows.",
    },
    /// 支出总表: 合计 row = Σ 类 rows, per column.
    ExpenditureTableTotal = "T123" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "支出总表：合计行等于各类之和",
        title_en: "Expenditure table: the total row equals the sum of the classes",
        formula: "合计行 = Σ 类（各栏）",
        explanation_zh: "合计行各栏等于所有类级科目之和。",
        explanation_en: "Each column of the total row is the sum of the class (类) rows.",
        action_zh: "核对合计行与各类。",
        action_en: "Check the total row against the class rows.",
    },
    /// 财政拨款收支总表: 本年收入 = Σ 拨款; 上年结转 = Σ 拨款.
    FiscalIncomeParts = "T131" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "财政拨款收支总表：本年收入、上年结转等于各类拨款之和",
        title_en: "Fiscal appropriations table: current income and carry-over equal their appropriation lines",
        formula: "本年收入 = 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款；上年结转同",
        explanation_zh: "财政拨款收入按三本预算分列，其和等于本年收入（上年结转亦然）。",
        explanation_en: "Appropriations are split by the three budgets (general, government funds, state capital); they add up to the current income, and likewise for the carry-over.",
        action_zh: "核对各类拨款与本年收入、上年结转。",
        action_en: "Check each appropriation line against its subtotal.",
    },
    /// 财政拨款收支总表: 收入总计 = 本年收入 + 上年结转.
    FiscalIncomeTotal = "T132" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "财政拨款收支总表：收入总计等于本年收入加上年结转",
        title_en: "Fiscal appropriations table: total income equals current income plus carry-over",
        formula: "收入总计 = 本年收入 + 上年结转",
        explanation_zh: "财政拨款收入总计包括本年拨款和上年结转。",
        explanation_en: "Total appropriation income is this year's appropriations plus the carry-over.",
        action_zh: "核对收入总计、本年收入与上年结转。",
        action_en: "Check the total against the current income and the carry-over.",
    },
    /// 财政拨款收支总表: 本年支出 = Σ 类 lines.
    FiscalExpenditureSubtotal = "T133" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "财政拨款收支总表：本年支出等于各功能分类支出之和",
        title_en: "Fiscal appropriations table: current expenditure equals the sum of the functional lines",
        formula: "本年支出 = Σ 支出功能分类（类）",
        explanation_zh: "财政拨款支出按功能分类类级列示，其和等于本年支出。",
        explanation_en: "Appropriation spending is listed by functional class; the lines add up to the current expenditure.",
        action_zh: "核对各类支出与本年支出。",
        action_en: "Check each class line against the subtotal.",
    },
    /// 财政拨款收支总表: 支出总计 = 本年支出 + 结转下年.
    FiscalExpenditureTotal = "T134" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "财政拨款收支总表：支出总计等于本年支出加结转下年",
        title_en: "Fiscal appropriations table: total expenditure equals current expenditure plus carry-forward",
        formula: "支出总计 = 本年支出 + 结转下年",
        explanation_zh: "财政拨款支出总计包括本年支出和结转下年。",
        explanation_en: "Total appropriation spending is the current spending plus the carry-forward.",
        action_zh: "核对支出总计、本年支出与结转下年。",
        action_en: "Check the total against the current expenditure and the carry-forward.",
    },
    /// 财政拨款收支总表: 收入总计 = 支出总计.
    FiscalBalance = "T135" {
        family: WithinTable, severity: Error, tolerance: RoundingSame,
        title_zh: "财政拨款收支总表：收入总计等于支出总计",
        title_en: "Fiscal appropriations table: total income equals total expenditure",
        formula: "收入总计 = 支出总计",
        explanation_zh: "财政拨款收支平衡。",
        explanation_en: "Appropriations balance: total income equals total expenditure.",
        action_zh: "核对收入方与支出方的总计。",
        action_en: "Check the two totals.",
    },
    /// 财政拨款收支总表 expenditure side printed with several columns
    /// (Shanghai): 合计 = 一般公共预算 + 政府性基金 + 国有资本经营.
    FiscalExpenditureColumns = "T136" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "财政拨款收支总表支出栏：合计等于三本预算之和",
        title_en: "Fiscal table expenditure columns: total equals the three budgets",
        formula: "合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
        explanation_zh: "部分模板的财政拨款收支总表支出方按三本预算分栏列示，各行应平衡。",
        explanation_en: "Some templates split the fiscal table's expenditure side by the three budgets; each row must balance.",
        action_zh: "核对该行各栏。",
        action_en: "Check the row's columns.",
    },
    /// 财政拨款收支总表 with expenditure by use (江苏): 本年支出 = 基本支出 +
    /// 项目支出 + 单位预留机动经费.
    FiscalExpenditureByUse = "T137" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "财政拨款收支总表：本年支出等于按支出用途各项之和",
        title_en: "Fiscal appropriations table: current expenditure equals the lines by use",
        formula: "本年支出 = 基本支出 + 项目支出 + 单位预留机动经费",
        explanation_zh: "部分模板（如江苏）财政拨款收支总表支出方按支出用途（基本支出、项目支出、单位预留机动经费）列示，其和等于本年支出。",
        explanation_en: "Some templates (e.g. Jiangsu) list appropriation spending by use (basic, project, the unit's reserve); the lines add up to the current expenditure.",
        action_zh: "核对按支出用途各项与本年支出。",
        action_en: "Check the lines by use against the subtotal.",
    },
    /// 一般公共预算支出表: 小计 = 基本支出 + 项目支出, per row.
    GeneralBudgetRow = "T141" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "一般公共预算支出表：小计等于基本支出加项目支出",
        title_en: "General budget table: subtotal equals basic plus project expenditure",
        formula: "预算数小计 = 基本支出 + 项目支出",
        explanation_zh: "一般公共预算支出表每一行的预算数小计等于基本支出与项目支出之和。",
        explanation_en: "In the general public budget table (table 5) each row's budget subtotal is basic plus project expenditure.",
        action_zh: "核对该行小计、基本支出与项目支出；注意空白单元格在提取文本中会消失。",
        action_en: "Check the row's subtotal, basic and project cells; blank cells vanish in extracted text, so a value may sit in the wrong column.",
    },
    /// 一般公共预算支出表: 类 = Σ 款, 款 = Σ 项, every column.
    GeneralBudgetTree = "T142" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "一般公共预算支出表：上级科目等于下级科目之和",
        title_en: "General budget table: each parent code equals the sum of its children",
        formula: "类 = Σ 款；款 = Σ 项（执行数、预算数各栏，及增减额）",
        explanation_zh: "执行数、预算数（小计、基本、项目）、扣除中央基建投资后各栏及增减额均逐级汇总。",
        explanation_en: "Every amount column (executed, budget subtotal/basic/project, net of central capital construction, and the changes) aggregates up the code tree.",
        action_zh: "核对上级科目与其下级科目的金额。",
        action_en: "Check the parent row against its child rows.",
    },
    /// 一般公共预算支出表: 合计 row = Σ 类 rows.
    GeneralBudgetTotal = "T143" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "一般公共预算支出表：合计行等于各类之和",
        title_en: "General budget table: the total row equals the sum of the classes",
        formula: "合计行 = Σ 类（各金额栏）",
        explanation_zh: "合计行各金额栏等于所有类级科目之和。",
        explanation_en: "Each amount column of the total row is the sum of the class rows.",
        action_zh: "核对合计行与各类。",
        action_en: "Check the total row against the class rows.",
    },
    /// 一般公共预算支出表: 增减额 = 预算数 − 执行数.
    GeneralBudgetChange = "T144" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "一般公共预算支出表：增减额等于预算数减执行数",
        title_en: "General budget table: change equals budget minus prior-year execution",
        formula: "增减额 = 本年预算数 − 上年执行数（扣除中央基建投资后同）",
        explanation_zh: "增减额为本年预算数与上年执行数之差，两组（含扣除中央基建投资后）均需成立。",
        explanation_en: "The change is this year's budget minus last year's execution, for both pairs (also net of central capital construction).",
        action_zh: "核对预算数、执行数与增减额。",
        action_en: "Check the budget, the execution and the change.",
    },
    /// 一般公共预算支出表: 增减(%) = 增减额 / 执行数 × 100, 四舍五入.
    GeneralBudgetChangeRate = "T145" {
        family: WithinTable, severity: Error, tolerance: RecomputedPercent,
        title_zh: "一般公共预算支出表：增减率按四舍五入重算一致",
        title_en: "General budget table: the change rate recomputes",
        formula: "增减(%) = (预算数 − 执行数) / 执行数 × 100，四舍五入",
        explanation_zh: "增减率以上年执行数为基数，按四舍五入保留两位小数。执行数为零时无法计算。",
        explanation_en: "The change rate is relative to last year's execution, rounded half away from zero to the printed places. It is undefined when the execution is zero.",
        action_zh: "按公式重算增减率。",
        action_en: "Recompute the rate with the formula.",
    },
    /// 一般公共预算基本支出表: 合计 = 人员经费 + 公用经费, per row.
    BasicRow = "T151" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "基本支出表：合计等于人员经费加公用经费",
        title_en: "Basic expenditure table: total equals personnel plus operating costs",
        formula: "合计 = 人员经费 + 公用经费",
        explanation_zh: "一般公共预算基本支出表每一行的合计等于人员经费与公用经费之和。",
        explanation_en: "In the basic expenditure table (table 6) each row's total is personnel plus operating costs.",
        action_zh: "核对该行各栏。",
        action_en: "Check the row's columns.",
    },
    /// 一般公共预算基本支出表: 类 = Σ 款; 合计 row = Σ 类.
    BasicTree = "T152" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "基本支出表：上级科目与合计行等于下级之和",
        title_en: "Basic expenditure table: parent codes and the total row add up",
        formula: "类 = Σ 款；合计行 = Σ 类（各栏）",
        explanation_zh: "部门预算支出经济分类的类、款逐级汇总，合计行等于各类之和。",
        explanation_en: "Economic codes aggregate class > section; the total row is the sum of the classes.",
        action_zh: "核对上级科目与其下级科目的金额。",
        action_en: "Check the parent rows against their children.",
    },
    /// 一般公共预算基本支出表: 人员经费 = 301 + 303; 公用经费 = the other classes.
    BasicPersonnelSplit = "T153" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "基本支出表：人员经费等于工资福利支出加对个人和家庭的补助",
        title_en: "Basic expenditure table: personnel costs are classes 301 + 303",
        formula: "人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助；公用经费合计 = 其余各类（302 商品和服务支出等）",
        explanation_zh: "按口径，人员经费为工资福利支出与对个人和家庭的补助，公用经费为商品和服务支出等。",
        explanation_en: "By definition personnel costs are wages and benefits (301) plus transfers to households (303); operating costs are goods and services (302) and the other classes.",
        action_zh: "核对人员经费、公用经费与各类经济分类的合计。",
        action_en: "Check the personnel and operating totals against the class rows.",
    },
    /// 政府性基金预算支出表: 合计 = 基本 + 项目, tree and total row.
    GovernmentFundTable = "T161" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "政府性基金预算支出表：各栏与层级之和",
        title_en: "Government fund table: rows, code tree and total add up",
        formula: "合计 = 基本支出 + 项目支出；类 = Σ 款；款 = Σ 项；合计行 = Σ 类",
        explanation_zh: "政府性基金预算支出表的行、科目层级和合计行均需平衡。",
        explanation_en: "The government fund table (table 7) balances by row, by code tree and in its total row.",
        action_zh: "核对各行、各级科目与合计行。",
        action_en: "Check the rows, the tree and the total row.",
    },
    /// 政府性基金预算财政拨款收入支出决算表: per row 年初 + 本年收入 − 本年支出 = 年末, 本年支出 = 基本 + 项目.
    FinalGovernmentFundRows = "T162" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "政府性基金预算财政拨款收入支出决算表：各行结转结余平衡",
        title_en: "Government fund final accounts table: each row's balances carry over",
        formula: "年初结转和结余 + 本年收入 = 本年支出合计 + 年末结转和结余；本年支出合计 = 基本支出 + 项目支出",
        explanation_zh: "决算中政府性基金预算财政拨款按功能分类逐行列示年初结转和结余、本年收入、本年支出（基本、项目）和年末结转和结余，每行年初加收入减支出应等于年末，本年支出应为基本支出与项目支出之和。",
        explanation_en: "In the 决算 (final accounts), the government fund appropriation table lists per function code the opening balance, income, expenditure (basic, project) and closing balance: opening + income − expenditure must equal closing, and expenditure must be basic plus project.",
        action_zh: "核对该行的年初结转和结余、本年收入、本年支出和年末结转和结余。",
        action_en: "Check the row's opening balance, income, expenditure and closing balance.",
    },
    /// 国有资本经营预算支出表: 合计 = 基本 + 项目, tree and total row.
    StateCapitalTable = "T171" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "国有资本经营预算支出表：各栏与层级之和",
        title_en: "State capital table: rows, code tree and total add up",
        formula: "合计 = 基本支出 + 项目支出；类 = Σ 款；款 = Σ 项；合计行 = Σ 类",
        explanation_zh: "国有资本经营预算支出表的行、科目层级和合计行均需平衡。",
        explanation_en: "The state capital operations table (table 8) balances by row, by code tree and in its total row.",
        action_zh: "核对各行、各级科目与合计行。",
        action_en: "Check the rows, the tree and the total row.",
    },
    /// 国有资本经营预算财政拨款收入支出决算表: as T162.
    FinalStateCapitalRows = "T172" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "国有资本经营预算财政拨款收入支出决算表：各行结转结余平衡",
        title_en: "State capital final accounts table: each row's balances carry over",
        formula: "年初结转和结余 + 本年收入 = 本年支出合计 + 年末结转和结余；本年支出合计 = 基本支出 + 项目支出",
        explanation_zh: "决算中国有资本经营预算财政拨款按功能分类逐行列示年初结转和结余、本年收入、本年支出（基本、项目）和年末结转和结余，每行年初加收入减支出应等于年末，本年支出应为基本支出与项目支出之和。",
        explanation_en: "In the 决算, the state capital appropriation table lists per function code the opening balance, income, expenditure (basic, project) and closing balance: opening + income − expenditure must equal closing, and expenditure must be basic plus project.",
        action_zh: "核对该行的年初结转和结余、本年收入、本年支出和年末结转和结余。",
        action_en: "Check the row's opening balance, income, expenditure and closing balance.",
    },
    /// 收入支出决算总表: 本年收入合计 = Σ income lines.
    FinalIncomeSubtotal = "T181" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收入支出决算总表：本年收入合计等于各项收入之和",
        title_en: "Final accounts summary: current-year income equals the sum of the income lines",
        formula: "本年收入合计 = 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入 + 国有资本经营预算财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入",
        explanation_zh: "收入支出决算总表的本年收入合计应为八项收入之和。",
        explanation_en: "The current-year income of the final accounts summary (决算 table 1) must be the sum of its eight income lines.",
        action_zh: "核对各收入项与本年收入合计。",
        action_en: "Compare each income line with the subtotal.",
    },
    /// 收入支出决算总表: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余.
    FinalIncomeGrandTotal = "T182" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收入支出决算总表：收入总计等于本年收入合计加结余和年初结转",
        title_en: "Final accounts summary: total income equals current-year income plus balances",
        formula: "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
        explanation_zh: "决算的收入总计包括本年收入、使用非财政拨款结余和年初结转和结余。",
        explanation_en: "Total income of the final accounts is the current-year income plus the non-fiscal balance used and the opening balances.",
        action_zh: "核对收入总计与本年收入合计、使用非财政拨款结余、年初结转和结余。",
        action_en: "Check the grand total against the subtotal, the balance used and the opening balances.",
    },
    /// 收入支出决算总表: 本年支出合计 = Σ 类.
    FinalExpenditureSubtotal = "T183" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收入支出决算总表：本年支出合计等于各功能分类支出之和",
        title_en: "Final accounts summary: current-year expenditure equals the sum of the functional classes",
        formula: "本年支出合计 = Σ 支出功能分类（类）",
        explanation_zh: "收入支出决算总表支出方按功能分类类级列示，其和应等于本年支出合计。",
        explanation_en: "The expenditure side lists the functional classes (类); they must add up to the current-year expenditure.",
        action_zh: "核对各类支出与本年支出合计。",
        action_en: "Check each class line against the subtotal.",
    },
    /// 收入支出决算总表: 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
    FinalExpenditureGrandTotal = "T184" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收入支出决算总表：支出总计等于本年支出合计加结余分配和年末结转和结余",
        title_en: "Final accounts summary: total expenditure equals current-year expenditure plus distribution and closing balances",
        formula: "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
        explanation_zh: "决算的支出总计包括本年支出、结余分配和年末结转和结余。",
        explanation_en: "Total expenditure of the final accounts is the current-year expenditure plus the balance distributed and the closing balances.",
        action_zh: "核对支出总计与本年支出合计、结余分配、年末结转和结余。",
        action_en: "Check the grand total against the subtotal, the distribution and the closing balances.",
    },
    /// 收入支出决算总表: 收入总计 = 支出总计.
    FinalBalance = "T185" {
        family: WithinTable, severity: Error, tolerance: RoundingSame,
        title_zh: "收入支出决算总表：收入总计等于支出总计",
        title_en: "Final accounts summary: total income equals total expenditure",
        formula: "收入总计 = 支出总计",
        explanation_zh: "收入支出决算总表收支平衡，两方总计相等。",
        explanation_en: "The final accounts summary balances: the two grand totals are equal.",
        action_zh: "核对收入方与支出方的总计。",
        action_en: "Check the two grand totals.",
    },
    /// 财政拨款收入支出决算总表 income side.
    FinalFiscalIncome = "T186" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "财政拨款收入支出决算总表：收入方各项之和",
        title_en: "Fiscal appropriation final accounts: the income side adds up",
        formula: "本年收入合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款；年初财政拨款结转和结余 = 其三项之和；收入总计 = 本年收入合计 + 年初财政拨款结转和结余",
        explanation_zh: "财政拨款收入支出决算总表收入方的本年收入合计、年初财政拨款结转和结余分别为三类财政拨款之和，收入总计为二者之和。",
        explanation_en: "On the income side of the fiscal appropriation final accounts (决算 table 4), the current-year income and the opening balances are each the sum of the three appropriations, and total income is their sum.",
        action_zh: "核对收入方各项与合计、总计。",
        action_en: "Check the income lines against their subtotals and the total.",
    },
    /// 财政拨款收入支出决算总表 expenditure side.
    FinalFiscalExpenditure = "T187" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "财政拨款收入支出决算总表：支出方各项之和与收支平衡",
        title_en: "Fiscal appropriation final accounts: the expenditure side adds up and balances",
        formula: "本年支出合计 = Σ 类（逐栏）；支出总计 = 本年支出合计 + 年末财政拨款结转和结余；收入总计 = 支出总计",
        explanation_zh: "财政拨款收入支出决算总表支出方各类之和等于本年支出合计（合计及三类财政拨款各栏），支出总计等于本年支出合计加年末结转和结余，且与收入总计相等。",
        explanation_en: "On the expenditure side of 决算 table 4 the classes add up to the current-year expenditure in every column, total expenditure is that plus the closing balances, and it equals total income.",
        action_zh: "核对各类支出、本年支出合计、年末结转和结余与总计。",
        action_en: "Check the classes, the subtotal, the closing balances and the totals.",
    },
    /// 财政拨款收入支出决算总表: per row 合计 = 一般公共预算 + 政府性基金 + 国有资本经营.
    FinalFiscalColumns = "T188" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "财政拨款收入支出决算总表：各行合计等于三类财政拨款之和",
        title_en: "Fiscal appropriation final accounts: each row's total equals the three appropriations",
        formula: "合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款",
        explanation_zh: "财政拨款收入支出决算总表支出方每行的合计栏为三类财政拨款栏之和。",
        explanation_en: "Each expenditure row of 决算 table 4 totals its three appropriation columns.",
        action_zh: "核对该行各栏与合计。",
        action_en: "Check the row's columns against its total.",
    },
    /// 一般公共预算财政拨款基本支出决算表: 人员经费合计, 公用经费合计 and the code tree.
    FinalBasicTotals = "T189" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "一般公共预算财政拨款基本支出决算表：人员经费合计、公用经费合计与科目层级",
        title_en: "Basic expenditure final accounts: personnel and operating totals and the code tree add up",
        formula: "人员经费合计 = 301 + 303；公用经费合计 = 302 + 307 + 309 + 310 + 399（按所列类）；类 = Σ 款",
        explanation_zh: "基本支出决算表按经济分类分栏列示，人员经费合计为工资福利支出（301）与对个人和家庭的补助（303）之和，公用经费合计为所列商品和服务支出（302）、债务利息（307）、资本性支出（309、310）和其他支出（399）之和，各类为其款之和。",
        explanation_en: "The basic expenditure final accounts table (决算 table 6) lists economic codes in halves: the personnel total is 301 + 303, the operating total the printed 302, 307, 309, 310 and 399 classes, and each class is the sum of its items.",
        action_zh: "核对各经济分类科目与人员经费合计、公用经费合计。",
        action_en: "Check the economic codes against the personnel and operating totals.",
    },
    /// “三公”经费表: 合计 = 出国 + 车 + 接待.
    ThreePublicTotal = "T191" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "“三公”经费表：合计等于三项之和",
        title_en: "“Three public” table: total equals the three items",
        formula: "合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
        explanation_zh: "“三公”经费合计为因公出国（境）费、公务用车购置及运行费、公务接待费之和。",
        explanation_en: "The total is overseas travel + official vehicles (purchase and running) + official reception.",
        action_zh: "核对三项与合计。",
        action_en: "Check the three items against the total.",
    },
    /// “三公”经费表: 公务用车购置及运行费 = 购置费 + 运行费.
    ThreePublicVehicles = "T192" {
        family: WithinTable, severity: Error, tolerance: RoundingSum,
        title_zh: "“三公”经费表：公务用车购置及运行费等于购置费加运行费",
        title_en: "“Three public” table: vehicles equal purchase plus running costs",
        formula: "公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费",
        explanation_zh: "公务用车小计为购置费与运行费之和。",
        explanation_en: "The vehicle subtotal is purchase plus running costs.",
        action_zh: "核对购置费、运行费与小计。",
        action_en: "Check purchase, running and the subtotal.",
    },
    // ---------------------------------------------------------------- X2xx
    /// 收入总表 合计 = 收支总表 收入总计.
    IncomeTableMatchesSummary = "X201" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "收入总表合计等于收支总表收入总计",
        title_en: "Income table total equals the summary table's total income",
        formula: "表2 合计 = 表1 收入总计",
        explanation_zh: "收入总表与收支总表反映同一收入总额。",
        explanation_en: "The income table (2) and the summary table (1) show the same total income.",
        action_zh: "核对两表的收入总额。",
        action_en: "Compare the two totals.",
    },
    /// Each 收入总表 column = the 收支总表 line of the same name.
    IncomeColumnsMatchSummary = "X202" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "收入总表各栏等于收支总表同名收入项",
        title_en: "Each income table column equals the summary line of the same name",
        formula: "表2 各收入来源、上年结转、使用非财政拨款结余 = 表1 同名项目",
        explanation_zh: "收入总表合计行各栏与收支总表同名收入项一一对应。",
        explanation_en: "Each column of the income table's total row matches the summary table line of the same name.",
        action_zh: "核对两表同名项目。",
        action_en: "Compare the same-named figures.",
    },
    /// 支出总表 合计 = 收支总表 本年支出合计.
    ExpenditureTableMatchesSummary = "X203" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "支出总表合计等于收支总表本年支出合计",
        title_en: "Expenditure table total equals the summary's current-year expenditure",
        formula: "表3 合计 = 表1 本年支出合计",
        explanation_zh: "支出总表与收支总表反映同一本年支出。",
        explanation_en: "The expenditure table (3) and the summary table (1) show the same current-year expenditure.",
        action_zh: "核对两表的支出总额。",
        action_en: "Compare the two totals.",
    },
    /// Each 支出总表 类 = the 收支总表 expenditure line of that class.
    ExpenditureClassesMatchSummary = "X204" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "支出总表各类等于收支总表同名支出项",
        title_en: "Each expenditure table class equals the summary line of that class",
        formula: "表3 类 合计 = 表1 同名功能分类支出",
        explanation_zh: "收支总表支出方各功能分类类级金额等于支出总表相应类的合计。",
        explanation_en: "Each functional class on the summary's expenditure side equals that class's total in the expenditure table; every class must appear in both.",
        action_zh: "核对两表同一类级科目的金额，及是否遗漏。",
        action_en: "Compare the class in both tables, and look for a class missing from one of them.",
    },
    /// 支出总表 ≥ 一般公共预算支出表, per code and column (subset).
    ExpenditureCoversGeneralBudget = "X205" {
        family: CrossTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "一般公共预算支出不超过支出总表同一科目",
        title_en: "General budget spending does not exceed all spending of the same code",
        formula: "表5 预算数（小计/基本/项目） ≤ 表3 合计/基本支出/项目支出（同一科目）",
        explanation_zh: "一般公共预算当年拨款是全部资金的一部分，同一科目同一栏不应超过支出总表。",
        explanation_en: "Current general-budget appropriations are part of all funds: for each code and column they cannot exceed the expenditure table.",
        action_zh: "核对两表同一科目的金额。",
        action_en: "Compare the code in both tables.",
    },
    /// 财政拨款收支总表 一般公共预算 本年 = 收支总表 一般公共预算拨款收入 (and the
    /// other two budgets).
    FiscalIncomeMatchesSummary = "X206" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "财政拨款收支总表本年拨款等于收支总表同名收入",
        title_en: "Fiscal table's current appropriations equal the summary's appropriation income",
        formula: "表4 本年 一般公共预算拨款 = 表1 一般公共预算拨款收入（政府性基金、国有资本经营同）",
        explanation_zh: "两表的本年财政拨款收入应一致。",
        explanation_en: "Both tables show the same current-year appropriations, budget by budget.",
        action_zh: "核对两表的本年拨款。",
        action_en: "Compare the appropriations in both tables.",
    },
    /// 财政拨款收支总表 上年结转 ≤ 收支总表 上年结转.
    FiscalCarryOverWithinSummary = "X207" {
        family: CrossTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "财政拨款上年结转不超过收支总表上年结转",
        title_en: "Fiscal carry-over does not exceed the summary's carry-over",
        formula: "表4 上年结转 ≤ 表1 上年结转",
        explanation_zh: "财政拨款结转是全部上年结转的一部分。",
        explanation_en: "The appropriation carry-over is part of the whole carry-over.",
        action_zh: "核对两表的上年结转。",
        action_en: "Compare the carry-over in both tables.",
    },
    /// 财政拨款收支总表 each 类 ≤ 支出总表 that 类.
    FiscalClassesWithinExpenditure = "X208" {
        family: CrossTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "财政拨款各类支出不超过支出总表同类",
        title_en: "Each fiscal class does not exceed the same class of the expenditure table",
        formula: "表4 类 ≤ 表3 类 合计",
        explanation_zh: "财政拨款支出是全部支出的一部分。",
        explanation_en: "Appropriation spending is part of all spending.",
        action_zh: "核对两表同一类级科目。",
        action_en: "Compare the class in both tables.",
    },
    /// 财政拨款收支总表 each 类 ≥ 一般公共预算支出表 that 类.
    FiscalClassesCoverGeneralBudget = "X209" {
        family: CrossTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "财政拨款各类支出不小于一般公共预算支出表同类",
        title_en: "Each fiscal class is at least the same class of the general budget table",
        formula: "表4 类 ≥ 表5 类 预算数小计",
        explanation_zh: "财政拨款支出包含一般公共预算当年拨款支出。",
        explanation_en: "Appropriation spending includes the current general-budget spending.",
        action_zh: "核对两表同一类级科目。",
        action_en: "Compare the class in both tables.",
    },
    /// 一般公共预算支出表 合计 = 财政拨款收支总表 本年一般公共预算拨款.
    GeneralBudgetMatchesFiscal = "X210" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "一般公共预算支出表合计等于本年一般公共预算拨款",
        title_en: "General budget table total equals the current general-budget appropriation",
        formula: "表5 合计 预算数小计 = 表4 本年收入 一般公共预算拨款",
        explanation_zh: "一般公共预算支出表反映本年一般公共预算拨款的安排。",
        explanation_en: "The general budget table (5) allocates this year's general-budget appropriation shown in table 4.",
        action_zh: "核对两表的一般公共预算拨款。",
        action_en: "Compare the two figures.",
    },
    /// 一般公共预算支出表 基本支出 合计 = 基本支出表 合计.
    GeneralBudgetBasicMatchesBasicTable = "X211" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "一般公共预算基本支出等于基本支出表合计",
        title_en: "General budget basic spending equals the basic expenditure table total",
        formula: "表5 合计 基本支出 = 表6 合计",
        explanation_zh: "基本支出表是一般公共预算基本支出按经济分类的展开。",
        explanation_en: "Table 6 breaks down table 5's basic spending by economic code.",
        action_zh: "核对两表的基本支出。",
        action_en: "Compare the two totals.",
    },
    /// 政府性基金 / 国有资本 tables against the 财政拨款收支总表.
    SpecialBudgetsWithinFiscal = "X212" {
        family: CrossTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "政府性基金、国有资本经营预算支出不超过相应财政拨款",
        title_en: "Government fund and state capital spending within their appropriations",
        formula: "表7 合计 ≤ 表4 政府性基金预算拨款（本年 + 上年结转）；表8 合计 ≤ 表4 国有资本经营预算拨款（本年 + 上年结转）",
        explanation_zh: "政府性基金、国有资本经营预算支出由相应拨款安排。",
        explanation_en: "Government fund and state capital spending are funded by their own appropriations.",
        action_zh: "核对表7、表8与表4。",
        action_en: "Compare tables 7 and 8 with table 4.",
    },
    /// 基本支出表 30212 因公出国（境）费用 ≤ “三公”经费表 因公出国（境）费.
    BasicTravelWithinThreePublic = "X213" {
        family: CrossTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "基本支出表因公出国（境）费用不超过“三公”经费表所列",
        title_en: "Basic table overseas travel within the “three public” figure",
        formula: "表6 30212 因公出国（境）费用 合计 ≤ 表9 本年 因公出国（境）费",
        explanation_zh: "“三公”经费表的因公出国（境）费包括基本支出和项目支出，基本支出表中的 30212 只是其中基本支出部分，故只能小于或等于，不要求相等。任一方未列示时不作比较。",
        explanation_en: "The “three public” table counts basic and project spending; code 30212 of the basic expenditure table (table 6) is only its basic part, so it is at most the table 9 figure of the budget year (an inequality, never an equality). Not compared when either side is absent.",
        action_zh: "核对基本支出表 30212 与“三公”经费表因公出国（境）费。",
        action_en: "Compare code 30212 of table 6 with table 9's overseas travel.",
    },
    /// 基本支出表 30217 公务接待费 ≤ “三公”经费表 公务接待费.
    BasicReceptionWithinThreePublic = "X214" {
        family: CrossTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "基本支出表公务接待费不超过“三公”经费表所列",
        title_en: "Basic table official reception within the “three public” figure",
        formula: "表6 30217 公务接待费 合计 ≤ 表9 本年 公务接待费",
        explanation_zh: "“三公”经费表的公务接待费包括基本支出和项目支出，基本支出表中的 30217 只是其中基本支出部分，故只能小于或等于。任一方未列示时不作比较。",
        explanation_en: "The “three public” table counts basic and project spending; code 30217 of table 6 is only its basic part, so it is at most the table 9 figure of the budget year. Not compared when either side is absent.",
        action_zh: "核对基本支出表 30217 与“三公”经费表公务接待费。",
        action_en: "Compare code 30217 of table 6 with table 9's official reception.",
    },
    /// 基本支出表 30231 公务用车运行维护费 ≤ “三公”经费表 公务用车运行费.
    BasicVehicleOperationWithinThreePublic = "X215" {
        family: CrossTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "基本支出表公务用车运行维护费不超过“三公”经费表所列",
        title_en: "Basic table vehicle running costs within the “three public” figure",
        formula: "表6 30231 公务用车运行维护费 合计 ≤ 表9 本年 公务用车运行（维护）费",
        explanation_zh: "“三公”经费表的公务用车运行费包括基本支出和项目支出，基本支出表中的 30231 只是其中基本支出部分，故只能小于或等于。任一方未列示时不作比较。",
        explanation_en: "The “three public” table counts basic and project spending; code 30231 of table 6 is only its basic part, so it is at most table 9's vehicle running costs of the budget year. Not compared when either side is absent.",
        action_zh: "核对基本支出表 30231 与“三公”经费表公务用车运行费。",
        action_en: "Compare code 30231 of table 6 with table 9's vehicle running costs.",
    },
    /// 基本支出表 31013 公务用车购置 ≤ “三公”经费表 公务用车购置费.
    BasicVehiclePurchaseWithinThreePublic = "X216" {
        family: CrossTable, severity: Error, tolerance: RoundingInequality,
        title_zh: "基本支出表公务用车购置不超过“三公”经费表所列",
        title_en: "Basic table vehicle purchase within the “three public” figure",
        formula: "表6 31013 公务用车购置 合计 ≤ 表9 本年 公务用车购置费",
        explanation_zh: "“三公”经费表的公务用车购置费包括基本支出和项目支出，基本支出表中的 31013 只是其中基本支出部分，故只能小于或等于。任一方未列示时不作比较。",
        explanation_en: "The “three public” table counts basic and project spending; code 31013 of table 6 is only its basic part, so it is at most table 9's vehicle purchase of the budget year. Not compared when either side is absent.",
        action_zh: "核对基本支出表 31013 与“三公”经费表公务用车购置费。",
        action_en: "Compare code 31013 of table 6 with table 9's vehicle purchase.",
    },
    /// 收入决算表 合计 = 收入支出决算总表 本年收入合计.
    FinalIncomeTableTotal = "X221" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "收入决算表合计等于收入支出决算总表本年收入合计",
        title_en: "Final income table total equals the summary's current-year income",
        formula: "表2 合计行 本年收入合计 = 表1 本年收入合计",
        explanation_zh: "收入决算表按功能分类列示本年收入，其合计应等于收入支出决算总表的本年收入合计。",
        explanation_en: "The final income table (决算 table 2) lists the current-year income by function; its total equals table 1's current-year income.",
        action_zh: "核对两表的本年收入合计。",
        action_en: "Compare the two current-year income totals.",
    },
    /// 收入决算表 合计 row sources = 收入支出决算总表 income lines.
    FinalIncomeTableSources = "X222" {
        family: CrossTable, severity: Error, tolerance: RoundingSum,
        title_zh: "收入决算表各收入来源等于收入支出决算总表对应收入项",
        title_en: "Final income table sources equal the summary's income lines",
        formula: "表2 财政拨款收入 = 表1 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款收入；表2 上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入 = 表1 同名项",
        explanation_zh: "收入决算表合计行的各来源栏与收入支出决算总表的对应收入项为同一数字；财政拨款收入为三类财政拨款收入之和。",
        explanation_en: "Each source column of table 2's total row is the same figure as table 1's income line; its fiscal appropriation income is the sum of the three appropriation lines.",
        action_zh: "核对两表对应的收入项。",
        action_en: "Compare the corresponding income figures.",
    },
    /// 支出决算表 合计 = 收入支出决算总表 本年支出合计.
    FinalExpenditureTableTotal = "X223" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "支出决算表合计等于收入支出决算总表本年支出合计",
        title_en: "Final expenditure table total equals the summary's current-year expenditure",
        formula: "表3 合计行 本年支出合计 = 表1 本年支出合计",
        explanation_zh: "支出决算表的合计应等于收入支出决算总表的本年支出合计。",
        explanation_en: "The final expenditure table (决算 table 3) total equals table 1's current-year expenditure.",
        action_zh: "核对两表的本年支出合计。",
        action_en: "Compare the two current-year expenditure totals.",
    },
    /// 支出决算表 类 rows = 收入支出决算总表 类 lines.
    FinalExpenditureClasses = "X224" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "支出决算表各类支出等于收入支出决算总表所列",
        title_en: "Final expenditure table classes equal the summary's class lines",
        formula: "表3 类 本年支出合计 = 表1 同一类 决算数",
        explanation_zh: "收入支出决算总表支出方的每一类与支出决算表同一类的本年支出合计为同一数字。",
        explanation_en: "Each functional class of table 1 is the same figure as that class's total in table 3.",
        action_zh: "核对两表同一类的支出。",
        action_en: "Compare the class in both tables.",
    },
    /// 财政拨款收入支出决算总表 一般公共预算 column = 一般公共预算财政拨款支出决算表 合计.
    FinalFiscalMatchesGeneralBudget = "X225" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "财政拨款收入支出决算总表一般公共预算栏等于一般公共预算财政拨款支出决算表",
        title_en: "Fiscal appropriation final accounts general budget column equals the general budget final accounts table",
        formula: "表4 一般公共预算财政拨款 栏 各类及本年支出合计 = 表5 同一类及合计行 合计",
        explanation_zh: "财政拨款收入支出决算总表支出方一般公共预算财政拨款栏按类列示的金额应与一般公共预算财政拨款支出决算表同一类的合计相等，本年支出合计与其合计行相等。",
        explanation_en: "In 决算 table 4 the general budget column of each class and of the current-year expenditure equals table 5's total of that class and its total row.",
        action_zh: "核对两表同一类的一般公共预算财政拨款支出。",
        action_en: "Compare the class in both tables.",
    },
    /// 一般公共预算财政拨款支出决算表 基本支出 = 基本支出决算表 人员经费合计 + 公用经费合计.
    FinalBasicMatchesGeneralBudget = "X226" {
        family: CrossTable, severity: Error, tolerance: RoundingSum,
        title_zh: "一般公共预算财政拨款支出决算表基本支出等于基本支出决算表人员经费与公用经费之和",
        title_en: "General budget final accounts basic expenditure equals the basic table's personnel plus operating totals",
        formula: "表5 合计行 基本支出 = 表6 人员经费合计 + 公用经费合计",
        explanation_zh: "一般公共预算财政拨款基本支出决算表是一般公共预算财政拨款支出决算表基本支出的经济分类明细，两者总额相等。",
        explanation_en: "决算 table 6 details table 5's basic expenditure by economic code; the totals agree.",
        action_zh: "核对两表的基本支出。",
        action_en: "Compare the basic expenditure of the two tables.",
    },
    /// 财政拨款收入支出决算总表 income lines = 收入支出决算总表 财政拨款 lines.
    FinalFiscalIncomeMatchesSummary = "X227" {
        family: CrossTable, severity: Error, tolerance: RoundingSame,
        title_zh: "财政拨款收入支出决算总表收入等于收入支出决算总表财政拨款收入",
        title_en: "Fiscal appropriation final accounts income equals the summary's appropriation lines",
        formula: "表4 一般公共预算 / 政府性基金预算 / 国有资本经营预算财政拨款 = 表1 同名财政拨款收入",
        explanation_zh: "两张总表列示的三类财政拨款本年收入为同一数字。",
        explanation_en: "The three appropriations of the current year are the same figures in 决算 tables 1 and 4.",
        action_zh: "核对两表的财政拨款收入。",
        action_en: "Compare the appropriation income of the two tables.",
    },
    // ---------------------------------------------------------------- N3xx
    /// A narrative amount equals the table cell it names.
    NarrativeAmount = "N301" {
        family: Narrative, severity: Error, tolerance: RoundingSame,
        title_zh: "情况说明金额与表格一致",
        title_en: "Narrative amounts match the tables",
        formula: "说明中“X 万元” = 所指表格单元格",
        explanation_zh: "情况说明引用的金额应与表格一致。",
        explanation_en: "An amount quoted by the narrative equals the table cell it refers to.",
        action_zh: "核对说明文字与表格。",
        action_en: "Compare the sentence with the table.",
    },
    /// A narrative share recomputes from the amounts.
    NarrativeShare = "N302" {
        family: Narrative, severity: Error, tolerance: RecomputedPercent,
        title_zh: "情况说明占比按四舍五入重算一致",
        title_en: "Narrative shares recompute",
        formula: "占比 = 分项 / 总额 × 100，四舍五入",
        explanation_zh: "“占 Y%”按表格金额重算。为使各项占比合计 100.00%，将尾差计入最后一项是常见做法，报告为提示。",
        explanation_en: "Each “占 Y%” is recomputed from the amounts. Putting the rounding residue on the last item so the shares sum to 100.00% is common practice and reported as info.",
        action_zh: "按公式重算占比。",
        action_en: "Recompute the share.",
    },
    /// A narrative growth rate recomputes from the amounts.
    NarrativeGrowth = "N303" {
        family: Narrative, severity: Error, tolerance: RecomputedPercent,
        title_zh: "情况说明增长率按四舍五入重算一致",
        title_en: "Narrative growth rates recompute",
        formula: "增长率 = (本年 − 上年) / 上年 × 100，四舍五入",
        explanation_zh: "“增长 B%”“下降 B%”按表格金额重算。",
        explanation_en: "Each “增长/下降 B%” is recomputed from the amounts.",
        action_zh: "按公式重算增长率。",
        action_en: "Recompute the rate.",
    },
    /// A narrative change amount equals new − old.
    NarrativeChange = "N304" {
        family: Narrative, severity: Error, tolerance: RoundingSum,
        title_zh: "情况说明增减金额等于两年之差",
        title_en: "Narrative change amounts equal the difference",
        formula: "“增加/减少 A 万元” = |本年 − 上年|",
        explanation_zh: "说明中的增减金额等于两年金额之差。",
        explanation_en: "A stated change equals the difference between the two years' amounts.",
        action_zh: "核对增减金额。",
        action_en: "Check the change.",
    },
    /// A direction word agrees with the numbers.
    NarrativeDirection = "N305" {
        family: Narrative, severity: Error, tolerance: RoundingSame,
        title_zh: "情况说明增减方向与数据一致",
        title_en: "Narrative direction words agree with the numbers",
        formula: "增加/增长 ⇔ 本年 > 上年；减少/下降 ⇔ 本年 < 上年；持平 ⇔ 相等（两项金额之间的大于/小于/等于见 N310）",
        explanation_zh: "增减方向词（增加、减少、持平、增长、下降等）须与本年、上年数据相符；先规范化文本，以免断行或字间空格造成误报。两项金额之间的大于、小于、等于由 N310 检查。",
        explanation_en: "Direction words of a year-on-year change (增加, 减少, 持平, 增长, 下降 …) must agree with the numbers. Text is normalised first so words broken across lines or letter-spaced are still read. Comparisons of two amounts (大于, 小于, 等于) are checked by N310.",
        action_zh: "核对方向词与数据。",
        action_en: "Check the word against the numbers.",
    },
    /// A table the narrative says is empty is empty, and the other way round.
    NarrativeEmptyTable = "N306" {
        family: Narrative, severity: Error, tolerance: None,
        title_zh: "说明称无此项支出的表格为空",
        title_en: "A table the narrative calls empty is empty",
        formula: "说明“没有……支出” ⇒ 对应表格无金额",
        explanation_zh: "情况说明称没有某类支出时，对应表格不应有金额。",
        explanation_en: "When the narrative says the unit has no such spending, the table must carry no amount.",
        action_zh: "核对说明与表格。",
        action_en: "Compare the statement with the table.",
    },
    /// 政府采购 total = 货物 + 工程 + 服务.
    ProcurementTotal = "N307" {
        family: Narrative, severity: Error, tolerance: RoundingSum,
        title_zh: "政府采购预算总额等于货物、工程、服务之和",
        title_en: "Procurement total equals goods + works + services",
        formula: "政府采购预算总额 = 货物 + 工程 + 服务",
        explanation_zh: "政府采购预算按货物、工程、服务分列，其和等于总额。",
        explanation_en: "Government procurement splits into goods, works and services, which add up to the total.",
        action_zh: "核对采购总额与分项。",
        action_en: "Check the total against its parts.",
    },
    /// 绩效管理 amount = 一般公共预算支出表 项目支出 合计.
    PerformanceManagementAmount = "N308" {
        family: Narrative, severity: Error, tolerance: RoundingSame,
        title_zh: "绩效目标管理涉及金额等于一般公共预算项目支出",
        title_en: "Amount under performance management equals general-budget project spending",
        formula: "“涉及一般公共预算拨款 X 万元” = 表5 合计 项目支出",
        explanation_zh: "项目支出全面实施绩效目标管理，涉及金额应等于一般公共预算项目支出合计。",
        explanation_en: "All project spending is under performance-target management, so the amount stated equals table 5's project spending total.",
        action_zh: "核对说明金额与表5项目支出。",
        action_en: "Compare the amount with table 5's project column.",
    },
    /// Years in the narrative agree with the budget year.
    NarrativeYear = "N309" {
        family: Narrative, severity: Error, tolerance: None,
        title_zh: "情况说明年度与预算年度一致",
        title_en: "Narrative years agree with the budget year",
        formula: "说明各部分标题中的年度 = 预算年度；比较年度 < 预算年度",
        explanation_zh: "情况说明各部分标题（如“关于 2025 年单位收支总表的说明”）的年度应为本预算年度，比较的基数年度应早于预算年度。",
        explanation_en: "Section headings of the narrative (e.g. “关于 2025 年单位收支总表的说明”) name the budget year, and a comparison's base year precedes it.",
        action_zh: "更正年度。",
        action_en: "Correct the year.",
    },
    /// A relation word between two amounts (大于/小于/等于 …) agrees with them.
    NarrativeComparison = "N310" {
        family: Narrative, severity: Error, tolerance: RoundingSame,
        title_zh: "情况说明两项金额的大小比较与数据一致",
        title_en: "Narrative comparisons of two amounts agree with the numbers",
        formula: "“A 大于/高于/多于/超过 B” ⇔ A > B；“A 小于/低于/少于 B” ⇔ A < B；“A 等于 B”“A 与 B 相等” ⇔ A = B；“不小于/不低于/不少于” ⇔ A ≥ B；“不大于/不高于/不多于/不超过” ⇔ A ≤ B（A、B 取说明所列金额，未列示时取所指表格单元格）",
        explanation_zh: "情况说明比较两项金额时（如“2025 年收入预算 X 万元，大于 2024 年收入预算 Y 万元”“本年支出合计等于本年收入合计”），比较词须与两项金额相符。金额取说明所列数，未列示时取所指表格单元格；所列数与单元格是否一致由 N301 检查。“等于”“相等”的两数之差不超过两个打印数的舍入误差时为警告（未舍入的金额可能相等）；“大于”“小于”等用于两个相等的打印数时亦为警告（未舍入的金额仍可能不同）；其余不符为错误。比较词先规范化再识别，断行或字间空格（“小\n于”“等 于”）不致误报。",
        explanation_en: "When the narrative compares two amounts (“2025 年收入预算 X 万元，大于 2024 年收入预算 Y 万元”, “本年支出合计等于本年收入合计”), the relation word must agree with them. Each side is the amount stated in the sentence or, when none is stated, the table cell it refers to; N301 checks stated amounts against their cells. An equality word over two printed figures that differ by no more than the rounding of two figures is a warning (the unrounded amounts may be equal), as is a strict word over two equal printed figures (the unrounded amounts may still differ); any other contradiction is an error. Words are read after normalising the text, so a word broken across lines or letter-spaced is not misread.",
        action_zh: "核对比较词与两项金额，更正比较词或金额。",
        action_en: "Check the relation word against the two amounts; correct the word or the amount.",
    },
    /// A change sentence's rate recomputed from its own figures.
    NarrativeChangeRate = "N311" {
        family: Narrative, severity: Error, tolerance: RecomputedPercent,
        title_zh: "情况说明增减率按本句金额重算一致",
        title_en: "A change sentence's rate recomputes from its own figures",
        formula: "“X 万元，比上年增加（减少）A 万元，增长（下降）B%”：上年 = X − A（增加）或 X + A（减少）；B = A / 上年 × 100，按印发位数四舍五入",
        explanation_zh: "增减句同时列出本年金额、增减额和增减率时，三者须自洽：上年数由本年数减去增加额（或加上减少额）得出，增减率为增减额除以上年数，按印发的小数位四舍五入。本检查不需要表格，仅在说明未给出、表格也没有可比的上年数时进行（否则由 N303 按上年数检查）。金额本身的四舍五入范围内可得的印发数为警告。",
        explanation_en: "When a change sentence states the amount, the change and the rate, the three must agree: the prior amount is the amount minus an increase (plus a decrease) and the rate is the change over the prior amount, rounded half away from zero at the printed places. It needs no table and runs only when neither the sentence nor a table gives the prior amount (N303 checks the rate against it otherwise). A printed rate reachable within the rounding of the amounts is a warning.",
        action_zh: "按增减额 / 上年数重算增减率，更正增减率或金额。",
        action_en: "Recompute the rate as the change over the prior amount; correct the rate or the amounts.",
    },
    /// A growth rate over a prior amount of zero.
    NarrativeZeroBase = "N312" {
        family: Narrative, severity: Error, tolerance: None,
        title_zh: "增长率的上年基数为零",
        title_en: "A growth rate over a zero prior amount",
        formula: "上年 = 0 ⇒ 增长率无定义（“增加 0.30 万元，增长 100%”而本年为 0.30 万元）",
        explanation_zh: "上年数为零时增长率无定义，“增长100%”并不成立（从 0 增至任何金额都不是翻一倍）。上年数只能由本句推出（本年数等于增加额）时为错误；说明或表格印出上年数为 0 时，“100%”是标示新增项目的惯例写法，报告为警告。",
        explanation_en: "A growth rate over a prior amount of zero is undefined; “增长100%” does not hold (growing from 0 to any amount is not doubling). When the zero prior is only implied by the sentence (the amount equals the increase) it is an error; when the narrative or a table prints the prior as 0, “100%” is the customary mark of a new item and is reported as a warning.",
        action_zh: "删去增长率，改为说明为新增项目（上年无此项支出）。",
        action_en: "Drop the rate and say the item is new (no such spending last year).",
    },
    /// An increase that implies a negative prior amount.
    NarrativeNegativePrior = "N313" {
        family: Narrative, severity: Error, tolerance: RoundingSum,
        title_zh: "增加额大于本年金额（上年数为负）",
        title_en: "An increase larger than the amount (a negative prior amount)",
        formula: "“X 万元，比上年增加 A 万元” ⇒ 上年 = X − A ≥ 0",
        explanation_zh: "本年金额比上年增加 A 万元，上年数即为 X − A；X 小于 A（如“0 万元，比 2024 年预算增加 14.25 万元”）意味着上年数为负，说法自相矛盾，通常是从上一句复制而未改的增加额。差额在两个打印数的舍入误差以内时为警告。",
        explanation_en: "An amount X that is A more than last year had a prior amount of X − A; X below A (“0 万元，比 2024 年预算增加 14.25 万元”) means a negative prior amount, a contradiction, usually a change copied from the sentence before. Within the rounding of the two printed figures it is a warning.",
        action_zh: "核对本年金额与增加额，更正增减方向或金额。",
        action_en: "Check the amount and the change; correct the direction word or the figures.",
    },
    /// An item's heading amount against the amount its sentence states.
    NarrativeItemAmount = "N314" {
        family: Narrative, severity: Error, tolerance: RoundingSame,
        title_zh: "条目金额与其说明句的本年金额一致",
        title_en: "An item's amount matches the amount its sentence states",
        formula: "“n. 科目 X 万元，主要用于…。…本年预算安排 Y 万元，比上年…” ⇒ X = Y",
        explanation_zh: "逐项说明的条目先列出科目金额，再在增减句中重复本年金额；两者不同（如条目为 220.63 万元、句中为 441.25 万元），通常是从上一条复制后未改的句子，其增减率也随之失真。",
        explanation_en: "An item of the itemised explanation states its amount, then repeats it in its change sentence; a different figure (the item 220.63 万元, the sentence 441.25 万元) is usually a sentence copied from the item before and not edited, and its rate is then wrong too.",
        action_zh: "按科目金额更正增减句（本年金额、增减额和增减率）。",
        action_en: "Correct the change sentence (amount, change and rate) from the item's amount.",
    },
    /// Wording defects: an empty reason, doubled punctuation.
    NarrativeWording = "N315" {
        family: Narrative, severity: Warning, tolerance: None,
        title_zh: "情况说明文字缺陷（空原因、重复标点）",
        title_en: "Narrative wording defects (an empty reason, doubled punctuation)",
        formula: "“主要原因是。”之后无内容；“。。”“，，”等重复标点",
        explanation_zh: "说明文字中的空原因（“主要原因是。”）和重复标点（“。。”“，，”）不影响数字，但表明说明未完成编辑，报告为警告。",
        explanation_en: "An empty reason (“主要原因是。”) and doubled punctuation (“。。”, “，，”) leave the numbers intact but show unfinished editing; reported as warnings.",
        action_zh: "补写原因，删除重复标点。",
        action_en: "Write the reason; remove the doubled punctuation.",
    },
    /// A 决算 completion rate recomputed: 决算数 / 预算数.
    NarrativeCompletion = "N316" {
        family: Narrative, severity: Error, tolerance: RecomputedPercent,
        title_zh: "决算说明完成率按决算数 / 预算数重算一致",
        title_en: "A final account's completion rate recomputes as final over budget",
        formula: "“年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 C%” ⇒ C = B / A × 100，按印发位数四舍五入；A = 0 时完成率无定义",
        explanation_zh: "决算说明逐项列出年初预算（或全年预算）、支出决算和完成率；完成率按决算数除以所称的那个预算数重算（“完成年初预算的”用年初预算，即使同句另列全年预算）。预算数为 0（或空白）而印出完成率（如“完成预算的0%”）是分母为零的缺陷，为错误。金额舍入范围内可得的印发数为警告。",
        explanation_en: "A final account's narrative states the initial (or full-year) budget, the final amount and the completion rate of each item; the rate is recomputed as the final amount over the budget it names (“完成年初预算的” uses the initial budget even when the sentence also states a full-year one). A rate printed over a zero or blank budget (“完成预算的0%”) has a zero denominator: an error. A printed rate reachable within the rounding of the amounts is a warning.",
        action_zh: "按决算数 / 所称预算数重算完成率；预算为 0 时删去完成率。",
        action_en: "Recompute the rate as the final amount over the budget named; drop the rate when the budget is zero.",
    },
    /// A 决算 direction word (决算数大于/小于/等于预算数) against the figures.
    NarrativeCompletionWord = "N317" {
        family: Narrative, severity: Error, tolerance: RoundingSame,
        title_zh: "决算数与预算数的大小比较词与数据一致",
        title_en: "“决算数大于/小于/等于预算数” agrees with the figures",
        formula: "“决算数大于预算数” ⇔ B > A；“小于” ⇔ B < A；“等于”“同预算数持平” ⇔ B = A（A、B 为前文所列预算数、决算数）",
        explanation_zh: "决算说明在列出预算数和决算数之后，常在下一句说明“决算数大于（小于、等于）预算数的主要原因”；比较词须与前文的两个数相符，跨句、跨行读取。两数相等而称大于或小于，或差额在舍入误差以内而称等于，为警告。",
        explanation_en: "After stating the budget and the final amount, a final account's narrative often explains “决算数大于（小于、等于）预算数的主要原因” in the next sentence; the word must agree with the two figures stated before it, read across sentence and line breaks. A strict word over equal figures, or an equality within rounding, is a warning.",
        action_zh: "核对比较词与预算数、决算数。",
        action_en: "Check the word against the budget and the final amount.",
    },
    /// A template alternative left in a sentence ("下降（增长）27.78%").
    NarrativeTemplateAlternative = "N318" {
        family: Narrative, severity: Error, tolerance: None,
        title_zh: "情况说明留有未选定的模板选项",
        title_en: "A template alternative left in the narrative",
        formula: "“下降（增长）”“大于（小于）”等：方向词后括注其反义词",
        explanation_zh: "说明模板以“增加（减少）”“大于（小于）”等形式提供选项，编制时应只保留一个；留下两个（如“减少 0.15 万元，下降（增长）27.78%”）使方向无从判断，为错误。",
        explanation_en: "Narrative templates offer alternatives such as “增加（减少）” or “大于（小于）”, of which one must be kept; leaving both (“减少 0.15 万元，下降（增长）27.78%”) leaves the direction undecided: an error.",
        action_zh: "按数据保留正确的方向词，删去括注的选项。",
        action_en: "Keep the word the figures support; delete the alternative in parentheses.",
    },
    /// 政府采购: the 中小企业 figures do not exceed the procurement total.
    ProcurementSmeWithinTotal = "N319" {
        family: Narrative, severity: Error, tolerance: RoundingInequality,
        title_zh: "政府采购中小企业金额不超过政府采购总额",
        title_en: "Procurement amounts for small and medium-sized enterprises do not exceed the procurement total",
        formula: "决算：由中小企业（小微企业）供应商中标或成交的采购金额（预留项目中、其他项目中各项分别）≤ 政府采购金额（以合同签订为准）；预算：面向中小企业预留政府采购项目预算金额 ≤ 政府采购预算总额",
        explanation_zh: "授予中小企业的采购金额是本年政府采购合同的一部分，预算中面向中小企业预留的项目预算是政府采购预算的一部分，均不超过总额。决算中预留项目与其他项目的中标金额各自与总额比较，不比较其和：模板与《政府采购促进中小企业发展管理办法》都没有给出其和与合同总额的关系，若其和超过总额，请人工核对。决算的预留“预算金额”与合同金额口径不同，不与总额比较。超出在两个打印数的舍入误差以内为警告。",
        explanation_en: "Amounts awarded to small and medium-sized enterprises (中小企业) are part of the year's procurement contracts, and a budget's reserve for them is part of the procurement budget, so neither exceeds the total. In a final account the amounts awarded in the reserved projects and in the other projects are each compared with the total, not their sum: neither the template nor the regulation (政府采购促进中小企业发展管理办法) states how their sum relates to the contract total; check a sum above the total by hand. A final account's reserved budget is not compared with the contract total (a budget against contracts). Exceeding by no more than the rounding of two printed figures is a warning.",
        action_zh: "核对中小企业金额与政府采购总额。",
        action_en: "Check the amounts for small and medium-sized enterprises against the procurement total.",
    },
    /// 政府采购: the 小微企业 part does not exceed the 中小企业 part.
    ProcurementSmallMicroWithinSme = "N320" {
        family: Narrative, severity: Error, tolerance: RoundingInequality,
        title_zh: "面向小微企业预留（成交）金额不超过面向中小企业预留（成交）金额",
        title_en: "The reserve (award) for small and micro enterprises does not exceed that for small and medium-sized enterprises",
        formula: "面向小微企业预留（预留给小型和微型企业的）政府采购项目预算金额 ≤ 面向中小企业预留政府采购项目预算金额；小微企业预留项目中由小微企业中标或成交的金额 ≤ 中小企业预留项目中由中小企业中标或成交的金额",
        explanation_zh: "面向小微企业的预留份额是面向中小企业预留份额的一部分（预算说明写作“其中，预留给小型和微型企业的……”），小微企业也是中小企业，故小微企业的预留金额及其在预留项目中的成交金额都不超过中小企业的对应金额。超出在两个打印数的舍入误差以内为警告。",
        explanation_en: "The reserve for small and micro enterprises is part of the reserve for small and medium-sized enterprises (a budget writes “其中，预留给小型和微型企业的……”), and small and micro enterprises are small and medium-sized ones, so neither the reserve for them nor what they won in reserved projects exceeds the corresponding figure for small and medium-sized enterprises. Exceeding by no more than the rounding of two printed figures is a warning.",
        action_zh: "核对小微企业与中小企业的预留及成交金额。",
        action_en: "Check the reserves and awards for small and micro against small and medium-sized enterprises.",
    },
    /// 政府采购: the amount awarded in reserved projects does not exceed the reserve.
    ProcurementAwardWithinReserve = "N321" {
        family: Narrative, severity: Error, tolerance: RoundingInequality,
        title_zh: "预留项目中的成交金额不超过预留项目预算金额",
        title_en: "Amounts awarded in reserved projects do not exceed the reserve",
        formula: "在面向中小企业预留的项目中由中小企业中标或成交的采购金额 ≤ 面向中小企业预留政府采购项目预算金额；小微企业同理",
        explanation_zh: "预留项目的成交金额以项目预算为上限（报价超过采购预算的投标无效），故预留项目中由中小企业（小微企业）中标或成交的金额不超过预留的项目预算金额。超出在两个打印数的舍入误差以内为警告。",
        explanation_en: "A reserved project's contract is capped by its budget (a bid above the procurement budget is void), so what small and medium-sized (small and micro) enterprises won in the reserved projects does not exceed the reserved budget. Exceeding by no more than the rounding of two printed figures is a warning.",
        action_zh: "核对预留项目的成交金额与预留预算金额。",
        action_en: "Check the awards in reserved projects against the reserve.",
    },
    /// 国有资产占有: 车辆 = Σ the categories.
    VehicleCategories = "N322" {
        family: Narrative, severity: Error, tolerance: None,
        title_zh: "车辆总数等于各类用车之和",
        title_en: "The number of vehicles equals the sum of its categories",
        formula: "共有车辆 N 辆 = 部级领导干部用车 + 主要领导干部用车 + 机要通信用车 + 应急保障用车 + 执法执勤用车 + 特种专业技术用车 + 离退休干部用车 + 其他用车（按印发的分类）；预算安排购置车辆同理",
        explanation_zh: "国有资产占有使用情况列示车辆总数及其分类（“其中：……”），分类之和应等于总数；预算安排购置的车辆同理。车辆数是整数，没有舍入误差。",
        explanation_en: "The statement of state assets gives the number of vehicles and its split by category (“其中：……”); the categories add up to the total, and likewise for the vehicles a budget plans to buy. Vehicles are counted in whole numbers: there is no rounding.",
        action_zh: "核对车辆总数与各类用车数。",
        action_en: "Check the number of vehicles against its categories.",
    },
    /// 机关运行经费 stated = the "三公" table's 机关运行经费 column.
    AgencyOperationMatchesTable = "N323" {
        family: Narrative, severity: Error, tolerance: RoundingSame,
        title_zh: "机关运行经费说明与表格一致",
        title_en: "The 机关运行经费 statement matches the table",
        formula: "“机关运行经费预算为 X 万元” = “三公”经费和机关运行经费预算表 机关运行经费预算数（本年）；“无机关运行经费” ⇒ 该栏为 0 或空白",
        explanation_zh: "上海等地的“三公”经费表另列机关运行经费一栏，其他相关情况说明中的机关运行经费金额应与该栏一致；说明称无机关运行经费时该栏不应有金额。表格未列此栏（或未读取）时不比较。机关运行经费的增减额与增减率由 N311、N312 按情况说明的增减句检查，这里不重复。",
        explanation_en: "Shanghai's “three public” table prints a column 机关运行经费; the amount in the narrative's statement equals it, and a statement that there is none means the column carries no amount. Without the column (or when it was not read) nothing is compared. The stated change and rate of 机关运行经费 are checked by N311 and N312 on the narrative's change sentence, not again here.",
        action_zh: "核对机关运行经费说明与表格。",
        action_en: "Compare the 机关运行经费 statement with the table.",
    },
    // ---------------------------------------------------------------- P4xx
    /// 年度资金总额 = 财政拨款 + 上年结转 + 其他资金.
    ProjectFundsTotal = "P401" {
        family: Performance, severity: Error, tolerance: RoundingSum,
        title_zh: "项目资金：年度资金总额等于各来源之和",
        title_en: "Project funds: the annual total equals its sources",
        formula: "年度资金总额 = 财政拨款 + 上年结转 + 其他资金",
        explanation_zh: "项目绩效目标表的年度资金总额为财政拨款、上年结转和其他资金之和。",
        explanation_en: "The performance table's annual total is fiscal appropriation + carry-over + other funds.",
        action_zh: "核对项目资金各栏。",
        action_en: "Check the funds cells.",
    },
    /// Indicator weights sum to the declared total; + 执行率 = 100.
    IndicatorWeights = "P402" {
        family: Performance, severity: Error, tolerance: None,
        title_zh: "指标分值合计正确",
        title_en: "Indicator weights add up",
        formula: "Σ 三级指标分值 = 表头分值权重（90）；Σ 分值 + 执行率分值（10） = 100",
        explanation_zh: "各三级指标分值之和等于表头声明的权重，加上预算执行率分值为 100 分。",
        explanation_en: "The indicator weights sum to the declared weight (90), and with the execution-rate weight (10) to 100.",
        action_zh: "核对各指标分值。",
        action_en: "Check the weights.",
    },
    /// A money 成本指标 against 年度资金总额.
    CostIndicatorFunds = "P403" {
        family: Performance, severity: Error, tolerance: RoundingSame,
        title_zh: "成本指标与年度资金总额一致",
        title_en: "Cost indicator agrees with the annual funds",
        formula: "成本指标（项目预算执行数 ≤ X 万元）：X = 年度资金总额；X 不得超过年度资金总额",
        explanation_zh: "以万元计的成本指标（如“项目预算执行数 ≤2459.07万元”）应与年度资金总额一致：超过总额为错误，相差 0.01 以内为舍入警告，低于总额为警告。",
        explanation_en: "A money cost indicator (e.g. “项目预算执行数 ≤2459.07万元”) should equal the annual funds: above them is an error, within 0.01 a rounding warning, below them a warning.",
        action_zh: "核对成本指标与项目资金。",
        action_en: "Compare the cost indicator with the funds.",
    },
    /// Project funds ≤ 项目支出 of its 功能分类 in tables 3 and 5.
    ProjectFundsWithinTables = "P404" {
        family: Performance, severity: Error, tolerance: RoundingInequality,
        title_zh: "项目资金不超过预算表项目支出",
        title_en: "Project funds within the tables' project spending",
        formula: "年度资金总额 ≤ 表3 项目支出（所属科目，无法确定时为合计）；财政拨款（当年） ≤ 表5 项目支出（同）",
        explanation_zh: "项目资金来自单位预算的项目支出，不能超过支出总表（全部资金）和一般公共预算支出表（当年拨款）中所属科目的项目支出。",
        explanation_en: "A project is funded from the unit's project spending: its funds cannot exceed the project column of its functional code in table 3 (all funds) and table 5 (current general budget).",
        action_zh: "核对项目资金与预算表。",
        action_en: "Compare the project funds with the tables.",
    },
    /// The performance table validates (targets readable, taxonomy, names).
    PerformanceTableForm = "P405" {
        family: Performance, severity: Error, tolerance: None,
        title_zh: "项目绩效目标表填报规范",
        title_en: "Performance target table is well-formed",
        formula: "指标值可读；二级指标归属正确；项目名称、指标名称不为空且不重复",
        explanation_zh: "指标值可解析，指标层级符合财预〔2021〕101号，名称完整。",
        explanation_en: "Targets are readable, indicator levels follow 财预〔2021〕101号, names are present and distinct.",
        action_zh: "按提示修改目标表。",
        action_en: "Fix the table as the finding says.",
    },
    // ---------------------------------------------------------------- C5xx
    /// A code exists in the catalog of the budget year.
    CodeKnown = "C501" {
        family: Classification, severity: Info, tolerance: None,
        title_zh: "科目编码见于当年分类科目",
        title_en: "Codes are in the year's catalog",
        formula: "编码 ∈ 当年《政府收支分类科目》",
        explanation_zh: "内置科目目录并不完整，未收录的编码只作提示，每份文件汇总为一条（数量与清单）；目录没有该年度版本时只说明一次。可加载完整的官方版本再查。",
        explanation_en: "The built-in catalog is partial, so codes it does not know are only info, summed up in one finding per document (how many, and the list); a year the catalog has no edition of is said once. Load a full official edition to check further.",
        action_zh: "如非目录遗漏，核对科目编码。",
        action_en: "Unless the catalog lacks it, check the code.",
    },
    /// A code's printed name matches that edition.
    CodeName = "C502" {
        family: Classification, severity: Warning, tolerance: None,
        title_zh: "科目名称与当年分类科目一致",
        title_en: "Code names match the year's edition",
        formula: "打印名称 = 当年《政府收支分类科目》名称（规范化后）",
        explanation_zh: "科目名称应与预算年度适用的分类科目一致（比较前规范化全角与空格）。",
        explanation_en: "A printed name should be the name of the edition in force for the budget year (compared after normalising width and spaces).",
        action_zh: "核对科目名称或编码。",
        action_en: "Check the name or the code.",
    },
    /// Parent and child codes are consistent within a table.
    CodeTree = "C503" {
        family: Classification, severity: Error, tolerance: None,
        title_zh: "科目层级一致",
        title_en: "Parent and child codes are consistent",
        formula: "每个款、项的上级科目在表中列示；编码层级与缩进一致；编码不重复",
        explanation_zh: "表中列示的款、项应有其上级类、款，编码不重复。",
        explanation_en: "Every 款/项 row has its parent row in the table, and no code appears twice.",
        action_zh: "补列上级科目或更正编码。",
        action_en: "Add the parent row or correct the code.",
    },
    /// The code scheme fits the table.
    CodeScheme = "C504" {
        family: Classification, severity: Error, tolerance: None,
        title_zh: "科目编码属于该表应采用的分类",
        title_en: "Codes belong to the table's scheme",
        formula: "表3、表5、表7、表8：支出功能分类；表6：部门预算支出经济分类",
        explanation_zh: "功能分类表只能列支出功能分类科目，基本支出表只能列经济分类科目。",
        explanation_en: "Functional tables list functional codes; the basic expenditure table lists economic codes.",
        action_zh: "更正科目编码。",
        action_en: "Correct the code.",
    },
    // ---------------------------------------------------------------- S6xx
    /// All nine tables are present.
    TablePresent = "S601" {
        family: Structure, severity: Warning, tolerance: None,
        title_zh: "九张表齐全",
        title_en: "All nine tables are present",
        formula: "单位公开表1–9 均已公开",
        explanation_zh: "部门（单位）预算公开应包括九张表；空表也应公开并附说明。",
        explanation_en: "A budget disclosure publishes all nine tables; an empty one is published with its note.",
        action_zh: "补充缺失的表。",
        action_en: "Publish the missing table.",
    },
    /// An empty table carries its note.
    EmptyTableNote = "S602" {
        family: Structure, severity: Warning, tolerance: None,
        title_zh: "空表附有说明",
        title_en: "An empty table carries its note",
        formula: "表无金额 ⇒ 附“没有……”说明",
        explanation_zh: "政府性基金、国有资本经营、“三公”经费等表为空时，应注明单位没有该项收支。",
        explanation_en: "An empty table (government fund, state capital, three public expenses) carries a note that the unit has none.",
        action_zh: "为空表补充说明。",
        action_en: "Add the note.",
    },
    /// A table whose note says it is empty carries no amount.
    NotedEmptyTableIsEmpty = "S603" {
        family: Structure, severity: Error, tolerance: None,
        title_zh: "注明为空的表无金额",
        title_en: "A table noted as empty carries no amount",
        formula: "表注“没有……” ⇒ 表内金额均为空或零",
        explanation_zh: "表注说明没有该项收支时，表内不应有非零金额。",
        explanation_en: "If the table's note says the unit has none, the table carries no non-zero amount.",
        action_zh: "删除说明或更正表格。",
        action_en: "Remove the note or fix the table.",
    },
    /// Amounts are printed with at most two decimals.
    AmountPrecision = "S604" {
        family: Structure, severity: Error, tolerance: None,
        title_zh: "金额保留两位小数",
        title_en: "Amounts carry at most two decimals",
        formula: "小数位数 ≤ 2（打印单位）",
        explanation_zh: "公开表格金额以万元（或元）保留两位小数；更多小数位多为录入错误或单位混淆。",
        explanation_en: "Published amounts are printed with two decimals of the printed unit; more decimals mean a typo or a unit mix-up.",
        action_zh: "核对该金额的录入。",
        action_en: "Check how the amount was transcribed.",
    },
    /// Amounts are not negative.
    NegativeAmount = "S605" {
        family: Structure, severity: Warning, tolerance: None,
        title_zh: "金额不为负",
        title_en: "Amounts are not negative",
        formula: "金额 ≥ 0（增减额除外）",
        explanation_zh: "预算金额一般不为负；负数多为录入错误。",
        explanation_en: "Budget amounts are normally not negative (changes excepted); a negative one is usually a transcription error.",
        action_zh: "核对该金额。",
        action_en: "Check the amount.",
    },
    /// No placeholder text (XX局) is left in the document.
    Placeholder = "S606" {
        family: Structure, severity: Error, tolerance: None,
        title_zh: "无模板占位符",
        title_en: "No template placeholders",
        formula: "文本不含“XX”“××”等占位符",
        explanation_zh: "公开文本中残留的模板占位符（如“XX局”）说明未按实际填写。",
        explanation_en: "Placeholders left from the template (e.g. “XX局”) mean the text was not filled in.",
        action_zh: "填写实际内容。",
        action_en: "Fill in the actual text.",
    },
    /// The model is well-formed (row keys, columns, references).
    ModelStructure = "S607" {
        family: Structure, severity: Error, tolerance: None,
        title_zh: "表格模型结构有效",
        title_en: "The table model is well-formed",
        formula: "行、栏属于该表；金额不在未列示的栏；说明引用的单元格存在",
        explanation_zh: "转录的模型应与所公开的表格结构一致：每一行、每一栏都属于该表，说明引用的单元格存在。",
        explanation_en: "The transcribed model matches the printed tables: rows and columns belong to the table, numbers sit in printed columns, and the narrative's references exist.",
        action_zh: "更正转录。",
        action_en: "Correct the transcription.",
    },
    /// A table failing more than half of its own identities: its reading is doubtful.
    TableReadingDoubtful = "S608" {
        family: Structure, severity: Warning, tolerance: None,
        title_zh: "本表读取存疑",
        title_en: "This table's reading is doubtful",
        formula: "表内勾稽（该表的 T1xx 规则）不符的比较 > 比较次数的一半，且比较不少于 4 次",
        explanation_zh: "一张表的表内勾稽关系（即该表自己的 T1xx 规则：行内各栏、科目层级、合计行）多数不成立时，更可能是表格读取（分栏、对位）出了问题，而不是公开文件逐项出错。此时不再逐项报告错误，而是给出一条“本表读取存疑”的警告，列出不符的各项比较。比较少于 4 次时，一处印错即可使多数不符，不作此判断。",
        explanation_en: "When most of a table's own identities (its within-table T1xx rules: row columns, code tree, total row) fail, the reading of the table (columns, alignment) is more likely wrong than the document at every one of them. Instead of one error per failure, one warning says the reading is doubtful and lists the failed checks. With fewer than 4 comparisons a single misprint can fail most of them, so the judgement is not made.",
        action_zh: "对照原表核对本表的分栏与各行读取，再重新检查。",
        action_en: "Check the table's columns and rows against the printed table, then check again.",
    },
    /// Every heading and dated statement carries the document's year.
    HeadingYear = "S609" {
        family: Structure, severity: Error, tolerance: None,
        title_zh: "标题及时点表述的年度与文件年度一致",
        title_en: "Headings and dated statements carry the document's year",
        formula: "部分标题、节标题、表名、目录条目中的“YYYY年（度）” = 文件年度；决算：“截至YYYY年…” = 决算年度；预算：“截至YYYY年…” ∈ {预算年度 − 1, 预算年度}",
        explanation_zh: "标题中的年度应与封面年度一致：2024 年度决算中的“2023年度…情况说明”或“截至2023年12月31日”是沿用上年文本未改的错误。决算年度为所决算的年度（次年公布）；预算中与上年执行数比较的标题、同时写出本年度的比较标题可以出现上年年度；预算的资产时点可以是编制时的上年。只检查标题和时点表述，不检查正文中的比较句。",
        explanation_en: "The year printed in a heading must be the cover's: “2023年度…情况说明” or “截至2023年12月31日” in a 2024 final account is text copied from last year and not updated. A final account's year is the year it accounts for (it is published the year after); a budget heading comparing with last year's execution, or any heading naming both years, may name last year, and a budget's asset count may be dated in the year before. Only headings and dated statements are checked, not comparisons inside sentences.",
        action_zh: "将标题或时点改为文件年度。",
        action_en: "Change the heading or the date to the document's year.",
    },
    /// Every part heading naming a unit names the cover's unit.
    HeadingUnit = "S610" {
        family: Structure, severity: Error, tolerance: None,
        title_zh: "部分标题中的单位名称与封面一致",
        title_en: "Part headings name the cover's unit",
        formula: "部分标题（第X部分…、“单位+年度+部门决算表”等）与目录条目中的单位全称 = 封面单位名称；不得为“XX局”等占位符",
        explanation_zh: "部分标题所写的单位应为封面上的公开单位。写成占位符（“XX局”）、另一单位或漏掉一级行政区划的名称（如封面为“上海市普陀区规划和自然资源局”，表格部分标题写“上海市规划和自然资源局”，即另一家单位）均为错误。以“省”“市”开头的简称（如“省检察院”）视为简称，不报告。",
        explanation_en: "A part heading must name the unit on the cover. A placeholder (“XX局”), another unit, or a name missing one administrative level (the cover says 上海市普陀区规划和自然资源局, the tables' heading 上海市规划和自然资源局: the city's bureau, another unit) is an error. A short form beginning with 省/市 (省检察院) is taken as an abbreviation and not reported.",
        action_zh: "将标题中的单位名称改为封面单位全称。",
        action_en: "Write the cover's full unit name in the heading.",
    },
    /// The tables the 目录 lists are in the document.
    ContentsTablesPresent = "S611" {
        family: Structure, severity: Error, tolerance: None,
        title_zh: "目录所列表格均已公开",
        title_en: "The tables listed in the table of contents are present",
        formula: "目录中每张表 ∈ 正文中的表（按表的种类比对：收支总表、收入表、支出表、财政拨款收支表、一般公共预算支出表、基本支出表、“三公”经费表、政府性基金表、国有资本经营表……）",
        explanation_zh: "目录列出而正文中没有的表，是漏公开或被删除的表。按表的种类比对，不要求表名逐字相同（“政府性基金财政拨款支出预算表”与“政府性基金支出预算表”为同一张表）。目录所列的表正文中一张也没有时（说明与表格分两个文件公开），只给出一条警告。",
        explanation_en: "A table listed in the contents but absent from the body was left out or deleted. Tables are matched by kind, not by exact wording (政府性基金财政拨款支出预算表 and 政府性基金支出预算表 are one table). When none of the listed tables is in the document (narrative and tables published as two files), a single warning is given.",
        action_zh: "补充公开目录所列的表，或更正目录。",
        action_en: "Publish the listed table, or correct the contents.",
    },
    /// A final account prints the nine tables of the template.
    FinalAccountsTablesPresent = "S612" {
        family: Structure, severity: Warning, tolerance: None,
        title_zh: "决算九张表齐全",
        title_en: "A final account prints the nine tables",
        formula: "收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、一般公共预算财政拨款支出决算表、一般公共预算财政拨款基本支出决算表、财政拨款“三公”经费支出决算表、政府性基金预算财政拨款收入支出决算表、国有资本经营预算财政拨款收入支出决算表均已公开",
        explanation_zh: "部门（单位）决算公开九张表，没有数据的表也保留表格并附说明。缺少的表可能未公开，也可能未能读取，故为警告（与预算的 S601 相同）；目录列出而正文中没有的表由 S611 报告为错误，不重复报告；文件中一张决算表也没有时只给出一条警告。",
        explanation_en: "A final account publishes the nine tables of the template; an empty one is kept with its note. A table not found may be unpublished or unread, hence a warning (as S601 for a budget); one the contents list but the body lacks is an S611 error and is not reported again; when the document has no table at all, a single warning is given.",
        action_zh: "补充公开缺少的决算表。",
        action_en: "Publish the missing table.",
    },
    /// No template instruction is left in the document.
    TemplateText = "S613" {
        family: Structure, severity: Error, tolerance: None,
        title_zh: "无模板说明文字残留",
        title_en: "No template instructions left in the text",
        formula: "文本不含“仍保留该表格式”“作下述说明”“如持平作持平表述”“不涉及的不列”等填写说明；不含未作取舍的“增加（减少）”“下降（增长）”“大于（小于）”",
        explanation_zh: "公开样张中的填写说明是写给编制人员的，应在公开前删除；“增加（减少）X万元”“下降（增长）X%”之类未作取舍的备选词使表述方向不明。备选词后为 0 或没有数字时意思仍清楚，报告为警告；空白样张本身不检查。",
        explanation_en: "The template's instructions are for the preparer and are deleted before publishing; an unresolved alternative such as “增加（减少）X万元” or “下降（增长）X%” leaves the direction unstated. With 0 or no figure after the alternative the meaning survives, and it is a warning; the blank template itself is not checked.",
        action_zh: "删除填写说明，在备选词中保留与数据相符的一个。",
        action_en: "Delete the instruction; keep the one alternative the figures support.",
    },
    /// No doubled punctuation.
    DoubledPunctuation = "S614" {
        family: Structure, severity: Warning, tolerance: None,
        title_zh: "无重复标点",
        title_en: "No doubled punctuation",
        formula: "文本不含“。。”“，，”“、、”“；；”",
        explanation_zh: "重复的标点多为删除文字后留下的痕迹，提示该处可能缺少内容。",
        explanation_en: "Doubled punctuation is usually what is left after text was deleted: something may be missing there.",
        action_zh: "核对该处文字，删除多余标点或补全内容。",
        action_en: "Check the passage; delete the extra mark or restore the missing text.",
    },
    /// A stated reason is not empty.
    EmptyReason = "S615" {
        family: Structure, severity: Warning, tolerance: None,
        title_zh: "原因说明不为空",
        title_en: "A stated reason is not empty",
        formula: "“主要原因是”“主要原因：”之后有内容",
        explanation_zh: "“主要原因是。”说明原因未填写。",
        explanation_en: "“主要原因是。” (“the main reason is.”) means the reason was never written.",
        action_zh: "填写原因，或删除该句。",
        action_en: "Write the reason, or delete the clause.",
    },
    /// An item's "主要用于" copied from the item above.
    CopiedItemText = "S616" {
        family: Structure, severity: Error, tolerance: None,
        title_zh: "各科目的“主要用于”说明不照抄上一科目",
        title_en: "An item's “主要用于” is not copied from the item above",
        formula: "第 n 项的“主要用于”≠ 第 n−1 项的，或与第 n 项的科目名称相符",
        explanation_zh: "逐项说明支出时，每一项（项级科目）都说明其主要用途。某一项的“主要用于”与上一项一字不差，且与本项科目名称毫无共同字词、却与上一项的科目名称相符时（如“住房公积金（项）。主要用于：事业单位医疗保险支出”紧接“事业单位医疗（项）。主要用于：事业单位医疗保险支出”），是照抄上一项未改，本项用途未说明。",
        explanation_en: "Where the narrative explains spending item by item, each 项 states its main use. When an item's “主要用于” repeats the item above word for word, shares no word with its own name and matches the name of the item above (住房公积金（项）。主要用于：事业单位医疗保险支出, right after 事业单位医疗（项）。主要用于：事业单位医疗保险支出), it was copied and never rewritten: the item's use is not stated.",
        action_zh: "按本项科目改写“主要用于”。",
        action_en: "Rewrite the item's “主要用于” for the item itself.",
    },

    // ---------------------------------------------------------------- D7xx
    /// 收支总表: every line of the department at least the unit's.
    SummaryWithinDepartment = "D701" {
        family: UnitInDepartment, severity: Error, tolerance: RoundingInequality,
        title_zh: "收支总表：部门预算各行不小于单位预算",
        title_en: "Summary table: every line of the department budget is at least the unit's",
        formula: "部门预算.收支总表[行, 栏] ≥ 单位预算.收支总表[行, 栏]",
        explanation_zh: "部门预算是本部门所属各预算单位（含部门本级）预算的汇总，收支总表的每一收入、支出行不会小于其中一个单位的同一行；部门仅含本单位时两者相等。",
        explanation_en: "A department budget sums the budgets of its units (the department's own office included), so no income or expenditure line of its summary table (table 1) can be smaller than the same line of one of its units; with a single unit the two are equal.",
        action_zh: "核对两份文件的该行：单位预算或部门预算有一处有误，或所比较的并非该部门所属单位。",
        action_en: "Check the line in both documents: one of them is wrong, or the unit does not belong to this department.",
    },
    /// 收入总表: per row and column, the department at least the unit.
    IncomeWithinDepartment = "D702" {
        family: UnitInDepartment, severity: Error, tolerance: RoundingInequality,
        title_zh: "收入总表：部门预算不小于单位预算",
        title_en: "Income table: the department budget is at least the unit's",
        formula: "部门预算.收入总表[科目, 栏] ≥ 单位预算.收入总表[科目, 栏]；单位列示的科目部门也列示",
        explanation_zh: "单位的每项收入都包含在部门预算中：部门收入总表的合计行及单位列示的每个科目、每一栏都不小于单位。",
        explanation_en: "Every income of the unit is part of the department's: the department's income table (table 2) prints each code the unit prints, with no column smaller than the unit's, and likewise its total row.",
        action_zh: "核对两份文件的该科目。",
        action_en: "Check the code in both documents.",
    },
    /// 支出总表 and 一般公共预算支出表: per function code and column.
    FunctionCodesWithinDepartment = "D703" {
        family: UnitInDepartment, severity: Error, tolerance: RoundingInequality,
        title_zh: "支出按功能分类：部门预算不小于单位预算",
        title_en: "Expenditure by function: the department budget is at least the unit's",
        formula: "部门预算.支出总表/一般公共预算支出表[科目, 栏] ≥ 单位预算.同表[科目, 栏]；单位列示的科目部门也列示",
        explanation_zh: "单位按支出功能分类列示的每个科目（支出总表、一般公共预算支出表）都应出现在部门预算的同一表中，且各栏（合计、基本支出、项目支出等本年金额）不小于单位。",
        explanation_en: "Each functional code the unit prints in its expenditure table (table 3) and general-budget expenditure table (table 5) appears in the department's same table, with no current-year column (total, basic, project …) smaller than the unit's.",
        action_zh: "核对两份文件的该科目：科目编码、金额或单位归属有误。",
        action_en: "Check the code in both documents: a code, an amount or the unit's department is wrong.",
    },
    /// 一般公共预算基本支出表: per economic code and column.
    EconomicCodesWithinDepartment = "D704" {
        family: UnitInDepartment, severity: Error, tolerance: RoundingInequality,
        title_zh: "基本支出按经济分类：部门预算不小于单位预算",
        title_en: "Basic expenditure by economic class: the department budget is at least the unit's",
        formula: "部门预算.一般公共预算基本支出表[科目, 栏] ≥ 单位预算.同表[科目, 栏]；单位列示的科目部门也列示",
        explanation_zh: "单位一般公共预算基本支出的每个经济分类科目都应出现在部门预算的同一表中，且各栏不小于单位。",
        explanation_en: "Each economic code of the unit's general-budget basic expenditure table (table 6) appears in the department's, with no column smaller than the unit's.",
        action_zh: "核对两份文件的该科目。",
        action_en: "Check the code in both documents.",
    },
    /// “三公”经费: per period and column.
    ThreePublicWithinDepartment = "D705" {
        family: UnitInDepartment, severity: Error, tolerance: RoundingInequality,
        title_zh: "“三公”经费：部门预算不小于单位预算",
        title_en: "“Three public” expenses: the department budget is at least the unit's",
        formula: "部门预算.“三公”经费表[期间, 栏] ≥ 单位预算.同表[期间, 栏]",
        explanation_zh: "部门的因公出国（境）费、公务用车购置及运行费、公务接待费包含所属单位的，每一期间、每一栏都不小于单位。",
        explanation_en: "The department's travel abroad, vehicle and reception expenses include its units', so no period and column of its “three public” table is smaller than the unit's.",
        action_zh: "核对两份文件的“三公”经费。",
        action_en: "Check the “three public” expenses in both documents.",
    },
}

impl Rule {
    /// The stable ID, e.g. `"T101"`.
    pub const fn id(self) -> &'static str {
        self.info().id
    }

    /// The family.
    pub const fn family(self) -> Family {
        self.info().family
    }

    /// The severity of a failure beyond tolerance.
    pub const fn severity(self) -> Severity {
        self.info().severity
    }

    /// Chinese title.
    pub const fn title_zh(self) -> &'static str {
        self.info().title_zh
    }

    /// English title.
    pub const fn title_en(self) -> &'static str {
        self.info().title_en
    }

    /// The rule with this ID (case-insensitive, surrounding spaces ignored).
    pub fn from_id(id: &str) -> Option<Rule> {
        let id = id.trim();
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.id().eq_ignore_ascii_case(id))
    }

    /// The table whose own identities (表内勾稽) a within-table rule checks:
    /// `T10x` 收支总表, `T11x` 收入总表, `T12x` 支出总表, `T13x` 财政拨款收支
    /// 总表, `T14x` 一般公共预算支出表, `T15x` 基本支出表, `T16x` 政府性基金
    /// 预算支出表, `T17x` 国有资本经营预算支出表, `T19x` “三公”经费表; `None`
    /// for a rule of another family. A table's *own identities* are the
    /// comparisons made by the rules with that table here
    /// ([`Rule::TableReadingDoubtful`]).
    ///
    /// ```
    /// use yusuan_reconcile::Rule;
    /// use yusuan_tables::TableKind;
    /// assert_eq!(Rule::BasicRow.own_table(), Some(TableKind::GeneralBudgetBasicExpenditure));
    /// assert_eq!(Rule::GeneralBudgetBasicMatchesBasicTable.own_table(), None);
    /// ```
    pub fn own_table(self) -> Option<yusuan_tables::TableKind> {
        use yusuan_tables::TableKind as K;
        if self.family() != Family::WithinTable {
            return None;
        }
        match self {
            Rule::FinalIncomeSubtotal
            | Rule::FinalIncomeGrandTotal
            | Rule::FinalExpenditureSubtotal
            | Rule::FinalExpenditureGrandTotal
            | Rule::FinalBalance => return Some(K::FinalIncomeExpenditureSummary),
            Rule::FinalFiscalIncome | Rule::FinalFiscalExpenditure | Rule::FinalFiscalColumns => {
                return Some(K::FinalFiscalAppropriationSummary)
            }
            Rule::FinalBasicTotals => return Some(K::FinalBasicExpenditure),
            Rule::FinalGovernmentFundRows => return Some(K::FinalGovernmentFund),
            Rule::FinalStateCapitalRows => return Some(K::FinalStateCapital),
            _ => {}
        }
        Some(match self.id().as_bytes().get(2)? {
            b'0' => K::IncomeExpenditureSummary,
            b'1' => K::IncomeSummary,
            b'2' => K::ExpenditureSummary,
            b'3' => K::FiscalAppropriationSummary,
            b'4' => K::GeneralBudgetExpenditure,
            b'5' => K::GeneralBudgetBasicExpenditure,
            b'6' => K::GovernmentFundExpenditure,
            b'7' => K::StateCapitalExpenditure,
            b'9' => K::ThreePublicExpenditure,
            _ => return None,
        })
    }

    /// Position in [`Rule::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// A multi-line explanation for `yusuan explain RULE`: ID, titles,
    /// family, severity, formula, tolerance, explanation and action in both
    /// languages.
    pub fn explain(self) -> String {
        let i = self.info();
        format!(
            "{id}  {tzh}\n      {ten}\n\n\
             类别 Family:     {fzh} / {fen}\n\
             级别 Severity:   {szh} / {sen}\n\
             公式 Formula:    {formula}\n\
             容差 Tolerance:  {tolzh}\n                 {tolen}\n\n\
             说明：{exzh}\n\
             Explanation: {exen}\n\n\
             处理：{actzh}\n\
             Action: {acten}\n",
            id = i.id,
            tzh = i.title_zh,
            ten = i.title_en,
            fzh = i.family.label_zh(),
            fen = i.family.label_en(),
            szh = i.severity.label_zh(),
            sen = i.severity.label_en(),
            formula = i.formula,
            tolzh = i.tolerance.description_zh(),
            tolen = i.tolerance.description_en(),
            exzh = i.explanation_zh,
            exen = i.explanation_en,
            actzh = i.action_zh,
            acten = i.action_en,
        )
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        Rule::from_id(&id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule ID {id:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_well_formed_and_sorted() {
        let mut seen = HashSet::new();
        let mut previous = (Family::WithinTable, "");
        for (i, rule) in Rule::ALL.iter().enumerate() {
            let id = rule.id();
            assert!(seen.insert(id), "duplicate ID {id}");
            assert_eq!(rule.index(), i, "{id} out of place in ALL");
            assert_eq!(id.len(), 4, "{id}");
            let mut chars = id.chars();
            assert_eq!(chars.next(), Some(rule.family().prefix()), "{id} family");
            assert!(chars.all(|c| c.is_ascii_digit()), "{id}");
            let key = (rule.family(), id);
            assert!(key > previous, "{id} after {}: keep ALL sorted", previous.1);
            previous = key;
            let digit = match rule.family() {
                Family::WithinTable => '1',
                Family::CrossTable => '2',
                Family::Narrative => '3',
                Family::Performance => '4',
                Family::Classification => '5',
                Family::Structure => '6',
                Family::UnitInDepartment => '7',
            };
            assert_eq!(id.chars().nth(1), Some(digit), "{id}: family digit");
            assert_eq!(Rule::from_id(id), Some(*rule));
            assert_eq!(Rule::from_id(&id.to_lowercase()), Some(*rule));
        }
    }

    #[test]
    fn the_rules_comparing_two_documents_come_last() {
        let first = Rule::ALL
            .iter()
            .position(|r| r.family() == Family::UnitInDepartment)
            .unwrap();
        assert!(Rule::ALL[first..]
            .iter()
            .all(|r| r.family() == Family::UnitInDepartment));
        assert_eq!(Rule::ALL.len() - first, 5);
    }

    #[test]
    fn every_rule_is_documented() {
        for rule in Rule::ALL {
            let i = rule.info();
            for (what, text) in [
                ("title_zh", i.title_zh),
                ("title_en", i.title_en),
                ("formula", i.formula),
                ("explanation_zh", i.explanation_zh),
                ("explanation_en", i.explanation_en),
                ("action_zh", i.action_zh),
                ("action_en", i.action_en),
            ] {
                assert!(!text.trim().is_empty(), "{} lacks {what}", i.id);
            }
            // Chinese fields carry Chinese; English fields are ASCII-led.
            assert!(
                i.title_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                i.id
            );
            assert!(
                i.title_en.starts_with(|c: char| c.is_ascii() || c == '“'),
                "{}",
                i.id
            );
            let text = rule.explain();
            assert!(text.contains(i.id) && text.contains(i.formula));
        }
    }

    #[test]
    fn every_within_table_rule_has_its_table() {
        for rule in Rule::ALL {
            assert_eq!(
                rule.own_table().is_some(),
                rule.family() == Family::WithinTable,
                "{}",
                rule.id()
            );
        }
    }

    #[test]
    fn serde_uses_the_id() {
        let json = serde_json::to_string(&Rule::IncomeSubtotal).unwrap();
        assert_eq!(json, "\"T101\"");
        assert_eq!(
            serde_json::from_str::<Rule>("\"t101\"").unwrap(),
            Rule::IncomeSubtotal
        );
        assert!(serde_json::from_str::<Rule>("\"T999\"").is_err());
    }
}
