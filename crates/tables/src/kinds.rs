//! The vocabulary of the model: table kinds, columns, lines, row keys,
//! periods, units and document kinds.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use yusuan_classification::{Code, Scheme};

use crate::TablesError;

/// Defines a fieldless enum of official terms with a stable snake_case
/// name (`as_str`, serde, `FromStr`) and a Chinese label (`label_zh`).
macro_rules! terms {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = ($key:literal, $zh:literal), )*
            $( ; $extra_doc:literal
            $( $(#[$emeta:meta])* $evariant:ident = ($ekey:literal, $ezh:literal), )* )?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            $( $( $(#[$emeta])* $evariant, )* )?
        }

        impl $name {
            /// Every value, in declaration order (the values after a `;` in
            /// the definition excepted: see `EXTRA`).
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            $(
            #[doc = $extra_doc]
            pub const EXTRA: &'static [$name] = &[$($name::$evariant),*];
            )?

            /// The stable machine name used in JSON (snake_case).
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key,)* $( $($name::$evariant => $ekey,)* )? }
            }

            /// The official Chinese wording.
            pub const fn label_zh(self) -> &'static str {
                match self { $($name::$variant => $zh,)* $( $($name::$evariant => $ezh,)* )? }
            }
        }

        impl ::std::fmt::Display for $name {
            /// The Chinese label.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.label_zh())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::TablesError;
            /// Parses the snake_case name (as in JSON).
            fn from_str(s: &str) -> Result<Self, $crate::TablesError> {
                match s {
                    $($key => Ok($name::$variant),)*
                    $( $($ekey => Ok($name::$evariant),)* )?
                    _ => Err($crate::TablesError::UnknownName {
                        what: stringify!($name),
                        text: s.to_owned(),
                    }),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow::<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                text.parse().map_err(|_| {
                    <D::Error as ::serde::de::Error>::unknown_variant(&text, &[$($key,)* $( $($ekey,)* )?])
                })
            }
        }
    };
}
pub(crate) use terms;

terms! {
    /// The nine standard tables of a budget disclosure (预算公开表), by kind.
    ///
    /// Publishers number and order them differently (单位公开表1 … 9, 部门公开表
    /// 1 … 9, Shanghai prints the 基本支出表 eighth); the printed number and
    /// title are kept as metadata of each table, the kind is what the model
    /// keys on.
    ///
    /// ```
    /// use yusuan_tables::TableKind;
    /// assert_eq!(TableKind::ExpenditureSummary.label_zh(), "支出总表");
    /// assert_eq!(TableKind::ExpenditureSummary.as_str(), "expenditure_summary");
    /// assert_eq!(TableKind::ALL.len(), 9);
    /// ```
    pub enum TableKind {
        /// 收支总表 (table 1 of the central template).
        IncomeExpenditureSummary = ("income_expenditure_summary", "收支总表"),
        /// 收入总表 (table 2).
        IncomeSummary = ("income_summary", "收入总表"),
        /// 支出总表 (table 3).
        ExpenditureSummary = ("expenditure_summary", "支出总表"),
        /// 财政拨款收支总表 (table 4).
        FiscalAppropriationSummary = ("fiscal_appropriation_summary", "财政拨款收支总表"),
        /// 一般公共预算支出表 (table 5).
        GeneralBudgetExpenditure = ("general_budget_expenditure", "一般公共预算支出表"),
        /// 一般公共预算基本支出表 (table 6).
        GeneralBudgetBasicExpenditure = ("general_budget_basic_expenditure", "一般公共预算基本支出表"),
        /// 政府性基金预算支出表 (table 7).
        GovernmentFundExpenditure = ("government_fund_expenditure", "政府性基金预算支出表"),
        /// 国有资本经营预算支出表 (table 8).
        StateCapitalExpenditure = ("state_capital_expenditure", "国有资本经营预算支出表"),
        /// 财政拨款"三公"经费支出表 (table 9).
        ThreePublicExpenditure = ("three_public_expenditure", "财政拨款“三公”经费支出表"),
        ; "The 决算 (final accounts) tables whose shape no budget table has, held in [`crate::FinalAccounts`] (the others fill the budget kinds: 收入决算表 the 收入总表, 支出决算表 the 支出总表, 一般公共预算财政拨款支出决算表 the 一般公共预算支出表, the \"三公\" 决算表 the \"三公\" table with 预算数/决算数 periods)."
        /// 收入支出决算总表 (决算 table 1).
        FinalIncomeExpenditureSummary = ("final_income_expenditure_summary", "收入支出决算总表"),
        /// 财政拨款收入支出决算总表 (决算 table 4).
        FinalFiscalAppropriationSummary = ("final_fiscal_appropriation_summary", "财政拨款收入支出决算总表"),
        /// 一般公共预算财政拨款基本支出决算表 (决算 table 6).
        FinalBasicExpenditure = ("final_basic_expenditure", "一般公共预算财政拨款基本支出决算表"),
        /// 政府性基金预算财政拨款收入支出决算表 (决算 table 8).
        FinalGovernmentFund = ("final_government_fund", "政府性基金预算财政拨款收入支出决算表"),
        /// 国有资本经营预算财政拨款收入支出决算表 (决算 table 9).
        FinalStateCapital = ("final_state_capital", "国有资本经营预算财政拨款收入支出决算表"),
    }
}

impl TableKind {
    /// The number this kind has in the central template (单位/部门公开表 N).
    pub const fn template_number(self) -> u8 {
        match self {
            TableKind::IncomeExpenditureSummary => 1,
            TableKind::IncomeSummary => 2,
            TableKind::ExpenditureSummary => 3,
            TableKind::FiscalAppropriationSummary => 4,
            TableKind::GeneralBudgetExpenditure => 5,
            TableKind::GeneralBudgetBasicExpenditure => 6,
            TableKind::GovernmentFundExpenditure => 7,
            TableKind::StateCapitalExpenditure => 8,
            TableKind::ThreePublicExpenditure => 9,
            TableKind::FinalIncomeExpenditureSummary => 1,
            TableKind::FinalFiscalAppropriationSummary => 4,
            TableKind::FinalBasicExpenditure => 6,
            TableKind::FinalGovernmentFund => 8,
            TableKind::FinalStateCapital => 9,
        }
    }

    /// Whether the kind is one of the 决算 tables of [`TableKind::EXTRA`].
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            TableKind::FinalIncomeExpenditureSummary
                | TableKind::FinalFiscalAppropriationSummary
                | TableKind::FinalBasicExpenditure
                | TableKind::FinalGovernmentFund
                | TableKind::FinalStateCapital
        )
    }

    /// The code schemes this kind's code rows may use: 支出功能分类 for all
    /// tables keyed by function, 部门预算支出经济分类 (or 政府预算支出经济分类)
    /// for the 基本支出表; none for the "三公" table.
    pub const fn row_schemes(self) -> &'static [Scheme] {
        match self {
            TableKind::GeneralBudgetBasicExpenditure | TableKind::FinalBasicExpenditure => {
                &[Scheme::DepartmentEconomic, Scheme::GovernmentEconomic]
            }
            TableKind::ThreePublicExpenditure => &[],
            _ => &[Scheme::Function],
        }
    }
}

terms! {
    /// A column of a table. One vocabulary for all tables; each table kind
    /// holds a subset ([`crate::Amounts::COLUMNS`]) and records which of them
    /// its publisher printed, in printed order.
    ///
    /// [`Column::label_zh`] is the generic term; [`Column::header_zh`] the
    /// header a given table prints (the 收支总表's single column is 预算数,
    /// the 一般公共预算支出表's budget total is 小计).
    pub enum Column {
        /// 合计 (预算数 in the 收支总表 and 财政拨款收支总表, 小计 in the
        /// 一般公共预算支出表's budget-year group).
        Total = ("total", "合计"),
        /// 上年结转.
        PriorYearCarryover = ("prior_year_carryover", "上年结转"),
        /// 财政拨款收入 (Shanghai template: the three appropriations together).
        FiscalAppropriation = ("fiscal_appropriation", "财政拨款收入"),
        /// 一般公共预算拨款收入 (a column of the 收入总表; 一般公共预算 in the
        /// 财政拨款收支总表's expenditure side).
        GeneralBudget = ("general_budget", "一般公共预算拨款收入"),
        /// 政府性基金预算拨款收入.
        GovernmentFund = ("government_fund", "政府性基金预算拨款收入"),
        /// 国有资本经营预算拨款收入.
        StateCapital = ("state_capital", "国有资本经营预算拨款收入"),
        /// 事业收入 (金额).
        BusinessIncome = ("business_income", "事业收入"),
        /// 事业收入 其中：教育收费.
        EducationFees = ("education_fees", "其中：教育收费"),
        /// 事业单位经营收入.
        InstitutionOperatingIncome = ("institution_operating_income", "事业单位经营收入"),
        /// 上级补助收入.
        SuperiorSubsidy = ("superior_subsidy", "上级补助收入"),
        /// 附属单位上缴收入.
        SubordinateRemittance = ("subordinate_remittance", "附属单位上缴收入"),
        /// 其他收入.
        OtherIncome = ("other_income", "其他收入"),
        /// 使用非财政拨款结余.
        NonFiscalBalanceUsed = ("non_fiscal_balance_used", "使用非财政拨款结余"),
        /// 基本支出.
        Basic = ("basic", "基本支出"),
        /// 人员经费.
        Personnel = ("personnel", "人员经费"),
        /// 公用经费 (may include 310 资本性支出 items).
        Public = ("public", "公用经费"),
        /// 项目支出.
        Project = ("project", "项目支出"),
        /// 上缴上级支出.
        RemitToSuperior = ("remit_to_superior", "上缴上级支出"),
        /// 事业单位经营支出.
        InstitutionOperatingExpenditure = ("institution_operating_expenditure", "事业单位经营支出"),
        /// 对附属单位补助支出.
        SubsidyToSubordinate = ("subsidy_to_subordinate", "对附属单位补助支出"),
        /// 上年执行数 (e.g. 2024年执行数 in a 2025 budget).
        PriorYear = ("prior_year", "上年执行数"),
        /// 扣除中央基建投资后执行数 (上年).
        PriorYearExclCapital = ("prior_year_excl_capital", "扣除中央基建投资后执行数"),
        /// 扣除中央基建投资后预算数.
        TotalExclCapital = ("total_excl_capital", "扣除中央基建投资后预算数"),
        /// 增减额 (预算数 − 上年执行数).
        Change = ("change", "增减额"),
        /// 增减(%) (a percentage).
        ChangePercent = ("change_percent", "增减(%)"),
        /// 增减额, 扣除中央基建投资.
        ChangeExclCapital = ("change_excl_capital", "增减额（扣除中央基建投资）"),
        /// 增减(%), 扣除中央基建投资 (a percentage).
        ChangePercentExclCapital = ("change_percent_excl_capital", "增减(%)（扣除中央基建投资）"),
        /// 因公出国（境）费.
        OutboundTravel = ("outbound_travel", "因公出国（境）费"),
        /// 公务用车购置及运行费 小计.
        Vehicles = ("vehicles", "公务用车购置及运行费"),
        /// 公务用车购置费.
        VehiclePurchase = ("vehicle_purchase", "公务用车购置费"),
        /// 公务用车运行费.
        VehicleOperation = ("vehicle_operation", "公务用车运行费"),
        /// 公务接待费.
        Reception = ("reception", "公务接待费"),
        /// 机关运行经费 (Shanghai prints it beside the "三公" columns).
        AgencyOperation = ("agency_operation", "机关运行经费"),
        /// 年初结转和结余 (决算: the 政府性基金/国有资本经营 收入支出决算表).
        OpeningBalance = ("opening_balance", "年初结转和结余"),
        /// 本年收入 (决算: the 政府性基金/国有资本经营 收入支出决算表).
        CurrentYearIncome = ("current_year_income", "本年收入"),
        /// 年末结转和结余 (决算: the 政府性基金/国有资本经营 收入支出决算表).
        ClosingBalance = ("closing_balance", "年末结转和结余"),
    }
}

impl Column {
    /// Whether the column holds percentages ([`yusuan_money::Percent`])
    /// rather than amounts ([`yusuan_money::Wan`]).
    pub const fn is_percent(self) -> bool {
        matches!(
            self,
            Column::ChangePercent | Column::ChangePercentExclCapital
        )
    }

    /// The header the table of `kind` prints for this column (short form).
    ///
    /// ```
    /// use yusuan_tables::{Column, TableKind};
    /// assert_eq!(Column::Total.header_zh(TableKind::IncomeExpenditureSummary), "预算数");
    /// assert_eq!(Column::Total.header_zh(TableKind::GeneralBudgetExpenditure), "预算数小计");
    /// assert_eq!(Column::Project.header_zh(TableKind::ExpenditureSummary), "项目支出");
    /// ```
    pub const fn header_zh(self, kind: TableKind) -> &'static str {
        match (kind, self) {
            (TableKind::IncomeExpenditureSummary, Column::Total) => "预算数",
            (TableKind::FiscalAppropriationSummary, Column::Total) => "预算数",
            (TableKind::FiscalAppropriationSummary, Column::GeneralBudget) => "一般公共预算",
            (TableKind::FiscalAppropriationSummary, Column::GovernmentFund) => "政府性基金预算",
            (TableKind::FiscalAppropriationSummary, Column::StateCapital) => "国有资本经营预算",
            (TableKind::GeneralBudgetExpenditure, Column::Total) => "预算数小计",
            (TableKind::ThreePublicExpenditure, Column::Vehicles) => "公务用车购置及运行费小计",
            (TableKind::ThreePublicExpenditure, Column::VehiclePurchase) => "购置费",
            (TableKind::ThreePublicExpenditure, Column::VehicleOperation) => "运行费",
            (TableKind::FinalIncomeExpenditureSummary, Column::Total) => "决算数",
            (TableKind::FinalFiscalAppropriationSummary, Column::Total) => "决算数",
            (TableKind::FinalFiscalAppropriationSummary, Column::GeneralBudget) => {
                "一般公共预算财政拨款"
            }
            (TableKind::FinalFiscalAppropriationSummary, Column::GovernmentFund) => {
                "政府性基金预算财政拨款"
            }
            (TableKind::FinalFiscalAppropriationSummary, Column::StateCapital) => {
                "国有资本经营预算财政拨款"
            }
            (TableKind::FinalBasicExpenditure, Column::Total) => "决算数",
            (TableKind::FinalGovernmentFund | TableKind::FinalStateCapital, Column::Total) => {
                "本年支出合计"
            }
            _ => self.label_zh(),
        }
    }
}

terms! {
    /// A named line of the 收支总表 or the 财政拨款收支总表 (rows that are not
    /// classification codes). The function-class rows of their expenditure
    /// side are keyed by [`Code`] instead.
    pub enum Line {
        /// 财政拨款收入 (Shanghai: an umbrella over the three appropriations).
        FiscalAppropriationIncome = ("fiscal_appropriation_income", "财政拨款收入"),
        /// 一般公共预算拨款收入 (in the 财政拨款收支总表: 本年收入 (一)一般公共预算拨款).
        GeneralBudgetAppropriation = ("general_budget_appropriation", "一般公共预算拨款收入"),
        /// 政府性基金预算拨款收入.
        GovernmentFundAppropriation = ("government_fund_appropriation", "政府性基金预算拨款收入"),
        /// 国有资本经营预算拨款收入.
        StateCapitalAppropriation = ("state_capital_appropriation", "国有资本经营预算拨款收入"),
        /// 事业收入.
        BusinessIncome = ("business_income", "事业收入"),
        /// 事业单位经营收入.
        InstitutionOperatingIncome = ("institution_operating_income", "事业单位经营收入"),
        /// 上级补助收入.
        SuperiorSubsidy = ("superior_subsidy", "上级补助收入"),
        /// 附属单位上缴收入.
        SubordinateRemittance = ("subordinate_remittance", "附属单位上缴收入"),
        /// 其他收入.
        OtherIncome = ("other_income", "其他收入"),
        /// 本年收入合计 (财政拨款收支总表: 一、本年收入).
        CurrentYearIncome = ("current_year_income", "本年收入合计"),
        /// 使用非财政拨款结余.
        NonFiscalBalanceUsed = ("non_fiscal_balance_used", "使用非财政拨款结余"),
        /// 上年结转.
        PriorYearCarryover = ("prior_year_carryover", "上年结转"),
        /// 上年结转 (一)一般公共预算拨款 (财政拨款收支总表).
        CarryoverGeneralBudget = ("carryover_general_budget", "上年结转：一般公共预算拨款"),
        /// 上年结转 (二)政府性基金预算拨款 (财政拨款收支总表).
        CarryoverGovernmentFund = ("carryover_government_fund", "上年结转：政府性基金预算拨款"),
        /// 上年结转 (三)国有资本经营预算拨款 (财政拨款收支总表).
        CarryoverStateCapital = ("carryover_state_capital", "上年结转：国有资本经营预算拨款"),
        /// 收入总计.
        IncomeTotal = ("income_total", "收入总计"),
        /// 本年支出合计 (财政拨款收支总表: 一、本年支出).
        CurrentYearExpenditure = ("current_year_expenditure", "本年支出合计"),
        /// 结转下年.
        CarryForward = ("carry_forward", "结转下年"),
        /// 支出总计.
        ExpenditureTotal = ("expenditure_total", "支出总计"),
        /// 年初结转和结余 (决算; 财政拨款收入支出决算总表: 年初财政拨款结转和结余).
        OpeningBalance = ("opening_balance", "年初结转和结余"),
        /// 年初财政拨款结转和结余：一般公共预算财政拨款 (决算).
        OpeningGeneralBudget = ("opening_general_budget", "年初结转和结余：一般公共预算财政拨款"),
        /// 年初财政拨款结转和结余：政府性基金预算财政拨款 (决算).
        OpeningGovernmentFund = ("opening_government_fund", "年初结转和结余：政府性基金预算财政拨款"),
        /// 年初财政拨款结转和结余：国有资本经营预算财政拨款 (决算).
        OpeningStateCapital = ("opening_state_capital", "年初结转和结余：国有资本经营预算财政拨款"),
        /// 结余分配 (决算, 支出 side).
        BalanceDistribution = ("balance_distribution", "结余分配"),
        /// 年末结转和结余 (决算, 支出 side; 财政拨款: 年末财政拨款结转和结余).
        ClosingBalance = ("closing_balance", "年末结转和结余"),
        /// 财政专户管理资金 (江苏's 收支预算总表: income by source).
        SpecialAccountFunds = ("special_account_funds", "财政专户管理资金"),
        /// 其他资金 (江苏's 收支预算总表: income other than 财政拨款 and
        /// 财政专户管理资金, over 事业收入, 经营收入, 其他收入 …).
        OtherFunds = ("other_funds", "其他资金"),
        /// 基本支出 (江苏's 收支预算总表 and 财政拨款收支预算总表: expenditure by
        /// use, 支出用途, beside or instead of the 功能分类 classes).
        BasicExpenditure = ("basic_expenditure", "基本支出"),
        /// 项目支出 (expenditure by use, as [`Line::BasicExpenditure`]).
        ProjectExpenditure = ("project_expenditure", "项目支出"),
        /// 单位预留机动经费 (expenditure by use, as [`Line::BasicExpenditure`]).
        UnitReserveFund = ("unit_reserve_fund", "单位预留机动经费"),
        /// 人员经费合计 (一般公共预算财政拨款基本支出决算表).
        PersonnelTotal = ("personnel_total", "人员经费合计"),
        /// 公用经费合计 (一般公共预算财政拨款基本支出决算表).
        PublicTotal = ("public_total", "公用经费合计"),
    }
}

impl Line {
    /// The lines of expenditure by use (支出用途) that 江苏's 收支预算总表 and
    /// 财政拨款收支预算总表 print: together they make the year's expenditure,
    /// as the 功能分类 classes do.
    pub const EXPENDITURE_BY_USE: &'static [Line] = &[
        Line::BasicExpenditure,
        Line::ProjectExpenditure,
        Line::UnitReserveFund,
    ];

    /// Whether the line belongs to the income (收入) side.
    pub const fn is_income(self) -> bool {
        !matches!(
            self,
            Line::CurrentYearExpenditure
                | Line::BasicExpenditure
                | Line::ProjectExpenditure
                | Line::UnitReserveFund
                | Line::CarryForward
                | Line::ExpenditureTotal
                | Line::BalanceDistribution
                | Line::ClosingBalance
                | Line::PersonnelTotal
                | Line::PublicTotal
        )
    }

    /// Whether the line may appear in a table of `kind` (only the 收支总表
    /// and the 财政拨款收支总表 have lines).
    pub const fn allowed_in(self, kind: TableKind) -> bool {
        match kind {
            TableKind::IncomeExpenditureSummary => !matches!(
                self,
                Line::CarryoverGeneralBudget
                    | Line::CarryoverGovernmentFund
                    | Line::CarryoverStateCapital
                    | Line::OpeningBalance
                    | Line::OpeningGeneralBudget
                    | Line::OpeningGovernmentFund
                    | Line::OpeningStateCapital
                    | Line::BalanceDistribution
                    | Line::ClosingBalance
                    | Line::PersonnelTotal
                    | Line::PublicTotal
            ),
            TableKind::FinalIncomeExpenditureSummary => matches!(
                self,
                Line::GeneralBudgetAppropriation
                    | Line::GovernmentFundAppropriation
                    | Line::StateCapitalAppropriation
                    | Line::SuperiorSubsidy
                    | Line::BusinessIncome
                    | Line::InstitutionOperatingIncome
                    | Line::SubordinateRemittance
                    | Line::OtherIncome
                    | Line::CurrentYearIncome
                    | Line::NonFiscalBalanceUsed
                    | Line::OpeningBalance
                    | Line::IncomeTotal
                    | Line::CurrentYearExpenditure
                    | Line::BalanceDistribution
                    | Line::ClosingBalance
                    | Line::ExpenditureTotal
            ),
            TableKind::FinalFiscalAppropriationSummary => matches!(
                self,
                Line::GeneralBudgetAppropriation
                    | Line::GovernmentFundAppropriation
                    | Line::StateCapitalAppropriation
                    | Line::CurrentYearIncome
                    | Line::OpeningBalance
                    | Line::OpeningGeneralBudget
                    | Line::OpeningGovernmentFund
                    | Line::OpeningStateCapital
                    | Line::IncomeTotal
                    | Line::CurrentYearExpenditure
                    | Line::ClosingBalance
                    | Line::ExpenditureTotal
            ),
            TableKind::FinalBasicExpenditure => {
                matches!(self, Line::PersonnelTotal | Line::PublicTotal)
            }
            TableKind::FiscalAppropriationSummary => matches!(
                self,
                Line::BasicExpenditure
                    | Line::ProjectExpenditure
                    | Line::UnitReserveFund
                    | Line::FiscalAppropriationIncome
                    | Line::GeneralBudgetAppropriation
                    | Line::GovernmentFundAppropriation
                    | Line::StateCapitalAppropriation
                    | Line::CurrentYearIncome
                    | Line::PriorYearCarryover
                    | Line::CarryoverGeneralBudget
                    | Line::CarryoverGovernmentFund
                    | Line::CarryoverStateCapital
                    | Line::IncomeTotal
                    | Line::CurrentYearExpenditure
                    | Line::CarryForward
                    | Line::ExpenditureTotal
            ),
            _ => false,
        }
    }
}

terms! {
    /// What a comparison figure is: 预算数, 执行数 or 决算数.
    pub enum Basis {
        /// 预算数 (budget).
        Budget = ("budget", "预算数"),
        /// 执行数 (execution, e.g. "2024 年执行数").
        Execution = ("execution", "执行数"),
        /// 决算数 (final accounts).
        FinalAccounts = ("final_accounts", "决算数"),
    }
}

terms! {
    /// The unit amounts are printed in. The model stores every amount as
    /// [`yusuan_money::Wan`]; a document printed in 元 is converted exactly
    /// with [`yusuan_money::Wan::from_yuan_exact`] (no rounding), so nothing
    /// is lost and [`yusuan_money::Wan::to_yuan`] gives back the printed 元.
    pub enum AmountUnit {
        /// 万元 (the central template).
        Wan = ("wan", "万元"),
        /// 元 (e.g. Shanghai district budgets).
        Yuan = ("yuan", "元"),
    }
}

terms! {
    /// What the document is.
    pub enum DocumentKind {
        /// 单位预算 (the budget of one unit).
        UnitBudget = ("unit_budget", "单位预算"),
        /// 部门预算 (the consolidated budget of a department).
        DepartmentBudget = ("department_budget", "部门预算"),
        /// 单位决算 (final accounts of one unit).
        UnitFinalAccounts = ("unit_final_accounts", "单位决算"),
        /// 部门决算 (final accounts of a department).
        DepartmentFinalAccounts = ("department_final_accounts", "部门决算"),
    }
}

impl DocumentKind {
    /// Whether it is a 决算 (final accounts), of a unit or a department.
    pub const fn is_final_accounts(self) -> bool {
        matches!(
            self,
            DocumentKind::UnitFinalAccounts | DocumentKind::DepartmentFinalAccounts
        )
    }
}

impl TableKind {
    /// The table's name in a 决算: the 决算 name of a budget kind whose slot
    /// a 决算 table fills (收入总表 → 收入决算表, 支出总表 → 支出决算表,
    /// 一般公共预算支出表 → 一般公共预算财政拨款支出决算表, the "三公" table →
    /// 财政拨款“三公”经费支出决算表), else [`TableKind::label_zh`]. Names as in
    /// the 部门决算 template (财政部 部门决算公开格式).
    ///
    /// ```
    /// use yusuan_tables::TableKind;
    /// assert_eq!(TableKind::IncomeSummary.final_label_zh(), "收入决算表");
    /// assert_eq!(TableKind::FinalBasicExpenditure.final_label_zh(), "一般公共预算财政拨款基本支出决算表");
    /// ```
    pub const fn final_label_zh(self) -> &'static str {
        match self {
            TableKind::IncomeSummary => "收入决算表",
            TableKind::ExpenditureSummary => "支出决算表",
            TableKind::GeneralBudgetExpenditure => "一般公共预算财政拨款支出决算表",
            TableKind::ThreePublicExpenditure => "财政拨款“三公”经费支出决算表",
            other => other.label_zh(),
        }
    }

    /// The nine tables of a 决算 (final accounts), in template order: the
    /// 决算 kinds of [`TableKind::EXTRA`] and the budget kinds its tables of
    /// the same shape fill (收入决算表 → 收入总表, 支出决算表 → 支出总表,
    /// 一般公共预算财政拨款支出决算表 → 一般公共预算支出表, "三公" 决算表).
    pub const FINAL_NINE: [TableKind; 9] = [
        TableKind::FinalIncomeExpenditureSummary,
        TableKind::IncomeSummary,
        TableKind::ExpenditureSummary,
        TableKind::FinalFiscalAppropriationSummary,
        TableKind::GeneralBudgetExpenditure,
        TableKind::FinalBasicExpenditure,
        TableKind::ThreePublicExpenditure,
        TableKind::FinalGovernmentFund,
        TableKind::FinalStateCapital,
    ];
}

/// The period of a "三公" table row: a year and a [`Basis`], e.g. 2025年预算数.
///
/// Serialised as `"2025_budget"`.
///
/// ```
/// use yusuan_tables::{Basis, Period};
/// let p: Period = "2024_execution".parse()?;
/// assert_eq!(p, Period { year: 2024, basis: Basis::Execution });
/// assert_eq!(p.label_zh(), "2024年执行数");
/// # Ok::<(), yusuan_tables::TablesError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The year (e.g. 2025).
    pub year: u16,
    /// 预算数, 执行数 or 决算数.
    pub basis: Basis,
}

impl Period {
    /// `2025年预算数`.
    pub fn label_zh(&self) -> String {
        format!("{}年{}", self.year, self.basis.label_zh())
    }
}

impl fmt::Display for Period {
    /// The machine form `2025_budget`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}_{}", self.year, self.basis.as_str())
    }
}

impl FromStr for Period {
    type Err = TablesError;
    fn from_str(s: &str) -> Result<Period, TablesError> {
        let bad = || TablesError::UnknownName {
            what: "Period",
            text: s.to_owned(),
        };
        let (year, basis) = s.split_once('_').ok_or_else(bad)?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        Ok(Period {
            year: year.parse().map_err(|_| bad())?,
            basis: basis.parse().map_err(|_| bad())?,
        })
    }
}

/// The key of a row: the 合计 row, a classification code, a named line (收支
/// 总表 / 财政拨款收支总表) or a period ("三公" table).
///
/// Serialised as one string: `"total"`, the code's digits (`"2080108"`), the
/// line's name (`"general_budget_appropriation"`) or the period
/// (`"2025_budget"`). The forms never collide: codes are 3, 5, 7 or 9
/// digits, periods 4 digits and a suffix, lines letters.
///
/// ```
/// use yusuan_tables::{Line, RowKey};
/// assert_eq!("total".parse::<RowKey>()?, RowKey::Total);
/// assert_eq!("current_year_income".parse::<RowKey>()?, RowKey::Line(Line::CurrentYearIncome));
/// let code: RowKey = "2080108".parse()?;
/// assert_eq!(code.to_string(), "2080108");
/// assert_eq!(RowKey::Total.label_zh(), "合计");
/// # Ok::<(), yusuan_tables::TablesError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowKey {
    /// The 合计 row.
    Total,
    /// A row keyed by a classification code (科目编码).
    Code(Code),
    /// A named line of the 收支总表 or 财政拨款收支总表.
    Line(Line),
    /// A period row of the "三公" table.
    Period(Period),
}

impl RowKey {
    /// A short Chinese label: 合计, the code digits, the line's label, or
    /// the period (2025年预算数). Row names come from the table (see
    /// [`crate::Disclosure::describe`]).
    pub fn label_zh(&self) -> String {
        match self {
            RowKey::Total => "合计".to_owned(),
            RowKey::Code(c) => c.to_string(),
            RowKey::Line(l) => l.label_zh().to_owned(),
            RowKey::Period(p) => p.label_zh(),
        }
    }

    /// The code, for a code row.
    pub fn code(&self) -> Option<Code> {
        match self {
            RowKey::Code(c) => Some(*c),
            _ => None,
        }
    }
}

impl From<Code> for RowKey {
    fn from(code: Code) -> RowKey {
        RowKey::Code(code)
    }
}

impl From<Line> for RowKey {
    fn from(line: Line) -> RowKey {
        RowKey::Line(line)
    }
}

impl From<Period> for RowKey {
    fn from(period: Period) -> RowKey {
        RowKey::Period(period)
    }
}

impl fmt::Display for RowKey {
    /// The machine form used in JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowKey::Total => f.write_str("total"),
            RowKey::Code(c) => f.write_str(c.as_str()),
            RowKey::Line(l) => f.write_str(l.as_str()),
            RowKey::Period(p) => write!(f, "{p}"),
        }
    }
}

impl FromStr for RowKey {
    type Err = TablesError;
    fn from_str(s: &str) -> Result<RowKey, TablesError> {
        if s == "total" {
            return Ok(RowKey::Total);
        }
        if s.bytes().all(|b| b.is_ascii_digit()) {
            return Code::parse(s)
                .map(RowKey::Code)
                .map_err(|e| TablesError::Code {
                    text: s.to_owned(),
                    source: e,
                });
        }
        if s.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            return s.parse().map(RowKey::Period);
        }
        s.parse()
            .map(RowKey::Line)
            .map_err(|_| TablesError::UnknownName {
                what: "RowKey",
                text: s.to_owned(),
            })
    }
}

macro_rules! string_serde {
    ($ty:ty, $expecting:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
                text.parse().map_err(|e: TablesError| {
                    serde::de::Error::custom(format_args!("{e}; expected {}", $expecting))
                })
            }
        }
    };
}

string_serde!(
    Period,
    "a period such as \"2025_budget\" or \"2024_execution\""
);
string_serde!(
    RowKey,
    "a row key: \"total\", a code such as \"2080108\", a line such as \"income_total\", or a period such as \"2025_budget\""
);
