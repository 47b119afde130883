//! The drafts of briefings, as reading their front matter makes them (references
//! resolved to declaration numbers, not yet to final indices), and the checks across
//! every briefing that come before rendering: unique slugs, every meeting's id, and the
//! pages a wikilink can name.
//!
//! Owns: the shape of a draft, meeting ids. Must not: resolve a name or render.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use super::Problems;
use super::table::{ActorNo, Names, TopicNo};
use super::wikilinks::Pages;
use crate::content::Document;
use crate::content::schema::BriefingFront;
use crate::model::{Date, MAX_ID_LEN, Source, truncate_id};

/// A briefing's front matter, checked, every reference a declaration number.
pub(super) struct BriefingDraft<'d> {
    pub(super) doc: &'d Arc<Document<BriefingFront>>,
    pub(super) slug: String,
    pub(super) title: String,
    pub(super) date: Date,
    pub(super) topics: Vec<TopicNo>,
    pub(super) sources: Vec<Source>,
    pub(super) meetings: Vec<MeetingDraft>,
    pub(super) positions: Vec<PositionDraft>,
    pub(super) quotes: Vec<QuoteDraft>,
}

/// A meeting of a briefing; its id is `None` until [`assign_meeting_ids`] gives one.
pub(super) struct MeetingDraft {
    pub(super) id: Option<String>,
    /// Its index in the briefing's `meetings:`, to find its lines.
    pub(super) index: usize,
    pub(super) title: String,
    pub(super) date: Date,
    pub(super) location: String,
    pub(super) participants: Vec<ActorNo>,
    pub(super) topics: Vec<TopicNo>,
    pub(super) summary: String,
    pub(super) outcome: String,
    pub(super) source: Option<usize>,
}

/// A position of a briefing.
pub(super) struct PositionDraft {
    pub(super) actor: ActorNo,
    pub(super) topic: TopicNo,
    pub(super) stance: String,
    /// Its index in the briefing's `positions:`, to find its lines.
    pub(super) index: usize,
    pub(super) date: Date,
    /// `change:` as written: `Some(true)` for changed, `Some(false)` for restated.
    pub(super) change: Option<bool>,
    pub(super) source: Option<usize>,
}

/// A quote of a briefing.
pub(super) struct QuoteDraft {
    pub(super) actor: ActorNo,
    pub(super) text: String,
    pub(super) date: Date,
    pub(super) source: Option<usize>,
}

/// Reports every slug that more than one briefing uses, in each of their files.
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
                        .map(|&p| names.actors.get(p).id.as_str())
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

/// Every briefing (by slug and title) and meeting (by id) of `drafts`, whose meetings
/// have their ids, for wikilinks to name.
pub(super) fn pages(drafts: &[BriefingDraft<'_>]) -> Pages {
    let mut pages = Pages::default();
    for draft in drafts {
        pages.add(
            "briefing",
            &draft.slug,
            &draft.title,
            &[&draft.slug, &draft.title],
        );
        for meeting in &draft.meetings {
            if let Some(id) = &meeting.id {
                let name = if meeting.title.is_empty() {
                    id
                } else {
                    &meeting.title
                };
                pages.add("meeting", id, name, &[id]);
            }
        }
    }
    pages
}
