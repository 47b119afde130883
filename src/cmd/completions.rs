//! `dossier completions SHELL` and `dossier man`: the command line itself, described
//! for a shell (clap_complete) and for `man` (clap_mangen), from the same clap
//! definitions as `--help`.

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::failure::Failure;

/// Prints the completions for `args.shell` on stdout.
pub fn completions(args: &CompletionsArgs) -> Result<(), Failure> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "dossier", &mut std::io::stdout());
    Ok(())
}

/// Prints `dossier.1` on stdout, or writes it and one page per command into a folder.
pub fn man(args: &ManArgs) -> Result<(), Failure> {
    let command = Cli::command();
    let written = match &args.output {
        None => clap_mangen::Man::new(command)
            .render(&mut std::io::stdout())
            .context("cannot print the man page"),
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("cannot write the man pages into {}", dir.display()))
        }
    };
    written.map_err(Failure::Io)
}
