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
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, RemoveKind};

    const ROOT: &str = "/site";

    fn event(kind: EventKind, paths: &[&str]) -> notify::Event {
        let mut event = notify::Event::new(kind);
        for path in paths {
            event = event.add_path(Path::new(ROOT).join(path));
        }
        event
    }

    fn create(path: &str) -> notify::Event {
        event(EventKind::Create(CreateKind::File), &[path])
    }
    fn write(path: &str) -> notify::Event {
        event(
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            &[path],
        )
    }
    fn closed(path: &str) -> notify::Event {
        event(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            &[path],
        )
    }
    fn remove(path: &str) -> notify::Event {
        event(EventKind::Remove(RemoveKind::File), &[path])
    }
    fn rename(from: &str, to: &str) -> notify::Event {
        event(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &[from, to],
        )
    }

    fn content(paths: &[&str]) -> Change {
        Change {
            content: paths.iter().map(PathBuf::from).collect(),
            ..Change::default()
        }
    }

    fn sorted(events: &[notify::Event]) -> Change {
        classify(Path::new(ROOT), events)
    }

    const BRIEFING: &str = "content/briefings/talks.md";

    /// The batches that events coming at the given instants (in milliseconds) make,
    /// as the watcher's loop takes them: a batch is taken once it is due before the
    /// next event comes.
    fn batches(events: &[(u64, notify::Event)]) -> Vec<Change> {
        let start = Instant::now();
        let mut batch = Batch::new(Path::new(ROOT));
        let mut taken = Vec::new();
        for (at, event) in events {
            let now = start + Duration::from_millis(*at);
            if batch.due().is_some_and(|due| due <= now) {
                taken.push(batch.take().1);
            }
            batch.push(event.clone(), now);
        }
        if batch.due().is_some() {
            taken.push(batch.take().1);
        }
        taken
    }

    /// The events of one save make one rebuild, however the editor spreads them
    /// within the quiet time; two saves further apart make two; and a save that ends
    /// with its file closed is due sooner than one that may still go on.
    #[test]
    fn one_save_is_one_batch_and_two_saves_are_two() {
        let vim = [
            (0, create("content/briefings/4913")),
            (1, remove("content/briefings/4913")),
            (2, rename(BRIEFING, "content/briefings/talks.md~")),
            (30, create(BRIEFING)),
            (40, write(BRIEFING)),
            (45, closed(BRIEFING)),
            (50, remove("content/briefings/talks.md~")),
        ];
        assert_eq!(batches(&vim), [content(&[BRIEFING])]);

        let other = "content/briefings/other.md";
        let two = [(0, write(BRIEFING)), (100, write(other))];
        assert_eq!(batches(&two), [content(&[BRIEFING]), content(&[other])]);

        let mut batch = Batch::new(Path::new(ROOT));
        let now = Instant::now();
        batch.push(write(BRIEFING), now);
        assert_eq!(batch.due(), Some(now + QUIET));
        batch.push(closed(BRIEFING), now);
        assert_eq!(batch.due(), Some(now + SETTLE));
        assert_eq!(batch.take().0.len(), 2);
        assert_eq!(batch.due(), None);
    }

    #[test]
    fn vscode_writes_in_place() {
        // VS Code truncates and writes the file, sometimes in two writes.
        let events = [write(BRIEFING), write(BRIEFING), closed(BRIEFING)];
        assert_eq!(sorted(&events), content(&[BRIEFING]));
    }

    #[test]
    fn vim_writes_a_probe_renames_to_a_backup_and_writes_anew() {
        let events = [
            create("content/briefings/4913"),
            write("content/briefings/4913"),
            remove("content/briefings/4913"),
            rename(BRIEFING, "content/briefings/talks.md~"),
            create(BRIEFING),
            write(BRIEFING),
            closed(BRIEFING),
            remove("content/briefings/talks.md~"),
            write("content/briefings/.talks.md.swp"),
            write("content/briefings/.talks.md.swx"),
        ];
        assert_eq!(sorted(&events), content(&[BRIEFING]));
    }

    #[test]
    fn jetbrains_writes_a_temporary_file_and_renames_it() {
        let events = [
            create("content/briefings/talks.md___jb_tmp___"),
            write("content/briefings/talks.md___jb_tmp___"),
            rename(BRIEFING, "content/briefings/talks.md___jb_old___"),
            rename("content/briefings/talks.md___jb_tmp___", BRIEFING),
            remove("content/briefings/talks.md___jb_old___"),
        ];
        assert_eq!(sorted(&events), content(&[BRIEFING]));
    }

    #[test]
    fn lock_files_backups_and_finder_files_are_ignored() {
        let events = [
            create("content/briefings/.#talks.md"),
            create("content/briefings/#talks.md#"),
            write("content/briefings/talks.md~"),
            create("content/briefings/.DS_Store"),
            create("static/.DS_Store"),
            write("templates/.base.html.swp"),
            write("content/briefings/talks.md.kate-swp"),
        ];
        assert!(sorted(&events).is_empty(), "{:?}", sorted(&events));
    }

    #[test]
    fn reading_a_file_changes_nothing() {
        let events = [
            event(
                EventKind::Access(AccessKind::Open(AccessMode::Any)),
                &[BRIEFING],
            ),
            event(
                EventKind::Access(AccessKind::Close(AccessMode::Read)),
                &[BRIEFING],
            ),
        ];
        assert!(sorted(&events).is_empty());
    }

    #[test]
    fn the_output_folder_and_other_files_are_ignored() {
        let events = [
            write("public/index.html"),
            create("public/actors/x/index.html"),
            create(".public.tmp-12/index.html"),
            write("README.md"),
            write("notes/dossier.yaml"),
        ];
        assert!(sorted(&events).is_empty());
        let elsewhere = notify::Event::new(EventKind::Modify(ModifyKind::Any))
            .add_path(PathBuf::from("/elsewhere/content/briefings/x.md"));
        assert!(sorted(&[elsewhere]).is_empty());
    }

    #[test]
    fn each_source_has_its_kind() {
        let events = [
            write("dossier.yaml"),
            write("templates/partials/meeting.html"),
            write("static/style.css"),
            create("content/actors/new-envoy.md"),
        ];
        assert_eq!(
            sorted(&events),
            Change {
                config: true,
                templates: true,
                content: [PathBuf::from("content/actors/new-envoy.md")].into(),
                statics: [PathBuf::from("static/style.css")].into(),
                rescan: false,
            }
        );
    }

    /// A save ends when its file is closed after writing or renamed into place; not
    /// when a file is created, written (more may follow), removed, or renamed away
    /// to a backup.
    #[test]
    fn saves_end_with_a_close_or_a_rename_into_place() {
        let root = Path::new(ROOT);
        let ends = |e: notify::Event| completes_a_save(root, &e);
        assert!(ends(closed("content/briefings/a.md")));
        assert!(ends(rename(
            "content/briefings/a.md___jb_tmp___",
            "content/briefings/a.md"
        )));
        let to = event(
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            &["content/briefings/a.md"],
        );
        assert!(ends(to));
        assert!(!ends(create("content/briefings/a.md")));
        assert!(!ends(write("content/briefings/a.md")));
        assert!(!ends(remove("content/briefings/a.md")));
        assert!(!ends(rename(
            "content/briefings/a.md",
            "content/briefings/a.md~"
        )));
        assert!(!ends(closed("content/briefings/.a.md.swp")));
    }

    /// When the system dropped events, every source is read again, and content
    /// files are not taken on trust.
    #[test]
    fn lost_events_mean_a_rescan() {
        let lost = notify::Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        let change = sorted(&[lost]);
        assert!(change.rescan && change.config && change.templates);
        assert!(!change.content_only());
        assert!(sorted(&[write("content/briefings/a.md")]).content_only());
    }

    #[test]
    fn renames_and_deletions_count_for_both_names() {
        let events = [
            rename("content/briefings/old.md", "content/briefings/new.md"),
            remove("content/topics/gone.md"),
        ];
        assert_eq!(
            sorted(&events),
            content(&[
                "content/briefings/new.md",
                "content/briefings/old.md",
                "content/topics/gone.md"
            ])
        );
    }

    #[test]
    fn source_folders_themselves_count() {
        let events = [
            event(EventKind::Create(CreateKind::Folder), &["templates"]),
            event(
                EventKind::Remove(RemoveKind::Folder),
                &["content/briefings/2025"],
            ),
        ];
        assert_eq!(
            sorted(&events),
            Change {
                templates: true,
                content: [PathBuf::from("content/briefings/2025")].into(),
                ..Change::default()
            }
        );
    }
}
