//! Unit tests of `parsed`.

use std::sync::Arc;

use super::*;
fn load(root: &Path, cache: Option<&mut ParsedFiles>) -> (Content, Vec<String>) {
    let mut diagnostics = Diagnostics::default();
    let content = match cache {
        Some(cache) => cache.load(root, &mut diagnostics),
        None => content::load(root, &mut diagnostics),
    }
    .unwrap();
    let diagnostics = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
    (content, diagnostics)
}

/// The paths and titles loaded, and the diagnostics: what a load is compared by.
fn summary(root: &Path, cache: Option<&mut ParsedFiles>) -> (Vec<String>, Vec<String>) {
    let (content, diagnostics) = load(root, cache);
    let briefings = content.briefings.iter().map(|b| {
        let title = b.front.title.clone().unwrap_or_default();
        format!("{} {title}", b.path.display())
    });
    let others = content.actors.iter().map(|a| a.path.display().to_string());
    (briefings.chain(others).collect(), diagnostics)
}

fn titles(root: &Path, cache: &mut ParsedFiles) -> Vec<String> {
    let (content, _) = load(root, Some(cache));
    content
        .briefings
        .iter()
        .map(|b| b.front.title.clone().unwrap_or_default())
        .collect()
}

fn briefing(title: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2025-01-01\n---\n")
}

#[test]
fn unchanged_files_are_not_read_again() {
    let site = tempfile::tempdir().unwrap();
    let folder = site.path().join("content/briefings");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("a.md");
    std::fs::write(&file, briefing("One")).unwrap();
    let mut cache = ParsedFiles::default();
    assert_eq!(titles(site.path(), &mut cache), ["One"]);

    // Same length, same modification time: taken from the cache...
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::fs::write(&file, briefing("Two")).unwrap();
    let handle = std::fs::File::options().write(true).open(&file).unwrap();
    handle.set_modified(modified).unwrap();
    drop(handle);
    cache.rescan();
    assert_eq!(titles(site.path(), &mut cache), ["One"]);
    // ...until the watcher names it.
    cache.forget(Path::new("content/briefings/a.md"));
    assert_eq!(titles(site.path(), &mut cache), ["Two"]);

    // Without a listing to trust, a new length is a change without being named,
    // and a removed file is gone.
    cache.rescan();
    std::fs::write(&file, briefing("Three")).unwrap();
    std::fs::write(folder.join("b.md"), briefing("Four")).unwrap();
    assert_eq!(titles(site.path(), &mut cache), ["Three", "Four"]);
    std::fs::remove_file(&file).unwrap();
    cache.rescan();
    assert_eq!(titles(site.path(), &mut cache), ["Four"]);
    assert_eq!(cache.files.len(), 1);
}

/// A file saved without a change keeps its document, the same one, and the load
/// says that nothing changed.
#[test]
fn a_file_saved_unchanged_keeps_its_document() {
    let site = tempfile::tempdir().unwrap();
    let folder = site.path().join("content/briefings");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("a.md"), briefing("One")).unwrap();
    let mut cache = ParsedFiles::default();
    let (first, _) = load(site.path(), Some(&mut cache));
    assert!(cache.changed());

    std::fs::write(folder.join("a.md"), briefing("One")).unwrap();
    cache.forget(Path::new("content/briefings/a.md"));
    let (again, _) = load(site.path(), Some(&mut cache));
    assert!(Arc::ptr_eq(&first.briefings[0], &again.briefings[0]));
    assert!(!cache.changed());

    std::fs::write(folder.join("a.md"), briefing("Two")).unwrap();
    cache.forget(Path::new("content/briefings/a.md"));
    assert_eq!(titles(site.path(), &mut cache), ["Two"]);
    assert!(cache.changed());
}

/// While the watcher names every change, a load updates the last listing instead
/// of walking `content/`, and finds what a walk finds: files added, removed and
/// renamed, in the walk's order; a new folder, or a file the walk would warn
/// about, makes it walk.
#[test]
fn a_listing_updated_from_named_changes_is_a_walk() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    let write = |path: &str, text: &str| {
        let full = root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    };
    write("content/briefings/b.md", &briefing("B"));
    write("content/briefings/d.md", &briefing("D"));
    write("content/actors/envoy.md", "---\nname: Envoy\n---\n");
    let mut cache = ParsedFiles::default();
    assert_eq!(summary(root, Some(&mut cache)), summary(root, None));

    // What changes, how, the paths the watcher names, and whether a walk is needed.
    type Step<'a> = (&'a str, &'a dyn Fn(), &'a [&'a str], bool);
    let steps: [Step; 7] = [
        (
            "a new file",
            &|| write("content/briefings/a-c.md", &briefing("AC")),
            &["content/briefings/a-c.md"],
            false,
        ),
        (
            "a removed file",
            &|| std::fs::remove_file(root.join("content/briefings/d.md")).unwrap(),
            &["content/briefings/d.md"],
            false,
        ),
        (
            "a renamed file",
            &|| {
                let from = root.join("content/briefings/b.md");
                std::fs::rename(from, root.join("content/briefings/e.md")).unwrap()
            },
            &["content/briefings/b.md", "content/briefings/e.md"],
            false,
        ),
        (
            "a hidden file",
            &|| write("content/briefings/.e.md.swp", "x"),
            &["content/briefings/.e.md.swp"],
            false,
        ),
        (
            "a new folder",
            &|| write("content/briefings/a/z.md", &briefing("Z")),
            &["content/briefings/a"],
            true,
        ),
        (
            "a file that is not Markdown",
            &|| write("content/briefings/notes.txt", "x"),
            &["content/briefings/notes.txt"],
            true,
        ),
        (
            "a removed folder",
            &|| std::fs::remove_dir_all(root.join("content/briefings/a")).unwrap(),
            &["content/briefings/a"],
            true,
        ),
    ];
    for (what, change, named, walks) in steps {
        change();
        for path in named {
            cache.forget(Path::new(path));
        }
        let listing = cache.listing.clone().expect("a listing");
        let updated = updated(listing, root, &cache.named);
        assert_eq!(updated.is_none(), walks, "{what}");
        assert_eq!(
            summary(root, Some(&mut cache)),
            summary(root, None),
            "after {what}"
        );
    }

    // The listing is trusted: a file no one named is not seen...
    write("content/briefings/unnamed.md", &briefing("Unnamed"));
    let (trusted, _) = summary(root, Some(&mut cache));
    assert!(!trusted.iter().any(|p| p.contains("unnamed")));
    // ...until the events were lost and every file is looked at again.
    cache.rescan();
    assert_eq!(summary(root, Some(&mut cache)), summary(root, None));
}
