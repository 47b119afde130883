//! `dossier`: parse the command line, run the command, map the outcome to an exit code.
//!
//! Exit codes: 0 success, 1 errors in the site's content or templates, 2 usage or I/O.

use std::process::ExitCode;

use clap::Parser;

use dossier::cli::{Cli, Command};
use dossier::cmd::{self, ContentFailure};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(args) => cmd::build(args),
        Command::Check(args) => cmd::check(args),
        Command::Init(args) => cmd::init(args),
        Command::Serve(args) => cmd::serve(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => match error.downcast_ref::<ContentFailure>() {
            Some(failure) => {
                eprintln!("error: {failure}");
                ExitCode::from(1)
            }
            None => {
                eprintln!("error: {error:#}");
                ExitCode::from(2)
            }
        },
    }
}
