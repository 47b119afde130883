//! Matching references (an id, a name or an alias, in any case) to actors and topics.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::suggest::closest;

/// What a reference matched.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(u32),
    /// More than one entry answers to the reference.
    Ambiguous(Vec<u32>),
    Missing,
}

/// Every name an entry answers to, case-insensitively.
#[derive(Debug, Default)]
pub struct RefTable {
    by_key: HashMap<String, Vec<u32>>,
    /// Every id, name and alias as written, for suggestions.
    spellings: Vec<String>,
}

impl RefTable {
    /// Makes `ix` answer to each of `names`.
    pub fn insert<'a>(&mut self, ix: u32, names: impl IntoIterator<Item = &'a str>) {
        for name in names {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let entry = self.by_key.entry(key(name).into_owned()).or_default();
            if !entry.contains(&ix) {
                entry.push(ix);
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

    /// The nearest known spelling, when `reference` looks like a typo of one.
    pub fn suggest(&self, reference: &str) -> Option<&str> {
        closest(reference, self.spellings.iter().map(String::as_str))
    }

    /// Renumbers every entry: `ix` becomes `map[ix]`.
    pub fn remap(&mut self, map: &[u32]) {
        for entries in self.by_key.values_mut() {
            for ix in entries.iter_mut() {
                *ix = map[*ix as usize];
            }
        }
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
        table.insert(0, ["steve-witkoff", "Steve Witkoff", "Witkoff"]);
        table.insert(1, ["united-states", "United States", "US"]);
        table.insert(2, ["us-army", "US"]);
        assert_eq!(table.lookup("WITKOFF"), Lookup::Found(0));
        assert_eq!(table.lookup(" steve witkoff "), Lookup::Found(0));
        assert_eq!(table.lookup("us"), Lookup::Ambiguous(vec![1, 2]));
        assert_eq!(table.lookup("Dmitriev"), Lookup::Missing);
        assert_eq!(table.suggest("witkof"), Some("Witkoff"));
        table.remap(&[2, 0, 1]);
        assert_eq!(table.lookup("witkoff"), Lookup::Found(2));
    }
}
