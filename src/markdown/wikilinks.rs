//! The `[[wikilinks]]` of a text: what one names (its kind and the rest), and the
//! hook ([`LinkResolver`]) through which the caller says where it goes.
//!
//! It owns no names: which page a wikilink names is the resolver's to say
//! (`model::resolve`), never this module's.

/// Where a wikilink goes; the texts are borrowed from the resolver.
#[derive(Debug, Clone)]
pub struct LinkTarget<'a> {
    /// Root-relative address of the page (`actors/x/index.html`).
    pub url: String,
    /// Tooltip text (the actor's role), may be empty.
    pub title: &'a str,
    /// The target's id, shown as the name when the reference spelled the id.
    pub id: &'a str,
    /// The target's display name.
    pub name: &'a str,
}

/// Resolves the target of a `[[wikilink]]`.
pub trait LinkResolver {
    /// What the caller wants recorded for each resolved link (e.g. a mention).
    type Target;
    /// The page the reference names, or why it names none.
    fn resolve(&self, reference: &str) -> Result<(Self::Target, LinkTarget<'_>), Refusal>;
}

/// Why a wikilink leads nowhere. It is shown as plain text either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It names nothing (a warning); a bare or `actor:` one makes an actor.
    NoMatch(String),
    /// It names more than one thing, and no page can be chosen (an error).
    Ambiguous(String),
}

/// The kind a wikilink says it names (`[[topic:annexation]]`: `topic`), and the rest
/// of it; no kind for a bare wikilink (or one whose prefix is not a kind).
pub fn wikilink_kind(reference: &str) -> (Option<&'static str>, &str) {
    const KINDS: [&str; 4] = ["actor", "topic", "briefing", "meeting"];
    if let Some((prefix, rest)) = reference.split_once(':') {
        let prefix = prefix.trim();
        if let Some(kind) = KINDS.iter().find(|k| k.eq_ignore_ascii_case(prefix)) {
            return (Some(kind), rest.trim());
        }
    }
    (None, reference)
}
