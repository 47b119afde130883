//! Footnotes: sources cited as `[^id]` given their note, notes listed at the end in
//! the order they are first cited under ids unique within the page, and undefined
//! footnotes found for a warning.
//!
//! It reorders events and writes the notes' HTML; it resolves no wikilink and decides
//! no address (a source's is checked by `urls`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::CitableSource;
use super::urls::source_url_problem;

/// The label of `[^label]` at the start of `text` (a footnote the parser did not find
/// defined, so left as text).
pub(super) fn undefined_footnote(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("[^")?;
    let end = rest.find(']')?;
    let label = &rest[..end];
    (!label.is_empty() && !label.contains(char::is_whitespace) && !rest[end + 1..].starts_with(':'))
        .then_some(label)
}

/// The footnotes of a document in the order they are first cited (their number is
/// their place): each label's id and how many times it is cited so far.
#[derive(Default)]
pub(super) struct Notes<'e> {
    list: Vec<(CowStr<'e>, String, usize)>,
    by_label: HashMap<CowStr<'e>, usize>,
}

/// The place of `label` in `notes`, added (with an id not in `used`) if new.
pub(super) fn note_of<'e>(
    notes: &mut Notes<'e>,
    label: &CowStr<'e>,
    used: &mut HashSet<String>,
) -> usize {
    if let Some(&at) = notes.by_label.get(label) {
        return at;
    }
    let base = match crate::ids::slugify(label) {
        s if s.is_empty() => "note".to_string(),
        s => s,
    };
    // `fn-<x>` and `fnref-<x>` both free; a second citation's `_2` is in no slug.
    let mut x = base.clone();
    let mut n = 1;
    while used.contains(&format!("fn-{x}")) || used.contains(&format!("fnref-{x}")) {
        x = format!("{base}-{n}");
        n += 1;
    }
    let id = format!("fn-{x}");
    used.insert(id.clone());
    used.insert(format!("fnref-{x}"));
    notes.list.push((label.clone(), id, 0));
    notes.by_label.insert(label.clone(), notes.list.len() - 1);
    notes.list.len() - 1
}

/// Lists the footnotes at the end of the document, numbered in the order they are
/// first cited, each with a link back to every place that cites it (↩), under ids
/// (`fn-<label>`, `fnref-<label>`) that no other element of the page uses.
pub(super) fn move_footnotes_to_the_end<'e>(
    events: Vec<Event<'e>>,
    used: &mut HashSet<String>,
) -> Vec<Event<'e>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
    {
        return events;
    }
    let mut notes = Notes::default();
    let mut body = Vec::with_capacity(events.len());
    let mut definitions: HashMap<CowStr<'e>, Vec<Event<'e>>> = HashMap::new();
    let mut inside: Option<(CowStr<'e>, Vec<Event<'e>>)> = None;
    let mut order = Vec::new();
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => inside = Some((label, Vec::new())),
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, inner)) = inside.take() {
                    order.push(label.clone());
                    definitions.entry(label).or_insert(inner);
                }
            }
            Event::FootnoteReference(label) => {
                let at = note_of(&mut notes, &label, used);
                let (_, id, count) = &mut notes.list[at];
                *count += 1;
                let reference = format!("fnref-{}", &id[3..]);
                let reference = if *count == 1 {
                    reference
                } else {
                    format!("{reference}_{count}")
                };
                let html = format!(
                    "<sup class=\"footnote-reference\" id=\"{reference}\"><a href=\"#{id}\">{}</a></sup>",
                    at + 1
                );
                match &mut inside {
                    Some((_, inner)) => inner.push(Event::InlineHtml(html.into())),
                    None => body.push(Event::InlineHtml(html.into())),
                }
            }
            other => match &mut inside {
                Some((_, inner)) => inner.push(other),
                None => body.push(other),
            },
        }
    }
    // Definitions never cited are listed after the cited ones.
    for label in &order {
        note_of(&mut notes, label, used);
    }
    body.push(Event::Html("<div class=\"footnotes\">\n<ol>\n".into()));
    for (label, id, count) in &notes.list {
        let Some(mut inner) = definitions.remove(label) else {
            continue;
        };
        let back: String = (1..=*count)
            .map(|n| {
                let reference = format!("fnref-{}", &id[3..]);
                match n {
                    1 => format!(" <a href=\"#{reference}\" class=\"footnote-backref\">↩</a>"),
                    n => format!(" <a href=\"#{reference}_{n}\" class=\"footnote-backref\">↩<sup>{n}</sup></a>"),
                }
            })
            .collect();
        body.push(Event::Html(format!("<li id=\"{id}\">\n").into()));
        let closes_a_paragraph = matches!(inner.last(), Some(Event::End(TagEnd::Paragraph)));
        if closes_a_paragraph {
            let end = inner.pop();
            inner.push(Event::InlineHtml(back.into()));
            inner.extend(end);
        } else {
            inner.push(Event::Html(back.into()));
        }
        body.extend(inner);
        body.push(Event::Html("</li>\n".into()));
    }
    body.push(Event::Html("</ol>\n</div>\n".into()));
    body
}

/// Appends a footnote definition for every source cited as `[^id]` and not defined.
pub(super) fn append_source_notes<'t>(
    text: &'t str,
    sources: &[CitableSource<'_>],
) -> Cow<'t, str> {
    let mut notes = String::new();
    for source in sources {
        let reference = format!("[^{}]", source.id);
        let definition = format!("[^{}]:", source.id);
        if text.contains(&reference)
            && !text
                .lines()
                .any(|l| l.trim_start().starts_with(&definition))
        {
            notes.push_str(&format!("\n\n{definition} "));
            let title = escape_markdown(if source.title.is_empty() {
                source.id
            } else {
                source.title
            });
            if source.url.is_empty() || source_url_problem(source.url).is_some() {
                notes.push_str(&format!("*{title}*"));
            } else {
                notes.push_str(&format!(
                    "[*{title}*](<{}>)",
                    source.url.replace(['<', '>', '\n'], "")
                ));
            }
            if !source.publisher.is_empty() {
                notes.push_str(&format!(", {}", escape_markdown(source.publisher)));
            }
            notes.push('.');
        }
    }
    if notes.is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("{text}{notes}\n"))
    }
}

pub(super) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}
