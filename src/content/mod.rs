//! Walks `content/`, splits each file into front matter and body and parses the front
//! matter into typed structs, keeping each file's path and line offsets.
//!
//! Problems with a file are collected as diagnostics; only a missing `content/` folder
//! is fatal. This stage resolves no references: that is `model::resolve`'s work.

mod cache;
mod frontmatter;
pub mod schema;

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde_yaml::Value;

pub use cache::Cache;
pub use frontmatter::{Locator, Split, SplitError, split};
use schema::{ActorFront, BriefingFront, TopicFront, keys};

use crate::diagnostics::Diagnostics;
use crate::suggest::closest;

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

/// Every content file of a site, parsed, in a stable order (by path).
#[derive(Debug, Default)]
pub struct Content {
    pub briefings: Vec<Document<BriefingFront>>,
    pub actors: Vec<Document<ActorFront>>,
    pub topics: Vec<Document<TopicFront>>,
}

/// Which folder of `content/` a file belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Briefings,
    Actors,
    Topics,
}

/// Loads every file under `root/content`. Content problems go to `diagnostics`.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> anyhow::Result<Content> {
    load_with_cache(root, diagnostics, None)
}

/// Loads like [`load`]; with a `cache`, a file that the cache holds, unchanged, is
/// not read again, and the cache ends up holding every file of this load.
pub fn load_with_cache(
    root: &Path,
    diagnostics: &mut Diagnostics,
    cache: Option<&mut Cache>,
) -> anyhow::Result<Content> {
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        bail!(
            "there is no content/ folder in {}: write briefings in content/briefings/, or start a new site with `dossier init DIR`",
            root.display()
        );
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&content_dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| PathBuf::from("content"));
                diagnostics.error(&path, None, format!("cannot read: {}", io_reason(&e)));
                continue;
            }
        };
        let path = relative(root, entry.path());
        if entry.path_is_symlink() {
            diagnostics.warning(
                &path,
                None,
                "symbolic link not followed: copy the file into content/ instead",
            );
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        let section = match path
            .components()
            .nth(1)
            .and_then(|c| c.as_os_str().to_str())
        {
            Some("briefings") => Section::Briefings,
            Some("actors") => Section::Actors,
            Some("topics") => Section::Topics,
            _ => {
                diagnostics.warning(
                    &path,
                    None,
                    "ignored: content files belong in content/briefings/, content/actors/ or content/topics/",
                );
                continue;
            }
        };
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            if !is_hidden(&path) {
                diagnostics.warning(&path, None, "ignored: not a Markdown file (.md)");
            }
            continue;
        }
        files.push((section, entry.path().to_path_buf(), path));
    }

    let read = |(section, full, path): &(Section, PathBuf, PathBuf)| {
        let mut diagnostics = Diagnostics::default();
        let parsed = read_file(*section, full, path, &mut diagnostics);
        (parsed, diagnostics)
    };
    let parsed: Vec<(Parsed, Diagnostics)> = match cache {
        None => files.par_iter().map(read).collect(),
        Some(cache) => cache.load(&files, read),
    };

    let mut content = Content::default();
    for (parsed, problems) in parsed {
        diagnostics.extend(problems);
        match parsed {
            Parsed::Briefing(doc) => content.briefings.push(doc),
            Parsed::Actor(doc) => content.actors.push(doc),
            Parsed::Topic(doc) => content.topics.push(doc),
            Parsed::Failed => {}
        }
    }
    Ok(content)
}

#[derive(Clone)]
enum Parsed {
    Briefing(Document<BriefingFront>),
    Actor(Document<ActorFront>),
    Topic(Document<TopicFront>),
    Failed,
}

fn read_file(section: Section, full: &Path, path: &Path, diagnostics: &mut Diagnostics) -> Parsed {
    let bytes = match std::fs::read(full).with_context(|| "cannot read the file") {
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics.error(path, None, format!("{:#}", e));
            return Parsed::Failed;
        }
    };
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
            return Parsed::Failed;
        }
    };
    let text = normalize(&text);
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    match section {
        Section::Briefings => {
            parse_document(path, stem, &text, &BRIEFING_KEYS, diagnostics).map(Parsed::Briefing)
        }
        Section::Actors => {
            parse_document(path, stem, &text, &ACTOR_KEYS, diagnostics).map(Parsed::Actor)
        }
        Section::Topics => {
            parse_document(path, stem, &text, &TOPIC_KEYS, diagnostics).map(Parsed::Topic)
        }
    }
    .unwrap_or(Parsed::Failed)
}

/// Removes a byte-order mark and turns `\r\n` into `\n`; lines keep their numbers.
fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    }
}

/// The keys a mapping accepts, and those of the lists of mappings inside it.
struct KeySpec {
    keys: &'static [&'static str],
    lists: &'static [(&'static str, &'static [&'static str])],
}

const BRIEFING_KEYS: KeySpec = KeySpec {
    keys: keys::BRIEFING,
    lists: &[
        ("sources", keys::SOURCE),
        ("meetings", keys::MEETING),
        ("positions", keys::POSITION),
        ("quotes", keys::QUOTE),
    ],
};
const ACTOR_KEYS: KeySpec = KeySpec {
    keys: keys::ACTOR,
    lists: &[],
};
const TOPIC_KEYS: KeySpec = KeySpec {
    keys: keys::TOPIC,
    lists: &[],
};

fn parse_document<F: DeserializeOwned>(
    path: &Path,
    stem: String,
    text: &str,
    spec: &KeySpec,
    diagnostics: &mut Diagnostics,
) -> Option<Document<F>> {
    let split = match split(text) {
        Ok(split) => split,
        Err(SplitError::Missing) => {
            diagnostics.error(
                path,
                Some(1),
                "no front matter: start the file with a `---` line, then YAML such as `title: ...`, then `---`",
            );
            return None;
        }
        Err(SplitError::Unclosed(line)) => {
            diagnostics.error(
                path,
                Some(line),
                "the front matter is never closed: add a line `---` after the last YAML line",
            );
            return None;
        }
    };
    let locator = Locator::new(split.yaml, split.yaml_line);
    let value: Value = match serde_yaml::from_str(split.yaml) {
        Ok(value) => value,
        Err(e) => {
            let line = e
                .location()
                .map(|l| split.yaml_line + l.line() - 1)
                .unwrap_or(split.yaml_line);
            diagnostics.error(
                path,
                Some(line),
                format!("invalid YAML: {}", yaml_message(&e)),
            );
            return None;
        }
    };
    let value = match value {
        Value::Null => Value::Mapping(Default::default()),
        Value::Mapping(_) => value,
        other => {
            diagnostics.error(
                path,
                Some(split.yaml_line),
                format!(
                    "the front matter is {}, but it must be a mapping of keys to values, such as `title: ...`",
                    describe(&other)
                ),
            );
            return None;
        }
    };
    check_keys(path, &value, spec, &locator, diagnostics);
    let front = match serde_yaml::from_value::<F>(value) {
        Ok(front) => front,
        Err(e) => {
            // from_value has no positions: parse the text again for the line.
            let (line, message) = match serde_yaml::from_str::<F>(split.yaml) {
                Err(e) => (
                    e.location().map(|l| split.yaml_line + l.line() - 1),
                    yaml_message(&e),
                ),
                Ok(_) => (None, yaml_message(&e)),
            };
            diagnostics.error(path, line.or(Some(split.yaml_line)), message);
            return None;
        }
    };
    Some(Document {
        path: path.to_path_buf(),
        stem,
        front,
        yaml: split.yaml.to_string(),
        yaml_line: split.yaml_line,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

/// Warns about every key that the format does not know, suggesting the nearest one.
fn check_keys(
    path: &Path,
    value: &Value,
    spec: &KeySpec,
    locator: &Locator<'_>,
    diagnostics: &mut Diagnostics,
) {
    let Value::Mapping(map) = value else { return };
    for (key, item) in map {
        let Some(key) = key.as_str() else {
            diagnostics.error(
                path,
                Some(locator.find(None, "")),
                "a front-matter key must be text",
            );
            continue;
        };
        if !spec.keys.contains(&key) {
            diagnostics.warning(path, locator.key(key), unknown_key(key, spec.keys));
            continue;
        }
        let Some((list, allowed)) = spec.lists.iter().find(|(list, _)| *list == key) else {
            continue;
        };
        let Value::Sequence(items) = item else {
            continue;
        };
        for (index, entry) in items.iter().enumerate() {
            let Value::Mapping(entry) = entry else {
                continue;
            };
            for nested in entry.keys().filter_map(Value::as_str) {
                if !allowed.contains(&nested) {
                    let line = locator.field(list, index, nested);
                    diagnostics.warning(
                        path,
                        Some(line),
                        format!("in {list}: {}", unknown_key(nested, allowed)),
                    );
                }
            }
        }
    }
}

fn unknown_key(key: &str, allowed: &[&str]) -> String {
    match closest(key, allowed.iter().copied()) {
        Some(near) => format!("unknown key '{key}' is ignored (did you mean '{near}'?)"),
        None => format!(
            "unknown key '{key}' is ignored (known keys: {})",
            allowed.join(", ")
        ),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Sequence(_) => "a list",
        Value::String(_) => "a single text",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a true/false value",
        Value::Tagged(_) => "a tagged value",
        Value::Null | Value::Mapping(_) => "empty",
    }
}

/// serde_yaml's message without its trailing position, which we print as `path:line:`.
pub fn yaml_message(error: &serde_yaml::Error) -> String {
    let message = error.to_string();
    match message.find(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn io_reason(error: &walkdir::Error) -> String {
    match error.io_error() {
        Some(e) => e.to_string(),
        None => error.to_string(),
    }
}
