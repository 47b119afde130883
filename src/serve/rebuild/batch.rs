//! Gathers raw file events into batches, one per save, and sorts a batch into the
//! kinds of change a rebuild reacts to.
//!
//! Everything here is pure: [`Batch`] is told the instant of each event and says when
//! the batch is due, and [`classify`] looks only at the events' kinds and paths, never
//! at the disk, so every editor's way of saving is a unit test here. Editor scratch
//! files (swap files, backups, probes, lock files) are ignored; the rebuild decides
//! what to do with the kinds.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use notify::EventKind;
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};

use crate::config::CONFIG_FILE;
use crate::scratch::is_scratch;

/// How long the sources must be quiet before a rebuild: long enough to merge an
/// editor's several writes and renames of one save into one rebuild, and to let a
/// file being written be whole.
pub const QUIET: Duration = Duration::from_millis(50);

/// How long they must be quiet after an event that ends a save (a file closed after
/// writing, or renamed into place): the file is whole, and what the editor still
/// does for that save comes at once.
pub const SETTLE: Duration = Duration::from_millis(10);

/// The events that change a source, gathered until the sources have been quiet for
/// [`QUIET`] (or [`SETTLE`], after an event that ends a save).
///
/// Raw events, not a debouncer's: a debouncer that drops a file created and removed
/// within its window would hide the removal from a rebuild that already read the
/// disk and saw the file.
pub struct Batch {
    root: PathBuf,
    events: Vec<notify::Event>,
    /// When the batch is due, unless another event comes before.
    due: Option<Instant>,
}

impl Batch {
    /// An empty batch of the events under `root`.
    pub fn new(root: &Path) -> Batch {
        Batch {
            root: root.to_path_buf(),
            events: Vec::new(),
            due: None,
        }
    }

    /// Adds `event`, which came at `now`.
    pub fn push(&mut self, event: notify::Event, now: Instant) {
        let wait = match completes_a_save(&self.root, &event) {
            true => SETTLE,
            false => QUIET,
        };
        self.events.push(event);
        self.due = Some(now + wait);
    }

    /// When the batch is to be rebuilt if no other event comes; `None` while empty.
    pub fn due(&self) -> Option<Instant> {
        self.due
    }

    /// The events gathered, sorted into one [`Change`], and an empty batch.
    pub fn take(&mut self) -> (Vec<notify::Event>, Change) {
        self.due = None;
        let events = std::mem::take(&mut self.events);
        let change = classify(&self.root, &events);
        (events, change)
    }
}

/// What one batch of file events changed in the site's sources.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Change {
    /// `dossier.yaml` was written, created, removed or renamed.
    pub config: bool,
    /// Something under `templates/` changed.
    pub templates: bool,
    /// Files or folders under `content/` that changed, relative to the site root.
    pub content: BTreeSet<PathBuf>,
    /// Files or folders under `static/` that changed, relative to the site root.
    pub statics: BTreeSet<PathBuf>,
    /// The system dropped events: any source may have changed, and every one must be
    /// read again.
    pub rescan: bool,
}

impl Change {
    /// True when only content files changed.
    pub fn content_only(&self) -> bool {
        !self.config && !self.templates && self.statics.is_empty() && !self.rescan
    }

    /// True when nothing that the build reads changed.
    pub fn is_empty(&self) -> bool {
        !self.config
            && !self.templates
            && self.content.is_empty()
            && self.statics.is_empty()
            && !self.rescan
    }
}

/// Sorts `events` (paths as watched, under `root`) into one [`Change`].
///
/// Events that only read a file, paths outside `content/`, `templates/`, `static/`
/// and `dossier.yaml` (such as the output folder `public/`), and editor scratch files
/// are ignored. A rename counts for both of its paths, so a file saved by writing a
/// temporary file and renaming it over the original counts as a change of the original.
pub fn classify(root: &Path, events: &[notify::Event]) -> Change {
    let mut change = Change::default();
    for event in events {
        if event.need_rescan() {
            change.rescan = true;
            change.config = true;
            change.templates = true;
        }
        if !changes_files(&event.kind) {
            continue;
        }
        for path in &event.paths {
            let Ok(relative) = path.strip_prefix(root) else {
                continue;
            };
            if is_scratch(relative) {
                continue;
            }
            let mut parts = relative.components();
            let first = parts.next().map(|c| c.as_os_str());
            let nested = parts.next().is_some();
            match first.and_then(OsStr::to_str) {
                Some(CONFIG_FILE) if !nested => change.config = true,
                // The interface strings are read with the configuration.
                Some("i18n") => change.config = true,
                Some("templates") => change.templates = true,
                Some("content") => {
                    change.content.insert(relative.to_path_buf());
                }
                Some("static") => {
                    change.statics.insert(relative.to_path_buf());
                }
                _ => {}
            }
        }
    }
    change
}

/// True when `event` ends the save of a source file (under `root`): the file was
/// closed after writing, or a file was renamed into its place. What an editor still
/// does for the same save (removing a backup) follows at once, so a rebuild need not
/// wait after such an event as long as after others, which more of the save may follow.
pub fn completes_a_save(root: &Path, event: &notify::Event) -> bool {
    let finishing = matches!(
        event.kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    );
    // The path written or renamed to is the last.
    let written = event.paths.last().and_then(|p| p.strip_prefix(root).ok());
    finishing && written.is_some_and(|path| !is_scratch(path))
}

/// False for events that only open, read or close a file without writing it.
fn changes_files(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

#[cfg(test)]
#[path = "batch_tests.rs"]
mod tests;
