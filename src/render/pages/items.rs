//! The views of the pages of one briefing, one actor and one topic.

use serde::Serialize;
use tera::Value;

use crate::model::*;
use crate::render::network::{EgoView, ego_view};
use crate::render::views::*;

#[derive(Serialize)]
pub(super) struct BriefingView<'a> {
    slug: &'a str,
    title: &'a str,
    date: String,
    date_display: String,
    summary: &'a str,
    body_html: String,
    topics: Vec<Value>,
    actors: Vec<Value>,
    meetings: Vec<Value>,
    positions: Vec<Value>,
    quotes: Vec<Value>,
    sources: Vec<SourceView<'a>>,
}

pub(super) fn briefing_view<'a>(v: &Views<'a>, ix: BriefingIx) -> BriefingView<'a> {
    let b = v.dossier.briefing(ix);
    let mut actors = b.actors.clone();
    actors.sort_by_cached_key(|&a| v.dossier.actor(a).name.to_lowercase());
    BriefingView {
        slug: &b.slug,
        title: &b.title,
        date: b.date.iso(),
        date_display: b.date.display(),
        summary: &b.summary,
        body_html: v.html(&b.body_html),
        topics: v.topics(&b.topics),
        actors: v.actors(&actors),
        meetings: v.meetings(&b.meetings),
        positions: v.positions(&b.positions),
        quotes: v.quotes(&b.quotes),
        sources: (0..b.sources.len()).map(|i| v.source_at(ix, i)).collect(),
    }
}

#[derive(Serialize)]
pub(super) struct History<K> {
    #[serde(flatten)]
    key: K,
    latest: Value,
    history: Vec<Value>,
}

#[derive(Serialize)]
pub(super) struct TopicKey {
    topic: Value,
}

#[derive(Serialize)]
pub(super) struct ActorKey {
    actor: Value,
}

#[derive(Serialize)]
pub(super) struct Counted {
    actor: Value,
    meetings: usize,
    last_date: String,
    last_date_display: String,
}

#[derive(Serialize)]
pub(super) struct ActorView<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    role: &'a str,
    aliases: &'a [String],
    affiliation: Option<Value>,
    bio_html: String,
    meetings: Vec<Value>,
    topics: Vec<History<TopicKey>>,
    quotes: Vec<Value>,
    counterparts: Vec<Counted>,
    members: Vec<Value>,
    briefings: Vec<Value>,
    timeline: Vec<TimelineEntry>,
    graph: Option<EgoView>,
}

/// One dated event on an actor's timeline: a meeting attended or a position taken.
#[derive(Serialize)]
pub(super) struct TimelineEntry {
    kind: &'static str,
    date: String,
    date_display: String,
    meeting: Option<Value>,
    position: Option<Value>,
}

/// The actor's meetings and positions in one list, oldest first; on the same day,
/// meetings come before positions.
pub(super) fn timeline<'a>(v: &Views<'a>, a: &Actor) -> Vec<TimelineEntry> {
    let d = v.dossier;
    let mut events: Vec<(Date, u8, usize, TimelineEntry)> = Vec::new();
    for (order, &m) in a.meetings.iter().enumerate() {
        let date = d.meeting(m).date;
        events.push((
            date,
            0,
            order,
            TimelineEntry {
                kind: "meeting",
                date: date.iso(),
                date_display: date.display(),
                meeting: Some(v.meeting_value(m)),
                position: None,
            },
        ));
    }
    for (order, &p) in a.positions.iter().enumerate() {
        let date = d.position(p).date;
        events.push((
            date,
            1,
            order,
            TimelineEntry {
                kind: "position",
                date: date.iso(),
                date_display: date.display(),
                meeting: None,
                position: Some(v.position_value(p)),
            },
        ));
    }
    events.sort_by_key(|e| (e.0.day, e.1, e.2));
    events.into_iter().map(|(_, _, _, entry)| entry).collect()
}

pub(super) fn actor_view<'a>(v: &Views<'a>, ix: ActorIx) -> ActorView<'a> {
    let a = v.dossier.actor(ix);
    let topics = histories(
        v,
        &a.positions,
        |p| p.topic,
        |p| TopicKey {
            topic: v.topic_value(p.topic),
        },
    );
    ActorView {
        id: &a.id,
        name: &a.name,
        kind: a.kind.as_str(),
        role: &a.role,
        aliases: &a.aliases,
        affiliation: a.affiliation.map(|p| v.actor_value(p)),
        bio_html: v.html(&a.bio_html),
        meetings: v.meetings(&a.meetings),
        topics,
        quotes: v.quotes(&a.quotes),
        counterparts: a
            .counterparts
            .iter()
            .map(|c| {
                let last = c.meetings.last().map(|&m| v.dossier.meeting(m).date);
                Counted {
                    actor: v.actor_value(c.actor),
                    meetings: c.meetings.len(),
                    last_date: last.map(|d| d.iso()).unwrap_or_default(),
                    last_date_display: last.map(|d| d.display()).unwrap_or_default(),
                }
            })
            .collect(),
        members: v.actors(&a.members),
        briefings: v.briefings(&a.briefings),
        timeline: timeline(v, a),
        graph: ego_view(v, ix),
    }
}

#[derive(Serialize)]
pub(super) struct TopicView<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    body_html: String,
    positions: Vec<History<ActorKey>>,
    meetings: Vec<Value>,
    briefings: Vec<Value>,
}

pub(super) fn topic_view<'a>(v: &Views<'a>, ix: TopicIx) -> TopicView<'a> {
    let t = v.dossier.topic(ix);
    let positions = histories(
        v,
        &t.positions,
        |p| p.actor,
        |p| ActorKey {
            actor: v.actor_value(p.actor),
        },
    );
    TopicView {
        id: &t.id,
        name: &t.name,
        aliases: &t.aliases,
        body_html: v.html(&t.body_html),
        positions,
        meetings: v.meetings(&t.meetings),
        briefings: v.briefings(&t.briefings),
    }
}

/// The positions in `list` as histories, one per run of the same `group` (positions
/// come sorted so that each run is contiguous and oldest first), each named by `key`
/// of its latest position.
fn histories<G: PartialEq, K>(
    v: &Views<'_>,
    list: &[PositionIx],
    group: impl Fn(&Position) -> G,
    key: impl Fn(&Position) -> K,
) -> Vec<History<K>> {
    v.histories(list, group)
        .into_iter()
        .filter_map(|run| {
            let last = *run.last()?;
            Some(History {
                key: key(v.dossier.position(last)),
                latest: v.position_value(last),
                history: v.positions(&run),
            })
        })
        .collect()
}
