//! The calendars of meetings (RFC 5545): `meetings.ics` with every meeting and
//! `actors/<id>/meetings.ics` with an actor's, each meeting an all-day event with its
//! title, place, participants and outcome, the address of its page (when `base_url`
//! is set: the format takes only absolute addresses), and a UID made from its id, so
//! that a calendar that subscribes keeps each event from build to build.
//!
//! Built with the `icalendar` crate, which escapes `\`, `,`, `;` and newlines in text
//! and folds long lines; control characters that the format has no escape for are
//! taken out here. Nothing here writes to disk.

use icalendar::{Calendar, Component, EventLike, Property};

use super::views::{meeting_url, public_url};
use crate::model::{Dossier, Meeting, MeetingIx};

/// Whose calendar: the whole site's, or one actor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Site,
    Actor(usize),
}

impl Owner {
    /// The calendar's path, relative to the output root.
    pub fn path(self, dossier: &Dossier) -> String {
        match self {
            Owner::Site => "meetings.ics".into(),
            Owner::Actor(at) => format!("actors/{}/meetings.ics", dossier.actors[at].id),
        }
    }

    /// The owner of the calendar at `path`, if there is one there.
    pub fn at(dossier: &Dossier, path: &str) -> Option<Owner> {
        if path == "meetings.ics" {
            return Some(Owner::Site);
        }
        let id = path
            .strip_prefix("actors/")?
            .strip_suffix("/meetings.ics")?;
        let at = dossier
            .actors
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()?;
        Some(Owner::Actor(at))
    }

    /// The site's calendar and every actor's.
    pub fn all(dossier: &Dossier) -> impl Iterator<Item = Owner> {
        std::iter::once(Owner::Site).chain((0..dossier.actors.len()).map(Owner::Actor))
    }
}

/// Text as the format can carry it: line ends made `\n` (which the crate escapes),
/// other control characters but the tab left out.
fn text(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// Text on one line, without the characters a value the crate does not escape could
/// be misread by.
fn one_line(value: &str) -> String {
    text(value)
        .chars()
        .map(|c| if c.is_control() || c == '\\' { ' ' } else { c })
        .collect()
}

/// Plain text of a rendered Markdown field: the tags taken out, the entities of the
/// HTML writer turned back into characters.
fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    out.trim().to_string()
}

/// What makes UIDs unique to this site: a name made of the site's title. Not the
/// site's address, which a deploy preview (`--base-url`) or a move would change,
/// and with it every event a subscribed calendar holds.
fn uid_domain(dossier: &Dossier) -> String {
    let title = crate::model::slugify(&dossier.config.title);
    format!("{}.dossier", if title.is_empty() { "site" } else { &title })
}

/// `20251220`: a DATE value.
fn ical_date(day: jiff::civil::Date) -> String {
    day.strftime("%Y%m%d").to_string()
}

fn event(dossier: &Dossier, meeting: &Meeting, domain: &str) -> icalendar::Event {
    let day = meeting.date.day;
    let mut event = icalendar::Event::new();
    event.uid(&format!("{}@{domain}", meeting.id));
    event.add_property("DTSTAMP", format!("{}T000000Z", ical_date(day)));
    event.append_property(
        Property::new("DTSTART", ical_date(day))
            .add_parameter("VALUE", "DATE")
            .done(),
    );
    let next = day.tomorrow().unwrap_or(day);
    event.append_property(
        Property::new("DTEND", ical_date(next))
            .add_parameter("VALUE", "DATE")
            .done(),
    );
    event.summary(&text(&meeting.title));
    if !meeting.location.is_empty() {
        event.location(&text(&meeting.location));
    }
    let participants: Vec<&str> = meeting
        .participants
        .iter()
        .map(|&ix| dossier.actor(ix).name.as_str())
        .collect();
    let mut description = String::new();
    if !participants.is_empty() {
        let interface = &dossier.config.interface;
        let names = participants.join(interface.raw("list.comma"));
        description.push_str(&interface.text("calendar.participants", &[("names", &names)]));
    }
    for field in [&meeting.summary_html, &meeting.outcome_html] {
        let field = plain(field);
        if !field.is_empty() {
            description.push_str("\n\n");
            description.push_str(&field);
        }
    }
    event.description(&text(description.trim_start()));
    let url = public_url(&dossier.config.base_url, &meeting_url(&meeting.id));
    if !url.is_empty() {
        event.url(&text(&url).replace(char::is_whitespace, "%20"));
    }
    event.done()
}

/// The text of each meeting's event, made on first use and then shared by every
/// calendar that holds the meeting (the site's and each participant's): an event is
/// the same text in each.
pub struct Events {
    texts: Vec<std::sync::OnceLock<String>>,
    domain: String,
}

impl Events {
    pub fn new(dossier: &Dossier) -> Events {
        Events {
            texts: (0..dossier.meetings.len())
                .map(|_| Default::default())
                .collect(),
            domain: uid_domain(dossier),
        }
    }

    fn text(&self, dossier: &Dossier, ix: MeetingIx) -> &str {
        self.texts[ix.get()]
            .get_or_init(|| event(dossier, dossier.meeting(ix), &self.domain).to_string())
    }
}

/// The text of the calendar of `owner`, its events taken from `events`.
pub fn render(dossier: &Dossier, owner: Owner, events: &Events) -> String {
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new("PRODID", "-//dossier//meetings//EN"));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    // The calendar's name is not escaped by the crate (X-WR-CALNAME has no known
    // type): one line, with nothing to escape.
    let site = one_line(&dossier.config.title);
    let meetings: Vec<MeetingIx> = match owner {
        Owner::Site => {
            calendar.name(&format!("{site}: meetings"));
            (0..dossier.meetings.len())
                .map(|i| MeetingIx(i as u32))
                .collect()
        }
        Owner::Actor(at) => {
            let actor = &dossier.actors[at];
            calendar.name(&format!("{site}: meetings of {}", one_line(&actor.name)));
            actor.meetings.clone()
        }
    };
    // The crate writes a calendar's properties, then its events, then its end: the
    // events' shared texts go before the end.
    let mut text = calendar.done().to_string();
    let end = text.len() - END.len();
    debug_assert_eq!(&text[end..], END);
    text.truncate(end);
    for ix in meetings {
        text.push_str(events.text(dossier, ix));
    }
    text.push_str(END);
    text
}

/// How the crate ends a calendar.
const END: &str = "END:VCALENDAR\r\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_what_the_format_escapes_and_drops_what_it_cannot() {
        assert_eq!(text("a\r\nb\rc\u{0}d\u{7}\te;f,g\\"), "a\nb\ncd\te;f,g\\");
    }

    #[test]
    fn a_calendar_of_shared_events_is_the_crates_calendar() {
        let mut diagnostics = crate::diagnostics::Diagnostics::default();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::Config::load(root, &mut diagnostics).unwrap();
        let content = crate::content::load(root, &mut diagnostics).unwrap();
        let options = Default::default();
        let dossier = crate::model::resolve(config, content, options, &mut diagnostics);
        assert!(!dossier.meetings.is_empty());
        let events = Events::new(&dossier);
        let mut whole = Calendar::empty();
        whole.append_property(Property::new("VERSION", "2.0"));
        whole.append_property(Property::new("PRODID", "-//dossier//meetings//EN"));
        whole.append_property(Property::new("CALSCALE", "GREGORIAN"));
        whole.name(&format!("{}: meetings", one_line(&dossier.config.title)));
        for meeting in &dossier.meetings {
            whole.push(event(&dossier, meeting, &uid_domain(&dossier)));
        }
        assert_eq!(
            render(&dossier, Owner::Site, &events),
            whole.done().to_string()
        );
    }

    #[test]
    fn plain_text_of_markdown_html() {
        assert_eq!(
            plain("<p>Met <a href=\"x\">A &amp; B</a>: &lt;b&gt; &quot;ok&quot;</p>\n"),
            "Met A & B: <b> \"ok\""
        );
    }
}
