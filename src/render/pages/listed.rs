//! The views of one page of a list split into pages (`paged.rs`): its items, grouped
//! under headings (years, months, kinds and affiliations, topics or actors), and the
//! compact row that shows a meeting in every list.

use serde::Serialize;
use tera::Value;

use super::paged::{List, Pager, items_of, pager};
use crate::model::*;
use crate::render::views::*;

/// How many of a meeting's other participants its row names.
const ROW_PARTICIPANTS: usize = 6;

/// A meeting as one row of a list: its date, title and link come from `m`, the
/// meeting's view; `with` names up to [`ROW_PARTICIPANTS`] participants (the
/// counterparts, on the lists of one actor), `more` how many others there were.
#[derive(Serialize)]
pub(super) struct MeetingRow {
    m: Value,
    with: Vec<Value>,
    more: usize,
}

/// The row of meeting `ix`, leaving out `owner` from its participants.
pub(super) fn meeting_row(v: &Views<'_>, ix: MeetingIx, owner: Option<ActorIx>) -> MeetingRow {
    let participants = &v.dossier.meeting(ix).participants;
    let others = participants.iter().filter(|&&a| Some(a) != owner);
    let with: Vec<Value> = others
        .clone()
        .take(ROW_PARTICIPANTS)
        .map(|&a| v.actor_value(a))
        .collect();
    MeetingRow {
        m: v.meeting_value(ix),
        more: others.count() - with.len(),
        with,
    }
}

/// Items under one heading of a list's page.
#[derive(Serialize)]
pub(super) struct Group<T> {
    /// The heading's text: a year, a month, a kind of actor; may be `""`.
    heading: String,
    /// The actor or topic the heading names, linked: an affiliation, or the actor or
    /// topic of a run of positions.
    link: Option<Value>,
    /// True when the heading's text differs from the previous group's on the page
    /// (the kind of the actors changes, not only their affiliation).
    new_heading: bool,
    items: Vec<T>,
}

/// `items` grouped into runs of the same `heading`, in order.
fn grouped<T, I>(
    items: impl IntoIterator<Item = I>,
    heading: impl Fn(&I) -> (String, Option<Value>),
    view: impl Fn(I) -> T,
) -> Vec<Group<T>> {
    let mut groups: Vec<Group<T>> = Vec::new();
    for item in items {
        let (text, link) = heading(&item);
        let same = groups
            .last()
            .is_some_and(|g| g.heading == text && g.link == link);
        if !same {
            let new_heading = groups.last().is_none_or(|g| g.heading != text);
            groups.push(Group {
                heading: text,
                link,
                new_heading,
                items: Vec::new(),
            });
        }
        if let Some(group) = groups.last_mut() {
            group.items.push(view(item));
        }
    }
    groups
}

/// Who a list belongs to: an actor or a topic, or `None` for the site's own lists.
#[derive(Serialize)]
pub(super) struct Owner {
    kind: &'static str,
    #[serde(rename = "ref")]
    reference: Value,
}

/// What the template of a page of a list receives beside its groups.
#[derive(Serialize)]
pub(super) struct ListView {
    /// `briefings`, `meetings`, `actors`, `quotes`, `positions`, `counterparts` or `members`.
    kind: &'static str,
    /// The list's heading, such as "Meetings of Steve Witkoff".
    title: String,
    owner: Option<Owner>,
    pager: Pager,
}

impl ListView {
    /// The list's heading.
    pub(super) fn title(&self) -> &str {
        &self.title
    }
}

/// A counterpart of an actor, with how often and when they last met.
#[derive(Serialize)]
pub(super) struct Counted {
    actor: Value,
    meetings: usize,
    last_date: String,
    last_date_display: String,
}

pub(super) fn counted(v: &Views<'_>, c: &Counterpart) -> Counted {
    let last = c.meetings.last().map(|&m| v.dossier.meeting(m).date);
    Counted {
        actor: v.actor_value(c.actor),
        meetings: c.meetings.len(),
        last_date: last.map(|d| d.iso()).unwrap_or_default(),
        last_date_display: last
            .map(|d| v.dossier.config.interface.date(&d))
            .unwrap_or_default(),
    }
}

/// The heading of page `n` of `list` and its groups of items, as a value for its
/// template.
pub(super) fn list_page(v: &Views<'_>, list: &List, n: usize) -> (ListView, Value) {
    let d = v.dossier;
    let range = items_of(list, d, n);
    let year = |date: Date| (date.day.year().to_string(), None);
    let ui = &d.config.interface;
    let month = |date: Date| (ui.month(&date), None);
    let actor = |a: ActorIx| Owner {
        kind: "actor",
        reference: v.actor_value(a),
    };
    let topic = |t: TopicIx| Owner {
        kind: "topic",
        reference: v.topic_value(t),
    };
    let briefings = |list: &[BriefingIx]| {
        let items = list[range.clone()].iter().copied();
        let groups = grouped(
            items,
            |&b| year(d.briefing(b).date),
            |b| v.briefing_value(b),
        );
        Value::from_serializable(&groups)
    };
    // Meetings and quotes are kept oldest first: their lists show the newest first.
    let newest_first = |len: usize| range.clone().map(move |i| len - 1 - i);
    let meetings = |list: &[MeetingIx], owner: Option<ActorIx>| {
        let items = newest_first(list.len()).map(|i| list[i]);
        let groups = grouped(
            items,
            |&m| month(d.meeting(m).date),
            |m| meeting_row(v, m, owner),
        );
        Value::from_serializable(&groups)
    };
    let positions = |list: &[PositionIx], heading: &dyn Fn(&Position) -> (String, Value)| {
        let items = list[range.clone()].iter().copied();
        let groups = grouped(
            items,
            |&p| {
                let (text, link) = heading(d.position(p));
                (text, Some(link))
            },
            |p| v.position_value(p),
        );
        Value::from_serializable(&groups)
    };
    let by_topic = |p: &Position| (d.topic(p.topic).name.clone(), v.topic_value(p.topic));
    let by_actor = |p: &Position| (d.actor(p.actor).name.clone(), v.actor_value(p.actor));
    let (kind, title, owner, groups) = match *list {
        List::Briefings => {
            let all: Vec<BriefingIx> = (0..d.briefings.len() as u32).map(BriefingIx).collect();
            (
                "briefings",
                ui.text("nav.briefings", &[]),
                None,
                briefings(&all),
            )
        }
        List::ActorBriefings(a) => (
            "briefings",
            ui.text("list.briefings_mentioning", &[("name", &d.actor(a).name)]),
            Some(actor(a)),
            briefings(&d.actor(a).briefings),
        ),
        List::TopicBriefings(t) => (
            "briefings",
            ui.text("list.briefings_on", &[("name", &d.topic(t).name)]),
            Some(topic(t)),
            briefings(&d.topic(t).briefings),
        ),
        List::Meetings => {
            let all: Vec<MeetingIx> = (0..d.meetings.len() as u32).map(MeetingIx).collect();
            (
                "meetings",
                ui.text("nav.meetings", &[]),
                None,
                meetings(&all, None),
            )
        }
        List::ActorMeetings(a) => (
            "meetings",
            ui.text("list.meetings_of", &[("name", &d.actor(a).name)]),
            Some(actor(a)),
            meetings(&d.actor(a).meetings, Some(a)),
        ),
        List::TopicMeetings(t) => (
            "meetings",
            ui.text("list.meetings_on", &[("name", &d.topic(t).name)]),
            Some(topic(t)),
            meetings(&d.topic(t).meetings, None),
        ),
        List::Actors => (
            "actors",
            ui.text("nav.actors", &[]),
            None,
            actor_groups(v, range.clone()),
        ),
        List::ActorQuotes(a) => {
            let quotes = &d.actor(a).quotes;
            let items = newest_first(quotes.len()).map(|i| quotes[i]);
            let groups = grouped(items, |&q| year(d.quote(q).date), |q| v.quote_value(q));
            (
                "quotes",
                ui.text("list.quotes_of", &[("name", &d.actor(a).name)]),
                Some(actor(a)),
                Value::from_serializable(&groups),
            )
        }
        List::ActorPositions(a) => (
            "positions",
            ui.text("list.positions_of", &[("name", &d.actor(a).name)]),
            Some(actor(a)),
            positions(&d.actor(a).positions, &by_topic),
        ),
        List::TopicPositions(t) => (
            "positions",
            ui.text("list.positions_on", &[("name", &d.topic(t).name)]),
            Some(topic(t)),
            positions(&d.topic(t).positions, &by_actor),
        ),
        List::ActorCounterparts(a) => {
            let items = d.actor(a).counterparts[range.clone()].iter();
            let groups = grouped(items, |_| (String::new(), None), |c| counted(v, c));
            (
                "counterparts",
                ui.text("list.counterparts_of", &[("name", &d.actor(a).name)]),
                Some(actor(a)),
                Value::from_serializable(&groups),
            )
        }
        List::ActorMembers(a) => {
            let items = d.actor(a).members[range.clone()].iter();
            let groups = grouped(items, |_| (String::new(), None), |&m| v.actor_value(m));
            (
                "members",
                ui.text("list.members_of", &[("name", &d.actor(a).name)]),
                Some(actor(a)),
                Value::from_serializable(&groups),
            )
        }
    };
    let view = ListView {
        kind,
        title,
        owner,
        pager: pager(list, d, n),
    };
    (view, groups)
}

/// Every actor in the order of the actors' pages: by kind, then affiliated actors by
/// their affiliation's name (unaffiliated last), then by name.
pub(super) fn actor_order(d: &Dossier) -> Vec<ActorIx> {
    let kinds = ActorKind::WRITTEN
        .iter()
        .map(|(_, k)| *k)
        .chain([ActorKind::Unknown]);
    let rank = |kind: ActorKind| kinds.clone().position(|k| k == kind).unwrap_or(usize::MAX);
    let mut order: Vec<ActorIx> = (0..d.actors.len() as u32).map(ActorIx).collect();
    order.sort_by_cached_key(|&a| {
        let actor = d.actor(a);
        let affiliation = match actor.affiliation {
            Some(of) => (false, d.actor(of).name.to_lowercase(), Some(of)),
            None => (true, String::new(), None),
        };
        (rank(actor.kind), affiliation, actor.name.to_lowercase())
    });
    order
}

/// The actors at `range` of [`actor_order`], in groups by kind and affiliation: each
/// group's heading is its kind's label and its link the affiliation.
fn actor_groups(v: &Views<'_>, range: std::ops::Range<usize>) -> Value {
    let d = v.dossier;
    let fresh;
    let order: &[ActorIx] = match v.shared {
        Some(shared) => shared.actor_order(|| actor_order(d)),
        None => {
            fresh = actor_order(d);
            &fresh
        }
    };
    let groups = grouped(
        order[range].iter().copied(),
        |&a| {
            let actor = d.actor(a);
            let link = actor.affiliation.map(|of| v.actor_value(of));
            let kinds = format!("kinds.{}", actor.kind.as_str());
            (d.config.interface.text(&kinds, &[]), link)
        },
        |a| v.actor_value(a),
    );
    Value::from_serializable(&groups)
}
