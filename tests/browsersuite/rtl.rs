//! A right-to-left dossier (the Arabic fixture) in a real browser: it mirrors, and
//! its screenshots go to `target/browser-artifacts/rtl-*.png`.

use crate::browser::{chromium, node_check, node_modules};
use crate::common::*;

#[test]
fn an_arabic_dossier_mirrors_from_disk() {
    chromium();
    node_modules("playwright-core");
    let site = built_fixture("arabic");
    let artifacts = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("browser-artifacts");
    let report = node_check("rtl.mjs", [site.path().join("public"), artifacts])
        .unwrap_or_else(|failed| panic!("the right-to-left check failed:\n{failed}"));
    println!("{report}");
}
