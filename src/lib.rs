//! Gable: an open, self-hostable API server for real-estate and property-management
//! businesses. `docs/ARCHITECTURE.md` is the map of this crate.

pub mod ai;
pub mod app;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod config;
pub mod console;
pub mod crm;
pub mod db;
pub mod demo;
pub mod events;
pub mod graphql;
pub mod http;
pub mod jobs;
pub mod metrics;
pub mod notify;
pub mod operations;
pub mod platform;
pub mod ratelimit;
pub mod rentals;
pub mod resource;
pub mod sales;
pub mod secrets;
pub mod seed;
pub mod state;
pub mod usage;
pub mod vocab;
pub mod webhooks;
