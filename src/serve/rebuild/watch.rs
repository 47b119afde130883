//! The file watcher: watches the site's sources, gathers the events of each save into
//! a [`Batch`] and hands each batch to the rebuild, until the server stops.
//!
//! It owns the watches (and watches again a source folder that was moved away and
//! back) and the flag that tells a rebuild under way that it is out of date. It
//! decides nothing about what a change needs: that is the rebuild's.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Instant;

use anyhow::Context;
use notify::{RecursiveMode, Watcher as _};

use super::batch::{Batch, Change, classify};

/// The source folders watched recursively; `dossier.yaml` is watched through the root.
const SOURCE_FOLDERS: [&str; 3] = ["content", "templates", "static"];

/// The file watcher and the folders it watches.
pub struct Watcher {
    watcher: notify::RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    watched: HashSet<PathBuf>,
    root: PathBuf,
    /// Set by every event that changes a source: cleared when a rebuild starts, so
    /// that one set during it tells the rebuild to stop.
    newer: Arc<AtomicBool>,
}

impl Watcher {
    /// Watches the sources of the site at `root`. Only the events that change a
    /// source are passed on, and each sets [`Watcher::newer`] at once.
    pub fn start(root: &Path) -> anyhow::Result<Watcher> {
        let (sender, events) = mpsc::channel();
        let newer = Arc::new(AtomicBool::new(false));
        let handler = {
            let (root, newer) = (root.to_path_buf(), newer.clone());
            move |event: notify::Result<notify::Event>| {
                // Reads (the rebuild's own among them) neither change a source nor
                // delay a rebuild.
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
            events,
            watched: HashSet::new(),
            root: root.to_path_buf(),
            newer,
        };
        watcher.watch_sources();
        Ok(watcher)
    }

    /// The flag set by every event that changes a source.
    pub fn newer(&self) -> Arc<AtomicBool> {
        self.newer.clone()
    }

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

    /// Calls `rebuild` with each batch of changes until the events end.
    pub fn run(mut self, mut rebuild: impl FnMut(&Change)) {
        let mut batch = Batch::new(&self.root);
        loop {
            let received = match batch.due() {
                None => self
                    .events
                    .recv()
                    .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
                Some(due) => self
                    .events
                    .recv_timeout(due.saturating_duration_since(Instant::now())),
            };
            match received {
                Ok(Ok(event)) => batch.push(event, Instant::now()),
                Ok(Err(error)) => eprintln!("warning: watching the site: {error}"),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    self.newer.store(false, Ordering::SeqCst);
                    let (events, change) = batch.take();
                    self.rewatch(&events);
                    rebuild(&change);
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// Watches anew a source folder removed or replaced (`git checkout`, a move),
    /// which lost its watch.
    fn rewatch(&mut self, events: &[notify::Event]) {
        for path in events.iter().flat_map(|e| &e.paths) {
            if path.parent() == Some(self.root.as_path()) && self.watched.remove(path) {
                let _ = self.watcher.unwatch(path);
            }
        }
        self.watch_sources();
    }
}
