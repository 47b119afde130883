//! Step 5, back-references: computed once, after the model is assembled, in linear
//! time over it.
//!
//! Owns: every back-reference list and its order, and whether a position changed.
//! Must not: add, remove or reorder anything else of the model.

use rayon::prelude::*;

use crate::model::*;

/// Fills every back-reference: briefing -> meetings, positions, quotes; actor and topic
/// -> everything that names them. Runs once, in linear time over the model.
pub(super) fn back_references(mut dossier: Dossier) -> Dossier {
    fill(&mut dossier);
    dossier
}

fn fill(dossier: &mut Dossier) {
    let Dossier {
        briefings,
        actors,
        topics,
        meetings,
        positions,
        quotes,
        ..
    } = dossier;

    for (i, meeting) in meetings.iter().enumerate() {
        let ix = MeetingIx(i as u32);
        briefings[meeting.briefing.get()].meetings.push(ix);
        for &a in &meeting.participants {
            actors[a.get()].meetings.push(ix);
        }
        for &t in &meeting.topics {
            topics[t.get()].meetings.push(ix);
        }
    }
    // Positions are sorted by actor, topic and date: each run of one actor and topic is
    // a history, and a stance that differs from the one before it has changed, unless
    // its `change:` says whether it did.
    for i in 0..positions.len() {
        let (follows, differs) = match i {
            0 => (false, false),
            _ => {
                let (before, this) = (&positions[i - 1], &positions[i]);
                let follows = before.actor == this.actor && before.topic == this.topic;
                (follows, before.stance != this.stance)
            }
        };
        let changed = follows && positions[i].written_change.unwrap_or(differs);
        positions[i].changed = changed;
        positions[i].restated = follows && !changed;
        let ix = PositionIx(i as u32);
        let position = &positions[i];
        briefings[position.briefing.get()].positions.push(ix);
        actors[position.actor.get()].positions.push(ix);
        topics[position.topic.get()].positions.push(ix);
    }
    for (i, quote) in quotes.iter().enumerate() {
        let ix = QuoteIx(i as u32);
        briefings[quote.briefing.get()].quotes.push(ix);
        actors[quote.actor.get()].quotes.push(ix);
    }
    for (i, briefing) in briefings.iter().enumerate() {
        let ix = BriefingIx(i as u32);
        for &a in &briefing.actors {
            actors[a.get()].briefings.push(ix);
        }
        for &t in &briefing.topics {
            topics[t.get()].briefings.push(ix);
        }
    }
    // Names compared once: each actor's and topic's place in the order of their
    // names (lowercase for actors on topic pages and everywhere else), then indexes.
    let actor_names = ranks(actors.iter().map(|a| a.name.clone()).collect());
    let names = ranks(actors.iter().map(|a| a.name.to_lowercase()).collect());
    let topic_names = ranks(topics.iter().map(|t| t.name.to_lowercase()).collect());
    // Topic pages list positions by actor name, then date.
    topics.par_iter_mut().for_each(|topic| {
        topic.positions.sort_by_key(|&p| {
            let p = &positions[p.get()];
            (actor_names[p.actor.get()], p.date)
        })
    });
    // Actor pages list positions by topic name, then date.
    actors.par_iter_mut().for_each(|actor| {
        actor.positions.sort_by_key(|&p| {
            let p = &positions[p.get()];
            (topic_names[p.topic.get()], p.date)
        });
    });
    // Counterparts: every other participant of each meeting.
    actors.par_iter_mut().enumerate().for_each(|(i, actor)| {
        actor.counterparts = counterparts(ActorIx(i as u32), &actor.meetings, meetings, &names);
    });
    // Members: actors affiliated with each actor, by name.
    let mut members: Vec<Vec<ActorIx>> = vec![Vec::new(); actors.len()];
    for (i, actor) in actors.iter().enumerate() {
        if let Some(parent) = actor.affiliation {
            members[parent.get()].push(ActorIx(i as u32));
        }
    }
    for (actor, mut list) in actors.iter_mut().zip(members) {
        list.sort_by_key(|a| names[a.get()]);
        actor.members = list;
    }
}

/// The place of each of `keys` in their order, ties in the order of their indexes:
/// comparing two places compares their keys, then their indexes.
fn ranks(keys: Vec<String>) -> Vec<u32> {
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    order.par_sort_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]).then(a.cmp(&b)));
    let mut ranks = vec![0; keys.len()];
    for (rank, ix) in order.into_iter().enumerate() {
        ranks[ix as usize] = rank as u32;
    }
    ranks
}

/// The actors that `actor` met in the meetings it `attended`, each with those meetings
/// (in the order attended): those met most first, then by lowercase name.
fn counterparts(
    actor: ActorIx,
    attended: &[MeetingIx],
    meetings: &[Meeting],
    names: &[u32],
) -> Vec<Counterpart> {
    let mut met: Vec<(ActorIx, MeetingIx)> = attended
        .iter()
        .flat_map(|&m| {
            meetings[m.get()]
                .participants
                .iter()
                .filter(|&&other| other != actor)
                .map(move |&other| (other, m))
        })
        .collect();
    // A stable sort keeps each counterpart's meetings in the order attended.
    met.sort_by_key(|&(other, _)| other);
    let mut counterparts: Vec<Counterpart> = met
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| Counterpart {
            actor: run[0].0,
            meetings: run.iter().map(|&(_, m)| m).collect(),
        })
        .collect();
    counterparts.sort_by(|a, b| {
        b.meetings
            .len()
            .cmp(&a.meetings.len())
            .then_with(|| names[a.actor.get()].cmp(&names[b.actor.get()]))
    });
    counterparts
}
