//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, smart
//! punctuation, heading anchors, `[[wikilinks]]`, and sources cited as footnotes.
//!
//! Author text is untrusted. Links and images keep only http, https, mailto and
//! relative addresses; raw HTML is sanitized with ammonia unless the site opts in to
//! trusted HTML. Internal links are written against [`ROOT_MARK`], which
//! [`relink`] turns into the way back to the root of the page that shows them.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::diagnostics::Severity;

mod footnotes;
mod ids;
mod sanitize;
mod urls;
mod wikilinks;

use footnotes::{append_source_notes, move_footnotes_to_the_end, undefined_footnote};
use ids::{PAGE_IDS, add_heading_ids, demote_headings};
use sanitize::{MAX_RAW_HTML_DEPTH, SANITIZER, raw_html_depth};
pub use urls::{is_safe_url, relink, source_url_problem};
use urls::{refused, root_relative};
pub use wikilinks::{LinkResolver, LinkTarget, Refusal, wikilink_kind};

/// Stands for the site root in the links of rendered HTML until a page is rendered.
pub const ROOT_MARK: &str = "@root/";

/// A problem of a rendered text, at its 0-based line within the text (the resolver
/// moves it to the line of the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    fn warning(line: usize, message: String) -> Problem {
        Problem {
            line,
            severity: Severity::Warning,
            message,
        }
    }
}

/// A source that a `[^id]` footnote can cite without defining it.
#[derive(Debug, Clone)]
pub struct CitableSource<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub publisher: &'a str,
    pub url: &'a str,
}

/// The result of rendering one text. A document's HTML is shared (`H` = `Arc<str>`),
/// since `dossier serve` keeps it from one build to the next; a short field's is a
/// `String`.
#[derive(Debug, Clone)]
pub struct Rendered<T, H = Arc<str>> {
    /// Safe HTML, with internal links written against [`ROOT_MARK`].
    pub html: H,
    /// What every resolved wikilink pointed to, in order.
    pub targets: Vec<T>,
    /// Problems, in the order of the text.
    pub problems: Vec<Problem>,
    /// Every wikilink of the text that the resolver refused, with its 0-based line and
    /// its target; not those of the source notes appended to a document.
    pub unresolved: Vec<(usize, String)>,
}

/// How to treat raw HTML.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Keep raw HTML as written (trusted sites only).
    pub trusted_html: bool,
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
}

/// Where each line of a text starts, to turn a byte offset into a 0-based line.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Self {
        Lines(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    fn of(&self, offset: usize) -> usize {
        self.0
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }
}

/// Renders a Markdown document (a briefing body, a biography).
pub fn render<R: LinkResolver>(
    text: &str,
    resolver: &R,
    sources: &[CitableSource<'_>],
    options: RenderOptions,
) -> Rendered<R::Target> {
    let with_notes = append_source_notes(text, sources);
    let cited: Vec<&str> = sources.iter().map(|s| s.id).collect();
    let rendered = render_events(&with_notes, text.len(), resolver, options, &cited, true);
    Rendered {
        html: rendered.html.into(),
        targets: rendered.targets,
        problems: rendered.problems,
        unresolved: rendered.unresolved,
    }
}

/// Renders a short Markdown field (a stance, a summary): a single paragraph loses its
/// `<p>` wrapper so that it can stand inline.
pub fn render_inline<R: LinkResolver>(
    text: &str,
    resolver: &R,
    options: RenderOptions,
) -> Rendered<R::Target, String> {
    let mut rendered = render_events(text, text.len(), resolver, options, &[], false);
    let html = rendered.html.trim_end();
    if let Some(inner) = html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        && !inner.contains("<p>")
    {
        rendered.html = inner.to_string();
    }
    rendered
}

/// Renders `text`, of which the first `own_len` bytes are the author's (the rest are
/// source notes). `cited` are the ids of the sources the page lists (`source-<id>`);
/// with `anchors`, headings get ids and footnotes are listed at the end.
fn render_events<R: LinkResolver>(
    text: &str,
    own_len: usize,
    resolver: &R,
    options: RenderOptions,
    cited: &[&str],
    anchors: bool,
) -> Rendered<R::Target, String> {
    // The line index is made only for a text that has a problem to report.
    let lines = OnceCell::new();
    let line_of = |offset: usize| lines.get_or_init(|| Lines::new(text)).of(offset);

    // About one event per 16 bytes of prose: reserving that spares most regrowth.
    let mut events: Vec<Event<'_>> = Vec::with_capacity(text.len() / 16);
    let mut targets = Vec::new();
    let mut problems = Vec::new();
    let mut unresolved = Vec::new();
    let mut has_raw_html = false;
    // Links and images whose address was refused: their End event is dropped too.
    let mut dropped_ends: Vec<TagEnd> = Vec::new();
    // Wikilinks without a label whose text becomes the target's name.
    let mut rename_next: Option<&str> = None;

    for (event, range) in Parser::new_ext(text, parser_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            }) => match resolver.resolve(&dest_url) {
                Ok((target, link)) => {
                    targets.push(target);
                    let (kind, written) = wikilink_kind(&dest_url);
                    if !has_pothole && (kind.is_some() || written == link.id) {
                        rename_next = Some(link.name);
                    }
                    events.push(Event::Start(Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url: format!("{ROOT_MARK}{}", link.url).into(),
                        title: link.title.into(),
                        id: CowStr::Borrowed(""),
                    }));
                }
                Err(Refusal::Ambiguous(message)) => {
                    problems.push(Problem {
                        line: line_of(range.start),
                        severity: Severity::Error,
                        message,
                    });
                    dropped_ends.push(TagEnd::Link);
                }
                Err(Refusal::NoMatch(message)) => {
                    let line = line_of(range.start);
                    problems.push(Problem::warning(line, message));
                    // A bare or `actor:` wikilink to nothing makes an actor.
                    match wikilink_kind(&dest_url) {
                        (None, _) if range.start < own_len => {
                            unresolved.push((line, dest_url.to_string()))
                        }
                        (Some("actor"), written) if range.start < own_len => {
                            unresolved.push((line, written.to_string()))
                        }
                        _ => {}
                    }
                    dropped_ends.push(TagEnd::Link);
                }
            },
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if is_safe_url(&dest_url) {
                    let dest_url = root_relative(dest_url);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                } else {
                    problems.push(Problem::warning(line_of(range.start), refused(&dest_url)));
                    dropped_ends.push(TagEnd::Link);
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if is_safe_url(&dest_url) {
                    let dest_url = root_relative(dest_url);
                    events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                } else {
                    problems.push(Problem::warning(line_of(range.start), refused(&dest_url)));
                    dropped_ends.push(TagEnd::Image);
                }
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
                rename_next = None;
                if dropped_ends.last() == Some(&end)
                    && !matches!(events.last(), Some(Event::End(e)) if *e == end)
                {
                    dropped_ends.pop();
                } else {
                    events.push(Event::End(end));
                }
            }
            Event::Text(text) if rename_next.is_some() => {
                let name = rename_next.take().unwrap_or_default();
                events.push(Event::Text(CowStr::Borrowed(name)));
                drop(text);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                has_raw_html = true;
                events.push(Event::Html(html));
            }
            Event::Text(bracket) if &*bracket == "[" && range.start < own_len => {
                if let Some(label) = undefined_footnote(&text[range.start..]) {
                    problems.push(Problem::warning(
                        line_of(range.start),
                        format!("footnote [^{label}] is not defined: add a line `[^{label}]: ...` after the text, or a source with `id: {label}`"),
                    ));
                }
                events.push(Event::Text(bracket));
            }
            other => events.push(other),
        }
    }
    // Every id the page holds besides the document's: a heading or a footnote takes none
    // of them.
    let mut used: HashSet<String> = PAGE_IDS.iter().map(|id| id.to_string()).collect();
    used.extend(cited.iter().map(|id| format!("source-{id}")));
    if anchors {
        demote_headings(&mut events);
        add_heading_ids(&mut events, &mut used);
    }
    if has_raw_html && !options.trusted_html && raw_html_depth(&events) > MAX_RAW_HTML_DEPTH {
        // The sanitizer's HTML parser takes quadratic time on deep nesting: show such
        // markup as text instead.
        for event in events.iter_mut() {
            if let Event::Html(html) = event {
                *event = Event::Text(std::mem::replace(html, CowStr::Borrowed("")));
            }
        }
        has_raw_html = false;
        problems.push(Problem::warning(
            0,
            format!(
                "raw HTML nested more than {MAX_RAW_HTML_DEPTH} elements deep is shown as text"
            ),
        ));
    }
    if anchors {
        events = move_footnotes_to_the_end(events, &mut used);
    }
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if has_raw_html && !options.trusted_html {
        html = SANITIZER.clean(&html).to_string();
    }
    Rendered {
        html,
        targets,
        problems,
        unresolved,
    }
}

#[cfg(test)]
mod tests;
