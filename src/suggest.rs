//! "Did you mean ...?": the nearest known name to a misspelt one.
//!
//! [`closest`] compares a word with each of a few candidates (the keys of a file
//! format). [`NameIndex`] answers the same question for the names of a site, however
//! many: it finds the names within a few edits of the input by walking sorted sets of
//! names (`fst`) with a Levenshtein automaton, and scores only those, as `closest`
//! scores every candidate. Nothing here knows what the names name.

use std::collections::BTreeMap;

use fst::{IntoStreamer, Map, MapBuilder, Streamer};

mod edits;

use edits::Edits;

/// The candidate nearest to `input`, when one is close enough to be a likely typo.
/// Comparison ignores case. Ties go to the first candidate in order.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_lowercase();
    let threshold = threshold(&input);
    let mut best: Option<(&'a str, f64)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        // A misspelt surname ("witkof") should find the full name ("steve-witkoff").
        let by_part = parts(&lower)
            .map(|part| part_score(&input, part))
            .fold(0.0, f64::max);
        let score = whole_score(&input, &lower).max(by_part);
        if score >= threshold && best.is_none_or(|(_, b)| score > b) {
            best = Some((candidate, score));
        }
    }
    best.map(|(candidate, _)| candidate)
}

/// The lowest score of a likely typo of `input` (lowercase): short words allow more.
fn threshold(input: &str) -> f64 {
    if input.chars().count() <= 4 { 0.5 } else { 0.6 }
}

/// The parts of a lowercase name that a misspelt reference may name alone: its words,
/// of three letters or more, when it has more than one.
fn parts(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split([' ', '-', '_'])
        .filter(move |part| part.chars().count() >= 3 && *part != lower)
}

fn whole_score(input: &str, lower: &str) -> f64 {
    strsim::normalized_damerau_levenshtein(input, lower)
}

fn part_score(input: &str, part: &str) -> f64 {
    part_of(whole_score(input, part))
}

/// The score of a part of a name, from its score as a whole.
fn part_of(whole: f64) -> f64 {
    0.95 * whole
}

/// The most edits (insertions, deletions, substitutions, transpositions) between an
/// input of `chars` characters and a name or part suggested for it.
fn max_edits(chars: usize) -> u8 {
    if chars >= 10 { 3 } else { 2 }
}

/// Inputs longer than this are not names anyone misspelt: nothing is suggested.
pub(crate) const MAX_INPUT: usize = 64;

/// How many names wait, unsorted, before they go into a set of their own.
const RECENT: usize = 32;

/// Names by number, for suggestions: [`NameIndex::nearest`] gives the number of the
/// name [`closest`] would choose among all the names inserted, when that name is
/// within [`max_edits`] of the input or has a part that is. Ties go to the lowest
/// number, so numbers given in the order of the names keep `closest`'s order.
///
/// Names are added at any time. They wait in a short list, then go into sorted sets
/// whose sizes double (each name is copied into a larger set a logarithmic number of
/// times), so that a query walks a few sets, each in time bounded by the input and
/// the edits it allows, whatever the number of names.
#[derive(Default)]
pub struct NameIndex {
    /// Sorted sets, largest first: each key (a lowercase name or part) to its
    /// [`Firsts`], with the same keys reversed, for the walk from the end.
    sets: Vec<Sets>,
    recent: BTreeMap<String, Firsts>,
}

/// The lowest number of a name that a key is the whole of, and of one it is a part of;
/// `NONE` when there is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Firsts {
    whole: u32,
    part: u32,
}

const NONE: u32 = u32::MAX;

impl Firsts {
    const EMPTY: Firsts = Firsts {
        whole: NONE,
        part: NONE,
    };

    fn pack(self) -> u64 {
        (u64::from(self.whole) << 32) | u64::from(self.part)
    }

    fn unpack(value: u64) -> Firsts {
        Firsts {
            whole: (value >> 32) as u32,
            part: value as u32,
        }
    }

    fn min(self, other: Firsts) -> Firsts {
        Firsts {
            whole: self.whole.min(other.whole),
            part: self.part.min(other.part),
        }
    }
}

struct Sets {
    forward: Map<Vec<u8>>,
    backward: Map<Vec<u8>>,
}

impl NameIndex {
    /// Adds `name` as number `number`.
    pub fn insert(&mut self, name: &str, number: u32) {
        let lower = name.trim().to_lowercase();
        if lower.is_empty() {
            return;
        }
        for part in parts(&lower) {
            let firsts = self.recent.entry(part.to_string()).or_insert(Firsts::EMPTY);
            firsts.part = firsts.part.min(number);
        }
        let firsts = self.recent.entry(lower).or_insert(Firsts::EMPTY);
        firsts.whole = firsts.whole.min(number);
        if self.recent.len() >= RECENT {
            self.settle();
        }
    }

    /// Puts every name into one sorted set, so that a query walks one set (twice)
    /// instead of a logarithmic number of them: for many queries after the names are in.
    pub fn compact(&mut self) {
        if !self.recent.is_empty() {
            let recent = std::mem::take(&mut self.recent);
            self.sets.push(Sets::of(
                recent.into_iter().map(|(k, f)| (k.into_bytes(), f)),
            ));
        }
        if self.sets.len() > 1 {
            let all = Sets::merge(&self.sets);
            self.sets = vec![all];
        }
    }

    /// Moves the recent names into a set, and merges the sets that are then no more
    /// than twice as large as the one after them.
    fn settle(&mut self) {
        let recent = std::mem::take(&mut self.recent);
        self.sets.push(Sets::of(
            recent.into_iter().map(|(k, f)| (k.into_bytes(), f)),
        ));
        while let [.., bigger, smaller] = self.sets.as_slice() {
            if bigger.forward.len() > 2 * smaller.forward.len() {
                break;
            }
            let (Some(smaller), Some(bigger)) = (self.sets.pop(), self.sets.pop()) else {
                break;
            };
            self.sets.push(Sets::merge(&[bigger, smaller]));
        }
    }

    /// The number of the name nearest to `input` (see [`NameIndex`]), if one is close
    /// enough to be a likely typo.
    pub fn nearest(&self, input: &str) -> Option<u32> {
        self.nearest_before(input, NONE)
    }

    /// The number of the name nearest to `input` among those numbered below `limit`:
    /// what [`NameIndex::nearest`] answered when only they had been inserted, since
    /// a key keeps the lowest number of the names it comes from.
    pub fn nearest_before(&self, input: &str, limit: u32) -> Option<u32> {
        let input = input.to_lowercase();
        let query: Vec<char> = input.chars().collect();
        if query.is_empty() || query.len() > MAX_INPUT {
            return None;
        }
        let edits = max_edits(query.len());
        let threshold = threshold(&input);
        let mut best: Option<(f64, u32)> = None;
        let mut consider = |key: &str, firsts: Firsts| {
            if firsts.whole >= limit && firsts.part >= limit {
                return;
            }
            // A key scores as a whole name and as a part with the same distance.
            let whole = whole_score(&input, key);
            let scores = [(firsts.whole, whole), (firsts.part, part_of(whole))];
            for (number, score) in scores {
                let better = best.is_none_or(|(s, n)| score > s || (score == s && number < n));
                if number < limit && score >= threshold && better {
                    best = Some((score, number));
                }
            }
        };
        // Any key within `edits` of the input has at most one of them in its first
        // half or in its second: walk the keys from the start with the first half
        // held to one edit, then the reversed keys with the second half held so.
        let half = query.len() / 2;
        let reversed: Vec<char> = query.iter().rev().copied().collect();
        let from_start = Edits::new(&query, half, edits);
        let from_end = Edits::new(&reversed, query.len() - half, edits);
        for sets in &self.sets {
            let mut found = sets.forward.search(&from_start).into_stream();
            while let Some((key, value)) = found.next() {
                if let Ok(key) = std::str::from_utf8(key) {
                    consider(key, Firsts::unpack(value));
                }
            }
            let mut found = sets.backward.search(&from_end).into_stream();
            while let Some((key, value)) = found.next() {
                if let Ok(key) = std::str::from_utf8(key) {
                    let key: String = key.chars().rev().collect();
                    consider(&key, Firsts::unpack(value));
                }
            }
        }
        let anywhere = Edits::new(&query, 0, edits);
        for (key, firsts) in &self.recent {
            if anywhere.matches(key.as_bytes()) {
                consider(key, *firsts);
            }
        }
        best.map(|(_, number)| number)
    }
}

impl Sets {
    fn of(sorted: impl Iterator<Item = (Vec<u8>, Firsts)>) -> Sets {
        let mut forward = MapBuilder::memory();
        let mut backward: Vec<(String, u64)> = Vec::new();
        for (key, firsts) in sorted {
            // Keys are inserted in order, so insertion cannot fail.
            let _ = forward.insert(&key, firsts.pack());
            let reversed = String::from_utf8_lossy(&key).chars().rev().collect();
            backward.push((reversed, firsts.pack()));
        }
        backward.sort_unstable();
        backward.dedup_by(|a, b| a.0 == b.0);
        let backward = Map::from_iter(backward).unwrap_or_default();
        let forward = forward
            .into_inner()
            .ok()
            .and_then(|bytes| Map::new(bytes).ok())
            .unwrap_or_default();
        Sets { forward, backward }
    }

    /// One set of every key of `sets`, each with the lowest numbers it has in them.
    fn merge(sets: &[Sets]) -> Sets {
        let mut op = fst::map::OpBuilder::new();
        for set in sets {
            op = op.add(&set.forward);
        }
        let mut union = op.union();
        let mut merged = Vec::with_capacity(sets.iter().map(|s| s.forward.len()).sum());
        while let Some((key, values)) = union.next() {
            let firsts = values
                .iter()
                .map(|v| Firsts::unpack(v.value))
                .fold(Firsts::EMPTY, Firsts::min);
            merged.push((key.to_vec(), firsts));
        }
        Sets::of(merged.into_iter())
    }
}

#[cfg(test)]
mod tests;
