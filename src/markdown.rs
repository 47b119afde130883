//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, smart
//! punctuation, heading anchors, `[[wikilinks]]`, and sources cited as footnotes.
//!
//! Author text is untrusted. Links and images keep only http, https, mailto and
//! relative addresses; raw HTML is sanitized with ammonia unless the site opts in to
//! trusted HTML. Internal links are written against [`ROOT_MARK`], which
//! [`relink`] turns into the way back to the root of the page that shows them.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::diagnostics::Severity;

/// Stands for the site root in the links of rendered HTML until a page is rendered.
pub const ROOT_MARK: &str = "@root/";

/// Where a wikilink goes; the texts are borrowed from the resolver.
#[derive(Debug, Clone)]
pub struct LinkTarget<'a> {
    /// Root-relative address of the page (`actors/x/index.html`).
    pub url: String,
    /// Tooltip text (the actor's role), may be empty.
    pub title: &'a str,
    /// The target's id, shown as the name when the reference spelled the id.
    pub id: &'a str,
    /// The target's display name.
    pub name: &'a str,
}

/// Resolves the target of a `[[wikilink]]`.
pub trait LinkResolver {
    /// What the caller wants recorded for each resolved link (e.g. a mention).
    type Target;
    /// The page the reference names, or why it names none.
    fn resolve(&self, reference: &str) -> Result<(Self::Target, LinkTarget<'_>), Refusal>;
}

/// Why a wikilink leads nowhere. It is shown as plain text either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It names nothing (a warning); a bare or `actor:` one makes an actor.
    NoMatch(String),
    /// It names more than one thing, and no page can be chosen (an error).
    Ambiguous(String),
}

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

/// The kind a wikilink says it names (`[[topic:annexation]]`: `topic`), and the rest
/// of it; no kind for a bare wikilink (or one whose prefix is not a kind).
pub fn wikilink_kind(reference: &str) -> (Option<&'static str>, &str) {
    const KINDS: [&str; 4] = ["actor", "topic", "briefing", "meeting"];
    if let Some((prefix, rest)) = reference.split_once(':') {
        let prefix = prefix.trim();
        if let Some(kind) = KINDS.iter().find(|k| k.eq_ignore_ascii_case(prefix)) {
            return (Some(kind), rest.trim());
        }
    }
    (None, reference)
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

/// How deep raw HTML may nest before it is shown as text.
const MAX_RAW_HTML_DEPTH: usize = 256;

/// The deepest nesting of the raw HTML elements among `events`, estimated by counting
/// opening and closing tags (void elements and `/>` do not nest).
fn raw_html_depth(events: &[Event<'_>]) -> usize {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    for event in events {
        let Event::Html(html) = event else { continue };
        let mut rest: &str = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            if let Some(closing) = rest.strip_prefix('/') {
                depth = depth.saturating_sub(1);
                rest = closing;
                continue;
            }
            let name_len = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            if name_len == 0 {
                continue;
            }
            let name = rest[..name_len].to_ascii_lowercase();
            let end = rest.find('>').unwrap_or(rest.len());
            if !VOID.contains(&name.as_str()) && !rest[..end].ends_with('/') {
                depth += 1;
                deepest = deepest.max(depth);
            }
            rest = &rest[end..];
        }
    }
    deepest
}

fn refused(url: &str) -> String {
    format!(
        "link to '{}' removed: only http, https, mailto and relative addresses are allowed",
        url.trim()
    )
}

/// An author's root-relative link (`/actors/x/`) is made relative to the page that
/// shows it, and a link to a folder names its `index.html`, so that it works from disk.
fn root_relative(url: CowStr<'_>) -> CowStr<'_> {
    match url.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') => {
            let end = rest.find(['?', '#']).unwrap_or(rest.len());
            let (path, after) = rest.split_at(end);
            let last = path.rsplit('/').next().unwrap_or_default();
            let index = if path.is_empty() || path.ends_with('/') {
                "index.html"
            } else if !last.contains('.') {
                "/index.html"
            } else {
                ""
            };
            format!("{ROOT_MARK}{path}{index}{after}").into()
        }
        _ => url,
    }
}

/// Why a source's address cannot be its link: a refused scheme (an error), or no
/// scheme at all (`www.state.gov/x`, a warning), which would make a link into this
/// site that goes nowhere. `None` for an address that can be linked.
pub fn source_url_problem(url: &str) -> Option<(bool, String)> {
    if url.is_empty() {
        return None;
    }
    if !is_safe_url(url) {
        return Some((
            true,
            format!(
                "source url '{url}' is refused: only http, https and mailto addresses are allowed"
            ),
        ));
    }
    let lower = url.to_ascii_lowercase();
    let has_scheme = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    (!has_scheme).then(|| {
        (
            false,
            format!(
                "source url '{url}' has no scheme, so it would link to a page of this dossier: write it in full, such as https://{}",
                url.trim_start_matches('/')
            ),
        )
    })
}

/// A page shows its own title as `<h1>`: when a document uses `#` headings, every
/// heading moves one level down so that the page keeps a single `<h1>`.
fn demote_headings(events: &mut [Event<'_>]) {
    let has_h1 = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });
    if !has_h1 {
        return;
    }
    let lower = |level: HeadingLevel| match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    };
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => *level = lower(*level),
            Event::End(TagEnd::Heading(level)) => *level = lower(*level),
            _ => {}
        }
    }
}

/// Gives every heading without an explicit `{#id}` an id made from its text, unique
/// within the page (`used` holds the ids already taken, and takes these).
fn add_heading_ids(events: &mut [Event<'_>], used: &mut HashSet<String>) {
    for event in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            used.insert(id.to_string());
        }
    }
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = match crate::model::slugify(&text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let id = unique(base, used);
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(id.into());
            }
            i = j;
        }
        i += 1;
    }
}

/// The ids the default templates give the elements of the pages that show a document:
/// the document's own headings and footnotes take none of them.
const PAGE_IDS: &[&str] = &[
    "main",
    "site-search-q",
    "sec-meetings",
    "sec-positions",
    "sec-quotes",
    "sec-sources",
    "sec-counterparts",
    "sec-timeline",
    "sec-members",
    "sec-briefings",
    "sec-summary",
    "sec-outcome",
];

/// `base`, or `base-1`, `base-2`... the first that is not in `used`, which takes it.
fn unique(base: String, used: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 1;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// The label of `[^label]` at the start of `text` (a footnote the parser did not find
/// defined, so left as text).
fn undefined_footnote(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("[^")?;
    let end = rest.find(']')?;
    let label = &rest[..end];
    (!label.is_empty() && !label.contains(char::is_whitespace) && !rest[end + 1..].starts_with(':'))
        .then_some(label)
}

/// The footnotes of a document in the order they are first cited (their number is
/// their place): each label's id and how many times it is cited so far.
#[derive(Default)]
struct Notes<'e> {
    list: Vec<(CowStr<'e>, String, usize)>,
    by_label: HashMap<CowStr<'e>, usize>,
}

/// The place of `label` in `notes`, added (with an id not in `used`) if new.
fn note_of<'e>(notes: &mut Notes<'e>, label: &CowStr<'e>, used: &mut HashSet<String>) -> usize {
    if let Some(&at) = notes.by_label.get(label) {
        return at;
    }
    let base = match crate::model::slugify(label) {
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
fn move_footnotes_to_the_end<'e>(
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
fn append_source_notes<'t>(text: &'t str, sources: &[CitableSource<'_>]) -> Cow<'t, str> {
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

fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// True for http, https and mailto addresses and for relative ones; false for
/// `javascript:`, `data:`, `vbscript:` and every other scheme.
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore whitespace and control characters inside a scheme.
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(at) if cleaned[at..].starts_with(':') => {
            matches!(
                cleaned[..at].to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto"
            )
        }
        _ => true,
    }
}

/// Replaces [`ROOT_MARK`] in rendered HTML with `root`, the way from a page to the site root.
pub fn relink<'a>(html: &'a str, root: &str) -> Cow<'a, str> {
    const MARKED: &str = "=\"@root/";
    if html.contains(MARKED) {
        Cow::Owned(html.replace(MARKED, &format!("=\"{root}")))
    } else {
        Cow::Borrowed(html)
    }
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .add_generic_attributes(["id"])
        .add_tag_attributes("a", ["title"])
        .add_tag_attributes("code", ["class"])
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("div", ["class"])
        .add_tag_attributes("span", ["class"]);
    builder
});

#[cfg(test)]
mod tests {
    use super::*;

    struct NoNames;
    impl LinkResolver for NoNames {
        type Target = String;
        fn resolve(&self, reference: &str) -> Result<(String, LinkTarget<'_>), Refusal> {
            match wikilink_kind(reference).1.to_lowercase().as_str() {
                "steve-witkoff" | "witkoff" => Ok((
                    "steve-witkoff".into(),
                    LinkTarget {
                        url: "actors/steve-witkoff/index.html".into(),
                        title: "U.S. special envoy",
                        id: "steve-witkoff",
                        name: "Steve Witkoff",
                    },
                )),
                "both" => Err(Refusal::Ambiguous(format!("'{reference}' names two pages"))),
                _ => Err(Refusal::NoMatch(format!("unknown page '{reference}'"))),
            }
        }
    }

    fn html(text: &str) -> String {
        render(text, &NoNames, &[], RenderOptions::default())
            .html
            .to_string()
    }

    #[test]
    fn wikilinks_resolve_and_show_the_name_for_an_id() {
        let out = render(
            "Met [[steve-witkoff]] and [[Witkoff|the envoy]].",
            &NoNames,
            &[],
            RenderOptions::default(),
        );
        assert_eq!(
            &*out.html,
            "<p>Met <a href=\"@root/actors/steve-witkoff/index.html\" title=\"U.S. special envoy\">Steve Witkoff</a> and <a href=\"@root/actors/steve-witkoff/index.html\" title=\"U.S. special envoy\">the envoy</a>.</p>\n"
        );
        assert_eq!(out.targets, vec!["steve-witkoff", "steve-witkoff"]);
        assert!(out.problems.is_empty());
    }

    #[test]
    fn unknown_wikilinks_become_text_and_a_problem_with_their_line() {
        let out = render(
            "One\n\nTwo [[Nobody]] here",
            &NoNames,
            &[],
            RenderOptions::default(),
        );
        assert_eq!(&*out.html, "<p>One</p>\n<p>Two Nobody here</p>\n");
        assert_eq!(
            out.problems,
            vec![Problem::warning(2, "unknown page 'Nobody'".to_string())]
        );
        assert_eq!(out.unresolved, vec![(2, "Nobody".to_string())]);
    }

    #[test]
    fn an_ambiguous_wikilink_is_an_error_and_makes_no_page() {
        let out = render("See [[Both]].", &NoNames, &[], RenderOptions::default());
        assert_eq!(&*out.html, "<p>See Both.</p>\n");
        assert_eq!(
            out.problems,
            vec![Problem {
                line: 0,
                severity: Severity::Error,
                message: "'Both' names two pages".to_string(),
            }]
        );
        assert!(out.unresolved.is_empty());
    }

    #[test]
    fn dangerous_links_and_raw_html_are_removed() {
        assert_eq!(html("[x](javascript:alert(1))"), "<p>x</p>\n");
        assert_eq!(
            html("[x]( JaVa\tScRiPt:alert(1))"),
            "<p>[x]( JaVa\tScRiPt:alert(1))</p>\n"
        );
        assert_eq!(html("![x](data:text/html,hi)"), "<p>x</p>\n");
        let out = html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
        assert!(
            !out.contains("<script") && !out.contains("onerror"),
            "{out}"
        );
        assert!(
            is_safe_url("https://example.org")
                && is_safe_url("../x")
                && is_safe_url("mailto:a@b.c")
        );
        assert!(!is_safe_url("vbscript:x") && !is_safe_url("java\nscript:x"));
    }

    #[test]
    fn pathological_input_renders_in_linear_time() {
        // Each of these is quadratic or worse in a naive renderer; at 100,000 repetitions
        // such a renderer would not finish.
        let n = 100_000;
        for text in [
            ">".repeat(n) + " x",
            "[".repeat(n),
            "*".repeat(n) + "x" + &"*".repeat(n),
            (0..n)
                .map(|i| format!("{}- x\n", "  ".repeat(i % 200)))
                .collect::<String>(),
            "[[".repeat(n) + &"]]".repeat(n),
        ] {
            render(&text, &NoNames, &[], RenderOptions::default());
        }
        let notes: String = (0..80_000)
            .map(|i| format!("[^{i}]\n\n[^{i}]: note\n\n"))
            .collect();
        assert!(
            render(&notes, &NoNames, &[], RenderOptions::default())
                .html
                .contains("note")
        );
        let out = render(&"<div>".repeat(n), &NoNames, &[], RenderOptions::default());
        assert!(
            out.html.starts_with("<p>&lt;div&gt;") || out.html.starts_with("&lt;div&gt;"),
            "{}",
            &out.html[..40]
        );
        assert_eq!(out.problems.len(), 1);
    }

    #[test]
    fn text_that_looks_like_an_attribute_stays_text() {
        // Found by the markdown fuzz target (a false alarm in the target, kept as a test).
        assert_eq!(html("\u{8} onload="), "<p>\u{8} onload=</p>\n");
        assert_eq!(html("<p onload=alert(1)>x</p>"), "<p>x</p>");
        assert_eq!(
            html("[[\rhref=\"javascript:]]"),
            "<p>\rhref=\"javascript:</p>\n"
        );
    }

    #[test]
    fn headings_get_unique_ids_and_root_links_become_relative() {
        let out = html("# Talks\n\n## Talks\n\n[home](/index.html)");
        assert!(
            out.contains("<h2 id=\"talks\">") && out.contains("<h3 id=\"talks-1\">"),
            "{out}"
        );
        assert_eq!(
            relink(&out, "../../")
                .matches("href=\"../../index.html\"")
                .count(),
            1
        );
    }

    #[test]
    fn sources_cited_as_footnotes_get_a_definition() {
        let sources = [CitableSource {
            id: "cgtn",
            title: "Talks",
            publisher: "CGTN",
            url: "https://example.org/a",
        }];
        let out = render(
            "Said so.[^cgtn]",
            &NoNames,
            &sources,
            RenderOptions::default(),
        )
        .html;
        assert!(
            out.contains("<a href=\"https://example.org/a\"><em>Talks</em></a>, CGTN."),
            "{out}"
        );
    }

    #[test]
    fn inline_fields_lose_their_paragraph() {
        assert_eq!(
            &*render_inline("Keep *all* of it", &NoNames, RenderOptions::default()).html,
            "Keep <em>all</em> of it"
        );
    }

    #[test]
    fn root_relative_links_to_a_folder_name_its_index() {
        let out = html(
            "[a](/briefings/x/) [b](/briefings/x#sec-sources) [c](/) [d](/static/a.pdf) [e](//cdn.example.org/x)",
        );
        for href in [
            "@root/briefings/x/index.html\"",
            "@root/briefings/x/index.html#sec-sources\"",
            "@root/index.html\"",
            "@root/static/a.pdf\"",
            "\"//cdn.example.org/x\"",
        ] {
            assert!(out.contains(href), "{href} in {out}");
        }
    }

    #[test]
    fn footnotes_are_listed_at_the_end_with_links_back_and_ids_no_heading_takes() {
        let sources = [CitableSource {
            id: "notes",
            title: "Notes",
            publisher: "",
            url: "",
        }];
        let text = "A.[^notes] B.[^b] C.[^b]\n\n[^b]: Bee.\n\n## Notes\n\n## Source notes\n\n## Fn notes\n\n## Main\n";
        let out = render(text, &NoNames, &sources, RenderOptions::default()).html;
        for part in [
            "<sup class=\"footnote-reference\" id=\"fnref-notes-1\"><a href=\"#fn-notes-1\">1</a></sup>",
            "<sup class=\"footnote-reference\" id=\"fnref-b_2\"><a href=\"#fn-b\">2</a></sup>",
            "<h2 id=\"notes\">",
            "<h2 id=\"source-notes-1\">",
            "<h2 id=\"main-1\">",
            "<li id=\"fn-notes-1\">\n<p><em>Notes</em>. <a href=\"#fnref-notes-1\" class=\"footnote-backref\">↩</a></p>",
            "<li id=\"fn-b\">\n<p>Bee. <a href=\"#fnref-b\" class=\"footnote-backref\">↩</a> <a href=\"#fnref-b_2\" class=\"footnote-backref\">↩<sup>2</sup></a></p>",
        ] {
            assert!(out.contains(part), "{part}\nin\n{out}");
        }
        let ids: Vec<&str> = out
            .split("id=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        let unique: HashSet<&&str> = ids.iter().collect();
        assert_eq!(ids.len(), unique.len(), "{ids:?}");
    }

    #[test]
    fn an_undefined_footnote_is_a_problem_on_its_line() {
        let out = render(
            "One.\n\nTwo.[^nyt] `[^code]` [^ok]\n\n[^ok]: Fine.",
            &NoNames,
            &[],
            RenderOptions::default(),
        );
        assert_eq!(
            out.problems,
            vec![Problem::warning(2, "footnote [^nyt] is not defined: add a line `[^nyt]: ...` after the text, or a source with `id: nyt`".to_string())]
        );
    }

    #[test]
    fn a_source_url_without_a_scheme_is_a_warning_and_not_a_link() {
        assert_eq!(source_url_problem("https://www.state.gov/x"), None);
        assert_eq!(source_url_problem(""), None);
        let (is_error, message) = source_url_problem("www.state.gov/x").unwrap();
        assert!(
            !is_error && message.ends_with("such as https://www.state.gov/x"),
            "{message}"
        );
        assert!(source_url_problem("javascript:alert(1)").unwrap().0);
        let sources = [CitableSource {
            id: "s",
            title: "State",
            publisher: "",
            url: "www.state.gov/x",
        }];
        let out = render("Said.[^s]", &NoNames, &sources, RenderOptions::default()).html;
        assert!(!out.contains("www.state.gov"), "{out}");
    }

    #[test]
    fn typed_wikilinks_show_the_name_and_only_actor_ones_make_an_actor() {
        assert_eq!(
            wikilink_kind("topic: annexation"),
            (Some("topic"), "annexation")
        );
        assert_eq!(wikilink_kind("Re: talks"), (None, "Re: talks"));
        let out = render(
            "[[actor:witkoff]] [[actor:Nobody]] [[topic:nothing]] [[Somebody]]",
            &NoNames,
            &[],
            RenderOptions::default(),
        );
        assert!(out.html.starts_with("<p><a href=\"@root/actors/steve-witkoff/index.html\" title=\"U.S. special envoy\">Steve Witkoff</a>"), "{}", out.html);
        assert_eq!(
            out.unresolved,
            vec![(0, "Nobody".to_string()), (0, "Somebody".to_string())]
        );
    }
}
