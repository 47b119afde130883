//! The rendering of Markdown as a whole: wikilinks, links, raw HTML, headings and
//! footnotes, through [`super::render`] and [`super::render_inline`].

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
        is_safe_url("https://example.org") && is_safe_url("../x") && is_safe_url("mailto:a@b.c")
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
