//! `dossier.json`: the whole resolved model, every reference written as the id it
//! resolved to. Compact, in the model's own order, so that other tools can read it.

use serde::{Serialize, Serializer};

use crate::markdown::relink;
use crate::model::*;

#[derive(Serialize)]
struct Model<'a> {
    title: &'a str,
    description: &'a str,
    actors: Vec<ActorJson<'a>>,
    topics: Vec<TopicJson<'a>>,
    briefings: Vec<BriefingJson<'a>>,
    meetings: Vec<MeetingJson<'a>>,
    positions: Vec<PositionJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
}

#[derive(Serialize)]
struct ActorJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: ActorKind,
    role: &'a str,
    affiliation: Option<&'a str>,
    aliases: &'a [String],
    bio_html: Relinked<'a>,
    meetings: Vec<&'a str>,
    counterparts: Vec<CounterpartJson<'a>>,
    members: Vec<&'a str>,
    briefings: Vec<&'a str>,
}

#[derive(Serialize)]
struct CounterpartJson<'a> {
    actor: &'a str,
    meetings: usize,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    body_html: Relinked<'a>,
    meetings: Vec<&'a str>,
    briefings: Vec<&'a str>,
}

#[derive(Serialize)]
struct BriefingJson<'a> {
    slug: &'a str,
    title: &'a str,
    date: String,
    summary: &'a str,
    draft: bool,
    topics: Vec<&'a str>,
    actors: Vec<&'a str>,
    sources: Vec<SourceJson<'a>>,
    body_html: Relinked<'a>,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    title: &'a str,
    publisher: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct MeetingJson<'a> {
    id: &'a str,
    title: &'a str,
    date: String,
    location: &'a str,
    participants: Vec<&'a str>,
    topics: Vec<&'a str>,
    summary_html: Relinked<'a>,
    outcome_html: Relinked<'a>,
    source: Option<&'a str>,
    briefing: &'a str,
}

#[derive(Serialize)]
struct PositionJson<'a> {
    actor: &'a str,
    topic: &'a str,
    stance: &'a str,
    date: String,
    changed: bool,
    restated: bool,
    source: Option<&'a str>,
    briefing: &'a str,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    actor: &'a str,
    text: &'a str,
    date: String,
    source: Option<&'a str>,
    briefing: &'a str,
}

/// Rendered HTML with its links made relative to the site root as it is written out,
/// so that no second copy of every body is held.
struct Relinked<'a>(&'a str);

impl Serialize for Relinked<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&relink(self.0, ""))
    }
}

/// Writes the whole resolved model as JSON, links in its HTML relative to the site root.
pub fn write_model_json(d: &Dossier, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    let actor = |a: &ActorIx| d.actor(*a).id.as_str();
    let topic = |t: &TopicIx| d.topic(*t).id.as_str();
    let meeting = |m: &MeetingIx| d.meeting(*m).id.as_str();
    let slug = |b: &BriefingIx| d.briefing(*b).slug.as_str();
    let source =
        |s: Option<SourceRef>| s.map(|s| d.briefing(s.briefing).sources[s.index].id.as_str());
    let html = |h| Relinked(h);
    let model = Model {
        title: &d.config.title,
        description: &d.config.description,
        actors: d
            .actors
            .iter()
            .map(|a| ActorJson {
                id: &a.id,
                name: &a.name,
                kind: a.kind,
                role: &a.role,
                affiliation: a.affiliation.as_ref().map(actor),
                aliases: &a.aliases,
                bio_html: html(&a.bio_html),
                meetings: a.meetings.iter().map(meeting).collect(),
                counterparts: a
                    .counterparts
                    .iter()
                    .map(|c| CounterpartJson {
                        actor: actor(&c.actor),
                        meetings: c.meetings.len(),
                    })
                    .collect(),
                members: a.members.iter().map(actor).collect(),
                briefings: a.briefings.iter().map(slug).collect(),
            })
            .collect(),
        topics: d
            .topics
            .iter()
            .map(|t| TopicJson {
                id: &t.id,
                name: &t.name,
                aliases: &t.aliases,
                body_html: html(&t.body_html),
                meetings: t.meetings.iter().map(meeting).collect(),
                briefings: t.briefings.iter().map(slug).collect(),
            })
            .collect(),
        briefings: d
            .briefings
            .iter()
            .map(|b| BriefingJson {
                slug: &b.slug,
                title: &b.title,
                date: b.date.iso(),
                summary: &b.summary,
                draft: b.draft,
                topics: b.topics.iter().map(topic).collect(),
                actors: b.actors.iter().map(actor).collect(),
                sources: b
                    .sources
                    .iter()
                    .map(|s| SourceJson {
                        id: &s.id,
                        title: &s.title,
                        publisher: &s.publisher,
                        url: &s.url,
                    })
                    .collect(),
                body_html: html(&b.body_html),
            })
            .collect(),
        meetings: d
            .meetings
            .iter()
            .map(|m| MeetingJson {
                id: &m.id,
                title: &m.title,
                date: m.date.iso(),
                location: &m.location,
                participants: m.participants.iter().map(actor).collect(),
                topics: m.topics.iter().map(topic).collect(),
                summary_html: html(&m.summary_html),
                outcome_html: html(&m.outcome_html),
                source: source(m.source),
                briefing: slug(&m.briefing),
            })
            .collect(),
        positions: d
            .positions
            .iter()
            .map(|p| PositionJson {
                actor: actor(&p.actor),
                topic: topic(&p.topic),
                stance: &p.stance,
                date: p.date.iso(),
                changed: p.changed,
                restated: p.restated,
                source: source(p.source),
                briefing: slug(&p.briefing),
            })
            .collect(),
        quotes: d
            .quotes
            .iter()
            .map(|q| QuoteJson {
                actor: actor(&q.actor),
                text: &q.text,
                date: q.date.iso(),
                source: source(q.source),
                briefing: slug(&q.briefing),
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &model)?;
    out.write_all(b"\n")?;
    Ok(())
}
