//! Words as search sees them: folded (accents and case), split into tokens, stemmed
//! with the Snowball stemmer of the site's language (none for a language Snowball
//! has no browser port of); runs of Chinese and Japanese characters, written without
//! spaces, become overlapping pairs of characters. `static/search-core.js` and the
//! stemmer scripts under `snowball/` do exactly the same in the browser (tests/js/
//! checks it on whole vocabularies), so what a reader types meets what the index holds.
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

/// A character of a script written without spaces between words: Han (Chinese
/// characters, Japanese kanji), hiragana and katakana. The same ranges as `CJK` in
/// `static/search-core.js`.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3005}'
        | '\u{3007}'
        | '\u{3021}'..='\u{3029}'
        | '\u{3038}'..='\u{303B}'
        | '\u{3041}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// A character that can stand inside a word before folding: a word character or a
/// combining mark (an accent written as a character of its own, which folding drops).
fn in_word(c: char) -> bool {
    is_word_char(c) || is_combining_mark(c)
}

/// Calls `each` with every word of `text`, in order: the runs of word characters and
/// combining marks, each composed (NFC) and lowercased, as a stemmer wants them
/// (accents are folded after stemming: [`Analyzer::term`]); words longer than
/// [`MAX_TOKEN`] bytes are skipped. Within a word, a run of [`is_cjk`] characters (a
/// combining mark goes with the character before it) gives each pair of
/// neighbouring characters, folded one by one, or its one character alone; the rest
/// of the word, on either side, gives words as usual.
pub fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    let mut lower = String::new();
    for word in text.split(|c: char| !in_word(c)) {
        if word.is_empty() {
            continue;
        }
        if word.is_ascii() {
            if word.len() > MAX_TOKEN {
                continue;
            }
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                each(&lower);
            } else {
                each(word);
            }
        } else if !word.chars().any(is_cjk) {
            plain_word(word, &mut each);
        } else {
            // Combining marks go with the character before them (or, at the start,
            // with the first one).
            let mut start = 0;
            let mut cjk: Option<bool> = None;
            for (at, c) in word.char_indices() {
                if is_combining_mark(c) {
                    continue;
                }
                let this = is_cjk(c);
                match cjk {
                    Some(before) if before != this => {
                        run(&word[start..at], before, &mut each);
                        start = at;
                        cjk = Some(this);
                    }
                    Some(_) => {}
                    None => cjk = Some(this),
                }
            }
            run(&word[start..], cjk.unwrap_or(false), &mut each);
        }
    }
}

/// One word without Chinese or Japanese characters, composed and lowercased, unless
/// too long (or only combining marks).
fn plain_word(word: &str, each: &mut impl FnMut(&str)) {
    if word.len() > MAX_TOKEN {
        return;
    }
    let lower: String = word.nfc().collect::<String>().to_lowercase();
    if lower.len() <= MAX_TOKEN && lower.chars().any(is_word_char) {
        each(&lower);
    }
}

/// A run of a word: a plain word, or characters written without spaces as pairs.
fn run(text: &str, cjk: bool, each: &mut impl FnMut(&str)) {
    if !cjk {
        return plain_word(text, each);
    }
    let chars: Vec<String> = text
        .chars()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| fold(c.encode_utf8(&mut [0; 4])))
        .filter(|f| !f.is_empty())
        .collect();
    if chars.len() == 1 {
        each(&chars[0]);
    }
    let mut pair = String::new();
    for two in chars.windows(2) {
        pair.clear();
        pair.push_str(&two[0]);
        pair.push_str(&two[1]);
        each(&pair);
    }
}

/// The folded words of `text`, in order, as filters compare them.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(fold(w)));
    out
}

/// The Snowball stemmers that search has in Rust and in the browser, by the primary
/// subtag of a language code: (code, Snowball's name of the language). Greek, which
/// rust-stemmers has, is missing: no port of it for the browser is at hand; Tamil
/// too, for want of a vocabulary to check the two against each other.
pub const STEMMERS: [(&str, &str); 16] = [
    ("ar", "arabic"),
    ("da", "danish"),
    ("de", "german"),
    ("en", "english"),
    ("es", "spanish"),
    ("fi", "finnish"),
    ("fr", "french"),
    ("hu", "hungarian"),
    ("it", "italian"),
    ("nl", "dutch"),
    ("no", "norwegian"),
    ("pt", "portuguese"),
    ("ro", "romanian"),
    ("ru", "russian"),
    ("sv", "swedish"),
    ("tr", "turkish"),
];

/// The Snowball name of the stemmer for a language code (`en`, `pt-BR`, `nb`), if
/// search has one; `None` means words are folded but not stemmed.
pub fn stemmer_name(language: &str) -> Option<&'static str> {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let primary = match primary.as_str() {
        "nb" | "nn" => "no",
        other => other,
    };
    STEMMERS
        .iter()
        .find(|(code, _)| *code == primary)
        .map(|&(_, name)| name)
}

fn algorithm(name: &str) -> Algorithm {
    match name {
        "arabic" => Algorithm::Arabic,
        "danish" => Algorithm::Danish,
        "german" => Algorithm::German,
        "english" => Algorithm::English,
        "spanish" => Algorithm::Spanish,
        "finnish" => Algorithm::Finnish,
        "french" => Algorithm::French,
        "hungarian" => Algorithm::Hungarian,
        "italian" => Algorithm::Italian,
        "dutch" => Algorithm::Dutch,
        "norwegian" => Algorithm::Norwegian,
        "portuguese" => Algorithm::Portuguese,
        "romanian" => Algorithm::Romanian,
        "russian" => Algorithm::Russian,
        "swedish" => Algorithm::Swedish,
        _ => Algorithm::Turkish,
    }
}

/// Folds, splits and stems: what the index holds for `text`, in order, in one
/// language.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
}

impl Default for Analyzer {
    /// English's.
    fn default() -> Self {
        Analyzer::for_language("en")
    }
}

impl Analyzer {
    /// The analyzer of a language code: its Snowball stemmer ([`stemmer_name`]) or
    /// none.
    pub fn for_language(language: &str) -> Analyzer {
        Analyzer {
            stemmer: stemmer_name(language).map(|name| Stemmer::create(algorithm(name))),
        }
    }

    /// The stem of one word as [`for_each_word`] gives it.
    pub fn stem<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(word),
            None => std::borrow::Cow::Borrowed(word),
        }
    }

    /// The term that the index holds for one word as [`for_each_word`] gives it: its
    /// stem, folded. Stemming first lets the stemmer see the letters it knows
    /// (Russian `новый` and `новая` meet at `нов`, which `новыи` would not).
    pub fn term(&self, word: &str) -> String {
        let stem = self.stem(word);
        if stem.is_ascii() {
            stem.into_owned()
        } else {
            fold(&stem)
        }
    }

    /// Calls `each` with the term of every word of `text`, in order.
    #[cfg(test)]
    pub fn terms(&self, text: &str, mut each: impl FnMut(&str)) {
        for_each_word(text, |word| each(&self.term(word)));
    }
}

/// The text of rendered HTML: tags dropped (a block or line break becomes a space),
/// the entities that the renderers write decoded. Text inside `<script>` or
/// `<style>` (never in sanitized output) is dropped too; each run of whitespace
/// becomes one space.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.bytes().position(|b| b == b'<' || b == b'&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            let end = rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
            let tag = &rest[..end];
            let name = tag
                .trim_start_matches(['<', '/'])
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("");
            rest = &rest[end..];
            let hidden = ["script", "style"]
                .into_iter()
                .find(|hidden| name.eq_ignore_ascii_case(hidden));
            if let Some(hidden) = hidden.filter(|_| !tag.starts_with("</")) {
                let close = format!("</{hidden}");
                let skip = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
                rest = &rest[skip..];
                continue;
            }
            if !is_inline(name) && !out.ends_with(' ') && !out.is_empty() {
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
    let mut lower = [0u8; 8];
    if name.len() > lower.len() {
        return false;
    }
    lower[..name.len()].copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &lower[..name.len()],
        b"a" | b"em"
            | b"strong"
            | b"code"
            | b"span"
            | b"del"
            | b"s"
            | b"sup"
            | b"sub"
            | b"b"
            | b"i"
            | b"u"
            | b"mark"
            | b"abbr"
            | b"small"
            | b"kbd"
            | b"q"
            | b"cite"
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

    fn terms_in(language: &str, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Analyzer::for_language(language).terms(text, |t| out.push(t.to_string()));
        out
    }

    /// Each language its stemmer, by the code's first part; stems are folded after.
    #[test]
    fn the_language_chooses_the_stemmer() {
        assert_eq!(stemmer_name("pt-BR"), Some("portuguese"));
        assert_eq!(stemmer_name("nb"), Some("norwegian"));
        assert_eq!(stemmer_name("EN_gb"), Some("english"));
        for none in ["uk", "fa", "zh", "ja", "el", ""] {
            assert_eq!(stemmer_name(none), None, "{none}");
        }
        // Russian adjectives meet once their endings are stemmed, before folding.
        assert_eq!(terms_in("ru", "Новый новая новое"), ["нов", "нов", "нов"]);
        assert_eq!(
            terms_in("fr", "négociations négocier"),
            ["negoci", "negoci"]
        );
        assert_eq!(
            terms_in("de", "Verhandlungen Verhandlung"),
            ["verhandl", "verhandl"]
        );
        assert_eq!(
            terms_in("es", "negociaciones negociación"),
            ["negoci", "negoci"]
        );
        // No stemmer: folded words as they are.
        assert_eq!(terms_in("uk", "Переговори Київ"), ["переговори", "киів"]);
    }

    /// Chinese and Japanese, written without spaces, come as pairs of characters, in
    /// any site's language; the rest of a mixed word as a word of its own.
    #[test]
    fn scripts_without_spaces_come_in_pairs() {
        assert_eq!(words("安全保障"), ["安全", "全保", "保障"]);
        assert_eq!(words("和平 谈"), ["和平", "谈"]);
        assert_eq!(words("G20峰会2025年"), ["g20", "峰会", "2025", "年"]);
        // Kana lose their voicing marks as other letters lose accents.
        assert_eq!(
            words("ウクライナがでる"),
            ["ウク", "クラ", "ライ", "イナ", "ナか", "かて", "てる"]
        );
        assert_eq!(terms_in("zh", "停火协议"), ["停火", "火协", "协议"]);
        assert_eq!(terms("ceasefire 停火"), ["ceasefir", "停火"]);
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
///
/// And for each other language of [`STEMMERS`], `tests/js/stems-<language>.tsv`: a
/// sample of Snowball's own test vocabulary of it (snowball-data, `voc.txt`), the
/// words of the interface's table in it and of the fixture sites in it. Run with
/// `DOSSIER_STEMS_VOCABULARY=DIR` (a checkout of snowball-data) to write them again.
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
                text_words(&text, into, analyzer);
            }
        }
    }

    fn text_words(text: &str, into: &mut BTreeMap<String, String>, analyzer: &Analyzer) {
        for_each_word(text, |w| {
            into.entry(w.to_string())
                .or_insert_with(|| analyzer.stem(w).into_owned());
        });
    }

    fn read(file: &Path, analyzer: &Analyzer) -> BTreeMap<String, String> {
        let recorded = std::fs::read_to_string(file).unwrap_or_default();
        let mut stems = BTreeMap::new();
        for line in recorded.lines() {
            let (word, stem) = line.split_once('\t').expect("word<TAB>stem");
            assert_eq!(analyzer.stem(word), stem, "the stem of {word} in {file:?}");
            stems.insert(word.to_string(), stem.to_string());
        }
        stems
    }

    fn write(file: &Path, stems: &BTreeMap<String, String>) {
        let text: String = stems.iter().map(|(w, s)| format!("{w}\t{s}\n")).collect();
        std::fs::write(file, text).expect("written");
    }

    #[test]
    fn the_recorded_stems_are_rust_stemmers_own_and_cover_the_example() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let file = root.join("tests/js/stems.tsv");
        let analyzer = Analyzer::default();
        let mut stems = read(&file, &analyzer);
        let mut wanted = BTreeMap::new();
        markdown_words(&root.join("content"), &mut wanted, &analyzer);
        if let Ok(dirs) = std::env::var("DOSSIER_STEMS_FROM") {
            let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
            text_words(&readme, &mut wanted, &analyzer);
            for dir in dirs.split(':') {
                markdown_words(Path::new(dir), &mut wanted, &analyzer);
            }
            stems.extend(wanted);
            write(&file, &stems);
            return;
        }
        let missing: Vec<&String> = wanted.keys().filter(|w| !stems.contains_key(*w)).collect();
        assert!(
            missing.is_empty(),
            "words not in tests/js/stems.tsv: {missing:?}; run this test with DOSSIER_STEMS_FROM=content"
        );
    }

    /// Words of a fixture site in `code`, and of the interface's table in it.
    fn site_words(
        root: &Path,
        code: &str,
        into: &mut BTreeMap<String, String>,
        analyzer: &Analyzer,
    ) {
        let table = root.join(format!("src/i18n/tables/{code}.yaml"));
        if let Ok(text) = std::fs::read_to_string(table) {
            text_words(&text, into, analyzer);
        }
        let sites = root.join("tests/fixtures/sites");
        for site in std::fs::read_dir(&sites)
            .expect("the fixture sites")
            .flatten()
        {
            let config =
                std::fs::read_to_string(site.path().join("dossier.yaml")).unwrap_or_default();
            if config
                .lines()
                .any(|l| l.trim() == format!("language: {code}"))
            {
                markdown_words(&site.path(), into, analyzer);
            }
        }
    }

    #[test]
    fn every_language_has_recorded_stems_that_are_rust_stemmers_own() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let vocabulary = std::env::var("DOSSIER_STEMS_VOCABULARY").ok();
        for (code, name) in STEMMERS.iter().filter(|(code, _)| *code != "en") {
            let file = root.join(format!("tests/js/stems-{name}.tsv"));
            let analyzer = Analyzer::for_language(code);
            let mut stems = read(&file, &analyzer);
            let mut wanted = BTreeMap::new();
            site_words(root, code, &mut wanted, &analyzer);
            if let Some(dir) = &vocabulary {
                let voc = std::fs::read_to_string(Path::new(dir).join(name).join("voc.txt"))
                    .unwrap_or_default();
                let lines: Vec<&str> = voc.lines().collect();
                let every = (lines.len() / 2500).max(1);
                for line in lines.iter().step_by(every) {
                    text_words(line, &mut wanted, &analyzer);
                }
                stems.extend(wanted);
                write(&file, &stems);
                continue;
            }
            let missing: Vec<&String> = wanted.keys().filter(|w| !stems.contains_key(*w)).collect();
            assert!(
                missing.is_empty(),
                "words not in tests/js/stems-{name}.tsv: {missing:?}; run this test with DOSSIER_STEMS_VOCABULARY=DIR"
            );
            // Enough words to mean something: Arabic has no sample of Snowball's.
            let least = if *code == "ar" { 200 } else { 2000 };
            assert!(stems.len() >= least, "{name}: {} words", stems.len());
        }
    }
}
