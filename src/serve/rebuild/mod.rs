//! `dossier serve`'s incremental rebuilds: the stages of [`crate::pipeline`],
//! memoized from the outside through their narrow hooks (a file parsed, a text
//! rendered, a page rendered), so that a save re-does only what it changed.
//!
//! The stages never know that they are memoized; these modules never decide what a
//! stage makes, only whether it was made already. [`Rebuilder`] does what a batch of
//! changes needs (a `Work`, decided from the change and where the rebuilds stand, a
//! `State`): a static file re-reads the static files, a template re-renders the last
//! good model, content or configuration resolve it anew; after a failure, any change
//! reads every source again. Once the new model is
//! resolved it is served, each page rendered alone when it is asked for, while the
//! whole site is rendered; the finished site then takes its place. A rebuild that
//! fails keeps the last good site served and shows why.

pub mod batch;
mod links;
pub mod memo;
pub mod parsed;
pub mod render;
pub mod resolve;
mod state;
pub mod watch;

#[cfg(test)]
mod tests;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use axum::body::Bytes;

use crate::cli::SiteArgs;
use crate::diagnostics::Diagnostics;
use crate::model::Dossier;
use crate::pipeline::{content_failure, count};
use crate::render::{Asset, RenderSettings, Rendering, Sink, Stopped, Templates, collect_assets};
use crate::serve::{BuiltSite, LIVE_RELOAD_TAG, MemorySink, Outcome, Pending, Server};
use batch::Change;
use render::{Memo as PageMemo, PageDigests};
use resolve::Memos;
use state::{Served, State, Work};

/// Why a rebuild produced no site.
enum Failed {
    /// The content or the templates have errors, shown already; the last good site stays.
    Shown,
    /// Usage or I/O (no content/ folder): fatal before the server starts, not yet shown.
    Fatal(anyhow::Error),
    /// A newer change came while the site was being rendered: the rebuild stopped,
    /// for the next one to make the site of both changes.
    Stopped,
}

/// What a rebuild did, as it printed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuilt {
    /// The site of the change is served; the open pages were told this.
    Served(Outcome),
    /// The change has errors, shown; the last good site is still served.
    Failed,
    /// A newer change came while the site was rendered: the next rebuild makes the site
    /// of both.
    Stopped,
}

/// What tells a rebuild under way that a newer change came, so that it stops: the
/// watcher's flag, set by each event that changes a source.
pub trait Newer: Send + Sync {
    /// True once a source changed since this rebuild started.
    fn came(&self) -> bool;
}

impl Newer for AtomicBool {
    fn came(&self) -> bool {
        self.load(Ordering::SeqCst)
    }
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
    state: State,
    /// The content files parsed, and their texts rendered, by the last builds.
    memos: Memos,
    /// Says when a source changed since this rebuild started.
    newer: Arc<dyn Newer>,
}

impl Rebuilder {
    /// The rebuilds of the site `args` names; `newer` says when a source changed since
    /// a rebuild started.
    pub fn new(args: SiteArgs, newer: Arc<dyn Newer>) -> Rebuilder {
        Rebuilder {
            args,
            settings: RenderSettings {
                live_reload: LIVE_RELOAD_TAG.to_string(),
            },
            state: State::Unbuilt,
            memos: Memos::default(),
            newer,
        }
    }

    /// Rebuilds what `change` affects and serves the result, or shows why it failed.
    pub fn apply(&mut self, change: &Change, server: &Server) -> Rebuilt {
        let started = Instant::now();
        for path in &change.content {
            self.memos.parsed.forget(path);
        }
        if change.rescan {
            self.memos.parsed.rescan();
        }
        if change.templates {
            self.state.forget_templates();
        }
        let result = match self.state.work(change) {
            Work::Full { unless_unchanged } => self.full(server, unless_unchanged),
            Work::Templates => self.templates(server),
            Work::Statics => self.statics(server),
        };
        if result.is_err() {
            self.state.fall_behind();
        }
        // The links of a new site are checked once it is served (its pages reload
        // first), as `build` checks them: the problems show in the terminal and over
        // the open pages.
        if matches!(result, Ok(Outcome::Reload | Outcome::Stylesheets)) {
            self.check_links(server);
        }
        let elapsed = started.elapsed().as_millis();
        match result {
            Ok(outcome) => {
                let told = match outcome {
                    Outcome::Unchanged => "nothing changed",
                    Outcome::Stylesheets => "stylesheets swapped",
                    Outcome::Reload => "pages reloaded",
                };
                eprintln!("Rebuilt in {elapsed} ms: {told}");
                Rebuilt::Served(outcome)
            }
            // The server runs: a missing folder is shown like any other error.
            Err(Failed::Fatal(error)) => {
                self.fail(server, format!("error: {error:#}"));
                Rebuilt::Failed
            }
            Err(Failed::Shown) => Rebuilt::Failed,
            Err(Failed::Stopped) => {
                // Only a render served while it is made stops: its pages were told.
                eprintln!(
                    "Rebuild stopped after {elapsed} ms, pages reloaded: a newer change follows"
                );
                Rebuilt::Stopped
            }
        }
    }

    /// The first build, before the server starts: a usage or I/O error ends `serve`.
    pub fn first(&mut self, server: &Server) -> anyhow::Result<()> {
        match self.full(server, false) {
            Err(Failed::Fatal(error)) => Err(error),
            Ok(_) => {
                self.check_links(server);
                Ok(())
            }
            Err(_) => Ok(()),
        }
    }

    /// Checks every internal link and id of the site served, as `build` does: prints
    /// each broken one (a warning, or an error with `strict`) and shows them over the
    /// open pages; the site stays served either way.
    fn check_links(&self, server: &Server) {
        let Some(served) = self.state.served() else {
            return;
        };
        let strict = self.args.strict || served.dossier.config.strict;
        let diagnostics = links::check(&served.site, &served.dossier, &self.args.root, strict);
        let report = links::report(&diagnostics);
        if report.is_empty() {
            server.problems(None);
            return;
        }
        crate::pipeline::report(&diagnostics);
        server.problems(Some(&report));
    }

    /// Reads (what changed), resolves and renders (what changed) the whole site. With
    /// `unless_unchanged`, a save that changed no byte of any content file leaves the
    /// served site as it is.
    fn full(&mut self, server: &Server, unless_unchanged: bool) -> Result<Outcome, Failed> {
        let mut diagnostics = Diagnostics::default();
        let Some((dossier, assets)) = self
            .memos
            .resolve(&self.args, unless_unchanged, &mut diagnostics)
            .map_err(Failed::Fatal)?
        else {
            return Ok(Outcome::Unchanged);
        };
        self.check(&diagnostics, server)?;
        let words = &dossier.config.interface;
        server.set_words(crate::serve::Words {
            failed: words.raw("serve.failed").to_string(),
            problems: words.raw("serve.problems").to_string(),
            hide: words.raw("serve.hide").to_string(),
        });
        // The templates are read again only when they, or the interface strings they
        // show, changed; the pages' digests do not hold those strings.
        let stale = self
            .state
            .served()
            .and_then(|served| served.templates.as_ref())
            .is_some_and(|kept| kept.interfaces() != dossier.config.interfaces().as_slice());
        if stale {
            self.state.forget_templates();
        }
        let kept = self
            .state
            .served()
            .and_then(|served| served.templates.clone());
        let templates = match kept {
            Some(templates) => templates,
            None => self.load_templates(&dossier.config.interfaces(), server)?,
        };
        let rendered = self.render(&dossier, &templates, &assets, server)?;
        if self.state.served().is_none() {
            eprintln!(
                "Built {}, {}, {}, {} ({} files) in memory",
                count(dossier.briefings.len(), "briefing"),
                count(dossier.actors.len(), "actor"),
                count(dossier.topics.len(), "topic"),
                count(dossier.meetings.len(), "meeting"),
                rendered.site.len()
            );
        }
        let served = Served {
            dossier,
            assets,
            templates: Some(templates),
            site: rendered.site,
            fingerprints: rendered.fingerprints,
        };
        Ok(self.publish(served, rendered.previewed, server))
    }

    /// Reloads the templates and renders the served model with them.
    fn templates(&mut self, server: &Server) -> Result<Outcome, Failed> {
        let Some(served) = self.state.served() else {
            return self.full(server, false);
        };
        let templates = self.load_templates(&served.dossier.config.interfaces(), server)?;
        let rendered = self.render(&served.dossier, &templates, &served.assets, server)?;
        let Some(served) = std::mem::take(&mut self.state).into_served() else {
            return self.full(server, false);
        };
        let served = Served {
            templates: Some(templates),
            site: rendered.site,
            fingerprints: rendered.fingerprints,
            ..served
        };
        Ok(self.publish(served, rendered.previewed, server))
    }

    /// Reads the static files again and swaps them into the served site; pages are
    /// rendered only where a static file replaces (or replaced) one.
    fn statics(&mut self, server: &Server) -> Result<Outcome, Failed> {
        let mut diagnostics = Diagnostics::default();
        let assets = collect_assets(&self.args.root, &mut diagnostics).map_err(Failed::Fatal)?;
        let Some(served) = self.state.served() else {
            return self.full(server, false);
        };
        let Some(templates) = &served.templates else {
            return self.full(server, false);
        };
        crate::pipeline::warn_of_replaced_pages(&served.dossier, &assets, &mut diagnostics);
        if self.args.strict || served.dossier.config.strict {
            diagnostics.make_strict();
        }
        self.check(&diagnostics, server)?;
        let old: Vec<&str> = served.assets.iter().map(|a| a.path.as_str()).collect();
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
            if extra_css_toggled || !crate::render::replaced(&served.dossier, &either).is_empty() {
                self.render(&served.dossier, templates, &assets, server)?
            } else {
                let new: Vec<(String, Bytes)> = assets
                    .iter()
                    .map(|a| (a.path.clone(), Bytes::copy_from_slice(&a.bytes)))
                    .collect();
                Finished {
                    site: Arc::new(served.site.with_assets(&old, &new)),
                    fingerprints: served.fingerprints.clone(),
                    previewed: false,
                }
            };
        let Some(served) = std::mem::take(&mut self.state).into_served() else {
            return self.full(server, false);
        };
        let served = Served {
            assets,
            site: rendered.site,
            fingerprints: rendered.fingerprints,
            ..served
        };
        Ok(self.publish(served, rendered.previewed, server))
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
    ) -> Result<Finished, Failed> {
        // A page that a static file replaced has no digest: it is rendered when the
        // static file is gone.
        let previous = match self.state.served() {
            Some(served) => served.fingerprints.clone(),
            None => PageDigests::default(),
        };
        let render = crate::render::render(dossier, templates, assets, &self.settings);
        if self.state.served().is_none() {
            let memo = PageMemo {
                held: &previous,
                stop: None,
            };
            return self.finish(&render, &memo, server);
        }
        let memo = PageMemo {
            held: &previous,
            stop: Some(&*self.newer),
        };
        let (pending, requests) = Pending::new();
        let pending = Arc::new(pending);
        std::thread::scope(|scope| {
            scope.spawn(|| requests.answer(|path| Ok(render.file(path)?.map(Bytes::from))));
            server.preview(pending.clone());
            let finished = self.finish(&render, &memo, server);
            server.settle(match &finished {
                Ok(rendered) => rendered.site.clone(),
                Err(_) => self.state.site(),
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
    /// comes fails with [`Failed::Stopped`] when one came.
    fn finish(
        &self,
        render: &Rendering,
        memo: &PageMemo,
        server: &Server,
    ) -> Result<Finished, Failed> {
        let fail = |error: anyhow::Error| match error.downcast_ref::<Stopped>() {
            Some(Stopped) => Failed::Stopped,
            None => self.fail(server, crate::pipeline::template_report(&error)),
        };
        let memory = MemorySink::default();
        let fingerprints = PageDigests::new(render.write_with(&memory, memo).map_err(fail)?);
        // A page unchanged that the served site lacks is rendered after all.
        for path in memory.carry_over(&self.state.site(), fingerprints.paths()) {
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

    /// Serves the site `served`, unless it was `previewed`: served while it was
    /// rendered.
    fn publish(&mut self, served: Served, previewed: bool, server: &Server) -> Outcome {
        let site = served.site.clone();
        self.state = State::Current(served);
        if previewed {
            Outcome::Reload
        } else {
            server.publish(site)
        }
    }

    /// Prints the warnings, or fails when there is an error.
    fn check(&self, diagnostics: &Diagnostics, server: &Server) -> Result<(), Failed> {
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

    fn load_templates(
        &self,
        interfaces: &[Arc<crate::i18n::Interface>],
        server: &Server,
    ) -> Result<Templates, Failed> {
        Templates::load_in(&self.args.root, interfaces)
            .map_err(|error| self.fail(server, crate::pipeline::template_report(&error)))
    }

    /// Prints `error` and shows it over the open pages; the last good site stays.
    fn fail(&self, server: &Server, error: String) -> Failed {
        eprintln!("{error}");
        eprintln!("The last good build is still served.");
        server.fail(&error);
        Failed::Shown
    }
}
