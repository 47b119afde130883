//! The mistakes that a mark explains: a tab in the indentation, a quote or a bracket
//! left open, a `key:value` without its space, a `: ` inside a value.
//!
//! Each check reads the lines of a front matter that failed to parse and names the
//! line at fault and what to write; none changes what valid YAML means.

use super::{item_content, key_value};

/// A tab in the indentation.
pub(super) fn tab(lines: &[&str]) -> Option<(usize, String)> {
    let at = lines.iter().position(|line| {
        let text = line.trim_start_matches([' ', '\t']);
        line[..line.len() - text.len()].contains('\t')
    })?;
    Some((
        at,
        "this line is indented with a tab: YAML allows only spaces, so replace the tab with spaces"
            .to_string(),
    ))
}

/// The value of a line, when it is not a key's (`- "x"`) or is a key's (`title: "x"`).
fn value_of(line: &str) -> Option<(Option<&str>, &str)> {
    match key_value(line) {
        Some((key, value)) => Some((Some(key), value)),
        None => {
            let (is_item, content) = item_content(line);
            is_item.then_some((None, content.trim()))
        }
    }
}

/// A quoted value whose quote is never closed, or closed before the end of the value.
pub(super) fn quote(lines: &[&str]) -> Option<(usize, String)> {
    for (at, line) in lines.iter().enumerate() {
        let Some((key, value)) = value_of(line) else {
            continue;
        };
        let Some(mark) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let named = key
            .map(|k| format!("the value of `{k}:`"))
            .unwrap_or("this value".into());
        match closing_quote(value, mark) {
            None => {
                return Some((
                    at,
                    format!(
                        "{named} opens a quote ({mark}) that is never closed: end the value with {mark} on the same line"
                    ),
                ));
            }
            Some(end) => {
                let after = value[end + 1..].trim_start();
                if !after.is_empty() && !after.starts_with('#') {
                    let inner = value[1..].strip_suffix(mark).unwrap_or(&value[1..]);
                    let fix = if mark == '"' {
                        format!("'{}'", inner.replace('\'', "''"))
                    } else {
                        format!("\"{}\"", inner.replace('\\', "\\\\").replace('"', "\\\""))
                    };
                    let written = key.map(|k| format!("{k}: {fix}")).unwrap_or(fix);
                    return Some((
                        at,
                        format!(
                            "{named} has a quote ({mark}) inside the quotes that enclose it, so the value ends early: write `{written}`"
                        ),
                    ));
                }
            }
        }
    }
    None
}

/// The byte index of the quote that closes `value`, which starts with `mark`.
fn closing_quote(value: &str, mark: char) -> Option<usize> {
    let mut chars = value.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if mark == '"' && c == '\\' {
            chars.next();
        } else if c == mark {
            if mark == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
            } else {
                return Some(i);
            }
        }
    }
    None
}

/// A `[` or `{` never closed.
pub(super) fn bracket(lines: &[&str], raw: &str) -> Option<(usize, String)> {
    if !(raw.contains("expected ',' or") || raw.contains("end of stream")) {
        return None;
    }
    let (at, key, open) = lines.iter().enumerate().rev().find_map(|(at, line)| {
        let (key, value) = value_of(line)?;
        let open = value.chars().next().filter(|c| *c == '[' || *c == '{')?;
        let close = if open == '[' { ']' } else { '}' };
        (value.matches(open).count() > value.matches(close).count()).then_some((at, key, open))
    })?;
    let (what, close, example) = if open == '[' {
        ("list", ']', "[a, b]")
    } else {
        ("mapping", '}', "{id: a, title: b}")
    };
    let example = match key {
        Some(key) => format!("{key}: {example}"),
        None => format!("- {example}"),
    };
    Some((
        at,
        format!(
            "the {what} opened with `{open}` on this line is never closed: end it with `{close}`, such as `{example}`"
        ),
    ))
}

/// A key with no space after its colon (`date:2025-01-01`).
pub(super) fn missing_space(lines: &[&str]) -> Option<(usize, String)> {
    lines.iter().enumerate().rev().find_map(|(at, line)| {
        let content = item_content(line).1;
        let (key, value) = content.split_once(':')?;
        let is_key = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        let glued =
            value.chars().next().is_some_and(|c| !c.is_whitespace()) && !value.starts_with("//");
        (is_key && glued).then(|| {
            (
                at,
                format!(
                    "`{key}:` needs a space after the colon: write `{key}: {}`",
                    value.trim_end()
                ),
            )
        })
    })
}

/// A value holding `: ` that is not in quotes (`title: Talks: the second round`).
pub(super) fn colon_in_value(lines: &[&str], at: usize, raw: &str) -> Option<(usize, String)> {
    if raw != "mapping values are not allowed in this context" {
        return None;
    }
    let (key, value) = key_value(lines.get(at)?)?;
    let quoted_or_flow = value.starts_with(['"', '\'', '[', '{', '|', '>']);
    if quoted_or_flow || !(value.contains(": ") || value.ends_with(':')) {
        return None;
    }
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    Some((
        at,
        format!(
            "the value of `{key}:` holds `: `, which YAML reads as the start of another key: put the value in quotes, `{key}: \"{escaped}\"`"
        ),
    ))
}
