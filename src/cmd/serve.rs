//! `dossier serve`: build in memory, serve, watch the sources, rebuild on change.
//!
//! The build is the one `build` and `check` run (`resolve_site`, `Templates::load`,
//! `render_site`), into memory, with the live-reload tag in every page. A rebuild
//! does only what the change needs: a static file re-reads the static files, a
//! template re-renders the last good model, content or configuration resolve it anew.
//! Once the new model is resolved it is served, each page rendered alone when it is
//! asked for, while the whole site is rendered; the finished site then takes its place.
//! A rebuild that fails keeps the last good site served and shows why.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::body::Bytes;
use notify::{RecursiveMode, Watcher as _};

use super::{Kept, Loaded, content_failure, count, resolve_site};
use crate::cli::{ServeArgs, SiteArgs};
use crate::diagnostics::Diagnostics;
use crate::render::{Fingerprints, Render, RenderSettings, Sink, Templates, collect_assets};
use crate::serve::{
    Change, LIVE_RELOAD_TAG, MemorySite, Outcome, Pending, Server, Site, classify, completes_a_save,
};

/// How long the sources must be quiet before a rebuild: long enough to merge an
/// editor's several writes and renames of one save into one rebuild, and to let a
/// file being written be whole.
const QUIET: Duration = Duration::from_millis(50);

/// How long they must be quiet after an event that ends a save (a file closed after
/// writing, or renamed into place): the file is whole, and what the editor still
/// does for that save comes at once.
const SETTLE: Duration = Duration::from_millis(10);

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
        base_url: args.site.base_url.clone(),
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
    // Only the events that change a source are passed on, and each says at once that
    // the rebuild under way is out of date.
    let (sender, events) = mpsc::channel();
    let newer = Arc::new(AtomicBool::new(false));
    let handler = {
        let (root, newer) = (root.clone(), newer.clone());
        move |event: notify::Result<notify::Event>| {
            // Reads (the rebuild's own among them) neither change a source nor delay
            // a rebuild.
            if let Ok(event) = &event {
                if classify(&root, std::slice::from_ref(event)).is_empty() {
                    return;
                }
                newer.store(true, Ordering::SeqCst);
            }
            let _ = sender.send(event);
        }
    };
    let mut watcher = Watcher {
        watcher: notify::recommended_watcher(handler).context("cannot watch the site")?,
        watched: HashSet::new(),
        root: root.clone(),
        newer: newer.clone(),
    };
    watcher.watch_sources();

    let mut rebuilder = Rebuilder::new(site_args, newer);
    let server = Server::new(address);
    let first = rebuilder.full(&server, false);
    if let Err(Failure::Fatal(error)) = first {
        return Err(error);
    }

    // An address that means "every interface" is no address to open: name loopback.
    let shown = match address.ip() {
        std::net::IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::from((std::net::Ipv4Addr::LOCALHOST, address.port()))
        }
        std::net::IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, address.port()))
        }
        _ => address,
    };
    let url = format!("http://{shown}/");
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
    std::thread::spawn(move || watcher.run(events, &mut rebuilder, &watching));
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
    watcher: notify::RecommendedWatcher,
    watched: HashSet<PathBuf>,
    root: PathBuf,
    /// Set by every event that changes a source: cleared when a rebuild starts, so
    /// that one set during it tells the rebuild to stop.
    newer: Arc<AtomicBool>,
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
            match self.watcher.watch(&folder, mode) {
                Ok(()) => {
                    self.watched.insert(folder);
                }
                Err(e) => eprintln!("warning: cannot watch {}: {e}", folder.display()),
            }
        }
    }

    /// Rebuilds after each save until the server stops: the events that change a
    /// source are gathered until the sources have been quiet for [`QUIET`] (or
    /// [`SETTLE`], after an event that ends a save), then
    /// sorted into one [`Change`].
    ///
    /// Raw events, not a debouncer's: a debouncer that drops a file created and
    /// removed within its window would hide the removal from a rebuild that already
    /// read the disk and saw the file.
    fn run(
        mut self,
        events: mpsc::Receiver<notify::Result<notify::Event>>,
        rebuilder: &mut Rebuilder,
        server: &Server,
    ) {
        let mut batch = Vec::new();
        // When the last event that changed a source came, and how long to wait after it.
        let mut last = Instant::now();
        let mut wait = QUIET;
        loop {
            let received = if batch.is_empty() {
                events
                    .recv()
                    .map_err(|_| mpsc::RecvTimeoutError::Disconnected)
            } else {
                events.recv_timeout(wait.saturating_sub(last.elapsed()))
            };
            match received {
                Ok(Ok(event)) => {
                    wait = match completes_a_save(&self.root, &event) {
                        true => SETTLE,
                        false => QUIET,
                    };
                    batch.push(event);
                    last = Instant::now();
                }
                Ok(Err(error)) => eprintln!("warning: watching the site: {error}"),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    self.newer.store(false, Ordering::SeqCst);
                    self.rebuild(std::mem::take(&mut batch), rebuilder, server);
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    fn rebuild(&mut self, events: Vec<notify::Event>, rebuilder: &mut Rebuilder, server: &Server) {
        // A source folder removed or replaced (`git checkout`, a move) lost its
        // watch: watch it anew.
        for path in events.iter().flat_map(|e| &e.paths) {
            if path.parent() == Some(self.root.as_path()) && self.watched.remove(path) {
                let _ = self.watcher.unwatch(path);
            }
        }
        self.watch_sources();
        rebuilder.apply(&classify(&self.root, &events), server);
    }
}

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

/// A site rendered in memory.
struct Rendered {
    site: Arc<Site>,
    /// What each of its pages was rendered from.
    fingerprints: Fingerprints,
    /// True when it was served, and the pages told, while it was rendered.
    previewed: bool,
}

/// The state kept between rebuilds.
struct Rebuilder {
    args: SiteArgs,
    settings: RenderSettings,
    /// The model, templates and assets of the site being served.
    last: Option<Loaded>,
    /// True when the last rebuild failed: the next one starts from the sources.
    broken: bool,
    /// The content files parsed, and their bodies rendered, by the last builds.
    kept: Kept,
    /// The site served, once finished (empty before the first build).
    site: Arc<Site>,
    /// What each page of the served site was rendered from.
    fingerprints: Fingerprints,
    /// True when the templates changed since the served site was rendered, so that
    /// its fingerprints say nothing about the next render.
    templates_changed: bool,
    /// Set when a source changed since this rebuild started.
    newer: Arc<AtomicBool>,
}

impl Rebuilder {
    fn new(args: SiteArgs, newer: Arc<AtomicBool>) -> Rebuilder {
        Rebuilder {
            args,
            settings: RenderSettings {
                live_reload: LIVE_RELOAD_TAG.to_string(),
            },
            last: None,
            broken: false,
            kept: Kept::default(),
            site: Arc::default(),
            fingerprints: Fingerprints::default(),
            templates_changed: false,
            newer,
        }
    }

    /// Rebuilds what `change` affects and serves the result, or shows why it failed.
    fn apply(&mut self, change: &Change, server: &Server) {
        let started = Instant::now();
        self.templates_changed |= change.templates;
        for path in &change.content {
            self.kept.parsed.forget(path);
        }
        if change.rescan {
            self.kept.parsed.rescan();
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

    /// Reads (what changed), resolves and renders (what changed) the whole site. With
    /// `content_only` (only content files changed), a save that changed no byte of any
    /// of them leaves the served site as it is.
    fn full(&mut self, server: &Server, content_only: bool) -> Result<Outcome, Failure> {
        let mut diagnostics = Diagnostics::default();
        let (dossier, assets) = resolve_site(&self.args, Some(&mut self.kept), &mut diagnostics)
            .map_err(Failure::Fatal)?;
        if content_only && !self.broken && self.last.is_some() && !self.kept.parsed.changed() {
            return Ok(Outcome::Unchanged);
        }
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
        if self.args.strict || last.dossier.config.strict {
            diagnostics.make_strict();
        }
        self.check(&diagnostics, server)?;
        let old: Vec<&str> = last.assets.iter().map(|a| a.path.as_str()).collect();
        let hides_a_page = old
            .iter()
            .copied()
            .chain(assets.iter().map(|a| a.path.as_str()))
            .any(|path| path == "dossier.json" || self.fingerprints.contains(path));
        let rendered = if hides_a_page {
            self.render(&last.dossier, &last.templates, &assets, server)?
        } else {
            let new: Vec<(String, Bytes)> = assets
                .iter()
                .map(|a| (a.path.clone(), Bytes::copy_from_slice(&a.bytes)))
                .collect();
            Rendered {
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
        dossier: &crate::model::Dossier,
        templates: &Templates,
        assets: &[crate::render::Asset],
        server: &Server,
    ) -> Result<Rendered, Failure> {
        let previous = if self.templates_changed || self.site.is_empty() {
            Fingerprints::default()
        } else {
            let mut previous = self.fingerprints.clone();
            // A static file may have taken a page's place in the served site.
            for asset in self.last.iter().flat_map(|last| &last.assets) {
                previous.forget(&asset.path);
            }
            previous
        };
        let render = Render::new(dossier, templates, assets, &self.settings, Some(&previous));
        if self.site.is_empty() {
            return self.finish(&render, server);
        }
        let render = render.until(&self.newer);
        let (pending, requests) = Pending::new();
        let pending = Arc::new(pending);
        std::thread::scope(|scope| {
            scope.spawn(|| requests.answer(|path| Ok(render.file(path)?.map(Bytes::from))));
            server.preview(pending.clone());
            let finished = self.finish(&render, server);
            server.settle(match &finished {
                Ok(rendered) => rendered.site.clone(),
                Err(_) => self.site.clone(),
            });
            pending.close();
            finished.map(|rendered| Rendered {
                previewed: true,
                ..rendered
            })
        })
    }

    /// Renders every file of `render` that changed into a new site, the others
    /// taken from the served one. A render made [`Render::until`] a newer change
    /// fails with [`Failure::Stopped`] when one came.
    fn finish(&self, render: &Render, server: &Server) -> Result<Rendered, Failure> {
        let fail = |error: anyhow::Error| match self.newer.load(Ordering::SeqCst) {
            true if !self.site.is_empty() => Failure::Stopped,
            _ => self.fail(server, format!("error: {error:#}")),
        };
        let memory = MemorySite::default();
        let fingerprints = render.write(&memory).map_err(fail)?;
        // A page unchanged that the served site lacks is rendered after all.
        for path in memory.carry_over(&self.site, fingerprints.paths()) {
            if let Some(bytes) = render.file(path).map_err(fail)? {
                memory.write(path, &bytes).map_err(fail)?;
            }
        }
        Ok(Rendered {
            site: Arc::new(memory.finish()),
            fingerprints,
            previewed: false,
        })
    }

    /// Serves the site `rendered`, unless it was served while it was rendered.
    fn publish(&mut self, rendered: Rendered, server: &Server) -> Outcome {
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
            .map_err(|error| self.fail(server, format!("error: {error:#}")))
    }

    /// Prints `error` and shows it over the open pages; the last good site stays.
    fn fail(&self, server: &Server, error: String) -> Failure {
        eprintln!("{error}");
        eprintln!("The last good build is still served.");
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
