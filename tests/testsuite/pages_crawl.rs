//! Long lists split into pages: a site whose every list pages, crawled from the front
//! page. Every briefing, meeting, position and quote is reachable; every
//! `rel="prev"`/`"next"` link resolves and is answered by its neighbour; no item is on
//! two pages of one list; and everything that concerns an actor or topic is at most
//! three clicks from its page.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use crate::common::*;

/// How many briefings the fixture holds: more than a page of every list.
const BRIEFINGS: usize = 230;
/// Actors affiliated with the hub: more than a page of the site's actors.
const MEMBERS: usize = 260;

/// A site where one organization, `hub`, meets someone in every briefing, takes a
/// position on one of 40 topics and is quoted; every briefing is on the topic `core`,
/// where one of 60 people takes a position. Every stance and quote is unique.
fn long_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("a temporary folder");
    let briefings = site.path().join("content/briefings");
    let actors = site.path().join("content/actors");
    std::fs::create_dir_all(&briefings).expect("a folder");
    std::fs::create_dir_all(&actors).expect("a folder");
    std::fs::write(
        actors.join("hub.md"),
        "---\nname: Hub\nkind: organization\n---\n",
    )
    .expect("written");
    for i in 0..MEMBERS {
        std::fs::write(
            actors.join(format!("person-{i}.md")),
            format!("---\nname: Person {i}\nkind: person\naffiliation: hub\n---\n"),
        )
        .expect("written");
    }
    let start = jiff::civil::date(2024, 1, 1);
    for i in 0..BRIEFINGS {
        let date = start
            .checked_add(jiff::Span::new().days(3 * i as i64))
            .expect("a date");
        std::fs::write(
            briefings.join(format!("b{i:03}.md")),
            format!(
                "---\ntitle: Briefing {i}\ndate: {date}\ntopics: [core, topic-{t}]\n\
                 meetings:\n  - id: meeting-{i}\n    title: Meeting {i}\n    participants: [hub, person-{i}]\n    topics: [core]\n\
                 positions:\n  - actor: hub\n    topic: topic-{t}\n    stance: Stance of the hub number {i}.\n\
                 \x20 - actor: person-{p}\n    topic: core\n    stance: Stance on core number {i}.\n\
                 quotes:\n  - actor: hub\n    text: Quote of the hub number {i}.\n\
                 ---\nThe [[hub]] met again.\n",
                t = i % 40,
                p = i % 60,
            ),
        )
        .expect("written");
    }
    site
}

/// The page that `href`, found on the page at `from`, links to: a path relative to
/// the output root, or `None` for a link out of the site or within the page.
fn resolve(from: &str, href: &str) -> Option<String> {
    if href.starts_with('#') || href.contains("://") || href.starts_with("mailto:") {
        return None;
    }
    let href = href.split(['#', '?']).next()?;
    if href.is_empty() {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Every `href` of `html` whose tag has `rel="<rel>"` (any tag, when `rel` is empty).
fn links(html: &str, rel: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        if !rel.is_empty() && !tag.contains(&format!("rel=\"{rel}\"")) {
            continue;
        }
        if let Some(at) = tag.find("href=\"") {
            let rest = &tag[at + 6..];
            found.push(rest[..rest.find('"').unwrap_or(rest.len())].to_string());
        }
    }
    found
}

/// The pages of the site, as text, by path.
fn pages(tree: &BTreeMap<String, Vec<u8>>) -> HashMap<String, String> {
    tree.iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.clone(), String::from_utf8_lossy(bytes).into_owned()))
        .collect()
}

/// The clicks from `start` to each page reached in at most `depth` clicks.
fn crawl(pages: &HashMap<String, String>, start: &str, depth: usize) -> HashMap<String, usize> {
    let mut seen = HashMap::from([(start.to_string(), 0)]);
    let mut queue = VecDeque::from([start.to_string()]);
    while let Some(page) = queue.pop_front() {
        let clicks = seen[&page];
        if clicks == depth {
            continue;
        }
        for href in links(&pages[&page], "") {
            let Some(target) = resolve(&page, &href) else {
                continue;
            };
            if pages.contains_key(&target) && !seen.contains_key(&target) {
                seen.insert(target.clone(), clicks + 1);
                queue.push_back(target);
            }
        }
    }
    seen
}

/// The texts the fixture gave each position and quote.
fn stances_and_quotes() -> Vec<String> {
    let mut texts = Vec::new();
    for i in 0..BRIEFINGS {
        texts.push(format!("Stance of the hub number {i}."));
        texts.push(format!("Stance on core number {i}."));
        texts.push(format!("Quote of the hub number {i}."));
    }
    texts
}

/// The texts of `wanted` that no page of `reached` shows.
fn missing<'a>(
    pages: &HashMap<String, String>,
    reached: &HashMap<String, usize>,
    wanted: &'a [String],
) -> Vec<&'a String> {
    wanted
        .iter()
        .filter(|text| {
            !reached
                .keys()
                .any(|page| pages[page].contains(text.as_str()))
        })
        .collect()
}

fn built_long_site() -> (tempfile::TempDir, HashMap<String, String>) {
    let site = long_site();
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let tree = read_tree(&site.path().join("public"));
    (site, pages(&tree))
}

#[test]
fn every_list_pages_and_every_item_is_reachable_from_the_front_page() {
    let (_site, pages) = built_long_site();
    for second in [
        "briefings/page/2/index.html",
        "meetings/page/3/index.html",
        "actors/page/2/index.html",
        "actors/hub/meetings/page/3/index.html",
        "actors/hub/briefings/page/3/index.html",
        "actors/hub/quotes/page/3/index.html",
        "actors/hub/positions/page/3/index.html",
        "actors/hub/counterparts/page/3/index.html",
        "actors/hub/members/page/3/index.html",
        "topics/core/meetings/page/3/index.html",
        "topics/core/briefings/page/3/index.html",
        "topics/core/positions/page/3/index.html",
    ] {
        assert!(pages.contains_key(second), "no page {second}");
    }
    let reached = crawl(&pages, "index.html", usize::MAX);
    for i in 0..BRIEFINGS {
        for page in [
            format!("briefings/b{i:03}/index.html"),
            format!("meetings/meeting-{i}/index.html"),
        ] {
            assert!(reached.contains_key(&page), "{page} is not reachable");
        }
    }
    let mut unreached: Vec<&String> = pages.keys().filter(|p| !reached.contains_key(*p)).collect();
    unreached.sort();
    // The search page is reached by the search form, not by a link.
    assert_eq!(
        unreached,
        ["404.html", "search/index.html"],
        "pages no link reaches"
    );
    let texts = stances_and_quotes();
    assert_eq!(missing(&pages, &reached, &texts), Vec::<&String>::new());
}

#[test]
fn every_prev_and_next_link_resolves_to_its_neighbour_and_no_item_is_listed_twice() {
    let (_site, pages) = built_long_site();
    let rel = |page: &str, rel: &str| -> BTreeSet<String> {
        let html = &pages[page];
        links(html, rel)
            .iter()
            .map(|href| resolve(page, href).expect("a link within the site"))
            .collect()
    };
    let mut sequences = 0;
    for page in pages.keys() {
        for (forward, back) in [("next", "prev"), ("prev", "next")] {
            let targets = rel(page, forward);
            assert!(targets.len() <= 1, "{page}: {forward} to {targets:?}");
            for target in targets {
                assert!(
                    pages.contains_key(&target),
                    "{page}: {forward} to missing {target}"
                );
                assert_eq!(
                    rel(&target, back),
                    BTreeSet::from([page.clone()]),
                    "{target} does not link back to {page}"
                );
            }
        }
        // From the first page of each list, follow the pages and count each item.
        if rel(page, "prev").is_empty() && !rel(page, "next").is_empty() {
            sequences += 1;
            let mut at = page.clone();
            let mut visited = BTreeSet::new();
            let mut items: BTreeMap<String, usize> = BTreeMap::new();
            loop {
                assert!(visited.insert(at.clone()), "{at} comes twice in its list");
                let main = pages[&at].split("<main").nth(1).unwrap_or_default();
                for href in links(main, "") {
                    let Some(target) = resolve(&at, &href) else {
                        continue;
                    };
                    let item = target.starts_with("briefings/b")
                        || target.starts_with("meetings/meeting-");
                    if item {
                        *items.entry(target).or_default() += 1;
                    }
                }
                match rel(&at, "next").into_iter().next() {
                    Some(next) => at = next,
                    None => break,
                }
            }
            let twice: Vec<_> = items.iter().filter(|(_, n)| **n > 1).collect();
            if page == "briefings/index.html" || page == "meetings/index.html" {
                assert_eq!(
                    twice,
                    Vec::<(&String, &usize)>::new(),
                    "listed twice in {page}"
                );
                assert_eq!(items.len(), BRIEFINGS, "items in {page}");
            }
        }
    }
    assert!(sequences >= 12, "only {sequences} lists page");
}

#[test]
fn everything_that_concerns_an_actor_or_a_topic_is_three_clicks_from_its_page() {
    let (_site, pages) = built_long_site();
    let texts = stances_and_quotes();
    for (start, concerns) in [
        (
            "actors/hub/index.html",
            ["Stance of the hub", "Quote of the hub"],
        ),
        (
            "topics/core/index.html",
            ["Stance on core", "Stance on core"],
        ),
    ] {
        let reached = crawl(&pages, start, 3);
        for i in 0..BRIEFINGS {
            for page in [
                format!("briefings/b{i:03}/index.html"),
                format!("meetings/meeting-{i}/index.html"),
            ] {
                assert!(
                    reached.contains_key(&page),
                    "{page}: more than three clicks from {start}"
                );
            }
        }
        let wanted: Vec<String> = texts
            .iter()
            .filter(|t| concerns.iter().any(|c| t.starts_with(c)))
            .cloned()
            .collect();
        assert_eq!(
            missing(&pages, &reached, &wanted),
            Vec::<&String>::new(),
            "from {start}"
        );
    }
}
