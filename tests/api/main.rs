//! Integration tests: the real server on a free port, a fresh database per test (SQLite temp
//! file, or a new PostgreSQL database when `GABLE_TEST_DATABASE_URL` is set) and, when
//! `GABLE_TEST_REDIS_URL` is set, Redis-backed rate limits. One binary, one module per area.

mod ai;
mod applications;
mod ar_aging;
mod contract;
mod dashboard;
mod delinquency;
mod helpers;

mod booking_links;
mod booking_pages;
mod browser;
mod calls;
mod cli;
mod console;
mod contacts;
mod errors;
mod event_stream;
mod events;
mod expenses;
mod graphql;
mod health;
mod idempotency;
mod inspections;
mod jwt;
mod keys;
mod lead_conversion;
mod lead_form;
mod leads;
mod leases;
mod openapi;
mod payment_plans;
mod payments;
mod probe;
mod products;
mod properties;
mod rate_limits;
mod receiver;
mod rent;
mod rentals_support;
mod secrets;
mod showings;
mod tasks;
mod team;
mod units;
mod vendor_summary;
mod vendors;
mod webhooks;
mod work_orders;
