//! Search: the prebuilt index (`search-index.js`) and the plain list that the search
//! page shows without JavaScript.
//!
//! The index is a script that assigns `window.DOSSIER_SEARCH`, since a page opened from
//! disk may load a script but not fetch a JSON file. It holds titles, names, aliases
//! and a few short keywords, never bodies, so that it stays small on large dossiers.
//! Author text cannot break out of the script: `<`, `>`, `&`, U+2028 and U+2029 are
//! written as `\u` escapes.

use serde::Serialize;

use super::views::*;
use crate::model::*;

/// The index file's path in the output.
pub const INDEX_PATH: &str = "search-index.js";
/// At most this many participants are related to a meeting.
const MEETING_NAMES: usize = 8;
/// At most this many topics are related to a briefing.
const BRIEFING_TOPICS: usize = 8;

/// One thing to find. Short field names keep the index small.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Entry {
    /// Title or name.
    pub t: String,
    /// Kind: `briefing`, `actor`, `topic` or `meeting`.
    pub k: &'static str,
    /// Url relative to the site root.
    pub u: String,
    /// A short detail shown under the title: a role, a date.
    pub d: String,
    /// Keywords matched as well as the title (aliases, ids, places, dates).
    pub w: Vec<String>,
    /// Related entries, by their index in the list, whose titles and keywords match
    /// too: a meeting's participants, a briefing's topics. Indices rather than names
    /// keep the index small on large dossiers.
    pub r: Vec<usize>,
}

/// Every entry: briefings (newest first), actors (by name), topics (by name), meetings
/// (newest first).
pub fn entries(d: &Dossier) -> Vec<Entry> {
    let mut actors: Vec<(usize, &Actor)> = d.actors.iter().enumerate().collect();
    actors.sort_by_cached_key(|(_, a)| a.name.to_lowercase());
    let mut topics: Vec<(usize, &Topic)> = d.topics.iter().enumerate().collect();
    topics.sort_by_cached_key(|(_, t)| t.name.to_lowercase());
    // Where each actor's and topic's entry will be in the list.
    let mut actor_entry = vec![0; d.actors.len()];
    for (at, (ix, _)) in actors.iter().enumerate() {
        actor_entry[*ix] = d.briefings.len() + at;
    }
    let mut topic_entry = vec![0; d.topics.len()];
    for (at, (ix, _)) in topics.iter().enumerate() {
        topic_entry[*ix] = d.briefings.len() + d.actors.len() + at;
    }

    let mut out =
        Vec::with_capacity(d.briefings.len() + d.actors.len() + d.topics.len() + d.meetings.len());
    for b in &d.briefings {
        out.push(Entry {
            t: b.title.clone(),
            k: "briefing",
            u: briefing_url(&b.slug),
            d: b.date.display(),
            w: vec![b.date.iso()],
            r: b.topics
                .iter()
                .take(BRIEFING_TOPICS)
                .map(|t| topic_entry[t.get()])
                .collect(),
        });
    }
    for (_, a) in actors {
        let mut w = a.aliases.clone();
        w.push(a.id.clone());
        out.push(Entry {
            t: a.name.clone(),
            k: "actor",
            u: actor_url(&a.id),
            d: a.role.clone(),
            w,
            r: a.affiliation
                .map(|p| actor_entry[p.get()])
                .into_iter()
                .collect(),
        });
    }
    for (_, t) in topics {
        let mut w = t.aliases.clone();
        w.push(t.id.clone());
        out.push(Entry {
            t: t.name.clone(),
            k: "topic",
            u: topic_url(&t.id),
            d: String::new(),
            w,
            r: Vec::new(),
        });
    }
    for m in d.meetings.iter().rev() {
        let mut w = vec![m.date.iso()];
        if !m.location.is_empty() {
            w.push(m.location.clone());
        }
        out.push(Entry {
            t: m.title.clone(),
            k: "meeting",
            u: meeting_url(&m.id),
            d: match m.location.as_str() {
                "" => m.date.display(),
                place => format!("{} · {place}", m.date.display()),
            },
            w,
            r: m.participants
                .iter()
                .take(MEETING_NAMES)
                .map(|a| actor_entry[a.get()])
                .collect(),
        });
    }
    out
}

/// `search-index.js`: the entries as a script that assigns `window.DOSSIER_SEARCH`.
pub fn index_script(entries: &[Entry]) -> anyhow::Result<String> {
    let json = serde_json::to_string(entries)?;
    let mut script = String::with_capacity(json.len() + 64);
    script.push_str("window.DOSSIER_SEARCH = ");
    push_script_safe_json(&mut script, &json);
    script.push_str(";\n");
    Ok(script)
}

/// JSON made safe to put inside a `<script>`: the characters that could close the
/// element, start a comment or end a line in older JavaScript become `\u` escapes.
/// They only ever occur inside JSON strings, where the escapes mean the same.
pub fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    push_script_safe_json(&mut out, json);
    out
}

/// Appends `json` to `out` as [`script_safe_json`] makes it, copying the runs between
/// the characters it escapes whole.
fn push_script_safe_json(out: &mut String, json: &str) {
    let mut copied = 0;
    let unsafe_chars = |c| matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}');
    for (at, c) in json.match_indices(unsafe_chars) {
        out.push_str(&json[copied..at]);
        out.push_str(match c {
            "<" => "\\u003c",
            ">" => "\\u003e",
            "&" => "\\u0026",
            "\u{2028}" => "\\u2028",
            _ => "\\u2029",
        });
        copied = at + c.len();
    }
    out.push_str(&json[copied..]);
}

/// The entries of one kind, for the search page's plain list.
#[derive(Serialize)]
pub struct Group<'a> {
    pub kind: &'static str,
    pub label: &'static str,
    pub entries: &'a [Entry],
}

/// The entries grouped by kind, in the index's order; kinds without entries are left out.
pub fn groups(entries: &[Entry]) -> Vec<Group<'_>> {
    let mut groups = Vec::new();
    for (kind, label) in [
        ("briefing", "Briefings"),
        ("actor", "Actors"),
        ("topic", "Topics"),
        ("meeting", "Meetings"),
    ] {
        let start = entries.iter().position(|e| e.k == kind);
        let Some(start) = start else { continue };
        let len = entries[start..].iter().take_while(|e| e.k == kind).count();
        groups.push(Group {
            kind,
            label,
            entries: &entries[start..start + len],
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(k: &'static str, t: &str) -> Entry {
        Entry {
            t: t.into(),
            k,
            u: format!("{k}s/x/index.html"),
            d: String::new(),
            w: vec![],
            r: vec![],
        }
    }

    #[test]
    fn script_cannot_be_broken_out_of() {
        let entries = vec![Entry {
            t: "</script><script>alert(1)</script> & <!-- \u{2028}\u{2029}".into(),
            k: "briefing",
            u: "briefings/x/index.html".into(),
            d: "\"quoted\"".into(),
            w: vec![],
            r: vec![],
        }];
        let script = index_script(&entries).unwrap();
        assert!(script.starts_with("window.DOSSIER_SEARCH = ["));
        assert!(!script.contains('<'));
        assert!(!script.contains('>'));
        assert!(!script.contains('&'));
        assert!(!script.contains('\u{2028}'));
        assert!(!script.contains('\u{2029}'));
        assert!(script.contains(r"\u003c/script\u003e"));
        assert!(script.contains(r#"\"quoted\""#));
        // Still the same JSON once the assignment is taken off.
        let json = script
            .trim_start_matches("window.DOSSIER_SEARCH = ")
            .trim_end()
            .trim_end_matches(';');
        let back: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(back[0]["t"], entries[0].t.as_str());
    }

    #[test]
    fn groups_follow_the_kinds_and_skip_empty_ones() {
        let entries = vec![
            entry("briefing", "b1"),
            entry("briefing", "b2"),
            entry("actor", "a1"),
            entry("meeting", "m1"),
        ];
        let groups = groups(&entries);
        let summary: Vec<(&str, usize)> =
            groups.iter().map(|g| (g.kind, g.entries.len())).collect();
        assert_eq!(summary, vec![("briefing", 2), ("actor", 1), ("meeting", 1)]);
        assert!(super::groups(&[]).is_empty());
    }

    /// Every character that could end a script or start markup inside one is escaped,
    /// wherever it falls, and the text between them is kept whole.
    #[test]
    fn json_is_made_safe_for_a_script() {
        let json = "\"</script>&x\u{2028}y\u{2029}<\"";
        assert_eq!(
            script_safe_json(json),
            r#""\u003c/script\u003e\u0026x\u2028y\u2029\u003c""#
        );
        assert_eq!(script_safe_json("plain"), "plain");
        assert_eq!(script_safe_json(""), "");
    }
}
