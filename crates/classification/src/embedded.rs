//! The embedded catalog, built once from the generated tables.

use once_cell::sync::Lazy;

use crate::generated::{OFFICIAL, PRINTED};
use crate::{Catalog, Code, Entry, Provenance, YearRange};

/// One embedded official edition (see `data/official-*.tsv`).
pub(crate) struct OfficialEdition {
    pub(crate) edition: &'static str,
    pub(crate) years: YearRange,
    pub(crate) entries: &'static [(Code, &'static str)],
}

static EMBEDDED: Lazy<Catalog> = Lazy::new(|| {
    let official = OFFICIAL.iter().flat_map(|edition| {
        edition.entries.iter().map(move |&(code, name)| {
            Entry::new(
                code,
                name,
                edition.years,
                Provenance::OfficialScheme {
                    edition: edition.edition.to_owned(),
                },
            )
        })
    });
    let printed = PRINTED.iter().map(|&(code, name, years, sources)| {
        Entry::new(code, name, years, Provenance::PrintedInDisclosure { years })
            .with_sources(sources.split(',').filter(|s| !s.is_empty()))
    });
    // Official entries first: for a code and year both know, lookups answer
    // with the official edition (the names agree; a test checks it).
    Catalog::from_entries(official.chain(printed))
});

impl Catalog {
    /// The catalog embedded in this crate: every code printed in the
    /// disclosures we have read (2017–2026), plus the verified parts of the
    /// official 2025 edition. Built on first use (a few microseconds),
    /// then shared.
    ///
    /// It is not a full edition; see [`Catalog::coverage`] and the crate
    /// docs ("Data") for what it holds and how to load a full one.
    ///
    /// ```
    /// use yusuan_classification::{Catalog, Code};
    /// let catalog = Catalog::embedded();
    /// assert_eq!(catalog.name(Code::parse("30239")?, 2025), Some("其他交通费用"));
    /// # Ok::<(), yusuan_classification::ClassificationError>(())
    /// ```
    pub fn embedded() -> &'static Catalog {
        &EMBEDDED
    }
}
