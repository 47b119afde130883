//! The typed front matter of each kind of file, exactly as authors write it.
//!
//! Values stay as written (references are strings, dates are strings); checking and
//! resolving them is the model's work.

use serde::Deserialize;

/// The front matter of a briefing (`content/briefings/**/*.md`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct BriefingFront {
    pub title: Option<String>,
    pub date: Option<String>,
    pub summary: Option<String>,
    pub slug: Option<String>,
    pub draft: bool,
    pub topics: Vec<String>,
    pub sources: Vec<SourceFront>,
    pub meetings: Vec<MeetingFront>,
    pub positions: Vec<PositionFront>,
    pub quotes: Vec<QuoteFront>,
}

/// A source cited by a briefing.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct SourceFront {
    pub id: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// A meeting described by a briefing.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct MeetingFront {
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub location: Option<String>,
    pub participants: Vec<String>,
    pub topics: Vec<String>,
    pub summary: Option<String>,
    pub outcome: Option<String>,
    pub source: Option<String>,
}

/// A position reported by a briefing.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PositionFront {
    pub actor: Option<String>,
    pub topic: Option<String>,
    pub stance: Option<String>,
    pub date: Option<String>,
    /// `restated` or `changed`; by default, whether the text differs from the last.
    pub change: Option<String>,
    pub source: Option<String>,
}

/// A quote reported by a briefing.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct QuoteFront {
    pub actor: Option<String>,
    pub text: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// The front matter of an actor file (`content/actors/<id>.md`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ActorFront {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
}

/// The front matter of a topic file (`content/topics/<id>.md`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct TopicFront {
    pub name: Option<String>,
    pub aliases: Vec<String>,
}

/// The keys each kind of mapping accepts, used to warn about typos.
pub mod keys {
    pub const BRIEFING: &[&str] = &[
        "title",
        "date",
        "summary",
        "slug",
        "draft",
        "topics",
        "sources",
        "meetings",
        "positions",
        "quotes",
    ];
    pub const SOURCE: &[&str] = &["id", "title", "publisher", "url"];
    pub const MEETING: &[&str] = &[
        "id",
        "title",
        "date",
        "location",
        "participants",
        "topics",
        "summary",
        "outcome",
        "source",
    ];
    pub const POSITION: &[&str] = &["actor", "topic", "stance", "date", "change", "source"];
    pub const QUOTE: &[&str] = &["actor", "text", "date", "source"];
    pub const ACTOR: &[&str] = &["name", "kind", "role", "affiliation", "aliases"];
    pub const TOPIC: &[&str] = &["name", "aliases"];
}
