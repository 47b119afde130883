//! `dossier serve`: build in memory, serve, watch the sources, rebuild on change.
//!
//! The build is the one `build` and `check` run (`resolve_site`, `Templates::load`,
//! `render_site`), into memory, with the live-reload tag in every page. A rebuild
//! does only what the change needs: a static file re-reads the static files, a
//! template re-renders the last good model, content or configuration resolve it anew.
//! A rebuild that fails keeps the last good site served and shows why.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::body::Bytes;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::{Loaded, content_failure, count, resolve_site};
use crate::cli::{ServeArgs, SiteArgs};
use crate::diagnostics::Diagnostics;
use crate::render::{Fingerprints, RenderSettings, Templates, collect_assets, render_changed};
use crate::serve::{Change, LIVE_RELOAD_TAG, MemorySite, Outcome, Server, Site, classify};

/// How long the sources must be quiet before a rebuild: long enough to merge an
/// editor's several writes and renames of one save into one rebuild.
const QUIET: Duration = Duration::from_millis(50);

/// The source folders watched recursively; `dossier.yaml` is watched through the root.
const SOURCE_FOLDERS: [&str; 3] = ["content", "templates", "static"];

/// Serves the site until Ctrl-C.
pub fn serve(args: &ServeArgs) -> anyhow::Result<()> {
    let root = std::path::absolute(&args.site.root)
        .with_context(|| format!("cannot find {}", args.site.root.display()))?;
    let site_args = SiteArgs {
        root: root.clone(),
        drafts: args.site.drafts,
        strict: args.site.strict,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    let listener = runtime.block_on(listen(SocketAddr::new(args.bind, args.port)))?;
    let address = listener
        .local_addr()
        .context("cannot read the server's address")?;

    // Watch before the first build, so that an edit made during it is not missed.
    let (events, batches) = mpsc::channel();
    let mut watcher = Watcher {
        debouncer: new_debouncer(QUIET, None, events).context("cannot watch the site")?,
        watched: HashSet::new(),
        root: root.clone(),
    };
    watcher.watch_sources();

    let mut rebuilder = Rebuilder::new(site_args);
    let server = Server::new(address, Site::default());
    let first = rebuilder.full(&server);
    if let Err(Failure::Fatal(error)) = first {
        return Err(error);
    }

    let url = format!("http://{address}/");
    println!("Serving at {url}");
    if !address.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}: other machines can read the site",
            address.ip()
        );
    }
    eprintln!("Watching content/, templates/, static/ and dossier.yaml. Press Ctrl-C to stop.");
    if args.open {
        open_in_browser(&url);
    }

    let watching = server.clone();
    std::thread::spawn(move || watcher.run(batches, &mut rebuilder, &watching));
    runtime
        .block_on(server.run(listener, async {
            let _ = tokio::signal::ctrl_c().await;
        }))
        .context("the server stopped")?;
    eprintln!("Stopped.");
    Ok(())
}

/// Binds the listening socket; a port in use is an error that names it.
async fn listen(address: SocketAddr) -> anyhow::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(address).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            anyhow::anyhow!(
                "cannot serve on {address}: port {} is in use; stop the program using it or choose another port with --port",
                address.port()
            )
        } else {
            anyhow::Error::new(e).context(format!("cannot serve on {address}"))
        }
    })
}

/// The file watcher and the folders it watches.
struct Watcher {
    debouncer: notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    watched: HashSet<PathBuf>,
    root: PathBuf,
}

impl Watcher {
    /// Watches the root (for `dossier.yaml` and new source folders) and each source
    /// folder that exists and is not watched yet.
    fn watch_sources(&mut self) {
        let folders = std::iter::once((self.root.clone(), RecursiveMode::NonRecursive)).chain(
            SOURCE_FOLDERS
                .iter()
                .map(|name| (self.root.join(name), RecursiveMode::Recursive)),
        );
        for (folder, mode) in folders {
            if !folder.is_dir() {
                self.watched.remove(&folder);
                continue;
            }
            if self.watched.contains(&folder) {
                continue;
            }
            match self.debouncer.watch(&folder, mode) {
                Ok(()) => {
                    self.watched.insert(folder);
                }
                Err(e) => eprintln!("warning: cannot watch {}: {e}", folder.display()),
            }
        }
    }

    /// Rebuilds after each batch of events until the server stops.
    fn run(
        mut self,
        batches: mpsc::Receiver<DebounceEventResult>,
        rebuilder: &mut Rebuilder,
        server: &Server,
    ) {
        while let Ok(batch) = batches.recv() {
            let mut events = Vec::new();
            let mut take = |batch: DebounceEventResult| match batch {
                Ok(batch) => events.extend(batch.into_iter().map(|e| e.event)),
                Err(errors) => {
                    for error in errors {
                        eprintln!("warning: watching the site: {error}");
                    }
                }
            };
            take(batch);
            // Batches already waiting join this rebuild.
            while let Ok(batch) = batches.try_recv() {
                take(batch);
            }
            self.watch_sources();
            let change = classify(&self.root, &events);
            if !change.is_empty() {
                rebuilder.apply(&change, server);
            }
        }
    }
}

/// Why a build produced no site.
enum Failure {
    /// The content or the templates have errors, shown already; the last good site stays.
    Shown,
    /// Usage or I/O (no content/ folder): fatal before the server starts, not yet shown.
    Fatal(anyhow::Error),
}

/// The state kept between rebuilds: what the last good build was made of.
struct Rebuilder {
    args: SiteArgs,
    settings: RenderSettings,
    /// The last good build's model, templates and assets; `None` while the last
    /// build failed, so that the next one starts from the sources.
    last: Option<Loaded>,
    /// The content files parsed so far.
    parsed: crate::content::Cache,
    /// What each page of the served site was rendered from.
    fingerprints: Fingerprints,
    /// True when the templates changed since the served site was rendered, so that
    /// its fingerprints say nothing about the next render.
    templates_changed: bool,
}

impl Rebuilder {
    fn new(args: SiteArgs) -> Rebuilder {
        Rebuilder {
            args,
            settings: RenderSettings {
                live_reload: LIVE_RELOAD_TAG.to_string(),
            },
            last: None,
            parsed: crate::content::Cache::default(),
            fingerprints: Fingerprints::default(),
            templates_changed: false,
        }
    }

    /// Rebuilds what `change` affects and serves the result, or shows why it failed.
    fn apply(&mut self, change: &Change, server: &Server) {
        let started = Instant::now();
        self.templates_changed |= change.templates;
        for path in &change.content {
            self.parsed.forget(path);
        }
        let result = match &self.last {
            Some(_) if !change.config && change.content.is_empty() && !change.templates => {
                self.statics(server)
            }
            Some(_) if !change.config && change.content.is_empty() => self.templates(server),
            _ => self.full(server),
        };
        let elapsed = started.elapsed().as_millis();
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
        }
    }

    /// Reads, resolves and renders everything.
    fn full(&mut self, server: &Server) -> Result<Outcome, Failure> {
        self.last = None;
        let mut diagnostics = Diagnostics::default();
        let resolved = resolve_site(&self.args, Some(&mut self.parsed), &mut diagnostics);
        let (dossier, assets) = match resolved {
            Ok(resolved) => resolved,
            Err(error) => return Err(Failure::Fatal(error)),
        };
        let report = diagnostics
            .sorted()
            .iter()
            .map(|d| format!("{d}\n"))
            .collect::<String>();
        if diagnostics.has_errors() {
            let failure = content_failure(&diagnostics);
            return Err(self.fail(server, format!("{report}error: {failure}")));
        }
        eprint!("{report}");
        let templates = match Templates::load(&self.args.root) {
            Ok(templates) => templates,
            Err(error) => return Err(self.fail(server, format!("error: {error:#}"))),
        };
        let loaded = Loaded {
            dossier,
            templates,
            assets,
        };
        self.render(loaded, server)
    }

    /// Reloads the templates and renders the last good model with them.
    fn templates(&mut self, server: &Server) -> Result<Outcome, Failure> {
        let Some(mut loaded) = self.last.take() else {
            return self.full(server);
        };
        loaded.templates = match Templates::load(&self.args.root) {
            Ok(templates) => templates,
            Err(error) => return Err(self.fail(server, format!("error: {error:#}"))),
        };
        self.render(loaded, server)
    }

    /// Reads the static files again and swaps them into the served site; no page is
    /// rendered.
    fn statics(&mut self, server: &Server) -> Result<Outcome, Failure> {
        let Some(mut loaded) = self.last.take() else {
            return self.full(server);
        };
        let mut diagnostics = Diagnostics::default();
        let assets = match collect_assets(&self.args.root, &mut diagnostics) {
            Ok(assets) => assets,
            Err(error) => return Err(self.fail(server, format!("error: {error:#}"))),
        };
        if self.args.strict || loaded.dossier.config.strict {
            diagnostics.make_strict();
        }
        let report = diagnostics
            .sorted()
            .iter()
            .map(|d| format!("{d}\n"))
            .collect::<String>();
        if diagnostics.has_errors() {
            let failure = content_failure(&diagnostics);
            return Err(self.fail(server, format!("{report}error: {failure}")));
        }
        eprint!("{report}");
        let old: Vec<String> = loaded.assets.iter().map(|a| a.path.clone()).collect();
        let new: Vec<(String, Bytes)> = assets
            .iter()
            .map(|a| (a.path.clone(), Bytes::copy_from_slice(&a.bytes)))
            .collect();
        let site = server.site().with_assets(&old, &new);
        loaded.assets = assets;
        self.last = Some(loaded);
        Ok(server.publish(site))
    }

    /// Renders into memory the pages of `loaded` whose inputs changed since the
    /// served site was rendered, takes the others from the served site, and serves
    /// the result.
    fn render(&mut self, loaded: Loaded, server: &Server) -> Result<Outcome, Failure> {
        let served = server.site();
        let unchanged = Fingerprints::default();
        let mut previous = if self.templates_changed || served.is_empty() {
            &unchanged
        } else {
            &self.fingerprints
        };
        let (memory, fingerprints) = loop {
            let memory = MemorySite::default();
            let rendered = render_changed(
                &loaded.dossier,
                &loaded.templates,
                &loaded.assets,
                &self.settings,
                previous,
                &memory,
            );
            let fingerprints = match rendered {
                Ok(fingerprints) => fingerprints,
                Err(error) => return Err(self.fail(server, format!("error: {error:#}"))),
            };
            if memory.carry_over(&served, fingerprints.paths()) {
                break (memory, fingerprints);
            }
            // The served site lacks a page its fingerprints name: render them all.
            previous = &unchanged;
        };
        let site = memory.finish();
        let d = &loaded.dossier;
        if served.is_empty() {
            eprintln!(
                "Built {}, {}, {}, {} ({} files) in memory",
                count(d.briefings.len(), "briefing"),
                count(d.actors.len(), "actor"),
                count(d.topics.len(), "topic"),
                count(d.meetings.len(), "meeting"),
                site.len()
            );
        }
        self.last = Some(loaded);
        self.fingerprints = fingerprints;
        self.templates_changed = false;
        Ok(server.publish(site))
    }

    /// Prints `error`, shows it over the open pages, and keeps the last good site.
    fn fail(&mut self, server: &Server, error: String) -> Failure {
        eprintln!("{error}");
        eprintln!("The last good build is still served.");
        self.last = None;
        server.fail(&error);
        Failure::Shown
    }
}

/// Opens `url` in the default browser; a failure is only a warning.
fn open_in_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    if let Err(e) = command.arg(url).spawn() {
        eprintln!("warning: cannot open a browser ({e}): open {url} yourself");
    }
}
