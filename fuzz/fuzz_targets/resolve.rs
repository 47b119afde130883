//! Several files at once (split at NUL bytes), resolved into the model and rendered:
//! references, back-references and pages never panic.
#![no_main]

use std::path::PathBuf;

use dossier::config::Config;
use dossier::diagnostics::Diagnostics;
use dossier::model::{ResolveOptions, resolve};
use dossier::{content, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let folders = ["briefings", "actors", "topics", "briefings"];
    let files = data
        .split(|&b| b == 0)
        .take(16)
        .enumerate()
        .map(|(i, bytes)| {
            let path = PathBuf::from(format!("content/{}/f{i}.md", folders[i % folders.len()]));
            (path, bytes.to_vec())
        })
        .collect();
    let mut diagnostics = Diagnostics::default();
    let content = content::from_memory(files, &mut diagnostics);
    let dossier = resolve(Config::default(), content, ResolveOptions { drafts: true }, &mut diagnostics);
    if diagnostics.has_errors() {
        return;
    }
    let templates = render::Templates::embedded().expect("the default templates compile");
    let settings = render::RenderSettings::default();
    render::render(&dossier, &templates, &[], &settings)
        .write(&dossier::output::Discard)
        .expect("rendering a resolved dossier succeeds");
});
