//! The views of the pages of one briefing, one actor and one topic.

use serde::Serialize;
use tera::Value;

use super::listed::{Counted, MeetingRow, counted, meeting_row};
use super::paged::*;
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
        date_display: v.dossier.config.interface.date(&b.date),
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

/// The first items of a list, as an actor's or topic's page shows them: how many
/// there are in all, and the root-relative url of the list's own pages when some are
/// left out.
#[derive(Serialize)]
pub(super) struct Shown<T> {
    items: Vec<T>,
    total: usize,
    all: Option<String>,
}

impl<T> Shown<T> {
    fn new(items: Vec<T>, total: usize, list: List, d: &Dossier) -> Shown<T> {
        let all = (items.len() < total).then(|| page_path(&list.folder(d), 1));
        Shown { items, total, all }
    }
}

/// The latest positions of one actor on one topic (or of one topic by one actor).
#[derive(Serialize)]
pub(super) struct History<K> {
    #[serde(flatten)]
    key: K,
    latest: Value,
    /// The latest positions, oldest first, with the latest: at most
    /// [`SHOWN_HISTORY`] + 1.
    history: Vec<Value>,
    /// How many earlier positions are left out, and the page of the full list where
    /// this history begins.
    earlier: usize,
    all: Option<String>,
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
pub(super) struct ActorView<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    role: &'a str,
    aliases: &'a [String],
    affiliation: Option<Value>,
    bio_html: String,
    meetings: Shown<MeetingRow>,
    topics: Shown<History<TopicKey>>,
    quotes: Shown<Value>,
    counterparts: Shown<Counted>,
    members: Shown<Value>,
    briefings: Shown<Value>,
    graph: Option<EgoView>,
}

/// The rows of the newest [`SHOWN_MEETINGS`] of `meetings` (kept oldest first), newest
/// first, leaving `owner` out of their participants.
fn latest_meetings(
    v: &Views<'_>,
    meetings: &[MeetingIx],
    owner: Option<ActorIx>,
    list: List,
) -> Shown<MeetingRow> {
    let rows = meetings.iter().rev().take(SHOWN_MEETINGS);
    let rows = rows.map(|&m| meeting_row(v, m, owner)).collect();
    Shown::new(rows, meetings.len(), list, v.dossier)
}

pub(super) fn actor_view<'a>(v: &Views<'a>, ix: ActorIx) -> ActorView<'a> {
    let d = v.dossier;
    let a = d.actor(ix);
    let topics = histories(
        v,
        &a.positions,
        List::ActorPositions(ix),
        |p| p.topic,
        |p| TopicKey {
            topic: v.topic_value(p.topic),
        },
    );
    let quotes = a.quotes.iter().rev().take(SHOWN_QUOTES);
    let quotes = quotes.map(|&q| v.quote_value(q)).collect();
    let counterparts = a.counterparts.iter().take(SHOWN_COUNTERPARTS);
    let counterparts = counterparts.map(|c| counted(v, c)).collect();
    let members = v.actors(&a.members[..a.members.len().min(SHOWN_MEMBERS)]);
    let briefings = v.briefings(&a.briefings[..a.briefings.len().min(SHOWN_BRIEFINGS)]);
    ActorView {
        id: &a.id,
        name: &a.name,
        kind: a.kind.as_str(),
        role: &a.role,
        aliases: &a.aliases,
        affiliation: a.affiliation.map(|p| v.actor_value(p)),
        bio_html: v.html(&a.bio_html),
        meetings: latest_meetings(v, &a.meetings, Some(ix), List::ActorMeetings(ix)),
        topics,
        quotes: Shown::new(quotes, a.quotes.len(), List::ActorQuotes(ix), d),
        counterparts: Shown::new(
            counterparts,
            a.counterparts.len(),
            List::ActorCounterparts(ix),
            d,
        ),
        members: Shown::new(members, a.members.len(), List::ActorMembers(ix), d),
        briefings: Shown::new(briefings, a.briefings.len(), List::ActorBriefings(ix), d),
        graph: ego_view(v, ix),
    }
}

#[derive(Serialize)]
pub(super) struct TopicView<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    body_html: String,
    positions: Shown<History<ActorKey>>,
    meetings: Shown<MeetingRow>,
    briefings: Shown<Value>,
}

pub(super) fn topic_view<'a>(v: &Views<'a>, ix: TopicIx) -> TopicView<'a> {
    let d = v.dossier;
    let t = d.topic(ix);
    let positions = histories(
        v,
        &t.positions,
        List::TopicPositions(ix),
        |p| p.actor,
        |p| ActorKey {
            actor: v.actor_value(p.actor),
        },
    );
    let briefings = v.briefings(&t.briefings[..t.briefings.len().min(SHOWN_BRIEFINGS)]);
    TopicView {
        id: &t.id,
        name: &t.name,
        aliases: &t.aliases,
        body_html: v.html(&t.body_html),
        positions,
        meetings: latest_meetings(v, &t.meetings, None, List::TopicMeetings(ix)),
        briefings: Shown::new(briefings, t.briefings.len(), List::TopicBriefings(ix), d),
    }
}

/// The positions in `list` as histories, one per run of the same `group` (positions
/// come sorted so that each run is contiguous and oldest first), each named by `key`
/// of its latest position: the [`SHOWN_STANCES`] histories with the latest stances, in
/// the list's order, each with at most [`SHOWN_HISTORY`] earlier positions.
fn histories<G: PartialEq, K>(
    v: &Views<'_>,
    list: &[PositionIx],
    full: List,
    group: impl Fn(&Position) -> G,
    key: impl Fn(&Position) -> K,
) -> Shown<History<K>> {
    let d = v.dossier;
    let runs = v.histories(list, group);
    let total = runs.len();
    // Where each run begins in the full list, for the page that holds it.
    let mut starts = Vec::with_capacity(runs.len());
    let mut at = 0;
    for run in &runs {
        starts.push(at);
        at += run.len();
    }
    let mut chosen: Vec<usize> = (0..runs.len()).collect();
    if chosen.len() > SHOWN_STANCES {
        let latest = |i: usize| runs[i].last().map(|&p| d.position(p).date.day);
        chosen.sort_by(|&a, &b| latest(b).cmp(&latest(a)).then(a.cmp(&b)));
        chosen.truncate(SHOWN_STANCES);
        chosen.sort_unstable();
    }
    let capped = chosen.len() < total || runs.iter().any(|r| r.len() > SHOWN_HISTORY + 1);
    let folder = capped.then(|| full.folder(d));
    let items = chosen
        .into_iter()
        .filter_map(|i| {
            let run = &runs[i];
            let last = *run.last()?;
            let shown = &run[run.len().saturating_sub(SHOWN_HISTORY + 1)..];
            let earlier = run.len() - shown.len();
            let page = starts[i] / full.per_page() + 1;
            Some(History {
                key: key(d.position(last)),
                latest: v.position_value(last),
                history: v.positions(shown),
                earlier,
                all: folder
                    .as_ref()
                    .filter(|_| earlier > 0)
                    .map(|f| page_path(f, page)),
            })
        })
        .collect();
    Shown {
        items,
        total,
        all: folder.map(|f| page_path(&f, 1)),
    }
}
