//! Every internal link of every built page resolves, the way a browser opening the
//! files from disk resolves it: relative to the page's own file, to a file that
//! exists, and to an element id that exists when it names a fragment.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::*;

/// The values of every `href` and `src` attribute in `html`.
fn link_targets(html: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for attribute in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            rest = &rest[at + attribute.len()..];
            if let Some(end) = rest.find('"') {
                targets.push(rest[..end].replace("&amp;", "&"));
                rest = &rest[end..];
            }
        }
    }
    targets
}

/// Every `id` in `html`.
fn ids(html: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = html;
    while let Some(at) = rest.find(" id=\"") {
        rest = &rest[at + 5..];
        if let Some(end) = rest.find('"') {
            found.insert(rest[..end].to_string());
        }
    }
    found
}

/// Resolves `target` against the page at `page` (both relative to the output root).
fn resolve(page: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for segment in target.split('/') {
        match segment {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// Checks every link of every page in `out`; returns the problems found.
pub fn broken_links(out: &Path) -> Vec<String> {
    let tree = read_tree(out);
    let pages: BTreeMap<&str, String> = tree
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.as_str(), String::from_utf8_lossy(bytes).into_owned()))
        .collect();
    let mut problems = Vec::new();
    for (page, html) in &pages {
        if *page == "404.html" || page.ends_with("/404.html") {
            // Served at any address, so its links start from the site's path by design
            // (a translated site's further languages have one each, `uk/404.html`).
            continue;
        }
        for target in link_targets(html) {
            if target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with("mailto:")
            {
                continue;
            }
            if target.starts_with('/') {
                problems.push(format!("{page}: root-relative link {target}"));
                continue;
            }
            let (file, fragment) = match target.split_once('#') {
                Some((file, fragment)) => (file, Some(fragment)),
                None => (target.as_str(), None),
            };
            let resolved = if file.is_empty() {
                Some(page.to_string())
            } else {
                resolve(page, file)
            };
            let Some(resolved) = resolved else {
                problems.push(format!("{page}: {target} leaves the site"));
                continue;
            };
            if resolved.ends_with('/') || !tree.contains_key(&resolved) {
                problems.push(format!("{page}: {target} -> {resolved} does not exist"));
                continue;
            }
            if let (Some(fragment), Some(html)) = (fragment, pages.get(resolved.as_str()))
                && !fragment.is_empty()
                && !ids(html).contains(fragment)
            {
                problems.push(format!("{page}: {target} names a missing fragment"));
            }
        }
    }
    problems
}

#[test]
fn every_link_of_the_example_dossier_resolves_from_disk() {
    let site = copy_example();
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let problems = broken_links(&site.path().join("public"));
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_link_of_every_fixture_site_resolves() {
    for name in [
        "references",
        "wikilinks",
        "history",
        "subfolders",
        "overrides",
        "minimal",
    ] {
        let site = built_fixture(name);
        let problems = broken_links(&site.path().join("public"));
        assert!(
            problems.is_empty(),
            "{name}: broken links:\n{}",
            problems.join("\n")
        );
    }
}

#[test]
fn the_checker_finds_broken_and_root_relative_links() {
    let out = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir_all(out.path().join("a")).expect("a folder");
    std::fs::write(
        out.path().join("a/index.html"),
        r##"<a href="../index.html#top">ok</a> <a href="/x.html">root</a> <a href="../missing.html">gone</a> <a href="../index.html#nowhere">frag</a>"##,
    )
    .expect("written");
    std::fs::write(out.path().join("index.html"), r#"<p id="top">top</p>"#).expect("written");
    let problems = broken_links(out.path());
    assert_eq!(problems.len(), 3, "{problems:?}");
}
