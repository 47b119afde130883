//! The documents search finds: every briefing, meeting, position, quote, actor and
//! topic, with the text it is found by, the page (and anchor) it opens, and the
//! actors and topics a filter can pick it by.

use super::text::html_text;
use crate::model::*;
use crate::render::views::{actor_url, briefing_url, meeting_url, topic_url};

/// The kinds of document, in the order of the index: a kind's documents are numbered
/// from 0 on their own.
pub const KINDS: [&str; 6] = ["briefing", "meeting", "position", "quote", "actor", "topic"];

/// One thing to find.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// Its place in [`KINDS`].
    pub kind: usize,
    /// Its day, for ordering and the year filter; none for actors and topics.
    pub date: Option<Date>,
    /// Title or name, shown as the result's link and weighted above the text.
    pub title: String,
    /// Other names (an actor's or topic's aliases), weighted as the title.
    pub names: String,
    /// The page it opens, relative to the site root, with an anchor where the thing is
    /// one item of a page.
    pub url: String,
    /// A short line under the title: a date, a place, a role.
    pub detail: String,
    /// The plain text it is found by, from which excerpts are cut.
    pub text: String,
    /// The actors and topics that the `actor:` and `topic:` filters pick it by.
    pub actors: Vec<ActorIx>,
    pub topics: Vec<TopicIx>,
}

/// Every document, by kind, each kind in the order of its ids: dated kinds by date
/// (then as the dossier lists them), actors and topics by name.
pub fn documents(d: &Dossier) -> [Vec<Doc>; 6] {
    let name = |a: ActorIx| d.actor(a).name.as_str();
    let topic = |t: TopicIx| d.topic(t).name.as_str();
    let ui = &d.config.interface;
    // Dates as the pages write them, each day made once: positions and quotes share
    // their briefing's.
    let written = std::cell::RefCell::new(std::collections::HashMap::<Date, String>::new());
    let date = |day: &Date| -> String {
        written
            .borrow_mut()
            .entry(*day)
            .or_insert_with(|| ui.date(day))
            .clone()
    };
    // Where each position and quote is shown in its briefing: its anchor.
    let mut position_at = vec![0; d.positions.len()];
    let mut quote_at = vec![0; d.quotes.len()];
    for b in &d.briefings {
        for (at, p) in b.positions.iter().enumerate() {
            position_at[p.get()] = at + 1;
        }
        for (at, q) in b.quotes.iter().enumerate() {
            quote_at[q.get()] = at + 1;
        }
    }

    let briefings: Vec<Doc> = d
        .briefings
        .iter()
        .map(|b| Doc {
            kind: 0,
            date: Some(b.date),
            title: b.title.clone(),
            names: String::new(),
            url: briefing_url(&b.slug),
            detail: date(&b.date),
            text: join(&[&b.summary, &html_text(&b.body_html)]),
            actors: b.actors.clone(),
            topics: b.topics.clone(),
        })
        .collect();
    let meetings: Vec<Doc> = d
        .meetings
        .iter()
        .map(|m| {
            let names: Vec<&str> = m.participants.iter().map(|&a| name(a)).collect();
            Doc {
                kind: 1,
                date: Some(m.date),
                title: m.title.clone(),
                names: String::new(),
                url: meeting_url(&m.id),
                detail: match m.location.as_str() {
                    "" => date(&m.date),
                    place => format!("{} · {place}", date(&m.date)),
                },
                text: join(&[
                    &m.location,
                    &html_text(&m.summary_html),
                    &html_text(&m.outcome_html),
                    &names.join(", "),
                ]),
                actors: m.participants.clone(),
                topics: m.topics.clone(),
            }
        })
        .collect();
    let positions: Vec<Doc> = d
        .positions
        .iter()
        .enumerate()
        .map(|(ix, p)| Doc {
            kind: 2,
            date: Some(p.date),
            title: ui.text(
                "search.position_title",
                &[("actor", name(p.actor)), ("topic", topic(p.topic))],
            ),
            names: String::new(),
            url: format!(
                "{}#position-{}",
                briefing_url(&d.briefing(p.briefing).slug),
                position_at[ix]
            ),
            detail: date(&p.date),
            text: html_text(&p.stance_html),
            actors: vec![p.actor],
            topics: vec![p.topic],
        })
        .collect();
    let quotes: Vec<Doc> = d
        .quotes
        .iter()
        .enumerate()
        .map(|(ix, q)| Doc {
            kind: 3,
            date: Some(q.date),
            title: name(q.actor).to_string(),
            names: String::new(),
            url: format!(
                "{}#quote-{}",
                briefing_url(&d.briefing(q.briefing).slug),
                quote_at[ix]
            ),
            detail: date(&q.date),
            text: q.text.clone(),
            actors: vec![q.actor],
            topics: d.briefing(q.briefing).topics.clone(),
        })
        .collect();
    let actors: Vec<Doc> = d
        .actors
        .iter()
        .enumerate()
        .map(|(ix, a)| Doc {
            kind: 4,
            date: None,
            title: a.name.clone(),
            names: a.aliases.join(", "),
            url: actor_url(&a.id),
            detail: a.role.clone(),
            text: join(&[&a.aliases.join(", "), &a.role, &html_text(&a.bio_html)]),
            actors: vec![ActorIx(ix as u32)],
            topics: Vec::new(),
        })
        .collect();
    let topics: Vec<Doc> = d
        .topics
        .iter()
        .enumerate()
        .map(|(ix, t)| Doc {
            kind: 5,
            date: None,
            title: t.name.clone(),
            names: t.aliases.join(", "),
            url: topic_url(&t.id),
            detail: String::new(),
            text: join(&[&t.aliases.join(", "), &html_text(&t.body_html)]),
            actors: Vec::new(),
            topics: vec![TopicIx(ix as u32)],
        })
        .collect();
    let mut kinds = [briefings, meetings, positions, quotes, actors, topics];
    for docs in &mut kinds[..4] {
        docs.sort_by_key(|doc| doc.date);
    }
    for docs in &mut kinds[4..] {
        docs.sort_by_cached_key(|doc| doc.title.to_lowercase());
    }
    kinds
}

/// The parts that are not empty, one after the other, as sentences.
fn join(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push_str(if out.ends_with(['.', '!', '?']) {
                " "
            } else {
                ". "
            });
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_join_as_sentences() {
        assert_eq!(
            join(&["Vienna", "", "Talks went on.", "A, B"]),
            "Vienna. Talks went on. A, B"
        );
        assert_eq!(join(&["", " "]), "");
    }
}
