//! Small serializable views of the model: what templates see. Each borrows from the
//! `Dossier`; urls are relative to the site root and `_html` fields are relinked for
//! the page that shows them.

use serde::Serialize;
use tera::Value;

use super::digest::{Held, ViewDigests};
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
    pub participants: Vec<Value>,
    pub topics: Vec<Value>,
    pub summary_html: String,
    pub outcome_html: String,
    pub source: Option<SourceView<'a>>,
    pub briefing: Value,
}

#[derive(Serialize)]
pub struct PositionView<'a> {
    pub actor: Value,
    pub topic: Value,
    pub stance_html: String,
    pub date: String,
    pub date_display: String,
    pub source: Option<SourceView<'a>>,
    pub briefing: Value,
    pub changed: bool,
    pub restated: bool,
}

#[derive(Serialize)]
pub struct QuoteView<'a> {
    pub actor: Value,
    pub text: &'a str,
    pub date: String,
    pub date_display: String,
    pub source: Option<SourceView<'a>>,
    pub briefing: Value,
}

/// Makes views of one dossier for a page at `root`.
#[derive(Clone, Copy)]
pub struct Views<'a> {
    pub dossier: &'a Dossier,
    /// The way from the page being rendered to the site root.
    pub root: &'a str,
    /// Views made once for every page, when there are.
    pub shared: Option<&'a Shared>,
    /// Set when only a page's digest is gathered: each shared view is then the
    /// marker of its digest ([`ViewDigests::marker`]), not its value.
    pub digests: Option<&'a ViewDigests>,
}

/// True when rendered HTML holds internal links, written against the root mark.
fn has_links(html: &str) -> bool {
    html.contains(crate::markdown::ROOT_MARK)
}

/// The root of the pages of single items (`actors/<id>/index.html`, ...), where the
/// shared views of meetings and positions are made.
pub const ITEM_ROOT: &str = "../../";

/// The views that many pages show, made once per render as Tera values, which clone
/// cheaply: an actor page then costs what it shows, not what it would cost to convert
/// every meeting again. Meetings and positions carry HTML whose links depend on the
/// page's depth: theirs are made for [`ITEM_ROOT`], and serve every other page too
/// when their HTML holds no internal link.
pub struct Shared {
    /// The digests of every shared view, for the digests of pages: made on first use,
    /// since only `dossier serve` compares pages.
    known: std::sync::OnceLock<ViewDigests>,
    actors: Vec<Value>,
    topics: Vec<Value>,
    briefings: Vec<Value>,
    meetings: Vec<Value>,
    positions: Vec<Value>,
    quotes: Vec<Value>,
}

impl Shared {
    /// Makes every shared view of `dossier`, in parallel.
    pub fn new(dossier: &Dossier) -> Shared {
        use rayon::prelude::*;
        fn all<T: Send>(n: usize, make: impl Fn(u32) -> T + Sync + Send) -> Vec<T> {
            (0..n as u32).into_par_iter().map(make).collect()
        }
        let plain = Views {
            dossier,
            root: ITEM_ROOT,
            shared: None,
            digests: None,
        };
        let refs = Shared {
            known: Default::default(),
            actors: all(dossier.actors.len(), |i| {
                Value::from_serializable(&plain.actor(ActorIx(i)))
            }),
            topics: all(dossier.topics.len(), |i| {
                Value::from_serializable(&plain.topic(TopicIx(i)))
            }),
            briefings: all(dossier.briefings.len(), |i| {
                Value::from_serializable(&plain.briefing(BriefingIx(i)))
            }),
            meetings: Vec::new(),
            positions: Vec::new(),
            quotes: Vec::new(),
        };
        // Meetings, positions and quotes reuse the references made above.
        let with_refs = Views {
            dossier,
            root: ITEM_ROOT,
            shared: Some(&refs),
            digests: None,
        };
        let meetings = all(dossier.meetings.len(), |i| {
            Value::from_serializable(&with_refs.meeting(MeetingIx(i)))
        });
        let positions = all(dossier.positions.len(), |i| {
            Value::from_serializable(&with_refs.position(PositionIx(i)))
        });
        let quotes = all(dossier.quotes.len(), |i| {
            Value::from_serializable(&with_refs.quote(QuoteIx(i)))
        });
        Shared {
            meetings,
            positions,
            quotes,
            ..refs
        }
    }

    /// The digests of every shared view, by content, made on first use.
    pub fn known(&self) -> &ViewDigests {
        self.known.get_or_init(|| {
            ViewDigests::new([
                (Held::Actor, &self.actors),
                (Held::Topic, &self.topics),
                (Held::Briefing, &self.briefings),
                (Held::Meeting, &self.meetings),
                (Held::Position, &self.positions),
                (Held::Quote, &self.quotes),
            ])
        })
    }

    /// The list of shared views of kind `held`.
    fn list(&self, held: Held) -> &[Value] {
        match held {
            Held::Actor => &self.actors,
            Held::Topic => &self.topics,
            Held::Briefing => &self.briefings,
            Held::Meeting => &self.meetings,
            Held::Position => &self.positions,
            Held::Quote => &self.quotes,
        }
    }
}

/// The public address of the file at `path` (relative to the output root) under
/// `base_url`: a page by its folder (`https://example.org/briefings/x/`), as the
/// sitemap, canonical links, feeds and calendars all name it; empty when the site has
/// no `base_url`.
pub fn public_url(base_url: &str, path: &str) -> String {
    if base_url.is_empty() {
        return String::new();
    }
    let path = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_url}/{path}")
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
    /// The shared view `held` number `at`, or its marker when only a digest is made.
    fn held(&self, shared: &Shared, held: Held, at: usize) -> Value {
        match self.digests {
            Some(digests) => digests.marker(held, at),
            None => shared.list(held)[at].clone(),
        }
    }

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

    /// The actor as a Tera value: shared by every page that shows it where possible.
    pub fn actor_value(&self, ix: ActorIx) -> Value {
        match self.shared {
            Some(shared) => self.held(shared, Held::Actor, ix.get()),
            _ => Value::from_serializable(&self.actor(ix)),
        }
    }

    pub fn actors(&self, list: &[ActorIx]) -> Vec<Value> {
        list.iter().map(|&a| self.actor_value(a)).collect()
    }

    pub fn topic(&self, ix: TopicIx) -> TopicRef<'a> {
        let topic = self.dossier.topic(ix);
        TopicRef {
            id: &topic.id,
            name: &topic.name,
            url: topic_url(&topic.id),
        }
    }

    /// The topic as a Tera value: shared by every page that shows it where possible.
    pub fn topic_value(&self, ix: TopicIx) -> Value {
        match self.shared {
            Some(shared) => self.held(shared, Held::Topic, ix.get()),
            _ => Value::from_serializable(&self.topic(ix)),
        }
    }

    pub fn topics(&self, list: &[TopicIx]) -> Vec<Value> {
        list.iter().map(|&t| self.topic_value(t)).collect()
    }

    pub fn briefing(&self, ix: BriefingIx) -> BriefingRef<'a> {
        let b = self.dossier.briefing(ix);
        BriefingRef {
            slug: &b.slug,
            title: &b.title,
            url: briefing_url(&b.slug),
            date: b.date.iso(),
            date_display: self.dossier.config.interface.date(&b.date),
            summary: &b.summary,
        }
    }

    /// The briefing as a Tera value: shared by every page that shows it where possible.
    pub fn briefing_value(&self, ix: BriefingIx) -> Value {
        match self.shared {
            Some(shared) => self.held(shared, Held::Briefing, ix.get()),
            _ => Value::from_serializable(&self.briefing(ix)),
        }
    }

    pub fn briefings(&self, list: &[BriefingIx]) -> Vec<Value> {
        list.iter().map(|&b| self.briefing_value(b)).collect()
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
            date_display: self.dossier.config.interface.date(&m.date),
            location: &m.location,
            participants: self.actors(&m.participants),
            topics: self.topics(&m.topics),
            summary_html: self.html(&m.summary_html),
            outcome_html: self.html(&m.outcome_html),
            source: self.source(m.source),
            briefing: self.briefing_value(m.briefing),
        }
    }

    /// True when the meeting's HTML holds links whose form depends on the page's depth.
    fn meeting_links(&self, ix: MeetingIx) -> bool {
        let m = self.dossier.meeting(ix);
        has_links(&m.summary_html) || has_links(&m.outcome_html)
    }

    /// The meeting as a Tera value: shared by every page that shows it where possible.
    pub fn meeting_value(&self, ix: MeetingIx) -> Value {
        match self.shared {
            Some(shared) if self.root == ITEM_ROOT || !self.meeting_links(ix) => {
                self.held(shared, Held::Meeting, ix.get())
            }
            _ => Value::from_serializable(&self.meeting(ix)),
        }
    }

    pub fn meetings(&self, list: &[MeetingIx]) -> Vec<Value> {
        list.iter().map(|&m| self.meeting_value(m)).collect()
    }

    pub fn position(&self, ix: PositionIx) -> PositionView<'a> {
        let p = self.dossier.position(ix);
        PositionView {
            actor: self.actor_value(p.actor),
            topic: self.topic_value(p.topic),
            stance_html: self.html(&p.stance_html),
            date: p.date.iso(),
            date_display: self.dossier.config.interface.date(&p.date),
            source: self.source(p.source),
            briefing: self.briefing_value(p.briefing),
            changed: p.changed,
            restated: p.restated,
        }
    }

    /// The position as a Tera value: shared by every page that shows it where possible.
    pub fn position_value(&self, ix: PositionIx) -> Value {
        match self.shared {
            Some(shared)
                if self.root == ITEM_ROOT || !has_links(&self.dossier.position(ix).stance_html) =>
            {
                self.held(shared, Held::Position, ix.get())
            }
            _ => Value::from_serializable(&self.position(ix)),
        }
    }

    pub fn positions(&self, list: &[PositionIx]) -> Vec<Value> {
        list.iter().map(|&p| self.position_value(p)).collect()
    }

    pub fn quote(&self, ix: QuoteIx) -> QuoteView<'a> {
        let q = self.dossier.quote(ix);
        QuoteView {
            actor: self.actor_value(q.actor),
            text: &q.text,
            date: q.date.iso(),
            date_display: self.dossier.config.interface.date(&q.date),
            source: self.source(q.source),
            briefing: self.briefing_value(q.briefing),
        }
    }

    /// The quote as a Tera value: shared by every page that shows it where possible.
    pub fn quote_value(&self, ix: QuoteIx) -> Value {
        match self.shared {
            Some(shared) => self.held(shared, Held::Quote, ix.get()),
            _ => Value::from_serializable(&self.quote(ix)),
        }
    }

    pub fn quotes(&self, list: &[QuoteIx]) -> Vec<Value> {
        list.iter().map(|&q| self.quote_value(q)).collect()
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

#[cfg(test)]
mod tests;
