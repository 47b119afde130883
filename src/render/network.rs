//! The graph of meetings between actors, as views: the network page (the whole graph,
//! drawn for the most-connected actors, and the complete list of pairs) and the small
//! graph of one actor's counterparts. Drawing is [`super::graph`]'s job.

use std::collections::BTreeMap;

use serde::Serialize;

use super::graph::{self, Edge, Graph, Labels, Node};
use super::views::*;
use crate::model::*;

/// How many actors the network's drawing shows at most.
pub const NETWORK_NODES: usize = 60;
/// How many pairs the network's table lists at most: those that met most. Each actor's
/// page lists all of its counterparts, so the page need not grow with the dossier.
pub const NETWORK_PAIRS: usize = 500;
/// How many lines the network's drawing shows at most: the pairs that met most.
pub const NETWORK_EDGES: usize = 300;
/// How many counterparts an actor's own graph shows at most.
pub const EGO_COUNTERPARTS: usize = 24;

/// Two actors who met, how often and when last.
#[derive(Serialize)]
pub struct Pair<'a> {
    pub a: ActorRef<'a>,
    pub b: ActorRef<'a>,
    pub meetings: usize,
    pub last_date: String,
    pub last_date_display: String,
}

/// What `network.html` receives as `network`.
#[derive(Serialize)]
pub struct NetworkView<'a> {
    /// The drawing, already escaped; `""` when no two actors met.
    pub svg_html: String,
    /// Actors drawn, and actors who met anyone at all.
    pub shown: usize,
    pub total: usize,
    /// Lines drawn, and lines between the actors drawn.
    pub links_shown: usize,
    pub links_total: usize,
    /// The pairs that met most, most meetings first (at most [`NETWORK_PAIRS`]).
    pub pairs: Vec<Pair<'a>>,
    /// How many pairs met in all.
    pub pairs_total: usize,
}

/// A drawing of one actor's counterparts, for the actor page.
#[derive(Serialize)]
pub struct EgoView {
    pub svg_html: String,
    /// Counterparts drawn, and counterparts in all.
    pub shown: usize,
    pub total: usize,
}

/// Every pair of actors that met, once each, with the meetings they shared.
fn pairs(d: &Dossier) -> Vec<(ActorIx, &Counterpart)> {
    let mut pairs = Vec::new();
    for (i, actor) in d.actors.iter().enumerate() {
        let a = ActorIx(i as u32);
        for c in &actor.counterparts {
            if a < c.actor {
                pairs.push((a, c));
            }
        }
    }
    pairs
}

fn node(v: &Views<'_>, ix: ActorIx) -> Node {
    let actor = v.dossier.actor(ix);
    Node {
        label: actor.name.clone(),
        role: actor.role.clone(),
        href: format!("{}{}", v.root, actor_url(&actor.id)),
    }
}

fn last_date(d: &Dossier, meetings: &[MeetingIx]) -> Option<Date> {
    meetings.iter().map(|&m| d.meeting(m).date).max()
}

/// The network page's view.
pub fn network_view<'a>(v: &Views<'a>) -> NetworkView<'a> {
    let d = v.dossier;
    let all = pairs(d);
    let names: Vec<String> = d.actors.iter().map(|a| a.name.to_lowercase()).collect();

    // How connected each actor is: meetings shared with anyone, counted per counterpart.
    let mut strength: BTreeMap<ActorIx, usize> = BTreeMap::new();
    for (a, c) in &all {
        *strength.entry(*a).or_default() += c.meetings.len();
        *strength.entry(c.actor).or_default() += c.meetings.len();
    }
    let total = strength.len();
    let mut chosen: Vec<ActorIx> = strength.keys().copied().collect();
    chosen.sort_by(|&x, &y| {
        strength[&y]
            .cmp(&strength[&x])
            .then_with(|| names[x.get()].cmp(&names[y.get()]))
    });
    chosen.truncate(NETWORK_NODES);
    // Around the circle: by affiliation (an actor beside the actors affiliated with it), then name.
    chosen.sort_by_key(|&a| circle_key(d, a));
    let slot: BTreeMap<ActorIx, usize> = chosen.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let mut edges: Vec<Edge> = all
        .iter()
        .filter_map(|(a, c)| {
            Some(Edge {
                a: *slot.get(a)?,
                b: *slot.get(&c.actor)?,
                weight: c.meetings.len(),
            })
        })
        .collect();
    let links_total = edges.len();
    if edges.len() > NETWORK_EDGES {
        // The strongest links, in a stable order.
        edges.sort_by(|x, y| y.weight.cmp(&x.weight).then((x.a, x.b).cmp(&(y.a, y.b))));
        edges.truncate(NETWORK_EDGES);
        edges.sort_by_key(|e| (e.a, e.b));
    }
    let graph = Graph {
        nodes: chosen.iter().map(|&a| node(v, a)).collect(),
        edges,
    };
    let ui = &v.dossier.config.interface;
    let svg_html = if graph.edges.is_empty() {
        String::new()
    } else {
        graph::svg(
            &graph,
            &graph::circle(graph.nodes.len()),
            &Labels {
                id: "network-graph",
                title: ui.raw("network.title"),
                description: ui.raw("network.description"),
            },
            false,
        )
    };

    // The order of the table, by keys that cost no allocation: most meetings, latest
    // meeting, then the two names. Only the pairs listed are made views: a dossier has
    // far more pairs than the table shows.
    let mut order: Vec<(usize, Option<Date>, &str, &str, usize)> = all
        .iter()
        .enumerate()
        .map(|(at, (a, c))| {
            let (x, y) = (names[a.get()].as_str(), names[c.actor.get()].as_str());
            let (first, second) = if x <= y { (x, y) } else { (y, x) };
            (
                c.meetings.len(),
                last_date(d, &c.meetings),
                first,
                second,
                at,
            )
        })
        .collect();
    // The position in `all` settles ties, as a stable sort of the whole list would.
    let table_order = |x: &(usize, Option<Date>, &str, &str, usize),
                       y: &(usize, Option<Date>, &str, &str, usize)| {
        y.0.cmp(&x.0)
            .then_with(|| y.1.cmp(&x.1))
            .then_with(|| x.2.cmp(y.2))
            .then_with(|| x.3.cmp(y.3))
            .then_with(|| x.4.cmp(&y.4))
    };
    let pairs_total = order.len();
    if order.len() > NETWORK_PAIRS {
        order.select_nth_unstable_by(NETWORK_PAIRS, table_order);
        order.truncate(NETWORK_PAIRS);
    }
    order.sort_unstable_by(table_order);
    let pairs = order
        .into_iter()
        .map(|(meetings, last, _, _, at)| {
            let (a, c) = &all[at];
            // Within a pair, the actor whose name sorts first comes first.
            let (a, b) = match names[c.actor.get()] < names[a.get()] {
                true => (c.actor, *a),
                false => (*a, c.actor),
            };
            Pair {
                a: v.actor(a),
                b: v.actor(b),
                meetings,
                last_date: last.map(|x| x.iso()).unwrap_or_default(),
                last_date_display: last
                    .map(|x| v.dossier.config.interface.date(&x))
                    .unwrap_or_default(),
            }
        })
        .collect();
    NetworkView {
        svg_html,
        shown: graph.nodes.len(),
        total,
        links_shown: graph.edges.len(),
        links_total,
        pairs,
        pairs_total,
    }
}

/// The graph of `ix` and its counterparts (the most-met first), with the meetings
/// between counterparts drawn too. `None` when the actor met no one.
pub fn ego_view(v: &Views<'_>, ix: ActorIx) -> Option<EgoView> {
    let d = v.dossier;
    let actor = d.actor(ix);
    if actor.counterparts.is_empty() {
        return None;
    }
    let shown: Vec<&Counterpart> = actor.counterparts.iter().take(EGO_COUNTERPARTS).collect();
    let mut nodes = vec![node(v, ix)];
    nodes.extend(shown.iter().map(|c| node(v, c.actor)));
    let slot: BTreeMap<ActorIx, usize> = shown
        .iter()
        .enumerate()
        .map(|(i, c)| (c.actor, i + 1))
        .collect();
    let mut edges: Vec<Edge> = shown
        .iter()
        .enumerate()
        .map(|(i, c)| Edge {
            a: 0,
            b: i + 1,
            weight: c.meetings.len(),
        })
        .collect();
    for (i, c) in shown.iter().enumerate() {
        // Its slot, as `slot` holds it.
        let a = i + 1;
        for other in &d.actor(c.actor).counterparts {
            if let Some(&b) = slot.get(&other.actor)
                && a < b
            {
                edges.push(Edge {
                    a,
                    b,
                    weight: other.meetings.len(),
                });
            }
        }
    }
    let id = format!("graph-{}", actor.id);
    let ui = &v.dossier.config.interface;
    let title = ui.text("network.ego_title", &[("name", &actor.name)]);
    let svg_html = graph::svg(
        &Graph { nodes, edges },
        &graph::ego(shown.len() + 1),
        &Labels {
            id: &id,
            title: &title,
            description: ui.raw("network.ego_description"),
        },
        true,
    );
    Some(EgoView {
        svg_html,
        shown: shown.len(),
        total: actor.counterparts.len(),
    })
}

fn name_key(d: &Dossier, a: ActorIx) -> String {
    d.actor(a).name.to_lowercase()
}

/// Orders actors around the circle: grouped by their affiliation (or themselves, when
/// they have none), the group's own actor first, then by name.
fn circle_key(d: &Dossier, a: ActorIx) -> (String, bool, String) {
    let actor = d.actor(a);
    match actor.affiliation {
        Some(head) => (name_key(d, head), true, name_key(d, a)),
        None => (name_key(d, a), false, String::new()),
    }
}
