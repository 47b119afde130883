//! What a `[[wikilink]]` of a text names, for the Markdown renderer: the
//! [`LinkResolver`] of the resolver, a [`Linker`] over the names and pages known.
//!
//! Owns: the choice among candidates (an exact id wins; two matches otherwise are an
//! error naming every candidate) and the messages of links that name nothing.
//! Must not: add a name (the render step creates the actors that links ask for), or
//! render anything.

use std::collections::HashMap;

use super::messages::{by_kind, list};
use super::table::{ActorNo, Names, TopicNo};
use crate::markdown::{self, LinkResolver, LinkTarget, Refusal};
use crate::model::slugify;

/// What a wikilink points to, by declaration number (before the names are sorted).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Mention {
    Actor(ActorNo),
    Topic(TopicNo),
    /// A briefing or a meeting: no back-reference is kept.
    Page,
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
    /// Adds a page of `kind` that the lowercase forms of `keys` name.
    pub(super) fn add(&mut self, kind: &'static str, id: &str, name: &str, keys: &[&str]) {
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

/// Resolves wikilinks against the names and pages known.
pub(super) struct Linker<'a> {
    pub(super) names: &'a Names,
    pub(super) pages: &'a Pages,
}

/// Something a wikilink can name, before it is chosen.
#[derive(Clone, Copy)]
enum Candidate {
    Actor(ActorNo),
    Topic(TopicNo),
    Page(u32),
}

impl LinkResolver for Linker<'_> {
    type Target = Mention;

    fn resolve(&self, reference: &str) -> Result<(Mention, LinkTarget<'_>), Refusal> {
        if let Some(resolved) = self.wikilink(reference) {
            return resolved;
        }
        // A bare wikilink that names nothing.
        let names = self.names;
        let near = names
            .actors
            .suggest(reference)
            .or_else(|| names.topics.suggest(reference));
        Err(Refusal::NoMatch(match near {
            Some(near) => format!(
                "wikilink [[{reference}]] matches no actor or topic (did you mean '{near}'?)"
            ),
            None => format!(
                "wikilink [[{reference}]] matches no actor or topic: add content/actors/{}.md or content/topics/{}.md",
                slugify(reference),
                slugify(reference)
            ),
        }))
    }
}

impl Linker<'_> {
    /// Resolves a wikilink that names something, or says why a typed one
    /// (`[[actor:x]]`, `[[topic:x]]`, `[[briefing:x]]`, `[[meeting:x]]`) names
    /// nothing; `None` for a bare one that matches nothing (the caller reports it,
    /// with its suggestion). An exact id wins over names and aliases; two matches
    /// otherwise are an error that names every candidate.
    fn wikilink(&self, reference: &str) -> Option<Result<(Mention, LinkTarget<'_>), Refusal>> {
        let (kind, written) = markdown::wikilink_kind(reference);
        let written = written.trim();
        let mut candidates: Vec<Candidate> = Vec::new();
        if matches!(kind, None | Some("actor")) {
            let found = self.names.actors.every(written);
            candidates.extend(found.into_iter().map(Candidate::Actor));
        }
        if matches!(kind, None | Some("topic")) {
            let found = self.names.topics.every(written);
            candidates.extend(found.into_iter().map(Candidate::Topic));
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
            Candidate::Actor(a) => ("actor", &self.names.actors.get(a).id),
            Candidate::Topic(t) => ("topic", &self.names.topics.get(t).id),
            Candidate::Page(p) => {
                let entry = &self.pages.entries[p as usize];
                (entry.kind, &entry.id)
            }
        }
    }

    fn link_to(&self, candidate: Candidate) -> (Mention, LinkTarget<'_>) {
        match candidate {
            Candidate::Actor(a) => {
                let decl = self.names.actors.get(a);
                let url = format!("actors/{}/index.html", decl.id);
                let target = LinkTarget {
                    url,
                    title: &decl.info.role,
                    id: &decl.id,
                    name: &decl.name,
                };
                (Mention::Actor(a), target)
            }
            Candidate::Topic(t) => {
                let decl = self.names.topics.get(t);
                let url = format!("topics/{}/index.html", decl.id);
                let target = LinkTarget {
                    url,
                    title: "",
                    id: &decl.id,
                    name: &decl.name,
                };
                (Mention::Topic(t), target)
            }
            Candidate::Page(p) => {
                let entry = &self.pages.entries[p as usize];
                let url = format!("{}s/{}/index.html", entry.kind, entry.id);
                let target = LinkTarget {
                    url,
                    title: "",
                    id: &entry.id,
                    name: &entry.name,
                };
                (Mention::Page, target)
            }
        }
    }
}
