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
    /// The two documents given to
    /// [`reconcile_unit_in_department`](crate::reconcile_unit_in_department)
    /// are not a unit's document and its department's of the same year.
    #[error("cannot compare these two documents: {reason}")]
    NotAUnitAndItsDepartment {
        /// What does not fit (kinds or years).
        reason: String,
    },
}
