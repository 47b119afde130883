//! Words as search sees them: folded (accents and case), split into tokens, stemmed
//! with the Snowball English stemmer. `static/search.js` does exactly the same in the
//! browser (tests/js/ checks it on whole vocabularies), so what a reader types meets
//! what the index holds.
//!
//! Also the plain text of rendered HTML, which the index takes from the bodies
//! already rendered for the pages rather than rendering their Markdown again.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Tokens longer than this many bytes are not indexed (hashes, base64, junk).
pub const MAX_TOKEN: usize = 60;

/// Case and accent folding: canonical decomposition, combining marks dropped, then
/// lowercase (`Élysée` -> `elysee`). The browser does `normalize("NFD")`, removes
/// `\p{M}`, then `toLowerCase()`.
pub fn fold(text: &str) -> String {
    let stripped: String = text.nfd().filter(|c| !is_combining_mark(*c)).collect();
    stripped.to_lowercase()
}

/// A character that belongs to a word: alphabetic or numeric, as Rust's
/// `char::is_alphanumeric` and the browser's `[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]`.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A character that can stand inside a word before folding: a word character or a
/// combining mark (an accent written as a character of its own, which folding drops).
fn in_word(c: char) -> bool {
    is_word_char(c) || is_combining_mark(c)
}

/// Calls `each` with every folded word of `text`, in order: the runs of word
/// characters and combining marks, each folded; words longer than [`MAX_TOKEN`] bytes
/// are skipped. ASCII words (most of them) are only lowercased.
pub fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    let mut lower = String::new();
    for word in text.split(|c: char| !in_word(c)) {
        if word.is_empty() || word.len() > MAX_TOKEN {
            continue;
        }
        if word.is_ascii() {
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                each(&lower);
            } else {
                each(word);
            }
        } else {
            let folded = fold(word);
            if !folded.is_empty() && folded.len() <= MAX_TOKEN {
                each(&folded);
            }
        }
    }
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

/// Folds, splits and stems: what the index holds for `text`, in order.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Analyzer {
    /// The stem of one folded word.
    pub fn stem<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        self.stemmer.stem(word)
    }

    /// Calls `each` with the stem of every word of `text`, in order.
    pub fn terms(&self, text: &str, mut each: impl FnMut(&str)) {
        for_each_word(text, |word| each(&self.stemmer.stem(word)));
    }
}

/// The text of rendered HTML: tags dropped (a block or line break becomes a space),
/// the entities that the renderers write decoded. Text inside `<script>` or
/// `<style>` (never in sanitized output) is dropped too; each run of whitespace
/// becomes one space.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            let end = rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
            let tag = &rest[..end];
            let name = tag
                .trim_start_matches(['<', '/'])
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            rest = &rest[end..];
            if !tag.starts_with("</") && (name == "script" || name == "style") {
                let close = format!("</{name}");
                let skip = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
                rest = &rest[skip..];
                continue;
            }
            if !is_inline(&name) && !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
        } else {
            let end = rest[1..]
                .find(|c: char| c == ';' || c == '&' || c == '<' || c.is_whitespace())
                .map(|e| e + 1);
            match end.filter(|&e| rest[e..].starts_with(';')) {
                Some(e) => match entity(&rest[1..e]) {
                    Some(c) => {
                        out.push(c);
                        rest = &rest[e + 1..];
                    }
                    None => {
                        out.push('&');
                        rest = &rest[1..];
                    }
                },
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    collapse_spaces(&out)
}

/// `text` with each run of whitespace made one space, and none at either end.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Inline elements join the text around them without a space.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "em"
            | "strong"
            | "code"
            | "span"
            | "del"
            | "s"
            | "sup"
            | "sub"
            | "b"
            | "i"
            | "u"
            | "mark"
            | "abbr"
            | "small"
            | "kbd"
            | "q"
            | "cite"
    )
}

/// The character an entity stands for: the ones pulldown-cmark and ammonia write.
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Analyzer::default().terms(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn folding_drops_accents_and_case() {
        assert_eq!(fold("Élysée PALAIS Coburg"), "elysee palais coburg");
        assert_eq!(fold("Zürich, São Paulo"), "zurich, sao paulo");
        // Letters without a decomposition stay as they are.
        assert_eq!(fold("Łódź"), "łodz");
    }

    #[test]
    fn tokens_split_on_anything_but_letters_and_digits() {
        assert_eq!(
            words("U.S.-Russia talks: 20-point plan, Witkoff's"),
            [
                "u", "s", "russia", "talks", "20", "point", "plan", "witkoff", "s"
            ]
        );
        // Folding drops every combining mark, in any script (as the browser does).
        assert_eq!(words("Кремль и Белый дом"), ["кремль", "и", "белыи", "дом"]);
        assert!(words(&"x".repeat(MAX_TOKEN + 1)).is_empty());
        assert!(words(" , ; ").is_empty());
        // An accent written as a combining character stays inside its word.
        assert_eq!(words("Gene\u{301}ve talks"), ["geneve", "talks"]);
    }

    #[test]
    fn stemming_meets_inflected_forms() {
        assert_eq!(terms("negotiations negotiated"), ["negoti", "negoti"]);
        assert_eq!(terms("Guarantees GUARANTEED"), ["guarante", "guarante"]);
        assert_eq!(terms("running ran"), ["run", "ran"]);
    }

    #[test]
    fn html_becomes_its_text() {
        assert_eq!(
            html_text(
                "<h2 id=\"x\">Enrichment cap</h2>\n<p>A <em>firm</em> &amp; <a href=\"y\">lasting</a> deal&#39;s &#x4e;.</p>"
            ),
            "Enrichment cap A firm & lasting deal's N."
        );
        assert_eq!(
            html_text("<p>a<br>b</p><script>alert(1)</script>c"),
            "a b c"
        );
        assert_eq!(html_text("AT&T &bogus; &"), "AT&T &bogus; &");
        assert_eq!(html_text("<p>unclosed <b"), "unclosed");
        assert_eq!(html_text(""), "");
    }
}

/// The stems that `tests/js/stems.tsv` records, which the browser's stemmer must
/// give too (`tests/js/stemmer.test.mjs`): the vocabulary of the example dossier (this
/// test fails when a word of it is missing), of the README and of a 1,000-briefing
/// benchmark corpus. Run with `DOSSIER_STEMS_FROM=DIR[:DIR...]` to add the words of
/// the README and of the Markdown files under those folders, and write the file again.
#[cfg(test)]
mod stems {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;

    fn markdown_words(dir: &Path, into: &mut BTreeMap<String, String>, analyzer: &Analyzer) {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.expect("a readable folder");
            // The example's translations (`florida-talks.uk.md`) are in other
            // languages, which other analyzers stem.
            let name = entry.file_name().to_string_lossy();
            if name.ends_with(".uk.md") {
                continue;
            }
            if entry.path().extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(entry.path()).expect("UTF-8");
                for_each_word(&text, |w| {
                    into.entry(w.to_string())
                        .or_insert_with(|| analyzer.stem(w).into_owned());
                });
            }
        }
    }

    #[test]
    fn the_recorded_stems_are_rust_stemmers_own_and_cover_the_example() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let file = root.join("tests/js/stems.tsv");
        let analyzer = Analyzer::default();
        let recorded = std::fs::read_to_string(&file).unwrap_or_default();
        let mut stems: BTreeMap<String, String> = BTreeMap::new();
        for line in recorded.lines() {
            let (word, stem) = line.split_once('\t').expect("word<TAB>stem");
            assert_eq!(analyzer.stem(word), stem, "the stem of {word}");
            stems.insert(word.into(), stem.into());
        }
        let mut wanted = BTreeMap::new();
        markdown_words(&root.join("content"), &mut wanted, &analyzer);
        if let Ok(dirs) = std::env::var("DOSSIER_STEMS_FROM") {
            for word in words(&std::fs::read_to_string(root.join("README.md")).unwrap()) {
                let stem = analyzer.stem(&word).into_owned();
                wanted.insert(word, stem);
            }
            for dir in dirs.split(':') {
                markdown_words(Path::new(dir), &mut wanted, &analyzer);
            }
            stems.extend(wanted);
            let text: String = stems.iter().map(|(w, s)| format!("{w}\t{s}\n")).collect();
            std::fs::write(&file, text).expect("written");
            return;
        }
        let missing: Vec<&String> = wanted.keys().filter(|w| !stems.contains_key(*w)).collect();
        assert!(
            missing.is_empty(),
            "words not in tests/js/stems.tsv: {missing:?}; run this test with DOSSIER_STEMS_FROM=content"
        );
    }
}
