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
mod languages;
mod network;
mod pages;
pub mod search;
mod templates;
pub mod views;

pub use assets::{Asset, collect as collect_assets, embedded as embedded_asset};
pub use templates::{TemplateErrors, Templates};

use std::collections::HashMap;
use std::sync::OnceLock;

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

/// A site's own stylesheet (`static/extra.css`): when there is one, every page links
/// it after the default `style.css`, so that a rule of the site's needs no copy of the
/// default stylesheet.
pub const EXTRA_CSS: &str = "extra.css";

/// The render stage: the site of `dossier` with `templates`, ready to be written
/// (by `output::write`, or into any [`Sink`]). Preparing it costs little: the pages
/// are made as they are written.
pub fn render<'a>(
    dossier: &'a Dossier,
    templates: &'a Templates,
    assets: &'a [Asset],
    settings: &'a RenderSettings,
) -> Rendering<'a> {
    let jobs = pages::jobs(dossier);
    let statics: Vec<&str> = assets.iter().map(|asset| asset.path.as_str()).collect();
    let replaced = replaced_by_statics(dossier, &jobs, &statics)
        .into_iter()
        .map(str::to_string)
        .collect();
    // Each further language of a translated site: the same tree under `<language>/`.
    let trees = dossier
        .languages
        .trees
        .iter()
        .map(|tree| {
            let prefix = format!("{}/", tree.config.language);
            (prefix, render(tree, templates, assets, settings))
        })
        .collect();
    Rendering {
        dossier,
        templates,
        settings,
        assets,
        jobs,
        trees,
        replaced,
        site: OnceLock::new(),
        alone: OnceLock::new(),
        by_path: OnceLock::new(),
    }
}

/// The rule of static files over generated ones, in one place: a static file at the
/// path of a file that the render generates (a page, `dossier.json`, the search
/// index, `robots.txt`, a feed, a calendar) replaces it, and the generated one is not
/// made. Of `statics` (output
/// paths of static files), those that replace a generated file.
pub fn replaced<'s>(dossier: &Dossier, statics: &[&'s str]) -> Vec<&'s str> {
    if !statics.iter().copied().any(could_be_generated) {
        return Vec::new();
    }
    replaced_by_statics(dossier, &pages::jobs(dossier), statics)
}

/// True when `path` could be a generated file's: every page and feed is `.html` or
/// `.xml`, every calendar `.ics`.
fn could_be_generated(path: &str) -> bool {
    path == "dossier.json"
        || path == "robots.txt"
        || search::is_index_path(path)
        || path.ends_with(".html")
        || path.ends_with(".xml")
        || path.ends_with(".ics")
}

/// The generated files that are not pages: the model, the search index, and the
/// files for other programs (`robots.txt`, feeds, calendars).
fn is_generated_file(dossier: &Dossier, path: &str) -> bool {
    path == "dossier.json" || search::is_index_path(path) || extras::is_extra(dossier, path)
}

fn replaced_by_statics<'s>(
    dossier: &Dossier,
    jobs: &[pages::Job],
    statics: &[&'s str],
) -> Vec<&'s str> {
    // Most sites have no static file that could be a page, and need not list them.
    let candidates: Vec<&str> = statics
        .iter()
        .copied()
        .filter(|path| could_be_generated(path))
        .collect();
    if candidates.is_empty() {
        return candidates;
    }
    let pages: std::collections::HashSet<String> =
        jobs.iter().map(|job| job.path(dossier)).collect();
    candidates
        .into_iter()
        .filter(|path| is_generated_file(dossier, path) || pages.contains(*path))
        .collect()
}

/// The pages' results, or their first error; when templates fail, every template
/// that fails, each at the first page (in the order of the pages) it fails on.
fn every_template_error<T>(results: Vec<anyhow::Result<T>>) -> anyhow::Result<Vec<T>> {
    if results.iter().all(Result::is_ok) {
        return Ok(results.into_iter().flatten().collect());
    }
    let mut failed: Option<TemplateErrors> = None;
    for result in results {
        let Err(error) = result else { continue };
        let error = error.downcast::<TemplateErrors>()?;
        match &mut failed {
            None => failed = Some(error),
            Some(failed) => {
                for diagnostic in error.diagnostics {
                    let seen = failed
                        .diagnostics
                        .iter()
                        .any(|d| d.path == diagnostic.path && d.line == diagnostic.line);
                    if !seen {
                        failed.diagnostics.push(diagnostic);
                    }
                }
            }
        }
    }
    match failed {
        Some(failed) => Err(failed.into()),
        None => Ok(Vec::new()),
    }
}

/// What a render asks of its caller page by page: a build renders every page
/// ([`EveryPage`]); `dossier serve` skips the pages it holds already, and stops when
/// the render is out of date. The render does not know why.
pub trait PageMemo: Sync {
    /// True when each page's inputs are to be digested and offered to
    /// [`PageMemo::holds`] before the page is rendered.
    fn digests(&self) -> bool {
        false
    }

    /// True when the caller holds the page at `path` rendered from inputs with this
    /// `digest`: it is neither rendered nor written.
    fn holds(&self, _path: &str, _digest: u64) -> bool {
        false
    }

    /// True once the render is to stop ([`Stopped`]).
    fn stopped(&self) -> bool {
        false
    }
}

/// Every page rendered and written: the build's [`PageMemo`].
pub struct EveryPage;

impl PageMemo for EveryPage {}

/// The error of a render stopped by its [`PageMemo`].
#[derive(Debug)]
pub struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the render stopped: a newer change came")
    }
}

impl std::error::Error for Stopped {}

/// One render of a dossier: every file at once ([`Rendering::write`]), or any one file
/// by its path ([`Rendering::file`]), so that `dossier serve` can answer a request for a
/// page while the whole render is still being made. Both make the same bytes.
pub struct Rendering<'a> {
    dossier: &'a Dossier,
    templates: &'a Templates,
    settings: &'a RenderSettings,
    assets: &'a [Asset],
    jobs: Vec<pages::Job>,
    /// The tree of each further language of a translated site, with its folder
    /// (`uk/`): a whole site of its own, its links relative, written under the folder.
    trees: Vec<(String, Rendering<'a>)>,
    /// The generated files that static files replace ([`replaced`]), not made.
    replaced: std::collections::HashSet<String>,
    /// What every page needs, with the views that many pages share: made on first use
    /// by [`Rendering::write`].
    site: OnceLock<pages::Site<'a>>,
    /// What every page needs, for pages rendered alone by [`Rendering::file`]: made on
    /// first use, without the shared views, which cost more than a page.
    alone: OnceLock<pages::Site<'a>>,
    /// The index in `jobs` of each page, by output path: made on first use, since
    /// only [`Rendering::file`] looks pages up.
    by_path: OnceLock<HashMap<String, usize>>,
}

impl<'a> Rendering<'a> {
    /// How many pages [`Rendering::write`] renders (for a progress bar).
    pub fn page_count(&self) -> usize {
        let trees: usize = self.trees.iter().map(|(_, tree)| tree.page_count()).sum();
        self.jobs.len() + trees
    }

    /// True when the site has its own [`EXTRA_CSS`].
    fn extra_css(&self) -> bool {
        self.assets.iter().any(|asset| asset.path == EXTRA_CSS)
    }

    /// Writes every file into `sink`: the pages, `dossier.json` and the search index
    /// alongside them, then the static files, each of which replaces a generated file
    /// at its path ([`replaced`]).
    pub fn write(&self, sink: &dyn Sink) -> anyhow::Result<()> {
        self.write_with(sink, &EveryPage).map(|_| ())
    }

    /// Writes like [`Rendering::write`], asking `memo` about each page; the output path
    /// and digest of each page, when `memo` asked for digests.
    pub fn write_with(
        &self,
        sink: &dyn Sink,
        memo: &dyn PageMemo,
    ) -> anyhow::Result<Vec<(String, u64)>> {
        let site = self.site.get_or_init(|| {
            let shared = views::Shared::new(self.dossier);
            pages::Site::new(
                self.dossier,
                self.templates,
                self.settings,
                self.extra_css(),
                Some(shared),
            )
        });
        let check_stop = || match memo.stopped() {
            true => Err(anyhow::Error::new(Stopped)),
            false => Ok(()),
        };
        let digests = memo.digests();
        let page = |job: &pages::Job| -> anyhow::Result<Option<(String, u64)>> {
            check_stop()?;
            if !self.replaced.is_empty() && self.replaced.contains(&job.path(self.dossier)) {
                return Ok(None);
            }
            let digest = match digests {
                // The digest first; the context, which costs far more, only for a change.
                true => match site.digest(job, &self.jobs) {
                    (path, Some(digest)) if memo.holds(&path, digest) => {
                        return Ok(Some((path, digest)));
                    }
                    (path, digest) => digest.map(|digest| (path, digest)),
                },
                false => None,
            };
            // One buffer per thread, reused from page to page.
            thread_local! {
                static PAGE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
            }
            PAGE.with_borrow_mut(|text| {
                let path = site.render(job, &self.jobs, text)?;
                sink.write(&path, text)
            })?;
            Ok(digest)
        };
        let (pages, model) = rayon::join(
            || every_template_error(self.jobs.par_iter().map(page).collect()),
            || {
                if !self.replaced.contains("dossier.json") {
                    sink.write_with("dossier.json", &mut |out| {
                        json::write_model_json(self.dossier, out)
                    })?;
                }
                // The index is written file by file as it is made, never held whole.
                search::write(
                    self.dossier,
                    &self.dossier.config.language,
                    &|path, text| match self.replaced.contains(path.as_str()) {
                        true => Ok(()),
                        false => sink.write(&path, text.as_bytes()),
                    },
                )?;
                extras::write(self.dossier, self.templates, sink, &self.replaced)
            },
        );
        let pages = pages?;
        model?;
        check_stop()?;
        self.assets
            .par_iter()
            .try_for_each(|asset| sink.write(&asset.path, &asset.bytes))?;
        let mut pages: Vec<(String, u64)> = pages.into_iter().flatten().collect();
        for (prefix, tree) in &self.trees {
            let sink = languages::Prefixed { sink, prefix };
            let memo = languages::PrefixedMemo { memo, prefix };
            let written = tree.write_with(&sink, &memo)?;
            pages.extend(
                written
                    .into_iter()
                    .map(|(path, digest)| (format!("{prefix}{path}"), digest)),
            );
        }
        Ok(pages)
    }

    /// The bytes of the file at `path`, as a full render writes them (a page is
    /// rendered even when unchanged, which costs less than gathering the digests its
    /// comparison needs), or `None` when there is no file there.
    pub fn file(&self, path: &str) -> anyhow::Result<Option<Vec<u8>>> {
        for (prefix, tree) in &self.trees {
            if let Some(rest) = path.strip_prefix(prefix.as_str()) {
                return tree.file(rest);
            }
        }
        // A static file takes the place of any generated one ([`replaced`]).
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
        let site = self.alone.get_or_init(|| {
            pages::Site::new(
                self.dossier,
                self.templates,
                self.settings,
                self.extra_css(),
                None,
            )
        });
        if search::is_index_path(path) {
            let index = site.search_index()?;
            return Ok(index.file(path).map(|text| text.as_bytes().to_vec()));
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
