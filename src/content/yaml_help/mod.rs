//! Explains a YAML syntax error of a front matter in an author's words: which line holds
//! the mistake (often not the one where the parser gave up) and what to write instead.
//!
//! It looks at the text only after the parser failed, so it never changes what valid
//! YAML means; when none of the common mistakes fits, the parser's message is kept,
//! with a hint of what it usually means.

mod indentation;
mod marks;

use indentation::indentation;
use marks::{bracket, colon_in_value, missing_space, quote, tab};

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
pub(super) fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// True for a line that holds YAML (not blank, not a comment).
pub(super) fn significant(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty() && !trimmed.starts_with('#')
}

/// A line's key and value (`  - id: cgtn` gives `id` and `cgtn`), when it has a key.
pub(super) fn key_value(line: &str) -> Option<(&str, &str)> {
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
pub(super) fn item_content(line: &str) -> (bool, &str) {
    let trimmed = line.trim_start_matches(' ');
    match trimmed.strip_prefix("- ") {
        Some(rest) => (true, rest.trim_start_matches(' ')),
        None if trimmed == "-" => (true, ""),
        None => (false, trimmed),
    }
}

/// The column where a line's content starts: after the `- ` of a list item.
pub(super) fn content_column(line: &str) -> usize {
    line.len() - item_content(line).1.len()
}

/// What to do to put a line at `column`.
pub(super) fn indent_by(column: usize) -> String {
    match column {
        0 => "start it at the beginning of the line".to_string(),
        1 => "indent it by 1 space".to_string(),
        n => format!("indent it by {n} spaces"),
    }
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
