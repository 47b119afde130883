//! Where a template's blocks open and close, read from its source: Tera reports a
//! block left open where it finds out (at the `{% endblock %}` or the end of the file
//! that comes after it, often a hundred lines below), and an author needs the line of
//! the tag that is not closed.
//!
//! A small scan of the block tags only (`{% if %}` ... `{% endif %}` and the like),
//! skipping comments, expressions, strings and `{% raw %}` sections; it checks nothing
//! else of the syntax, which stays Tera's.

/// A tag of a template: its keyword (`if`, `endfor`), its text as written, its line.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Tag<'t> {
    keyword: &'t str,
    text: &'t str,
    line: usize,
}

/// The keywords that open a block, each with the one that closes it.
const BLOCKS: [(&str, &str); 8] = [
    ("if", "endif"),
    ("for", "endfor"),
    ("block", "endblock"),
    ("macro", "endmacro"),
    ("filter", "endfilter"),
    ("component", "endcomponent"),
    ("set", "endset"),
    ("set_global", "endset"),
];

/// The keyword that closes a block opened by `tag`, when it opens one. `{% set x =
/// ... %}` opens nothing; `{% set x %}` (or `{% set x | filter %}`) captures up to
/// `{% endset %}`.
fn closer(tag: &Tag<'_>) -> Option<&'static str> {
    let (_, end) = BLOCKS.iter().find(|(open, _)| *open == tag.keyword)?;
    if tag.keyword.starts_with("set") {
        let inner = inner(tag.text);
        let rest = inner[tag.keyword.len()..].trim_start();
        let after_name = rest.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
        if after_name.trim_start().starts_with('=') {
            return None;
        }
    }
    Some(end)
}

fn is_closer(keyword: &str) -> bool {
    BLOCKS.iter().any(|(_, end)| *end == keyword)
}

/// The opening keyword a closer closes, as an author would write it.
fn opener_of(end: &str) -> &str {
    end.strip_prefix("end").unwrap_or(end)
}

/// What is between `{%` and `%}`, without whitespace control marks.
fn inner(text: &str) -> &str {
    let text = text.strip_prefix("{%").unwrap_or(text);
    let text = text.strip_suffix("%}").unwrap_or(text);
    text.trim_start_matches(['-', '+'])
        .trim_end_matches(['-', '+'])
        .trim()
}

/// The end of the tag, expression or comment starting at `from` (just after its
/// opening mark), whose closing mark is `end`: strings are skipped whole, so that a
/// `%}` inside quotes ends nothing. `None` when it never ends.
fn end_of(source: &str, from: usize, end: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut at = from;
    let mut quote: Option<u8> = None;
    while at < bytes.len() {
        let byte = bytes[at];
        match quote {
            Some(q) if byte == q => quote = None,
            Some(_) => {}
            None if end != "#}" && matches!(byte, b'"' | b'\'' | b'`') => quote = Some(byte),
            None if source[at..].starts_with(end) => return Some(at + end.len()),
            None => {}
        }
        at += 1;
    }
    None
}

/// Every tag of `source` that opens or closes a block, in order. The text of a
/// `{% raw %}` section is skipped, as Tera does.
fn tags(source: &str) -> Vec<Tag<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    let mut line = 1;
    let mut counted = 0;
    let mut in_raw = false;
    while let Some(offset) = source[at..].find('{') {
        let start = at + offset;
        let mark = &source[start..];
        let end = if mark.starts_with("{%") {
            "%}"
        } else if mark.starts_with("{{") && !in_raw {
            "}}"
        } else if mark.starts_with("{#") && !in_raw {
            "#}"
        } else {
            at = start + 1;
            continue;
        };
        let Some(stop) = end_of(source, start + 2, end) else {
            break;
        };
        at = stop;
        if end != "%}" {
            continue;
        }
        line += source[counted..start].matches('\n').count();
        counted = start;
        let text = &source[start..stop];
        let keyword = inner(text)
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        if in_raw {
            in_raw = keyword != "endraw";
            continue;
        }
        if keyword == "raw" {
            in_raw = true;
            continue;
        }
        let tag = Tag {
            keyword,
            text,
            line,
        };
        if closer(&tag).is_some() || is_closer(keyword) {
            found.push(tag);
        }
    }
    found
}

/// A block tag's text on one line, as it is quoted in a message.
fn quoted(text: &str) -> String {
    let one_line: Vec<&str> = text.split_whitespace().collect();
    format!("`{}`", one_line.join(" "))
}

/// Where the blocks of `source` go wrong, when that is what Tera reports: its error at
/// `tera_line` says `message`. A block left open is reported at its opening tag's
/// line, a closing tag that closes nothing at its own, each saying what to write.
/// `None` when the blocks are not where Tera stopped (another mistake, Tera's report
/// stands).
pub(super) fn misplaced(source: &str, tera_line: usize, message: &str) -> Option<(usize, String)> {
    let at_end = message == "Unexpected end of input";
    if !at_end && message != "Unknown tag" && !message.starts_with("Found ") {
        return None;
    }
    let mut open: Vec<(Tag<'_>, &str)> = Vec::new();
    for tag in tags(source) {
        if let Some(end) = closer(&tag) {
            open.push((tag, end));
            continue;
        }
        if open.last().is_some_and(|(_, end)| *end == tag.keyword) {
            open.pop();
            continue;
        }
        // Tera stops at the first tag it cannot place; a mistake of the blocks
        // elsewhere is not the one it reports.
        if tag.line != tera_line {
            return None;
        }
        let wanted = format!("{{% {} %}}", opener_of(tag.keyword));
        return Some(match open.last() {
            Some((top, top_end)) if open.iter().any(|(_, end)| *end == tag.keyword) => (
                top.line,
                format!(
                    "{} is never closed: write `{{% {top_end} %}}` where the `{}` ends, before {} on line {}",
                    quoted(top.text),
                    top.keyword,
                    quoted(tag.text),
                    tag.line
                ),
            ),
            Some((top, top_end)) => (
                tag.line,
                format!(
                    "{} closes no `{wanted}`: the block open here is {} of line {}, closed by `{{% {top_end} %}}`",
                    quoted(tag.text),
                    quoted(top.text),
                    top.line
                ),
            ),
            None => (
                tag.line,
                format!(
                    "{} closes no `{wanted}`: remove it, or open the block above it",
                    quoted(tag.text)
                ),
            ),
        });
    }
    let (top, top_end) = open.last()?;
    at_end.then(|| {
        (
            top.line,
            format!(
                "{} is never closed: write `{{% {top_end} %}}` where the `{}` ends",
                quoted(top.text),
                top.keyword
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_if_left_open_is_reported_at_its_own_line() {
        let source = "{% extends \"base.html\" %}\n{% block content %}\n<h1>x</h1>\n{% if a %}\n<p>a</p>\n\n{% endblock content %}\n";
        assert_eq!(
            misplaced(source, 7, "Unknown tag"),
            Some((
                4,
                "`{% if a %}` is never closed: write `{% endif %}` where the `if` ends, before `{% endblock content %}` on line 7".into()
            ))
        );
    }

    #[test]
    fn a_block_left_open_at_the_end_of_the_file() {
        let source = "{% block content %}\n{% for x in xs %}\n{{ x }}\n{% endfor %}\n";
        assert_eq!(
            misplaced(source, 4, "Unexpected end of input"),
            Some((
                1,
                "`{% block content %}` is never closed: write `{% endblock %}` where the `block` ends".into()
            ))
        );
    }

    #[test]
    fn a_closing_tag_that_closes_nothing() {
        let source = "<p>\n{% endif %}\n";
        assert_eq!(
            misplaced(source, 2, "Unknown tag"),
            Some((
                2,
                "`{% endif %}` closes no `{% if %}`: remove it, or open the block above it".into()
            ))
        );
        let source = "{% for x in xs %}\n{% endif %}\n{% endfor %}";
        assert_eq!(
            misplaced(source, 2, "Unknown tag"),
            Some((
                2,
                "`{% endif %}` closes no `{% if %}`: the block open here is `{% for x in xs %}` of line 1, closed by `{% endfor %}`".into()
            ))
        );
    }

    #[test]
    fn comments_strings_raw_and_set_open_nothing() {
        let source = "{% block content %}\n{# {% if %} #}\n{{ \"{% if\" }}\n{% raw %}{% if %}{% endraw %}\n{% set x = 1 %}\n{% set y %}y{% endset %}\n{%- if x -%}\n{% set_global z | upper %}z{% endset %}\n{% endblock %}";
        assert_eq!(
            misplaced(source, 9, "Unknown tag").map(|(line, _)| line),
            Some(7)
        );
    }

    #[test]
    fn another_mistake_keeps_teras_report() {
        // The blocks are fine: Tera's "Unknown tag" is about an unknown tag.
        assert_eq!(
            misplaced("{% if a %}{% nope %}{% endif %}", 1, "Unknown tag"),
            None
        );
        // The stray tag is not where Tera stopped.
        assert_eq!(
            misplaced("{% endif %}\n\n{% nope %}", 3, "Unknown tag"),
            None
        );
        // Not a matter of blocks.
        assert_eq!(
            misplaced("{% if %}", 1, "Found `%}` but expected an expression"),
            None
        );
    }
}
