//! The error type of this crate.

/// What can go wrong outside the checks themselves (the checks never fail:
/// a problem in the document is a [`crate::Finding`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReconcileError {
    /// No rule has this ID.
    #[error("unknown rule {id:?}: expected an ID such as T101 (see `Rule::ALL`)")]
    UnknownRule {
        /// The ID as given.
        id: String,
    },
}
