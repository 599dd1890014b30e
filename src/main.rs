//! The `gable` binary: all the work happens in the library (see `gable::cli`); this file
//! chooses the allocator and tunes it.

use std::process::ExitCode;

fn main() -> ExitCode {
    gable::cli::main(allocator::release_unused)
}

// glibc's malloc showed as ~10% of CPU under load; mimalloc is built for many small,
// short-lived allocations across threads. With the `override` feature it also serves the C
// code (SQLite).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc settings that keep an idle server small (docs/benchmarks.md, "idle RSS").
mod allocator {
    use libmimalloc_sys::mi_collect;
    #[cfg(target_os = "linux")]
    use libmimalloc_sys::{mi_option_set, mi_option_t};

    /// `mi_option_arena_eager_commit` in mimalloc v3's `mi_option_e` (the Rust crate's
    /// constants follow v2's numbering for the options that moved).
    #[cfg(target_os = "linux")]
    const ARENA_EAGER_COMMIT: mi_option_t = 4;

    /// Commits arena memory as it is used rather than up front (mimalloc's default on Linux
    /// is eager), so that memory freed after startup can be returned to the system: an eagerly
    /// committed arena is purged with `MADV_FREE`, which leaves the pages in the RSS.
    ///
    /// It must run before mimalloc reserves its first arena, which happens at the first
    /// allocation, before `main`: so it is an ELF constructor, ordered (priority 100) before
    /// mimalloc's own (unprioritized) one. A plain store; it allocates nothing.
    #[cfg(target_os = "linux")]
    extern "C" fn configure() {
        // SAFETY: mimalloc's options are plain integers, set before any thread exists.
        unsafe { mi_option_set(ARENA_EAGER_COMMIT, 0) };
    }

    #[cfg(target_os = "linux")]
    #[used]
    #[unsafe(link_section = ".init_array.00100")]
    static CONFIGURE: extern "C" fn() = configure;

    /// Returns freed memory to the system: called once the server is ready, after the
    /// startup transient (building the OpenAPI document and the GraphQL schema).
    pub fn release_unused() {
        // SAFETY: no preconditions; `force` also purges the memory other threads freed.
        unsafe { mi_collect(true) };
    }
}
