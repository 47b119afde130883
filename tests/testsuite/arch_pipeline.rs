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
