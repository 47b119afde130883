//! Rendering: the model as pages, through Tera templates that see small views, plus
//! the search index and the whole model as JSON.
//!
//! Every page is rendered in parallel and handed to a [`Sink`] (the output folder, or
//! memory for `check` and `serve`). Nothing here touches the disk.

mod assets;
mod digest;
pub mod graph;
mod json;
mod network;
mod pages;
pub mod search;
mod templates;
pub mod views;

pub use assets::{Asset, collect as collect_assets};
pub use templates::Templates;

use std::collections::HashMap;

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

/// Renders every page of `dossier`, `dossier.json`, the search index and the assets
/// into `sink`.
pub fn render_site(
    dossier: &Dossier,
    templates: &Templates,
    assets: &[Asset],
    settings: &RenderSettings,
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    render(dossier, templates, assets, settings, None, sink).map(|_| ())
}

/// A digest of what each page of a render received, by output path, so that the next
/// render with the same templates and settings can skip the pages whose inputs are
/// unchanged (`dossier serve`).
#[derive(Debug, Default, Clone)]
pub struct Fingerprints {
    pages: HashMap<String, u64>,
}

impl Fingerprints {
    /// The output path of every page of the render that has a digest (almost all).
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.pages.keys().map(String::as_str)
    }

    /// True when `path` is a page of the render, with a digest.
    pub fn contains(&self, path: &str) -> bool {
        self.pages.contains_key(path)
    }

    /// Forgets the page at `path`, so that the next render renders it.
    pub fn forget(&mut self, path: &str) {
        self.pages.remove(path);
    }
}

/// Renders like [`render_site`], except that a page whose context has the digest it
/// had in `previous` is neither rendered nor written: the caller keeps its bytes from
/// the previous render, which must have used the same templates and settings (pass
/// empty fingerprints otherwise). `dossier.json`, the search index and the assets are
/// always written.
pub fn render_changed(
    dossier: &Dossier,
    templates: &Templates,
    assets: &[Asset],
    settings: &RenderSettings,
    previous: &Fingerprints,
    sink: &dyn Sink,
) -> anyhow::Result<Fingerprints> {
    render(dossier, templates, assets, settings, Some(previous), sink)
        .map(Option::unwrap_or_default)
}

/// The one render: every page (or, given `previous` fingerprints, every page whose
/// context changed), with `dossier.json` written alongside; the new fingerprints when
/// `previous` was given.
fn render(
    dossier: &Dossier,
    templates: &Templates,
    assets: &[Asset],
    settings: &RenderSettings,
    previous: Option<&Fingerprints>,
    sink: &dyn Sink,
) -> anyhow::Result<Option<Fingerprints>> {
    let jobs = pages::jobs(dossier);
    let site = pages::Site::new(dossier, templates, settings);
    let write_page = |job: &pages::Job| -> anyhow::Result<()> {
        // One buffer per thread, reused from page to page.
        thread_local! {
            static PAGE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        PAGE.with_borrow_mut(|page| {
            let path = site.render(job, &jobs, page)?;
            sink.write(&path, page)
        })
    };
    let page = |job: &pages::Job| -> anyhow::Result<Option<(String, u64)>> {
        let Some(previous) = previous else {
            return write_page(job).map(|()| None);
        };
        // The digest first; the context, which costs far more, only for a change.
        let (path, digest) = site.digest(job, &jobs);
        if digest.is_none() || previous.pages.get(&path) != digest.as_ref() {
            write_page(job)?;
        }
        Ok(digest.map(|digest| (path, digest)))
    };
    let (pages, model) = rayon::join(
        || {
            jobs.par_iter()
                .map(page)
                .collect::<anyhow::Result<Vec<_>>>()
        },
        || {
            sink.write_with("dossier.json", &mut |out| {
                json::write_model_json(dossier, out)
            })
        },
    );
    let pages = pages?;
    model?;
    sink.write(search::INDEX_PATH, site.search_index()?.as_bytes())?;
    assets
        .par_iter()
        .try_for_each(|asset| sink.write(&asset.path, &asset.bytes))?;
    Ok(previous.map(|_| Fingerprints {
        pages: pages.into_iter().flatten().collect(),
    }))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;
    use std::sync::Mutex;

    use super::*;
    use crate::cli::SiteArgs;
    use crate::diagnostics::Diagnostics;

    #[derive(Default)]
    struct Files(Mutex<BTreeMap<String, Vec<u8>>>);

    impl Sink for Files {
        fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
            self.0.lock().unwrap().insert(path.into(), bytes.into());
            Ok(())
        }
    }

    fn resolved(root: &Path) -> (Dossier, Vec<Asset>, Templates) {
        let args = SiteArgs {
            root: root.to_path_buf(),
            drafts: false,
            strict: false,
        };
        let (dossier, assets) =
            crate::cmd::resolve_site(&args, None, &mut Diagnostics::default()).unwrap();
        (dossier, assets, Templates::load(root).unwrap())
    }

    /// An incremental render, completed with the previous render's pages, is a full render.
    #[test]
    fn render_changed_renders_exactly_the_pages_whose_inputs_changed() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let briefings = root.join("content/briefings");
        std::fs::create_dir_all(&briefings).unwrap();
        std::fs::write(
            briefings.join("a.md"),
            "---\ntitle: First\ndate: 2025-01-01\nmeetings:\n  - participants: [envoy-a, envoy-b]\n---\nBody.\n",
        )
        .unwrap();
        std::fs::write(
            briefings.join("b.md"),
            "---\ntitle: Second\ndate: 2025-02-01\ntopics: [ceasefire]\n---\nOther body.\n",
        )
        .unwrap();
        let settings = RenderSettings::default();

        let (dossier, assets, templates) = resolved(root);
        let first = Files::default();
        let fingerprints = render_changed(
            &dossier,
            &templates,
            &assets,
            &settings,
            &Fingerprints::default(),
            &first,
        )
        .unwrap();
        let first = first.0.into_inner().unwrap();

        std::fs::write(
            briefings.join("b.md"),
            "---\ntitle: Second\ndate: 2025-02-01\ntopics: [ceasefire]\n---\nEdited body.\n",
        )
        .unwrap();
        let (dossier, assets, templates) = resolved(root);
        let second = Files::default();
        render_changed(
            &dossier,
            &templates,
            &assets,
            &settings,
            &fingerprints,
            &second,
        )
        .unwrap();
        let mut second = second.0.into_inner().unwrap();
        let rendered: Vec<&str> = second
            .keys()
            .map(String::as_str)
            .filter(|p| p.ends_with(".html") || p.ends_with(".xml"))
            .collect();
        assert_eq!(rendered, ["briefings/b/index.html"]);
        for (path, bytes) in &first {
            second.entry(path.clone()).or_insert_with(|| bytes.clone());
        }
        let full = Files::default();
        render_site(&dossier, &templates, &assets, &settings, &full).unwrap();
        assert!(second == full.0.into_inner().unwrap());
    }
}
