//! Explains a YAML syntax error of a front matter in an author's words: which line holds
//! the mistake (often not the one where the parser gave up) and what to write instead.
//!
//! It looks at the text only after the parser failed, so it never changes what valid
//! YAML means; when none of the common mistakes fits, the parser's message is kept,
//! with a hint of what it usually means.

/// The file line and the message for the parse error `error` of `yaml`, a front
/// matter whose first line is line `first_line` of its file.
pub fn explain(yaml: &str, first_line: usize, error: &serde_yaml::Error) -> (usize, String) {
    let lines: Vec<&str> = yaml.lines().collect();
    let parser_line = error
        .location()
        .map(|l| l.line().saturating_sub(1))
        .unwrap_or(0);
    let raw = super::yaml_message(error);
    let (line, message) = match mistake(&lines, parser_line.min(lines.len()), &raw) {
        Some((line, message)) => (line, message),
        None => (parser_line, in_plain_words(&raw)),
    };
    (first_line + line, format!("invalid YAML: {message}"))
}

/// The common mistake that explains an error the parser reported on the 0-based line
/// `at` (`lines.len()` for the end), with its line.
fn mistake(lines: &[&str], at: usize, raw: &str) -> Option<(usize, String)> {
    let upto = &lines[..(at + 1).min(lines.len())];
    tab(upto)
        .or_else(|| {
            quote(if raw.contains("end of stream") {
                lines
            } else {
                upto
            })
        })
        .or_else(|| bracket(upto, raw))
        .or_else(|| missing_space(upto))
        .or_else(|| colon_in_value(lines, at, raw))
        .or_else(|| indentation(lines, at))
}

/// The parser's message with what it usually means.
fn in_plain_words(raw: &str) -> String {
    let hint = match raw {
        "mapping values are not allowed in this context" => {
            "a `: ` where YAML expects none: put a value that holds `: ` in quotes, and check that the line is indented like the keys around it"
        }
        "did not find expected key" | "did not find expected '-' indicator" => {
            "this line does not line up with the lines above it: indent the keys of one mapping, and the `-` of one list, by the same number of spaces"
        }
        "found unexpected end of stream" => {
            "the front matter ends inside a value: close every quote and bracket on the line that opens it"
        }
        "found character that cannot start any token" => {
            "a value starts with a character YAML reserves (such as @, ` or %): put the value in quotes"
        }
        _ => return raw.to_string(),
    };
    format!("{raw}: {hint}")
}

/// The number of leading spaces of `line`.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// True for a line that holds YAML (not blank, not a comment).
fn significant(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty() && !trimmed.starts_with('#')
}

/// A line's key and value (`  - id: cgtn` gives `id` and `cgtn`), when it has a key.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let content = item_content(line).1;
    let (key, value) = content.split_once(':')?;
    let simple = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (simple && (value.is_empty() || value.starts_with(' '))).then(|| (key, value.trim()))
}

/// For a list item (`  - id: x`), whether it is one and where its content starts
/// (the column of `id`); otherwise the line's indent.
fn item_content(line: &str) -> (bool, &str) {
    let trimmed = line.trim_start_matches(' ');
    match trimmed.strip_prefix("- ") {
        Some(rest) => (true, rest.trim_start_matches(' ')),
        None if trimmed == "-" => (true, ""),
        None => (false, trimmed),
    }
}

/// The column where a line's content starts: after the `- ` of a list item.
fn content_column(line: &str) -> usize {
    line.len() - item_content(line).1.len()
}

/// What to do to put a line at `column`.
fn indent_by(column: usize) -> String {
    match column {
        0 => "start it at the beginning of the line".to_string(),
        1 => "indent it by 1 space".to_string(),
        n => format!("indent it by {n} spaces"),
    }
}

/// A tab in the indentation.
fn tab(lines: &[&str]) -> Option<(usize, String)> {
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
fn quote(lines: &[&str]) -> Option<(usize, String)> {
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
fn bracket(lines: &[&str], raw: &str) -> Option<(usize, String)> {
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
fn missing_space(lines: &[&str]) -> Option<(usize, String)> {
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
fn colon_in_value(lines: &[&str], at: usize, raw: &str) -> Option<(usize, String)> {
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

/// A line indented too far or not far enough, or the line before it moved to the left.
fn indentation(lines: &[&str], at: usize) -> Option<(usize, String)> {
    let line = *lines.get(at).filter(|l| significant(l))?;
    let before = (0..at).rev().find(|&i| significant(lines[i]))?;
    let (this, previous) = (indent(line), content_column(lines[before]));
    let name = |line: &str| match key_value(line) {
        Some((key, _)) => format!("`{key}:`"),
        None => format!("`{}`", line.trim()),
    };
    let spaces = |n: usize| {
        if n == 1 {
            "1 space".to_string()
        } else {
            format!("{n} spaces")
        }
    };
    // The nearest line above `before` that is not deeper than this one.
    let outer = (0..before)
        .rev()
        .filter(|&i| significant(lines[i]))
        .find(|&i| indent(lines[i]) <= this || content_column(lines[i]) <= this);
    let is_item = item_content(line).0;
    if this > previous && !is_item {
        if let Some(sibling) = outer.filter(|&i| {
            content_column(lines[i]) == this && previous < this && key_value(lines[i]).is_some()
        }) {
            // `before` left its block: the lines around it are deeper than it.
            return Some((
                before,
                format!(
                    "{} is indented {} but belongs with {} above it and {} below it, at {}: {}",
                    name(lines[before]),
                    spaces(previous),
                    name(lines[sibling]),
                    name(line),
                    spaces(this),
                    indent_by(this)
                ),
            ));
        }
        let parent_value = key_value(lines[before]).is_some_and(|(_, v)| !v.is_empty());
        if parent_value || !item_content(lines[before]).1.ends_with(':') {
            let column = content_column(lines[before]);
            return Some((
                at,
                format!(
                    "{} is indented more than {} on the line above ({} instead of {}), so YAML reads it as part of that value: {}, like {}",
                    name(line),
                    name(lines[before]),
                    spaces(this),
                    column,
                    indent_by(column),
                    name(lines[before]),
                ),
            ));
        }
        return None;
    }
    // The columns open at this point: those of the lines above, from the deepest out.
    let mut open = Vec::new();
    let mut limit = usize::MAX;
    for i in (0..at).rev().filter(|&i| significant(lines[i])) {
        let (dash, content) = (indent(lines[i]), content_column(lines[i]));
        if content < limit {
            open.push((i, content));
        }
        if dash < limit && dash != content {
            open.push((i, dash));
        }
        limit = limit.min(dash);
        if limit == 0 {
            break;
        }
    }
    if is_item {
        // A `-` among the keys of the item above, or a list whose `-` do not line up.
        let items: Vec<usize> = open
            .iter()
            .filter(|&&(i, col)| item_content(lines[i]).0 && indent(lines[i]) == col)
            .map(|&(i, _)| i)
            .collect();
        let same_list = items.iter().find(|&&i| indent(lines[i]) != this)?;
        let deeper_than_key = open.iter().any(|&(_, col)| col == this);
        if indent(lines[*same_list]) > this || deeper_than_key {
            let column = indent(lines[*same_list]);
            return Some((
                at,
                format!(
                    "this list item is indented {}, but the item above it ({}) is at {}: indent every `-` of a list by the same number of spaces",
                    spaces(this),
                    lines[*same_list].trim(),
                    spaces(column)
                ),
            ));
        }
        return None;
    }
    if open.iter().any(|&(_, col)| col == this) {
        return None;
    }
    // Deeper than the column it should share: the nearest open column to the right.
    let (sibling, column) = open
        .iter()
        .filter(|&&(_, col)| col > this)
        .min_by_key(|&&(_, col)| col)
        .copied()?;
    let sibling_name = match key_value(lines[sibling]) {
        Some((key, _)) => format!("`{key}:`"),
        None => format!("`{}`", lines[sibling].trim()),
    };
    Some((
        at,
        format!(
            "{} is indented {}, but {} above it is at {}: {}",
            name(line),
            spaces(this),
            sibling_name,
            spaces(column),
            indent_by(column)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 1-based line and the message for `yaml`, as in a file whose front matter
    /// starts on line 2.
    fn explained(yaml: &str) -> (usize, String) {
        let error = serde_yaml::from_str::<serde_yaml::Value>(yaml).expect_err("invalid YAML");
        explain(yaml, 2, &error)
    }

    #[test]
    fn an_over_indented_key_is_named_with_the_line_above() {
        assert_eq!(
            explained("title: Talks\n  date: 2025-01-01\n"),
            (3, "invalid YAML: `date:` is indented more than `title:` on the line above (2 spaces instead of 0), so YAML reads it as part of that value: start it at the beginning of the line, like `title:`".into())
        );
    }

    #[test]
    fn a_key_moved_to_column_0_is_reported_on_its_own_line() {
        let yaml = "title: Talks\nmeetings:\n  - title: A\n    date: 2025-01-01\nlocation: Geneva\n    participants: [a, b]\n";
        let (line, message) = explained(yaml);
        assert_eq!(line, 6, "{message}");
        assert!(message.contains("`location:` is indented 0 spaces but belongs with `date:` above it and `participants:` below it, at 4 spaces: indent it by 4 spaces"), "{message}");
    }

    #[test]
    fn under_indented_lines_and_items_say_where_to_put_them() {
        let (line, message) =
            explained("sources:\n  - id: a\n    title: x\n  - id: b\n   title: y\n");
        assert_eq!(line, 6);
        assert!(
            message.contains("`title:` is indented 3 spaces, but `id:` above it is at 4 spaces"),
            "{message}"
        );
        let (line, message) = explained("topics:\n  - a\n - b\n");
        assert_eq!(line, 4);
        assert!(
            message.contains(
                "this list item is indented 1 space, but the item above it (- a) is at 2 spaces"
            ),
            "{message}"
        );
    }

    #[test]
    fn quotes_brackets_colons_and_tabs() {
        assert_eq!(
            explained("title: \"Talks\ndate: 2025-01-01\n").1,
            "invalid YAML: the value of `title:` opens a quote (\") that is never closed: end the value with \" on the same line"
        );
        assert_eq!(
            explained("summary: \"He said \"no\" today\"\ndate: x\n").1,
            "invalid YAML: the value of `summary:` has a quote (\") inside the quotes that enclose it, so the value ends early: write `summary: 'He said \"no\" today'`"
        );
        assert_eq!(
            explained("title: A\ntopics: [a, b\nsummary: x\n"),
            (3, "invalid YAML: the list opened with `[` on this line is never closed: end it with `]`, such as `topics: [a, b]`".into())
        );
        assert_eq!(
            explained("title: Talks: round two\n"),
            (2, "invalid YAML: the value of `title:` holds `: `, which YAML reads as the start of another key: put the value in quotes, `title: \"Talks: round two\"`".into())
        );
        assert_eq!(
            explained("title:Talks\ndate: 2025-01-01\n"),
            (
                2,
                "invalid YAML: `title:` needs a space after the colon: write `title: Talks`".into()
            )
        );
        assert_eq!(explained("title: A\n\tdate: 2025-01-01\n").0, 3);
    }

    #[test]
    fn other_errors_keep_the_parsers_words_with_a_hint() {
        let (line, message) = explained("a: b\n- c\n");
        assert_eq!(line, 3);
        assert!(message.starts_with("invalid YAML: "), "{message}");
    }
}
