//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, smart
//! punctuation, heading anchors, `[[wikilinks]]`, and sources cited as footnotes.
//!
//! Author text is untrusted. Links and images keep only http, https, mailto and
//! relative addresses; raw HTML is sanitized with ammonia unless the site opts in to
//! trusted HTML. Internal links are written against [`ROOT_MARK`], which
//! [`relink`] turns into the way back to the root of the page that shows them.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

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
    /// The page the reference names, or a message saying why it names none.
    fn resolve(&self, reference: &str) -> Result<(Self::Target, LinkTarget<'_>), String>;
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
    /// Problems with their 0-based line within the text.
    pub problems: Vec<(usize, String)>,
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
    let rendered = render_events(&with_notes, text.len(), resolver, options, true);
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
    let mut rendered = render_events(text, text.len(), resolver, options, false);
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
/// source notes).
fn render_events<R: LinkResolver>(
    text: &str,
    own_len: usize,
    resolver: &R,
    options: RenderOptions,
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
                    if !has_pothole && dest_url.as_ref() == link.id {
                        rename_next = Some(link.name);
                    }
                    events.push(Event::Start(Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url: format!("{ROOT_MARK}{}", link.url).into(),
                        title: link.title.into(),
                        id: CowStr::Borrowed(""),
                    }));
                }
                Err(message) => {
                    let line = line_of(range.start);
                    problems.push((line, message));
                    if range.start < own_len {
                        unresolved.push((line, dest_url.to_string()));
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
                    problems.push((line_of(range.start), refused(&dest_url)));
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
                    problems.push((line_of(range.start), refused(&dest_url)));
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
            other => events.push(other),
        }
    }
    if anchors {
        demote_headings(&mut events);
        add_heading_ids(&mut events);
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
        problems.push((
            0,
            format!(
                "raw HTML nested more than {MAX_RAW_HTML_DEPTH} elements deep is shown as text"
            ),
        ));
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

/// An author's root-relative link (`/actors/x/`) is made relative to the page that shows it.
fn root_relative(url: CowStr<'_>) -> CowStr<'_> {
    match url.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') => format!("{ROOT_MARK}{rest}").into(),
        _ => url,
    }
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
/// within the document.
fn add_heading_ids(events: &mut [Event<'_>]) {
    let mut used: HashSet<String> = HashSet::new();
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
            let mut id = base.clone();
            let mut n = 1;
            while used.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            used.insert(id.clone());
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(id.into());
            }
            i = j;
        }
        i += 1;
    }
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
            if source.url.is_empty() || !is_safe_url(source.url) {
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
        fn resolve(&self, reference: &str) -> Result<(String, LinkTarget<'_>), String> {
            match reference.to_lowercase().as_str() {
                "steve-witkoff" | "witkoff" => Ok((
                    "steve-witkoff".into(),
                    LinkTarget {
                        url: "actors/steve-witkoff/index.html".into(),
                        title: "U.S. special envoy",
                        id: "steve-witkoff",
                        name: "Steve Witkoff",
                    },
                )),
                _ => Err(format!("unknown page '{reference}'")),
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
        assert_eq!(out.problems, vec![(2, "unknown page 'Nobody'".to_string())]);
        assert_eq!(out.unresolved, vec![(2, "Nobody".to_string())]);
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
}
