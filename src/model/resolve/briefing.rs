//! One briefing's front matter checked and resolved into drafts, before the order of
//! every actor and topic is fixed; and the checks across briefings (slugs, meeting ids).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::*;
use crate::content::Document;
use crate::content::schema::BriefingFront;
use crate::markdown::{self};

impl Names {
    /// Checks and resolves one briefing's front matter.
    pub(super) fn read_briefing<'d>(
        &mut self,
        doc: &'d Document<BriefingFront>,
        problems: &mut Problems<'_>,
    ) -> Option<BriefingDraft<'d>> {
        let front = &doc.front;
        let locator = doc.locator();
        let path = doc.path.as_path();
        let title = required(front.title.as_deref(), path, &locator, "title", problems);
        let date = match front.date.as_deref() {
            Some(text) => parse_date(
                text,
                path,
                locator.key("date").unwrap_or(doc.yaml_line),
                problems,
            ),
            None => {
                problems.error(
                    path,
                    locator.key("date").unwrap_or(doc.yaml_line),
                    "missing `date:`: write the briefing's date as YYYY-MM-DD",
                );
                None
            }
        };
        let (slug, slug_line, written) = match front.slug.as_deref() {
            Some(slug) => (
                slug.trim().to_string(),
                locator.key("slug").unwrap_or(doc.yaml_line),
                true,
            ),
            None => (slugify(&doc.stem), 1, false),
        };
        let slug = match id_problem(&slug) {
            None => Some(slug),
            Some(problem) if written => {
                problems.error(
                    path,
                    slug_line,
                    format!("slug '{slug}' cannot be used: {problem}"),
                );
                None
            }
            Some(problem) => {
                problems.error(
                    path,
                    1,
                    format!("cannot make a slug from the file name ({problem}): rename the file, or add `slug:`"),
                );
                None
            }
        };

        let mut topics = Vec::new();
        for reference in &front.topics {
            let at = At {
                path,
                line: locator
                    .find(Some(("topics", 0)), reference)
                    .min(locator.find(None, reference)),
            };
            if let Some(ix) = self.topic(reference, &at, problems) {
                push_unique(&mut topics, ix);
            }
        }

        let mut sources = Vec::new();
        for (index, source) in front.sources.iter().enumerate() {
            let line = locator.find(Some(("sources", index)), "");
            let Some(id) = source
                .id
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            else {
                problems.error(
                    path,
                    line,
                    "a source needs an `id:` to be cited by, such as `id: cgtn`",
                );
                continue;
            };
            if sources.iter().any(|s: &Source| s.id == id) {
                problems.error(
                    path,
                    locator.find(Some(("sources", index)), id),
                    format!("source id '{id}' is used twice in this briefing"),
                );
                continue;
            }
            let url = source.url.as_deref().unwrap_or_default().trim();
            let url = if url.is_empty() || markdown::is_safe_url(url) {
                url.to_string()
            } else {
                problems.error(
                    path,
                    locator.field("sources", index, "url"),
                    format!("source url '{url}' is refused: only http, https and mailto addresses are allowed"),
                );
                String::new()
            };
            sources.push(Source {
                id: id.to_string(),
                title: source
                    .title
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                publisher: source
                    .publisher
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                url,
            });
        }
        let source_of =
            |reference: Option<&str>, list: &str, index: usize, problems: &mut Problems<'_>| {
                let reference = reference.map(str::trim).filter(|s| !s.is_empty())?;
                match sources.iter().position(|s| s.id == reference) {
                    Some(found) => Some(found),
                    None => {
                        let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
                        let hint = if known.is_empty() {
                            "this briefing lists no `sources:`".to_string()
                        } else {
                            format!("this briefing's sources are: {}", known.join(", "))
                        };
                        problems.error(
                            path,
                            locator.field(list, index, "source"),
                            format!("unknown source '{reference}': {hint}"),
                        );
                        None
                    }
                }
            };

        let mut meetings = Vec::new();
        for (index, meeting) in front.meetings.iter().enumerate() {
            let at_field = |field: &str| locator.field("meetings", index, field);
            let date = match meeting.date.as_deref() {
                Some(text) => parse_date(text, path, at_field("date"), problems),
                None => date,
            };
            let mut participants = Vec::new();
            for reference in &meeting.participants {
                let at = At {
                    path,
                    line: locator.find(Some(("meetings", index)), reference),
                };
                if let Some(ix) = self.actor(reference, &at, problems) {
                    push_unique(&mut participants, ix);
                }
            }
            if meeting.participants.is_empty() {
                problems.error(
                    path,
                    locator.find(Some(("meetings", index)), ""),
                    "a meeting needs `participants:`, a list of actors",
                );
            }
            let mut topics = Vec::new();
            for reference in &meeting.topics {
                let at = At {
                    path,
                    line: locator.find(Some(("meetings", index)), reference),
                };
                if let Some(ix) = self.topic(reference, &at, problems) {
                    push_unique(&mut topics, ix);
                }
            }
            let id = match meeting.id.as_deref().map(str::trim) {
                Some(id) => match id_problem(id) {
                    None => Some(id.to_string()),
                    Some(problem) => {
                        problems.error(
                            path,
                            at_field("id"),
                            format!("meeting id '{id}' cannot be used: {problem}"),
                        );
                        continue;
                    }
                },
                None => None,
            };
            let source = source_of(meeting.source.as_deref(), "meetings", index, problems);
            let Some(date) = date else { continue };
            meetings.push(MeetingDraft {
                id,
                line: locator.find(Some(("meetings", index)), ""),
                title: meeting
                    .title
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                date,
                location: meeting
                    .location
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                participants,
                topics,
                summary: meeting.summary.clone().unwrap_or_default(),
                summary_line: at_field("summary"),
                outcome: meeting.outcome.clone().unwrap_or_default(),
                outcome_line: at_field("outcome"),
                source,
            });
        }

        let mut positions = Vec::new();
        for (index, position) in front.positions.iter().enumerate() {
            let at_field = |field: &str| locator.field("positions", index, field);
            let actor = match position.actor.as_deref() {
                Some(reference) => self.actor(
                    reference,
                    &At {
                        path,
                        line: at_field("actor"),
                    },
                    problems,
                ),
                None => {
                    problems.error(
                        path,
                        locator.find(Some(("positions", index)), ""),
                        "a position needs `actor:`",
                    );
                    None
                }
            };
            let topic = match position.topic.as_deref() {
                Some(reference) => self.topic(
                    reference,
                    &At {
                        path,
                        line: at_field("topic"),
                    },
                    problems,
                ),
                None => {
                    problems.error(
                        path,
                        locator.find(Some(("positions", index)), ""),
                        "a position needs `topic:`",
                    );
                    None
                }
            };
            let stance = position
                .stance
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty());
            if stance.is_none() {
                problems.error(
                    path,
                    locator.find(Some(("positions", index)), ""),
                    "a position needs `stance:`, a short statement of what the actor holds",
                );
            }
            let position_date = match position.date.as_deref() {
                Some(text) => parse_date(text, path, at_field("date"), problems),
                None => date,
            };
            let source = source_of(position.source.as_deref(), "positions", index, problems);
            if let (Some(actor), Some(topic), Some(stance), Some(date)) =
                (actor, topic, stance, position_date)
            {
                positions.push(PositionDraft {
                    actor,
                    topic,
                    stance: stance.to_string(),
                    line: at_field("stance"),
                    date,
                    source,
                });
            }
        }

        let mut quotes = Vec::new();
        for (index, quote) in front.quotes.iter().enumerate() {
            let at_field = |field: &str| locator.field("quotes", index, field);
            let actor = match quote.actor.as_deref() {
                Some(reference) => self.actor(
                    reference,
                    &At {
                        path,
                        line: at_field("actor"),
                    },
                    problems,
                ),
                None => {
                    problems.error(
                        path,
                        locator.find(Some(("quotes", index)), ""),
                        "a quote needs `actor:`, who said it",
                    );
                    None
                }
            };
            let text = quote
                .text
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty());
            if text.is_none() {
                problems.error(
                    path,
                    locator.find(Some(("quotes", index)), ""),
                    "a quote needs `text:`, the words said",
                );
            }
            let quote_date = match quote.date.as_deref() {
                Some(text) => parse_date(text, path, at_field("date"), problems),
                None => date,
            };
            let source = source_of(quote.source.as_deref(), "quotes", index, problems);
            if let (Some(actor), Some(text), Some(date)) = (actor, text, quote_date) {
                quotes.push(QuoteDraft {
                    actor,
                    text: text.to_string(),
                    date,
                    source,
                });
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
}

pub(super) struct BriefingDraft<'d> {
    pub(super) doc: &'d Document<BriefingFront>,
    pub(super) slug: String,
    pub(super) title: String,
    pub(super) date: Date,
    pub(super) topics: Vec<u32>,
    pub(super) sources: Vec<Source>,
    pub(super) meetings: Vec<MeetingDraft>,
    pub(super) positions: Vec<PositionDraft>,
    pub(super) quotes: Vec<QuoteDraft>,
}

pub(super) struct MeetingDraft {
    pub(super) id: Option<String>,
    pub(super) line: usize,
    pub(super) title: String,
    pub(super) date: Date,
    pub(super) location: String,
    pub(super) participants: Vec<u32>,
    pub(super) topics: Vec<u32>,
    pub(super) summary: String,
    pub(super) summary_line: usize,
    pub(super) outcome: String,
    pub(super) outcome_line: usize,
    pub(super) source: Option<usize>,
}

pub(super) struct PositionDraft {
    pub(super) actor: u32,
    pub(super) topic: u32,
    pub(super) stance: String,
    pub(super) line: usize,
    pub(super) date: Date,
    pub(super) source: Option<usize>,
}

pub(super) struct QuoteDraft {
    pub(super) actor: u32,
    pub(super) text: String,
    pub(super) date: Date,
    pub(super) source: Option<usize>,
}

pub(super) fn check_unique_slugs(drafts: &[BriefingDraft<'_>], problems: &mut Problems<'_>) {
    let mut by_slug: BTreeMap<&str, Vec<&Path>> = BTreeMap::new();
    for draft in drafts {
        by_slug
            .entry(draft.slug.as_str())
            .or_default()
            .push(&draft.doc.path);
    }
    for (slug, paths) in by_slug.into_iter().filter(|(_, p)| p.len() > 1) {
        for path in &paths {
            let others: Vec<String> = paths
                .iter()
                .filter(|p| p != &path)
                .map(|p| p.display().to_string())
                .collect();
            problems.error(
                path,
                1,
                format!(
                    "slug '{slug}' is also used by {}: give each briefing its own slug",
                    others.join(", ")
                ),
            );
        }
    }
}

/// Gives every meeting without an id `<date>-<participant ids>`, and reports ids used twice.
pub(super) fn assign_meeting_ids(
    drafts: &mut [BriefingDraft<'_>],
    names: &Names,
    problems: &mut Problems<'_>,
) {
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for draft in drafts.iter_mut() {
        let path = draft.doc.path.clone();
        for meeting in &mut draft.meetings {
            match &meeting.id {
                Some(id) => {
                    if let Some(other) = seen.get(id) {
                        problems.error(
                            &path,
                            meeting.line,
                            format!("meeting id '{id}' is also used in {}: give each meeting its own id", other.display()),
                        );
                    } else {
                        seen.insert(id.clone(), path.clone());
                    }
                }
                None => {
                    let ids: Vec<&str> = meeting
                        .participants
                        .iter()
                        .map(|&p| names.actors[p as usize].id.as_str())
                        .collect();
                    let full = format!("{}-{}", meeting.date.iso(), ids.join("-"));
                    // Room is left for the "-N" that tells same-day meetings apart.
                    let base = truncate_id(full.trim_end_matches('-'), MAX_ID_LEN - 8).to_string();
                    let mut id = base.clone();
                    let mut n = 2;
                    while seen.contains_key(&id) {
                        id = format!("{base}-{n}");
                        n += 1;
                    }
                    seen.insert(id.clone(), path.clone());
                    meeting.id = Some(id);
                }
            }
        }
    }
}
