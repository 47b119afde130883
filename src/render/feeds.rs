//! The Atom feeds of each actor and topic (`actors/<id>/feed.xml`, `topics/<id>/feed.xml`):
//! the briefings that involve them, newest first, through the same `feed.xml`
//! template as the site's feed.
//!
//! Nothing here writes to disk; the views are made here, not shared with the pages.

use serde::Serialize;

use super::Templates;
use super::pages::{PageView, SiteView};
use super::views::{actor_url, briefing_url, public_url, topic_url};
use crate::model::{BriefingIx, Dossier};

/// How many briefings each feed carries, as the site's own feed.
const FEED_ENTRIES: usize = 50;

/// Whose feed: an actor's or a topic's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Actor(usize),
    Topic(usize),
}

impl Subject {
    /// The feed's path, relative to the output root.
    pub fn path(self, dossier: &Dossier) -> String {
        match self {
            Subject::Actor(at) => format!("actors/{}/feed.xml", dossier.actors[at].id),
            Subject::Topic(at) => format!("topics/{}/feed.xml", dossier.topics[at].id),
        }
    }

    /// The subject of the feed at `path`, if there is one there.
    pub fn at(dossier: &Dossier, path: &str) -> Option<Subject> {
        let rest = path.strip_suffix("/feed.xml")?;
        if let Some(id) = rest.strip_prefix("actors/") {
            let at = dossier
                .actors
                .binary_search_by(|a| a.id.as_str().cmp(id))
                .ok()?;
            return Some(Subject::Actor(at));
        }
        let id = rest.strip_prefix("topics/")?;
        let at = dossier
            .topics
            .binary_search_by(|t| t.id.as_str().cmp(id))
            .ok()?;
        Some(Subject::Topic(at))
    }

    /// Every actor's and every topic's feed.
    pub fn all(dossier: &Dossier) -> impl Iterator<Item = Subject> {
        (0..dossier.actors.len())
            .map(Subject::Actor)
            .chain((0..dossier.topics.len()).map(Subject::Topic))
    }
}

#[derive(Serialize)]
struct FeedView {
    title: String,
    id: String,
    alternate: String,
}

#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    url: String,
    id: String,
    date: String,
    summary: &'a str,
}

/// How a feed links to the file at `path`: by its public address, or, without a
/// `base_url`, relative to the feed at `root` (a relative address in a feed resolves
/// against the feed's own).
pub(super) fn feed_link(base_url: &str, root: &str, path: &str) -> String {
    if base_url.is_empty() {
        format!("{root}{path}")
    } else {
        public_url(base_url, path)
    }
}

/// An Atom id is an absolute IRI: the public address when there is a `base_url`, a
/// URN made of the site's title and the path otherwise, stable from build to build.
pub(super) fn atom_id(dossier: &Dossier, path: &str) -> String {
    let base_url = &dossier.config.base_url;
    if base_url.is_empty() {
        let site = crate::model::slugify(&dossier.config.title);
        format!("urn:dossier:{site}:{path}")
    } else {
        public_url(base_url, path)
    }
}

/// Renders the feed of `subject` into `out`.
pub fn render(
    dossier: &Dossier,
    templates: &Templates,
    subject: Subject,
    out: &mut Vec<u8>,
) -> anyhow::Result<()> {
    let config = &dossier.config;
    let path = subject.path(dossier);
    let root = "../../";
    let (name, page, briefings): (&str, String, &[BriefingIx]) = match subject {
        Subject::Actor(at) => {
            let actor = &dossier.actors[at];
            (&actor.name, actor_url(&actor.id), &actor.briefings)
        }
        Subject::Topic(at) => {
            let topic = &dossier.topics[at];
            (&topic.name, topic_url(&topic.id), &topic.briefings)
        }
    };
    let base_url = config.base_url.as_str();
    let entries: Vec<Entry<'_>> = briefings
        .iter()
        .take(FEED_ENTRIES)
        .map(|&ix| {
            let b = dossier.briefing(ix);
            let url = briefing_url(&b.slug);
            Entry {
                title: &b.title,
                url: feed_link(base_url, root, &url),
                id: atom_id(dossier, &url),
                date: b.date.rfc3339(),
                summary: &b.summary,
            }
        })
        .collect();
    let updated = briefings
        .iter()
        .map(|&ix| dossier.briefing(ix).date)
        .max()
        .map(|date| date.rfc3339())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let title = format!("{} · {}", name, config.title);
    let mut context = tera::Context::new();
    context.insert(
        "site",
        &SiteView {
            title: &config.title,
            description: &config.description,
            language: &config.language,
            direction: config.interface.direction(),
            base_url,
            // A feed links no stylesheet.
            extra_css: false,
        },
    );
    context.insert("root", root);
    context.insert(
        "page",
        &PageView {
            kind: "feed",
            title: &title,
            url: &path,
            canonical: public_url(base_url, &path),
        },
    );
    context.insert(
        "feed",
        &FeedView {
            id: atom_id(dossier, &path),
            alternate: feed_link(base_url, root, &page),
            title,
        },
    );
    context.insert("updated", &updated);
    context.insert("entries", &entries);
    templates.render("feed.xml", &context, &path, out)
}
