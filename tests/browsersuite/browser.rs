//! The built example dossier in a real browser, every page through the Nu HTML
//! Checker, and a page served by `dossier serve` reloading by itself.
//!
//! Debian's headless Chromium (`/usr/bin/chromium`, or `DOSSIER_CHROMIUM`) is driven
//! by `tests/browser/check.mjs` through playwright-core; axe-core checks
//! accessibility; vnu.jar (from the `vnu-jar` npm package, run by `java`) checks the
//! HTML. `.ci/run` installs all of them. When one is missing these tests fail and say
//! what to install: they never pass without having looked.
//!
//! Screenshots at phone and desktop widths go to `target/browser-artifacts/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// The pages opened in the browser: the front page, a briefing, an actor page, the
/// matrix, the network and the search page.
const PAGES: &[&str] = &[
    "index.html",
    "briefings/florida-talks/index.html",
    "actors/steve-witkoff/index.html",
    "positions/index.html",
    "network/index.html",
    "search/index.html",
];

pub(crate) fn browser_dir() -> PathBuf {
    repo().join("tests/browser")
}

/// Runs the check `script` of `tests/browser/` under Node, driving Chromium, with
/// `args`: its report when it passes, or all it printed when it fails.
pub(crate) fn node_check<S: AsRef<std::ffi::OsStr>>(
    script: &str,
    args: impl IntoIterator<Item = S>,
) -> Result<String, String> {
    let output = Command::new("node")
        .arg(browser_dir().join(script))
        .args(args)
        .env("DOSSIER_CHROMIUM", chromium())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    match output.status.success() {
        true => Ok(stdout),
        false => Err(format!(
            "{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )),
    }
}

/// Where screenshots are kept after the run.
fn artifacts() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("browser-artifacts")
}

/// Fails with what to install when a tool the browser tests need is missing.
fn require(tool: &str, found: bool, install: &str) {
    assert!(
        found,
        "{tool} is missing, so the browser tests cannot run: {install} (bash .ci/run installs everything)"
    );
}

pub(crate) fn chromium() -> PathBuf {
    let path = std::env::var_os("DOSSIER_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    require(
        "Chromium",
        path.is_file(),
        "apt-get install chromium, or set DOSSIER_CHROMIUM to a Chromium binary",
    );
    path
}

/// Installs the locked npm packages of `tests/browser/` once per run when they are
/// missing (npm's registry is reachable wherever the tests run).
fn install_node_modules() {
    static INSTALLED: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    INSTALLED.get_or_init(|| {
        if browser_dir()
            .join("node_modules/.package-lock.json")
            .is_file()
        {
            return;
        }
        // --ignore-scripts: vnu-jar's install script would download a Java runtime.
        let _ = Command::new("npm")
            .args([
                "ci",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ])
            .current_dir(browser_dir())
            .status();
    });
}

pub(crate) fn node_modules(package: &str) -> PathBuf {
    install_node_modules();
    let path = browser_dir().join("node_modules").join(package);
    require(
        &format!("the npm package {package}"),
        path.is_dir(),
        "run `npm ci --ignore-scripts` in tests/browser",
    );
    path
}

fn tool_runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Builds the example dossier into a temporary folder.
fn built_example() -> tempfile::TempDir {
    let site = copy_example();
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    site
}

/// Runs `check.mjs` in `mode` over the example dossier; fails with its report.
fn run_browser_check(mode: &str) {
    chromium();
    require(
        "Node.js",
        tool_runs("node", "--version"),
        "apt-get install nodejs npm",
    );
    node_modules("playwright-core");
    node_modules("axe-core");
    let site = built_example();
    let mut args = vec![
        mode.into(),
        site.path().join("public").into_os_string(),
        artifacts().into_os_string(),
    ];
    args.extend(PAGES.iter().map(Into::into));
    let report = node_check("check.mjs", args)
        .unwrap_or_else(|failed| panic!("the browser check `{mode}` failed:\n{failed}"));
    println!("{report}");
}

#[test]
fn from_disk_no_console_errors_links_resolve_search_works_layout_holds() {
    run_browser_check("disk");
}

#[test]
fn from_a_server_under_a_sub_path() {
    run_browser_check("server");
}

#[test]
fn axe_finds_no_serious_accessibility_violations() {
    run_browser_check("axe");
}

/// Runs the Nu HTML Checker over every HTML file under `dirs` (one Java start for
/// all); returns whether all are valid, and its report.
fn vnu(dirs: &[PathBuf]) -> (bool, String) {
    require(
        "Java",
        tool_runs("java", "-version"),
        "apt-get install default-jre-headless",
    );
    let jar = node_modules("vnu-jar").join("build/dist/vnu.jar");
    require(
        "vnu.jar",
        jar.is_file(),
        "run `npm ci --ignore-scripts` in tests/browser",
    );
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html"])
        .args(dirs)
        .output()
        .expect("java runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success() && text.trim().is_empty(), text)
}

#[test]
fn every_page_is_valid_html() {
    let example = built_example();
    let mut sites = vec![("the example dossier", example)];
    for name in ["references", "history", "wikilinks", "minimal"] {
        sites.push((name, built_fixture(name)));
    }
    let mut dirs = Vec::new();
    for (name, site) in &sites {
        let out = site.path().join("public");
        let pages = read_tree(&out)
            .keys()
            .filter(|p| p.ends_with(".html"))
            .count();
        assert!(pages > 5, "{name}: only {pages} pages built");
        dirs.push(out);
    }
    let (valid, report) = vnu(&dirs);
    assert!(valid, "the HTML checker found errors:\n{report}");
}

#[test]
fn the_checker_reports_invalid_html() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><html lang=en><head><title>x</title></head><body><p><div></p></body></html>",
    )
    .expect("written");
    let (valid, report) = vnu(&[dir.path().to_path_buf()]);
    assert!(!valid, "an invalid page passed: {report}");
}

#[test]
fn a_served_page_reloads_by_itself_shows_errors_and_recovers() {
    chromium();
    node_modules("playwright-core");
    let site = copy_site(&fixture("sites/references"));
    let served = crate::served::Served::start(site.path(), &[]);
    let page = std::ffi::OsString::from(format!("{}briefings/talks/", served.url));
    let file = site
        .path()
        .join("content/briefings/talks.md")
        .into_os_string();
    if let Err(failed) = node_check("reload.mjs", [page, file]) {
        panic!("{failed}\n--- the server said:\n{}", served.stderr());
    }
}
