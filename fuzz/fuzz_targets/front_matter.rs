//! Any bytes as a briefing, an actor and a topic file: splitting and parsing the front
//! matter never panics, and every failure is a diagnostic.
#![no_main]

use std::path::PathBuf;

use dossier::content;
use dossier::diagnostics::Diagnostics;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files = ["content/briefings/x.md", "content/actors/x.md", "content/topics/x.md"]
        .into_iter()
        .map(|path| (PathBuf::from(path), data.to_vec()))
        .collect();
    let mut diagnostics = Diagnostics::default();
    let content = content::from_memory(files, &mut diagnostics);
    let parsed = content.briefings.len() + content.actors.len() + content.topics.len();
    assert!(parsed == 3 || diagnostics.has_errors(), "a file vanished without an error");
});
