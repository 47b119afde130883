//! `dossier check`: the stages of [`crate::pipeline`], in memory, with nothing written.

use crate::cli::CheckArgs;
use crate::failure::Failure;
use crate::output::Discard;
use crate::pipeline::{count, load_as};
use crate::render::RenderSettings;

/// Checks the site; an error in the content or the templates fails.
pub fn check(args: &CheckArgs) -> Result<(), Failure> {
    let settings = RenderSettings::default();
    let loaded = load_as(&args.site, args.format)?;
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
    let d = &loaded.dossier;
    crate::pipeline::print_notes(d);
    eprintln!(
        "No errors: {}, {}, {}, {}, {}, {}",
        count(d.briefings.len(), "briefing"),
        count(d.actors.len(), "actor"),
        count(d.topics.len(), "topic"),
        count(d.meetings.len(), "meeting"),
        count(d.positions.len(), "position"),
        count(d.quotes.len(), "quote")
    );
    Ok(())
}
