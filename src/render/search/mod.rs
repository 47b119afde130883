//! Search: a full-text index built at build time and written as small scripts that
//! the browser loads on demand (`static/search.js`), from a host or from disk.
//!
//! Everything under [`INDEX_DIR`]:
//!
//! - `manifest.js`: the kinds of document (how many, how many per chunk, where each
//!   year starts), and the first and last term of every shard;
//! - `t/<n>.js`: a shard, a run of terms in order, each with its postings by kind
//!   (how many, the first page, how many more pages and where they are);
//! - `p/<n>.js`: a further page of one term's postings of one kind;
//! - `d/<kind>-<n>.js`: a chunk of documents of one kind (title, page, detail, text);
//! - `stemmer.js`: the Snowball stemmer of the index's language in JavaScript
//!   (`snowball/`), or none that stems nothing, as `window.dossierStemmer`.
//!
//! A query loads the manifest, the shards of its words, and the chunks of the
//! documents it shows: a few hundred kilobytes at most, whatever the dossier's size.
//! The text comes from what rendering already made (bodies as HTML, stripped of
//! their tags): nothing is rendered twice. This module makes the files; it writes
//! nothing.

mod docs;
mod index;
mod script;
pub mod text;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::Dossier;
pub use docs::KINDS;
pub use script::script_safe_json;

/// The folder of the index in the output.
pub const INDEX_DIR: &str = "search-index/";
/// A shard holds terms until its text reaches this many bytes.
const SHARD_BYTES: usize = 12 * 1024;
/// A chunk holds about this many bytes of documents.
const CHUNK_BYTES: usize = 8 * 1024;
/// The version of the layout, which `search.js` checks.
const VERSION: u32 = 1;

/// Files by their path in the output, with their text.
type Files = Vec<(String, String)>;

/// Every file of the index: its path in the output and its text.
pub struct Index {
    files: Files,
}

#[derive(Serialize)]
struct KindInfo {
    k: &'static str,
    /// How many documents.
    n: usize,
    /// Documents per chunk.
    c: usize,
    /// Where each year starts: (year, first document), in order.
    y: Vec<(i16, usize)>,
}

#[derive(Serialize)]
struct Manifest<'a> {
    v: u32,
    /// The size of a term's first page; each next one is twice the one before.
    first: usize,
    kinds: Vec<KindInfo>,
    /// The first and last term of each shard.
    shards: Vec<(&'a str, &'a str)>,
}

/// One term in a shard: its text and, by kind, (kind, how many, first page, further
/// pages, number of the first further page).
type ShardTerm = (String, Vec<(usize, usize, String, usize, usize)>);

impl Index {
    /// The index of `dossier`, in the site's language.
    pub fn build(dossier: &Dossier) -> anyhow::Result<Index> {
        Index::build_in(dossier, &dossier.config.language)
    }

    /// The index of `dossier` with the words of `language` (a language code: its
    /// stemmer, see [`text::stemmer_name`]).
    pub fn build_in(dossier: &Dossier, language: &str) -> anyhow::Result<Index> {
        let kinds = docs::documents(dossier);
        let name_words = |id: &str, name: &str, aliases: &[String]| {
            let mut words = text::words(id);
            words.extend(text::words(name));
            for alias in aliases {
                words.extend(text::words(alias));
            }
            words.sort();
            words.dedup();
            words
        };
        let actor_words: Vec<Vec<String>> = dossier
            .actors
            .iter()
            .map(|a| name_words(&a.id, &a.name, &a.aliases))
            .collect();
        let topic_words: Vec<Vec<String>> = dossier
            .topics
            .iter()
            .map(|t| name_words(&t.id, &t.name, &t.aliases))
            .collect();
        let filter_words = index::FilterWords {
            actors: &actor_words,
            topics: &topic_words,
        };
        Index::from_documents(&kinds, &filter_words, language)
    }

    /// The index of documents of each kind, which name actors and topics by their
    /// index in `filter_words`.
    fn from_documents(
        kinds: &[Vec<docs::Doc>; 6],
        filter_words: &index::FilterWords,
        language: &str,
    ) -> anyhow::Result<Index> {
        let analyzer = text::Analyzer::for_language(language);
        let (terms, chunks) = rayon::join(
            || index::build(kinds, filter_words, &analyzer),
            || chunk_files(kinds),
        );
        let (chunks, per_chunk) = chunks?;
        let mut files = chunks;
        files.push((
            format!("{INDEX_DIR}stemmer.js"),
            stemmer_script(text::stemmer_name(language)).to_string(),
        ));

        // Shards and further pages.
        let mut shards: Vec<Vec<ShardTerm>> = vec![Vec::new()];
        let mut shard_bytes = 0;
        let mut pages = 0;
        for term in &terms {
            let mut entry: ShardTerm = (term.text.clone(), Vec::new());
            let mut bytes = term.text.len() + 8;
            for k in &term.kinds {
                let first = index::encode_page(&k.pages[0]);
                bytes += first.len() + 16;
                let base = pages;
                for page in &k.pages[1..] {
                    files.push((
                        format!("{INDEX_DIR}p/{pages}.js"),
                        script::call("page", &[&pages, &index::encode_page(page)])?,
                    ));
                    pages += 1;
                }
                entry
                    .1
                    .push((k.kind, k.count, first, k.pages.len() - 1, base));
            }
            if shard_bytes > 0 && shard_bytes + bytes > SHARD_BYTES {
                shards.push(Vec::new());
                shard_bytes = 0;
            }
            shard_bytes += bytes;
            shards.last_mut().expect("one shard at least").push(entry);
        }
        if shards.last().is_some_and(Vec::is_empty) {
            shards.pop();
        }
        let bounds: Vec<(&str, &str)> = shards
            .iter()
            .map(|s| (s[0].0.as_str(), s[s.len() - 1].0.as_str()))
            .collect();
        let manifest = Manifest {
            v: VERSION,
            first: index::FIRST_PAGE,
            kinds: kinds
                .iter()
                .zip(per_chunk)
                .enumerate()
                .map(|(kind, (docs, c))| KindInfo {
                    k: KINDS[kind],
                    n: docs.len(),
                    c,
                    y: years(docs),
                })
                .collect(),
            shards: bounds,
        };
        files.push((
            format!("{INDEX_DIR}manifest.js"),
            script::call("manifest", &[&manifest])?,
        ));
        for (n, shard) in shards.iter().enumerate() {
            files.push((
                format!("{INDEX_DIR}t/{n}.js"),
                script::call("shard", &[&n, shard])?,
            ));
        }
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(Index { files })
    }

    /// Every file, by path.
    pub fn files(&self) -> &[(String, String)] {
        &self.files
    }

    /// The text of the file at `path`, if the index has one there.
    pub fn file(&self, path: &str) -> Option<&str> {
        let at = self
            .files
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()?;
        Some(&self.files[at].1)
    }
}

/// The browser's stemmer of a Snowball language (`text::STEMMERS`), or the one that
/// leaves words as they are.
fn stemmer_script(name: Option<&str>) -> &'static str {
    match name {
        Some("arabic") => include_str!("snowball/arabic.js"),
        Some("danish") => include_str!("snowball/danish.js"),
        Some("dutch") => include_str!("snowball/dutch.js"),
        Some("english") => include_str!("snowball/english.js"),
        Some("finnish") => include_str!("snowball/finnish.js"),
        Some("french") => include_str!("snowball/french.js"),
        Some("german") => include_str!("snowball/german.js"),
        Some("hungarian") => include_str!("snowball/hungarian.js"),
        Some("italian") => include_str!("snowball/italian.js"),
        Some("norwegian") => include_str!("snowball/norwegian.js"),
        Some("portuguese") => include_str!("snowball/portuguese.js"),
        Some("romanian") => include_str!("snowball/romanian.js"),
        Some("russian") => include_str!("snowball/russian.js"),
        Some("spanish") => include_str!("snowball/spanish.js"),
        Some("swedish") => include_str!("snowball/swedish.js"),
        Some("turkish") => include_str!("snowball/turkish.js"),
        _ => {
            "/* dossier: this site's language has no stemmer: search folds words, and stems none. */\n\
             window.dossierStemmer = { stem: function (word) { return word; } };\n"
        }
    }
}

/// True for a path inside the index's folder.
pub fn is_index_path(path: &str) -> bool {
    path.starts_with(INDEX_DIR)
}

/// Where each year starts among documents in order of date.
fn years(docs: &[docs::Doc]) -> Vec<(i16, usize)> {
    let mut out: Vec<(i16, usize)> = Vec::new();
    for (at, doc) in docs.iter().enumerate() {
        let Some(date) = doc.date else { continue };
        let year = date.day.year();
        if out.last().is_none_or(|&(y, _)| y != year) {
            out.push((year, at));
        }
    }
    out
}

/// The chunks of documents of every kind, and how many documents each kind's chunks
/// hold (about [`CHUNK_BYTES`] of them).
fn chunk_files(kinds: &[Vec<docs::Doc>; 6]) -> anyhow::Result<(Files, Vec<usize>)> {
    let mut per_chunk = Vec::new();
    let mut jobs = Vec::new();
    for (kind, docs) in kinds.iter().enumerate() {
        let bytes: usize = docs
            .iter()
            .map(|d| d.title.len() + d.url.len() + d.detail.len() + d.text.len() + 12)
            .sum();
        let average = (bytes / docs.len().max(1)).max(1);
        let per = (CHUNK_BYTES / average).clamp(1, 500);
        per_chunk.push(per);
        for (n, chunk) in docs.chunks(per).enumerate() {
            jobs.push((kind, n, chunk));
        }
    }
    let files = jobs
        .into_par_iter()
        .map(|(kind, n, chunk)| {
            let rows: Vec<[&str; 4]> = chunk
                .iter()
                .map(|d| [d.title.as_str(), &d.url, &d.detail, &d.text])
                .collect();
            let script = script::call("docs", &[&kind, &n, &rows])?;
            Ok((format!("{INDEX_DIR}d/{kind}-{n}.js"), script))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok((files, per_chunk))
}

#[cfg(test)]
mod tests {
    use super::docs::Doc;
    use super::*;
    use crate::model::{ActorIx, Date};

    fn doc(kind: usize, title: &str, text: &str, date: &str) -> Doc {
        Doc {
            kind,
            date: (!date.is_empty()).then(|| Date::parse(date).unwrap()),
            title: title.into(),
            names: String::new(),
            url: format!("{}/{title}/index.html", KINDS[kind]),
            detail: String::new(),
            text: text.into(),
            actors: vec![ActorIx(0)],
            topics: Vec::new(),
        }
    }

    /// A dossier's worth of documents: `briefings` of them with many words each.
    fn documents(briefings: usize) -> [Vec<Doc>; 6] {
        let mut kinds: [Vec<Doc>; 6] = Default::default();
        for n in 0..briefings {
            let text: String = (0..80)
                .map(|w| format!("word{} ", (n * 7 + w * 13) % 3000))
                .collect();
            let date = format!("{}-01-0{}", 2020 + n % 3, 1 + n % 9);
            kinds[0].push(doc(0, &format!("Briefing {n}"), &text, &date));
        }
        kinds[0].sort_by_key(|d| d.date);
        kinds[3].push(doc(
            3,
            "Speaker",
            "We are not in the business of brinkmanship.",
            "2025-01-01",
        ));
        kinds
    }

    fn words() -> (Vec<Vec<String>>, Vec<Vec<String>>) {
        (vec![vec!["ames".into(), "dana".into()]], Vec::new())
    }

    fn script_json(script: &str, function: &str) -> serde_json::Value {
        let args = script
            .strip_prefix(&format!("dossierSearch.{function}("))
            .and_then(|s| s.strip_suffix(");\n"))
            .unwrap();
        serde_json::from_str(&format!("[{args}]")).unwrap()
    }

    /// Terms are cut into shards in order, none much over its size, and the
    /// manifest's first and last terms lead to the shard that holds a term.
    #[test]
    fn shards_hold_runs_of_terms_that_the_manifest_bounds() {
        let (actors, topics) = words();
        let filter = index::FilterWords {
            actors: &actors,
            topics: &topics,
        };
        let index = Index::from_documents(&documents(400), &filter, "en").unwrap();
        let manifest = script_json(index.file("search-index/manifest.js").unwrap(), "manifest");
        let shards = manifest[0]["shards"].as_array().unwrap();
        assert!(shards.len() > 3, "{} shards", shards.len());
        let mut previous = String::new();
        for (n, bounds) in shards.iter().enumerate() {
            let (first, last) = (bounds[0].as_str().unwrap(), bounds[1].as_str().unwrap());
            assert!(previous.as_str() < first && first <= last);
            previous = last.to_string();
            let script = index.file(&format!("search-index/t/{n}.js")).unwrap();
            assert!(
                script.len() < SHARD_BYTES + 2048,
                "shard {n}: {} bytes",
                script.len()
            );
            let shard = script_json(script, "shard");
            assert_eq!(shard[0], n);
            let terms = shard[1].as_array().unwrap();
            assert_eq!(terms[0][0], first);
            assert_eq!(terms[terms.len() - 1][0], last);
            for pair in terms.windows(2) {
                assert!(pair[0][0].as_str() < pair[1][0].as_str());
            }
        }
        // The filter term and the quote's word are there, each in one shard only.
        for term in ["a:ames", "brinkmanship", "word2999"] {
            let holding: Vec<usize> = (0..shards.len())
                .filter(|n| {
                    let shard = script_json(
                        index.file(&format!("search-index/t/{n}.js")).unwrap(),
                        "shard",
                    );
                    shard[1].as_array().unwrap().iter().any(|t| t[0] == term)
                })
                .collect();
            assert_eq!(holding.len(), 1, "{term}");
            let bounds = &shards[holding[0]];
            assert!(bounds[0].as_str().unwrap() <= term && term <= bounds[1].as_str().unwrap());
        }
        assert_eq!(index.file("search-index/none.js"), None);
        assert!(index.files().iter().all(|(path, _)| is_index_path(path)));
    }

    /// Documents are cut into chunks of about the same size, and the manifest says
    /// how many each holds and where each year starts.
    #[test]
    fn documents_come_in_chunks_with_their_years() {
        let (actors, topics) = words();
        let filter = index::FilterWords {
            actors: &actors,
            topics: &topics,
        };
        let kinds = documents(90);
        let index = Index::from_documents(&kinds, &filter, "en").unwrap();
        let manifest = script_json(index.file("search-index/manifest.js").unwrap(), "manifest");
        let briefings = &manifest[0]["kinds"][0];
        let per = briefings["c"].as_u64().unwrap() as usize;
        assert_eq!(briefings["n"], 90);
        assert_eq!(
            briefings["y"],
            serde_json::json!([[2020, 0], [2021, 30], [2022, 60]])
        );
        let chunks = 90_usize.div_ceil(per);
        for n in 0..chunks {
            let chunk = script_json(
                index.file(&format!("search-index/d/0-{n}.js")).unwrap(),
                "docs",
            );
            let rows = chunk[2].as_array().unwrap();
            assert_eq!(rows.len(), per.min(90 - n * per));
            assert_eq!(rows[0][0], kinds[0][n * per].title.as_str());
        }
        assert_eq!(index.file(&format!("search-index/d/0-{chunks}.js")), None);
        let quote = script_json(index.file("search-index/d/3-0.js").unwrap(), "docs");
        assert_eq!(
            quote[2][0][3],
            "We are not in the business of brinkmanship."
        );
    }
}
