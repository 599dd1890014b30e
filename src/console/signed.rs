//! [`Session`]: who a console request is from. Its extractor, which sends a request without a
//! live session to the sign-in page, is in `session.rs`.

use std::ops::Deref;

use crate::auth::users::SignedIn;

/// The signed-in user of a console request, with the organizations they belong to (for the
/// switcher).
pub struct Session {
    pub(super) signed_in: SignedIn,
    /// (id, name) of each organization of the user's.
    pub organizations: Vec<(String, String)>,
}

impl Deref for Session {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.signed_in
    }
}
