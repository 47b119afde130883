//! The views against docs/templates.md: every field a shared view gives its templates
//! is listed there, and nothing more.

use std::collections::BTreeSet;

use super::*;

/// The example site at the repository's root, resolved.
fn example() -> Dossier {
    let mut diagnostics = crate::diagnostics::Diagnostics::default();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = crate::config::Config::load(root, &mut diagnostics).unwrap();
    let content = crate::content::load(root, &mut diagnostics).unwrap();
    crate::model::resolve(config, content, Default::default(), &mut diagnostics)
}

/// The top-level keys of a view as docs/templates.md writes it: `{ a, b: x, c }`.
fn documented(doc: &str, view: &str) -> BTreeSet<String> {
    let marker = format!("- **{view}** `{{");
    let line = doc
        .lines()
        .find(|line| line.starts_with(&marker))
        .unwrap_or_else(|| panic!("docs/templates.md lists no view named '{view}'"));
    let inner = &line[marker.len()..];
    let inner = &inner[..inner.find("}`").expect("a view's fields end with }`")];
    let (mut keys, mut depth, mut key, mut in_key) = (BTreeSet::new(), 0, String::new(), true);
    for c in inner.chars() {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            ',' if depth == 0 => {
                keys.insert(std::mem::take(&mut key).trim().to_string());
                in_key = true;
            }
            ':' if depth == 0 => in_key = false,
            c if depth == 0 && in_key => key.push(c),
            _ => {}
        }
    }
    keys.insert(key.trim().to_string());
    keys
}

/// The top-level keys `view` serializes to.
fn keys(view: &impl Serialize) -> BTreeSet<String> {
    match serde_json::to_value(view).unwrap() {
        serde_json::Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("a view is a map, not {other}"),
    }
}

#[test]
fn the_shared_views_are_the_ones_docs_templates_md_lists() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/templates.md"),
    )
    .unwrap();
    let dossier = example();
    let v = Views {
        dossier: &dossier,
        root: ITEM_ROOT,
        shared: None,
        digests: None,
    };
    assert!(!dossier.meetings.is_empty() && !dossier.positions.is_empty());
    assert!(!dossier.quotes.is_empty());
    let briefing = dossier
        .briefings
        .iter()
        .position(|b| !b.sources.is_empty())
        .expect("the example cites a source");
    let views = [
        ("actor ref", keys(&v.actor(ActorIx(0)))),
        ("topic ref", keys(&v.topic(TopicIx(0)))),
        ("briefing ref", keys(&v.briefing(BriefingIx(0)))),
        ("source", keys(&v.source_at(BriefingIx(briefing as u32), 0))),
        ("meeting", keys(&v.meeting(MeetingIx(0)))),
        ("position", keys(&v.position(PositionIx(0)))),
        ("quote", keys(&v.quote(QuoteIx(0)))),
    ];
    for (name, fields) in views {
        assert_eq!(
            fields,
            documented(&doc, name),
            "the fields of the {name} view (left) and those docs/templates.md lists (right)"
        );
    }
}
