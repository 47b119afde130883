//! Any text as Markdown, with wikilinks that resolve to one actor: rendering never
//! panics and its output never carries a script tag or an event handler.
#![no_main]

use dossier::markdown::{self, LinkResolver, LinkTarget, RenderOptions};
use libfuzzer_sys::fuzz_target;

struct OneActor;

impl LinkResolver for OneActor {
    type Target = ();
    fn resolve(&self, reference: &str) -> Result<((), LinkTarget<'_>), String> {
        if reference.eq_ignore_ascii_case("envoy") {
            let target = LinkTarget {
                url: "actors/envoy/index.html".into(),
                title: "An envoy".into(),
                id: "envoy".into(),
                name: "Envoy".into(),
            };
            Ok(((), target))
        } else {
            Err(format!("unknown '{reference}'"))
        }
    }
}

/// True when a tag carries an event handler or a `javascript:` address. Only what
/// stands between `<` and `>` counts: text cannot hold a raw `<`.
fn dangerous_tag(html: &str) -> bool {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag_end = rest[open..].find('>').map_or(rest.len(), |end| open + end);
        let tag = &rest[open..tag_end];
        let mut words = tag.split(|c: char| c.is_ascii_whitespace() || c == '/');
        words.next();
        if words.any(|word| word.starts_with("on") && word.contains('=')) || tag.contains("=\"javascript:") {
            return true;
        }
        rest = &rest[tag_end..];
        if rest.len() <= 1 {
            break;
        }
        rest = &rest[1..];
    }
    false
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for rendered in [
        markdown::render(text, &OneActor, &[], RenderOptions::default()).html.to_string(),
        markdown::render_inline(text, &OneActor, RenderOptions::default()).html,
    ] {
        let lower = rendered.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "script in {rendered}");
        assert!(!dangerous_tag(&lower), "a tag can run script in {rendered}");
    }
});
