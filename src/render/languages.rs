//! The languages of a translated site, as pages show them: each page's links to its
//! versions in the other languages (the switcher and the `hreflang` alternates), the
//! note on a page whose text is the default language's, and the trees themselves:
//! each further language's pages under `<language>/`, written through [`Prefixed`].
//!
//! It decides no text: which texts are in which language is the model's
//! ([`crate::model::Languages`]).

use serde::Serialize;

use super::pages::Job;
use super::views::public_url;
use super::{PageMemo, Sink};
use crate::model::Dossier;

/// What every page receives as `languages`.
#[derive(Serialize, Default)]
pub(super) struct LanguagesView<'a> {
    /// The page in each language of the site, the default first; empty in a site in
    /// one language.
    links: Vec<LanguageLink<'a>>,
    /// The language of the page's text, when it is not the page's own: the page has
    /// no translation, and shows the default language's text.
    fallback: Option<Named<'a>>,
}

/// A language, by its tag and its name in itself.
#[derive(Serialize)]
struct Named<'a> {
    code: &'a str,
    name: &'a str,
}

/// The page in one language.
#[derive(Serialize)]
struct LanguageLink<'a> {
    code: &'a str,
    /// The language's name in itself (`Українська`).
    name: &'a str,
    /// The page's address in that language, relative to the page.
    url: String,
    /// The absolute address, when the site has a `base_url`.
    public: String,
    /// True for the page's own language.
    current: bool,
    /// True when the page's text is written in that language: only those are
    /// `hreflang` alternates.
    translated: bool,
}

/// The `languages` of the page at `path` (relative to its tree) made by `job`, whose
/// links start from `root` (the way back to its tree's root).
pub(super) fn view<'a>(d: &'a Dossier, job: &Job, path: &str, root: &str) -> LanguagesView<'a> {
    let languages = &d.languages;
    if !languages.is_translated() || matches!(job, Job::NotFound | Job::Feed | Job::Sitemap) {
        return LanguagesView::default();
    }
    let current = d.config.language.as_str();
    let default = languages.all[0].as_str();
    let text_in = match *job {
        Job::Briefing(ix) => languages.briefings.get(ix.get()),
        Job::Actor(ix) => languages.actors.get(ix.get()),
        Job::Topic(ix) => languages.topics.get(ix.get()),
        _ => None,
    };
    let written_in = |code: &str| text_in.is_none_or(|codes| codes.iter().any(|c| c == code));
    // From a further language's tree, the site's root is one folder up.
    let up = if current == default { "" } else { "../" };
    let base = d
        .config
        .base_url
        .strip_suffix(&format!("/{current}"))
        .filter(|_| current != default)
        .unwrap_or(&d.config.base_url);
    let links = languages
        .all
        .iter()
        .zip(&languages.names)
        .map(|(code, name)| {
            let tree = match code == default {
                true => String::new(),
                false => format!("{code}/"),
            };
            LanguageLink {
                code,
                name,
                url: format!("{root}{up}{tree}{path}"),
                public: public_url(base, &format!("{tree}{path}")),
                current: code == current,
                translated: written_in(code),
            }
        })
        .collect();
    let fallback = (!written_in(current)).then(|| Named {
        code: default,
        name: languages
            .names
            .first()
            .map(String::as_str)
            .unwrap_or(default),
    });
    LanguagesView { links, fallback }
}

/// A sink that puts every file under a folder: a further language's tree.
pub(super) struct Prefixed<'s> {
    pub(super) sink: &'s dyn Sink,
    pub(super) prefix: &'s str,
}

impl Sink for Prefixed<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        self.sink.write(&format!("{}{path}", self.prefix), bytes)
    }

    fn write_with(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.sink
            .write_with(&format!("{}{path}", self.prefix), fill)
    }
}

/// A page memo that knows a further language's pages by their full paths.
pub(super) struct PrefixedMemo<'m> {
    pub(super) memo: &'m dyn PageMemo,
    pub(super) prefix: &'m str,
}

impl PageMemo for PrefixedMemo<'_> {
    fn digests(&self) -> bool {
        self.memo.digests()
    }

    fn holds(&self, path: &str, digest: u64) -> bool {
        self.memo.holds(&format!("{}{path}", self.prefix), digest)
    }

    fn stopped(&self) -> bool {
        self.memo.stopped()
    }
}
