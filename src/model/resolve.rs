//! `resolve(content) -> Dossier`: checks every value, resolves every reference, renders
//! Markdown fields and computes back-references, once.
//!
//! Resolution runs in two passes so that its result does not depend on file order:
//! first every front-matter reference is resolved (creating actors and topics that
//! only references name), then, with every name known, Markdown is rendered in parallel.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::refs::{Lookup, RefTable};
use super::*;
use crate::config::Config;
use crate::content::schema::{ActorFront, BriefingFront, TopicFront};
use crate::content::{Content, Document, Locator};
use crate::diagnostics::Diagnostics;
use crate::markdown::{self, CitableSource, LinkResolver, LinkTarget, RenderOptions};

/// Choices that change what is resolved.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions {
    /// Include briefings marked `draft: true`.
    pub drafts: bool,
}

/// Resolves parsed content into the dossier. Problems go to `diagnostics`; the dossier
/// is still returned (with what could be resolved) so that every problem is reported.
pub fn resolve(
    config: Config,
    content: Content,
    options: ResolveOptions,
    diagnostics: &mut Diagnostics,
) -> Dossier {
    let mut names = Names::default();
    let mut problems = Problems { diagnostics };
    names.declare_actors(&content.actors, &mut problems);
    names.declare_topics(&content.topics, &mut problems);
    let affiliations = names.resolve_affiliations(&content.actors, &mut problems);

    let briefing_docs: Vec<&Document<BriefingFront>> = content
        .briefings
        .iter()
        .filter(|doc| options.drafts || !doc.front.draft)
        .collect();
    let mut drafts: Vec<BriefingDraft<'_>> = briefing_docs
        .iter()
        .filter_map(|doc| names.read_briefing(doc, &mut problems))
        .collect();
    check_unique_slugs(&drafts, &mut problems);
    assign_meeting_ids(&mut drafts, &names, &mut problems);

    // Every actor and topic is now known: fix their order (by id) for good.
    let actor_map = names.sort_actors();
    let topic_map = names.sort_topics();
    drafts.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));

    let render_options = RenderOptions {
        trusted_html: config.trusted_html,
    };
    let builder = Assembler {
        names: &names,
        actor_map: &actor_map,
        topic_map: &topic_map,
        options: render_options,
    };
    let mut dossier = builder.assemble(config, &drafts, &content, &affiliations, &mut problems);
    compute_back_references(&mut dossier);
    dossier.drafts_left_out = content
        .briefings
        .iter()
        .filter(|doc| !options.drafts && doc.front.draft)
        .map(|doc| doc.path.clone())
        .collect();
    dossier
}

/// Diagnostics with the file's line helpers.
struct Problems<'d> {
    diagnostics: &'d mut Diagnostics,
}

impl Problems<'_> {
    fn error(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.diagnostics.error(path, Some(line), message);
    }
    fn warning(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.diagnostics.warning(path, Some(line), message);
    }
}

/// A reference and where it was written, for diagnostics.
struct At<'a> {
    path: &'a Path,
    line: usize,
}

/// The actors and topics known so far, with the tables their references resolve against.
#[derive(Default)]
struct Names {
    actors: Vec<ActorDecl>,
    actor_refs: RefTable,
    topics: Vec<TopicDecl>,
    topic_refs: RefTable,
}

struct ActorDecl {
    id: String,
    name: String,
    kind: ActorKind,
    role: String,
    aliases: Vec<String>,
    /// Index into `content.actors`.
    doc: Option<usize>,
}

struct TopicDecl {
    id: String,
    name: String,
    aliases: Vec<String>,
    doc: Option<usize>,
}

impl Names {
    fn declare_actors(&mut self, docs: &[Document<ActorFront>], problems: &mut Problems<'_>) {
        let mut seen: HashMap<String, &Path> = HashMap::new();
        for (index, doc) in docs.iter().enumerate() {
            let Some(id) = file_id(doc, "actor", &mut seen, problems) else {
                continue;
            };
            let locator = doc.locator();
            let name = required(
                doc.front.name.as_deref(),
                &doc.path,
                &locator,
                "name",
                problems,
            )
            .unwrap_or(&id);
            let kind = match doc.front.kind.as_deref().map(str::trim) {
                None | Some("") => ActorKind::Person,
                Some(written) => match ActorKind::WRITTEN
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(written))
                {
                    Some((_, kind)) => *kind,
                    None => {
                        let line = locator.key("kind").unwrap_or(doc.yaml_line);
                        problems.error(
                            &doc.path,
                            line,
                            format!(
                                "unknown kind '{written}': write one of person, organization, state, delegation, group"
                            ),
                        );
                        ActorKind::Person
                    }
                },
            };
            let decl = ActorDecl {
                id: id.clone(),
                name: name.trim().to_string(),
                kind,
                role: doc
                    .front
                    .role
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                aliases: clean_list(&doc.front.aliases),
                doc: Some(index),
            };
            self.add_actor(decl);
        }
    }

    fn add_actor(&mut self, decl: ActorDecl) -> u32 {
        let ix = self.actors.len() as u32;
        let names = std::iter::once(decl.id.as_str())
            .chain(std::iter::once(decl.name.as_str()))
            .chain(decl.aliases.iter().map(String::as_str));
        self.actor_refs.insert(ix, names);
        self.actors.push(decl);
        ix
    }

    fn declare_topics(&mut self, docs: &[Document<TopicFront>], problems: &mut Problems<'_>) {
        let mut seen: HashMap<String, &Path> = HashMap::new();
        for (index, doc) in docs.iter().enumerate() {
            let Some(id) = file_id(doc, "topic", &mut seen, problems) else {
                continue;
            };
            let locator = doc.locator();
            let name = required(
                doc.front.name.as_deref(),
                &doc.path,
                &locator,
                "name",
                problems,
            )
            .unwrap_or(&id);
            let decl = TopicDecl {
                id: id.clone(),
                name: name.trim().to_string(),
                aliases: clean_list(&doc.front.aliases),
                doc: Some(index),
            };
            self.add_topic(decl);
        }
    }

    fn add_topic(&mut self, decl: TopicDecl) -> u32 {
        let ix = self.topics.len() as u32;
        let names = std::iter::once(decl.id.as_str())
            .chain(std::iter::once(decl.name.as_str()))
            .chain(decl.aliases.iter().map(String::as_str));
        self.topic_refs.insert(ix, names);
        self.topics.push(decl);
        ix
    }

    /// The affiliation of each declared actor (by declaration index).
    fn resolve_affiliations(
        &mut self,
        docs: &[Document<ActorFront>],
        problems: &mut Problems<'_>,
    ) -> HashMap<u32, u32> {
        let mut affiliations = HashMap::new();
        let declared: Vec<(u32, usize)> = self
            .actors
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.doc.map(|d| (i as u32, d)))
            .collect();
        for (ix, doc_index) in declared {
            let doc = &docs[doc_index];
            let Some(reference) = doc
                .front
                .affiliation
                .as_deref()
                .filter(|r| !r.trim().is_empty())
            else {
                continue;
            };
            let line = doc.locator().key("affiliation").unwrap_or(doc.yaml_line);
            if let Some(target) = self.actor(
                reference,
                &At {
                    path: &doc.path,
                    line,
                },
                problems,
            ) {
                if target == ix {
                    problems.error(&doc.path, line, "an actor cannot be affiliated with itself");
                } else {
                    affiliations.insert(ix, target);
                }
            }
        }
        affiliations
    }

    /// Resolves an actor reference, creating the actor (with a warning) when nothing matches.
    fn actor(&mut self, reference: &str, at: &At<'_>, problems: &mut Problems<'_>) -> Option<u32> {
        let reference = reference.trim();
        match self.actor_refs.lookup(reference) {
            Lookup::Found(ix) => Some(ix),
            Lookup::Ambiguous(found) => {
                let ids: Vec<&str> = found
                    .iter()
                    .map(|&i| self.actors[i as usize].id.as_str())
                    .collect();
                problems.error(at.path, at.line, ambiguous("actor", reference, &ids));
                None
            }
            Lookup::Missing => {
                let id = slugify(reference);
                if let Some(problem) = id_problem(&id) {
                    problems.error(
                        at.path,
                        at.line,
                        format!("'{reference}' cannot name an actor ({problem}): use an actor's id or name"),
                    );
                    return None;
                }
                problems.warning(
                    at.path,
                    at.line,
                    unknown("actor", reference, &id, self.actor_refs.suggest(reference)),
                );
                if let Lookup::Found(ix) = self.actor_refs.lookup(&id) {
                    return Some(ix);
                }
                let decl = ActorDecl {
                    id,
                    name: reference.to_string(),
                    kind: ActorKind::Unknown,
                    role: String::new(),
                    aliases: Vec::new(),
                    doc: None,
                };
                Some(self.add_actor(decl))
            }
        }
    }

    /// Resolves a topic reference, creating the topic (with a warning) when nothing matches.
    fn topic(&mut self, reference: &str, at: &At<'_>, problems: &mut Problems<'_>) -> Option<u32> {
        let reference = reference.trim();
        match self.topic_refs.lookup(reference) {
            Lookup::Found(ix) => Some(ix),
            Lookup::Ambiguous(found) => {
                let ids: Vec<&str> = found
                    .iter()
                    .map(|&i| self.topics[i as usize].id.as_str())
                    .collect();
                problems.error(at.path, at.line, ambiguous("topic", reference, &ids));
                None
            }
            Lookup::Missing => {
                let id = slugify(reference);
                if let Some(problem) = id_problem(&id) {
                    problems.error(
                        at.path,
                        at.line,
                        format!("'{reference}' cannot name a topic ({problem}): use a topic's id or name"),
                    );
                    return None;
                }
                problems.warning(
                    at.path,
                    at.line,
                    unknown("topic", reference, &id, self.topic_refs.suggest(reference)),
                );
                if let Lookup::Found(ix) = self.topic_refs.lookup(&id) {
                    return Some(ix);
                }
                let decl = TopicDecl {
                    id,
                    name: reference.to_string(),
                    aliases: Vec::new(),
                    doc: None,
                };
                Some(self.add_topic(decl))
            }
        }
    }

    /// Checks and resolves one briefing's front matter.
    fn read_briefing<'d>(
        &mut self,
        doc: &'d Document<BriefingFront>,
        problems: &mut Problems<'_>,
    ) -> Option<BriefingDraft<'d>> {
        let front = &doc.front;
        let locator = doc.locator();
        let path = doc.path.as_path();
        let title = required(front.title.as_deref(), path, &locator, "title", problems);
        let date = match front.date.as_deref() {
            Some(text) => parse_date(
                text,
                path,
                locator.key("date").unwrap_or(doc.yaml_line),
                problems,
            ),
            None => {
                problems.error(
                    path,
                    locator.key("date").unwrap_or(doc.yaml_line),
                    "missing `date:`: write the briefing's date as YYYY-MM-DD",
                );
                None
            }
        };
        let (slug, slug_line, written) = match front.slug.as_deref() {
            Some(slug) => (
                slug.trim().to_string(),
                locator.key("slug").unwrap_or(doc.yaml_line),
                true,
            ),
            None => (slugify(&doc.stem), 1, false),
        };
        let slug = match id_problem(&slug) {
            None => Some(slug),
            Some(problem) if written => {
                problems.error(
                    path,
                    slug_line,
                    format!("slug '{slug}' cannot be used: {problem}"),
                );
                None
            }
            Some(problem) => {
                problems.error(
                    path,
                    1,
                    format!("cannot make a slug from the file name ({problem}): rename the file, or add `slug:`"),
                );
                None
            }
        };

        let mut topics = Vec::new();
        for reference in &front.topics {
            let at = At {
                path,
                line: locator
                    .find(Some(("topics", 0)), reference)
                    .min(locator.find(None, reference)),
            };
            if let Some(ix) = self.topic(reference, &at, problems) {
                push_unique(&mut topics, ix);
            }
        }

        let mut sources = Vec::new();
        for (index, source) in front.sources.iter().enumerate() {
            let line = locator.find(Some(("sources", index)), "");
            let Some(id) = source
                .id
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            else {
                problems.error(
                    path,
                    line,
                    "a source needs an `id:` to be cited by, such as `id: cgtn`",
                );
                continue;
            };
            if sources.iter().any(|s: &Source| s.id == id) {
                problems.error(
                    path,
                    locator.find(Some(("sources", index)), id),
                    format!("source id '{id}' is used twice in this briefing"),
                );
                continue;
            }
            let url = source.url.as_deref().unwrap_or_default().trim();
            let url = if url.is_empty() || markdown::is_safe_url(url) {
                url.to_string()
            } else {
                problems.error(
                    path,
                    locator.field("sources", index, "url"),
                    format!("source url '{url}' is refused: only http, https and mailto addresses are allowed"),
                );
                String::new()
            };
            sources.push(Source {
                id: id.to_string(),
                title: source
                    .title
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                publisher: source
                    .publisher
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                url,
            });
        }
        let source_of =
            |reference: Option<&str>, list: &str, index: usize, problems: &mut Problems<'_>| {
                let reference = reference.map(str::trim).filter(|s| !s.is_empty())?;
                match sources.iter().position(|s| s.id == reference) {
                    Some(found) => Some(found),
                    None => {
                        let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
                        let hint = if known.is_empty() {
                            "this briefing lists no `sources:`".to_string()
                        } else {
                            format!("this briefing's sources are: {}", known.join(", "))
                        };
                        problems.error(
                            path,
                            locator.field(list, index, "source"),
                            format!("unknown source '{reference}': {hint}"),
                        );
                        None
                    }
                }
            };

        let mut meetings = Vec::new();
        for (index, meeting) in front.meetings.iter().enumerate() {
            let at_field = |field: &str| locator.field("meetings", index, field);
            let date = match meeting.date.as_deref() {
                Some(text) => parse_date(text, path, at_field("date"), problems),
                None => date,
            };
            let mut participants = Vec::new();
            for reference in &meeting.participants {
                let at = At {
                    path,
                    line: locator.find(Some(("meetings", index)), reference),
                };
                if let Some(ix) = self.actor(reference, &at, problems) {
                    push_unique(&mut participants, ix);
                }
            }
            if meeting.participants.is_empty() {
                problems.error(
                    path,
                    locator.find(Some(("meetings", index)), ""),
                    "a meeting needs `participants:`, a list of actors",
                );
            }
            let mut topics = Vec::new();
            for reference in &meeting.topics {
                let at = At {
                    path,
                    line: locator.find(Some(("meetings", index)), reference),
                };
                if let Some(ix) = self.topic(reference, &at, problems) {
                    push_unique(&mut topics, ix);
                }
            }
            let id = match meeting.id.as_deref().map(str::trim) {
                Some(id) => match id_problem(id) {
                    None => Some(id.to_string()),
                    Some(problem) => {
                        problems.error(
                            path,
                            at_field("id"),
                            format!("meeting id '{id}' cannot be used: {problem}"),
                        );
                        continue;
                    }
                },
                None => None,
            };
            let source = source_of(meeting.source.as_deref(), "meetings", index, problems);
            let Some(date) = date else { continue };
            meetings.push(MeetingDraft {
                id,
                line: locator.find(Some(("meetings", index)), ""),
                title: meeting
                    .title
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                date,
                location: meeting
                    .location
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                participants,
                topics,
                summary: meeting.summary.clone().unwrap_or_default(),
                summary_line: at_field("summary"),
                outcome: meeting.outcome.clone().unwrap_or_default(),
                outcome_line: at_field("outcome"),
                source,
            });
        }

        let mut positions = Vec::new();
        for (index, position) in front.positions.iter().enumerate() {
            let at_field = |field: &str| locator.field("positions", index, field);
            let actor = match position.actor.as_deref() {
                Some(reference) => self.actor(
                    reference,
                    &At {
                        path,
                        line: at_field("actor"),
                    },
                    problems,
                ),
                None => {
                    problems.error(
                        path,
                        locator.find(Some(("positions", index)), ""),
                        "a position needs `actor:`",
                    );
                    None
                }
            };
            let topic = match position.topic.as_deref() {
                Some(reference) => self.topic(
                    reference,
                    &At {
                        path,
                        line: at_field("topic"),
                    },
                    problems,
                ),
                None => {
                    problems.error(
                        path,
                        locator.find(Some(("positions", index)), ""),
                        "a position needs `topic:`",
                    );
                    None
                }
            };
            let stance = position
                .stance
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty());
            if stance.is_none() {
                problems.error(
                    path,
                    locator.find(Some(("positions", index)), ""),
                    "a position needs `stance:`, a short statement of what the actor holds",
                );
            }
            let position_date = match position.date.as_deref() {
                Some(text) => parse_date(text, path, at_field("date"), problems),
                None => date,
            };
            let source = source_of(position.source.as_deref(), "positions", index, problems);
            if let (Some(actor), Some(topic), Some(stance), Some(date)) =
                (actor, topic, stance, position_date)
            {
                positions.push(PositionDraft {
                    actor,
                    topic,
                    stance: stance.to_string(),
                    line: at_field("stance"),
                    date,
                    source,
                });
            }
        }

        let mut quotes = Vec::new();
        for (index, quote) in front.quotes.iter().enumerate() {
            let at_field = |field: &str| locator.field("quotes", index, field);
            let actor = match quote.actor.as_deref() {
                Some(reference) => self.actor(
                    reference,
                    &At {
                        path,
                        line: at_field("actor"),
                    },
                    problems,
                ),
                None => {
                    problems.error(
                        path,
                        locator.find(Some(("quotes", index)), ""),
                        "a quote needs `actor:`, who said it",
                    );
                    None
                }
            };
            let text = quote
                .text
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty());
            if text.is_none() {
                problems.error(
                    path,
                    locator.find(Some(("quotes", index)), ""),
                    "a quote needs `text:`, the words said",
                );
            }
            let quote_date = match quote.date.as_deref() {
                Some(text) => parse_date(text, path, at_field("date"), problems),
                None => date,
            };
            let source = source_of(quote.source.as_deref(), "quotes", index, problems);
            if let (Some(actor), Some(text), Some(date)) = (actor, text, quote_date) {
                quotes.push(QuoteDraft {
                    actor,
                    text: text.to_string(),
                    date,
                    source,
                });
            }
        }

        Some(BriefingDraft {
            doc,
            slug: slug?,
            title: title?.trim().to_string(),
            date: date?,
            topics,
            sources,
            meetings,
            positions,
            quotes,
        })
    }

    /// Sorts actors by id; returns the new index of each old one.
    fn sort_actors(&mut self) -> Vec<u32> {
        let order = sorted_order(&self.actors, |a| a.id.as_str());
        let map = inverse(&order);
        let mut old: Vec<Option<ActorDecl>> = std::mem::take(&mut self.actors)
            .into_iter()
            .map(Some)
            .collect();
        self.actors = order
            .iter()
            .filter_map(|&i| old[i as usize].take())
            .collect();
        self.actor_refs.remap(&map);
        map
    }

    /// Sorts topics by id; returns the new index of each old one.
    fn sort_topics(&mut self) -> Vec<u32> {
        let order = sorted_order(&self.topics, |t| t.id.as_str());
        let map = inverse(&order);
        let mut old: Vec<Option<TopicDecl>> = std::mem::take(&mut self.topics)
            .into_iter()
            .map(Some)
            .collect();
        self.topics = order
            .iter()
            .filter_map(|&i| old[i as usize].take())
            .collect();
        self.topic_refs.remap(&map);
        map
    }
}

fn sorted_order<T>(items: &[T], key: impl Fn(&T) -> &str) -> Vec<u32> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by(|&a, &b| key(&items[a as usize]).cmp(key(&items[b as usize])));
    order
}

fn inverse(order: &[u32]) -> Vec<u32> {
    let mut map = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        map[old as usize] = new as u32;
    }
    map
}

/// The id of an actor or topic file: its file name, which must be an id.
fn file_id<'d, F>(
    doc: &'d Document<F>,
    what: &str,
    seen: &mut HashMap<String, &'d Path>,
    problems: &mut Problems<'_>,
) -> Option<String> {
    let id = slugify(&doc.stem);
    if let Some(problem) = id_problem(&id) {
        problems.error(
            &doc.path,
            1,
            format!("cannot make a {what} id from this file name ({problem}): name the file <id>.md, such as steve-witkoff.md"),
        );
        return None;
    }
    if id != doc.stem {
        problems.warning(&doc.path, 1, format!("the file name is not an id, so the {what}'s id is '{id}': rename the file to {id}.md"));
    }
    if let Some(other) = seen.get(&id) {
        problems.error(
            &doc.path,
            1,
            format!(
                "{what} '{id}' is also defined in {}: keep one file per {what}",
                other.display()
            ),
        );
        return None;
    }
    seen.insert(id.clone(), &doc.path);
    Some(id)
}

fn required<'a>(
    value: Option<&'a str>,
    path: &Path,
    locator: &Locator<'_>,
    key: &str,
    problems: &mut Problems<'_>,
) -> Option<&'a str> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(value) => Some(value),
        None => {
            let line = locator.key(key).unwrap_or_else(|| locator.find(None, ""));
            problems.error(path, line, format!("missing `{key}:`: it is required"));
            None
        }
    }
}

fn parse_date(text: &str, path: &Path, line: usize, problems: &mut Problems<'_>) -> Option<Date> {
    match Date::parse(text) {
        Ok(date) => Some(date),
        Err(message) => {
            problems.error(path, line, message);
            None
        }
    }
}

fn ambiguous(what: &str, reference: &str, ids: &[&str]) -> String {
    format!(
        "'{reference}' is ambiguous: it names the {what}s {}: use the id",
        quote_list(ids)
    )
}

fn unknown(what: &str, reference: &str, id: &str, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(near) => format!("unknown {what} '{reference}' (did you mean '{near}'?)"),
        None => format!(
            "unknown {what} '{reference}': a page is made for it; describe it in content/{what}s/{id}.md"
        ),
    }
}

fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("'{i}'"))
        .collect::<Vec<_>>()
        .join(" and ")
}

fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
        if !out.iter().any(|o| o == item) {
            out.push(item.to_string());
        }
    }
    out
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

struct BriefingDraft<'d> {
    doc: &'d Document<BriefingFront>,
    slug: String,
    title: String,
    date: Date,
    topics: Vec<u32>,
    sources: Vec<Source>,
    meetings: Vec<MeetingDraft>,
    positions: Vec<PositionDraft>,
    quotes: Vec<QuoteDraft>,
}

struct MeetingDraft {
    id: Option<String>,
    line: usize,
    title: String,
    date: Date,
    location: String,
    participants: Vec<u32>,
    topics: Vec<u32>,
    summary: String,
    summary_line: usize,
    outcome: String,
    outcome_line: usize,
    source: Option<usize>,
}

struct PositionDraft {
    actor: u32,
    topic: u32,
    stance: String,
    line: usize,
    date: Date,
    source: Option<usize>,
}

struct QuoteDraft {
    actor: u32,
    text: String,
    date: Date,
    source: Option<usize>,
}

fn check_unique_slugs(drafts: &[BriefingDraft<'_>], problems: &mut Problems<'_>) {
    let mut by_slug: BTreeMap<&str, Vec<&Path>> = BTreeMap::new();
    for draft in drafts {
        by_slug
            .entry(draft.slug.as_str())
            .or_default()
            .push(&draft.doc.path);
    }
    for (slug, paths) in by_slug.into_iter().filter(|(_, p)| p.len() > 1) {
        for path in &paths {
            let others: Vec<String> = paths
                .iter()
                .filter(|p| p != &path)
                .map(|p| p.display().to_string())
                .collect();
            problems.error(
                path,
                1,
                format!(
                    "slug '{slug}' is also used by {}: give each briefing its own slug",
                    others.join(", ")
                ),
            );
        }
    }
}

/// Gives every meeting without an id `<date>-<participant ids>`, and reports ids used twice.
fn assign_meeting_ids(
    drafts: &mut [BriefingDraft<'_>],
    names: &Names,
    problems: &mut Problems<'_>,
) {
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for draft in drafts.iter_mut() {
        let path = draft.doc.path.clone();
        for meeting in &mut draft.meetings {
            match &meeting.id {
                Some(id) => {
                    if let Some(other) = seen.get(id) {
                        problems.error(
                            &path,
                            meeting.line,
                            format!("meeting id '{id}' is also used in {}: give each meeting its own id", other.display()),
                        );
                    } else {
                        seen.insert(id.clone(), path.clone());
                    }
                }
                None => {
                    let ids: Vec<&str> = meeting
                        .participants
                        .iter()
                        .map(|&p| names.actors[p as usize].id.as_str())
                        .collect();
                    let full = format!("{}-{}", meeting.date.iso(), ids.join("-"));
                    // Room is left for the "-N" that tells same-day meetings apart.
                    let base = truncate_id(full.trim_end_matches('-'), MAX_ID_LEN - 8).to_string();
                    let mut id = base.clone();
                    let mut n = 2;
                    while seen.contains_key(&id) {
                        id = format!("{base}-{n}");
                        n += 1;
                    }
                    seen.insert(id.clone(), path.clone());
                    meeting.id = Some(id);
                }
            }
        }
    }
}

/// Builds the final model from the drafts, with every index in its sorted place.
struct Assembler<'n> {
    names: &'n Names,
    actor_map: &'n [u32],
    topic_map: &'n [u32],
    options: RenderOptions,
}

/// What a wikilink can point to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mention {
    Actor(ActorIx),
    Topic(TopicIx),
}

impl LinkResolver for Assembler<'_> {
    type Target = Mention;

    fn resolve(&self, reference: &str) -> Result<(Mention, LinkTarget), String> {
        let actor = self.names.actor_refs.lookup(reference);
        let topic = self.names.topic_refs.lookup(reference);
        match (actor, topic) {
            (Lookup::Found(a), Lookup::Missing) => {
                let decl = &self.names.actors[a as usize];
                Ok((
                    Mention::Actor(ActorIx(a)),
                    LinkTarget {
                        url: format!("actors/{}/index.html", decl.id),
                        title: decl.role.clone(),
                        id: decl.id.clone(),
                        name: decl.name.clone(),
                    },
                ))
            }
            (Lookup::Missing, Lookup::Found(t)) => {
                let decl = &self.names.topics[t as usize];
                Ok((
                    Mention::Topic(TopicIx(t)),
                    LinkTarget {
                        url: format!("topics/{}/index.html", decl.id),
                        title: String::new(),
                        id: decl.id.clone(),
                        name: decl.name.clone(),
                    },
                ))
            }
            (Lookup::Missing, Lookup::Missing) => {
                let near = self
                    .names
                    .actor_refs
                    .suggest(reference)
                    .or_else(|| self.names.topic_refs.suggest(reference));
                Err(match near {
                    Some(near) => format!(
                        "wikilink [[{reference}]] matches no actor or topic (did you mean '{near}'?)"
                    ),
                    None => format!(
                        "wikilink [[{reference}]] matches no actor or topic: add content/actors/{}.md or content/topics/{}.md",
                        slugify(reference),
                        slugify(reference)
                    ),
                })
            }
            _ => Err(format!(
                "wikilink [[{reference}]] is ambiguous: it names more than one actor or topic; use the id"
            )),
        }
    }
}

impl Assembler<'_> {
    fn actor_ix(&self, old: u32) -> ActorIx {
        ActorIx(self.actor_map[old as usize])
    }
    fn topic_ix(&self, old: u32) -> TopicIx {
        TopicIx(self.topic_map[old as usize])
    }

    fn assemble(
        &self,
        config: Config,
        drafts: &[BriefingDraft<'_>],
        content: &Content,
        affiliations: &HashMap<u32, u32>,
        problems: &mut Problems<'_>,
    ) -> Dossier {
        // Briefings: body Markdown rendered in parallel; problems merged in order.
        let rendered: Vec<_> = drafts
            .par_iter()
            .map(|draft| {
                let citable: Vec<CitableSource<'_>> = draft
                    .sources
                    .iter()
                    .map(|s| CitableSource {
                        id: &s.id,
                        title: &s.title,
                        publisher: &s.publisher,
                        url: &s.url,
                    })
                    .collect();
                markdown::render(&draft.doc.body, self, &citable, self.options)
            })
            .collect();

        let mut briefings = Vec::with_capacity(drafts.len());
        let mut meetings = Vec::new();
        let mut positions = Vec::new();
        let mut quotes = Vec::new();
        for (index, (draft, body)) in drafts.iter().zip(rendered).enumerate() {
            let bix = BriefingIx(index as u32);
            for (line, message) in body.problems {
                problems.warning(&draft.doc.path, draft.doc.body_line + line, message);
            }
            let source_ref = |s: Option<usize>| {
                s.map(|index| SourceRef {
                    briefing: bix,
                    index,
                })
            };
            let mut actors: Vec<ActorIx> = Vec::new();
            let mut topics: Vec<TopicIx> = draft.topics.iter().map(|&t| self.topic_ix(t)).collect();
            for mention in body.targets {
                match mention {
                    Mention::Actor(a) => push_unique(&mut actors, a),
                    Mention::Topic(t) => push_unique(&mut topics, t),
                }
            }
            for meeting in &draft.meetings {
                let summary = self.inline(
                    &meeting.summary,
                    &draft.doc.path,
                    meeting.summary_line,
                    problems,
                );
                let outcome = self.inline(
                    &meeting.outcome,
                    &draft.doc.path,
                    meeting.outcome_line,
                    problems,
                );
                let participants: Vec<ActorIx> = meeting
                    .participants
                    .iter()
                    .map(|&a| self.actor_ix(a))
                    .collect();
                actors.extend(participants.iter().copied());
                let title = if meeting.title.is_empty() {
                    let names: Vec<&str> = meeting
                        .participants
                        .iter()
                        .map(|&a| self.names.actors[a as usize].name.as_str())
                        .collect();
                    format!("Meeting of {}", join_names(&names))
                } else {
                    meeting.title.clone()
                };
                meetings.push(Meeting {
                    id: meeting.id.clone().unwrap_or_default(),
                    title,
                    date: meeting.date,
                    location: meeting.location.clone(),
                    participants,
                    topics: meeting.topics.iter().map(|&t| self.topic_ix(t)).collect(),
                    summary_html: summary,
                    outcome_html: outcome,
                    source: source_ref(meeting.source),
                    briefing: bix,
                });
            }
            for position in &draft.positions {
                let stance_html =
                    self.inline(&position.stance, &draft.doc.path, position.line, problems);
                actors.push(self.actor_ix(position.actor));
                positions.push(Position {
                    actor: self.actor_ix(position.actor),
                    topic: self.topic_ix(position.topic),
                    stance: position.stance.clone(),
                    stance_html,
                    date: position.date,
                    source: source_ref(position.source),
                    briefing: bix,
                    changed: false,
                });
            }
            for quote in &draft.quotes {
                actors.push(self.actor_ix(quote.actor));
                quotes.push(Quote {
                    actor: self.actor_ix(quote.actor),
                    text: quote.text.clone(),
                    date: quote.date,
                    source: source_ref(quote.source),
                    briefing: bix,
                });
            }
            actors.sort();
            actors.dedup();
            briefings.push(Briefing {
                slug: draft.slug.clone(),
                title: draft.title.clone(),
                date: draft.date,
                summary: draft
                    .doc
                    .front
                    .summary
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                body_html: body.html,
                draft: draft.doc.front.draft,
                path: draft.doc.path.clone(),
                topics,
                sources: draft.sources.clone(),
                meetings: Vec::new(),
                positions: Vec::new(),
                quotes: Vec::new(),
                actors,
            });
        }

        let old_of = inverse(self.actor_map);
        let actors = self.names.actors.iter().enumerate().map(|(new, decl)| {
            let doc = decl.doc.map(|d| &content.actors[d]);
            let old = old_of[new];
            let bio_html = match doc {
                Some(doc) => self.document(&doc.body, &doc.path, doc.body_line, problems),
                None => String::new(),
            };
            Actor {
                id: decl.id.clone(),
                name: decl.name.clone(),
                kind: decl.kind,
                role: decl.role.clone(),
                affiliation: affiliations.get(&old).map(|&a| self.actor_ix(a)),
                aliases: decl.aliases.clone(),
                bio_html,
                path: doc.map(|d| d.path.clone()),
                meetings: Vec::new(),
                positions: Vec::new(),
                quotes: Vec::new(),
                counterparts: Vec::new(),
                members: Vec::new(),
                briefings: Vec::new(),
            }
        });
        let actors: Vec<Actor> = actors.collect();
        let topics: Vec<Topic> = self
            .names
            .topics
            .iter()
            .map(|decl| {
                let doc = decl.doc.map(|d| &content.topics[d]);
                let body_html = match doc {
                    Some(doc) => self.document(&doc.body, &doc.path, doc.body_line, problems),
                    None => String::new(),
                };
                Topic {
                    id: decl.id.clone(),
                    name: decl.name.clone(),
                    aliases: decl.aliases.clone(),
                    body_html,
                    path: doc.map(|d| d.path.clone()),
                    positions: Vec::new(),
                    meetings: Vec::new(),
                    briefings: Vec::new(),
                }
            })
            .collect();

        meetings.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        positions.sort_by(|a, b| {
            (
                &actors[a.actor.get()].id,
                &topics[a.topic.get()].id,
                a.date,
                std::cmp::Reverse(a.briefing),
            )
                .cmp(&(
                    &actors[b.actor.get()].id,
                    &topics[b.topic.get()].id,
                    b.date,
                    std::cmp::Reverse(b.briefing),
                ))
        });
        quotes.sort_by(|a, b| {
            (
                a.date,
                &actors[a.actor.get()].id,
                std::cmp::Reverse(a.briefing),
            )
                .cmp(&(
                    b.date,
                    &actors[b.actor.get()].id,
                    std::cmp::Reverse(b.briefing),
                ))
        });
        Dossier {
            config,
            briefings,
            actors,
            topics,
            meetings,
            positions,
            quotes,
            drafts_left_out: Vec::new(),
        }
    }

    /// Renders a short Markdown field, reporting problems at `line`.
    fn inline(&self, text: &str, path: &Path, line: usize, problems: &mut Problems<'_>) -> String {
        if text.trim().is_empty() {
            return String::new();
        }
        let rendered = markdown::render_inline(text, self, self.options);
        for (_, message) in rendered.problems {
            problems.warning(path, line, message);
        }
        rendered.html
    }

    /// Renders a Markdown body that starts on `first_line` of `path`.
    fn document(
        &self,
        text: &str,
        path: &Path,
        first_line: usize,
        problems: &mut Problems<'_>,
    ) -> String {
        let rendered = markdown::render(text, self, &[], self.options);
        for (line, message) in rendered.problems {
            problems.warning(path, first_line + line, message);
        }
        rendered.html
    }
}

fn join_names(names: &[&str]) -> String {
    match names {
        [] => "no one".to_string(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Fills every back-reference: briefing -> meetings, positions, quotes; actor and topic
/// -> everything that names them. Runs once, in linear time over the model.
fn compute_back_references(dossier: &mut Dossier) {
    let Dossier {
        briefings,
        actors,
        topics,
        meetings,
        positions,
        quotes,
        ..
    } = dossier;

    for (i, meeting) in meetings.iter().enumerate() {
        let ix = MeetingIx(i as u32);
        briefings[meeting.briefing.get()].meetings.push(ix);
        for &a in &meeting.participants {
            actors[a.get()].meetings.push(ix);
        }
        for &t in &meeting.topics {
            topics[t.get()].meetings.push(ix);
        }
    }
    // Positions are sorted by actor, topic and date: each run of one actor and topic is
    // a history, and a stance that differs from the one before it has changed.
    for i in 0..positions.len() {
        let changed = i > 0 && {
            let (before, this) = (&positions[i - 1], &positions[i]);
            before.actor == this.actor && before.topic == this.topic && before.stance != this.stance
        };
        positions[i].changed = changed;
        let ix = PositionIx(i as u32);
        let position = &positions[i];
        briefings[position.briefing.get()].positions.push(ix);
        actors[position.actor.get()].positions.push(ix);
        topics[position.topic.get()].positions.push(ix);
    }
    for (i, quote) in quotes.iter().enumerate() {
        let ix = QuoteIx(i as u32);
        briefings[quote.briefing.get()].quotes.push(ix);
        actors[quote.actor.get()].quotes.push(ix);
    }
    for (i, briefing) in briefings.iter().enumerate() {
        let ix = BriefingIx(i as u32);
        for &a in &briefing.actors {
            actors[a.get()].briefings.push(ix);
        }
        for &t in &briefing.topics {
            topics[t.get()].briefings.push(ix);
        }
    }
    // Topic pages list positions by actor name, then date.
    for topic in topics.iter_mut() {
        topic.positions.sort_by(|&a, &b| {
            let (pa, pb) = (&positions[a.get()], &positions[b.get()]);
            (&actors[pa.actor.get()].name, pa.actor, pa.date).cmp(&(
                &actors[pb.actor.get()].name,
                pb.actor,
                pb.date,
            ))
        });
    }
    // Actor pages list positions by topic name, then date.
    let topic_names: Vec<String> = topics.iter().map(|t| t.name.to_lowercase()).collect();
    for actor in actors.iter_mut() {
        actor.positions.sort_by(|&a, &b| {
            let (pa, pb) = (&positions[a.get()], &positions[b.get()]);
            (&topic_names[pa.topic.get()], pa.topic, pa.date).cmp(&(
                &topic_names[pb.topic.get()],
                pb.topic,
                pb.date,
            ))
        });
    }
    // Counterparts: every other participant of each meeting.
    let names: Vec<String> = actors.iter().map(|a| a.name.to_lowercase()).collect();
    for (i, actor) in actors.iter_mut().enumerate() {
        let mut met: BTreeMap<ActorIx, Vec<MeetingIx>> = BTreeMap::new();
        for &m in &actor.meetings {
            for &other in &meetings[m.get()].participants {
                if other.get() != i {
                    met.entry(other).or_default().push(m);
                }
            }
        }
        let mut counterparts: Vec<Counterpart> = met
            .into_iter()
            .map(|(actor, meetings)| Counterpart { actor, meetings })
            .collect();
        counterparts.sort_by(|a, b| {
            b.meetings
                .len()
                .cmp(&a.meetings.len())
                .then_with(|| names[a.actor.get()].cmp(&names[b.actor.get()]))
        });
        actor.counterparts = counterparts;
    }
    // Members: actors affiliated with each actor, by name.
    let mut members: Vec<Vec<ActorIx>> = vec![Vec::new(); actors.len()];
    for (i, actor) in actors.iter().enumerate() {
        if let Some(parent) = actor.affiliation {
            members[parent.get()].push(ActorIx(i as u32));
        }
    }
    for (actor, mut list) in actors.iter_mut().zip(members) {
        list.sort_by(|a, b| names[a.get()].cmp(&names[b.get()]).then(a.cmp(b)));
        actor.members = list;
    }
}
