//! Step 4, assemble: the final model built from the drafts and their rendered Markdown,
//! once the names are in their final order, every declaration number moved to its
//! sorted index.
//!
//! Owns: the model's vectors and their order. Must not: resolve or render anything,
//! or compute back-references (`backrefs` does, after).

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::declare::Affiliations;
use super::drafts::BriefingDraft;
use super::rendering::RenderedBriefing;
use super::table::{ActorInfo, ActorNo, Decl, No, Sorted, TopicInfo, TopicNo, inverse};
use super::wikilinks::Mention;
use super::{Problems, push_unique};
use crate::config::Config;
use crate::content::Content;
use crate::markdown::{Problem, Rendered};
use crate::model::*;

/// Builds the final model from the drafts, with every index in its sorted place.
pub(super) struct Assembler<'n> {
    pub(super) actors: &'n Sorted<ActorInfo>,
    pub(super) topics: &'n Sorted<TopicInfo>,
}

/// Every rendered text: each briefing draft with its Markdown, in their final order,
/// and the body of each actor and topic file, in the order of `content`.
pub(super) struct Texts<'d> {
    pub(super) briefings: Vec<(BriefingDraft<'d>, RenderedBriefing)>,
    pub(super) actors: Vec<Rendered<Mention>>,
    pub(super) topics: Vec<Rendered<Mention>>,
}

impl Assembler<'_> {
    fn actor_ix(&self, no: ActorNo) -> ActorIx {
        ActorIx(self.actors.map[no.get()])
    }
    fn topic_ix(&self, no: TopicNo) -> TopicIx {
        TopicIx(self.topics.map[no.get()])
    }
    /// The declaration of the actor declared under `no`.
    fn actor(&self, no: ActorNo) -> &Decl<ActorInfo> {
        &self.actors.decls[self.actor_ix(no).get()]
    }

    pub(super) fn assemble(
        &self,
        config: Config,
        texts: Texts<'_>,
        content: &Content,
        affiliations: &Affiliations,
        problems: &mut Problems<'_>,
    ) -> Dossier {
        let Texts {
            briefings: drafts,
            actors: mut bios,
            topics: mut topic_bodies,
        } = texts;
        // Each briefing on its own, in parallel; then in order, with its problems.
        let parts: Vec<Part<'_>> = drafts
            .into_par_iter()
            .enumerate()
            .map(|(index, (draft, rendered))| {
                self.briefing(index, draft, rendered, &config.interface)
            })
            .collect();
        let mut briefings = Vec::with_capacity(parts.len());
        let mut meetings = Vec::new();
        let mut positions = Vec::new();
        let mut quotes = Vec::new();
        for part in parts {
            for problem in part.problems {
                problems.report(part.path, problem.line, problem.severity, problem.message);
            }
            briefings.push(part.briefing);
            meetings.extend(part.meetings);
            positions.extend(part.positions);
            quotes.extend(part.quotes);
        }

        let old_of = inverse(&self.actors.map);
        let actors = self.actors.decls.iter().enumerate().map(|(new, decl)| {
            let doc = decl.doc.map(|d| &content.actors[d]);
            let old = No::new(old_of[new]);
            let bio_html = match decl.doc {
                Some(d) => take_html(
                    &mut bios[d],
                    &content.actors[d].path,
                    content.actors[d].body_line,
                    problems,
                ),
                None => Arc::default(),
            };
            Actor {
                id: decl.id.clone(),
                name: decl.name.clone(),
                kind: decl.info.kind,
                role: decl.info.role.clone(),
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
            .topics
            .decls
            .iter()
            .map(|decl| {
                let doc = decl.doc.map(|d| &content.topics[d]);
                let body_html = match decl.doc {
                    Some(d) => take_html(
                        &mut topic_bodies[d],
                        &content.topics[d].path,
                        content.topics[d].body_line,
                        problems,
                    ),
                    None => Arc::default(),
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

        // Actors and topics are in the order of their ids, which are unique: their
        // indexes compare as their ids do.
        meetings.par_sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        positions.par_sort_by_key(|p| (p.actor, p.topic, p.date, std::cmp::Reverse(p.briefing)));
        quotes.par_sort_by_key(|q| (q.date, q.actor, std::cmp::Reverse(q.briefing)));
        Dossier {
            config,
            briefings,
            actors,
            topics,
            meetings,
            positions,
            quotes,
            drafts_left_out: Vec::new(),
            languages: Languages::default(),
        }
    }

    /// One briefing of the final model, with its meetings, positions and quotes, and
    /// the problems of its Markdown.
    fn briefing<'d>(
        &self,
        index: usize,
        draft: BriefingDraft<'d>,
        rendered: RenderedBriefing,
        interface: &crate::i18n::Interface,
    ) -> Part<'d> {
        let (mut meetings, mut positions, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
        let bix = BriefingIx(index as u32);
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
                Mention::Actor(a) => push_unique(&mut actors, self.actor_ix(a)),
                Mention::Topic(t) => push_unique(&mut topics, self.topic_ix(t)),
                Mention::Page => {}
            }
        }
        for meeting in draft.meetings {
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
                    .map(|&a| self.actor(a).name.as_str())
                    .collect();
                let names = interface_names(interface, &names);
                interface.text("meeting.default_title", &[("names", &names)])
            } else {
                meeting.title
            };
            meetings.push(Meeting {
                id: meeting.id.unwrap_or_default(),
                title,
                date: meeting.date,
                location: meeting.location,
                participants,
                topics: meeting.topics.iter().map(|&t| self.topic_ix(t)).collect(),
                summary_html: summary,
                outcome_html: outcome,
                source: source_ref(meeting.source),
                briefing: bix,
            });
        }
        for position in draft.positions {
            let stance_html = stance_html.next().unwrap_or_default();
            actors.push(self.actor_ix(position.actor));
            positions.push(Position {
                actor: self.actor_ix(position.actor),
                topic: self.topic_ix(position.topic),
                stance: position.stance,
                stance_html,
                date: position.date,
                source: source_ref(position.source),
                briefing: bix,
                changed: false,
                restated: false,
                written_change: position.change,
            });
        }
        for quote in draft.quotes {
            actors.push(self.actor_ix(quote.actor));
            quotes.push(Quote {
                actor: self.actor_ix(quote.actor),
                text: quote.text,
                date: quote.date,
                source: source_ref(quote.source),
                briefing: bix,
            });
        }
        actors.sort();
        actors.dedup();
        let briefing = Briefing {
            slug: draft.slug,
            title: draft.title,
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
            sources: draft.sources,
            meetings: Vec::new(),
            positions: Vec::new(),
            quotes: Vec::new(),
            actors,
        };
        Part {
            path: &draft.doc.path,
            problems: rendered.problems,
            briefing,
            meetings,
            positions,
            quotes,
        }
    }
}

/// One briefing assembled, with its items and its problems, for [`Assembler::assemble`].
struct Part<'d> {
    path: &'d Path,
    problems: Vec<Problem>,
    briefing: Briefing,
    meetings: Vec<Meeting>,
    positions: Vec<Position>,
    quotes: Vec<Quote>,
}

/// The HTML of a rendered body that starts on `first_line` of `path`, reporting its
/// problems.
fn take_html(
    rendered: &mut Rendered<Mention>,
    path: &Path,
    first_line: usize,
    problems: &mut Problems<'_>,
) -> Arc<str> {
    for problem in rendered.problems.drain(..) {
        problems.report(
            path,
            first_line + problem.line,
            problem.severity,
            problem.message,
        );
    }
    std::mem::take(&mut rendered.html)
}

/// `A, B and C` in the interface's language.
fn interface_names(interface: &crate::i18n::Interface, names: &[&str]) -> String {
    match names {
        [] => interface.text("meeting.no_one", &[]),
        [one] => one.to_string(),
        [init @ .., last] => interface.text(
            "list.and",
            &[
                ("init", &init.join(interface.raw("list.comma"))),
                ("last", last),
            ],
        ),
    }
}
