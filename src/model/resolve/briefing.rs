//! One briefing's front matter checked and resolved into drafts, before the order of
//! every actor and topic is fixed; and the checks across briefings (slugs, meeting ids).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::*;
use crate::content::Document;
use crate::content::schema::{BriefingFront, MeetingFront, PositionFront, QuoteFront};
use crate::markdown;
use crate::model::refs::Lookup;

impl Names {
    /// Checks and resolves the front matter of every briefing in `docs`, as reading
    /// them one after the other does. Each is first read on its own, in parallel,
    /// against the names known before any: a briefing each of whose references names
    /// exactly one of them keeps that reading, since a name created meanwhile never
    /// changes what such a reference resolves to (a name is created only for a
    /// reference that matches none, and only when its id does not match exactly one
    /// either, so it cannot match a reference that matched one). Any other briefing is
    /// read again, in order, with what it warns about, creates or refuses.
    pub(super) fn read_briefings<'d>(
        &mut self,
        docs: &[&'d Arc<Document<BriefingFront>>],
        problems: &mut Problems<'_>,
    ) -> Vec<BriefingDraft<'d>> {
        let names = &*self;
        let alone: Vec<Option<(Option<BriefingDraft<'d>>, Diagnostics)>> = docs
            .par_iter()
            .map(|doc| {
                let mut diagnostics = Diagnostics::default();
                let mut known = Known { names, new: false };
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
                None => self.read_briefing(doc, problems),
            };
            drafts.extend(draft);
        }
        drafts
    }
}

/// The names known so far, read without creating any: a reference that does not name
/// exactly one of them (which would warn, create a name or be an error) marks the
/// reading as `new`, to be done again in order.
struct Known<'n> {
    names: &'n Names,
    new: bool,
}

impl Known<'_> {
    fn found(&mut self, lookup: Lookup) -> Option<u32> {
        match lookup {
            Lookup::Found(ix) => Some(ix),
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
    ) -> Option<u32> {
        self.found(self.names.actor_refs.lookup(reference.trim()))
    }

    fn topic(
        &mut self,
        reference: &str,
        _: &At<'_, impl Fn() -> usize>,
        _: &mut Problems<'_>,
    ) -> Option<u32> {
        self.found(self.names.topic_refs.lookup(reference.trim()))
    }
}

impl Refer for Names {
    fn actor(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<u32> {
        Names::actor(self, reference, at, problems)
    }

    fn topic(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<u32> {
        Names::topic(self, reference, at, problems)
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
    ) -> Option<u32>;

    /// Resolves a topic reference.
    fn topic(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<u32>;

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
            Some(id) => match id_problem(id).or_else(|| year_like(id)) {
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

/// The slug of a briefing: its `slug:`, or one made from its file name.
fn briefing_slug(
    doc: &Document<BriefingFront>,
    locator: &Locator<'_>,
    problems: &mut Problems<'_>,
) -> Option<String> {
    let path = doc.path.as_path();
    match doc.front.slug.as_deref() {
        Some(slug) => {
            let slug = slug.trim();
            match id_problem(slug) {
                None => Some(slug.to_string()),
                Some(problem) => {
                    let line = locator.key("slug").unwrap_or(doc.yaml_line);
                    problems.error(
                        path,
                        line,
                        format!("slug '{slug}' cannot be used: {problem}"),
                    );
                    None
                }
            }
        }
        None => {
            let slug = slugify(&doc.stem);
            match id_problem(&slug) {
                None => Some(slug),
                Some(problem) => {
                    let message = format!(
                        "cannot make a slug from the file name ({problem}): rename the file, or add `slug:`"
                    );
                    problems.error(path, 1, message);
                    None
                }
            }
        }
    }
}

/// The sources a briefing cites, each with a unique id and a safe address.
fn read_sources(
    doc: &Document<BriefingFront>,
    locator: &Locator<'_>,
    problems: &mut Problems<'_>,
) -> Vec<Source> {
    let path = doc.path.as_path();
    let mut sources: Vec<Source> = Vec::new();
    for (index, source) in doc.front.sources.iter().enumerate() {
        let Some(id) = source
            .id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        else {
            let line = locator.find(Some(("sources", index)), "");
            problems.error(
                path,
                line,
                "a source needs an `id:` to be cited by, such as `id: cgtn`",
            );
            continue;
        };
        if sources.iter().any(|s| s.id == id) {
            let line = locator.find(Some(("sources", index)), id);
            problems.error(
                path,
                line,
                format!("source id '{id}' is used twice in this briefing"),
            );
            continue;
        }
        let url = source.url.as_deref().unwrap_or_default().trim();
        let url = match markdown::source_url_problem(url) {
            None => url.to_string(),
            Some((is_error, message)) => {
                let line = locator.field("sources", index, "url");
                match is_error {
                    true => problems.error(path, line, message),
                    false => problems.warning(path, line, message),
                }
                String::new()
            }
        };
        sources.push(Source {
            id: id.to_string(),
            title: text(&source.title),
            publisher: text(&source.publisher),
            url,
        });
    }
    sources
}

/// Why a meeting id of digits alone cannot be used: `meetings/<year>/` is the page of
/// a year's meetings.
fn year_like(id: &str) -> Option<String> {
    id.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| "ids of digits alone are kept for the years of the meetings timeline".to_string())
}

/// A written text, trimmed; empty when absent.
fn text(value: &Option<String>) -> String {
    value.as_deref().unwrap_or_default().trim().to_string()
}

/// What every item of a briefing's lists shares: its file, its lines, its sources and
/// the briefing's date, which items take when they give none.
struct Items<'b> {
    path: &'b Path,
    locator: &'b Locator<'b>,
    sources: &'b [Source],
    date: Option<Date>,
}

impl<'b> Items<'b> {
    /// Item `index` of the list `list`.
    fn at(&'b self, list: &'b str, index: usize) -> Item<'b> {
        Item {
            items: self,
            path: self.path,
            list,
            index,
        }
    }
}

/// One item of a list (`meetings`, `positions`, `quotes`) of a briefing.
struct Item<'b> {
    items: &'b Items<'b>,
    path: &'b Path,
    list: &'b str,
    index: usize,
}

impl Item<'_> {
    /// The line where the item starts.
    fn line(&self) -> usize {
        self.items.locator.find(Some((self.list, self.index)), "")
    }

    /// The line of the item's `field:`.
    fn field(&self, field: &str) -> usize {
        self.items.locator.field(self.list, self.index, field)
    }

    /// Where the item's `field:` is, for a reference written there.
    fn at_field(&self, field: &str) -> At<'_, impl Fn() -> usize> {
        At {
            path: self.path,
            line: move || self.field(field),
        }
    }

    /// Where `value` is written inside the item, for a reference in a list.
    fn at_value(&self, value: &str) -> At<'_, impl Fn() -> usize> {
        At {
            path: self.path,
            line: move || {
                self.items
                    .locator
                    .find(Some((self.list, self.index)), value)
            },
        }
    }

    /// Reports a missing required value.
    fn missing<T>(&self, message: &str, problems: &mut Problems<'_>) -> Option<T> {
        problems.error(self.path, self.line(), message);
        None
    }

    /// A required text, trimmed, or an error.
    fn required(
        &self,
        value: &Option<String>,
        message: &str,
        problems: &mut Problems<'_>,
    ) -> Option<String> {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            Some(value) => Some(value.to_string()),
            None => self.missing(message, problems),
        }
    }

    /// The item's date, or the briefing's when it gives none.
    fn date(&self, written: Option<&str>, problems: &mut Problems<'_>) -> Option<Date> {
        match written {
            Some(text) => parse_date(text, self.path, || self.field("date"), problems),
            None => self.items.date,
        }
    }

    /// The index of the source the item cites, if it cites one the briefing lists.
    fn source(&self, reference: Option<&str>, problems: &mut Problems<'_>) -> Option<usize> {
        let reference = reference.map(str::trim).filter(|s| !s.is_empty())?;
        let sources = self.items.sources;
        if let Some(found) = sources.iter().position(|s| s.id == reference) {
            return Some(found);
        }
        let hint = if sources.is_empty() {
            "this briefing lists no `sources:`".to_string()
        } else {
            let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
            format!("this briefing's sources are: {}", known.join(", "))
        };
        problems.error(
            self.path,
            self.field("source"),
            format!("unknown source '{reference}': {hint}"),
        );
        None
    }
}

pub(super) struct BriefingDraft<'d> {
    pub(super) doc: &'d Arc<Document<BriefingFront>>,
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
    /// Its index in the briefing's `meetings:`, to find its lines.
    pub(super) index: usize,
    pub(super) title: String,
    pub(super) date: Date,
    pub(super) location: String,
    pub(super) participants: Vec<u32>,
    pub(super) topics: Vec<u32>,
    pub(super) summary: String,
    pub(super) outcome: String,
    pub(super) source: Option<usize>,
}

pub(super) struct PositionDraft {
    pub(super) actor: u32,
    pub(super) topic: u32,
    pub(super) stance: String,
    /// Its index in the briefing's `positions:`, to find its lines.
    pub(super) index: usize,
    pub(super) date: Date,
    /// `change:` as written: `Some(true)` for changed, `Some(false)` for restated.
    pub(super) change: Option<bool>,
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
pub(super) fn assign_meeting_ids<'d>(
    drafts: &mut [BriefingDraft<'d>],
    names: &Names,
    problems: &mut Problems<'_>,
) {
    let mut seen: HashMap<String, &'d Path> = HashMap::new();
    for draft in drafts.iter_mut() {
        let doc = draft.doc;
        for meeting in &mut draft.meetings {
            match &meeting.id {
                Some(id) => {
                    if let Some(other) = seen.get(id) {
                        let line = doc.locator().find(Some(("meetings", meeting.index)), "");
                        problems.error(
                            &doc.path,
                            line,
                            format!("meeting id '{id}' is also used in {}: give each meeting its own id", other.display()),
                        );
                    } else {
                        seen.insert(id.clone(), &doc.path);
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
                    seen.insert(id.clone(), &doc.path);
                    meeting.id = Some(id);
                }
            }
        }
    }
}
