//! Long lists split into pages: the site's briefings, meetings and actors, and the
//! full lists of one actor or topic (its meetings, briefings, quotes, positions,
//! counterparts and members) whenever its own page shows only the first of them.
//!
//! A list's first page is `<folder>index.html`, page `n` is `<folder>page/<n>/index.html`;
//! each page links to its neighbours (`rel="prev"`/`"next"`), to the other pages of
//! the list and, for dated lists, to the page where each year begins. This module
//! decides which items a page holds and how pages link; the views of the items are
//! made in `lists.rs`.

use serde::Serialize;

use crate::model::*;

/// How many items a page of a list holds.
pub(super) const PER_PAGE: usize = 100;
/// Actors are short lines: a page of the site's actors holds more of them.
const ACTORS_PER_PAGE: usize = 250;
/// The most page numbers a page of one of the site's lists links to one by one; beyond
/// them it links to the nearest pages, the first and last, and the years.
const PAGE_LINKS: usize = 30;
/// How far on each side of the current page the page numbers reach, on a long list.
const PAGE_WINDOW: usize = 4;

/// How many items of each list an actor's or topic's own page shows; the rest are on
/// the list's own pages.
pub(super) const SHOWN_MEETINGS: usize = 20;
pub(super) const SHOWN_BRIEFINGS: usize = 10;
pub(super) const SHOWN_QUOTES: usize = 10;
pub(super) const SHOWN_COUNTERPARTS: usize = 24;
pub(super) const SHOWN_MEMBERS: usize = 30;
/// How many topics (on an actor's page) or actors (on a topic's page) show a stance.
pub(super) const SHOWN_STANCES: usize = 30;
/// How many earlier positions each of those stances shows with its latest.
pub(super) const SHOWN_HISTORY: usize = 5;

/// A list that is split into pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Briefings,
    Meetings,
    Actors,
    ActorMeetings(ActorIx),
    ActorBriefings(ActorIx),
    ActorQuotes(ActorIx),
    ActorPositions(ActorIx),
    ActorCounterparts(ActorIx),
    ActorMembers(ActorIx),
    TopicMeetings(TopicIx),
    TopicBriefings(TopicIx),
    TopicPositions(TopicIx),
}

impl List {
    /// The folder of the list's pages, relative to the site root, ending in `/`.
    pub fn folder(&self, d: &Dossier) -> String {
        match *self {
            List::Briefings => "briefings/".into(),
            List::Meetings => "meetings/".into(),
            List::Actors => "actors/".into(),
            List::ActorMeetings(a) => format!("actors/{}/meetings/", d.actor(a).id),
            List::ActorBriefings(a) => format!("actors/{}/briefings/", d.actor(a).id),
            List::ActorQuotes(a) => format!("actors/{}/quotes/", d.actor(a).id),
            List::ActorPositions(a) => format!("actors/{}/positions/", d.actor(a).id),
            List::ActorCounterparts(a) => format!("actors/{}/counterparts/", d.actor(a).id),
            List::ActorMembers(a) => format!("actors/{}/members/", d.actor(a).id),
            List::TopicMeetings(t) => format!("topics/{}/meetings/", d.topic(t).id),
            List::TopicBriefings(t) => format!("topics/{}/briefings/", d.topic(t).id),
            List::TopicPositions(t) => format!("topics/{}/positions/", d.topic(t).id),
        }
    }

    /// How many items the list holds.
    pub fn len(&self, d: &Dossier) -> usize {
        match *self {
            List::Briefings => d.briefings.len(),
            List::Meetings => d.meetings.len(),
            List::Actors => d.actors.len(),
            List::ActorMeetings(a) => d.actor(a).meetings.len(),
            List::ActorBriefings(a) => d.actor(a).briefings.len(),
            List::ActorQuotes(a) => d.actor(a).quotes.len(),
            List::ActorPositions(a) => d.actor(a).positions.len(),
            List::ActorCounterparts(a) => d.actor(a).counterparts.len(),
            List::ActorMembers(a) => d.actor(a).members.len(),
            List::TopicMeetings(t) => d.topic(t).meetings.len(),
            List::TopicBriefings(t) => d.topic(t).briefings.len(),
            List::TopicPositions(t) => d.topic(t).positions.len(),
        }
    }

    /// How many items one page holds.
    pub fn per_page(&self) -> usize {
        match self {
            List::Actors => ACTORS_PER_PAGE,
            _ => PER_PAGE,
        }
    }

    /// How many pages the list takes: one at least, so that an empty list has a page
    /// that says so.
    pub fn pages(&self, d: &Dossier) -> usize {
        self.len(d).div_ceil(self.per_page()).max(1)
    }

    /// True for the lists of the whole site, which have a page even when empty; the
    /// lists of one actor or topic have pages only when its own page shows a part.
    pub fn is_site_wide(&self) -> bool {
        matches!(self, List::Briefings | List::Meetings | List::Actors)
    }

    /// The template that renders the list's pages.
    pub fn template(&self) -> &'static str {
        match self {
            List::Briefings | List::ActorBriefings(_) | List::TopicBriefings(_) => "briefings.html",
            List::Meetings | List::ActorMeetings(_) | List::TopicMeetings(_) => "meetings.html",
            List::Actors => "actors.html",
            List::ActorQuotes(_) => "quotes.html",
            List::ActorPositions(_) | List::TopicPositions(_) => "history.html",
            List::ActorCounterparts(_) => "counterparts.html",
            List::ActorMembers(_) => "members.html",
        }
    }

    /// The lists that an actor's page shows only a part of, with pages of their own.
    pub fn of_actor(d: &Dossier, a: ActorIx) -> Vec<List> {
        let actor = d.actor(a);
        let mut lists = Vec::new();
        if actor.meetings.len() > SHOWN_MEETINGS {
            lists.push(List::ActorMeetings(a));
        }
        if actor.briefings.len() > SHOWN_BRIEFINGS {
            lists.push(List::ActorBriefings(a));
        }
        if actor.quotes.len() > SHOWN_QUOTES {
            lists.push(List::ActorQuotes(a));
        }
        if stances_capped(d, &actor.positions, |p| p.topic) {
            lists.push(List::ActorPositions(a));
        }
        if actor.counterparts.len() > SHOWN_COUNTERPARTS {
            lists.push(List::ActorCounterparts(a));
        }
        if actor.members.len() > SHOWN_MEMBERS {
            lists.push(List::ActorMembers(a));
        }
        lists
    }

    /// The lists that a topic's page shows only a part of, with pages of their own.
    pub fn of_topic(d: &Dossier, t: TopicIx) -> Vec<List> {
        let topic = d.topic(t);
        let mut lists = Vec::new();
        if topic.meetings.len() > SHOWN_MEETINGS {
            lists.push(List::TopicMeetings(t));
        }
        if topic.briefings.len() > SHOWN_BRIEFINGS {
            lists.push(List::TopicBriefings(t));
        }
        if stances_capped(d, &topic.positions, |p| p.actor) {
            lists.push(List::TopicPositions(t));
        }
        lists
    }

    /// The date of each item, in the list's order, for lists whose pages are indexed
    /// by year; `None` for the others.
    fn dates(&self, d: &Dossier) -> Option<Vec<Date>> {
        let meetings = |list: &[MeetingIx]| list.iter().rev().map(|&m| d.meeting(m).date).collect();
        let briefings = |list: &[BriefingIx]| list.iter().map(|&b| d.briefing(b).date).collect();
        match *self {
            List::Briefings => Some(d.briefings.iter().map(|b| b.date).collect()),
            List::Meetings => Some(d.meetings.iter().rev().map(|m| m.date).collect()),
            List::ActorMeetings(a) => Some(meetings(&d.actor(a).meetings)),
            List::TopicMeetings(t) => Some(meetings(&d.topic(t).meetings)),
            List::ActorBriefings(a) => Some(briefings(&d.actor(a).briefings)),
            List::TopicBriefings(t) => Some(briefings(&d.topic(t).briefings)),
            List::ActorQuotes(a) => Some(
                d.actor(a)
                    .quotes
                    .iter()
                    .rev()
                    .map(|&q| d.quote(q).date)
                    .collect(),
            ),
            _ => None,
        }
    }
}

/// True when a page that shows one stance per group of `positions` (by `group`), each
/// with at most [`SHOWN_HISTORY`] earlier ones, leaves some out.
fn stances_capped<G: PartialEq>(
    d: &Dossier,
    positions: &[PositionIx],
    group: impl Fn(&Position) -> G,
) -> bool {
    let mut groups = 0;
    let mut run = 0;
    let mut last: Option<G> = None;
    for &p in positions {
        let key = group(d.position(p));
        if last.as_ref() == Some(&key) {
            run += 1;
        } else {
            groups += 1;
            run = 1;
            last = Some(key);
        }
        if groups > SHOWN_STANCES || run > SHOWN_HISTORY + 1 {
            return true;
        }
    }
    false
}

/// The output path of page `n` (from 1) of the list in `folder`.
pub fn page_path(folder: &str, n: usize) -> String {
    if n <= 1 {
        format!("{folder}index.html")
    } else {
        format!("{folder}page/{n}/index.html")
    }
}

/// The range of items, by index in the list, that page `n` (from 1) holds.
pub(super) fn items_of(list: &List, d: &Dossier, n: usize) -> std::ops::Range<usize> {
    let per = list.per_page();
    let start = (n.saturating_sub(1) * per).min(list.len(d));
    start..(start + per).min(list.len(d))
}

/// A link to one page of a list.
#[derive(Serialize)]
pub struct PageLink {
    /// The page's number, from 1; `None` for a gap between numbers.
    n: Option<usize>,
    url: String,
    current: bool,
}

/// A link to the page of a list where a year begins.
#[derive(Serialize)]
pub struct YearLink {
    year: i16,
    url: String,
    /// How many of the list's items are of that year.
    items: usize,
    current: bool,
}

/// How one page of a list links to the others: what `partials/pager.html` receives.
#[derive(Serialize)]
pub struct Pager {
    /// This page's number, from 1, and how many pages the list has.
    page: usize,
    pages: usize,
    /// How many items the list holds, and the positions (from 1) of the first and
    /// last on this page.
    total: usize,
    from: usize,
    to: usize,
    /// The root-relative urls of the neighbouring pages.
    prev: Option<String>,
    next: Option<String>,
    /// The page numbers to show, with gaps.
    links: Vec<PageLink>,
    /// The years of a dated list, newest first, each with the page where it begins.
    years: Vec<YearLink>,
}

/// How page `n` of `list` links to the others.
pub(super) fn pager(list: &List, d: &Dossier, n: usize) -> Pager {
    let folder = list.folder(d);
    let pages = list.pages(d);
    let range = items_of(list, d, n);
    let link = |k: usize| PageLink {
        n: Some(k),
        url: page_path(&folder, k),
        current: k == n,
    };
    // The lists of one actor or topic link every page, so that any item is two
    // clicks from the first page; the site's long lists link the nearest pages.
    let links: Vec<PageLink> = if pages == 1 {
        Vec::new()
    } else if !list.is_site_wide() || pages <= PAGE_LINKS {
        (1..=pages).map(link).collect()
    } else {
        let low = n.saturating_sub(PAGE_WINDOW).max(1);
        let high = (n + PAGE_WINDOW).min(pages);
        let mut links = Vec::new();
        if low > 1 {
            links.push(link(1));
            if low > 2 {
                links.push(PageLink {
                    n: None,
                    url: String::new(),
                    current: false,
                });
            }
        }
        links.extend((low..=high).map(link));
        if high < pages {
            if high + 1 < pages {
                links.push(PageLink {
                    n: None,
                    url: String::new(),
                    current: false,
                });
            }
            links.push(link(pages));
        }
        links
    };
    let mut years: Vec<YearLink> = Vec::new();
    if let Some(dates) = list.dates(d) {
        let per = list.per_page();
        for (at, date) in dates.iter().enumerate() {
            let year = date.day.year();
            match years.last_mut() {
                Some(last) if last.year == year => last.items += 1,
                _ => years.push(YearLink {
                    year,
                    url: page_path(&folder, at / per + 1),
                    items: 1,
                    current: false,
                }),
            }
        }
        // The years the page holds are current.
        if let (Some(first), Some(last)) = (dates.get(range.start), range.end.checked_sub(1)) {
            let newest = first.day.year();
            let oldest = dates[last].day.year();
            for y in &mut years {
                y.current =
                    (oldest..=newest).contains(&y.year) || (newest..=oldest).contains(&y.year);
            }
        }
        if years.len() < 2 {
            years.clear();
        }
    }
    Pager {
        page: n,
        pages,
        total: list.len(d),
        from: if range.is_empty() { 0 } else { range.start + 1 },
        to: range.end,
        prev: (n > 1).then(|| page_path(&folder, n - 1)),
        next: (n < pages).then(|| page_path(&folder, n + 1)),
        links,
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_page_is_the_folder_and_the_others_are_numbered() {
        assert_eq!(page_path("briefings/", 1), "briefings/index.html");
        assert_eq!(page_path("briefings/", 2), "briefings/page/2/index.html");
        assert_eq!(
            page_path("actors/x/meetings/", 12),
            "actors/x/meetings/page/12/index.html"
        );
    }
}
