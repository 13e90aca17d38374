//! [`Catalog`]: names of codes, by year, with provenance.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher, Hasher};

use serde::{Deserialize, Serialize};

use crate::{ClassificationError, Code, Level, Scheme};

/// An inclusive range of budget years (预算年度), e.g. 2019–2025.
///
/// ```
/// use yusuan_classification::YearRange;
/// let years = YearRange::new(2019, 2025)?;
/// assert!(years.contains(2023));
/// assert_eq!(years.to_string(), "2019–2025");
/// assert_eq!(YearRange::single(2025).to_string(), "2025");
/// assert!(YearRange::new(2025, 2019).is_err());
/// # Ok::<(), yusuan_classification::ClassificationError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawYearRange")]
pub struct YearRange {
    first: u16,
    last: u16,
}

#[derive(Deserialize)]
struct RawYearRange {
    first: u16,
    last: u16,
}

impl TryFrom<RawYearRange> for YearRange {
    type Error = ClassificationError;
    fn try_from(raw: RawYearRange) -> Result<YearRange, ClassificationError> {
        YearRange::new(raw.first, raw.last)
    }
}

impl YearRange {
    /// The years `first..=last`; an error if `first > last`.
    pub fn new(first: u16, last: u16) -> Result<YearRange, ClassificationError> {
        if first <= last {
            Ok(YearRange { first, last })
        } else {
            Err(ClassificationError::BadYearRange { first, last })
        }
    }

    /// A single year.
    pub const fn single(year: u16) -> YearRange {
        YearRange {
            first: year,
            last: year,
        }
    }

    /// `first..=last` for generated data, where `first <= last` is checked by tests.
    pub(crate) const fn from_parts(first: u16, last: u16) -> YearRange {
        YearRange { first, last }
    }

    /// The first year.
    pub const fn first(&self) -> u16 {
        self.first
    }

    /// The last year (inclusive).
    pub const fn last(&self) -> u16 {
        self.last
    }

    /// Whether `year` is in the range.
    pub const fn contains(&self, year: u16) -> bool {
        self.first <= year && year <= self.last
    }

    /// Whether the two ranges share at least one year.
    pub const fn overlaps(&self, other: YearRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

impl fmt::Display for YearRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}–{}", self.first, self.last)
        }
    }
}

/// Where a catalog entry's name comes from (来源).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Provenance {
    /// The code and name were printed, exactly so, in published budget
    /// disclosures (预算公开文件) of these budget years.
    PrintedInDisclosure {
        /// First and last budget year of the disclosures that print it.
        years: YearRange,
    },
    /// Taken from an edition of the 政府收支分类科目 published by 财政部
    /// (embedded, or loaded from a user's file).
    OfficialScheme {
        /// The edition, e.g. "2025年政府收支分类科目".
        edition: String,
    },
}

impl Provenance {
    /// The Chinese wording: 公开文件所列 or 政府收支分类科目.
    pub const fn label_zh(&self) -> &'static str {
        match self {
            Provenance::PrintedInDisclosure { .. } => "公开文件所列",
            Provenance::OfficialScheme { .. } => "政府收支分类科目",
        }
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Provenance::PrintedInDisclosure { years } => {
                write!(f, "printed in disclosures of {years}")
            }
            Provenance::OfficialScheme { edition } => write!(f, "official scheme: {edition}"),
        }
    }
}

/// One name of one code (科目编码 + 科目名称) for a range of budget years.
///
/// A code whose name changed between editions has several entries, e.g.
/// 20805 行政事业单位离退休 (2019) and 20805 行政事业单位养老支出 (2023–2025).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    code: Code,
    name: String,
    years: YearRange,
    provenance: Provenance,
    /// The documents that print it (file stems of the corpus), if known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
}

impl Entry {
    /// A new entry.
    pub fn new(
        code: Code,
        name: impl Into<String>,
        years: YearRange,
        provenance: Provenance,
    ) -> Entry {
        Entry {
            code,
            name: name.into(),
            years,
            provenance,
            sources: Vec::new(),
        }
    }

    /// This entry with the documents that print it (for a
    /// [`Provenance::PrintedInDisclosure`] entry: the file stems of the
    /// disclosures, e.g. `js-fy_2017_dept-budget`).
    pub fn with_sources<S: Into<String>>(mut self, sources: impl IntoIterator<Item = S>) -> Entry {
        self.sources = sources.into_iter().map(Into::into).collect();
        self
    }

    /// The documents that print this entry, if known (empty otherwise).
    ///
    /// ```
    /// use yusuan_classification::{Catalog, Code};
    /// let entry = Catalog::embedded().get(Code::parse("210")?, 2017).unwrap();
    /// assert_eq!(entry.name(), "医疗卫生与计划生育支出");
    /// assert!(entry.sources().iter().any(|s| s == "js-swbgt_2017_dept-budget-tables"));
    /// # Ok::<(), yusuan_classification::ClassificationError>(())
    /// ```
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The code (科目编码).
    pub fn code(&self) -> Code {
        self.code
    }

    /// The name (科目名称), exactly as the source prints it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The budget years this name applies to.
    pub fn years(&self) -> YearRange {
        self.years
    }

    /// Where the name comes from.
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

/// The answer to "does this name name this code in this year?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameCheck {
    /// Yes: the name equals the catalog's (after normalisation).
    Matches,
    /// No: the catalog names the code differently in that year.
    Differs {
        /// The catalog's name for the code in that year.
        catalog_name: String,
        /// If the name given is the code's name in other years (an older
        /// or newer edition), those years.
        name_valid_in: Option<YearRange>,
    },
    /// The catalog has no name for the code in that year: cannot tell.
    Unknown,
}

/// Compares names as printed: full-width ASCII → half-width (（）→ ()),
/// all whitespace removed ("信 息 化 建 设" → "信息化建设").
pub(crate) fn name_key(name: &str) -> String {
    yusuan_money::text::squeeze(name)
}

/// Whether `name_key(name) == key`, without making the key of `name` (a
/// lookup by name compares the name printed with every name of a level).
pub(crate) fn has_name_key(name: &str, key: &str) -> bool {
    name.chars()
        .map(yusuan_money::text::normalize_char)
        .filter(|c| !c.is_whitespace())
        .eq(key.chars())
}

/// One level of a [`CodePath`]: a code and its name, if the catalog has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathStep<'a> {
    /// The code at this level.
    pub code: Code,
    /// Its name for the year asked, or `None` if the catalog has none.
    pub name: Option<&'a str>,
}

/// The path from a 类 down to a code, with names for one year:
/// `208 社会保障和就业支出 > 20801 人力资源和社会保障管理事务 > 2080108 信息化建设`.
///
/// A level whose name the catalog lacks for that year prints as `20801 ?`;
/// [`is_complete`](CodePath::is_complete) tells whether that happened.
/// Building a path does not allocate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodePath<'a> {
    steps: [Option<PathStep<'a>>; 4],
    year: u16,
}

impl<'a> CodePath<'a> {
    /// The levels, from the 类 down to the code asked for.
    pub fn steps(&self) -> impl Iterator<Item = PathStep<'a>> + '_ {
        self.steps.iter().flatten().copied()
    }

    /// The year the names are for.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// Whether every level has a name.
    pub fn is_complete(&self) -> bool {
        self.steps().all(|s| s.name.is_some())
    }

    /// The levels whose name is unknown for the year.
    pub fn missing(&self) -> impl Iterator<Item = Code> + '_ {
        self.steps().filter(|s| s.name.is_none()).map(|s| s.code)
    }
}

impl fmt::Display for CodePath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps().enumerate() {
            if i > 0 {
                f.write_str(" > ")?;
            }
            write!(f, "{} {}", step.code, step.name.unwrap_or("?"))?;
        }
        Ok(())
    }
}

/// What a catalog covers, per scheme and level: see [`Catalog::coverage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// One row per (scheme, level) present, in scheme then level order.
    pub rows: Vec<CoverageRow>,
}

/// One row of a [`Coverage`] report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageRow {
    /// The scheme.
    pub scheme: Scheme,
    /// The level.
    pub level: Level,
    /// Distinct codes with at least one name.
    pub codes: usize,
    /// Entries printed in disclosures.
    pub printed_entries: usize,
    /// Entries from an official edition.
    pub official_entries: usize,
    /// The years covered by at least one entry (first to last), if any.
    pub years: Option<YearRange>,
    /// The documents that print the printed entries, sorted.
    pub documents: Vec<String>,
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "scheme\tlevel\tcodes\tprinted\tofficial\tyears\tdocuments"
        )?;
        for r in &self.rows {
            let years = r.years.map(|y| y.to_string()).unwrap_or_default();
            writeln!(
                f,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                r.scheme.label_zh(),
                r.level.label_zh(),
                r.codes,
                r.printed_entries,
                r.official_entries,
                years,
                r.documents.len()
            )?;
        }
        Ok(())
    }
}

/// A set of code names by year: the embedded one ([`Catalog::embedded`]) or
/// one loaded from an official edition ([`Catalog::load_edition`]).
///
/// Both are the same type, so code that takes a `&Catalog` works with either.
/// Entries are kept sorted by code, so a lookup is a binary search (tens of
/// nanoseconds).
///
/// ```
/// use yusuan_classification::{Catalog, Code, NameCheck};
///
/// let catalog = Catalog::embedded();
/// let code = Code::parse("2080108")?;
/// assert_eq!(catalog.name(code, 2025), Some("信息化建设"));
/// assert_eq!(
///     catalog.path(code, 2025).to_string(),
///     "208 社会保障和就业支出 > 20801 人力资源和社会保障管理事务 > 2080108 信息化建设"
/// );
/// assert_eq!(catalog.check_name(code, 2025, "信 息 化 建 设"), NameCheck::Matches);
///
/// // Names change between editions: a lookup takes a year.
/// let c20805 = Code::parse("20805")?;
/// assert_eq!(catalog.name(c20805, 2019), Some("行政事业单位离退休"));
/// assert_eq!(catalog.name(c20805, 2025), Some("行政事业单位养老支出"));
/// # Ok::<(), yusuan_classification::ClassificationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Entry>", into = "Vec<Entry>")]
pub struct Catalog {
    /// Sorted by code; for one code, in order of preference (stable sort).
    entries: Vec<Entry>,
    /// `entries[i].code.sort_key()`, for a cache-friendly binary search.
    keys: Vec<u64>,
    /// For each code's sort key, where its entries start and how many there
    /// are: a reconciliation looks up every code a disclosure prints.
    index: HashMap<u64, (u32, u32), SortKeyHash>,
}

/// Hashes a code's sort key (an integer unique to the code) with the
/// SplitMix64 finaliser: a few instructions instead of SipHash, which
/// guards against adversarial keys that a catalog's own codes cannot be.
#[derive(Debug, Clone, Copy, Default)]
struct SortKeyHash;

impl BuildHasher for SortKeyHash {
    type Hasher = SortKeyHasher;
    fn build_hasher(&self) -> SortKeyHasher {
        SortKeyHasher(0)
    }
}

#[derive(Debug, Clone, Copy)]
struct SortKeyHasher(u64);

impl Hasher for SortKeyHasher {
    fn finish(&self) -> u64 {
        let mut z = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl From<Vec<Entry>> for Catalog {
    fn from(entries: Vec<Entry>) -> Catalog {
        Catalog::from_entries(entries)
    }
}

impl From<Catalog> for Vec<Entry> {
    fn from(catalog: Catalog) -> Vec<Entry> {
        catalog.entries
    }
}

impl Catalog {
    /// A catalog of these entries. When several entries name one code in
    /// one year, lookups answer with the one that came first.
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Catalog {
        let mut entries: Vec<Entry> = entries.into_iter().collect();
        entries.sort_by_key(|e| e.code);
        let keys: Vec<u64> = entries.iter().map(|e| e.code.sort_key()).collect();
        let mut index = HashMap::with_capacity_and_hasher(keys.len(), SortKeyHash);
        for (i, &key) in keys.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            index
                .entry(key)
                .and_modify(|(_, len): &mut (u32, u32)| *len = len.saturating_add(1))
                .or_insert((i, 1));
        }
        Catalog {
            entries,
            keys,
            index,
        }
    }

    /// This catalog with `other`'s entries added after its own: for a code
    /// and year both know, `self` answers. Use it to put a full official
    /// edition in front of the embedded catalog.
    ///
    /// ```
    /// use yusuan_classification::{Catalog, Code, YearRange};
    /// let edition = Catalog::load_edition(
    ///     "mine.csv",
    ///     "code,name\n215,资源勘探工业信息等支出\n21508,支持中小企业发展和管理支出\n",
    ///     "2025年政府收支分类科目",
    ///     YearRange::single(2025),
    /// )?;
    /// let both = edition.layered_over(Catalog::embedded());
    /// assert_eq!(both.name(Code::parse("21508")?, 2025), Some("支持中小企业发展和管理支出"));
    /// assert_eq!(both.name(Code::parse("2080108")?, 2025), Some("信息化建设"));
    /// # Ok::<(), yusuan_classification::ClassificationError>(())
    /// ```
    pub fn layered_over(&self, other: &Catalog) -> Catalog {
        Catalog::from_entries(self.entries.iter().chain(other.entries.iter()).cloned())
    }

    /// All entries, sorted by code.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the catalog has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry of `code`, all years, in order of preference.
    pub fn history(&self, code: Code) -> &[Entry] {
        match self.index.get(&code.sort_key()) {
            Some(&(start, len)) => {
                let (start, len) = (start as usize, len as usize);
                self.entries.get(start..start + len).unwrap_or(&[])
            }
            None => &[],
        }
    }

    /// The entry naming `code` in budget year `year`, if any.
    pub fn get(&self, code: Code, year: u16) -> Option<&Entry> {
        self.history(code).iter().find(|e| e.years.contains(year))
    }

    /// The name of `code` in budget year `year`, if the catalog has one.
    pub fn name(&self, code: Code, year: u16) -> Option<&str> {
        self.get(code, year).map(Entry::name)
    }

    /// Whether `name` names `code` in `year`, comparing after normalisation
    /// (full-width → half-width, whitespace removed).
    ///
    /// ```
    /// use yusuan_classification::{Catalog, Code, NameCheck, YearRange};
    /// let catalog = Catalog::embedded();
    /// let c = |s| Code::parse(s).unwrap();
    /// assert_eq!(catalog.check_name(c("2080108"), 2025, "信息化建设"), NameCheck::Matches);
    /// assert_eq!(catalog.check_name(c("30212"), 2024, "因公出国(境)费用"), NameCheck::Matches);
    /// assert_eq!(
    ///     catalog.check_name(c("20805"), 2025, "行政事业单位离退休"),
    ///     NameCheck::Differs {
    ///         catalog_name: "行政事业单位养老支出".into(),
    ///         name_valid_in: Some(YearRange::new(2017, 2019).unwrap()),
    ///     }
    /// );
    /// assert_eq!(catalog.check_name(c("2080108"), 2019, "信息化建设"), NameCheck::Unknown);
    /// ```
    pub fn check_name(&self, code: Code, year: u16, name: &str) -> NameCheck {
        let Some(entry) = self.get(code, year) else {
            return NameCheck::Unknown;
        };
        let key = name_key(name);
        if name_key(&entry.name) == key {
            return NameCheck::Matches;
        }
        let name_valid_in = self
            .history(code)
            .iter()
            .filter(|e| name_key(&e.name) == key)
            .map(|e| e.years)
            .reduce(|a, b| YearRange::from_parts(a.first.min(b.first), a.last.max(b.last)));
        NameCheck::Differs {
            catalog_name: entry.name.clone(),
            name_valid_in,
        }
    }

    /// Entries of `scheme` whose name contains `query` (after
    /// normalisation), for one year or (with `None`) any year. Exact matches
    /// come first, then by code.
    ///
    /// ```
    /// use yusuan_classification::{Catalog, Scheme};
    /// let hits = Catalog::embedded().search(Scheme::DepartmentEconomic, "住房公积金", Some(2025));
    /// assert_eq!(hits[0].code().as_str(), "30113");
    /// let hits = Catalog::embedded().search(Scheme::Function, "住房公积金", Some(2025));
    /// assert_eq!(hits[0].code().as_str(), "2210201");
    /// // Any year: both names of 20805.
    /// let hits = Catalog::embedded().search(Scheme::Function, "行政事业单位", None);
    /// let names: Vec<&str> = hits.iter().filter(|e| e.code().as_str() == "20805").map(|e| e.name()).collect();
    /// assert!(names.contains(&"行政事业单位离退休") && names.contains(&"行政事业单位养老支出"));
    /// ```
    pub fn search(&self, scheme: Scheme, query: &str, year: Option<u16>) -> Vec<&Entry> {
        let key = name_key(query);
        let mut hits: Vec<(bool, &Entry)> = Vec::new();
        let mut last: Option<Code> = None;
        for entry in &self.entries {
            if entry.code.scheme() != scheme || year.is_some_and(|y| !entry.years.contains(y)) {
                continue;
            }
            let name = name_key(&entry.name);
            if !name.contains(&key) {
                continue;
            }
            // With a year, one entry per code (the preferred one).
            if year.is_some() && last == Some(entry.code) {
                continue;
            }
            last = Some(entry.code);
            hits.push((name != key, entry));
        }
        hits.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.code.cmp(&b.1.code)));
        hits.into_iter().map(|(_, e)| e).collect()
    }

    /// The codes one level below `code` that have a name in `year`, with
    /// that name, in code order.
    ///
    /// ```
    /// use yusuan_classification::{Catalog, Code};
    /// let kids: Vec<String> = Catalog::embedded()
    ///     .children(Code::parse("22102")?, 2025)
    ///     .iter()
    ///     .map(|e| e.to_string())
    ///     .collect();
    /// assert_eq!(kids, ["2210201 住房公积金", "2210202 提租补贴", "2210203 购房补贴"]);
    /// # Ok::<(), yusuan_classification::ClassificationError>(())
    /// ```
    pub fn children(&self, code: Code, year: u16) -> Vec<&Entry> {
        let key = code.sort_key();
        let start = self.keys.partition_point(|&k| k <= key);
        let mut out: Vec<&Entry> = Vec::new();
        for entry in self.entries.get(start..).unwrap_or(&[]) {
            if !code.is_ancestor_of(entry.code) {
                break;
            }
            if entry.code.parent() == Some(code)
                && entry.years.contains(year)
                && out.last().map(|e| e.code) != Some(entry.code)
            {
                out.push(entry);
            }
        }
        out
    }

    /// The path from the 类 down to `code`, with each level's name in
    /// `year` (see [`CodePath`]).
    pub fn path(&self, code: Code, year: u16) -> CodePath<'_> {
        let mut steps: [Option<PathStep<'_>>; 4] = [None; 4];
        let depth = code.level().depth();
        let mut current = Some(code);
        for slot in steps.iter_mut().take(depth).rev() {
            if let Some(c) = current {
                *slot = Some(PathStep {
                    code: c,
                    name: self.name(c, year),
                });
                current = c.parent();
            }
        }
        CodePath { steps, year }
    }

    /// What the catalog covers, per scheme and level: how many codes, how
    /// many entries of each provenance, which years.
    ///
    /// The embedded catalog is not a full edition: it holds the codes
    /// printed in real disclosures plus the parts of the official scheme
    /// that could be verified (see the crate docs, "Data").
    pub fn coverage(&self) -> Coverage {
        self.coverage_of(None)
    }

    /// [`Catalog::coverage`] for one budget year: the codes with a name in
    /// `year`, and the entries that apply to it.
    ///
    /// ```
    /// use yusuan_classification::{Catalog, Level, Scheme};
    /// let coverage = Catalog::embedded().coverage_in(2025);
    /// let classes = coverage.rows.iter().find(|r| r.scheme == Scheme::Function && r.level == Level::Class).unwrap();
    /// assert!(classes.codes >= 25);
    /// ```
    pub fn coverage_in(&self, year: u16) -> Coverage {
        self.coverage_of(Some(year))
    }

    fn coverage_of(&self, year: Option<u16>) -> Coverage {
        let mut rows: Vec<CoverageRow> = Vec::new();
        for scheme in Scheme::ALL {
            for &level in scheme.levels() {
                let mut row = CoverageRow {
                    scheme,
                    level,
                    codes: 0,
                    printed_entries: 0,
                    official_entries: 0,
                    years: None,
                    documents: Vec::new(),
                };
                let mut last: Option<Code> = None;
                for e in self
                    .entries
                    .iter()
                    .filter(|e| e.code.scheme() == scheme && e.code.level() == level)
                    .filter(|e| year.map_or(true, |y| e.years.contains(y)))
                {
                    if last != Some(e.code) {
                        row.codes += 1;
                        last = Some(e.code);
                    }
                    for doc in &e.sources {
                        if let Err(at) = row.documents.binary_search(doc) {
                            row.documents.insert(at, doc.clone());
                        }
                    }
                    match e.provenance {
                        Provenance::PrintedInDisclosure { .. } => row.printed_entries += 1,
                        Provenance::OfficialScheme { .. } => row.official_entries += 1,
                    }
                    row.years = Some(match row.years {
                        None => e.years,
                        Some(y) => YearRange::from_parts(
                            y.first.min(e.years.first),
                            y.last.max(e.years.last),
                        ),
                    });
                }
                if let (Some(y), Some(_)) = (year, row.years) {
                    row.years = Some(YearRange::single(y));
                }
                if row.codes > 0 {
                    rows.push(row);
                }
            }
        }
        Coverage { rows }
    }
}
