//! Matching references (an id, a name or an alias, in any case) to actors and topics.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::suggest::NameIndex;

/// What a reference matched.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(u32),
    /// More than one entry answers to the reference.
    Ambiguous(Vec<u32>),
    Missing,
}

/// Where the names of an entry come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A file of its own: its id, its name and its aliases.
    Declared,
    /// A reference that matched nothing.
    Created,
}

/// Every name an entry answers to, case-insensitively.
#[derive(Default)]
pub struct RefTable {
    by_key: HashMap<String, Vec<u32>>,
    /// Every id, name and alias as written, for suggestions, numbered in the order
    /// they came.
    spellings: Vec<String>,
    /// The spellings of declared entries, then those of created ones.
    declared: NameIndex,
    created: NameIndex,
}

impl RefTable {
    /// Makes `ix` answer to each of `names`.
    pub fn insert<'a>(
        &mut self,
        ix: u32,
        names: impl IntoIterator<Item = &'a str>,
        origin: Origin,
    ) {
        for name in names {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let entry = self.by_key.entry(key(name).into_owned()).or_default();
            if !entry.contains(&ix) {
                entry.push(ix);
                let number = self.spellings.len() as u32;
                match origin {
                    Origin::Declared => self.declared.insert(name, number),
                    Origin::Created => self.created.insert(name, number),
                }
                self.spellings.push(name.to_string());
            }
        }
    }

    /// What `reference` matches.
    pub fn lookup(&self, reference: &str) -> Lookup {
        match self
            .by_key
            .get(key(reference.trim()).as_ref())
            .map(Vec::as_slice)
        {
            Some([one]) => Lookup::Found(*one),
            Some(many) if !many.is_empty() => Lookup::Ambiguous(many.to_vec()),
            _ => Lookup::Missing,
        }
    }

    /// The nearest known spelling, when `reference` looks like a typo of one: of a
    /// declared entry when one is near, or else of an entry a reference created.
    pub fn suggest(&self, reference: &str) -> Option<&str> {
        let number = self
            .declared
            .nearest(reference)
            .or_else(|| self.created.nearest(reference))?;
        self.spellings.get(number as usize).map(String::as_str)
    }
}

/// The key a name is matched by: the name in lowercase. Most references are written
/// in lowercase already, and are then used as they are.
fn key(name: &str) -> Cow<'_, str> {
    if name
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(name.to_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ids_names_and_aliases_in_any_case() {
        let mut table = RefTable::default();
        table.insert(
            0,
            ["steve-witkoff", "Steve Witkoff", "Witkoff"],
            Origin::Declared,
        );
        table.insert(
            1,
            ["united-states", "United States", "US"],
            Origin::Declared,
        );
        table.insert(2, ["us-army", "US"], Origin::Declared);
        assert_eq!(table.lookup("WITKOFF"), Lookup::Found(0));
        assert_eq!(table.lookup(" steve witkoff "), Lookup::Found(0));
        assert_eq!(table.lookup("us"), Lookup::Ambiguous(vec![1, 2]));
        assert_eq!(table.lookup("Dmitriev"), Lookup::Missing);
        assert_eq!(table.suggest("witkof"), Some("Witkoff"));
    }

    #[test]
    fn suggests_declared_names_before_created_ones() {
        let mut table = RefTable::default();
        table.insert(0, ["benjamin-netanyahou"], Origin::Created);
        table.insert(
            1,
            ["benjamin-netanyahu", "Benjamin Netanyahu"],
            Origin::Declared,
        );
        assert_eq!(table.suggest("Netanyahoo"), Some("benjamin-netanyahu"));
        assert_eq!(
            table.suggest("benjamin-netanyahoux"),
            Some("benjamin-netanyahu")
        );
        // With no declared name near, a created one is suggested.
        table.insert(2, ["Nobody Known"], Origin::Created);
        assert_eq!(table.suggest("Nobody Knwn"), Some("Nobody Known"));
    }
}
