//! `dossier`: parse the command line, run the command, map the outcome to an exit code.
//!
//! Exit codes: 0 success, 1 errors in the site's content or templates, 2 usage or I/O.

use std::process::ExitCode;

use clap::Parser;

use dossier::cli::{Cli, Command};
use dossier::cmd;

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    cli.terminal.apply_color();
    let result = match &cli.command {
        Command::Build(args) => cmd::build(args, &cli.terminal),
        Command::Check(args) => cmd::check(args, &cli.terminal),
        Command::Init(args) => cmd::init(args),
        Command::Serve(args) => cmd::serve(args),
        Command::Schema(args) => cmd::schema(args),
        Command::New(args) => cmd::new(args),
        Command::Completions(args) => cmd::completions(args),
        Command::Man(args) => cmd::man(args),
        Command::Templates(args) => cmd::templates(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let error = anstyle::AnsiColor::Red.on_default().bold();
            anstream::eprintln!("{error}error:{error:#} {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}

/// Turns off glibc's fast bins, which the allocator otherwise merges into its free
/// lists again and again while a build allocates and frees millions of small values
/// (the views of every page): that merging cost a tenth of the user time of a build of
/// 50,000 briefings, and more the larger the heap. Without them, small blocks freed
/// still go to glibc's per-thread cache first; the peak memory stays the same.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    use std::ffi::c_int;
    unsafe extern "C" {
        fn mallopt(param: c_int, value: c_int) -> c_int;
    }
    /// glibc's `M_MXFAST`: the largest block kept in a fast bin; 0 keeps none.
    const M_MXFAST: c_int = 1;
    // SAFETY: `mallopt` only changes a setting of the allocator, under its own lock.
    unsafe {
        mallopt(M_MXFAST, 0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
