//! The content stage: walks `content/`, splits each file into front matter and body and
//! parses the front matter into typed structs, keeping each file's path and line offsets.
//!
//! Problems with a file are collected as diagnostics; only a missing `content/` folder
//! is fatal. This stage resolves no references (that is `model::resolve`'s work), keeps
//! nothing from one load to the next (`serve::rebuild::parsed` memoizes it from the
//! outside, through [`walk`], [`parse_file`] and [`collect`]) and writes nothing.

mod frontmatter;
pub mod schema;
mod yaml;
mod yaml_help;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use rayon::prelude::*;

pub use frontmatter::{Locator, Split, SplitError, split};
use schema::{ActorFront, BriefingFront, TopicFront};
pub mod walk;
use walk::section_of;
pub use walk::{ContentFile, Listing, content_dir, is_listed_silently, walk};
pub use yaml::yaml_message;
use yaml::{ACTOR_KEYS, BRIEFING_KEYS, TOPIC_KEYS, parse_document};

use crate::diagnostics::Diagnostics;

/// One parsed content file.
#[derive(Debug, Clone)]
pub struct Document<F> {
    /// The file, relative to the site root (`content/briefings/x.md`).
    pub path: PathBuf,
    /// The file name without `.md`.
    pub stem: String,
    /// The parsed front matter.
    pub front: F,
    /// The front matter as written, to find the line of a value.
    pub yaml: String,
    /// The file line on which the front matter starts.
    pub yaml_line: usize,
    /// The Markdown body.
    pub body: String,
    /// The file line on which the body starts.
    pub body_line: usize,
}

impl<F> Document<F> {
    /// Finds the lines of values inside this document's front matter.
    pub fn locator(&self) -> Locator<'_> {
        Locator::new(&self.yaml, self.yaml_line)
    }
}

/// Every content file of a site, parsed, in a stable order (by path). Each document is
/// shared with `dossier serve`'s memo of parsed files, which keeps it for the next load.
#[derive(Debug, Default)]
pub struct Content {
    pub briefings: Vec<Arc<Document<BriefingFront>>>,
    pub actors: Vec<Arc<Document<ActorFront>>>,
    pub topics: Vec<Arc<Document<TopicFront>>>,
}

/// Which folder of `content/` a file belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Briefings,
    Actors,
    Topics,
}

/// The content stage: loads every file under `root/content`. Content problems go to
/// `diagnostics`; only a missing `content/` folder fails.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> anyhow::Result<Content> {
    let listing = walk(root)?;
    diagnostics.extend(listing.diagnostics);
    let parsed: Vec<(ParsedFile, Diagnostics)> = listing.files.par_iter().map(read_file).collect();
    Ok(collect(parsed, diagnostics))
}

/// Parses files held in memory exactly as [`load`] parses files on disk: each path is
/// relative to the site root (`content/briefings/x.md`). Used by fuzzing and tests.
pub fn from_memory(files: Vec<(PathBuf, Vec<u8>)>, diagnostics: &mut Diagnostics) -> Content {
    let mut parsed = Vec::new();
    for (path, bytes) in files {
        let Some(section) = section_of(&path, diagnostics) else {
            continue;
        };
        let mut problems = Diagnostics::default();
        let result = parse_bytes(section, &path, bytes, &mut problems);
        parsed.push((result, problems));
    }
    collect(parsed, diagnostics)
}

/// The documents of `parsed`, in its order, by section; their problems go to
/// `diagnostics`.
pub fn collect(parsed: Vec<(ParsedFile, Diagnostics)>, diagnostics: &mut Diagnostics) -> Content {
    let mut content = Content::default();
    for (parsed, problems) in parsed {
        diagnostics.extend(problems);
        match parsed {
            ParsedFile::Briefing(doc) => content.briefings.push(doc),
            ParsedFile::Actor(doc) => content.actors.push(doc),
            ParsedFile::Topic(doc) => content.topics.push(doc),
            ParsedFile::Failed => {}
        }
    }
    content
}

/// One content file parsed: its document, or nothing when it has an error that
/// leaves none.
#[derive(Clone)]
pub enum ParsedFile {
    Briefing(Arc<Document<BriefingFront>>),
    Actor(Arc<Document<ActorFront>>),
    Topic(Arc<Document<TopicFront>>),
    Failed,
}

/// Reads and parses one content file, with its problems.
pub fn read_file(file: &ContentFile) -> (ParsedFile, Diagnostics) {
    parse_file(file, std::fs::read(&file.1))
}

/// Parses one content file from its `bytes` as read, with its problems.
pub fn parse_file(
    (section, _, path): &ContentFile,
    bytes: std::io::Result<Vec<u8>>,
) -> (ParsedFile, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let parsed = match bytes.with_context(|| "cannot read the file") {
        Ok(bytes) => parse_bytes(*section, path, bytes, &mut diagnostics),
        Err(e) => {
            diagnostics.error(path, None, format!("{:#}", e));
            ParsedFile::Failed
        }
    };
    (parsed, diagnostics)
}

fn parse_bytes(
    section: Section,
    path: &Path,
    bytes: Vec<u8>,
    diagnostics: &mut Diagnostics,
) -> ParsedFile {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            diagnostics.error(
                path,
                Some(line),
                "the file is not valid UTF-8: save it as UTF-8",
            );
            return ParsedFile::Failed;
        }
    };
    let text = normalize(text);
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    match section {
        Section::Briefings => parse_document(path, stem, &text, &BRIEFING_KEYS, diagnostics)
            .map(|doc| ParsedFile::Briefing(Arc::new(doc))),
        Section::Actors => parse_document(path, stem, &text, &ACTOR_KEYS, diagnostics)
            .map(|doc| ParsedFile::Actor(Arc::new(doc))),
        Section::Topics => parse_document(path, stem, &text, &TOPIC_KEYS, diagnostics)
            .map(|doc| ParsedFile::Topic(Arc::new(doc))),
    }
    .unwrap_or(ParsedFile::Failed)
}

/// Removes a byte-order mark and turns `\r\n` into `\n`; lines keep their numbers.
fn normalize(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}
