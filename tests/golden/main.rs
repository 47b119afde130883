//! Golden output, one test per case, each runnable alone by its name:
//!
//! - `invalid::<case>`: each folder of `tests/fixtures/invalid/` fails to build with
//!   exit code 1, writes nothing, and reports exactly its snapshot;
//! - `pages::<site>::<page>`: every page (`.html`, `.xml`) of every fixture site of
//!   `tests/fixtures/sites/` and of the example dossier (`content/`) is its snapshot,
//!   so that a template or rendering change shows as a diff of the pages it changes.
//!
//! `cargo test --test golden invalid::malformed-yaml` runs one case. After a
//! deliberate change, `INSTA_UPDATE=always cargo test --test golden` rewrites the
//! snapshots (`tests/golden/snapshots/`): review the diff, it must show only what was
//! meant. The tests are generated at start (libtest-mimic): the sites are built once,
//! by the real binary, so that their pages can be listed.

#[path = "../testsuite/common.rs"]
#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use libtest_mimic::{Arguments, Failed, Trial};

use common::*;

fn main() {
    let args = Arguments::from_args();
    let mut trials = invalid_cases();
    // Listing names only: no site need be built to list the invalid cases, but the
    // pages are known only once built.
    trials.extend(page_trials());
    libtest_mimic::run(&args, trials).exit();
}

/// The folders of `tests/fixtures/<under>/`, sorted.
fn folders(under: &str) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(fixture(under))
        .unwrap_or_else(|e| panic!("tests/fixtures/{under}: {e}"))
        .map(|entry| entry.expect("a readable fixture").path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .expect("a name")
        .to_string_lossy()
        .into_owned()
}

/// Snapshots of this target, named as given, in `tests/golden/snapshots/`.
fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

fn invalid_cases() -> Vec<Trial> {
    let cases = folders("invalid");
    assert!(cases.len() >= 10, "the invalid suite has its cases");
    cases
        .into_iter()
        .map(|case| {
            let name = name_of(&case);
            Trial::test(format!("invalid::{name}"), move || {
                invalid_case(&name, &case)
            })
        })
        .collect()
}

/// One invalid case: exit code 1, nothing written, the exact report.
fn invalid_case(name: &str, case: &Path) -> Result<(), Failed> {
    let site = copy_site(case);
    let args: Vec<String> = std::fs::read_to_string(site.path().join("args.txt"))
        .map(|text| text.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = build(site.path(), &args);
    let text = report(&output, site.path());
    if output.status.code() != Some(1) {
        return Err(format!("{name} must fail with exit code 1:\n{text}").into());
    }
    if site.path().join("public").exists() {
        return Err(format!("{name} wrote output").into());
    }
    snapshot(&format!("invalid__{name}"), &text);
    Ok(())
}

/// A built site whose pages are tested: its name and its output folder.
struct Built {
    name: String,
    site: tempfile::TempDir,
}

/// Every fixture site and the example dossier, built.
fn built_sites() -> Vec<Arc<Built>> {
    let mut sites: Vec<Arc<Built>> = folders("sites")
        .into_iter()
        .map(|folder| {
            let name = name_of(&folder);
            Arc::new(Built {
                site: built_fixture(&name),
                name,
            })
        })
        .collect();
    let example = copy_example();
    let output = build(example.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        report(&output, example.path())
    );
    sites.push(Arc::new(Built {
        name: "example".to_string(),
        site: example,
    }));
    sites
}

fn page_trials() -> Vec<Trial> {
    let mut trials = Vec::new();
    let mut expected = Vec::new();
    for built in built_sites() {
        let public = built.site.path().join("public");
        let pages = read_tree(&public)
            .into_keys()
            .filter(|path| path.ends_with(".html") || path.ends_with(".xml"));
        for page in pages {
            let built = built.clone();
            expected.push(page_snapshot(&built.name, &page));
            let name = format!("pages::{}::{page}", built.name);
            trials.push(Trial::test(name, move || {
                let path = built.site.path().join("public").join(&page);
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                snapshot(&page_snapshot(&built.name, &page), &text);
                Ok(())
            }));
        }
    }
    trials.push(no_snapshot_of_a_page_gone(expected));
    trials
}

/// The snapshot name of `page` (`actors/x/index.html`) of the site `site`.
fn page_snapshot(site: &str, page: &str) -> String {
    format!("pages__{site}__{}", page.replace('/', "__"))
}

/// A page that is no longer built leaves a snapshot behind: that fails, naming it, so
/// that a page removed shows in the review too; `INSTA_UPDATE=always` removes it.
fn no_snapshot_of_a_page_gone(expected: Vec<String>) -> Trial {
    Trial::test("pages::no_snapshot_of_a_page_gone", move || {
        let folder = repo().join("tests/golden/snapshots");
        let mut gone = Vec::new();
        for entry in std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let name = name_of(&path);
            let Some(stem) = name.strip_suffix(".snap") else {
                continue;
            };
            if stem.starts_with("pages__") && !expected.iter().any(|e| e == stem) {
                gone.push(path);
            }
        }
        if gone.is_empty() {
            return Ok(());
        }
        if std::env::var("INSTA_UPDATE").as_deref() == Ok("always") {
            for path in &gone {
                std::fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            return Ok(());
        }
        let names: Vec<String> = gone.iter().map(|p| p.display().to_string()).collect();
        Err(format!(
            "snapshots of pages no longer built (INSTA_UPDATE=always removes them):\n{}",
            names.join("\n")
        )
        .into())
    })
}
