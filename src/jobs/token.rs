//! The proof a caller is a background job, on a file of its own so that storage can name it
//! without importing the job runner.

/// Proof that the caller is a background job of [`crate::jobs`] (the webhook workers, the rent
/// schedule, purges), not a request handler: only that module makes one. With it,
/// [`crate::db::Db::jobs`] runs statements across organizations.
pub struct JobToken(());

impl JobToken {
    pub(super) fn new() -> JobToken {
        JobToken(())
    }
}
