//! One function per kind of page: it gathers the views that page's template receives
//! (listed in docs/templates.md) and renders it.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};

use serde::Serialize;
use tera::{Context, Value};

use super::digest::ViewDigests;
use super::feeds::{atom_id, feed_link};
use super::network::network_view;
use super::search;
use super::views::*;
use super::{RenderSettings, Templates};

mod items;
mod listed;
mod lists;
mod paged;

use crate::model::*;
use items::{actor_view, briefing_view, topic_view};
use listed::list_page;
use lists::{matrix, topic_list};
pub use paged::List;

/// How many briefings, meetings and actors the front page shows.
const FRONT_BRIEFINGS: usize = 10;
const FRONT_MEETINGS: usize = 8;
const FRONT_ACTORS: usize = 12;
/// How many briefings the feed carries.
const FEED_ENTRIES: usize = 50;

/// One page to render.
#[derive(Debug, Clone, Copy)]
pub enum Job {
    Index,
    /// Page `n` (from 1) of a list split into pages.
    List(List, u32),
    Briefing(BriefingIx),
    Actor(ActorIx),
    Topics,
    Topic(TopicIx),
    Meeting(MeetingIx),
    Positions,
    Network,
    Search,
    NotFound,
    Feed,
    Sitemap,
}

impl Job {
    /// The page's output path, relative to the site root.
    pub fn path(&self, dossier: &Dossier) -> String {
        match *self {
            Job::Index => "index.html".into(),
            Job::List(list, n) => paged::page_path(&list.folder(dossier), n as usize),
            Job::Briefing(ix) => briefing_url(&dossier.briefing(ix).slug),
            Job::Actor(ix) => actor_url(&dossier.actor(ix).id),
            Job::Topics => "topics/index.html".into(),
            Job::Topic(ix) => topic_url(&dossier.topic(ix).id),
            Job::Meeting(ix) => meeting_url(&dossier.meeting(ix).id),
            Job::Positions => "positions/index.html".into(),
            Job::Network => "network/index.html".into(),
            Job::Search => "search/index.html".into(),
            Job::NotFound => "404.html".into(),
            Job::Feed => "feed.xml".into(),
            Job::Sitemap => "sitemap.xml".into(),
        }
    }

    fn template(&self) -> &'static str {
        match self {
            Job::Index => "index.html",
            Job::List(list, _) => list.template(),
            Job::Briefing(_) => "briefing.html",
            Job::Actor(_) => "actor.html",
            Job::Topics => "topics.html",
            Job::Topic(_) => "topic.html",
            Job::Meeting(_) => "meeting.html",
            Job::Positions => "positions.html",
            Job::Network => "network.html",
            Job::Search => "search.html",
            Job::NotFound => "404.html",
            Job::Feed => "feed.xml",
            Job::Sitemap => "sitemap.xml",
        }
    }

    /// What kind of page it is: its template's name without the extension, or for the
    /// full lists of an actor or topic, `actor-` or `topic-` and the list's template.
    fn kind(&self) -> &'static str {
        match self {
            Job::List(List::ActorMeetings(_), _) => "actor-meetings",
            Job::List(List::ActorBriefings(_), _) => "actor-briefings",
            Job::List(List::ActorQuotes(_), _) => "actor-quotes",
            Job::List(List::ActorPositions(_), _) => "actor-positions",
            Job::List(List::ActorCounterparts(_), _) => "actor-counterparts",
            Job::List(List::ActorMembers(_), _) => "actor-members",
            Job::List(List::TopicMeetings(_), _) => "topic-meetings",
            Job::List(List::TopicBriefings(_), _) => "topic-briefings",
            Job::List(List::TopicPositions(_), _) => "topic-positions",
            _ => self
                .template()
                .trim_end_matches(".html")
                .trim_end_matches(".xml"),
        }
    }

    /// True for pages that belong in the sitemap.
    fn is_page(&self) -> bool {
        !matches!(self, Job::NotFound | Job::Feed | Job::Sitemap)
    }
}

/// Every page of the dossier, in a stable order.
pub fn jobs(dossier: &Dossier) -> Vec<Job> {
    let d = dossier;
    let pages = |list: List| (1..=list.pages(d) as u32).map(move |n| Job::List(list, n));
    let mut jobs = vec![Job::Index];
    jobs.extend(pages(List::Briefings));
    jobs.extend(pages(List::Actors));
    jobs.push(Job::Topics);
    jobs.extend(pages(List::Meetings));
    jobs.extend([Job::Positions, Job::Network, Job::Search]);
    jobs.extend((0..d.briefings.len()).map(|i| Job::Briefing(BriefingIx(i as u32))));
    for i in 0..d.actors.len() {
        let ix = ActorIx(i as u32);
        jobs.push(Job::Actor(ix));
        jobs.extend(List::of_actor(d, ix).into_iter().flat_map(pages));
    }
    for i in 0..d.topics.len() {
        let ix = TopicIx(i as u32);
        jobs.push(Job::Topic(ix));
        jobs.extend(List::of_topic(d, ix).into_iter().flat_map(pages));
    }
    jobs.extend((0..dossier.meetings.len()).map(|i| Job::Meeting(MeetingIx(i as u32))));
    jobs.extend([Job::NotFound, Job::Feed]);
    // A sitemap lists absolute addresses only: without a base_url there is none.
    if !d.config.base_url.is_empty() {
        jobs.push(Job::Sitemap);
    }
    jobs
}

/// The `site` every template sees (pages and the feeds of actors and topics).
#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) language: &'a str,
    /// `ltr`, or `rtl` for a language written right to left.
    pub(super) direction: &'a str,
    pub(super) base_url: &'a str,
    /// The site has a stylesheet of its own ([`super::EXTRA_CSS`]), linked after the
    /// default one.
    pub(super) extra_css: bool,
}

/// The `page` every template sees: its kind, title, address and canonical URL.
#[derive(Serialize)]
pub(super) struct PageView<'a> {
    pub(super) kind: &'a str,
    pub(super) title: &'a str,
    pub(super) url: &'a str,
    pub(super) canonical: String,
}

#[derive(Serialize)]
struct DevView<'a> {
    live_reload: &'a str,
}

/// What one page's template receives, or only a digest of it: two pages with the
/// same digest render to the same text with the same templates.
pub struct PageContext<'k> {
    /// `None` when only the digest is gathered.
    context: Option<Context>,
    /// The digest so far, and the digests of the shared views it may meet; `None` when
    /// only the context is gathered, or when a value could not be digested.
    digest: Option<(DefaultHasher, &'k ViewDigests)>,
}

impl<'k> PageContext<'k> {
    /// Everything a template receives, for rendering.
    fn full() -> Self {
        PageContext {
            context: Some(Context::new()),
            digest: None,
        }
    }

    /// Only the digest: far cheaper than the context, since the views shared by many
    /// pages count by their digest, made once per render.
    fn digest_only(known: &'k ViewDigests) -> Self {
        PageContext {
            context: None,
            digest: Some((DefaultHasher::new(), known)),
        }
    }

    /// Puts `value` in the context as `key`, or into the digest.
    fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        if let Some((hasher, known)) = &mut self.digest {
            match Value::try_from_serializable(value) {
                Ok(value) => {
                    hasher.write(key.as_bytes());
                    hasher.write_u8(0xff);
                    known.write(&value, hasher);
                }
                Err(_) => self.digest = None,
            }
        }
        if let Some(context) = &mut self.context {
            context.insert(key, value);
        }
    }

    /// The digest of everything inserted, when it was asked for and every value could
    /// be digested.
    pub fn digest(&self) -> Option<u64> {
        self.digest.as_ref().map(|(hasher, _)| hasher.finish())
    }
}

/// Everything shared by the pages of one render.
pub struct Site<'a> {
    dossier: &'a Dossier,
    templates: &'a Templates,
    /// The search index: made on first use, since a page rendered alone (`dossier
    /// serve`) rarely needs it.
    search: std::sync::OnceLock<Result<search::Index, String>>,
    /// Views shown on many pages, made once; none to render a few pages alone, for
    /// which they cost more than they save (and pages have no digest then).
    shared: Option<Shared>,
    /// What every page receives as `site` and `dev`, made once.
    site_view: Value,
    dev_view: Value,
}

impl<'a> Site<'a> {
    pub fn new(
        dossier: &'a Dossier,
        templates: &'a Templates,
        settings: &'a RenderSettings,
        extra_css: bool,
        shared: Option<Shared>,
    ) -> Self {
        let config = &dossier.config;
        let site_view = Value::from_serializable(&SiteView {
            title: &config.title,
            description: &config.description,
            language: &config.language,
            direction: config.interface.direction(),
            base_url: &config.base_url,
            extra_css,
        });
        let dev_view = Value::from_serializable(&DevView {
            live_reload: &settings.live_reload,
        });
        Site {
            dossier,
            templates,
            search: std::sync::OnceLock::new(),
            shared,
            site_view,
            dev_view,
        }
    }

    /// The files of the search index.
    pub fn search_index(&self) -> anyhow::Result<&search::Index> {
        let index = self
            .search
            .get_or_init(|| search::Index::build(self.dossier).map_err(|e| format!("{e:#}")));
        index
            .as_ref()
            .map_err(|e| anyhow::anyhow!("cannot make the search index: {e}"))
    }

    /// Renders one page into `out`; its output path.
    pub fn render(&self, job: &Job, jobs: &[Job], out: &mut Vec<u8>) -> anyhow::Result<String> {
        let (path, context) = self.gather(job, jobs, PageContext::full());
        let context = context.context.unwrap_or_default();
        self.templates
            .render(job.template(), &context, &path, out)?;
        Ok(path)
    }

    /// One page's output path and the digest of everything its template receives,
    /// when every value could be digested.
    pub fn digest(&self, job: &Job, jobs: &[Job]) -> (String, Option<u64>) {
        let Some(shared) = &self.shared else {
            return (job.path(self.dossier), None);
        };
        let (path, context) = self.gather(job, jobs, PageContext::digest_only(shared.known()));
        (path, context.digest())
    }

    /// One page's output path and everything its template receives, gathered into
    /// `context`.
    fn gather<'k>(
        &self,
        job: &Job,
        jobs: &[Job],
        mut context: PageContext<'k>,
    ) -> (String, PageContext<'k>) {
        let d = self.dossier;
        let path = job.path(d);
        let root = match job {
            Job::NotFound => not_found_root(&d.config.base_url),
            _ => "../".repeat(path.matches('/').count()),
        };
        let v = Views {
            dossier: d,
            root: &root,
            shared: self.shared.as_ref(),
        };
        let ui = &d.config.interface;
        let title: String = match *job {
            Job::Index => {
                self.index(&v, &mut context);
                d.config.title.clone()
            }
            Job::List(list, n) => {
                let (view, groups) = list_page(&v, &list, n as usize);
                context.insert("groups", &groups);
                let title = match n {
                    1 => view.title().to_string(),
                    n => ui.text(
                        "page.of_pages",
                        &[
                            ("title", view.title()),
                            ("page", &n.to_string()),
                            ("pages", &list.pages(d).to_string()),
                        ],
                    ),
                };
                context.insert("list", &view);
                title
            }
            Job::Briefing(ix) => {
                context.insert("briefing", &briefing_view(&v, ix));
                d.briefing(ix).title.clone()
            }
            Job::Actor(ix) => {
                context.insert("actor", &actor_view(&v, ix));
                d.actor(ix).name.clone()
            }
            Job::Topics => {
                context.insert("topics", &topic_list(&v));
                ui.text("nav.topics", &[])
            }
            Job::Topic(ix) => {
                context.insert("topic", &topic_view(&v, ix));
                d.topic(ix).name.clone()
            }
            Job::Meeting(ix) => {
                context.insert("meeting", &v.meeting_value(ix));
                d.meeting(ix).title.clone()
            }
            Job::Positions => {
                let matrix = matrix(&v);
                context.insert("topics", &matrix.topics);
                context.insert("rows", &matrix.rows);
                context.insert("total_actors", &matrix.total_actors);
                context.insert("total_topics", &matrix.total_topics);
                ui.text("nav.positions", &[])
            }
            Job::Network => {
                context.insert("network", &network_view(&v));
                ui.text("nav.network", &[])
            }
            Job::Search => ui.text("page.search_page", &[]),
            Job::NotFound => ui.text("page.not_found", &[]),
            Job::Feed => {
                self.feed(&mut context);
                d.config.title.clone()
            }
            Job::Sitemap => {
                self.sitemap(&mut context, jobs);
                String::new()
            }
        };
        context.insert("site", &self.site_view);
        context.insert("root", &root);
        // A translated site's links between languages, and its note on a page shown
        // in the default language (render/languages.rs).
        context.insert("languages", &super::languages::view(d, job, &path, &root));
        let kind = job.kind();
        context.insert(
            "page",
            &PageView {
                kind,
                title: &title,
                url: &path,
                canonical: public_url(&d.config.base_url, &path),
            },
        );
        context.insert("dev", &self.dev_view);
        (path, context)
    }

    fn index(&self, v: &Views<'a>, context: &mut PageContext) {
        let d = self.dossier;
        let counts: BTreeMap<&str, usize> = [
            ("briefings", d.briefings.len()),
            ("actors", d.actors.len()),
            ("topics", d.topics.len()),
            ("meetings", d.meetings.len()),
            ("positions", d.positions.len()),
            ("quotes", d.quotes.len()),
        ]
        .into_iter()
        .collect();
        context.insert("counts", &counts);
        let latest: Vec<BriefingIx> = (0..d.briefings.len().min(FRONT_BRIEFINGS))
            .map(|i| BriefingIx(i as u32))
            .collect();
        context.insert("latest_briefings", &v.briefings(&latest));
        let recent: Vec<MeetingIx> = (0..d.meetings.len())
            .rev()
            .take(FRONT_MEETINGS)
            .map(|i| MeetingIx(i as u32))
            .collect();
        context.insert("recent_meetings", &v.meetings(&recent));
        let mut main: Vec<(ActorIx, &Actor)> = d
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.meetings.is_empty() || !a.positions.is_empty())
            .map(|(i, a)| (ActorIx(i as u32), a))
            .collect();
        main.sort_by(|(_, a), (_, b)| {
            (b.meetings.len() + b.positions.len())
                .cmp(&(a.meetings.len() + a.positions.len()))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        #[derive(Serialize)]
        struct MainActor {
            actor: Value,
            meetings: usize,
            positions: usize,
        }
        let main: Vec<MainActor> = main
            .into_iter()
            .take(FRONT_ACTORS)
            .map(|(ix, a)| MainActor {
                actor: v.actor_value(ix),
                meetings: a.meetings.len(),
                positions: a.positions.len(),
            })
            .collect();
        context.insert("main_actors", &main);
    }

    fn feed(&self, context: &mut PageContext) {
        let d = self.dossier;
        #[derive(Serialize)]
        struct Entry<'a> {
            title: &'a str,
            url: String,
            id: String,
            date: String,
            summary: &'a str,
        }
        let entries: Vec<Entry<'_>> = d
            .briefings
            .iter()
            .take(FEED_ENTRIES)
            .map(|b| Entry {
                title: &b.title,
                url: feed_link(&d.config.base_url, "", &briefing_url(&b.slug)),
                id: atom_id(d, &briefing_url(&b.slug)),
                date: b.date.rfc3339(),
                summary: &b.summary,
            })
            .collect();
        let updated = d
            .briefings
            .iter()
            .map(|b| b.date)
            .max()
            .map(|date| date.rfc3339())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
        context.insert("updated", &updated);
        context.insert("entries", &entries);
    }

    fn sitemap(&self, context: &mut PageContext, jobs: &[Job]) {
        let d = self.dossier;
        #[derive(Serialize)]
        struct Url {
            loc: String,
            lastmod: String,
        }
        let last = d
            .briefings
            .first()
            .map(|b| b.date.iso())
            .unwrap_or_default();
        let urls: Vec<Url> = jobs
            .iter()
            .filter(|job| job.is_page())
            .map(|job| {
                let path = job.path(d);
                let lastmod = match *job {
                    Job::Briefing(ix) => d.briefing(ix).date.iso(),
                    Job::Meeting(ix) => d.meeting(ix).date.iso(),
                    _ => last.clone(),
                };
                let loc = public_url(&d.config.base_url, &path);
                Url { loc, lastmod }
            })
            .collect();
        context.insert("urls", &urls);
    }
}

/// A site's 404 page is served at any address, so its links start from the site's path.
fn not_found_root(base_url: &str) -> String {
    let path = base_url
        .split_once("://")
        .map(|(_, rest)| rest)
        .and_then(|rest| rest.find('/').map(|at| &rest[at..]));
    match path {
        Some(path) => format!("{}/", path.trim_end_matches('/')),
        None => "/".to_string(),
    }
}
