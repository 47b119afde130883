//! What the build publishes for other programs than browsers: the feeds of each actor
//! and topic, the calendars of meetings, robots.txt; and `--base-url`.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use icalendar::{Component, EventLike};

use crate::common::*;

/// A site of three briefings: one with a meeting of envoy-a and envoy-b, one that
/// names envoy-a in its body only, one about a topic alone; meetings whose text is
/// made to break a calendar.
fn write_site(root: &Path, config: &str) {
    let files: [(&str, &str); 4] = [
        ("dossier.yaml", config),
        (
            "content/briefings/first.md",
            "---\ntitle: First talks\ndate: 2025-01-10\nsummary: They met.\ntopics: [ceasefire]\nmeetings:\n  - id: geneva-round\n    title: \"Round one, in Geneva; \\\\ closed\"\n    date: 2025-01-09\n    location: \"Geneva, Switzerland;\\r\\nPalais des Nations\"\n    participants: [envoy-a, envoy-b]\n    summary: \"A first meeting.\\nBEGIN:VEVENT\\nUID:forged\"\n    outcome: They agreed, 100%.\n---\nBody.\n",
        ),
        (
            "content/briefings/second.md",
            "---\ntitle: Second, with <b>tags</b> & more\ndate: 2025-02-10\n---\nAbout [[envoy-a]] alone.\n",
        ),
        (
            "content/briefings/third.md",
            "---\ntitle: Third\ndate: 2025-03-10\ntopics: [ceasefire]\n---\nNobody.\n",
        ),
    ];
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn built(config: &str, args: &[&str]) -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let site = tempfile::tempdir().unwrap();
    write_site(site.path(), config);
    let output = build(site.path(), args);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let files = read_tree(&site.path().join("public"));
    (site, files)
}

fn text<'a>(files: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    let bytes = files
        .get(path)
        .unwrap_or_else(|| panic!("{path} is not built"));
    std::str::from_utf8(bytes).expect("UTF-8")
}

/// `href` resolved against the file at `from`, both relative to the output root.
fn resolve(from: &str, href: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// The titles of a feed's entries, and the files their links lead to.
fn feed_entries(files: &BTreeMap<String, Vec<u8>>, path: &str) -> Vec<(String, String)> {
    let feed = feed_rs::parser::parse(text(files, path).as_bytes())
        .unwrap_or_else(|e| panic!("{path} is not a valid feed: {e}"));
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom, "{path}");
    assert!(!feed.id.is_empty(), "{path}");
    feed.entries
        .iter()
        .map(|entry| {
            let title = entry.title.as_ref().expect("a title").content.clone();
            let href = &entry.links.first().expect("a link").href;
            (title, resolve(path, href))
        })
        .collect()
}

#[test]
fn every_actor_and_topic_has_a_feed_of_its_briefings_newest_first() {
    let (_site, files) = built("title: Talks\n", &[]);
    let first = "briefings/first/index.html".to_string();
    let second = "briefings/second/index.html".to_string();
    let third = "briefings/third/index.html".to_string();
    assert_eq!(
        feed_entries(&files, "actors/envoy-a/feed.xml"),
        [
            ("Second, with <b>tags</b> & more".into(), second.clone()),
            ("First talks".into(), first.clone())
        ]
    );
    assert_eq!(
        feed_entries(&files, "actors/envoy-b/feed.xml"),
        [("First talks".to_string(), first.clone())]
    );
    assert_eq!(
        feed_entries(&files, "topics/ceasefire/feed.xml"),
        [
            ("Third".to_string(), third),
            ("First talks".to_string(), first)
        ]
    );
    // Every feed is valid Atom and every entry leads to a page that exists.
    let feeds: Vec<&String> = files.keys().filter(|p| p.ends_with("feed.xml")).collect();
    assert_eq!(feeds.len(), 1 + 2 + 1, "{feeds:?}");
    for feed in feeds {
        for (_, target) in feed_entries(&files, feed) {
            assert!(files.contains_key(&target), "{feed} links to {target}");
        }
    }
}

/// Each actor and topic page names its feed (and an actor page its calendar) in its
/// head, and the meeting lists name the site's calendar: every such link resolves.
#[test]
fn the_pages_link_to_their_feeds_and_calendars() {
    let (_site, files) = built("title: Talks\n", &[]);
    let expected = [
        (
            "actors/envoy-a/index.html",
            "application/atom+xml",
            "actors/envoy-a/feed.xml",
        ),
        (
            "actors/envoy-a/index.html",
            "text/calendar",
            "actors/envoy-a/meetings.ics",
        ),
        (
            "topics/ceasefire/index.html",
            "application/atom+xml",
            "topics/ceasefire/feed.xml",
        ),
        ("meetings/index.html", "text/calendar", "meetings.ics"),
    ];
    for (page, kind, target) in expected {
        let html = scraper::Html::parse_document(text(&files, page));
        let selector =
            scraper::Selector::parse(&format!("head link[rel=alternate][type=\"{kind}\"]"))
                .unwrap();
        let links: Vec<String> = html
            .select(&selector)
            .map(|link| resolve(page, link.value().attr("href").unwrap()))
            .collect();
        assert!(links.contains(&target.to_string()), "{page}: {links:?}");
        assert!(files.contains_key(target), "{target}");
    }
}

fn calendar(files: &BTreeMap<String, Vec<u8>>, path: &str) -> icalendar::Calendar {
    let raw = text(files, path);
    // Structure first: CRLF line ends, every line a property or a fold, none over 75 octets.
    assert!(raw.ends_with("\r\n"), "{path}");
    for line in raw.split("\r\n").filter(|line| !line.is_empty()) {
        assert!(
            !line.contains('\r') && !line.contains('\n'),
            "{path}: {line:?}"
        );
        assert!(line.len() <= 75, "{path}: a line of {} octets", line.len());
        let name_end = line.find([':', ';']).unwrap_or(0);
        let name = &line[..name_end];
        assert!(
            line.starts_with(' ')
                || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')),
            "{path}: {line:?}"
        );
    }
    icalendar::Calendar::from_str(raw).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The calendars parse back, one all-day event a meeting, and author text that holds
/// the format's own characters comes back as written.
#[test]
fn calendars_carry_every_meeting_and_survive_hostile_text() {
    let (_site, files) = built("title: Talks\nbase_url: https://example.org/talks\n", &[]);
    let site = calendar(&files, "meetings.ics");
    let events: Vec<&icalendar::Event> = site.events().collect();
    assert_eq!(events.len(), 1);
    let event = events[0];
    assert_eq!(event.get_uid(), Some("geneva-round@talks.dossier"));
    assert_eq!(event.get_summary(), Some("Round one, in Geneva; \\ closed"));
    assert_eq!(
        event.get_location(),
        Some("Geneva, Switzerland;\nPalais des Nations")
    );
    assert_eq!(
        event.get_url(),
        Some("https://example.org/talks/meetings/geneva-round/")
    );
    assert!(matches!(
        event.get_start(),
        Some(icalendar::DatePerhapsTime::Date(_))
    ));
    let raw = text(&files, "meetings.ics");
    assert!(raw.contains("\r\nDTSTART;VALUE=DATE:20250109\r\n"), "{raw}");
    assert!(raw.contains("\r\nDTEND;VALUE=DATE:20250110\r\n"), "{raw}");
    let description = event.get_description().expect("a description");
    assert!(
        description.starts_with(
            "Participants: envoy-a, envoy-b\n\nA first meeting.\nBEGIN:VEVENT\nUID:forged"
        ),
        "{description:?}"
    );
    assert!(
        description.ends_with("They agreed, 100%."),
        "{description:?}"
    );

    for actor in ["envoy-a", "envoy-b"] {
        let own = calendar(&files, &format!("actors/{actor}/meetings.ics"));
        let uids: Vec<Option<&str>> = own.events().map(|e| e.get_uid()).collect();
        assert_eq!(uids, [Some("geneva-round@talks.dossier")], "{actor}");
    }

    // Crawled: every event of every calendar links to a page of the site.
    let calendars: Vec<&String> = files.keys().filter(|p| p.ends_with(".ics")).collect();
    assert_eq!(calendars.len(), 3, "{calendars:?}");
    for path in calendars {
        for event in calendar(&files, path).events() {
            let url = event.get_url().expect("a URL");
            let page = url
                .strip_prefix("https://example.org/talks/")
                .unwrap_or_else(|| panic!("{path}: {url} is not the site's"));
            let page = format!("{page}index.html");
            assert!(
                files.contains_key(&page),
                "{path} links to {url}, which is no page"
            );
        }
    }
}

#[test]
fn robots_names_the_sitemap_when_the_address_is_known() {
    let (_site, files) = built("title: Talks\nbase_url: https://example.org/talks/\n", &[]);
    assert_eq!(
        text(&files, "robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://example.org/talks/sitemap.xml\n"
    );
    let (_site, files) = built("title: Talks\n", &[]);
    let robots = text(&files, "robots.txt");
    assert!(robots.starts_with("User-agent: *\nAllow: /\n"), "{robots}");
    assert!(!robots.contains("Sitemap:"), "{robots}");
}

/// `--base-url` changes the absolute addresses and nothing else: a build with it
/// equals the build with dossier.yaml's address, once that address is replaced.
#[test]
fn base_url_changes_only_the_absolute_addresses() {
    let config = "title: Talks\nbase_url: https://old.example/alpha\n";
    let (_old, old) = built(config, &[]);
    let (_new, new) = built(config, &["--base-url", "https://new.example/beta/"]);
    assert_eq!(
        old.keys().collect::<Vec<_>>(),
        new.keys().collect::<Vec<_>>()
    );
    let mut changed = 0;
    for (path, bytes) in &old {
        let old_text = String::from_utf8_lossy(bytes);
        let mut expected =
            old_text.replace("https://old.example/alpha", "https://new.example/beta");
        // The 404 page is served at any address: its links start from the site's path.
        if path == "404.html" {
            expected = expected.replace("\"/alpha/", "\"/beta/");
        }
        // Calendar lines are folded at 75 octets: compare them unfolded.
        let unfold = |text: &str| text.replace("\r\n ", "");
        let new_text = String::from_utf8_lossy(&new[path]);
        assert_eq!(unfold(&expected), unfold(&new_text), "{path}");
        if expected != old_text {
            changed += 1;
        }
    }
    assert!(changed > 10, "only {changed} files hold the address");
    assert!(text(&new, "sitemap.xml").contains("<loc>https://new.example/beta/actors/</loc>"));

    // Anything but an absolute http(s) address is refused as usage.
    for bad in ["example.org", "/beta", "https://", "https://a b"] {
        let site = tempfile::tempdir().unwrap();
        write_site(site.path(), config);
        let output = build(site.path(), &["--base-url", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
    }
}
