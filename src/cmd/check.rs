//! `dossier check`: everything `build` does, in memory, with nothing written.

use super::{ContentFailure, load_site};
use crate::cli::SiteArgs;
use crate::output::Discard;
use crate::render::{RenderSettings, render_site};

/// Checks the site; an error in the content or the templates fails.
pub fn check(args: &SiteArgs) -> anyhow::Result<()> {
    let loaded = load_site(args)?;
    render_site(&loaded.dossier, &loaded.templates, &loaded.assets, &RenderSettings::default(), &Discard)
        .map_err(|e| ContentFailure(format!("{e:#}")))?;
    let d = &loaded.dossier;
    eprintln!(
        "No errors: {} briefings, {} actors, {} topics, {} meetings, {} positions, {} quotes",
        d.briefings.len(),
        d.actors.len(),
        d.topics.len(),
        d.meetings.len(),
        d.positions.len(),
        d.quotes.len()
    );
    Ok(())
}
