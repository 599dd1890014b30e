//! The `gable` binary: all the work happens in the library; see `gable::cli`.

fn main() -> std::process::ExitCode {
    gable::cli::main()
}

// glibc's malloc showed as ~10% of CPU under load; mimalloc is built for many small,
// short-lived allocations across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
