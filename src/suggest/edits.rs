//! The Levenshtein automaton (with transpositions as one edit) that [`super::NameIndex`]
//! walks its sorted sets with, over UTF-8 bytes.
//!
//! Owns: the distances from a query to the key read so far. Must not: score or choose
//! names (that is `suggest`'s).

use fst::Automaton;

use super::MAX_INPUT;

/// A Levenshtein automaton (with transpositions as one edit) over UTF-8 bytes: it
/// matches the keys within `edits` of `query` that match the query's first `head`
/// characters with at most one edit (see [`Edits::bound`]). Its state is the row of distances
/// from each prefix of the query to the key read so far (the last two rows, for
/// transpositions), so making one costs nothing; rows that exceed every bound die.
pub(super) struct Edits<'q> {
    query: &'q [char],
    head: usize,
    edits: u8,
}

/// A row of distances, one for each prefix of the query (of [`MAX_INPUT`] characters
/// at most): fixed in size, so that a state is copied, never allocated.
type Cells = [u8; MAX_INPUT + 1];

#[derive(Clone)]
pub(super) struct Row {
    now: Cells,
    before: Cells,
    /// The cells of `now` within the bounds: every other is over them.
    alive: (usize, usize),
    last: Option<char>,
    /// A character whose UTF-8 bytes are still being read: its bits and the number
    /// of bytes to come.
    pending: (u32, u8),
}

impl<'q> Edits<'q> {
    pub(super) fn new(query: &'q [char], head: usize, edits: u8) -> Self {
        Edits { query, head, edits }
    }

    /// The most edits allowed to match the first `j` characters of the query: one
    /// while `j` is within the head. (The last character of the head, the first after
    /// it and the insertions between them are held by neither walk: with at most three
    /// edits in all, one walk still holds its part of the key to one.)
    fn bound(&self, j: usize) -> u8 {
        if j < self.head {
            self.edits.min(1)
        } else {
            self.edits
        }
    }

    /// A distance, or `dead` when it is over the bound of cell `j`.
    fn cell(&self, j: usize, distance: u8) -> u8 {
        if distance > self.bound(j) {
            self.edits + 1
        } else {
            distance
        }
    }

    pub(super) fn matches(&self, key: &[u8]) -> bool {
        let mut state = self.start();
        for &byte in key {
            if !self.can_match(&state) {
                return false;
            }
            state = self.accept(&state, byte);
        }
        self.is_match(&state)
    }

    /// The row after the key's next character `c`. Only the cells next to the live
    /// ones of the row before can be live.
    fn step(&self, row: &Row, c: char) -> Option<Row> {
        let dead = self.edits + 1;
        let query = self.query;
        let mut next: Cells = [dead; MAX_INPUT + 1];
        let (lo, hi) = row.alive;
        let mut alive: Option<(usize, usize)> = None;
        let mut j = lo;
        while j <= query.len() && (j <= hi + 2 || next[j - 1] < dead) {
            let mut best = row.now[j].saturating_add(1);
            if j > 0 {
                best = best
                    .min(row.now[j - 1] + u8::from(query[j - 1] != c))
                    .min(next[j - 1] + 1);
            }
            if j > 1 && row.last == Some(query[j - 1]) && query[j - 2] == c {
                best = best.min(row.before[j - 2] + 1);
            }
            next[j] = self.cell(j, best.min(dead));
            if next[j] < dead {
                alive = Some((alive.map_or(j, |(first, _)| first), j));
            }
            j += 1;
        }
        alive.map(|alive| Row {
            now: next,
            before: row.now,
            alive,
            last: Some(c),
            pending: (0, 0),
        })
    }
}

impl Automaton for Edits<'_> {
    type State = Option<Row>;

    fn start(&self) -> Option<Row> {
        let dead = self.edits + 1;
        let mut now: Cells = [dead; MAX_INPUT + 1];
        let mut hi = 0;
        for (j, cell) in now.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = self.cell(j, j.min(usize::from(dead)) as u8);
            if *cell < dead {
                hi = j;
            }
        }
        Some(Row {
            now,
            before: [dead; MAX_INPUT + 1],
            alive: (0, hi),
            last: None,
            pending: (0, 0),
        })
    }

    fn is_match(&self, state: &Option<Row>) -> bool {
        state
            .as_ref()
            .is_some_and(|row| row.pending.1 == 0 && row.now[self.query.len()] <= self.edits)
    }

    fn can_match(&self, state: &Option<Row>) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Option<Row>, byte: u8) -> Option<Row> {
        let row = state.as_ref()?;
        let (bits, left) = row.pending;
        let (bits, left) = match (left, byte) {
            (0, 0x00..=0x7f) => (u32::from(byte), 0),
            (0, 0xc0..=0xdf) => (u32::from(byte & 0x1f), 1),
            (0, 0xe0..=0xef) => (u32::from(byte & 0x0f), 2),
            (0, 0xf0..=0xf7) => (u32::from(byte & 0x07), 3),
            (1.., 0x80..=0xbf) => ((bits << 6) | u32::from(byte & 0x3f), left - 1),
            // Not UTF-8: no key of the sets is such.
            _ => return None,
        };
        if left > 0 {
            let mut row = row.clone();
            row.pending = (bits, left);
            return Some(row);
        }
        self.step(row, char::from_u32(bits)?)
    }
}
