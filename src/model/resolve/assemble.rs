//! The final model built from the drafts, every index in its sorted place, with every
//! Markdown field rendered (in parallel) against the complete set of names.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use super::names::inverse;
use super::*;
use crate::config::Config;
use crate::content::Content;
use crate::markdown::{self, CitableSource, LinkResolver, LinkTarget, RenderOptions};
use crate::model::refs::Lookup;

/// Builds the final model from the drafts, with every index in its sorted place.
pub(super) struct Assembler<'n> {
    pub(super) names: &'n Names,
    pub(super) actor_map: &'n [u32],
    pub(super) topic_map: &'n [u32],
    pub(super) options: RenderOptions,
}

/// What a wikilink can point to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mention {
    Actor(ActorIx),
    Topic(TopicIx),
}

impl LinkResolver for Assembler<'_> {
    type Target = Mention;

    fn resolve(&self, reference: &str) -> Result<(Mention, LinkTarget<'_>), String> {
        let actor = self.names.actor_refs.lookup(reference);
        let topic = self.names.topic_refs.lookup(reference);
        match (actor, topic) {
            (Lookup::Found(a), Lookup::Missing) => {
                let decl = &self.names.actors[a as usize];
                Ok((
                    Mention::Actor(ActorIx(a)),
                    LinkTarget {
                        url: format!("actors/{}/index.html", decl.id),
                        title: &decl.role,
                        id: &decl.id,
                        name: &decl.name,
                    },
                ))
            }
            (Lookup::Missing, Lookup::Found(t)) => {
                let decl = &self.names.topics[t as usize];
                Ok((
                    Mention::Topic(TopicIx(t)),
                    LinkTarget {
                        url: format!("topics/{}/index.html", decl.id),
                        title: "",
                        id: &decl.id,
                        name: &decl.name,
                    },
                ))
            }
            (Lookup::Missing, Lookup::Missing) => {
                let near = self
                    .names
                    .actor_refs
                    .suggest(reference)
                    .or_else(|| self.names.topic_refs.suggest(reference));
                Err(match near {
                    Some(near) => format!(
                        "wikilink [[{reference}]] matches no actor or topic (did you mean '{near}'?)"
                    ),
                    None => format!(
                        "wikilink [[{reference}]] matches no actor or topic: add content/actors/{}.md or content/topics/{}.md",
                        slugify(reference),
                        slugify(reference)
                    ),
                })
            }
            _ => Err(format!(
                "wikilink [[{reference}]] is ambiguous: it names more than one actor or topic; use the id"
            )),
        }
    }
}

impl Assembler<'_> {
    pub(super) fn actor_ix(&self, old: u32) -> ActorIx {
        ActorIx(self.actor_map[old as usize])
    }
    pub(super) fn topic_ix(&self, old: u32) -> TopicIx {
        TopicIx(self.topic_map[old as usize])
    }

    pub(super) fn assemble(
        &self,
        config: Config,
        drafts: &[BriefingDraft<'_>],
        content: &Content,
        affiliations: &HashMap<u32, u32>,
        problems: &mut Problems<'_>,
    ) -> Dossier {
        // Every Markdown field of every briefing is rendered in parallel; the problems
        // are reported afterwards, in order.
        let rendered: Vec<RenderedBriefing> = drafts
            .par_iter()
            .map(|draft| self.render_briefing(draft))
            .collect();

        let mut briefings = Vec::with_capacity(drafts.len());
        let mut meetings = Vec::new();
        let mut positions = Vec::new();
        let mut quotes = Vec::new();
        for (index, (draft, rendered)) in drafts.iter().zip(rendered).enumerate() {
            let bix = BriefingIx(index as u32);
            for (line, message) in rendered.problems {
                problems.warning(&draft.doc.path, line, message);
            }
            let body = rendered.body;
            let mut meeting_html = rendered.meetings.into_iter();
            let mut stance_html = rendered.stances.into_iter();
            let source_ref = |s: Option<usize>| {
                s.map(|index| SourceRef {
                    briefing: bix,
                    index,
                })
            };
            let mut actors: Vec<ActorIx> = Vec::new();
            let mut topics: Vec<TopicIx> = draft.topics.iter().map(|&t| self.topic_ix(t)).collect();
            for mention in body.targets {
                match mention {
                    Mention::Actor(a) => push_unique(&mut actors, a),
                    Mention::Topic(t) => push_unique(&mut topics, t),
                }
            }
            for meeting in &draft.meetings {
                let (summary, outcome) = meeting_html.next().unwrap_or_default();
                let participants: Vec<ActorIx> = meeting
                    .participants
                    .iter()
                    .map(|&a| self.actor_ix(a))
                    .collect();
                actors.extend(participants.iter().copied());
                let title = if meeting.title.is_empty() {
                    let names: Vec<&str> = meeting
                        .participants
                        .iter()
                        .map(|&a| self.names.actors[a as usize].name.as_str())
                        .collect();
                    format!("Meeting of {}", join_names(&names))
                } else {
                    meeting.title.clone()
                };
                meetings.push(Meeting {
                    id: meeting.id.clone().unwrap_or_default(),
                    title,
                    date: meeting.date,
                    location: meeting.location.clone(),
                    participants,
                    topics: meeting.topics.iter().map(|&t| self.topic_ix(t)).collect(),
                    summary_html: summary,
                    outcome_html: outcome,
                    source: source_ref(meeting.source),
                    briefing: bix,
                });
            }
            for position in &draft.positions {
                let stance_html = stance_html.next().unwrap_or_default();
                actors.push(self.actor_ix(position.actor));
                positions.push(Position {
                    actor: self.actor_ix(position.actor),
                    topic: self.topic_ix(position.topic),
                    stance: position.stance.clone(),
                    stance_html,
                    date: position.date,
                    source: source_ref(position.source),
                    briefing: bix,
                    changed: false,
                });
            }
            for quote in &draft.quotes {
                actors.push(self.actor_ix(quote.actor));
                quotes.push(Quote {
                    actor: self.actor_ix(quote.actor),
                    text: quote.text.clone(),
                    date: quote.date,
                    source: source_ref(quote.source),
                    briefing: bix,
                });
            }
            actors.sort();
            actors.dedup();
            briefings.push(Briefing {
                slug: draft.slug.clone(),
                title: draft.title.clone(),
                date: draft.date,
                summary: draft
                    .doc
                    .front
                    .summary
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                body_html: body.html,
                draft: draft.doc.front.draft,
                path: draft.doc.path.clone(),
                topics,
                sources: draft.sources.clone(),
                meetings: Vec::new(),
                positions: Vec::new(),
                quotes: Vec::new(),
                actors,
            });
        }

        let old_of = inverse(self.actor_map);
        let actors = self.names.actors.iter().enumerate().map(|(new, decl)| {
            let doc = decl.doc.map(|d| &content.actors[d]);
            let old = old_of[new];
            let bio_html = match doc {
                Some(doc) => self.document(&doc.body, &doc.path, doc.body_line, problems),
                None => String::new(),
            };
            Actor {
                id: decl.id.clone(),
                name: decl.name.clone(),
                kind: decl.kind,
                role: decl.role.clone(),
                affiliation: affiliations.get(&old).map(|&a| self.actor_ix(a)),
                aliases: decl.aliases.clone(),
                bio_html,
                path: doc.map(|d| d.path.clone()),
                meetings: Vec::new(),
                positions: Vec::new(),
                quotes: Vec::new(),
                counterparts: Vec::new(),
                members: Vec::new(),
                briefings: Vec::new(),
            }
        });
        let actors: Vec<Actor> = actors.collect();
        let topics: Vec<Topic> = self
            .names
            .topics
            .iter()
            .map(|decl| {
                let doc = decl.doc.map(|d| &content.topics[d]);
                let body_html = match doc {
                    Some(doc) => self.document(&doc.body, &doc.path, doc.body_line, problems),
                    None => String::new(),
                };
                Topic {
                    id: decl.id.clone(),
                    name: decl.name.clone(),
                    aliases: decl.aliases.clone(),
                    body_html,
                    path: doc.map(|d| d.path.clone()),
                    positions: Vec::new(),
                    meetings: Vec::new(),
                    briefings: Vec::new(),
                }
            })
            .collect();

        meetings.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        positions.sort_by(|a, b| {
            (
                &actors[a.actor.get()].id,
                &topics[a.topic.get()].id,
                a.date,
                std::cmp::Reverse(a.briefing),
            )
                .cmp(&(
                    &actors[b.actor.get()].id,
                    &topics[b.topic.get()].id,
                    b.date,
                    std::cmp::Reverse(b.briefing),
                ))
        });
        quotes.sort_by(|a, b| {
            (
                a.date,
                &actors[a.actor.get()].id,
                std::cmp::Reverse(a.briefing),
            )
                .cmp(&(
                    b.date,
                    &actors[b.actor.get()].id,
                    std::cmp::Reverse(b.briefing),
                ))
        });
        Dossier {
            config,
            briefings,
            actors,
            topics,
            meetings,
            positions,
            quotes,
            drafts_left_out: Vec::new(),
        }
    }

    /// Renders a short Markdown field, reporting problems at `line`.
    /// Renders every Markdown field of one briefing.
    fn render_briefing(&self, draft: &BriefingDraft<'_>) -> RenderedBriefing {
        let citable: Vec<CitableSource<'_>> = draft
            .sources
            .iter()
            .map(|s| CitableSource {
                id: &s.id,
                title: &s.title,
                publisher: &s.publisher,
                url: &s.url,
            })
            .collect();
        let body = markdown::render(&draft.doc.body, self, &citable, self.options);
        let mut problems: Vec<(usize, String)> = body
            .problems
            .iter()
            .map(|(line, message)| (draft.doc.body_line + line, message.clone()))
            .collect();
        let locator = draft.doc.locator();
        let meetings = draft
            .meetings
            .iter()
            .map(|m| {
                let line = |field| locator.field("meetings", m.index, field);
                let summary = self.inline(&m.summary, || line("summary"), &mut problems);
                let outcome = self.inline(&m.outcome, || line("outcome"), &mut problems);
                (summary, outcome)
            })
            .collect();
        let stances = draft
            .positions
            .iter()
            .map(|p| {
                let line = || locator.field("positions", p.index, "stance");
                self.inline(&p.stance, line, &mut problems)
            })
            .collect();
        RenderedBriefing {
            body,
            meetings,
            stances,
            problems,
        }
    }

    /// Renders a short Markdown field, noting its problems at the line `line` finds.
    fn inline(
        &self,
        text: &str,
        line: impl Fn() -> usize,
        problems: &mut Vec<(usize, String)>,
    ) -> String {
        if text.trim().is_empty() {
            return String::new();
        }
        let rendered = markdown::render_inline(text, self, self.options);
        problems.extend(
            rendered
                .problems
                .into_iter()
                .map(|(_, message)| (line(), message)),
        );
        rendered.html
    }

    /// Renders a Markdown body that starts on `first_line` of `path`.
    pub(super) fn document(
        &self,
        text: &str,
        path: &Path,
        first_line: usize,
        problems: &mut Problems<'_>,
    ) -> String {
        let rendered = markdown::render(text, self, &[], self.options);
        for (line, message) in rendered.problems {
            problems.warning(path, first_line + line, message);
        }
        rendered.html
    }
}

/// The rendered Markdown of one briefing: its body, each meeting's summary and
/// outcome, each position's stance, and the problems found, with their file lines.
struct RenderedBriefing {
    body: markdown::Rendered<Mention>,
    meetings: Vec<(String, String)>,
    stances: Vec<String>,
    problems: Vec<(usize, String)>,
}

pub(super) fn join_names(names: &[&str]) -> String {
    match names {
        [] => "no one".to_string(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
