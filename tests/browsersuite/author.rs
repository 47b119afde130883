//! What an author sees in the browser: `dossier serve`'s error overlay readable in
//! the light and the dark scheme (`tests/browser/overlay.mjs`).

use std::process::Command;

use crate::browser::{browser_dir, chromium, node_modules};
use crate::common::*;

#[test]
fn the_error_overlay_reads_in_the_light_and_the_dark_scheme() {
    let chromium = chromium();
    node_modules("playwright-core");
    let site = copy_site(&fixture("sites/references"));
    let served = crate::served::Served::start(site.path(), &[]);
    let output = Command::new("node")
        .arg(browser_dir().join("overlay.mjs"))
        .arg(format!("{}briefings/talks/", served.url))
        .arg(site.path().join("content/briefings/talks.md"))
        .env("DOSSIER_CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}\n--- the server said:\n{}",
        String::from_utf8_lossy(&output.stderr),
        served.stderr()
    );
    println!("{stdout}");
}
