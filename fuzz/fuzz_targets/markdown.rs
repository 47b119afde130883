//! Any text as Markdown, with wikilinks that resolve to one actor: rendering never
//! panics and its output never carries a script tag or an event handler.
#![no_main]

use dossier::markdown::{self, LinkResolver, LinkTarget, RenderOptions};
use libfuzzer_sys::fuzz_target;

struct OneActor;

impl LinkResolver for OneActor {
    type Target = ();
    fn resolve(&self, reference: &str) -> Result<((), LinkTarget), String> {
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

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for rendered in [
        markdown::render(text, &OneActor, &[], RenderOptions::default()).html,
        markdown::render_inline(text, &OneActor, RenderOptions::default()).html,
    ] {
        let lower = rendered.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "script in {rendered}");
        assert!(!lower.contains("href=\"javascript:"), "javascript link in {rendered}");
        assert!(!lower.contains(" onerror=") && !lower.contains(" onload="), "event handler in {rendered}");
    }
});
