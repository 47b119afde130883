//! `dossier check`: the stages of [`crate::pipeline`], in memory, with nothing written.

use crate::cli::SiteArgs;
use crate::output::Discard;
use crate::pipeline::count;
use crate::render::RenderSettings;

/// Checks the site; an error in the content or the templates fails.
pub fn check(args: &SiteArgs) -> anyhow::Result<()> {
    let loaded = crate::pipeline::load(args)?;
    let settings = RenderSettings::default();
    crate::render::render(
        &loaded.dossier,
        &loaded.templates,
        &loaded.assets,
        &settings,
    )
    .write(&Discard)?;
    let d = &loaded.dossier;
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
