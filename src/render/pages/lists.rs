//! The views of the list pages: briefings by year, actors by kind and affiliation,
//! topics, meetings by month and the positions matrix.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Value;

use crate::model::*;
use crate::render::views::*;

#[derive(Serialize)]
pub(super) struct Year {
    year: i16,
    briefings: Vec<Value>,
}

pub(super) fn years<'a>(v: &Views<'a>) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for (i, b) in v.dossier.briefings.iter().enumerate() {
        let view = v.briefing_value(BriefingIx(i as u32));
        match years.last_mut() {
            Some(year) if year.year == b.date.day.year() => year.briefings.push(view),
            _ => years.push(Year {
                year: b.date.day.year(),
                briefings: vec![view],
            }),
        }
    }
    years
}

#[derive(Serialize)]
pub(super) struct ActorGroup {
    kind: &'static str,
    label: &'static str,
    affiliations: Vec<AffiliationGroup>,
}

#[derive(Serialize)]
pub(super) struct AffiliationGroup {
    affiliation: Option<Value>,
    actors: Vec<Value>,
}

pub(super) fn actor_groups<'a>(v: &Views<'a>) -> Vec<ActorGroup> {
    let d = v.dossier;
    let kinds = ActorKind::WRITTEN
        .iter()
        .map(|(_, k)| *k)
        .chain([ActorKind::Unknown]);
    let mut groups = Vec::new();
    for kind in kinds {
        // Affiliated actors first, by affiliation name; unaffiliated last.
        let mut by_affiliation: BTreeMap<(bool, String, Option<ActorIx>), Vec<ActorIx>> =
            BTreeMap::new();
        for (i, actor) in d.actors.iter().enumerate().filter(|(_, a)| a.kind == kind) {
            let key = match actor.affiliation {
                Some(a) => (false, d.actor(a).name.to_lowercase(), Some(a)),
                None => (true, String::new(), None),
            };
            by_affiliation
                .entry(key)
                .or_default()
                .push(ActorIx(i as u32));
        }
        if by_affiliation.is_empty() {
            continue;
        }
        let affiliations = by_affiliation
            .into_iter()
            .map(|((_, _, affiliation), mut actors)| {
                actors.sort_by_cached_key(|&a| d.actor(a).name.to_lowercase());
                AffiliationGroup {
                    affiliation: affiliation.map(|a| v.actor_value(a)),
                    actors: v.actors(&actors),
                }
            })
            .collect();
        groups.push(ActorGroup {
            kind: kind.as_str(),
            label: kind.plural_label(),
            affiliations,
        });
    }
    groups
}

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
pub(super) struct Month {
    label: String,
    meetings: Vec<Value>,
}

/// How many months of meetings the meetings page shows; each year has a page of its own.
const RECENT_MONTHS: usize = 12;

/// Meetings by month, newest month first: those of `year`, or those of the latest
/// [`RECENT_MONTHS`] months that have any.
pub(super) fn months(v: &Views<'_>, year: Option<i16>) -> Vec<Month> {
    let meetings = v.dossier.meetings.iter().enumerate();
    let mut months: Vec<(jiff::civil::Date, Month)> = Vec::new();
    for (i, m) in meetings.filter(|(_, m)| year.is_none_or(|y| m.date.day.year() == y)) {
        let first = m.date.day.first_of_month();
        let view = v.meeting_value(MeetingIx(i as u32));
        match months.last_mut() {
            Some((month, group)) if *month == first => group.meetings.push(view),
            _ => months.push((
                first,
                Month {
                    label: m.date.month_label(),
                    meetings: vec![view],
                },
            )),
        }
    }
    let months = months.into_iter().rev().map(|(_, m)| m);
    match year {
        Some(_) => months.collect(),
        None => months.take(RECENT_MONTHS).collect(),
    }
}

/// Every year that has meetings, newest first, with how many.
pub(super) fn meeting_years(d: &Dossier) -> Vec<(i16, usize)> {
    let mut years: Vec<(i16, usize)> = Vec::new();
    for m in &d.meetings {
        match years.last_mut() {
            Some((year, count)) if *year == m.date.day.year() => *count += 1,
            _ => years.push((m.date.day.year(), 1)),
        }
    }
    years.reverse();
    years
}

#[derive(Serialize)]
pub(super) struct MeetingYear {
    year: i16,
    url: String,
    meetings: usize,
}

/// The years of the meetings timeline, each with its page.
pub(super) fn years_of_meetings(d: &Dossier) -> Vec<MeetingYear> {
    meeting_years(d)
        .into_iter()
        .map(|(year, meetings)| MeetingYear {
            year,
            url: format!("meetings/{year}/index.html"),
            meetings,
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct Row {
    actor: Value,
    cells: Vec<Option<Value>>,
}

/// The most actors and topics the matrix shows: beyond them a table is unreadable and
/// its size would grow with actors times topics. Every actor and topic page keeps the
/// full history.
const MATRIX_ACTORS: usize = 60;
const MATRIX_TOPICS: usize = 30;

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
