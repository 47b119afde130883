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
