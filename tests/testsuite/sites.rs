//! Fixture sites with golden output: each is built and its diagnostics, its list of
//! files and its resolved model (`dossier.json`) are compared with a snapshot.

use crate::common::*;

/// Builds the fixture site `name` with `args` and returns the build's snapshot text
/// and its output tree.
fn build_fixture(
    name: &str,
    args: &[&str],
) -> (String, std::collections::BTreeMap<String, Vec<u8>>) {
    let site = copy_site(&fixture(&format!("sites/{name}")));
    let output = build(site.path(), args);
    let tree = read_tree(&site.path().join("public"));
    let mut text = report(&output, site.path());
    text.push_str("--- files\n");
    for path in tree.keys() {
        text.push_str(path);
        text.push('\n');
    }
    text.push_str("--- dossier.json\n");
    // Pretty-printed here so that a change to the model reads as a small diff.
    if let Some(json) = tree.get("dossier.json") {
        let model: serde_json::Value = serde_json::from_slice(json).expect("dossier.json is JSON");
        text.push_str(&serde_json::to_string_pretty(&model).expect("printable"));
        text.push('\n');
    }
    (text, tree)
}

fn page<'a>(tree: &'a std::collections::BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    std::str::from_utf8(tree.get(path).unwrap_or_else(|| panic!("{path} was built")))
        .expect("UTF-8")
}

#[test]
fn references_by_id_name_and_alias() {
    let (text, tree) = build_fixture("references", &[]);
    insta::assert_snapshot!("site_references", text);
    // One actor answers to its id, its name and its alias, in any case.
    let witkoff = page(&tree, "actors/steve-witkoff/index.html");
    assert!(witkoff.contains("Kirill Dmitriev"), "counterpart listed");
    assert!(
        witkoff.contains("../../actors/united-states/index.html"),
        "affiliation by name resolved"
    );
}

#[test]
fn wikilinks() {
    let (text, tree) = build_fixture("wikilinks", &[]);
    insta::assert_snapshot!("site_wikilinks", text);
    let body = page(&tree, "briefings/envoys-meet/index.html");
    assert!(body.contains(r#"<a href="../../actors/steve-witkoff/index.html" title="U.S. special envoy">Steve Witkoff</a>"#));
    assert!(body.contains(r#"<a href="../../actors/steve-witkoff/index.html" title="U.S. special envoy">the envoy</a>"#));
    assert!(body.contains(r#"<a href="../../topics/peace-plan/index.html">peace plan</a>"#));
}

#[test]
fn wikilinks_to_new_actors() {
    // Bodies are rendered before unknown wikilinks make their actors: a body whose
    // links the new names change is rendered again (here `[[truce-deal]]`, a topic's
    // alias until `[[Truce Deal]]` makes the actor whose id it is, and an id wins), and
    // a link inside a source note (one that a broken address lets through) makes no
    // actor.
    let (text, tree) = build_fixture("wikilink-targets", &[]);
    insta::assert_snapshot!("site_wikilink_targets", text);
    let truce = page(&tree, "briefings/a-truce/index.html");
    assert!(
        truce.contains(r#"href="../../actors/truce-deal/index.html""#),
        "the new actor's id wins over the topic's alias: {truce}"
    );
    assert!(!truce.contains("topics/ceasefire/index.html"));
    assert!(!tree.contains_key("actors/hidden/index.html"));
}

#[test]
fn position_history() {
    let (text, tree) = build_fixture("history", &[]);
    insta::assert_snapshot!("site_history", text);
    let matrix = page(&tree, "positions/index.html");
    assert!(
        matrix.contains("Hold every captured area and ask for more."),
        "latest stance in the matrix"
    );
    assert!(
        !matrix.contains("Hold the line where it is."),
        "older stance not in the matrix"
    );
}

#[test]
fn drafts_only_with_the_flag() {
    let (without, tree) = build_fixture("drafts", &[]);
    assert!(!tree.contains_key("briefings/unfinished/index.html"));
    let (with, tree) = build_fixture("drafts", &["--drafts"]);
    assert!(tree.contains_key("briefings/unfinished/index.html"));
    insta::assert_snapshot!("site_drafts_without", without);
    insta::assert_snapshot!("site_drafts_with", with);
}

#[test]
fn briefings_in_sub_folders() {
    let (text, _) = build_fixture("subfolders", &[]);
    insta::assert_snapshot!("site_subfolders", text);
}

#[test]
fn template_and_static_overrides() {
    let (text, tree) = build_fixture("overrides", &[]);
    insta::assert_snapshot!("site_overrides", text);
    insta::assert_snapshot!(
        "site_overrides_actor_page",
        page(&tree, "actors/envoy-a/index.html")
    );
    assert_eq!(page(&tree, "style.css"), "body { color: rebeccapurple; }\n");
    assert!(tree.contains_key("img/logo.svg"));
    // Templates that were not overridden still come from the defaults.
    assert!(page(&tree, "index.html").contains("<nav"));
}

#[test]
fn bom_crlf_blank_lines_and_yaml_1_1_words() {
    let (text, tree) = build_fixture("encodings", &[]);
    insta::assert_snapshot!("site_encodings", text);
    assert!(page(&tree, "actors/no/index.html").contains("<h1>NO</h1>"));
}

#[test]
fn a_folder_with_only_content_builds_a_styled_dossier() {
    let (text, tree) = build_fixture("minimal", &[]);
    insta::assert_snapshot!("site_minimal", text);
    assert!(
        page(&tree, "style.css").len() > 1000,
        "the default stylesheet is embedded"
    );
    assert!(page(&tree, "index.html").contains("style.css"));
}

#[test]
fn the_example_dossier_builds_without_warnings() {
    let site = copy_example();
    let output = build(site.path(), &["--strict"]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let tree = read_tree(&site.path().join("public"));
    for path in [
        "index.html",
        "briefings/index.html",
        "briefings/florida-talks/index.html",
        "actors/index.html",
        "actors/steve-witkoff/index.html",
        "actors/kirill-dmitriev/index.html",
        "topics/index.html",
        "topics/territory/index.html",
        "meetings/index.html",
        "positions/index.html",
        "network/index.html",
        "search/index.html",
        "search-index/manifest.js",
        "search.js",
        "search-core.js",
        "search-key.js",
        "search-index/stemmer.js",
        "favicon.svg",
        "404.html",
        "feed.xml",
        "sitemap.xml",
        "dossier.json",
        "style.css",
    ] {
        assert!(tree.contains_key(path), "{path} is built");
    }
    let witkoff = page(&tree, "actors/steve-witkoff/index.html");
    assert!(
        witkoff.contains("Kirill Dmitriev") && witkoff.contains("Russia remains fully committed")
    );
    // The actor's counterparts as a graph whose nodes link to their pages.
    assert!(witkoff.contains(r#"<svg class="graph""#));
    assert!(
        witkoff
            .contains(r#"<a class="graph__node" href="../../actors/kirill-dmitriev/index.html">"#)
    );
    // The whole network, drawn and listed.
    let network = page(&tree, "network/index.html");
    assert!(network.contains(r#"<svg class="graph""#) && network.contains("pairs-caption"));
    // The search index holds the text, an actor's alias among it, in shards of
    // terms; a document's text is in its kind's chunk; the search page links to the
    // lists for readers without script.
    // (Its data: `stemmer.js` beside it is the language's stemmer, code of dossier's.)
    let files: Vec<(&String, &str)> = tree
        .iter()
        .filter(|(path, _)| path.starts_with("search-index/") && *path != "search-index/stemmer.js")
        .map(|(path, bytes)| (path, std::str::from_utf8(bytes).expect("UTF-8")))
        .collect();
    assert!(
        files
            .iter()
            .all(|(_, text)| text.starts_with("dossierSearch."))
    );
    let holding = |needle: &str| -> Vec<&str> {
        files
            .iter()
            .filter(|(_, text)| text.contains(needle))
            .map(|(path, _)| path.as_str())
            .collect()
    };
    assert_eq!(
        holding(r#"["kremlin",["#).len(),
        1,
        "one shard holds the term"
    );
    assert!(
        holding(r#"["reaffirm",["#).len() == 1,
        "a meeting's outcome is indexed"
    );
    assert!(
        holding("Umerov reaffirmed Ukraine\u{2019}s commitment")
            .iter()
            .any(|path| path.starts_with("search-index/d/1-")),
        "the outcome's text is in a chunk of meetings"
    );
    assert!(holding(r#"["a:witkoff",["#).len() == 1, "the actor filter");
    let search = page(&tree, "search/index.html");
    for list in ["briefings", "actors", "topics", "meetings"] {
        assert!(search.contains(&format!(r#"<a href="../{list}/index.html">"#)));
    }
    // Each matrix cell links to the source in the briefing it comes from, with its date.
    let matrix = page(&tree, "positions/index.html");
    let cells = matrix.matches(r#"<td class="matrix__cell"#).count();
    let empty = matrix.matches("matrix__cell--empty").count();
    let linked = matrix
        .matches(r#"href="../briefings/florida-talks/index.html#source-cgtn""#)
        .count();
    assert!(
        cells > empty && linked >= cells - empty,
        "{linked} of {cells} cells linked"
    );
    assert!(matrix.contains(r#"<time datetime="2025-12-21">21 December 2025</time>"#));
}

#[test]
fn author_text_cannot_break_out_of_the_search_index_or_the_graphs() {
    let site = tempfile::tempdir().expect("a temporary folder");
    let briefings = site.path().join("content/briefings");
    std::fs::create_dir_all(&briefings).expect("a folder");
    std::fs::write(
        briefings.join("hostile.md"),
        "---\ntitle: \"</script><script>alert(1)</script> & <!--\"\ndate: 2025-06-01\nmeetings:\n  - participants: [\"A <b>bold</b> envoy\", \"Line\\u2028separator\"]\n---\nBody.\n",
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let tree = read_tree(&site.path().join("public"));
    let index: String = tree
        .iter()
        .filter(|(path, _)| path.starts_with("search-index/") && *path != "search-index/stemmer.js")
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    for forbidden in ["<", ">", "&", "\u{2028}"] {
        assert!(!index.contains(forbidden), "{forbidden:?} in {index}");
    }
    assert!(index.contains(r"\u003c/script\u003e"));
    for path in ["network/index.html", "actors/a-b-bold-b-envoy/index.html"] {
        let html = page(&tree, path);
        assert!(!html.contains("<b>bold</b>"), "{path} has raw author HTML");
        assert!(
            html.contains("A &lt;b&gt;bold&lt;&#x2F;b&gt; envoy")
                || html.contains("A &lt;b&gt;bold&lt;/b&gt; envoy"),
            "{path}"
        );
    }
}

#[test]
fn the_network_drawing_is_capped_but_its_list_is_complete() {
    let site = tempfile::tempdir().expect("a temporary folder");
    let briefings = site.path().join("content/briefings");
    std::fs::create_dir_all(&briefings).expect("a folder");
    // 71 actors in a chain: 70 pairs.
    let meetings: String = (0..70)
        .map(|i| format!("  - participants: [envoy-{i}, envoy-{}]\n", i + 1))
        .collect();
    std::fs::write(
        briefings.join("chain.md"),
        format!("---\ntitle: Chain\ndate: 2025-06-01\nmeetings:\n{meetings}---\n"),
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let tree = read_tree(&site.path().join("public"));
    let network = page(&tree, "network/index.html");
    assert_eq!(network.matches(r#"<a class="graph__node""#).count(), 60);
    assert!(network.contains("the 60 most-connected of the 71 actors who met anyone"));
    assert!(network.contains("70 pairs of actors who met"));
    assert_eq!(network.matches("<tr><td>").count(), 70);
}

#[test]
fn the_matrix_stays_readable_on_a_large_dossier() {
    let site = tempfile::tempdir().expect("a temporary folder");
    let briefings = site.path().join("content/briefings");
    std::fs::create_dir_all(&briefings).expect("a folder");
    let mut positions = String::new();
    for actor in 0..70 {
        for topic in 0..(35 - actor % 5) {
            positions.push_str(&format!(
                "  - actor: actor-{actor}\n    topic: topic-{topic}\n    stance: Stance {actor} on {topic}.\n"
            ));
        }
    }
    std::fs::write(
        briefings.join("many.md"),
        format!("---\ntitle: Many\ndate: 2025-01-01\npositions:\n{positions}---\n"),
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let tree = read_tree(&site.path().join("public"));
    let matrix = page(&tree, "positions/index.html");
    assert_eq!(matrix.matches("<th scope=\"row\">").count(), 40);
    assert_eq!(
        matrix.matches("<th scope=\"col\"><a").count(),
        20,
        "20 topic columns"
    );
    assert!(matrix.contains(
        "40 actors and 20 topics with the most recorded positions, of 70 actors and 35 topics"
    ));
    // The actors with the most positions are the ones shown.
    assert!(
        matrix.contains("actors/actor-0/index.html")
            && !matrix.contains("actors/actor-4/index.html")
    );
}

#[test]
fn the_network_lists_the_pairs_that_met_most_on_a_large_dossier() {
    let site = tempfile::tempdir().expect("a temporary folder");
    let briefings = site.path().join("content/briefings");
    std::fs::create_dir_all(&briefings).expect("a folder");
    let everyone: Vec<String> = (0..40).map(|i| format!("actor-{i}")).collect();
    // One meeting of all 40 (780 pairs), and a second one for actors 0 and 1.
    std::fs::write(
        briefings.join("summit.md"),
        format!(
            "---\ntitle: Summit\ndate: 2025-01-01\nmeetings:\n  - participants: [{}]\n  - participants: [actor-0, actor-1]\n---\n",
            everyone.join(", ")
        ),
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let tree = read_tree(&site.path().join("public"));
    let network = page(&tree, "network/index.html");
    assert!(network.contains("The 500 pairs that met most, of 780 pairs of actors who met"));
    assert_eq!(network.matches("<td class=\"num\">").count(), 500);
    assert!(
        network.contains("<td class=\"num\">2</td>"),
        "the pair that met twice comes first"
    );
}
