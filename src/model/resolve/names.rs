//! The actors and topics of a site: declared by their files or created by the first
//! reference to them, and every reference resolved against their ids, names and aliases.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::rendering::Mention;
use super::*;
use crate::content::Document;
use crate::content::schema::{ActorFront, TopicFront};
use crate::markdown::{self, LinkTarget, Refusal};
use crate::model::refs::{Lookup, Origin};

impl Names {
    pub(super) fn declare_actors(
        &mut self,
        docs: &[Arc<Document<ActorFront>>],
        problems: &mut Problems<'_>,
    ) {
        let mut seen: HashMap<String, &Path> = HashMap::new();
        for (index, doc) in docs.iter().enumerate() {
            let locator = doc.locator();
            let name = doc.front.name.as_deref();
            let Some((id, name)) = declared(doc, &locator, name, "actor", &mut seen, problems)
            else {
                continue;
            };
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
                id,
                name,
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

    pub(super) fn add_actor(&mut self, decl: ActorDecl) -> u32 {
        let ix = self.actors.len() as u32;
        self.actor_refs.insert(
            ix,
            every_name(&decl.id, &decl.name, &decl.aliases),
            origin(decl.doc),
        );
        self.actors.push(decl);
        ix
    }

    pub(super) fn declare_topics(
        &mut self,
        docs: &[Arc<Document<TopicFront>>],
        problems: &mut Problems<'_>,
    ) {
        let mut seen: HashMap<String, &Path> = HashMap::new();
        for (index, doc) in docs.iter().enumerate() {
            let locator = doc.locator();
            let name = doc.front.name.as_deref();
            let Some((id, name)) = declared(doc, &locator, name, "topic", &mut seen, problems)
            else {
                continue;
            };
            let decl = TopicDecl {
                id,
                name,
                aliases: clean_list(&doc.front.aliases),
                doc: Some(index),
            };
            self.add_topic(decl);
        }
    }

    pub(super) fn add_topic(&mut self, decl: TopicDecl) -> u32 {
        let ix = self.topics.len() as u32;
        self.topic_refs.insert(
            ix,
            every_name(&decl.id, &decl.name, &decl.aliases),
            origin(decl.doc),
        );
        self.topics.push(decl);
        ix
    }

    /// The affiliation of each declared actor (by declaration index).
    pub(super) fn resolve_affiliations(
        &mut self,
        docs: &[Arc<Document<ActorFront>>],
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
                    line: || line,
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
    pub(super) fn actor(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<u32> {
        let actors = &self.actors;
        match resolve_or_name(
            &self.actor_refs,
            |i| &actors[i as usize].id,
            "actor",
            reference,
            at,
            problems,
        )? {
            Resolved::Found(ix) => Some(ix),
            Resolved::New(id) => Some(self.add_actor(ActorDecl {
                id,
                name: reference.trim().to_string(),
                kind: ActorKind::Unknown,
                role: String::new(),
                aliases: Vec::new(),
                doc: None,
            })),
        }
    }

    /// Resolves a topic reference, creating the topic (with a warning) when nothing matches.
    pub(super) fn topic(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<u32> {
        let topics = &self.topics;
        match resolve_or_name(
            &self.topic_refs,
            |i| &topics[i as usize].id,
            "topic",
            reference,
            at,
            problems,
        )? {
            Resolved::Found(ix) => Some(ix),
            Resolved::New(id) => Some(self.add_topic(TopicDecl {
                id,
                name: reference.trim().to_string(),
                aliases: Vec::new(),
                doc: None,
            })),
        }
    }

    /// Sorts actors by id; returns the new index of each old one.
    pub(super) fn sort_actors(&mut self) -> Vec<u32> {
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
    pub(super) fn sort_topics(&mut self) -> Vec<u32> {
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

/// Where the names of an actor or topic come from: its file (by index), or none.
fn origin(doc: Option<usize>) -> Origin {
    match doc {
        Some(_) => Origin::Declared,
        None => Origin::Created,
    }
}

pub(super) fn sorted_order<T>(items: &[T], key: impl Fn(&T) -> &str) -> Vec<u32> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by(|&a, &b| key(&items[a as usize]).cmp(key(&items[b as usize])));
    order
}

pub(super) fn inverse(order: &[u32]) -> Vec<u32> {
    let mut map = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        map[old as usize] = new as u32;
    }
    map
}

/// The id (from the file name) and the name (`name:`, or the id when it is missing,
/// which is reported) of an actor or topic file, as `what` says; `None` when the file
/// gives no usable id.
fn declared<'d, F>(
    doc: &'d Document<F>,
    locator: &Locator<'_>,
    name: Option<&str>,
    what: &str,
    seen: &mut HashMap<String, &'d Path>,
    problems: &mut Problems<'_>,
) -> Option<(String, String)> {
    let id = file_id(doc, what, seen, problems)?;
    let name = required(name, &doc.path, locator, "name", problems)
        .unwrap_or(&id)
        .trim()
        .to_string();
    Some((id, name))
}

pub(super) fn file_id<'d, F>(
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

pub(super) fn ambiguous(what: &str, reference: &str, ids: &[&str]) -> String {
    format!(
        "'{reference}' is ambiguous: it names the {what}s {}: use the id",
        quote_list(ids)
    )
}

pub(super) fn unknown(what: &str, reference: &str, id: &str, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(near) => format!("unknown {what} '{reference}' (did you mean '{near}'?)"),
        None => format!(
            "unknown {what} '{reference}': a page is made for it; describe it in content/{what}s/{id}.md"
        ),
    }
}

/// `'a', 'b' and 'c'`.
pub(super) fn quote_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
    list(
        &quoted.iter().map(String::as_str).collect::<Vec<_>>(),
        "and",
    )
}

/// `a, b <word> c`.
fn list(items: &[&str], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// The things a name matches, by kind in the order found: `the actors 'a' and 'b'
/// and the topic 'c'`.
fn by_kind(found: &[(&str, &str)]) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    for (kind, _) in found {
        if !kinds.contains(kind) {
            kinds.push(kind);
        }
    }
    let groups: Vec<String> = kinds
        .iter()
        .map(|&kind| {
            let ids: Vec<&str> = found
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|&(_, id)| id)
                .collect();
            let plural = if ids.len() > 1 { "s" } else { "" };
            format!("the {kind}{plural} {}", quote_list(&ids))
        })
        .collect();
    list(
        &groups.iter().map(String::as_str).collect::<Vec<_>>(),
        "and",
    )
}

pub(super) fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
        if !out.iter().any(|o| o == item) {
            out.push(item.to_string());
        }
    }
    out
}

/// What a reference resolved to: an existing entry, or the id of one to create.
enum Resolved {
    Found(u32),
    New(String),
}

/// Resolves `reference` (to an actor or a topic, as `what` says) in `refs`. An
/// ambiguous reference is an error; one that matches nothing is a warning, and names
/// the entry to create, unless its id already exists. `None` after an error.
fn resolve_or_name<'n>(
    refs: &RefTable,
    id_of: impl Fn(u32) -> &'n str,
    what: &str,
    reference: &str,
    at: &At<'_, impl Fn() -> usize>,
    problems: &mut Problems<'_>,
) -> Option<Resolved> {
    let reference = reference.trim();
    match refs.lookup(reference) {
        Lookup::Found(ix) => Some(Resolved::Found(ix)),
        Lookup::Ambiguous(found) => {
            // An exact id wins over the names and aliases it shares.
            if let Some(&ix) = found.iter().find(|&&i| id_of(i) == reference) {
                return Some(Resolved::Found(ix));
            }
            let ids: Vec<&str> = found.iter().map(|&i| id_of(i)).collect();
            problems.error(at.path, (at.line)(), ambiguous(what, reference, &ids));
            None
        }
        Lookup::Missing => {
            let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            let id = slugify(reference);
            if let Some(problem) = id_problem(&id) {
                problems.error(
                    at.path,
                    (at.line)(),
                    format!("'{reference}' cannot name {article} {what} ({problem}): use {article} {what}'s id or name"),
                );
                return None;
            }
            problems.warning(
                at.path,
                (at.line)(),
                unknown(what, reference, &id, refs.suggest(reference)),
            );
            match refs.lookup(&id) {
                Lookup::Found(ix) => Some(Resolved::Found(ix)),
                _ => Some(Resolved::New(id)),
            }
        }
    }
}

/// Every name an actor or a topic answers to: its id, its name and its aliases.
pub(super) fn every_name<'a>(
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
) -> impl Iterator<Item = &'a str> {
    [id, name]
        .into_iter()
        .chain(aliases.iter().map(String::as_str))
}

/// The briefings (by slug and title) and meetings (by id) a wikilink can name.
#[derive(Default)]
pub(super) struct Pages {
    entries: Vec<PageEntry>,
    by_key: HashMap<String, Vec<u32>>,
}

/// A page a wikilink can name: `kind` is `briefing` or `meeting`.
struct PageEntry {
    kind: &'static str,
    id: String,
    name: String,
}

impl Pages {
    /// Every briefing and meeting of `drafts`, whose meetings have their ids.
    pub(super) fn of(drafts: &[super::BriefingDraft<'_>]) -> Pages {
        let mut pages = Pages::default();
        for draft in drafts {
            pages.add(
                "briefing",
                &draft.slug,
                &draft.title,
                &[&draft.slug, &draft.title],
            );
            for meeting in &draft.meetings {
                if let Some(id) = &meeting.id {
                    let name = if meeting.title.is_empty() {
                        id
                    } else {
                        &meeting.title
                    };
                    pages.add("meeting", id, name, &[id]);
                }
            }
        }
        pages
    }

    fn add(&mut self, kind: &'static str, id: &str, name: &str, keys: &[&str]) {
        let ix = self.entries.len() as u32;
        self.entries.push(PageEntry {
            kind,
            id: id.to_string(),
            name: name.to_string(),
        });
        for key in keys.iter().map(|k| k.trim().to_lowercase()) {
            let entry = self.by_key.entry(key).or_default();
            if !entry.contains(&ix) {
                entry.push(ix);
            }
        }
    }

    /// Feeds every page a wikilink can name to `hasher`, for the digest of what bodies
    /// were rendered against.
    pub(super) fn digest(&self, hasher: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        for entry in &self.entries {
            (entry.kind, &entry.id, &entry.name).hash(hasher);
        }
    }
}

/// Something a wikilink can name, before it is chosen.
#[derive(Clone, Copy)]
enum Candidate {
    Actor(u32),
    Topic(u32),
    Page(u32),
}

impl Names {
    /// Resolves a wikilink that names something, or says why a typed one
    /// (`[[actor:x]]`, `[[topic:x]]`, `[[briefing:x]]`, `[[meeting:x]]`) names
    /// nothing; `None` for a bare one that matches nothing (the caller reports it,
    /// with its suggestion). An exact id wins over names and aliases; two matches
    /// otherwise are an error that names every candidate.
    pub(super) fn wikilink(
        &self,
        reference: &str,
    ) -> Option<Result<(Mention, LinkTarget<'_>), Refusal>> {
        let (kind, written) = markdown::wikilink_kind(reference);
        let written = written.trim();
        let every = |lookup: Lookup| match lookup {
            Lookup::Found(ix) => vec![ix],
            Lookup::Ambiguous(all) => all,
            Lookup::Missing => Vec::new(),
        };
        let mut candidates: Vec<Candidate> = Vec::new();
        if matches!(kind, None | Some("actor")) {
            candidates.extend(
                every(self.actor_refs.lookup(written))
                    .into_iter()
                    .map(Candidate::Actor),
            );
        }
        if matches!(kind, None | Some("topic")) {
            candidates.extend(
                every(self.topic_refs.lookup(written))
                    .into_iter()
                    .map(Candidate::Topic),
            );
        }
        if kind.is_none_or(|k| k == "briefing" || k == "meeting") {
            let pages = self.pages.by_key.get(&written.to_lowercase());
            candidates.extend(
                pages
                    .into_iter()
                    .flatten()
                    .filter(|&&p| kind.is_none_or(|k| self.pages.entries[p as usize].kind == k))
                    .map(|&p| Candidate::Page(p)),
            );
        }
        if candidates.len() > 1 {
            let by_id: Vec<Candidate> = candidates
                .iter()
                .copied()
                .filter(|&c| self.candidate(c).1 == written)
                .collect();
            if by_id.len() == 1 {
                candidates = by_id;
            }
        }
        match candidates[..] {
            [one] => Some(Ok(self.link_to(one))),
            [] => kind.map(|kind| {
                let what = match kind {
                    "briefing" => "write a briefing's slug or title".to_string(),
                    "meeting" => "write a meeting's id".to_string(),
                    _ => format!(
                        "write the id, name or alias of one, or describe it in content/{kind}s/{}.md",
                        slugify(written)
                    ),
                };
                Err(Refusal::NoMatch(format!(
                    "wikilink [[{reference}]] matches no {kind}: {what}"
                )))
            }),
            _ => {
                let found: Vec<(&str, &str)> =
                    candidates.iter().map(|&c| self.candidate(c)).collect();
                let typed: Vec<String> = found
                    .iter()
                    .map(|(kind, id)| format!("[[{kind}:{id}]]"))
                    .collect();
                Some(Err(Refusal::Ambiguous(format!(
                    "wikilink [[{reference}]] is ambiguous: it names {}: write {}",
                    by_kind(&found),
                    list(&typed.iter().map(String::as_str).collect::<Vec<_>>(), "or")
                ))))
            }
        }
    }

    /// A candidate's kind and id.
    fn candidate(&self, candidate: Candidate) -> (&'static str, &str) {
        match candidate {
            Candidate::Actor(a) => ("actor", &self.actors[a as usize].id),
            Candidate::Topic(t) => ("topic", &self.topics[t as usize].id),
            Candidate::Page(p) => {
                let entry = &self.pages.entries[p as usize];
                (entry.kind, &entry.id)
            }
        }
    }

    fn link_to(&self, candidate: Candidate) -> (Mention, LinkTarget<'_>) {
        match candidate {
            Candidate::Actor(a) => {
                let decl = &self.actors[a as usize];
                let url = format!("actors/{}/index.html", decl.id);
                (
                    Mention::Actor(a),
                    LinkTarget {
                        url,
                        title: &decl.role,
                        id: &decl.id,
                        name: &decl.name,
                    },
                )
            }
            Candidate::Topic(t) => {
                let decl = &self.topics[t as usize];
                let url = format!("topics/{}/index.html", decl.id);
                (
                    Mention::Topic(t),
                    LinkTarget {
                        url,
                        title: "",
                        id: &decl.id,
                        name: &decl.name,
                    },
                )
            }
            Candidate::Page(p) => {
                let entry = &self.pages.entries[p as usize];
                let url = format!("{}s/{}/index.html", entry.kind, entry.id);
                (
                    Mention::Page,
                    LinkTarget {
                        url,
                        title: "",
                        id: &entry.id,
                        name: &entry.name,
                    },
                )
            }
        }
    }
}
