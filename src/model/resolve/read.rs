//! Step 2, read references: each briefing's front matter checked and its references
//! resolved against the names, into [`BriefingDraft`]s, in an order-independent way
//! (see [`read`]). A reference that names nothing creates its actor or topic here.
//!
//! Owns: the checks of one briefing's fields, and which reading of a briefing is kept.
//! Must not: render Markdown, give meetings their ids (`drafts`), or sort the names.

use std::sync::Arc;

use rayon::prelude::*;

use super::drafts::{BriefingDraft, MeetingDraft, PositionDraft, QuoteDraft};
use super::items::{Item, Items, briefing_slug, read_sources, text};
use super::table::{ActorNo, Names, No, TopicNo};
use super::{At, Problems, parse_date, push_unique, required};
use crate::content::Document;
use crate::content::schema::{BriefingFront, MeetingFront, PositionFront, QuoteFront};
use crate::diagnostics::Diagnostics;
use crate::model::id_problem;
use crate::model::refs::Lookup;

/// The outcome of reading: every briefing's draft, in the order of the files, and the
/// names, with those the references created.
pub(super) struct Read<'d> {
    pub(super) names: Names,
    pub(super) drafts: Vec<BriefingDraft<'d>>,
}

/// Checks and resolves the front matter of every briefing in `docs`, as reading
/// them one after the other does. Each is first read on its own, in parallel,
/// against the names known before any: a briefing each of whose references names
/// exactly one of them keeps that reading, since a name created meanwhile never
/// changes what such a reference resolves to (a name is created only for a
/// reference that matches none, and only when its id does not match exactly one
/// either, so it cannot match a reference that matched one). Any other briefing is
/// read again, in order, with what it warns about, creates or refuses.
pub(super) fn read<'d>(
    mut names: Names,
    docs: &[&'d Arc<Document<BriefingFront>>],
    problems: &mut Problems<'_>,
) -> Read<'d> {
    let known = &names;
    let alone: Vec<Option<(Option<BriefingDraft<'d>>, Diagnostics)>> = docs
        .par_iter()
        .map(|doc| {
            let mut diagnostics = Diagnostics::default();
            let mut known = Known {
                names: known,
                new: false,
            };
            let mut problems = Problems {
                diagnostics: &mut diagnostics,
            };
            let draft = known.read_briefing(doc, &mut problems);
            (!known.new).then_some((draft, diagnostics))
        })
        .collect();
    let mut drafts = Vec::with_capacity(docs.len());
    for (doc, alone) in docs.iter().zip(alone) {
        let draft = match alone {
            Some((draft, diagnostics)) => {
                problems.diagnostics.extend(diagnostics);
                draft
            }
            None => names.read_briefing(doc, problems),
        };
        drafts.extend(draft);
    }
    Read { names, drafts }
}

/// The names known so far, read without creating any: a reference that does not name
/// exactly one of them (which would warn, create a name or be an error) marks the
/// reading as `new`, to be done again in order.
struct Known<'n> {
    names: &'n Names,
    new: bool,
}

impl Known<'_> {
    fn found<K>(&mut self, lookup: Lookup) -> Option<No<K>> {
        match lookup {
            Lookup::Found(ix) => Some(No::new(ix)),
            _ => {
                self.new = true;
                None
            }
        }
    }
}

impl Refer for Known<'_> {
    fn actor(
        &mut self,
        reference: &str,
        _: &At<'_, impl Fn() -> usize>,
        _: &mut Problems<'_>,
    ) -> Option<ActorNo> {
        self.found(self.names.actors.lookup(reference.trim()))
    }

    fn topic(
        &mut self,
        reference: &str,
        _: &At<'_, impl Fn() -> usize>,
        _: &mut Problems<'_>,
    ) -> Option<TopicNo> {
        self.found(self.names.topics.lookup(reference.trim()))
    }
}

impl Refer for Names {
    fn actor(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<ActorNo> {
        self.actors.resolve(reference, at, problems)
    }

    fn topic(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<TopicNo> {
        self.topics.resolve(reference, at, problems)
    }
}

/// Reads a briefing's front matter against names that resolve its references.
trait Refer {
    /// Resolves an actor reference.
    fn actor(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<ActorNo>;

    /// Resolves a topic reference.
    fn topic(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<TopicNo>;

    /// Checks and resolves one briefing's front matter.
    fn read_briefing<'d>(
        &mut self,
        doc: &'d Arc<Document<BriefingFront>>,
        problems: &mut Problems<'_>,
    ) -> Option<BriefingDraft<'d>> {
        let front = &doc.front;
        let locator = doc.locator();
        let path = doc.path.as_path();
        let title = required(front.title.as_deref(), path, &locator, "title", problems);
        let date_line = || locator.key("date").unwrap_or(doc.yaml_line);
        let date = match front.date.as_deref() {
            Some(text) => parse_date(text, path, date_line, problems),
            None => {
                let message = "missing `date:`: write the briefing's date as YYYY-MM-DD";
                problems.error(path, date_line(), message);
                None
            }
        };
        let slug = briefing_slug(doc, &locator, problems);

        let mut topics = Vec::new();
        for reference in &front.topics {
            let line = || {
                locator
                    .find(Some(("topics", 0)), reference)
                    .min(locator.find(None, reference))
            };
            if let Some(ix) = self.topic(reference, &At { path, line }, problems) {
                push_unique(&mut topics, ix);
            }
        }
        let sources = read_sources(doc, &locator, problems);
        let items = Items {
            path,
            locator: &locator,
            sources: &sources,
            date,
        };

        let mut meetings = Vec::new();
        for (index, meeting) in front.meetings.iter().enumerate() {
            let item = items.at("meetings", index);
            if let Some(draft) = self.read_meeting(meeting, &item, problems) {
                meetings.push(draft);
            }
        }
        let mut positions = Vec::new();
        for (index, position) in front.positions.iter().enumerate() {
            let item = items.at("positions", index);
            if let Some(draft) = self.read_position(position, &item, problems) {
                positions.push(draft);
            }
        }
        let mut quotes = Vec::new();
        for (index, quote) in front.quotes.iter().enumerate() {
            let item = items.at("quotes", index);
            if let Some(draft) = self.read_quote(quote, &item, problems) {
                quotes.push(draft);
            }
        }

        Some(BriefingDraft {
            doc,
            slug: slug?,
            title: title?.trim().to_string(),
            date: date?,
            topics,
            sources,
            meetings,
            positions,
            quotes,
        })
    }

    fn read_meeting(
        &mut self,
        meeting: &MeetingFront,
        item: &Item<'_>,
        problems: &mut Problems<'_>,
    ) -> Option<MeetingDraft> {
        let date = item.date(meeting.date.as_deref(), problems);
        let mut participants = Vec::new();
        for reference in &meeting.participants {
            if let Some(ix) = self.actor(reference, &item.at_value(reference), problems) {
                push_unique(&mut participants, ix);
            }
        }
        if meeting.participants.is_empty() {
            problems.error(
                item.path,
                item.line(),
                "a meeting needs `participants:`, a list of actors",
            );
        }
        let mut topics = Vec::new();
        for reference in &meeting.topics {
            if let Some(ix) = self.topic(reference, &item.at_value(reference), problems) {
                push_unique(&mut topics, ix);
            }
        }
        let id = match meeting.id.as_deref().map(str::trim) {
            Some(id) => match id_problem(id) {
                None => Some(id.to_string()),
                Some(problem) => {
                    let message = format!("meeting id '{id}' cannot be used: {problem}");
                    problems.error(item.path, item.field("id"), message);
                    return None;
                }
            },
            None => None,
        };
        let source = item.source(meeting.source.as_deref(), problems);
        Some(MeetingDraft {
            id,
            index: item.index,
            title: text(&meeting.title),
            date: date?,
            location: text(&meeting.location),
            participants,
            topics,
            summary: meeting.summary.clone().unwrap_or_default(),
            outcome: meeting.outcome.clone().unwrap_or_default(),
            source,
        })
    }

    fn read_position(
        &mut self,
        position: &PositionFront,
        item: &Item<'_>,
        problems: &mut Problems<'_>,
    ) -> Option<PositionDraft> {
        let actor = match position.actor.as_deref() {
            Some(reference) => self.actor(reference, &item.at_field("actor"), problems),
            None => item.missing("a position needs `actor:`", problems),
        };
        let topic = match position.topic.as_deref() {
            Some(reference) => self.topic(reference, &item.at_field("topic"), problems),
            None => item.missing("a position needs `topic:`", problems),
        };
        let stance = item.required(
            &position.stance,
            "a position needs `stance:`, a short statement of what the actor holds",
            problems,
        );
        let date = item.date(position.date.as_deref(), problems);
        let source = item.source(position.source.as_deref(), problems);
        let change = match position.change.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(written) if written.eq_ignore_ascii_case("restated") => Some(false),
            Some(written) if written.eq_ignore_ascii_case("changed") => Some(true),
            Some(written) => {
                let message = format!(
                    "unknown change '{written}': write `change: restated` (the stance is the same, in other words) or `change: changed`"
                );
                problems.error(item.path, item.field("change"), message);
                None
            }
        };
        Some(PositionDraft {
            actor: actor?,
            topic: topic?,
            stance: stance?,
            index: item.index,
            date: date?,
            change,
            source,
        })
    }

    fn read_quote(
        &mut self,
        quote: &QuoteFront,
        item: &Item<'_>,
        problems: &mut Problems<'_>,
    ) -> Option<QuoteDraft> {
        let actor = match quote.actor.as_deref() {
            Some(reference) => self.actor(reference, &item.at_field("actor"), problems),
            None => item.missing("a quote needs `actor:`, who said it", problems),
        };
        let words = item.required(
            &quote.text,
            "a quote needs `text:`, the words said",
            problems,
        );
        let date = item.date(quote.date.as_deref(), problems);
        let source = item.source(quote.source.as_deref(), problems);
        Some(QuoteDraft {
            actor: actor?,
            text: words?,
            date: date?,
            source,
        })
    }
}
