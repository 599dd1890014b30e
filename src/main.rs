//! The `gable` binary: all the work happens in the library (see `gable::cli`); this file
//! chooses the allocator.

use std::process::ExitCode;

// mimalloc serves many small, short-lived allocations across threads better than glibc's
// malloc (docs/benchmarks.md); with `override` it also serves the C code (SQLite). Tune it with
// its documented environment variables (`MIMALLOC_*`). `--no-default-features` builds with the
// system allocator.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    gable::cli::main()
}
