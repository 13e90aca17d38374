//! The [`Disclosure`] document, its JSON form and its builder.

use std::path::Path;

use serde::{Deserialize, Serialize};
use yusuan_performance::PerformanceTargetTable;

use crate::kinds::{AmountUnit, DocumentKind};
use crate::narrative::{
    AgencyOperation, AssetHoldings, Claim, GlossaryEntry, PerformanceManagement, Procurement,
    Profile,
};
use crate::tables::{
    BasicExpenditureAmounts, CodeTable, ExpenditureAmounts, FundAmounts, GeneralBudgetAmounts,
    IncomeAmounts, SummaryTable, Tables, ThreePublicTable,
};
use crate::validate::Issue;
use crate::TablesError;

/// The unit (单位 or 部门) that publishes the disclosure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The unit's name, e.g. `人力资源和社会保障部信息中心`.
    pub name: String,
    /// 主管部门 name, e.g. `人力资源社会保障部`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// 主管部门 code, e.g. `"117"` (a string: leading zeros matter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_code: Option<String>,
}

/// A whole budget disclosure (预算公开): the unit, the year, the nine
/// tables, the narrative, 政府采购, 机关运行经费, 国有资产占有使用情况,
/// 绩效目标管理, 名词解释, 单位概况 and the 项目绩效目标表.
///
/// See the crate documentation for the JSON format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    /// The publishing unit.
    pub unit: Unit,
    /// The budget year (预算年度), e.g. 2025.
    pub year: u16,
    /// 单位预算, 部门预算, 单位决算, 部门决算.
    pub kind: DocumentKind,
    /// The unit the tables are printed in (万元 or 元). Amounts are stored in
    /// 万元 either way (see [`AmountUnit`]).
    pub amount_unit: AmountUnit,
    /// The document's title as printed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the transcription comes from (file name, URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The tables, by kind.
    #[serde(default)]
    pub tables: Tables,
    /// The claims of the narrative (情况说明), in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub narrative: Vec<Claim>,
    /// 政府采购情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procurement: Option<Procurement>,
    /// 机关运行经费 statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_operation: Option<AgencyOperation>,
    /// 国有资产占有使用情况 (车辆, 单价 100 万元以上设备).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_holdings: Option<AssetHoldings>,
    /// 预算绩效管理情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performance_management: Option<PerformanceManagement>,
    /// 名词解释.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryEntry>,
    /// 单位概况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// 项目绩效目标表 (附件).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub performance_tables: Vec<PerformanceTargetTable>,
    /// Remarks of the transcriber about the whole document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Amounts printed on table pages that the reader placed in no table,
    /// with page and position (empty for a disclosure written by hand).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<crate::UnplacedAmount>,
    /// The document's own text for the document-level checks (headings,
    /// 目录, table notes, sentences); set by the importer, usually absent
    /// from a disclosure written by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<crate::DocumentText>,
}

impl Disclosure {
    /// The nine tables the disclosure should print: a 决算's
    /// ([`crate::TableKind::FINAL_NINE`]) when it is one or holds 决算 tables, else a
    /// 预算's ([`crate::TableKind::ALL`]).
    ///
    /// ```
    /// use yusuan_tables::{Disclosure, DocumentKind, TableKind};
    /// let d = Disclosure::builder("某局", 2024).kind(DocumentKind::DepartmentFinalAccounts).build_unchecked();
    /// assert_eq!(d.expected_tables(), &TableKind::FINAL_NINE);
    /// ```
    pub fn expected_tables(&self) -> &'static [crate::TableKind] {
        if self.kind.is_final_accounts() || !self.tables.final_accounts.is_empty() {
            &crate::TableKind::FINAL_NINE
        } else {
            crate::TableKind::ALL
        }
    }

    /// Starts a [`DisclosureBuilder`] for `unit_name`'s disclosure of `year`
    /// (a 单位预算 in 万元 unless set otherwise).
    ///
    /// ```
    /// use yusuan_classification::Code;
    /// use yusuan_money::Wan;
    /// use yusuan_tables::*;
    ///
    /// let w = |s: &str| Some(Wan::parse(s).unwrap());
    /// let d = Disclosure::builder("人力资源和社会保障部信息中心", 2025)
    ///     .department("人力资源社会保障部", "117")
    ///     .expenditure_summary(
    ///         CodeTable::new()
    ///             .numbered("单位公开表3", "单位支出总表")
    ///             .with_columns(&[Column::Total, Column::Basic, Column::Project])
    ///             .row(Code::parse("221")?, "住房保障支出",
    ///                  ExpenditureAmounts { total: w("350.93"), basic: w("350.93"), ..Default::default() })
    ///             .with_total(ExpenditureAmounts { total: w("350.93"), basic: w("350.93"), ..Default::default() }),
    ///     )
    ///     .claim(Claim::new(
    ///         "2025 年收支总预算 350.93 万元。",
    ///         ClaimKind::Total { subject: "收支总预算".into(), amount: Wan::parse("350.93")?, parts: vec![] },
    ///     ).refers_to(CellRef::new(TableKind::ExpenditureSummary, RowKey::Total, Column::Total)))
    ///     .build()?;
    ///
    /// assert_eq!(d.tables.kinds(), [TableKind::ExpenditureSummary]);
    /// let json = d.to_json();
    /// assert!(json.contains(r#""total": "350.93""#));
    /// assert_eq!(Disclosure::from_json(&json)?, d); // exact round trip
    /// assert_eq!(d.cells().len(), 5); // 4 cells + the claim's amount
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(unit_name: impl Into<String>, year: u16) -> DisclosureBuilder {
        DisclosureBuilder {
            d: Disclosure {
                unit: Unit {
                    name: unit_name.into(),
                    department: None,
                    department_code: None,
                },
                year,
                kind: DocumentKind::UnitBudget,
                amount_unit: AmountUnit::Wan,
                title: None,
                source: None,
                tables: Tables::default(),
                narrative: Vec::new(),
                procurement: None,
                agency_operation: None,
                asset_holdings: None,
                performance_management: None,
                glossary: Vec::new(),
                profile: None,
                performance_tables: Vec::new(),
                notes: Vec::new(),
                unplaced: Vec::new(),
                document: None,
            },
        }
    }

    /// Reads a disclosure from JSON text (no structural validation; see
    /// [`Disclosure::load`]). A leading byte-order mark (U+FEFF, as some
    /// Windows editors write) is skipped.
    ///
    /// ```
    /// use yusuan_tables::Disclosure;
    /// let d = Disclosure::builder("某单位", 2025).build_unchecked();
    /// let with_bom = format!("\u{feff}{}", d.to_json());
    /// assert_eq!(Disclosure::from_json(&with_bom)?, d);
    /// # Ok::<(), yusuan_tables::TablesError>(())
    /// ```
    ///
    /// # Errors
    /// [`TablesError::Json`] with line and column for malformed JSON, an
    /// unknown or missing field, or a value that does not parse.
    pub fn from_json(text: &str) -> Result<Disclosure, TablesError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        serde_json::from_str(text).map_err(|e| TablesError::json(&e))
    }

    /// Reads a disclosure from JSON text and validates its structure:
    /// errors fail, warnings are returned with the disclosure.
    ///
    /// Among the errors: an amount or percentage of 10^12 or more in
    /// magnitude ([`IssueKind::OutOfRange`](crate::IssueKind::OutOfRange))
    /// and a year outside [`PLAUSIBLE_YEARS`](crate::PLAUSIBLE_YEARS), so a
    /// loaded disclosure is always safe to reconcile.
    ///
    /// # Errors
    /// [`TablesError::Json`] as [`Disclosure::from_json`];
    /// [`TablesError::Invalid`] with every issue if any is an error.
    pub fn load(text: &str) -> Result<(Disclosure, Vec<Issue>), TablesError> {
        let d = Disclosure::from_json(text)?;
        let issues = d.validate();
        if issues.iter().any(Issue::is_error) {
            Err(TablesError::Invalid { issues })
        } else {
            Ok((d, issues))
        }
    }

    /// [`Disclosure::load`] from a file.
    ///
    /// # Errors
    /// [`TablesError::Io`] if the file cannot be read; otherwise as
    /// [`Disclosure::load`].
    pub fn load_path(path: impl AsRef<Path>) -> Result<(Disclosure, Vec<Issue>), TablesError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| TablesError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Disclosure::load(&text)
    }

    /// The JSON text: pretty-printed, amounts and codes as strings, blank
    /// cells omitted. [`Disclosure::from_json`] reads it back exactly.
    pub fn to_json(&self) -> String {
        // Serialising this model cannot fail: every map key is a string and
        // every value a plain type.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Assembles a [`Disclosure`] in code. Start with [`Disclosure::builder`].
#[derive(Debug, Clone)]
#[must_use]
pub struct DisclosureBuilder {
    d: Disclosure,
}

macro_rules! table_setters {
    ($($(#[$m:meta])* $name:ident : $ty:ty;)*) => {
        $(
            $(#[$m])*
            pub fn $name(mut self, table: $ty) -> Self {
                self.d.tables.$name = Some(table);
                self
            }
        )*
    };
}

impl DisclosureBuilder {
    /// Sets the document kind (default 单位预算).
    pub fn kind(mut self, kind: DocumentKind) -> Self {
        self.d.kind = kind;
        self
    }

    /// Sets the unit the tables are printed in (default 万元).
    pub fn amount_unit(mut self, unit: AmountUnit) -> Self {
        self.d.amount_unit = unit;
        self
    }

    /// Sets the 主管部门 and its code.
    pub fn department(mut self, name: impl Into<String>, code: impl Into<String>) -> Self {
        self.d.unit.department = Some(name.into());
        self.d.unit.department_code = Some(code.into());
        self
    }

    /// Sets the printed title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.d.title = Some(title.into());
        self
    }

    /// Sets the source.
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.d.source = Some(source.into());
        self
    }

    table_setters! {
        /// Sets the 收支总表.
        income_expenditure_summary: SummaryTable;
        /// Sets the 收入总表.
        income_summary: CodeTable<IncomeAmounts>;
        /// Sets the 支出总表.
        expenditure_summary: CodeTable<ExpenditureAmounts>;
        /// Sets the 财政拨款收支总表.
        fiscal_appropriation_summary: SummaryTable;
        /// Sets the 一般公共预算支出表.
        general_budget_expenditure: CodeTable<GeneralBudgetAmounts>;
        /// Sets the 一般公共预算基本支出表.
        general_budget_basic_expenditure: CodeTable<BasicExpenditureAmounts>;
        /// Sets the 政府性基金预算支出表.
        government_fund_expenditure: CodeTable<FundAmounts>;
        /// Sets the 国有资本经营预算支出表.
        state_capital_expenditure: CodeTable<FundAmounts>;
        /// Sets the 财政拨款"三公"经费支出表.
        three_public_expenditure: ThreePublicTable;
    }

    /// Appends a narrative claim.
    pub fn claim(mut self, claim: Claim) -> Self {
        self.d.narrative.push(claim);
        self
    }

    /// Sets the 政府采购 statement.
    pub fn procurement(mut self, procurement: Procurement) -> Self {
        self.d.procurement = Some(procurement);
        self
    }

    /// Sets the 机关运行经费 statement.
    pub fn agency_operation(mut self, statement: AgencyOperation) -> Self {
        self.d.agency_operation = Some(statement);
        self
    }

    /// Sets the 国有资产占有使用情况 statement.
    pub fn asset_holdings(mut self, statement: AssetHoldings) -> Self {
        self.d.asset_holdings = Some(statement);
        self
    }

    /// Sets the 绩效目标管理 statement.
    pub fn performance_management(mut self, pm: PerformanceManagement) -> Self {
        self.d.performance_management = Some(pm);
        self
    }

    /// Appends a 名词解释 entry.
    pub fn glossary_entry(
        mut self,
        term: impl Into<String>,
        explanation: impl Into<String>,
    ) -> Self {
        self.d.glossary.push(GlossaryEntry {
            term: term.into(),
            explanation: explanation.into(),
        });
        self
    }

    /// Sets the 单位概况.
    pub fn profile(mut self, profile: Profile) -> Self {
        self.d.profile = Some(profile);
        self
    }

    /// Appends a 项目绩效目标表.
    pub fn performance_table(mut self, table: PerformanceTargetTable) -> Self {
        self.d.performance_tables.push(table);
        self
    }

    /// Appends a transcriber's note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.d.notes.push(note.into());
        self
    }

    /// Validates and returns the disclosure.
    ///
    /// # Errors
    /// [`TablesError::Invalid`] if structural validation finds an error.
    pub fn build(self) -> Result<Disclosure, TablesError> {
        let issues = self.d.validate();
        if issues.iter().any(Issue::is_error) {
            Err(TablesError::Invalid { issues })
        } else {
            Ok(self.d)
        }
    }

    /// Returns the disclosure without validating it.
    pub fn build_unchecked(self) -> Disclosure {
        self.d
    }
}
