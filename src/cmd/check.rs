//! `dossier check`: the stages of [`crate::pipeline`], in memory, with nothing written.

use std::time::Instant;

use crate::cli::{CheckArgs, TerminalArgs};
use crate::failure::Failure;
use crate::output::Discard;
use crate::pipeline::{count, load_as};
use crate::render::RenderSettings;

/// Checks the site; an error in the content or the templates fails.
pub fn check(args: &CheckArgs, terminal: &TerminalArgs) -> Result<(), Failure> {
    let started = Instant::now();
    let settings = RenderSettings::default();
    let loaded = load_as(&args.site, args.format)?;
    terminal.stage("Read and resolved the content", started);
    let rendered = Instant::now();
    let checked = crate::links::Checked::new(&Discard);
    crate::render::render(
        &loaded.dossier,
        &loaded.templates,
        &loaded.assets,
        &settings,
    )
    .write(&checked)
    .map_err(|e| crate::pipeline::shown_as(e.into(), args.format))?;
    checked.report(
        &loaded.dossier,
        &args.site.root,
        args.site.strict,
        args.format,
    )?;
    terminal.stage("Rendered and checked every page", rendered);
    let d = &loaded.dossier;
    if !terminal.quiet {
        crate::pipeline::print_notes(d);
    }
    terminal.summary(&format!(
        "No errors: {}, {}, {}, {}, {}, {}",
        count(d.briefings.len(), "briefing"),
        count(d.actors.len(), "actor"),
        count(d.topics.len(), "topic"),
        count(d.meetings.len(), "meeting"),
        count(d.positions.len(), "position"),
        count(d.quotes.len(), "quote")
    ));
    Ok(())
}
