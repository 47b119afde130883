//! One function per kind of page: it gathers the views that page's template receives
//! (listed in docs/templates.md) and renders it.

use std::collections::BTreeMap;
use std::hash::Hasher;

use serde::Serialize;
use tera::Context;

use super::views::*;
use super::{RenderSettings, Templates};
use crate::model::*;

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
    Briefings,
    Briefing(BriefingIx),
    Actors,
    Actor(ActorIx),
    Topics,
    Topic(TopicIx),
    Meetings,
    Meeting(MeetingIx),
    Positions,
    NotFound,
    Feed,
    Sitemap,
}

impl Job {
    /// The page's output path, relative to the site root.
    fn path(&self, dossier: &Dossier) -> String {
        match *self {
            Job::Index => "index.html".into(),
            Job::Briefings => "briefings/index.html".into(),
            Job::Briefing(ix) => briefing_url(&dossier.briefing(ix).slug),
            Job::Actors => "actors/index.html".into(),
            Job::Actor(ix) => actor_url(&dossier.actor(ix).id),
            Job::Topics => "topics/index.html".into(),
            Job::Topic(ix) => topic_url(&dossier.topic(ix).id),
            Job::Meetings => "meetings/index.html".into(),
            Job::Meeting(ix) => meeting_url(&dossier.meeting(ix).id),
            Job::Positions => "positions/index.html".into(),
            Job::NotFound => "404.html".into(),
            Job::Feed => "feed.xml".into(),
            Job::Sitemap => "sitemap.xml".into(),
        }
    }

    fn template(&self) -> &'static str {
        match self {
            Job::Index => "index.html",
            Job::Briefings => "briefings.html",
            Job::Briefing(_) => "briefing.html",
            Job::Actors => "actors.html",
            Job::Actor(_) => "actor.html",
            Job::Topics => "topics.html",
            Job::Topic(_) => "topic.html",
            Job::Meetings => "meetings.html",
            Job::Meeting(_) => "meeting.html",
            Job::Positions => "positions.html",
            Job::NotFound => "404.html",
            Job::Feed => "feed.xml",
            Job::Sitemap => "sitemap.xml",
        }
    }

    /// True for pages that belong in the sitemap.
    fn is_page(&self) -> bool {
        !matches!(self, Job::NotFound | Job::Feed | Job::Sitemap)
    }
}

/// Every page of the dossier, in a stable order.
pub fn jobs(dossier: &Dossier) -> Vec<Job> {
    let mut jobs = vec![
        Job::Index,
        Job::Briefings,
        Job::Actors,
        Job::Topics,
        Job::Meetings,
        Job::Positions,
    ];
    jobs.extend((0..dossier.briefings.len()).map(|i| Job::Briefing(BriefingIx(i as u32))));
    jobs.extend((0..dossier.actors.len()).map(|i| Job::Actor(ActorIx(i as u32))));
    jobs.extend((0..dossier.topics.len()).map(|i| Job::Topic(TopicIx(i as u32))));
    jobs.extend((0..dossier.meetings.len()).map(|i| Job::Meeting(MeetingIx(i as u32))));
    jobs.extend([Job::NotFound, Job::Feed, Job::Sitemap]);
    jobs
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
}

#[derive(Serialize)]
struct PageView<'a> {
    kind: &'a str,
    title: &'a str,
    url: &'a str,
    canonical: String,
}

#[derive(Serialize)]
struct DevView<'a> {
    live_reload: &'a str,
}

/// What one page's template receives, or only a digest of it: two pages with the
/// same digest render to the same text with the same templates.
pub struct PageContext {
    /// `None` when only the digest is gathered.
    context: Option<Context>,
    /// `None` when only the context is gathered, or when a value could not be digested.
    digest: Option<std::collections::hash_map::DefaultHasher>,
}

impl PageContext {
    /// Everything a template receives, for rendering.
    fn full() -> Self {
        PageContext {
            context: Some(Context::new()),
            digest: None,
        }
    }

    /// Only the digest: far cheaper than the context, which holds a copy of every value.
    fn digest_only() -> Self {
        PageContext {
            context: None,
            digest: Some(Default::default()),
        }
    }

    /// Puts `value` in the context as `key`, or into the digest as JSON, which names
    /// every value in a stable order (the views use sorted maps).
    fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        if let Some(hasher) = &mut self.digest {
            hasher.write(key.as_bytes());
            hasher.write_u8(0xff);
            if serde_json::to_writer(HashWriter(hasher), value).is_err() {
                self.digest = None;
            }
        }
        if let Some(context) = &mut self.context {
            context.insert(key, value);
        }
    }

    /// The digest of everything inserted, when it was asked for and every value could
    /// be written as JSON.
    pub fn digest(&self) -> Option<u64> {
        self.digest.as_ref().map(Hasher::finish)
    }
}

/// Feeds what is written into a hasher.
struct HashWriter<'a, H: Hasher>(&'a mut H);

impl<H: Hasher> std::io::Write for HashWriter<'_, H> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Everything shared by the pages of one render.
pub struct Site<'a> {
    dossier: &'a Dossier,
    templates: &'a Templates,
    settings: &'a RenderSettings,
}

impl<'a> Site<'a> {
    pub fn new(
        dossier: &'a Dossier,
        templates: &'a Templates,
        settings: &'a RenderSettings,
    ) -> Self {
        Site {
            dossier,
            templates,
            settings,
        }
    }

    /// Renders one page: its output path and text.
    pub fn render(&self, job: &Job, jobs: &[Job]) -> anyhow::Result<(String, String)> {
        let (path, context) = self.gather(job, jobs, PageContext::full());
        let context = context.context.unwrap_or_default();
        let text = self.templates.render(job.template(), &context, &path)?;
        Ok((path, text))
    }

    /// One page's output path and the digest of everything its template receives,
    /// when every value could be digested.
    pub fn digest(&self, job: &Job, jobs: &[Job]) -> (String, Option<u64>) {
        let (path, context) = self.gather(job, jobs, PageContext::digest_only());
        (path, context.digest())
    }

    /// One page's output path and everything its template receives, gathered into
    /// `context`.
    fn gather(&self, job: &Job, jobs: &[Job], mut context: PageContext) -> (String, PageContext) {
        let d = self.dossier;
        let path = job.path(d);
        let root = match job {
            Job::NotFound => not_found_root(&d.config.base_url),
            _ => "../".repeat(path.matches('/').count()),
        };
        let v = Views {
            dossier: d,
            root: &root,
        };
        let title: String = match *job {
            Job::Index => {
                self.index(&v, &mut context);
                d.config.title.clone()
            }
            Job::Briefings => {
                context.insert("years", &years(&v));
                "Briefings".into()
            }
            Job::Briefing(ix) => {
                context.insert("briefing", &briefing_view(&v, ix));
                d.briefing(ix).title.clone()
            }
            Job::Actors => {
                context.insert("groups", &actor_groups(&v));
                "Actors".into()
            }
            Job::Actor(ix) => {
                context.insert("actor", &actor_view(&v, ix));
                d.actor(ix).name.clone()
            }
            Job::Topics => {
                context.insert("topics", &topic_list(&v));
                "Topics".into()
            }
            Job::Topic(ix) => {
                context.insert("topic", &topic_view(&v, ix));
                d.topic(ix).name.clone()
            }
            Job::Meetings => {
                context.insert("months", &months(&v));
                "Meetings".into()
            }
            Job::Meeting(ix) => {
                context.insert("meeting", &v.meeting(ix));
                d.meeting(ix).title.clone()
            }
            Job::Positions => {
                let (topics, rows) = matrix(&v);
                context.insert("topics", &topics);
                context.insert("rows", &rows);
                "Positions".into()
            }
            Job::NotFound => "Page not found".into(),
            Job::Feed => {
                self.feed(&mut context);
                d.config.title.clone()
            }
            Job::Sitemap => {
                self.sitemap(&mut context, jobs);
                String::new()
            }
        };
        let site = SiteView {
            title: &d.config.title,
            description: &d.config.description,
            language: &d.config.language,
            base_url: &d.config.base_url,
        };
        context.insert("site", &site);
        context.insert("root", &root);
        let kind = job
            .template()
            .trim_end_matches(".html")
            .trim_end_matches(".xml");
        context.insert(
            "page",
            &PageView {
                kind,
                title: &title,
                url: &path,
                canonical: absolute(&d.config.base_url, &path),
            },
        );
        context.insert(
            "dev",
            &DevView {
                live_reload: &self.settings.live_reload,
            },
        );
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
        let mut main: Vec<&Actor> = d
            .actors
            .iter()
            .filter(|a| !a.meetings.is_empty() || !a.positions.is_empty())
            .collect();
        main.sort_by(|a, b| {
            (b.meetings.len() + b.positions.len())
                .cmp(&(a.meetings.len() + a.positions.len()))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        #[derive(Serialize)]
        struct MainActor<'a> {
            actor: ActorRef<'a>,
            meetings: usize,
            positions: usize,
        }
        let main: Vec<MainActor<'_>> = main
            .into_iter()
            .take(FRONT_ACTORS)
            .map(|a| MainActor {
                actor: ActorRef {
                    id: &a.id,
                    name: &a.name,
                    url: actor_url(&a.id),
                    kind: a.kind.as_str(),
                    role: &a.role,
                },
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
            date: String,
            summary: &'a str,
        }
        let entries: Vec<Entry<'_>> = d
            .briefings
            .iter()
            .take(FEED_ENTRIES)
            .map(|b| Entry {
                title: &b.title,
                url: absolute_or_relative(&d.config.base_url, &briefing_url(&b.slug)),
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
                let loc = absolute_or_relative(
                    &d.config.base_url,
                    path.strip_suffix("index.html").unwrap_or(&path),
                );
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

fn absolute(base_url: &str, path: &str) -> String {
    if base_url.is_empty() {
        String::new()
    } else {
        format!("{base_url}/{path}")
    }
}

fn absolute_or_relative(base_url: &str, path: &str) -> String {
    if base_url.is_empty() {
        path.to_string()
    } else {
        format!("{base_url}/{path}")
    }
}

#[derive(Serialize)]
struct Year<'a> {
    year: i16,
    briefings: Vec<BriefingRef<'a>>,
}

fn years<'a>(v: &Views<'a>) -> Vec<Year<'a>> {
    let mut years: Vec<Year<'a>> = Vec::new();
    for (i, b) in v.dossier.briefings.iter().enumerate() {
        let view = v.briefing(BriefingIx(i as u32));
        match years.last_mut() {
            Some(year) if year.year == b.date.day.year() => year.briefings.push(view),
            _ => years.push(Year {
                year: b.date.day.year(),
                briefings: vec![view],
            }),
        }
    }
    years
}

#[derive(Serialize)]
struct BriefingView<'a> {
    slug: &'a str,
    title: &'a str,
    date: String,
    date_display: String,
    summary: &'a str,
    body_html: String,
    topics: Vec<TopicRef<'a>>,
    actors: Vec<ActorRef<'a>>,
    meetings: Vec<MeetingView<'a>>,
    positions: Vec<PositionView<'a>>,
    quotes: Vec<QuoteView<'a>>,
    sources: Vec<SourceView<'a>>,
}

fn briefing_view<'a>(v: &Views<'a>, ix: BriefingIx) -> BriefingView<'a> {
    let b = v.dossier.briefing(ix);
    let mut actors = b.actors.clone();
    actors.sort_by_key(|&a| v.dossier.actor(a).name.to_lowercase());
    BriefingView {
        slug: &b.slug,
        title: &b.title,
        date: b.date.iso(),
        date_display: b.date.display(),
        summary: &b.summary,
        body_html: v.html(&b.body_html),
        topics: v.topics(&b.topics),
        actors: v.actors(&actors),
        meetings: v.meetings(&b.meetings),
        positions: v.positions(&b.positions),
        quotes: v.quotes(&b.quotes),
        sources: (0..b.sources.len()).map(|i| v.source_at(ix, i)).collect(),
    }
}

#[derive(Serialize)]
struct ActorGroup<'a> {
    kind: &'static str,
    label: &'static str,
    affiliations: Vec<AffiliationGroup<'a>>,
}

#[derive(Serialize)]
struct AffiliationGroup<'a> {
    affiliation: Option<ActorRef<'a>>,
    actors: Vec<ActorRef<'a>>,
}

fn actor_groups<'a>(v: &Views<'a>) -> Vec<ActorGroup<'a>> {
    let d = v.dossier;
    let kinds = ActorKind::WRITTEN
        .iter()
        .map(|(_, k)| *k)
        .chain([ActorKind::Unknown]);
    let mut groups = Vec::new();
    for kind in kinds {
        // Affiliated actors first, by affiliation name; unaffiliated last.
        let mut by_affiliation: BTreeMap<(bool, String, Option<ActorIx>), Vec<ActorIx>> =
            BTreeMap::new();
        for (i, actor) in d.actors.iter().enumerate().filter(|(_, a)| a.kind == kind) {
            let key = match actor.affiliation {
                Some(a) => (false, d.actor(a).name.to_lowercase(), Some(a)),
                None => (true, String::new(), None),
            };
            by_affiliation
                .entry(key)
                .or_default()
                .push(ActorIx(i as u32));
        }
        if by_affiliation.is_empty() {
            continue;
        }
        let affiliations = by_affiliation
            .into_iter()
            .map(|((_, _, affiliation), mut actors)| {
                actors.sort_by_key(|&a| d.actor(a).name.to_lowercase());
                AffiliationGroup {
                    affiliation: affiliation.map(|a| v.actor(a)),
                    actors: v.actors(&actors),
                }
            })
            .collect();
        groups.push(ActorGroup {
            kind: kind.as_str(),
            label: kind.plural_label(),
            affiliations,
        });
    }
    groups
}

#[derive(Serialize)]
struct History<'a, K> {
    #[serde(flatten)]
    key: K,
    latest: PositionView<'a>,
    history: Vec<PositionView<'a>>,
}

#[derive(Serialize)]
struct TopicKey<'a> {
    topic: TopicRef<'a>,
}

#[derive(Serialize)]
struct ActorKey<'a> {
    actor: ActorRef<'a>,
}

#[derive(Serialize)]
struct Counted<'a> {
    actor: ActorRef<'a>,
    meetings: usize,
    last_date: String,
    last_date_display: String,
}

#[derive(Serialize)]
struct ActorView<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    role: &'a str,
    aliases: &'a [String],
    affiliation: Option<ActorRef<'a>>,
    bio_html: String,
    meetings: Vec<MeetingView<'a>>,
    topics: Vec<History<'a, TopicKey<'a>>>,
    quotes: Vec<QuoteView<'a>>,
    counterparts: Vec<Counted<'a>>,
    members: Vec<ActorRef<'a>>,
    briefings: Vec<BriefingRef<'a>>,
}

fn actor_view<'a>(v: &Views<'a>, ix: ActorIx) -> ActorView<'a> {
    let a = v.dossier.actor(ix);
    let topics = v
        .histories(&a.positions, |p| p.topic)
        .into_iter()
        .filter_map(|group| {
            let last = *group.last()?;
            Some(History {
                key: TopicKey {
                    topic: v.topic(v.dossier.position(last).topic),
                },
                latest: v.position(last),
                history: v.positions(&group),
            })
        })
        .collect();
    ActorView {
        id: &a.id,
        name: &a.name,
        kind: a.kind.as_str(),
        role: &a.role,
        aliases: &a.aliases,
        affiliation: a.affiliation.map(|p| v.actor(p)),
        bio_html: v.html(&a.bio_html),
        meetings: v.meetings(&a.meetings),
        topics,
        quotes: v.quotes(&a.quotes),
        counterparts: a
            .counterparts
            .iter()
            .map(|c| {
                let last = c.meetings.last().map(|&m| v.dossier.meeting(m).date);
                Counted {
                    actor: v.actor(c.actor),
                    meetings: c.meetings.len(),
                    last_date: last.map(|d| d.iso()).unwrap_or_default(),
                    last_date_display: last.map(|d| d.display()).unwrap_or_default(),
                }
            })
            .collect(),
        members: v.actors(&a.members),
        briefings: v.briefings(&a.briefings),
    }
}

#[derive(Serialize)]
struct TopicSummary<'a> {
    topic: TopicRef<'a>,
    actors: usize,
    positions: usize,
    meetings: usize,
}

fn topic_list<'a>(v: &Views<'a>) -> Vec<TopicSummary<'a>> {
    let mut list: Vec<(String, TopicSummary<'a>)> = v
        .dossier
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut actors: Vec<ActorIx> = t
                .positions
                .iter()
                .map(|&p| v.dossier.position(p).actor)
                .collect();
            actors.sort();
            actors.dedup();
            let summary = TopicSummary {
                topic: v.topic(TopicIx(i as u32)),
                actors: actors.len(),
                positions: t.positions.len(),
                meetings: t.meetings.len(),
            };
            (t.name.to_lowercase(), summary)
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list.into_iter().map(|(_, s)| s).collect()
}

#[derive(Serialize)]
struct TopicView<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    body_html: String,
    positions: Vec<History<'a, ActorKey<'a>>>,
    meetings: Vec<MeetingView<'a>>,
    briefings: Vec<BriefingRef<'a>>,
}

fn topic_view<'a>(v: &Views<'a>, ix: TopicIx) -> TopicView<'a> {
    let t = v.dossier.topic(ix);
    let positions = v
        .histories(&t.positions, |p| p.actor)
        .into_iter()
        .filter_map(|group| {
            let last = *group.last()?;
            Some(History {
                key: ActorKey {
                    actor: v.actor(v.dossier.position(last).actor),
                },
                latest: v.position(last),
                history: v.positions(&group),
            })
        })
        .collect();
    TopicView {
        id: &t.id,
        name: &t.name,
        aliases: &t.aliases,
        body_html: v.html(&t.body_html),
        positions,
        meetings: v.meetings(&t.meetings),
        briefings: v.briefings(&t.briefings),
    }
}

#[derive(Serialize)]
struct Month<'a> {
    label: String,
    meetings: Vec<MeetingView<'a>>,
}

fn months<'a>(v: &Views<'a>) -> Vec<Month<'a>> {
    let mut months: Vec<(jiff::civil::Date, Month<'a>)> = Vec::new();
    for (i, m) in v.dossier.meetings.iter().enumerate() {
        let first = m.date.day.first_of_month();
        let view = v.meeting(MeetingIx(i as u32));
        match months.last_mut() {
            Some((month, group)) if *month == first => group.meetings.push(view),
            _ => months.push((
                first,
                Month {
                    label: m.date.month_label(),
                    meetings: vec![view],
                },
            )),
        }
    }
    months.into_iter().rev().map(|(_, m)| m).collect()
}

#[derive(Serialize)]
struct Row<'a> {
    actor: ActorRef<'a>,
    cells: Vec<Option<PositionView<'a>>>,
}

/// The positions matrix: actors with positions (by name) against topics with positions
/// (by name); each cell holds the latest stance.
fn matrix<'a>(v: &Views<'a>) -> (Vec<TopicRef<'a>>, Vec<Row<'a>>) {
    let d = v.dossier;
    let mut topics: Vec<TopicIx> = (0..d.topics.len())
        .map(|i| TopicIx(i as u32))
        .filter(|&t| !d.topic(t).positions.is_empty())
        .collect();
    topics.sort_by_key(|&t| d.topic(t).name.to_lowercase());
    let column: BTreeMap<TopicIx, usize> =
        topics.iter().enumerate().map(|(i, &t)| (t, i)).collect();
    let mut actors: Vec<ActorIx> = (0..d.actors.len())
        .map(|i| ActorIx(i as u32))
        .filter(|&a| !d.actor(a).positions.is_empty())
        .collect();
    actors.sort_by_key(|&a| d.actor(a).name.to_lowercase());
    let rows = actors
        .into_iter()
        .map(|a| {
            let mut cells: Vec<Option<PositionView<'a>>> = topics.iter().map(|_| None).collect();
            // An actor's positions are sorted by topic, then date: the last of each topic wins.
            let mut latest: BTreeMap<usize, PositionIx> = BTreeMap::new();
            for &p in &d.actor(a).positions {
                if let Some(&col) = column.get(&d.position(p).topic) {
                    latest.insert(col, p);
                }
            }
            for (col, p) in latest {
                cells[col] = Some(v.position(p));
            }
            Row {
                actor: v.actor(a),
                cells,
            }
        })
        .collect();
    (v.topics(&topics), rows)
}

/// The whole resolved model as JSON (`dossier.json`).
pub fn model_json(d: &Dossier) -> anyhow::Result<String> {
    #[derive(Serialize)]
    struct Model<'a> {
        title: &'a str,
        description: &'a str,
        actors: Vec<serde_json::Value>,
        topics: Vec<serde_json::Value>,
        briefings: Vec<serde_json::Value>,
        meetings: Vec<serde_json::Value>,
        positions: Vec<serde_json::Value>,
        quotes: Vec<serde_json::Value>,
    }
    use serde_json::json;
    let actor_id = |a: ActorIx| d.actor(a).id.as_str();
    let topic_id = |t: TopicIx| d.topic(t).id.as_str();
    let slug = |b: BriefingIx| d.briefing(b).slug.as_str();
    let source =
        |s: Option<SourceRef>| s.map(|s| d.briefing(s.briefing).sources[s.index].id.as_str());
    let model = Model {
        title: &d.config.title,
        description: &d.config.description,
        actors: d
            .actors
            .iter()
            .map(|a| {
                json!({
                    "id": a.id, "name": a.name, "kind": a.kind, "role": a.role,
                    "affiliation": a.affiliation.map(actor_id), "aliases": a.aliases,
                    "bio_html": a.bio_html.replace(crate::markdown::ROOT_MARK, ""),
                    "meetings": a.meetings.iter().map(|&m| d.meeting(m).id.as_str()).collect::<Vec<_>>(),
                    "counterparts": a.counterparts.iter().map(|c| json!({"actor": actor_id(c.actor), "meetings": c.meetings.len()})).collect::<Vec<_>>(),
                    "members": a.members.iter().map(|&m| actor_id(m)).collect::<Vec<_>>(),
                    "briefings": a.briefings.iter().map(|&b| slug(b)).collect::<Vec<_>>(),
                })
            })
            .collect(),
        topics: d
            .topics
            .iter()
            .map(|t| {
                json!({
                    "id": t.id, "name": t.name, "aliases": t.aliases,
                    "body_html": t.body_html.replace(crate::markdown::ROOT_MARK, ""),
                    "meetings": t.meetings.iter().map(|&m| d.meeting(m).id.as_str()).collect::<Vec<_>>(),
                    "briefings": t.briefings.iter().map(|&b| slug(b)).collect::<Vec<_>>(),
                })
            })
            .collect(),
        briefings: d
            .briefings
            .iter()
            .map(|b| {
                json!({
                    "slug": b.slug, "title": b.title, "date": b.date.iso(), "summary": b.summary,
                    "draft": b.draft, "topics": b.topics.iter().map(|&t| topic_id(t)).collect::<Vec<_>>(),
                    "actors": b.actors.iter().map(|&a| actor_id(a)).collect::<Vec<_>>(),
                    "sources": b.sources.iter().map(|s| json!({"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url})).collect::<Vec<_>>(),
                    "body_html": b.body_html.replace(crate::markdown::ROOT_MARK, ""),
                })
            })
            .collect(),
        meetings: d
            .meetings
            .iter()
            .map(|m| {
                json!({
                    "id": m.id, "title": m.title, "date": m.date.iso(), "location": m.location,
                    "participants": m.participants.iter().map(|&a| actor_id(a)).collect::<Vec<_>>(),
                    "topics": m.topics.iter().map(|&t| topic_id(t)).collect::<Vec<_>>(),
                    "summary_html": m.summary_html.replace(crate::markdown::ROOT_MARK, ""),
                    "outcome_html": m.outcome_html.replace(crate::markdown::ROOT_MARK, ""),
                    "source": source(m.source), "briefing": slug(m.briefing),
                })
            })
            .collect(),
        positions: d
            .positions
            .iter()
            .map(|p| {
                json!({
                    "actor": actor_id(p.actor), "topic": topic_id(p.topic), "stance": p.stance,
                    "date": p.date.iso(), "changed": p.changed, "source": source(p.source), "briefing": slug(p.briefing),
                })
            })
            .collect(),
        quotes: d
            .quotes
            .iter()
            .map(|q| {
                json!({
                    "actor": actor_id(q.actor), "text": q.text, "date": q.date.iso(),
                    "source": source(q.source), "briefing": slug(q.briefing),
                })
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&model)?;
    text.push('\n');
    Ok(text)
}
