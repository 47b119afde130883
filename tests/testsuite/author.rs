//! What an author meets: the internal link check finds nothing to report in the
//! default templates, and reports a broken link in the content without failing the
//! build unless strict.

use crate::common::*;

#[test]
fn the_fixture_sites_and_the_example_have_no_broken_link_nor_id_twice() {
    let mut sites: Vec<(String, tempfile::TempDir)> = std::fs::read_dir(fixture("sites"))
        .expect("the fixture sites")
        .map(|entry| entry.expect("a fixture").path())
        // The injection site's markup holds `<img src=x>` on purpose: a broken link.
        .filter(|path| path.is_dir() && !path.ends_with("injection"))
        .map(|path| (path.display().to_string(), copy_site(&path)))
        .collect();
    sites.push(("example".to_string(), copy_example()));
    for (name, site) in sites {
        let output = build(site.path(), &["--drafts"]);
        let text = report(&output, site.path());
        assert!(output.status.success(), "{name}: {text}");
        assert!(
            !text.contains("goes nowhere")
                && !text.contains("given twice")
                && !text.contains("above the dossier's root"),
            "{name}: {text}"
        );
    }
}

#[test]
fn a_broken_link_is_a_warning_with_its_line_and_the_build_goes_on() {
    let site = copy_site(&fixture("invalid/author-broken-links-strict"));
    let output = build(site.path(), &[]);
    let text = report(&output, site.path());
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("content/briefings/signing.md:9: warning: the link to briefings/nope/index.html goes nowhere"),
        "{text}"
    );
    assert!(
        site.path()
            .join("public/briefings/signing/index.html")
            .exists()
    );
}

#[test]
fn check_says_which_drafts_it_left_out_as_build_does() {
    let site = copy_site(&fixture("sites/drafts"));
    let output = dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .output()
        .expect("dossier runs");
    let text = report(&output, site.path());
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("Left out 1 draft (--drafts includes them)"),
        "{text}"
    );
}

#[test]
fn init_in_the_current_folder_says_so_and_needs_no_cd() {
    let site = tempfile::tempdir().expect("a temporary folder");
    let output = dossier()
        .arg("init")
        .arg(".")
        .current_dir(site.path())
        .output()
        .expect("dossier runs");
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}");
    assert_eq!(
        text,
        "Created a new dossier in the current folder. Build it with:\n\n    dossier build\n\n"
    );
    assert!(
        site.path()
            .join("content/briefings/first-briefing.md")
            .exists()
    );
}
