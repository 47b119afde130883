//! Search while `dossier serve` runs: a rebuild updates the index, and no result
//! points at a page that no longer exists. The index is read over HTTP as the
//! browser reads it: the manifest, the shards of terms, the chunks of documents.

use std::collections::BTreeSet;

use std::time::{Duration, Instant};

use crate::common::*;
use crate::served::{Fetched, PATIENCE, Served};

/// The JSON arguments of a `dossierSearch.<function>(...)` script.
fn arguments(script: &str, function: &str) -> serde_json::Value {
    let inner = script
        .strip_prefix(&format!("dossierSearch.{function}("))
        .and_then(|s| s.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("not a {function} script: {script}"));
    serde_json::from_str(&format!("[{inner}]")).expect("JSON")
}

fn ok(fetched: Fetched, path: &str) -> String {
    assert_eq!(fetched.status, 200, "/{path}");
    fetched.body
}

/// What the served index holds: every term, and the page of every document.
struct Index {
    terms: BTreeSet<String>,
    pages: BTreeSet<String>,
}

fn served_index(served: &Served) -> Index {
    let path = "search-index/manifest.js";
    let manifest = arguments(&ok(served.get(path), path), "manifest");
    let mut terms = BTreeSet::new();
    let shards = manifest[0]["shards"].as_array().expect("shards").len();
    for n in 0..shards {
        let path = format!("search-index/t/{n}.js");
        let shard = arguments(&ok(served.get(&path), &path), "shard");
        for term in shard[1].as_array().expect("terms") {
            terms.insert(term[0].as_str().expect("a term").to_string());
        }
    }
    let mut pages = BTreeSet::new();
    for (kind, info) in manifest[0]["kinds"]
        .as_array()
        .expect("kinds")
        .iter()
        .enumerate()
    {
        let (n, per) = (info["n"].as_u64().unwrap(), info["c"].as_u64().unwrap());
        for chunk in 0..n.div_ceil(per) {
            let path = format!("search-index/d/{kind}-{chunk}.js");
            let docs = arguments(&ok(served.get(&path), &path), "docs");
            for row in docs[2].as_array().expect("rows") {
                pages.insert(row[1].as_str().expect("a page").to_string());
            }
        }
    }
    Index { terms, pages }
}

/// Reads the served index until `ready` holds, for at most [`PATIENCE`].
fn wait_for_index(served: &Served, what: &str, ready: impl Fn(&Index) -> bool) -> Index {
    let started = Instant::now();
    loop {
        let index = served_index(served);
        if ready(&index) {
            return index;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the served index never {what}:\n{}",
            served.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Every document's page is served (its anchor, if any, left aside).
fn every_page_is_served(served: &Served, index: &Index) {
    for page in &index.pages {
        let path = page.split('#').next().unwrap();
        assert_eq!(served.get(path).status, 200, "a result points at /{path}");
    }
}

#[test]
fn serve_keeps_the_search_index_in_step_with_the_pages() {
    let site = copy_site(&fixture("search-site"));
    let served = Served::start(site.path(), &[]);
    let before = served_index(&served);
    every_page_is_served(&served, &before);
    assert!(before.terms.contains("sanction"), "{:?}", before.terms);
    assert!(!before.terms.contains("zanzibarit"));

    // A new briefing: its words and its page come with the rebuild.
    let new = site.path().join("content/briefings/zanzibar.md");
    std::fs::write(
        &new,
        "---\ntitle: Zanzibar round\ndate: 2025-02-01\n---\nThe zanzibarite envoys met again.\n",
    )
    .expect("written");
    let added = wait_for_index(&served, "took the new briefing", |index| {
        index.terms.contains("zanzibarit")
    });
    assert!(added.pages.contains("briefings/zanzibar/index.html"));
    every_page_is_served(&served, &added);

    // An edit: the old word leaves the index, the new one enters.
    std::fs::write(
        &new,
        "---\ntitle: Zanzibar round\ndate: 2025-02-01\n---\nThe quokkaish envoys met again.\n",
    )
    .expect("written");
    let edited = wait_for_index(&served, "took the edit", |index| {
        index.terms.contains("quokkaish")
    });
    assert!(!edited.terms.contains("zanzibarit"));
    every_page_is_served(&served, &edited);

    // Renamed, then deleted: no result points at the page that went away.
    let renamed = site.path().join("content/briefings/pemba.md");
    std::fs::rename(&new, &renamed).expect("renamed");
    let moved = wait_for_index(&served, "took the rename", |index| {
        index.pages.contains("briefings/pemba/index.html")
    });
    assert!(!moved.pages.contains("briefings/zanzibar/index.html"));
    every_page_is_served(&served, &moved);
    std::fs::remove_file(&renamed).expect("removed");
    let after = wait_for_index(&served, "dropped the deleted briefing", |index| {
        !index.terms.contains("quokkaish")
    });
    assert_eq!(after.pages, before.pages);
    assert_eq!(after.terms, before.terms);
    every_page_is_served(&served, &after);
}
