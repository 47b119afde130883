//! Headings of a document: moved one level down under the page's own `<h1>`, and
//! given ids unique within the page, none of which the page's own elements use.
//!
//! It owns the ids of headings (and the list of the pages' own ids); footnote ids
//! are `footnotes`'s, taken from the same `used` set.

use std::collections::HashSet;

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

/// A page shows its own title as `<h1>`: when a document uses `#` headings, every
/// heading moves one level down so that the page keeps a single `<h1>`.
pub(super) fn demote_headings(events: &mut [Event<'_>]) {
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
/// within the page (`used` holds the ids already taken, and takes these).
pub(super) fn add_heading_ids(events: &mut [Event<'_>], used: &mut HashSet<String>) {
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
            let base = match crate::ids::slugify(&text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let id = unique(base, used);
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(id.into());
            }
            i = j;
        }
        i += 1;
    }
}

/// The ids the default templates give the elements of the pages that show a document:
/// the document's own headings and footnotes take none of them.
pub(super) const PAGE_IDS: &[&str] = &[
    "main",
    "site-search-q",
    "sec-meetings",
    "sec-positions",
    "sec-quotes",
    "sec-sources",
    "sec-counterparts",
    "sec-timeline",
    "sec-members",
    "sec-briefings",
    "sec-summary",
    "sec-outcome",
];

/// `base`, or `base-1`, `base-2`... the first that is not in `used`, which takes it.
pub(super) fn unique(base: String, used: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 1;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}
