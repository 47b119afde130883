//! Small serializable views of the model: what templates see. Each borrows from the
//! `Dossier`; urls are relative to the site root and `_html` fields are relinked for
//! the page that shows them.

use serde::Serialize;

use crate::markdown::relink;
use crate::model::*;

#[derive(Serialize)]
pub struct ActorRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
    pub kind: &'static str,
    pub role: &'a str,
}

#[derive(Serialize)]
pub struct TopicRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub struct BriefingRef<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
    pub date: String,
    pub date_display: String,
    pub summary: &'a str,
}

#[derive(Serialize)]
pub struct SourceView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub publisher: &'a str,
    pub url: &'a str,
    pub cite_url: String,
}

#[derive(Serialize)]
pub struct MeetingView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub url: String,
    pub date: String,
    pub date_display: String,
    pub location: &'a str,
    pub participants: Vec<ActorRef<'a>>,
    pub topics: Vec<TopicRef<'a>>,
    pub summary_html: String,
    pub outcome_html: String,
    pub source: Option<SourceView<'a>>,
    pub briefing: BriefingRef<'a>,
}

#[derive(Serialize)]
pub struct PositionView<'a> {
    pub actor: ActorRef<'a>,
    pub topic: TopicRef<'a>,
    pub stance_html: String,
    pub date: String,
    pub date_display: String,
    pub source: Option<SourceView<'a>>,
    pub briefing: BriefingRef<'a>,
    pub changed: bool,
}

#[derive(Serialize)]
pub struct QuoteView<'a> {
    pub actor: ActorRef<'a>,
    pub text: &'a str,
    pub date: String,
    pub date_display: String,
    pub source: Option<SourceView<'a>>,
    pub briefing: BriefingRef<'a>,
}

/// Makes views of one dossier for a page at `root`.
#[derive(Clone, Copy)]
pub struct Views<'a> {
    pub dossier: &'a Dossier,
    /// The way from the page being rendered to the site root.
    pub root: &'a str,
}

/// The output path of each kind of page, relative to the site root.
pub fn actor_url(id: &str) -> String {
    format!("actors/{id}/index.html")
}
pub fn topic_url(id: &str) -> String {
    format!("topics/{id}/index.html")
}
pub fn briefing_url(slug: &str) -> String {
    format!("briefings/{slug}/index.html")
}
pub fn meeting_url(id: &str) -> String {
    format!("meetings/{id}/index.html")
}

impl<'a> Views<'a> {
    pub fn html(&self, html: &'a str) -> String {
        relink(html, self.root).into_owned()
    }

    pub fn actor(&self, ix: ActorIx) -> ActorRef<'a> {
        let actor = self.dossier.actor(ix);
        ActorRef {
            id: &actor.id,
            name: &actor.name,
            url: actor_url(&actor.id),
            kind: actor.kind.as_str(),
            role: &actor.role,
        }
    }

    pub fn actors(&self, list: &[ActorIx]) -> Vec<ActorRef<'a>> {
        list.iter().map(|&a| self.actor(a)).collect()
    }

    pub fn topic(&self, ix: TopicIx) -> TopicRef<'a> {
        let topic = self.dossier.topic(ix);
        TopicRef {
            id: &topic.id,
            name: &topic.name,
            url: topic_url(&topic.id),
        }
    }

    pub fn topics(&self, list: &[TopicIx]) -> Vec<TopicRef<'a>> {
        list.iter().map(|&t| self.topic(t)).collect()
    }

    pub fn briefing(&self, ix: BriefingIx) -> BriefingRef<'a> {
        let b = self.dossier.briefing(ix);
        BriefingRef {
            slug: &b.slug,
            title: &b.title,
            url: briefing_url(&b.slug),
            date: b.date.iso(),
            date_display: b.date.display(),
            summary: &b.summary,
        }
    }

    pub fn briefings(&self, list: &[BriefingIx]) -> Vec<BriefingRef<'a>> {
        list.iter().map(|&b| self.briefing(b)).collect()
    }

    pub fn source_at(&self, briefing: BriefingIx, index: usize) -> SourceView<'a> {
        let b = self.dossier.briefing(briefing);
        let s = &b.sources[index];
        SourceView {
            id: &s.id,
            title: &s.title,
            publisher: &s.publisher,
            url: &s.url,
            cite_url: format!("{}#source-{}", briefing_url(&b.slug), s.id),
        }
    }

    pub fn source(&self, source: Option<SourceRef>) -> Option<SourceView<'a>> {
        source.map(|s| self.source_at(s.briefing, s.index))
    }

    pub fn meeting(&self, ix: MeetingIx) -> MeetingView<'a> {
        let m = self.dossier.meeting(ix);
        MeetingView {
            id: &m.id,
            title: &m.title,
            url: meeting_url(&m.id),
            date: m.date.iso(),
            date_display: m.date.display(),
            location: &m.location,
            participants: self.actors(&m.participants),
            topics: self.topics(&m.topics),
            summary_html: self.html(&m.summary_html),
            outcome_html: self.html(&m.outcome_html),
            source: self.source(m.source),
            briefing: self.briefing(m.briefing),
        }
    }

    pub fn meetings(&self, list: &[MeetingIx]) -> Vec<MeetingView<'a>> {
        list.iter().map(|&m| self.meeting(m)).collect()
    }

    pub fn position(&self, ix: PositionIx) -> PositionView<'a> {
        let p = self.dossier.position(ix);
        PositionView {
            actor: self.actor(p.actor),
            topic: self.topic(p.topic),
            stance_html: self.html(&p.stance_html),
            date: p.date.iso(),
            date_display: p.date.display(),
            source: self.source(p.source),
            briefing: self.briefing(p.briefing),
            changed: p.changed,
        }
    }

    pub fn positions(&self, list: &[PositionIx]) -> Vec<PositionView<'a>> {
        list.iter().map(|&p| self.position(p)).collect()
    }

    pub fn quote(&self, ix: QuoteIx) -> QuoteView<'a> {
        let q = self.dossier.quote(ix);
        QuoteView {
            actor: self.actor(q.actor),
            text: &q.text,
            date: q.date.iso(),
            date_display: q.date.display(),
            source: self.source(q.source),
            briefing: self.briefing(q.briefing),
        }
    }

    pub fn quotes(&self, list: &[QuoteIx]) -> Vec<QuoteView<'a>> {
        list.iter().map(|&q| self.quote(q)).collect()
    }

    /// Positions grouped into histories: one per run of the same `key` (positions come
    /// sorted so that each history is contiguous and oldest first).
    pub fn histories<K: PartialEq>(
        &self,
        list: &[PositionIx],
        key: impl Fn(&Position) -> K,
    ) -> Vec<Vec<PositionIx>> {
        let mut groups: Vec<Vec<PositionIx>> = Vec::new();
        for &ix in list {
            let position = self.dossier.position(ix);
            match groups.last_mut() {
                Some(group) if key(self.dossier.position(group[0])) == key(position) => {
                    group.push(ix)
                }
                _ => groups.push(vec![ix]),
            }
        }
        groups
    }
}
