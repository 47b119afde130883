//! The output folder: always one complete build, byte-identical for the same input.

use crate::common::*;

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = crate::sites::built_fixture("references");
    let out = site.path().join("public");
    let before = read_tree(&out);
    assert!(!before.is_empty());

    // Content error.
    let briefing = site.path().join("content/briefings/talks.md");
    let good = std::fs::read_to_string(&briefing).expect("readable");
    std::fs::write(
        &briefing,
        good.replace("date: 2025-12-21", "date: 2025-02-30"),
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        read_tree(&out),
        before,
        "a content error changed the output"
    );

    // Template error at render time.
    std::fs::write(&briefing, &good).expect("written");
    std::fs::create_dir_all(site.path().join("templates")).expect("a folder");
    std::fs::write(
        site.path().join("templates/meeting.html"),
        "{% extends \"base.html\" %}{% block content %}{{ meeting.nope }}{% endblock content %}",
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        report(&output, site.path())
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("meeting.html") && stderr.contains("meetings/"),
        "names the template and page: {stderr}"
    );
    assert_eq!(
        read_tree(&out),
        before,
        "a template error changed the output"
    );

    // No staging folder is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .expect("readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_new_build_replaces_pages_of_deleted_sources() {
    let site = crate::sites::built_fixture("drafts");
    std::fs::remove_file(site.path().join("content/briefings/published.md")).expect("removed");
    std::fs::write(
        site.path().join("content/briefings/other.md"),
        "---\ntitle: Other\ndate: 2025-05-03\n---\n",
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert!(output.status.success());
    let tree = read_tree(&site.path().join("public"));
    assert!(!tree.contains_key("briefings/published/index.html"));
    assert!(tree.contains_key("briefings/other/index.html"));
}

#[test]
fn two_builds_are_byte_identical() {
    let root = tempfile::tempdir().expect("a temporary folder");
    copy_dir(&repo().join("content"), &root.path().join("content"));
    std::fs::copy(
        repo().join("dossier.yaml"),
        root.path().join("dossier.yaml"),
    )
    .expect("config copied");
    let first = build(
        root.path(),
        &["--output", &root.path().join("one").to_string_lossy()],
    );
    let second = build(
        root.path(),
        &["--output", &root.path().join("two").to_string_lossy()],
    );
    assert!(first.status.success() && second.status.success());
    let (one, two) = (
        read_tree(&root.path().join("one")),
        read_tree(&root.path().join("two")),
    );
    assert!(one.len() > 20);
    assert_eq!(one, two);
}
