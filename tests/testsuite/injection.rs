//! Author text cannot run script in a reader's browser: script tags, event handlers,
//! `javascript:` links and `</script>` in every front-matter field and in the body
//! end up as inert text in every page, the feed, the sitemap and `dossier.json`.

use scraper::{Html, Selector};

use crate::common::*;

/// Every way an attribute can run script or load a frame.
fn dangerous_attributes(html: &Html) -> Vec<String> {
    let mut found = Vec::new();
    let all = Selector::parse("*").expect("a selector");
    for element in html.select(&all) {
        let name = element.value().name();
        if matches!(
            name,
            "iframe" | "object" | "embed" | "frame" | "frameset" | "base"
        ) {
            found.push(format!("<{name}> element"));
        }
        if name == "script" {
            // The theme's own scripts load from the site's files; no inline code from authors.
            let text: String = element.text().collect();
            if element.value().attr("src").is_none() || text.contains("alert") {
                found.push(format!("inline script: {text}"));
            }
        }
        for (attribute, value) in element.value().attrs() {
            let lower = attribute.to_ascii_lowercase();
            let cleaned: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if lower.starts_with("on") {
                found.push(format!("<{name} {attribute}=\"{value}\">"));
            }
            if matches!(
                lower.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href"
            ) && (cleaned.starts_with("javascript:")
                || cleaned.starts_with("vbscript:")
                || cleaned.starts_with("data:"))
            {
                found.push(format!("<{name} {attribute}=\"{value}\">"));
            }
            if lower == "style" && cleaned.contains("javascript") {
                found.push(format!("<{name} style=\"{value}\">"));
            }
        }
    }
    found
}

#[test]
fn author_text_never_becomes_script() {
    let site = copy_site(&fixture("sites/injection"));
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let tree = read_tree(&site.path().join("public"));
    let mut pages = 0;
    for (path, bytes) in &tree {
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with(".html") {
            pages += 1;
            let problems = dangerous_attributes(&Html::parse_document(&text));
            assert!(problems.is_empty(), "{path}: {problems:#?}");
        } else if path.ends_with(".xml") {
            assert!(
                !text.contains("<script") && !text.contains("<img"),
                "{path} carries raw markup"
            );
        } else if path.ends_with(".json") {
            let model: serde_json::Value =
                serde_json::from_str(&text).expect("dossier.json is valid JSON");
            // The words are kept as data, and the rendered HTML in it is sanitized.
            let title = &model["briefings"][0]["title"];
            assert!(
                title
                    .as_str()
                    .is_some_and(|t| t.contains("<script>alert(1)</script>"))
            );
            let body = model["briefings"][0]["body_html"].as_str().expect("a body");
            let problems = dangerous_attributes(&Html::parse_fragment(body));
            assert!(problems.is_empty(), "dossier.json body_html: {problems:#?}");
        }
    }
    assert!(pages > 10);
    // The words themselves are still there, as text.
    let briefing = String::from_utf8_lossy(&tree["briefings/evil/index.html"]);
    assert!(
        briefing.contains("Title &quot;&gt;&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || briefing.contains("Title &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "title shown as text"
    );
    // Warnings name the refused links.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("javascript:alert(14)") && stderr.contains("removed"),
        "{stderr}"
    );
}

#[test]
fn javascript_source_urls_are_refused() {
    let site = copy_site(&fixture("sites/minimal"));
    for url in [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "vbscript:x",
        "data:text/html,x",
        "java\\tscript:x",
    ] {
        std::fs::write(
            site.path().join("content/briefings/only.md"),
            format!(
                "---\ntitle: T\ndate: 2025-01-01\nsources:\n  - id: s\n    url: \"{url}\"\n---\n"
            ),
        )
        .expect("written");
        let output = build(site.path(), &[]);
        assert_eq!(output.status.code(), Some(1), "{url} was accepted");
    }
}
