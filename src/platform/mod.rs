//! The developer platform itself: organizations, API keys, health, metrics and API docs.

pub mod docs;
pub mod health;
pub mod keys;
pub mod metrics;
pub mod orgs;
