//! The inverted index: terms and their postings with BM25 impacts, split into pages
//! by impact, grouped into shards by term.
//!
//! A posting is a document of one kind with the term's BM25 score in it, quantized to
//! an impact of 1 to 63 on one scale for the whole index, so that a document's score
//! for a query is the sum of its impacts and needs no length or statistics in the
//! browser. A term's postings of one kind are ordered by impact, best first, and cut
//! into pages of [`FIRST_PAGE`], then twice, four times... as many: the browser loads
//! the first page of each term with its shard and the next ones only when it needs
//! more results, so a common word costs a few kilobytes, not its whole list.
//! Filter terms (`a:` and `t:` followed by a word of an actor's or topic's names)
//! are cut the same way, in the order of the documents, and loaded whole.

use std::collections::HashMap;

use super::docs::Doc;
use super::text::{Analyzer, for_each_word};

/// Postings in a term's first page of one kind.
pub const FIRST_PAGE: usize = 1200;
/// BM25's parameters.
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// A word of a title counts this many times.
const TITLE_WEIGHT: u32 = 3;
/// The highest impact.
pub const MAX_IMPACT: u32 = 63;

/// One term's postings of one kind.
pub struct KindPostings {
    pub kind: usize,
    /// How many documents of the kind hold the term.
    pub count: usize,
    /// The pages, each a list of (document, impact) in document order.
    pub pages: Vec<Vec<(u32, u32)>>,
}

/// A term and its postings, by kind.
pub struct Term {
    pub text: String,
    pub kinds: Vec<KindPostings>,
}

/// The folded words that pick each actor's and topic's documents by a filter (of
/// its id, name and aliases), by index in the dossier.
pub struct FilterWords<'a> {
    pub actors: &'a [Vec<String>],
    pub topics: &'a [Vec<String>],
}

/// The terms in the order the browser compares strings (UTF-16 code units).
pub fn build(kinds: &[Vec<Doc>; 6], filter_words: &FilterWords, analyzer: &Analyzer) -> Vec<Term> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    // The term id of each word, so that each distinct word is stemmed once.
    let mut stems: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    // By term id: by kind, (document, weighted frequency).
    let mut postings: Vec<[Vec<(u32, u32)>; 6]> = Vec::new();
    let mut lengths: [Vec<u32>; 6] = Default::default();
    let intern = |text: &str, ids: &mut HashMap<String, u32>, names: &mut Vec<String>| {
        if let Some(&id) = ids.get(text) {
            return id;
        }
        let id = names.len() as u32;
        ids.insert(text.to_string(), id);
        names.push(text.to_string());
        id
    };
    // A document's terms: (term id, weighted frequency), gathered then counted.
    let mut seen: Vec<(u32, u32)> = Vec::new();
    for (kind, docs) in kinds.iter().enumerate() {
        for (doc_id, doc) in docs.iter().enumerate() {
            seen.clear();
            let mut length = 0;
            for (text, weight) in [
                (&doc.title, TITLE_WEIGHT),
                (&doc.names, TITLE_WEIGHT),
                (&doc.text, 1),
            ] {
                for_each_word(text, |word| {
                    let id = match stems.get(word) {
                        Some(&id) => id,
                        None => {
                            let term = analyzer.term(word);
                            let id = intern(&term, &mut ids, &mut names);
                            stems.insert(word.to_string(), id);
                            id
                        }
                    };
                    seen.push((id, weight));
                    length += weight;
                });
            }
            lengths[kind].push(length);
            seen.sort_unstable_by_key(|&(id, _)| id);
            let mut at = 0;
            while at < seen.len() {
                let id = seen[at].0;
                let mut tf = 0;
                while at < seen.len() && seen[at].0 == id {
                    tf += seen[at].1;
                    at += 1;
                }
                if postings.len() <= id as usize {
                    postings.resize_with(id as usize + 1, Default::default);
                }
                postings[id as usize][kind].push((doc_id as u32, tf));
            }
        }
    }
    let scored = names.len();

    // Filter terms: no frequency, one posting per document. Each actor's and topic's
    // filter terms are found once, then listed for each of its documents.
    let mut filter_ids: HashMap<String, usize> = HashMap::new();
    let mut filter_lists: Vec<(String, [Vec<u32>; 6])> = Vec::new();
    let mut ids_of = |prefix: &str, words: &[Vec<String>]| -> Vec<Vec<usize>> {
        words
            .iter()
            .map(|words| {
                let mut ids: Vec<usize> = words
                    .iter()
                    .map(|word| {
                        let text = format!("{prefix}{word}");
                        *filter_ids.entry(text.clone()).or_insert_with(|| {
                            filter_lists.push((text, Default::default()));
                            filter_lists.len() - 1
                        })
                    })
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect()
    };
    let actor_filters = ids_of("a:", filter_words.actors);
    let topic_filters = ids_of("t:", filter_words.topics);
    for (kind, docs) in kinds.iter().enumerate() {
        for (doc_id, doc) in docs.iter().enumerate() {
            let actors = doc.actors.iter().flat_map(|a| &actor_filters[a.get()]);
            let topics = doc.topics.iter().flat_map(|t| &topic_filters[t.get()]);
            for &id in actors.chain(topics) {
                let list = &mut filter_lists[id].1[kind];
                if list.last() != Some(&(doc_id as u32)) {
                    list.push(doc_id as u32);
                }
            }
        }
    }

    let total: usize = kinds.iter().map(Vec::len).sum();
    let average: Vec<f64> = lengths
        .iter()
        .map(|l| (l.iter().map(|&x| x as f64).sum::<f64>() / l.len().max(1) as f64).max(1.0))
        .collect();
    let score = |df: usize, tf: u32, kind: usize, doc: u32| -> f64 {
        let idf = (1.0 + (total as f64 - df as f64 + 0.5) / (df as f64 + 0.5)).ln();
        let tf = tf as f64;
        let norm = 1.0 - B + B * lengths[kind][doc as usize] as f64 / average[kind];
        idf * tf * (K1 + 1.0) / (tf + K1 * norm)
    };
    let mut top: f64 = 0.0;
    for lists in &postings {
        let df: usize = lists.iter().map(Vec::len).sum();
        for (kind, list) in lists.iter().enumerate() {
            for &(doc, tf) in list {
                top = top.max(score(df, tf, kind, doc));
            }
        }
    }
    let impact = |s: f64| ((s / top * MAX_IMPACT as f64).round() as u32).clamp(1, MAX_IMPACT);

    let mut terms: Vec<Term> = Vec::with_capacity(scored + filter_lists.len());
    for (lists, text) in postings.into_iter().zip(names) {
        let df: usize = lists.iter().map(Vec::len).sum();
        let kinds = lists
            .into_iter()
            .enumerate()
            .filter(|(_, list)| !list.is_empty())
            .map(|(kind, list)| {
                let mut list: Vec<(u32, u32)> = list
                    .into_iter()
                    .map(|(doc, tf)| (doc, impact(score(df, tf, kind, doc))))
                    .collect();
                list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                KindPostings {
                    kind,
                    count: list.len(),
                    pages: pages(list),
                }
            })
            .collect();
        terms.push(Term { text, kinds });
    }
    for (text, lists) in filter_lists {
        let kinds = lists
            .into_iter()
            .enumerate()
            .filter(|(_, list)| !list.is_empty())
            .map(|(kind, mut list)| {
                // A document met twice, through two actors sharing a word, counts once.
                list.sort_unstable();
                list.dedup();
                KindPostings {
                    kind,
                    count: list.len(),
                    pages: pages(list.into_iter().map(|doc| (doc, 0)).collect()),
                }
            })
            .collect();
        terms.push(Term { text, kinds });
    }
    terms.sort_by(|a, b| a.text.encode_utf16().cmp(b.text.encode_utf16()));
    terms
}

/// Cuts a list, in the order it is read, into pages of [`FIRST_PAGE`] postings, then
/// twice as many each time; each page sorted by document.
fn pages(list: Vec<(u32, u32)>) -> Vec<Vec<(u32, u32)>> {
    let mut out = Vec::new();
    let mut size = FIRST_PAGE;
    let mut rest = &list[..];
    while !rest.is_empty() {
        let (page, after) = rest.split_at(size.min(rest.len()));
        let mut page = page.to_vec();
        page.sort_unstable();
        out.push(page);
        rest = after;
        size *= 2;
    }
    out
}

/// The alphabet of the encoded postings: 64 characters that need no escape in a
/// JavaScript string or an HTML page.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// A page as text: for each posting, the gap from the previous document as a number
/// in base 32 (each digit but the last carries 32), then its impact as one digit.
pub fn encode_page(page: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(page.len() * 3);
    let mut previous = 0;
    for (at, &(doc, impact)) in page.iter().enumerate() {
        let gap = if at == 0 { doc } else { doc - previous - 1 };
        previous = doc;
        push_number(&mut out, gap);
        out.push(DIGITS[impact.min(MAX_IMPACT) as usize] as char);
    }
    out
}

fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 7];
    let mut len = 0;
    loop {
        digits[len] = (n & 31) as u8;
        len += 1;
        n >>= 5;
        if n == 0 {
            break;
        }
    }
    for at in (0..len).rev() {
        let more = if at > 0 { 32 } else { 0 };
        out.push(DIGITS[(digits[at] | more) as usize] as char);
    }
}

/// The inverse of [`encode_page`], for tests.
#[cfg(test)]
pub fn decode_page(text: &str) -> Vec<(u32, u32)> {
    let value = |c: u8| DIGITS.iter().position(|&d| d == c).unwrap() as u32;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    let mut previous: Option<u32> = None;
    while at < bytes.len() {
        let mut n = 0;
        loop {
            let v = value(bytes[at]);
            at += 1;
            n = n * 32 + (v & 31);
            if v & 32 == 0 {
                break;
            }
        }
        let doc = match previous {
            None => n,
            Some(p) => p + 1 + n,
        };
        previous = Some(doc);
        out.push((doc, value(bytes[at])));
        at += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorIx;

    fn doc(kind: usize, title: &str, text: &str) -> Doc {
        Doc {
            kind,
            date: None,
            title: title.into(),
            names: String::new(),
            url: String::new(),
            detail: String::new(),
            text: text.into(),
            actors: vec![ActorIx(0)],
            topics: Vec::new(),
        }
    }

    fn terms_of(kinds: &[Vec<Doc>; 6]) -> Vec<Term> {
        let actors = vec![vec!["witkoff".to_string()]];
        build(
            kinds,
            &FilterWords {
                actors: &actors,
                topics: &[],
            },
            &Analyzer::default(),
        )
    }

    fn postings<'t>(terms: &'t [Term], text: &str) -> &'t [KindPostings] {
        &terms.iter().find(|t| t.text == text).unwrap().kinds
    }

    #[test]
    fn pages_round_trip_through_their_text() {
        let page = vec![
            (0, 1),
            (1, 63),
            (31, 5),
            (32, 5),
            (100_000, 9),
            (4_000_000, 2),
        ];
        let text = encode_page(&page);
        assert!(text.bytes().all(|b| DIGITS.contains(&b)));
        assert_eq!(decode_page(&text), page);
        assert_eq!(encode_page(&[]), "");
    }

    /// A term's first page holds its best postings; the next pages double.
    #[test]
    fn pages_are_cut_by_impact_then_doubled() {
        let list: Vec<(u32, u32)> = (0..FIRST_PAGE as u32 * 4)
            .map(|d| (d, 63 - d % 60))
            .collect();
        let mut ordered = list.clone();
        ordered.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let cut = pages(ordered);
        let sizes: Vec<usize> = cut.iter().map(Vec::len).collect();
        assert_eq!(sizes, [FIRST_PAGE, 2 * FIRST_PAGE, FIRST_PAGE]);
        let lowest_first = cut[0].iter().map(|p| p.1).min().unwrap();
        let highest_second = cut[1].iter().map(|p| p.1).max().unwrap();
        assert!(lowest_first >= highest_second);
        assert!(cut[0].windows(2).all(|w| w[0].0 < w[1].0));
    }

    /// BM25: a word weighs more in a title, in a short document, and when rare.
    #[test]
    fn impacts_follow_bm25() {
        let long = "ceasefire talks ".to_string() + &"filler words go on and on ".repeat(40);
        let mut kinds: [Vec<Doc>; 6] = Default::default();
        kinds[0] = vec![
            doc(0, "Ceasefire", "talks went on"),
            doc(0, "Other", &long),
            doc(0, "Third", "ceasefire talks, and a moratorium"),
        ];
        let terms = terms_of(&kinds);
        let impact = |term: &str, doc: u32| {
            let k = &postings(&terms, term)[0];
            k.pages.iter().flatten().find(|p| p.0 == doc).map(|p| p.1)
        };
        let (title, long, short) = (
            impact("ceasefir", 0),
            impact("ceasefir", 1),
            impact("ceasefir", 2),
        );
        assert!(
            title > short && short > long,
            "{title:?} {short:?} {long:?}"
        );
        // Rarer: "moratorium" (one document) outweighs "talk" (all three) in the same one.
        assert!(impact("moratorium", 2) > impact("talk", 2));
        assert_eq!(impact("ceasefir", 1).map(|i| i >= 1), Some(true));
        assert!(terms.iter().all(|t| {
            t.kinds
                .iter()
                .all(|k| k.pages.iter().flatten().all(|p| p.1 <= MAX_IMPACT))
        }));
    }

    /// Stems are the terms, kinds are kept apart, and filter terms list every
    /// document of their actor once.
    #[test]
    fn terms_are_stems_by_kind_with_filters() {
        let mut kinds: [Vec<Doc>; 6] = Default::default();
        kinds[0] = vec![doc(0, "Negotiations", "negotiated twice, negotiating")];
        kinds[3] = vec![doc(3, "Speaker", "we negotiate"), doc(3, "Other", "")];
        let terms = terms_of(&kinds);
        let negoti = postings(&terms, "negoti");
        assert_eq!(negoti.len(), 2);
        assert_eq!((negoti[0].kind, negoti[0].count), (0, 1));
        assert_eq!((negoti[1].kind, negoti[1].count), (3, 1));
        assert!(!terms.iter().any(|t| t.text == "negotiations"));
        let filter = postings(&terms, "a:witkoff");
        assert_eq!(filter[1].pages, vec![vec![(0, 0), (1, 0)]]);
        // In the order the browser compares strings.
        assert!(
            terms
                .windows(2)
                .all(|w| w[0].text.encode_utf16().lt(w[1].text.encode_utf16()))
        );
    }
}
