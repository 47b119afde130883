//! `dossier serve`'s incremental rebuilds: the stages of [`crate::pipeline`],
//! memoized from the outside through their narrow hooks (a file parsed, a text
//! rendered, a page rendered), so that a save re-does only what it changed.
//!
//! The stages never know that they are memoized; these modules never decide what a
//! stage makes, only whether it was made already. [`Rebuilder`] does what a batch of
//! changes needs: a static file re-reads the static files, a template re-renders the
//! last good model, content or configuration resolve it anew. Once the new model is
//! resolved it is served, each page rendered alone when it is asked for, while the
//! whole site is rendered; the finished site then takes its place. A rebuild that
//! fails keeps the last good site served and shows why.

pub mod batch;
pub mod memo;
pub mod parsed;
pub mod render;
pub mod resolve;
pub mod watch;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use axum::body::Bytes;

use crate::cli::SiteArgs;
use crate::diagnostics::Diagnostics;
use crate::model::Dossier;
use crate::pipeline::{Loaded, content_failure, count};
use crate::render::{Asset, RenderSettings, Rendering, Sink, Templates, collect_assets};
use crate::serve::{BuiltSite, LIVE_RELOAD_TAG, MemorySink, Outcome, Pending, Server};
use batch::Change;
use render::{Memo as PageMemo, PageDigests};
use resolve::Memos;

/// Why a build produced no site.
enum Failure {
    /// The content or the templates have errors, shown already; the last good site stays.
    Shown,
    /// Usage or I/O (no content/ folder): fatal before the server starts, not yet shown.
    Fatal(anyhow::Error),
    /// A newer change came while the site was being rendered: the rebuild stopped,
    /// for the next one to make the site of both changes.
    Stopped,
}

/// A site rendered in memory, finished.
struct Finished {
    site: Arc<BuiltSite>,
    /// What each of its pages was rendered from.
    fingerprints: PageDigests,
    /// True when it was served, and the pages told, while it was rendered.
    previewed: bool,
}

/// The state kept between rebuilds.
pub struct Rebuilder {
    args: SiteArgs,
    settings: RenderSettings,
    /// The model, templates and assets of the site being served.
    last: Option<Loaded>,
    /// True when the last rebuild failed: the next one starts from the sources.
    broken: bool,
    /// The content files parsed, and their texts rendered, by the last builds.
    memos: Memos,
    /// The site served, once finished (empty before the first build).
    site: Arc<BuiltSite>,
    /// What each page of the served site was rendered from.
    fingerprints: PageDigests,
    /// True when the templates changed since the served site was rendered, so that
    /// its fingerprints say nothing about the next render.
    templates_changed: bool,
    /// Set when a source changed since this rebuild started.
    newer: Arc<AtomicBool>,
}

impl Rebuilder {
    /// The rebuilds of the site `args` names; `newer` is set when a source changed
    /// since a rebuild started.
    pub fn new(args: SiteArgs, newer: Arc<AtomicBool>) -> Rebuilder {
        Rebuilder {
            args,
            settings: RenderSettings {
                live_reload: LIVE_RELOAD_TAG.to_string(),
            },
            last: None,
            broken: false,
            memos: Memos::default(),
            site: Arc::default(),
            fingerprints: PageDigests::default(),
            templates_changed: false,
            newer,
        }
    }

    /// Rebuilds what `change` affects and serves the result, or shows why it failed.
    pub fn apply(&mut self, change: &Change, server: &Server) {
        let started = Instant::now();
        self.templates_changed |= change.templates;
        for path in &change.content {
            self.memos.parsed.forget(path);
        }
        if change.rescan {
            self.memos.parsed.rescan();
        }
        let sources_changed =
            self.broken || change.config || change.rescan || !change.content.is_empty();
        let result = if sources_changed || self.last.is_none() {
            self.full(server, change.content_only())
        } else if change.templates {
            self.templates(server)
        } else {
            self.statics(server)
        };
        let elapsed = started.elapsed().as_millis();
        self.broken = result.is_err();
        match result {
            Ok(Outcome::Unchanged) => eprintln!("Rebuilt in {elapsed} ms: nothing changed"),
            Ok(Outcome::Stylesheets) => {
                eprintln!("Rebuilt in {elapsed} ms: stylesheets swapped")
            }
            Ok(Outcome::Reload) => eprintln!("Rebuilt in {elapsed} ms: pages reloaded"),
            // The server runs: a missing folder is shown like any other error.
            Err(Failure::Fatal(error)) => {
                self.fail(server, format!("error: {error:#}"));
            }
            Err(Failure::Shown) => {}
            Err(Failure::Stopped) => {
                // Only a render served while it is made stops: its pages were told.
                eprintln!(
                    "Rebuild stopped after {elapsed} ms, pages reloaded: a newer change follows"
                )
            }
        }
    }

    /// The first build, before the server starts: a usage or I/O error ends `serve`.
    pub fn first(&mut self, server: &Server) -> anyhow::Result<()> {
        match self.full(server, false) {
            Err(Failure::Fatal(error)) => Err(error),
            _ => Ok(()),
        }
    }

    /// Reads (what changed), resolves and renders (what changed) the whole site. With
    /// `content_only` (only content files changed), a save that changed no byte of any
    /// of them leaves the served site as it is.
    fn full(&mut self, server: &Server, content_only: bool) -> Result<Outcome, Failure> {
        let mut diagnostics = Diagnostics::default();
        let unless_unchanged = content_only && !self.broken && self.last.is_some();
        let Some((dossier, assets)) = self
            .memos
            .resolve(&self.args, unless_unchanged, &mut diagnostics)
            .map_err(Failure::Fatal)?
        else {
            return Ok(Outcome::Unchanged);
        };
        self.check(&diagnostics, server)?;
        // The templates are read again only when they changed.
        let templates = match &self.last {
            Some(last) if !self.templates_changed => last.templates.clone(),
            _ => self.load_templates(server)?,
        };
        let rendered = self.render(&dossier, &templates, &assets, server)?;
        if self.site.is_empty() {
            eprintln!(
                "Built {}, {}, {}, {} ({} files) in memory",
                count(dossier.briefings.len(), "briefing"),
                count(dossier.actors.len(), "actor"),
                count(dossier.topics.len(), "topic"),
                count(dossier.meetings.len(), "meeting"),
                rendered.site.len()
            );
        }
        self.last = Some(Loaded {
            dossier,
            templates,
            assets,
        });
        Ok(self.publish(rendered, server))
    }

    /// Reloads the templates and renders the served model with them.
    fn templates(&mut self, server: &Server) -> Result<Outcome, Failure> {
        let templates = self.load_templates(server)?;
        let Some(last) = &self.last else {
            return self.full(server, false);
        };
        let rendered = self.render(&last.dossier, &templates, &last.assets, server)?;
        if let Some(last) = &mut self.last {
            last.templates = templates;
        }
        Ok(self.publish(rendered, server))
    }

    /// Reads the static files again and swaps them into the served site; pages are
    /// rendered only where a static file replaces (or replaced) one.
    fn statics(&mut self, server: &Server) -> Result<Outcome, Failure> {
        let mut diagnostics = Diagnostics::default();
        let assets = collect_assets(&self.args.root, &mut diagnostics).map_err(Failure::Fatal)?;
        let Some(last) = &self.last else {
            return self.full(server, false);
        };
        crate::pipeline::warn_of_replaced_pages(&last.dossier, &assets, &mut diagnostics);
        if self.args.strict || last.dossier.config.strict {
            diagnostics.make_strict();
        }
        self.check(&diagnostics, server)?;
        let old: Vec<&str> = last.assets.iter().map(|a| a.path.as_str()).collect();
        let either: Vec<&str> = old
            .iter()
            .copied()
            .chain(assets.iter().map(|a| a.path.as_str()))
            .collect();
        // A static file that replaces (or replaced) a generated one changes what the
        // render makes; so does a site's extra stylesheet that comes or goes, since
        // every page links it only when there is one.
        let extra_css = crate::render::EXTRA_CSS;
        let extra_css_toggled =
            old.contains(&extra_css) != assets.iter().any(|a| a.path == extra_css);
        let rendered =
            if extra_css_toggled || !crate::render::replaced(&last.dossier, &either).is_empty() {
                self.render(&last.dossier, &last.templates, &assets, server)?
            } else {
                let new: Vec<(String, Bytes)> = assets
                    .iter()
                    .map(|a| (a.path.clone(), Bytes::copy_from_slice(&a.bytes)))
                    .collect();
                Finished {
                    site: Arc::new(self.site.with_assets(&old, &new)),
                    fingerprints: std::mem::take(&mut self.fingerprints),
                    previewed: false,
                }
            };
        if let Some(last) = &mut self.last {
            last.assets = assets;
        }
        Ok(self.publish(rendered, server))
    }

    /// Renders into memory the pages whose inputs changed since the served site was
    /// rendered, and takes the others from the served site. Unless it is the first
    /// build, the new build is served while it is rendered, each file made when it is
    /// asked for: the page being edited shows before every page is compared.
    fn render(
        &self,
        dossier: &Dossier,
        templates: &Templates,
        assets: &[Asset],
        server: &Server,
    ) -> Result<Finished, Failure> {
        // A page that a static file replaced has no digest: it is rendered when the
        // static file is gone.
        let previous = if self.templates_changed || self.site.is_empty() {
            PageDigests::default()
        } else {
            self.fingerprints.clone()
        };
        let render = crate::render::render(dossier, templates, assets, &self.settings);
        if self.site.is_empty() {
            let memo = PageMemo {
                held: &previous,
                stop: None,
            };
            return self.finish(&render, &memo, server);
        }
        let memo = PageMemo {
            held: &previous,
            stop: Some(&self.newer),
        };
        let (pending, requests) = Pending::new();
        let pending = Arc::new(pending);
        std::thread::scope(|scope| {
            scope.spawn(|| requests.answer(|path| Ok(render.file(path)?.map(Bytes::from))));
            server.preview(pending.clone());
            let finished = self.finish(&render, &memo, server);
            server.settle(match &finished {
                Ok(rendered) => rendered.site.clone(),
                Err(_) => self.site.clone(),
            });
            pending.close();
            finished.map(|rendered| Finished {
                previewed: true,
                ..rendered
            })
        })
    }

    /// Renders every file of `render` that changed into a new site, the others
    /// taken from the served one. A render that `memo` stops when a newer change
    /// comes fails with [`Failure::Stopped`] when one came.
    fn finish(
        &self,
        render: &Rendering,
        memo: &PageMemo,
        server: &Server,
    ) -> Result<Finished, Failure> {
        let fail = |error: anyhow::Error| match self.newer.load(Ordering::SeqCst) {
            true if !self.site.is_empty() => Failure::Stopped,
            _ => self.fail(server, crate::pipeline::template_report(&error)),
        };
        let memory = MemorySink::default();
        let fingerprints = PageDigests::new(render.write_with(&memory, memo).map_err(fail)?);
        // A page unchanged that the served site lacks is rendered after all.
        for path in memory.carry_over(&self.site, fingerprints.paths()) {
            if let Some(bytes) = render.file(path).map_err(fail)? {
                memory.write(path, &bytes).map_err(fail)?;
            }
        }
        Ok(Finished {
            site: Arc::new(memory.finish()),
            fingerprints,
            previewed: false,
        })
    }

    /// Serves the site `rendered`, unless it was served while it was rendered.
    fn publish(&mut self, rendered: Finished, server: &Server) -> Outcome {
        self.fingerprints = rendered.fingerprints;
        self.templates_changed = false;
        self.site = rendered.site.clone();
        if rendered.previewed {
            Outcome::Reload
        } else {
            server.publish(rendered.site)
        }
    }

    /// Prints the warnings, or fails when there is an error.
    fn check(&self, diagnostics: &Diagnostics, server: &Server) -> Result<(), Failure> {
        let report: String = diagnostics
            .sorted()
            .iter()
            .map(|d| format!("{d}\n"))
            .collect();
        if diagnostics.has_errors() {
            let failure = content_failure(diagnostics);
            return Err(self.fail(server, format!("{report}error: {failure}")));
        }
        eprint!("{report}");
        Ok(())
    }

    fn load_templates(&self, server: &Server) -> Result<Templates, Failure> {
        Templates::load(&self.args.root)
            .map_err(|error| self.fail(server, crate::pipeline::template_report(&error)))
    }

    /// Prints `error` and shows it over the open pages; the last good site stays.
    fn fail(&self, server: &Server, error: String) -> Failure {
        eprintln!("{error}");
        eprintln!("The last good build is still served.");
        server.fail(&error);
        Failure::Shown
    }
}
