//! The resolved dossier: every reference resolved to an index, every back-reference
//! computed once. Immutable after [`resolve`].
//!
//! Indices (`ActorIx`, `MeetingIx`, ...) point into the vectors of [`Dossier`]. The
//! model holds rendered, sanitized HTML for Markdown fields, with internal links
//! written against `markdown::ROOT_MARK`; it knows nothing of templates or files.

pub mod date;
mod refs;
mod resolve;
pub mod translated;

pub use crate::ids::{MAX_ID_LEN, id_problem, is_valid_id, slugify, truncate_id};
pub use date::Date;
pub use resolve::{Body, Fields, Fresh, ResolveOptions, TextMemo, resolve, resolve_through};
pub use translated::Languages;

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;

macro_rules! index_type {
    ($name:ident) => {
        /// An index into the matching vector of [`Dossier`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            /// The position in the vector.
            pub fn get(self) -> usize {
                self.0 as usize
            }
        }
    };
}
index_type!(ActorIx);
index_type!(TopicIx);
index_type!(BriefingIx);
index_type!(MeetingIx);
index_type!(PositionIx);
index_type!(QuoteIx);

/// The whole resolved dossier.
#[derive(Debug, Clone, PartialEq)]
pub struct Dossier {
    pub config: Config,
    /// Newest first (by date, then slug).
    pub briefings: Vec<Briefing>,
    /// Sorted by id.
    pub actors: Vec<Actor>,
    /// Sorted by id.
    pub topics: Vec<Topic>,
    /// Oldest first (by date, then id).
    pub meetings: Vec<Meeting>,
    /// By actor, topic and date.
    pub positions: Vec<Position>,
    /// Oldest first.
    pub quotes: Vec<Quote>,
    /// Draft briefings left out (built only with `--drafts`).
    pub drafts_left_out: Vec<PathBuf>,
    /// In a translated site, which texts are in which language, and the dossier in
    /// each further language; empty in a site in one language.
    pub languages: Languages,
}

impl Dossier {
    pub fn actor(&self, ix: ActorIx) -> &Actor {
        &self.actors[ix.get()]
    }
    pub fn topic(&self, ix: TopicIx) -> &Topic {
        &self.topics[ix.get()]
    }
    pub fn briefing(&self, ix: BriefingIx) -> &Briefing {
        &self.briefings[ix.get()]
    }
    pub fn meeting(&self, ix: MeetingIx) -> &Meeting {
        &self.meetings[ix.get()]
    }
    pub fn position(&self, ix: PositionIx) -> &Position {
        &self.positions[ix.get()]
    }
    pub fn quote(&self, ix: QuoteIx) -> &Quote {
        &self.quotes[ix.get()]
    }
}

/// One briefing.
#[derive(Debug, Clone, PartialEq)]
pub struct Briefing {
    pub slug: String,
    pub title: String,
    pub date: Date,
    /// Plain text; may be empty.
    pub summary: String,
    pub body_html: Arc<str>,
    pub draft: bool,
    /// The file, relative to the site root.
    pub path: PathBuf,
    pub topics: Vec<TopicIx>,
    pub sources: Vec<Source>,
    /// Oldest first.
    pub meetings: Vec<MeetingIx>,
    pub positions: Vec<PositionIx>,
    pub quotes: Vec<QuoteIx>,
    /// Every actor the briefing involves or links to, sorted by name.
    pub actors: Vec<ActorIx>,
}

/// A source cited by a briefing; `id` is local to the briefing.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// An http(s) or mailto address, or empty.
    pub url: String,
}

/// A source as cited from elsewhere: the briefing and the index of the source in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRef {
    pub briefing: BriefingIx,
    pub index: usize,
}

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    State,
    Delegation,
    Group,
    /// Created from a reference with no actor file.
    Unknown,
}

impl ActorKind {
    /// Every kind an author may write.
    pub const WRITTEN: [(&'static str, ActorKind); 5] = [
        ("person", ActorKind::Person),
        ("organization", ActorKind::Organization),
        ("state", ActorKind::State),
        ("delegation", ActorKind::Delegation),
        ("group", ActorKind::Group),
    ];

    /// The kind as written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::State => "state",
            ActorKind::Delegation => "delegation",
            ActorKind::Group => "group",
            ActorKind::Unknown => "unknown",
        }
    }
}

/// A person, state, organization, delegation or group.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub role: String,
    pub affiliation: Option<ActorIx>,
    pub aliases: Vec<String>,
    pub bio_html: Arc<str>,
    /// The actor's own file, when it has one.
    pub path: Option<PathBuf>,
    /// Oldest first.
    pub meetings: Vec<MeetingIx>,
    /// By topic name, then date.
    pub positions: Vec<PositionIx>,
    /// Oldest first.
    pub quotes: Vec<QuoteIx>,
    /// Most meetings first, then by name.
    pub counterparts: Vec<Counterpart>,
    /// Actors affiliated with this one, by name.
    pub members: Vec<ActorIx>,
    /// Newest first.
    pub briefings: Vec<BriefingIx>,
}

/// Another actor met, with the meetings they shared (oldest first).
#[derive(Debug, Clone, PartialEq)]
pub struct Counterpart {
    pub actor: ActorIx,
    pub meetings: Vec<MeetingIx>,
}

/// A subject of negotiation.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub body_html: Arc<str>,
    pub path: Option<PathBuf>,
    /// By actor name, then date.
    pub positions: Vec<PositionIx>,
    /// Oldest first.
    pub meetings: Vec<MeetingIx>,
    /// Newest first.
    pub briefings: Vec<BriefingIx>,
}

/// A meeting between actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub id: String,
    pub title: String,
    pub date: Date,
    pub location: String,
    pub participants: Vec<ActorIx>,
    pub topics: Vec<TopicIx>,
    pub summary_html: String,
    pub outcome_html: String,
    pub source: Option<SourceRef>,
    pub briefing: BriefingIx,
}

/// What an actor holds on a topic, as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    pub actor: ActorIx,
    pub topic: TopicIx,
    /// The stance as written, to tell whether it changed.
    pub stance: String,
    pub stance_html: String,
    pub date: Date,
    pub source: Option<SourceRef>,
    pub briefing: BriefingIx,
    /// True when the stance differs from the actor's previous stance on the topic
    /// (or `change: changed` says so).
    pub changed: bool,
    /// True when the actor held a stance on the topic before and this one restates it
    /// (the same text, or `change: restated`).
    pub restated: bool,
    /// `change:` as written: `Some(true)` for changed, `Some(false)` for restated.
    pub written_change: Option<bool>,
}

/// Words an actor said.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub actor: ActorIx,
    pub text: String,
    pub date: Date,
    pub source: Option<SourceRef>,
    pub briefing: BriefingIx,
}
