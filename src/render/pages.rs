//! One function per kind of page: it gathers the views that page's template receives
//! (listed in docs/templates.md) and renders it.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::{Context, Value};

use super::network::{EgoView, ego_view, network_view};
use super::search;
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
    Network,
    Search,
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
            Job::Briefings => "briefings.html",
            Job::Briefing(_) => "briefing.html",
            Job::Actors => "actors.html",
            Job::Actor(_) => "actor.html",
            Job::Topics => "topics.html",
            Job::Topic(_) => "topic.html",
            Job::Meetings => "meetings.html",
            Job::Meeting(_) => "meeting.html",
            Job::Positions => "positions.html",
            Job::Network => "network.html",
            Job::Search => "search.html",
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
        Job::Network,
        Job::Search,
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

/// Everything shared by the pages of one render.
pub struct Site<'a> {
    dossier: &'a Dossier,
    templates: &'a Templates,
    settings: &'a RenderSettings,
    /// What search finds: written to `search-index.js` and listed on the search page.
    search: Vec<search::Entry>,
    /// Views shown on many pages, made once.
    shared: Shared,
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
            search: search::entries(dossier),
            shared: Shared::new(dossier),
        }
    }

    /// The text of `search-index.js`.
    pub fn search_index(&self) -> anyhow::Result<String> {
        search::index_script(&self.search)
    }

    /// Renders one page: its output path and text.
    pub fn render(&self, job: &Job, jobs: &[Job]) -> anyhow::Result<(String, String)> {
        let d = self.dossier;
        let path = job.path(d);
        let root = match job {
            Job::NotFound => not_found_root(&d.config.base_url),
            _ => "../".repeat(path.matches('/').count()),
        };
        let v = Views {
            dossier: d,
            root: &root,
            shared: Some(&self.shared),
        };
        let mut context = Context::new();
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
                context.insert("meeting", &v.meeting_value(ix));
                d.meeting(ix).title.clone()
            }
            Job::Positions => {
                let matrix = matrix(&v);
                context.insert("topics", &matrix.topics);
                context.insert("rows", &matrix.rows);
                context.insert("total_actors", &matrix.total_actors);
                context.insert("total_topics", &matrix.total_topics);
                "Positions".into()
            }
            Job::Network => {
                context.insert("network", &network_view(&v));
                "Network".into()
            }
            Job::Search => {
                context.insert("groups", &search::groups(&self.search));
                "Search".into()
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
        let text = self.templates.render(job.template(), &context, &path)?;
        Ok((path, text))
    }

    fn index(&self, v: &Views<'a>, context: &mut Context) {
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

    fn feed(&self, context: &mut Context) {
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

    fn sitemap(&self, context: &mut Context, jobs: &[Job]) {
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
struct Year {
    year: i16,
    briefings: Vec<Value>,
}

fn years<'a>(v: &Views<'a>) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for (i, b) in v.dossier.briefings.iter().enumerate() {
        let view = v.briefing_value(BriefingIx(i as u32));
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
    topics: Vec<Value>,
    actors: Vec<Value>,
    meetings: Vec<Value>,
    positions: Vec<Value>,
    quotes: Vec<Value>,
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
struct ActorGroup {
    kind: &'static str,
    label: &'static str,
    affiliations: Vec<AffiliationGroup>,
}

#[derive(Serialize)]
struct AffiliationGroup {
    affiliation: Option<Value>,
    actors: Vec<Value>,
}

fn actor_groups<'a>(v: &Views<'a>) -> Vec<ActorGroup> {
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
                    affiliation: affiliation.map(|a| v.actor_value(a)),
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
struct History<K> {
    #[serde(flatten)]
    key: K,
    latest: Value,
    history: Vec<Value>,
}

#[derive(Serialize)]
struct TopicKey {
    topic: Value,
}

#[derive(Serialize)]
struct ActorKey {
    actor: Value,
}

#[derive(Serialize)]
struct Counted {
    actor: Value,
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
    affiliation: Option<Value>,
    bio_html: String,
    meetings: Vec<Value>,
    topics: Vec<History<TopicKey>>,
    quotes: Vec<Value>,
    counterparts: Vec<Counted>,
    members: Vec<Value>,
    briefings: Vec<Value>,
    timeline: Vec<TimelineEntry>,
    graph: Option<EgoView>,
}

/// One dated event on an actor's timeline: a meeting attended or a position taken.
#[derive(Serialize)]
struct TimelineEntry {
    kind: &'static str,
    date: String,
    date_display: String,
    meeting: Option<Value>,
    position: Option<Value>,
}

/// The actor's meetings and positions in one list, oldest first; on the same day,
/// meetings come before positions.
fn timeline<'a>(v: &Views<'a>, a: &Actor) -> Vec<TimelineEntry> {
    let d = v.dossier;
    let mut events: Vec<(Date, u8, usize, TimelineEntry)> = Vec::new();
    for (order, &m) in a.meetings.iter().enumerate() {
        let date = d.meeting(m).date;
        events.push((
            date,
            0,
            order,
            TimelineEntry {
                kind: "meeting",
                date: date.iso(),
                date_display: date.display(),
                meeting: Some(v.meeting_value(m)),
                position: None,
            },
        ));
    }
    for (order, &p) in a.positions.iter().enumerate() {
        let date = d.position(p).date;
        events.push((
            date,
            1,
            order,
            TimelineEntry {
                kind: "position",
                date: date.iso(),
                date_display: date.display(),
                meeting: None,
                position: Some(v.position_value(p)),
            },
        ));
    }
    events.sort_by_key(|e| (e.0.day, e.1, e.2));
    events.into_iter().map(|(_, _, _, entry)| entry).collect()
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
                    topic: v.topic_value(v.dossier.position(last).topic),
                },
                latest: v.position_value(last),
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
        affiliation: a.affiliation.map(|p| v.actor_value(p)),
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
                    actor: v.actor_value(c.actor),
                    meetings: c.meetings.len(),
                    last_date: last.map(|d| d.iso()).unwrap_or_default(),
                    last_date_display: last.map(|d| d.display()).unwrap_or_default(),
                }
            })
            .collect(),
        members: v.actors(&a.members),
        briefings: v.briefings(&a.briefings),
        timeline: timeline(v, a),
        graph: ego_view(v, ix),
    }
}

#[derive(Serialize)]
struct TopicSummary {
    topic: Value,
    actors: usize,
    positions: usize,
    meetings: usize,
}

fn topic_list<'a>(v: &Views<'a>) -> Vec<TopicSummary> {
    let mut list: Vec<(String, TopicSummary)> = v
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
                topic: v.topic_value(TopicIx(i as u32)),
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
    positions: Vec<History<ActorKey>>,
    meetings: Vec<Value>,
    briefings: Vec<Value>,
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
                    actor: v.actor_value(v.dossier.position(last).actor),
                },
                latest: v.position_value(last),
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
struct Month {
    label: String,
    meetings: Vec<Value>,
}

fn months<'a>(v: &Views<'a>) -> Vec<Month> {
    let mut months: Vec<(jiff::civil::Date, Month)> = Vec::new();
    for (i, m) in v.dossier.meetings.iter().enumerate() {
        let first = m.date.day.first_of_month();
        let view = v.meeting_value(MeetingIx(i as u32));
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
struct Row {
    actor: Value,
    cells: Vec<Option<Value>>,
}

/// The positions matrix: actors with positions (by name) against topics with positions
/// (by name); each cell holds the latest stance.
/// The most actors and topics the matrix shows: beyond them a table is unreadable and
/// its size would grow with actors times topics. Every actor and topic page keeps the
/// full history.
const MATRIX_ACTORS: usize = 60;
const MATRIX_TOPICS: usize = 30;

/// The matrix: its columns, rows, and how many actors and topics hold positions in all.
struct Matrix {
    topics: Vec<Value>,
    rows: Vec<Row>,
    total_actors: usize,
    total_topics: usize,
}

/// The positions matrix: the actors with the most positions (by name) against the
/// topics with the most positions (by name); each cell holds the latest stance.
fn matrix(v: &Views<'_>) -> Matrix {
    let d = v.dossier;
    let mut topics: Vec<TopicIx> = (0..d.topics.len())
        .map(|i| TopicIx(i as u32))
        .filter(|&t| !d.topic(t).positions.is_empty())
        .collect();
    let total_topics = topics.len();
    topics.sort_by(|&a, &b| {
        let (ta, tb) = (d.topic(a), d.topic(b));
        tb.positions.len().cmp(&ta.positions.len()).then(a.cmp(&b))
    });
    topics.truncate(MATRIX_TOPICS);
    topics.sort_by_key(|&t| d.topic(t).name.to_lowercase());
    let column: BTreeMap<TopicIx, usize> =
        topics.iter().enumerate().map(|(i, &t)| (t, i)).collect();
    let mut actors: Vec<ActorIx> = (0..d.actors.len())
        .map(|i| ActorIx(i as u32))
        .filter(|&a| !d.actor(a).positions.is_empty())
        .collect();
    let total_actors = actors.len();
    actors.sort_by(|&a, &b| {
        let (aa, ab) = (d.actor(a), d.actor(b));
        ab.positions.len().cmp(&aa.positions.len()).then(a.cmp(&b))
    });
    actors.truncate(MATRIX_ACTORS);
    actors.sort_by_key(|&a| d.actor(a).name.to_lowercase());
    let rows = actors
        .into_iter()
        .map(|a| {
            let mut cells: Vec<Option<Value>> = topics.iter().map(|_| None).collect();
            // An actor's positions are sorted by topic, then date: the last of each topic wins.
            let mut latest: BTreeMap<usize, PositionIx> = BTreeMap::new();
            for &p in &d.actor(a).positions {
                if let Some(&col) = column.get(&d.position(p).topic) {
                    latest.insert(col, p);
                }
            }
            for (col, p) in latest {
                cells[col] = Some(v.position_value(p));
            }
            Row {
                actor: v.actor_value(a),
                cells,
            }
        })
        .collect();
    Matrix {
        topics: v.topics(&topics),
        rows,
        total_actors,
        total_topics,
    }
}
