//! The `gable` binary: all the work happens in the library (see `gable::cli`); this file
//! chooses the allocator.

use std::process::ExitCode;

// mimalloc serves many small, short-lived allocations across threads better than glibc's
// malloc (docs/benchmarks.md: 1.35× the single gets, a lower peak RSS); with `override` it also
// serves the C code (SQLite). It commits arena memory lazily (a compile-time default set in
// `.cargo/config.toml`), so freed memory leaves the RSS; its environment variables (`MIMALLOC_*`)
// tune it further. `--no-default-features` builds with the system allocator.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    gable::cli::main()
}
