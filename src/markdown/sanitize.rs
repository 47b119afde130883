//! Raw HTML in author text: the sanitizer (ammonia, allowed schemes and attributes)
//! and the depth beyond which raw HTML is shown as text rather than parsed.
//!
//! It decides what raw HTML may stay; it never runs unless the site's HTML is
//! untrusted, and it changes no Markdown.

use std::sync::LazyLock;

use pulldown_cmark::Event;

/// How deep raw HTML may nest before it is shown as text.
pub(super) const MAX_RAW_HTML_DEPTH: usize = 256;

/// The deepest nesting of the raw HTML elements among `events`, estimated by counting
/// opening and closing tags (void elements and `/>` do not nest).
pub(super) fn raw_html_depth(events: &[Event<'_>]) -> usize {
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

pub(super) static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
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
