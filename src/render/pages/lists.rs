//! The views of the list pages: topics and the positions matrix here, and the pages
//! of the lists split into pages (`paged.rs`): briefings by year, meetings by month,
//! actors by kind and affiliation, and one actor's or topic's full lists.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Value;

use crate::model::*;
use crate::render::views::*;

#[derive(Serialize)]
pub(super) struct TopicSummary {
    topic: Value,
    actors: usize,
    positions: usize,
    meetings: usize,
}

pub(super) fn topic_list<'a>(v: &Views<'a>) -> Vec<TopicSummary> {
    let mut list: Vec<(String, TopicSummary)> = v
        .dossier
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut actors: Vec<ActorIx> = t
                .positions
                .iter()
                .map(|&p| v.dossier.position(p).actor)
                .collect();
            actors.sort();
            actors.dedup();
            let summary = TopicSummary {
                topic: v.topic_value(TopicIx(i as u32)),
                actors: actors.len(),
                positions: t.positions.len(),
                meetings: t.meetings.len(),
            };
            (t.name.to_lowercase(), summary)
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list.into_iter().map(|(_, s)| s).collect()
}

#[derive(Serialize)]
pub(super) struct Row {
    actor: Value,
    cells: Vec<Option<Value>>,
}

/// The most actors and topics the matrix shows: beyond them a table is unreadable and
/// its size would grow with actors times topics. Every actor and topic page keeps the
/// full history.
const MATRIX_ACTORS: usize = 40;
const MATRIX_TOPICS: usize = 20;

/// The matrix: its columns, rows, and how many actors and topics hold positions in all.
pub(super) struct Matrix {
    pub(super) topics: Vec<Value>,
    pub(super) rows: Vec<Row>,
    pub(super) total_actors: usize,
    pub(super) total_topics: usize,
}

/// The positions matrix: the actors with the most positions (by name) against the
/// topics with the most positions (by name); each cell holds the latest stance.
pub(super) fn matrix(v: &Views<'_>) -> Matrix {
    let d = v.dossier;
    let mut topics: Vec<TopicIx> = (0..d.topics.len())
        .map(|i| TopicIx(i as u32))
        .filter(|&t| !d.topic(t).positions.is_empty())
        .collect();
    let total_topics = topics.len();
    topics.sort_by(|&a, &b| {
        let (ta, tb) = (d.topic(a), d.topic(b));
        tb.positions.len().cmp(&ta.positions.len()).then(a.cmp(&b))
    });
    topics.truncate(MATRIX_TOPICS);
    topics.sort_by_cached_key(|&t| d.topic(t).name.to_lowercase());
    let column: BTreeMap<TopicIx, usize> =
        topics.iter().enumerate().map(|(i, &t)| (t, i)).collect();
    let mut actors: Vec<ActorIx> = (0..d.actors.len())
        .map(|i| ActorIx(i as u32))
        .filter(|&a| !d.actor(a).positions.is_empty())
        .collect();
    let total_actors = actors.len();
    actors.sort_by(|&a, &b| {
        let (aa, ab) = (d.actor(a), d.actor(b));
        ab.positions.len().cmp(&aa.positions.len()).then(a.cmp(&b))
    });
    actors.truncate(MATRIX_ACTORS);
    actors.sort_by_cached_key(|&a| d.actor(a).name.to_lowercase());
    let rows = actors
        .into_iter()
        .map(|a| {
            let mut cells: Vec<Option<Value>> = topics.iter().map(|_| None).collect();
            // An actor's positions are sorted by topic, then date: the last of each topic wins.
            let mut latest: BTreeMap<usize, PositionIx> = BTreeMap::new();
            for &p in &d.actor(a).positions {
                if let Some(&col) = column.get(&d.position(p).topic) {
                    latest.insert(col, p);
                }
            }
            for (col, p) in latest {
                cells[col] = Some(v.position_value(p));
            }
            Row {
                actor: v.actor_value(a),
                cells,
            }
        })
        .collect();
    Matrix {
        topics: v.topics(&topics),
        rows,
        total_actors,
        total_topics,
    }
}
