//! The `gable` binary: all the work happens in the library; see `gable::cli`.

fn main() -> std::process::ExitCode {
    gable::cli::main()
}
