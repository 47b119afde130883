//! One generic declaration for actors and topics: a [`Decl`] in a [`Table`] of its
//! kind, told apart by what their [`Kind`] adds ([`ActorInfo`], [`TopicInfo`]), numbered
//! in the order declared ([`No`]), and the resolving of a reference against a table,
//! which creates the entry that a reference naming nothing asks for.
//!
//! Owns: entries and their numbers, what a reference matches (with the problems of one
//! that matches none or several), and the final order by id ([`Table::sorted`]).
//! Must not: read files or briefings, or render anything.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use super::messages::{ambiguous, unknown};
use super::{At, Problems};
use crate::model::ActorKind;
use crate::model::refs::{Lookup, Origin, RefTable};
use crate::model::{id_problem, slugify};

/// What an actor's declaration holds beyond the names every entry has.
pub(super) struct ActorInfo {
    pub(super) kind: ActorKind,
    pub(super) role: String,
}

/// What a topic's declaration holds beyond the names every entry has: nothing.
pub(super) struct TopicInfo;

/// The kind of an entry: what it is called in messages, and what an entry that only a
/// reference names holds.
pub(super) trait Kind: Sized {
    const WHAT: &'static str;
    fn created() -> Self;
}

impl Kind for ActorInfo {
    const WHAT: &'static str = "actor";
    fn created() -> Self {
        ActorInfo {
            kind: ActorKind::Unknown,
            role: String::new(),
        }
    }
}

impl Kind for TopicInfo {
    const WHAT: &'static str = "topic";
    fn created() -> Self {
        TopicInfo
    }
}

/// An actor or a topic as declared, by its file or by the first reference to it.
pub(super) struct Decl<K> {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) aliases: Vec<String>,
    /// Its file's index in `content.actors` or `content.topics`; `None` when created.
    pub(super) doc: Option<usize>,
    pub(super) info: K,
}

impl<K> Decl<K> {
    /// Every name the entry answers to: its id, its name and its aliases.
    pub(super) fn every_name(&self) -> impl Iterator<Item = &str> {
        [self.id.as_str(), self.name.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// The number an entry of kind `K` was declared under, before the tables are sorted:
/// [`Table::sorted`] gives each its final index.
pub(super) struct No<K>(u32, PhantomData<fn() -> K>);

pub(super) type ActorNo = No<ActorInfo>;
pub(super) type TopicNo = No<TopicInfo>;

impl<K> No<K> {
    pub(super) fn new(number: u32) -> Self {
        No(number, PhantomData)
    }
    pub(super) fn get(self) -> usize {
        self.0 as usize
    }
}

impl<K> Clone for No<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K> Copy for No<K> {}
impl<K> PartialEq for No<K> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<K> Eq for No<K> {}
impl<K> Hash for No<K> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}
impl<K> fmt::Debug for No<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "No({})", self.0)
    }
}

/// The entries of one kind in the order declared, with the table their references
/// resolve against.
pub(super) struct Table<K> {
    decls: Vec<Decl<K>>,
    refs: RefTable,
}

impl<K> Default for Table<K> {
    fn default() -> Self {
        Table {
            decls: Vec::new(),
            refs: RefTable::default(),
        }
    }
}

/// What a reference resolved to: an existing entry, or the id of one to create.
enum Resolved {
    Found(u32),
    New(String),
}

impl<K: Kind> Table<K> {
    pub(super) fn len(&self) -> usize {
        self.decls.len()
    }

    pub(super) fn get(&self, no: No<K>) -> &Decl<K> {
        &self.decls[no.get()]
    }

    /// Every entry, in the order declared.
    pub(super) fn decls(&self) -> &[Decl<K>] {
        &self.decls
    }

    /// What `reference` names, by declaration number.
    pub(super) fn lookup(&self, reference: &str) -> Lookup {
        self.refs.lookup(reference)
    }

    /// Every entry `reference` names (one, several, or none).
    pub(super) fn every(&self, reference: &str) -> Vec<No<K>> {
        match self.refs.lookup(reference) {
            Lookup::Found(ix) => vec![No::new(ix)],
            Lookup::Ambiguous(all) => all.into_iter().map(No::new).collect(),
            Lookup::Missing => Vec::new(),
        }
    }

    /// The nearest known spelling, when `reference` looks like a typo of one.
    pub(super) fn suggest(&self, reference: &str) -> Option<&str> {
        self.refs.suggest(reference)
    }

    /// Makes the entry `no` answer to `names` as well (a translation's name and
    /// aliases).
    pub(super) fn also_named<'a>(&mut self, no: No<K>, names: impl IntoIterator<Item = &'a str>) {
        self.refs.insert(no.0, names, Origin::Declared);
    }

    /// Adds an entry; returns its number.
    pub(super) fn add(&mut self, decl: Decl<K>) -> No<K> {
        let ix = self.decls.len() as u32;
        let origin = match decl.doc {
            Some(_) => Origin::Declared,
            None => Origin::Created,
        };
        self.refs.insert(ix, decl.every_name(), origin);
        self.decls.push(decl);
        No::new(ix)
    }

    /// Resolves a reference, creating the entry (with a warning) when nothing matches.
    /// An ambiguous reference is an error, and so is one that cannot make an id: `None`.
    pub(super) fn resolve(
        &mut self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<No<K>> {
        match self.resolve_or_name(reference, at, problems)? {
            Resolved::Found(ix) => Some(No::new(ix)),
            Resolved::New(id) => Some(self.add(Decl {
                id,
                name: reference.trim().to_string(),
                aliases: Vec::new(),
                doc: None,
                info: K::created(),
            })),
        }
    }

    /// Resolves `reference` in the table. One that matches nothing is a warning, and
    /// names the entry to create, unless its id already exists.
    fn resolve_or_name(
        &self,
        reference: &str,
        at: &At<'_, impl Fn() -> usize>,
        problems: &mut Problems<'_>,
    ) -> Option<Resolved> {
        let what = K::WHAT;
        let reference = reference.trim();
        match self.refs.lookup(reference) {
            Lookup::Found(ix) => Some(Resolved::Found(ix)),
            Lookup::Ambiguous(found) => {
                // An exact id wins over the names and aliases it shares.
                let id_of = |i: u32| self.decls[i as usize].id.as_str();
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
                    unknown(what, reference, &id, self.refs.suggest(reference)),
                );
                match self.refs.lookup(&id) {
                    Lookup::Found(ix) => Some(Resolved::Found(ix)),
                    _ => Some(Resolved::New(id)),
                }
            }
        }
    }

    /// The entries in the order of their ids, and the final index of each number.
    pub(super) fn sorted(self) -> Sorted<K> {
        let mut order: Vec<u32> = (0..self.decls.len() as u32).collect();
        order.sort_by(|&a, &b| self.decls[a as usize].id.cmp(&self.decls[b as usize].id));
        let map = inverse(&order);
        let mut old: Vec<Option<Decl<K>>> = self.decls.into_iter().map(Some).collect();
        let decls = order
            .iter()
            .filter_map(|&i| old[i as usize].take())
            .collect();
        Sorted { decls, map }
    }
}

/// The entries of one kind in their final order (by id), and where each number went.
pub(super) struct Sorted<K> {
    pub(super) decls: Vec<Decl<K>>,
    /// The final index of the entry declared under each number.
    pub(super) map: Vec<u32>,
}

/// The order that `order` gives, inverted: the place of each item.
pub(super) fn inverse(order: &[u32]) -> Vec<u32> {
    let mut map = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        map[old as usize] = new as u32;
    }
    map
}

/// The actors and topics known so far. Only a step that is handed it adds to it.
#[derive(Default)]
pub(super) struct Names {
    pub(super) actors: Table<ActorInfo>,
    pub(super) topics: Table<TopicInfo>,
}
