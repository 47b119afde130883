//! The pipeline's rules that show from outside: editors' scratch files are no
//! content, and a static file that replaces a generated page says so.

use crate::common::*;

/// Every editor's scratch file beside a briefing is skipped without a word, even
/// with `--strict`, which would make any warning an error.
#[test]
fn editors_scratch_files_in_content_are_not_warned_about_even_strict() {
    let site = copy_site(&fixture("sites/minimal"));
    let folder = site.path().join("content/briefings");
    for scratch in [
        "#talks.md#",
        ".#talks.md",
        ".talks.md.swp",
        "talks.md~",
        "talks.md___jb_tmp___",
        "talks.md___jb_old___",
        "talks.md.kate-swp",
        "4913",
    ] {
        std::fs::write(folder.join(scratch), "not content").expect("written");
    }
    let output = build(site.path(), &["--strict"]);
    let text = report(&output, site.path());
    assert!(output.status.success(), "{text}");
    assert!(!text.contains("warning"), "{text}");
}

/// A static file at the path of a generated file replaces it, and the build says so,
/// naming both; `--strict` makes that an error.
#[test]
fn a_static_file_that_replaces_a_generated_one_warns_naming_both() {
    let site = copy_site(&fixture("sites/minimal"));
    let statics = site.path().join("static");
    std::fs::create_dir_all(statics.join("briefings/only")).expect("a folder");
    std::fs::write(statics.join("briefings/only/index.html"), "mine").expect("written");
    std::fs::write(statics.join("dossier.json"), "{}").expect("written");
    std::fs::write(statics.join("notes.html"), "not a page").expect("written");
    let output = build(site.path(), &[]);
    let text = report(&output, site.path());
    assert!(output.status.success(), "{text}");
    let warnings: Vec<&str> = text.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(
        warnings,
        [
            "static/briefings/only/index.html: warning: replaces the generated briefings/only/index.html, which is not made: rename or remove this file to keep it",
            "static/dossier.json: warning: replaces the generated dossier.json, which is not made: rename or remove this file to keep it",
        ]
    );
    let public = site.path().join("public");
    let read = |path: &str| std::fs::read_to_string(public.join(path)).expect("built");
    assert_eq!(read("briefings/only/index.html"), "mine");
    assert_eq!(read("dossier.json"), "{}");
    assert!(build(site.path(), &["--strict"]).status.code() == Some(1));
}

/// The rule covers every generated file, not only pages: `robots.txt`, the feeds of
/// actors and topics and the calendars are replaced by a static file at their path,
/// with the same warning, never overwritten in silence.
#[test]
fn a_static_file_replaces_robots_feeds_and_calendars_with_a_warning() {
    let site = copy_site(&fixture("sites/minimal"));
    std::fs::write(
        site.path().join("content/briefings/talks.md"),
        "---\ntitle: Talks\ndate: 2025-06-02\ntopics: [water]\nmeetings:\n  - id: first-round\n    participants: [envoy-a, envoy-b]\n---\nBody.\n",
    )
    .expect("written");
    for (path, text) in [
        (
            "content/actors/envoy-a.md",
            "---\nname: Envoy A\nkind: person\n---\n",
        ),
        (
            "content/actors/envoy-b.md",
            "---\nname: Envoy B\nkind: person\n---\n",
        ),
        ("content/topics/water.md", "---\nname: Water\n---\n"),
    ] {
        let file = site.path().join(path);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("a folder");
        std::fs::write(file, text).expect("written");
    }
    let statics = site.path().join("static");
    let replaced = [
        "robots.txt",
        "meetings.ics",
        "actors/envoy-a/meetings.ics",
        "actors/envoy-a/feed.xml",
        "topics/water/feed.xml",
    ];
    for path in replaced {
        let file = statics.join(path);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("a folder");
        std::fs::write(file, format!("mine: {path}")).expect("written");
    }
    // Not the path of any generated file: copied without a word.
    std::fs::write(statics.join("notes.ics"), "mine").expect("written");
    let output = build(site.path(), &[]);
    let text = report(&output, site.path());
    assert!(output.status.success(), "{text}");
    let warnings: Vec<&str> = text.lines().filter(|l| l.contains("warning")).collect();
    let mut expected: Vec<String> = replaced
        .iter()
        .map(|path| format!("static/{path}: warning: replaces the generated {path}, which is not made: rename or remove this file to keep it"))
        .collect();
    expected.sort();
    assert_eq!(warnings, expected);
    let public = site.path().join("public");
    for path in replaced {
        let built = std::fs::read_to_string(public.join(path)).expect("built");
        assert_eq!(built, format!("mine: {path}"));
    }
    // The files the static ones do not replace are still generated.
    for path in ["actors/envoy-b/feed.xml", "actors/envoy-b/meetings.ics"] {
        let built = std::fs::read_to_string(public.join(path)).expect("built");
        assert!(!built.starts_with("mine"), "{path}");
    }
    assert!(build(site.path(), &["--strict"]).status.code() == Some(1));
}
