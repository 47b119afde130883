//! Unit tests of `batch`.

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
