//! A right-to-left dossier (the Arabic fixture) in a real browser: it mirrors, and
//! its screenshots go to `target/browser-artifacts/rtl-*.png`.

use std::process::Command;

use crate::browser::{browser_dir, chromium, node_modules};
use crate::common::*;

#[test]
fn an_arabic_dossier_mirrors_from_disk() {
    let chromium = chromium();
    node_modules("playwright-core");
    let site = built_fixture("arabic");
    let artifacts = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("browser-artifacts");
    let output = Command::new("node")
        .arg(browser_dir().join("rtl.mjs"))
        .arg(site.path().join("public"))
        .arg(&artifacts)
        .env("DOSSIER_CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the right-to-left check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{stdout}");
}
