//! `dossier check`: everything `build` does, in memory, with nothing written.

use super::{count, load_site};
use crate::cli::SiteArgs;
use crate::output::Discard;
use crate::render::{RenderSettings, render_site};

/// Checks the site; an error in the content or the templates fails.
pub fn check(args: &SiteArgs) -> anyhow::Result<()> {
    let loaded = load_site(args)?;
    render_site(
        &loaded.dossier,
        &loaded.templates,
        &loaded.assets,
        &RenderSettings::default(),
        &Discard,
    )?;
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
