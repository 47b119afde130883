//! Rendering: the model as pages, through Tera templates that see small views, plus
//! the search index and the whole model as JSON.
//!
//! Every page is rendered in parallel and handed to a [`Sink`] (the output folder, or
//! memory for `check` and `serve`). Nothing here touches the disk.

mod assets;
mod calendar;
mod digest;
mod extras;
mod feeds;
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
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

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
    Render::new(dossier, templates, assets, settings, None)
        .write(sink)
        .map(|_| ())
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

/// One render of a dossier: every file at once ([`Render::write`]), or any one file
/// by its path ([`Render::file`]), so that `dossier serve` can answer a request for a
/// page while the whole render is still being made. Both make the same bytes.
pub struct Render<'a> {
    dossier: &'a Dossier,
    templates: &'a Templates,
    settings: &'a RenderSettings,
    assets: &'a [Asset],
    /// The fingerprints of the previous render, when pages are compared with it.
    previous: Option<&'a Fingerprints>,
    jobs: Vec<pages::Job>,
    /// What every page needs, with the views that many pages share: made on first use
    /// by [`Render::write`].
    site: OnceLock<pages::Site<'a>>,
    /// What every page needs, for pages rendered alone by [`Render::file`]: made on
    /// first use, without the shared views, which cost more than a page.
    alone: OnceLock<pages::Site<'a>>,
    /// The index in `jobs` of each page, by output path: made on first use, since
    /// only [`Render::file`] looks pages up.
    by_path: OnceLock<HashMap<String, usize>>,
    /// Once set, [`Render::write`] stops with an error.
    stop: Option<&'a AtomicBool>,
}

impl<'a> Render<'a> {
    /// Prepares the render, which costs little: the work starts with the first file
    /// asked for. With `previous`,
    /// the fingerprints of a render with the same templates and settings, a page whose
    /// context has the digest it had then is neither rendered nor written: the caller
    /// keeps its bytes from that render. `dossier.json`, the search index and the
    /// assets are always written.
    pub fn new(
        dossier: &'a Dossier,
        templates: &'a Templates,
        assets: &'a [Asset],
        settings: &'a RenderSettings,
        previous: Option<&'a Fingerprints>,
    ) -> Render<'a> {
        Render {
            dossier,
            templates,
            settings,
            assets,
            previous,
            jobs: pages::jobs(dossier),
            site: OnceLock::new(),
            alone: OnceLock::new(),
            by_path: OnceLock::new(),
            stop: None,
        }
    }

    /// Makes [`Render::write`] stop, with an error, as soon as `stop` is set: the
    /// render is out of date (`dossier serve`, when a newer change came).
    pub fn until(self, stop: &'a AtomicBool) -> Render<'a> {
        Render {
            stop: Some(stop),
            ..self
        }
    }

    /// An error once the render must stop.
    fn check_stop(&self) -> anyhow::Result<()> {
        match self.stop {
            Some(stop) if stop.load(Ordering::Relaxed) => {
                anyhow::bail!("the render stopped: a newer change came")
            }
            _ => Ok(()),
        }
    }

    /// Writes every file (with `previous` fingerprints, every page whose context
    /// changed) into `sink`, `dossier.json` and the search index alongside the pages;
    /// the fingerprints of the pages, empty without `previous`.
    pub fn write(&self, sink: &dyn Sink) -> anyhow::Result<Fingerprints> {
        let site = self.site.get_or_init(|| {
            let shared = views::Shared::new(self.dossier);
            pages::Site::new(self.dossier, self.templates, self.settings, Some(shared))
        });
        let page = |job: &pages::Job| -> anyhow::Result<Option<(String, u64)>> {
            self.check_stop()?;
            let fingerprint = match self.previous {
                // The digest first; the context, which costs far more, only for a change.
                Some(previous) => match site.digest(job, &self.jobs) {
                    (path, Some(digest)) if previous.pages.get(&path) == Some(&digest) => {
                        return Ok(Some((path, digest)));
                    }
                    (path, digest) => digest.map(|digest| (path, digest)),
                },
                None => None,
            };
            // One buffer per thread, reused from page to page.
            thread_local! {
                static PAGE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
            }
            PAGE.with_borrow_mut(|text| {
                let path = site.render(job, &self.jobs, text)?;
                sink.write(&path, text)
            })?;
            Ok(fingerprint)
        };
        let (pages, model) = rayon::join(
            || {
                self.jobs
                    .par_iter()
                    .map(page)
                    .collect::<anyhow::Result<Vec<_>>>()
            },
            || {
                sink.write_with("dossier.json", &mut |out| {
                    json::write_model_json(self.dossier, out)
                })?;
                sink.write(search::INDEX_PATH, site.search_index()?.as_bytes())?;
                extras::write(self.dossier, self.templates, sink)
            },
        );
        let pages = pages?;
        model?;
        self.check_stop()?;
        self.assets
            .par_iter()
            .try_for_each(|asset| sink.write(&asset.path, &asset.bytes))?;
        Ok(Fingerprints {
            pages: pages.into_iter().flatten().collect(),
        })
    }

    /// The bytes of the file at `path`, as a full render writes them (a page is
    /// rendered even when unchanged, which costs less than gathering the digests its
    /// comparison needs), or `None` when there is no file there.
    pub fn file(&self, path: &str) -> anyhow::Result<Option<Vec<u8>>> {
        // The assets are written last: one takes the place of any other file.
        if let Some(asset) = self.assets.iter().find(|asset| asset.path == path) {
            return Ok(Some(asset.bytes.clone()));
        }
        if path == "dossier.json" {
            let mut bytes = Vec::new();
            json::write_model_json(self.dossier, &mut bytes)?;
            return Ok(Some(bytes));
        }
        if let Some(bytes) = extras::file(self.dossier, self.templates, path)? {
            return Ok(Some(bytes));
        }
        let site = self
            .alone
            .get_or_init(|| pages::Site::new(self.dossier, self.templates, self.settings, None));
        if path == search::INDEX_PATH {
            return Ok(Some(site.search_index()?.into_bytes()));
        }
        let Some(&at) = self.pages().get(path) else {
            return Ok(None);
        };
        let mut text = Vec::new();
        site.render(&self.jobs[at], &self.jobs, &mut text)?;
        Ok(Some(text))
    }

    /// The index in `jobs` of each page, by output path.
    fn pages(&self) -> &HashMap<String, usize> {
        self.by_path.get_or_init(|| {
            let paths = self.jobs.iter().map(|job| job.path(self.dossier));
            paths.enumerate().map(|(at, path)| (path, at)).collect()
        })
    }
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
            base_url: None,
        };
        let (dossier, assets) =
            crate::cmd::resolve_site(&args, None, &mut Diagnostics::default()).unwrap();
        (dossier, assets, Templates::load(root).unwrap())
    }

    /// An incremental render, completed with the previous render's pages, is a full
    /// render; and so is each file made on its own.
    #[test]
    fn a_render_makes_exactly_the_pages_whose_inputs_changed() {
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
        let none = Fingerprints::default();
        let fingerprints = Render::new(&dossier, &templates, &assets, &settings, Some(&none))
            .write(&first)
            .unwrap();
        let first = first.0.into_inner().unwrap();

        std::fs::write(
            briefings.join("b.md"),
            "---\ntitle: Second\ndate: 2025-02-01\ntopics: [ceasefire]\n---\nEdited body.\n",
        )
        .unwrap();
        let (dossier, assets, templates) = resolved(root);
        let second = Files::default();
        let render = Render::new(
            &dossier,
            &templates,
            &assets,
            &settings,
            Some(&fingerprints),
        );
        render.write(&second).unwrap();
        let mut second = second.0.into_inner().unwrap();
        let rendered: Vec<&str> = second
            .keys()
            .map(String::as_str)
            // The feeds of actors and topics are always written, as dossier.json.
            .filter(|p| p.ends_with(".html") || p.ends_with(".xml"))
            .filter(|p| !p.ends_with("/feed.xml"))
            .collect();
        assert_eq!(rendered, ["briefings/b/index.html"]);
        for (path, bytes) in &first {
            second.entry(path.clone()).or_insert_with(|| bytes.clone());
        }
        let full = Files::default();
        render_site(&dossier, &templates, &assets, &settings, &full).unwrap();
        let full = full.0.into_inner().unwrap();
        assert!(second == full);

        for (path, bytes) in &full {
            assert!(render.file(path).unwrap().as_ref() == Some(bytes), "{path}");
        }
        assert_eq!(render.file("briefings/a/other.html").unwrap(), None);
    }
}
