//! Walks `content/`, splits each file into front matter and body and parses the front
//! matter into typed structs, keeping each file's path and line offsets.
//!
//! Problems with a file are collected as diagnostics; only a missing `content/` folder
//! is fatal. This stage resolves no references: that is `model::resolve`'s work.

mod cache;
mod frontmatter;
pub mod schema;
mod yaml_help;

use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// Every content file of a site, parsed, in a stable order (by path). Each document is
/// shared with the cache of `dossier serve`, which keeps it for the next load.
#[derive(Debug, Default)]
pub struct Content {
    pub briefings: Vec<Arc<Document<BriefingFront>>>,
    pub actors: Vec<Arc<Document<ActorFront>>>,
    pub topics: Vec<Arc<Document<TopicFront>>>,
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
/// not read again, and the cache ends up holding every file of this load. While the
/// cache was told of every change since its last load ([`Cache::forget`]), the
/// folder is not even walked: only the files named are looked at.
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
    let parsed: Vec<(Parsed, Diagnostics)> = match cache {
        None => {
            let listing = walk(root, &content_dir);
            diagnostics.extend(listing.diagnostics);
            listing.files.par_iter().map(read_file).collect()
        }
        Some(cache) => {
            let listing = cache
                .listing(root)
                .unwrap_or_else(|| walk(root, &content_dir));
            diagnostics.extend(listing.diagnostics.clone());
            cache.load(listing, parse_file)
        }
    };
    Ok(collect(parsed, diagnostics))
}

/// The content files to read, in order, with what the walk that found them reported
/// about the others.
#[derive(Clone, Default)]
struct Listing {
    /// Each file's section, path on disk and path relative to the site root, sorted
    /// by the relative path as the walk visits them (name by name, folders in place).
    files: Vec<ContentFile>,
    /// The walk's own problems: files it skipped or could not read.
    diagnostics: Diagnostics,
}

/// A content file to read: its section, its path on disk and relative to the site root.
type ContentFile = (Section, PathBuf, PathBuf);

/// Lists every content file under `content_dir`, in a stable order.
fn walk(root: &Path, content_dir: &Path) -> Listing {
    let mut listing = Listing::default();
    let diagnostics = &mut listing.diagnostics;
    // Hidden files and editor leftovers (`.#x.md`, `.x.md.swp`, `x.md~`) are not content.
    let walker = walkdir::WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_ignored(entry.file_name()));
    for entry in walker {
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
        if !entry.file_type().is_file() {
            // A pipe or a device would block or never end.
            let message = "ignored: not a regular file (a pipe, socket or device)";
            diagnostics.warning(&path, None, message);
            continue;
        }
        if entry.file_name().to_str().is_none() {
            diagnostics.error(
                &path,
                None,
                "the file name is not valid UTF-8: rename the file",
            );
            continue;
        }
        let Some(section) = section_of(&path, diagnostics) else {
            continue;
        };
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            diagnostics.warning(&path, None, "ignored: not a Markdown file (.md)");
            continue;
        }
        listing
            .files
            .push((section, entry.path().to_path_buf(), path));
    }
    listing
}

impl Listing {
    /// This listing after the files at `named` (relative to `root`) changed, as a walk
    /// would make it; or `None` when only a walk can tell, because a folder or a file
    /// the walk would report on (not a Markdown file in a section) changed.
    fn updated(mut self, root: &Path, named: &[PathBuf]) -> Option<Listing> {
        for path in named {
            let under_content = path.strip_prefix("content").ok()?;
            if under_content
                .components()
                .any(|c| is_ignored(c.as_os_str()))
            {
                continue;
            }
            let at = self
                .files
                .binary_search_by(|file| file.2.as_path().cmp(path));
            match std::fs::symlink_metadata(root.join(path)) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => match at {
                    Ok(at) => {
                        self.files.remove(at);
                    }
                    // Gone without having been listed: a scratch file, unless it was
                    // a folder of listed files or a file the walk reported on.
                    Err(_) => {
                        let held = self.files.iter().any(|file| file.2.starts_with(path));
                        if held || !self.diagnostics.is_empty() {
                            return None;
                        }
                    }
                },
                Ok(metadata) if metadata.is_file() && plain_content_file(path) => {
                    if let Err(at) = at {
                        let section = section_of(path, &mut Diagnostics::default())?;
                        self.files
                            .insert(at, (section, root.join(path), path.clone()));
                    }
                }
                _ => return None,
            }
        }
        Some(self)
    }
}

/// True for a Markdown file with a UTF-8 name in a section of `content/`, which the
/// walk lists without a word.
fn plain_content_file(path: &Path) -> bool {
    path.components().count() >= 3
        && path.extension().and_then(|e| e.to_str()) == Some("md")
        && path.file_name().is_some_and(|name| name.to_str().is_some())
        && section_of(path, &mut Diagnostics::default()).is_some()
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

fn collect(parsed: Vec<(Parsed, Diagnostics)>, diagnostics: &mut Diagnostics) -> Content {
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
    content
}

/// The folder of `content/` that `path` is in, or a warning that it is in none.
fn section_of(path: &Path, diagnostics: &mut Diagnostics) -> Option<Section> {
    match path
        .components()
        .nth(1)
        .and_then(|c| c.as_os_str().to_str())
    {
        Some("briefings") => Some(Section::Briefings),
        Some("actors") => Some(Section::Actors),
        Some("topics") => Some(Section::Topics),
        _ => {
            diagnostics.warning(
                path,
                None,
                "ignored: content files belong in content/briefings/, content/actors/ or content/topics/",
            );
            None
        }
    }
}

#[derive(Clone)]
enum Parsed {
    Briefing(Arc<Document<BriefingFront>>),
    Actor(Arc<Document<ActorFront>>),
    Topic(Arc<Document<TopicFront>>),
    Failed,
}

/// Reads and parses one content file, with its problems.
fn read_file(file: &ContentFile) -> (Parsed, Diagnostics) {
    parse_file(file, std::fs::read(&file.1))
}

/// Parses one content file from its `bytes` as read, with its problems.
fn parse_file(
    (section, _, path): &ContentFile,
    bytes: std::io::Result<Vec<u8>>,
) -> (Parsed, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let parsed = match bytes.with_context(|| "cannot read the file") {
        Ok(bytes) => parse_bytes(*section, path, bytes, &mut diagnostics),
        Err(e) => {
            diagnostics.error(path, None, format!("{:#}", e));
            Parsed::Failed
        }
    };
    (parsed, diagnostics)
}

fn parse_bytes(
    section: Section,
    path: &Path,
    bytes: Vec<u8>,
    diagnostics: &mut Diagnostics,
) -> Parsed {
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
    let text = normalize(text);
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    match section {
        Section::Briefings => parse_document(path, stem, &text, &BRIEFING_KEYS, diagnostics)
            .map(|doc| Parsed::Briefing(Arc::new(doc))),
        Section::Actors => parse_document(path, stem, &text, &ACTOR_KEYS, diagnostics)
            .map(|doc| Parsed::Actor(Arc::new(doc))),
        Section::Topics => parse_document(path, stem, &text, &TOPIC_KEYS, diagnostics)
            .map(|doc| Parsed::Topic(Arc::new(doc))),
    }
    .unwrap_or(Parsed::Failed)
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
    if let Some((line, problem)) = yaml_too_big(split.yaml) {
        diagnostics.error(
            path,
            Some(split.yaml_line + line),
            format!("invalid YAML: {problem}"),
        );
        return None;
    }
    let value: Value = match serde_yaml::from_str(split.yaml) {
        Ok(value) => value,
        Err(e) => {
            let (line, message) = yaml_help::explain(split.yaml, split.yaml_line, &e);
            diagnostics.error(path, Some(line), message);
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
    if let Some(tag) = find_tag(&value).or_else(|| find_standard_tag(split.yaml)) {
        let line = locator.find(None, &tag);
        diagnostics.error(
            path,
            Some(line),
            format!("YAML tags such as `{tag}` are not supported: remove the tag and write the value as text"),
        );
        return None;
    }
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
            let line = line.unwrap_or(split.yaml_line);
            let message = name_the_field(message, split.yaml.lines().nth(line - split.yaml_line));
            diagnostics.error(path, Some(line), message);
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
    let message = match message.find(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    };
    match message.as_str() {
        "repetition limit exceeded" => {
            "anchors and aliases expand to too much data: write the values out instead".to_string()
        }
        "recursion limit exceeded" => "the YAML is nested too deeply".to_string(),
        _ => message,
    }
}

/// serde names the field of a type error only inside lists; name it from the line
/// otherwise, and say how to write a text that YAML reads as something else.
fn name_the_field(message: String, line: Option<&str>) -> String {
    let key = line
        .map(|l| l.trim_start().trim_start_matches("- "))
        .and_then(|l| l.split_once(':'))
        .map(|(key, _)| key.trim())
        .filter(|key| !key.is_empty() && !key.contains(' '));
    let mut message = match key {
        Some(key) if message.starts_with("invalid ") => format!("{key}: {message}"),
        _ => message,
    };
    if message.ends_with("expected a string") {
        message.push_str(": put the value in quotes");
    } else if message.ends_with("expected a sequence") {
        message.push_str(": write a list, such as [a, b]");
    }
    message
}

/// The largest front matter accepted, in bytes.
const MAX_FRONT_MATTER: usize = 1 << 20;
/// The deepest nesting of `[` and `{` accepted (serde_yaml stops at 128 anyway, but
/// only after its scanner spent quadratic time on deeper input).
const MAX_FLOW_DEPTH: usize = 100;

/// Front matter that is too large or nested too deeply to parse in bounded time, with
/// the 0-based line where that shows.
fn yaml_too_big(yaml: &str) -> Option<(usize, String)> {
    if yaml.len() > MAX_FRONT_MATTER {
        return Some((
            0,
            format!(
                "the front matter is over {} KiB: move long text into the body",
                MAX_FRONT_MATTER >> 10
            ),
        ));
    }
    // Nesting this deep needs as many opening brackets; counting them is fast, and
    // rules it out for nearly every file.
    let opening = yaml.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if opening <= MAX_FLOW_DEPTH {
        return None;
    }
    // Quotes are not tracked: no real value holds a hundred unbalanced brackets, and
    // tracking them would let a stray quote hide the nesting.
    let (mut depth, mut line) = (0usize, 0usize);
    for c in yaml.bytes() {
        match c {
            b'\n' => line += 1,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some((line, "the YAML is nested too deeply".to_string()));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The first standard YAML tag (`!!binary`, `!!str`) in the text: serde_yaml applies
/// those silently, so they are looked for in the text itself.
fn find_standard_tag(yaml: &str) -> Option<String> {
    // One scan of the whole text rules out the tags for nearly every file.
    if !yaml.contains("!!") {
        return None;
    }
    yaml.lines().find_map(|line| {
        let at = [": !!", "- !!", "[!!", ", !!"]
            .iter()
            .filter_map(|p| line.find(p).map(|i| i + p.len() - 2))
            .min()?;
        let tag: String = line[at..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ',' && *c != ']')
            .collect();
        Some(tag)
    })
}

/// The first YAML tag (`!x`) anywhere in `value`.
fn find_tag(value: &Value) -> Option<String> {
    match value {
        Value::Tagged(tagged) => Some(tagged.tag.to_string()),
        Value::Sequence(items) => items.iter().find_map(find_tag),
        Value::Mapping(map) => map
            .iter()
            .find_map(|(k, v)| find_tag(k).or_else(|| find_tag(v))),
        _ => None,
    }
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Hidden files and editor backups, skipped without a word, as every site generator does.
fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~')
}

fn io_reason(error: &walkdir::Error) -> String {
    match error.io_error() {
        Some(e) => e.to_string(),
        None => error.to_string(),
    }
}
