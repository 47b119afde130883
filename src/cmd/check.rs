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
    if args.links {
        check_sources(args, terminal, &loaded.dossier)?;
    }
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

/// `--links`: every source address requested ([`crate::source_links`]), the dead and
/// moved ones reported in the format of the other problems.
fn check_sources(
    args: &CheckArgs,
    terminal: &TerminalArgs,
    dossier: &crate::model::Dossier,
) -> Result<(), Failure> {
    let started = Instant::now();
    let mut found = crate::diagnostics::Diagnostics::default();
    let timeout = std::time::Duration::from_secs(args.link_timeout);
    let tally = crate::source_links::check(dossier, &args.site.root, timeout, &mut found)
        .map_err(Failure::Io)?;
    if args.site.strict || dossier.config.strict {
        found.make_strict();
    }
    crate::pipeline::report_as(&found, args.format);
    terminal.stage("Requested the sources", started);
    terminal.summary(&format!(
        "Checked {} source address{} ({} from the cache): {} dead or moved",
        tally.addresses,
        if tally.addresses == 1 { "" } else { "es" },
        tally.from_cache,
        tally.problems
    ));
    if found.has_errors() {
        return Err(Failure::Content(crate::pipeline::content_failure(&found)));
    }
    Ok(())
}
