//! Front matter as YAML: parsed into a document's typed front matter, with every
//! problem (syntax, unknown keys, wrong types, inputs too large or too deep) at its
//! file line. It knows nothing of walking or of files on disk.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_yaml::Value;

use super::schema::keys;
use super::{Document, Locator, SplitError, split};
use crate::diagnostics::Diagnostics;
use crate::suggest::closest;

/// The keys a mapping accepts, and those of the lists of mappings inside it.
pub struct KeySpec {
    keys: &'static [&'static str],
    lists: &'static [(&'static str, &'static [&'static str])],
}

pub const BRIEFING_KEYS: KeySpec = KeySpec {
    keys: keys::BRIEFING,
    lists: &[
        ("sources", keys::SOURCE),
        ("meetings", keys::MEETING),
        ("positions", keys::POSITION),
        ("quotes", keys::QUOTE),
    ],
};
pub const ACTOR_KEYS: KeySpec = KeySpec {
    keys: keys::ACTOR,
    lists: &[],
};
pub const TOPIC_KEYS: KeySpec = KeySpec {
    keys: keys::TOPIC,
    lists: &[],
};

pub fn parse_document<F: DeserializeOwned>(
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
            let (line, message) = super::yaml_help::explain(split.yaml, split.yaml_line, &e);
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
