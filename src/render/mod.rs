//! Rendering: the model as pages, through Tera templates that see small views, plus
//! the search index and the whole model as JSON.
//!
//! Every page is rendered in parallel and handed to a [`Sink`] (the output folder, or
//! memory for `check` and `serve`). Nothing here touches the disk.

mod assets;
pub mod graph;
mod json;
mod network;
mod pages;
pub mod search;
mod templates;
pub mod views;

pub use assets::{Asset, collect as collect_assets};
pub use templates::Templates;

use rayon::prelude::*;

use crate::model::Dossier;

/// Where rendered files go. Called from several threads at once.
pub trait Sink: Sync {
    /// Stores `bytes` at `path`, relative to the output root with `/` separators.
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()>;

    /// Stores at `path` what `fill` writes, for files too large to hold twice. By
    /// default the text is gathered and passed to [`Sink::write`].
    fn write_with(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut bytes = Vec::new();
        fill(&mut bytes)?;
        self.write(path, &bytes)
    }
}

/// What differs between a built site and a served one.
#[derive(Debug, Clone, Default)]
pub struct RenderSettings {
    /// HTML inserted before `</body>` of every page by `dossier serve`; empty in builds.
    pub live_reload: String,
}

/// Renders every page of `dossier`, `dossier.json` and the assets into `sink`.
pub fn render_site(
    dossier: &Dossier,
    templates: &Templates,
    assets: &[Asset],
    settings: &RenderSettings,
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let jobs = pages::jobs(dossier);
    let site = pages::Site::new(dossier, templates, settings);
    let (pages, model) = rayon::join(
        || {
            jobs.par_iter().try_for_each(|job| {
                let (path, text) = site.render(job, &jobs)?;
                sink.write(&path, text.as_bytes())
            })
        },
        || {
            sink.write_with("dossier.json", &mut |out| {
                json::write_model_json(dossier, out)
            })
        },
    );
    pages?;
    model?;
    sink.write(search::INDEX_PATH, site.search_index()?.as_bytes())?;
    assets
        .par_iter()
        .try_for_each(|asset| sink.write(&asset.path, &asset.bytes))
}
