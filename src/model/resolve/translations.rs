//! The translations of a translated site (`languages: [en, uk]`): a file beside its
//! original, named `<file>.<language>.md`, read in three steps of the resolve:
//!
//! 1. [`split`]: the translations are taken out of the content, so that the rest of
//!    the resolve reads only originals;
//! 2. [`Translations::declare`]: the translated names and aliases of actors and
//!    topics are declared, so that references in every language resolve;
//! 3. [`Translations::render`]: each translation's texts are rendered against the
//!    names, its wikilinks showing the names of its language, and matched to what
//!    they translate (meetings by id, positions by actor and topic, quotes by actor).
//!
//! What the steps give is a [`super::super::translated::Texts`], which makes the
//! dossier in each further language once the model is assembled. A translation
//! changes texts only: dates, references, sources and the order of things are the
//! original's, and a key that would change them is a warning.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Problems;
use super::declare::clean_list;
use super::drafts::BriefingDraft;
use super::table::{ActorNo, Names, No, TopicNo};
use super::wikilinks::{Linker, Mention};
use crate::config::Config;
use crate::content::schema::{ActorFront, BriefingFront, TopicFront};
use crate::content::{Content, Document};
use crate::markdown::{self, CitableSource, LinkResolver, LinkTarget, Refusal, RenderOptions};
use crate::model::refs::Lookup;
use crate::model::translated::{
    ActorText, BriefingText, MeetingText, PositionText, QuoteText, Texts, TopicText,
};

/// One translation file: its language and the path of the file it translates.
struct Translation<F> {
    language: String,
    doc: Arc<Document<F>>,
    original: PathBuf,
}

/// The translation files of a site, out of its content.
#[derive(Default)]
pub(super) struct Translations {
    /// The further languages (`languages` after the default).
    languages: Vec<String>,
    briefings: Vec<Translation<BriefingFront>>,
    actors: Vec<Translation<ActorFront>>,
    topics: Vec<Translation<TopicFront>>,
}

/// The translated names of one actor or topic: its declaration index and the
/// translation's name, role and aliases.
struct Named<K> {
    language: String,
    decl: No<K>,
    name: String,
    role: String,
    /// Index into the translations of its kind.
    translation: usize,
}

/// The translations with their names declared: ready to render.
pub(super) struct Declared {
    translations: Translations,
    actors: Vec<Named<super::table::ActorInfo>>,
    topics: Vec<Named<super::table::TopicInfo>>,
}

/// The language a file's stem says it is translated into (`florida-talks.uk`: `uk`),
/// when that is one of `languages`, and the stem of its original.
fn language_of<'s>(stem: &'s str, languages: &[String]) -> Option<(&'s str, &'s str)> {
    let (original, language) = stem.rsplit_once('.')?;
    let known = languages.iter().any(|l| l == language);
    (known && !original.is_empty()).then_some((original, language))
}

/// Takes the translation files out of `content`: those whose name ends in
/// `.<language>.md` for a further language of the site. In a site in one language,
/// every file is an original, as it always was. A file named like the translation
/// of the file beside it into a language the site does not list is read as an
/// original, with a warning that says how to make it a translation.
pub(super) fn split(
    mut content: Content,
    config: &Config,
    problems: &mut Problems<'_>,
) -> (Content, Translations) {
    let languages = config.further_languages().to_vec();
    warn_of_unlisted(&content.briefings, config, problems);
    warn_of_unlisted(&content.actors, config, problems);
    warn_of_unlisted(&content.topics, config, problems);
    let mut translations = Translations {
        languages,
        ..Translations::default()
    };
    if translations.languages.is_empty() {
        return (content, translations);
    }
    let languages = translations.languages.clone();
    content.briefings = take(content.briefings, &languages, &mut translations.briefings);
    content.actors = take(content.actors, &languages, &mut translations.actors);
    content.topics = take(content.topics, &languages, &mut translations.topics);
    (content, translations)
}

/// Warns of each file of `docs` named `<file>.<language>.md` beside a `<file>.md`,
/// for a language with built-in interface strings that `languages:` does not list.
fn warn_of_unlisted<F>(docs: &[Arc<Document<F>>], config: &Config, problems: &mut Problems<'_>) {
    let listed = |language: &str| {
        language == config.language || config.languages.iter().any(|l| l == language)
    };
    for doc in docs {
        let Some((stem, language)) = doc.stem.rsplit_once('.') else {
            continue;
        };
        let known = crate::i18n::BUILT_IN
            .iter()
            .any(|(code, _, _)| *code == language);
        if !known || listed(language) || stem.is_empty() {
            continue;
        }
        let original = doc.path.with_file_name(format!("{stem}.md"));
        if !docs.iter().any(|other| other.path == original) {
            continue;
        }
        let mut all = config.languages.clone();
        if all.is_empty() {
            all.push(config.language.clone());
        }
        all.push(language.to_string());
        problems.warning(
            &doc.path,
            1,
            format!(
                "read as a file of its own, not as the '{language}' translation of {}: to translate it, write languages: [{}] in dossier.yaml",
                original.display(),
                all.join(", ")
            ),
        );
    }
}

fn take<F>(
    docs: Vec<Arc<Document<F>>>,
    languages: &[String],
    out: &mut Vec<Translation<F>>,
) -> Vec<Arc<Document<F>>> {
    let mut originals = Vec::with_capacity(docs.len());
    for doc in docs {
        match language_of(&doc.stem, languages) {
            Some((stem, language)) => {
                let original = doc.path.with_file_name(format!("{stem}.md"));
                out.push(Translation {
                    language: language.to_string(),
                    original,
                    doc,
                });
            }
            None => originals.push(doc),
        }
    }
    originals
}

/// Warns of each key of a translation that only the original can give.
fn warn_of_kept<F>(
    doc: &Document<F>,
    original: &Path,
    kept: &[(&str, bool)],
    problems: &mut Problems<'_>,
) {
    let locator = doc.locator();
    for (key, given) in kept {
        if *given {
            let line = locator.key(key).unwrap_or(doc.yaml_line);
            problems.warning(
                &doc.path,
                line,
                format!(
                    "ignored: `{key}:` is the original's ({}); a translation gives only texts: remove it",
                    original.display()
                ),
            );
        }
    }
}

/// Warns that `doc` translates a file that is not there.
fn no_original(path: &Path, original: &Path, problems: &mut Problems<'_>) {
    problems.warning(
        path,
        1,
        format!(
            "ignored: a translation of {}, which does not exist: name the file after its original (<file>.<language>.md)",
            original.display()
        ),
    );
}

impl Translations {
    /// Declares the translated names and aliases of every actor and topic with a
    /// translation, so that a reference in any language resolves. A translation of
    /// a file that is not there is a warning, and left out.
    pub(super) fn declare(
        self,
        names: &mut Names,
        content: &Content,
        problems: &mut Problems<'_>,
    ) -> Declared {
        let mut actors = Vec::new();
        for (at, translation) in self.actors.iter().enumerate() {
            let doc = &translation.doc;
            let original = content
                .actors
                .iter()
                .position(|o| o.path == translation.original);
            let decl = original.and_then(|index| {
                let decls = names.actors.decls();
                decls.iter().position(|a| a.doc == Some(index))
            });
            let Some(decl) = decl else {
                if original.is_none() {
                    no_original(&doc.path, &translation.original, problems);
                }
                continue;
            };
            let front = &doc.front;
            warn_of_kept(
                doc,
                &translation.original,
                &[
                    ("kind", front.kind.is_some()),
                    ("affiliation", front.affiliation.is_some()),
                ],
                problems,
            );
            let ix = ActorNo::new(decl as u32);
            let decl = names.actors.get(ix);
            let name = text_or(front.name.as_deref(), &decl.name);
            let role = text_or(front.role.as_deref(), &decl.info.role);
            let aliases = clean_list(&front.aliases);
            let spellings =
                std::iter::once(name.as_str()).chain(aliases.iter().map(String::as_str));
            names.actors.also_named(ix, spellings);
            actors.push(Named {
                language: translation.language.clone(),
                decl: ix,
                name,
                role,
                translation: at,
            });
        }
        let mut topics = Vec::new();
        for (at, translation) in self.topics.iter().enumerate() {
            let doc = &translation.doc;
            let original = content
                .topics
                .iter()
                .position(|o| o.path == translation.original);
            let decl = original.and_then(|index| {
                let decls = names.topics.decls();
                decls.iter().position(|t| t.doc == Some(index))
            });
            let Some(decl) = decl else {
                if original.is_none() {
                    no_original(&doc.path, &translation.original, problems);
                }
                continue;
            };
            let ix = TopicNo::new(decl as u32);
            let name = text_or(doc.front.name.as_deref(), &names.topics.get(ix).name);
            let aliases = clean_list(&doc.front.aliases);
            let spellings =
                std::iter::once(name.as_str()).chain(aliases.iter().map(String::as_str));
            names.topics.also_named(ix, spellings);
            topics.push(Named {
                language: translation.language.clone(),
                decl: ix,
                name,
                role: String::new(),
                translation: at,
            });
        }
        Declared {
            translations: self,
            actors,
            topics,
        }
    }
}

/// `written`, trimmed, or `otherwise` when it says nothing.
fn text_or(written: Option<&str>, otherwise: &str) -> String {
    match written.map(str::trim).filter(|w| !w.is_empty()) {
        Some(text) => text.to_string(),
        None => otherwise.to_string(),
    }
}

/// The names in one language, over the names of the site: a wikilink resolves as it
/// does in the original, and shows the translated name of what it names.
struct InLanguage<'n> {
    linker: &'n Linker<'n>,
    /// Each actor's translated name and role, by declaration number.
    actors: HashMap<ActorNo, (&'n str, &'n str)>,
    topics: HashMap<TopicNo, &'n str>,
}

impl LinkResolver for InLanguage<'_> {
    type Target = Mention;

    fn resolve(&self, reference: &str) -> Result<(Mention, LinkTarget<'_>), Refusal> {
        let (mention, mut target) = LinkResolver::resolve(self.linker, reference)?;
        match mention {
            Mention::Actor(a) => {
                if let Some((name, role)) = self.actors.get(&a) {
                    target.name = name;
                    target.title = role;
                }
            }
            Mention::Topic(t) => {
                if let Some(name) = self.topics.get(&t) {
                    target.name = name;
                }
            }
            Mention::Page => {}
        }
        Ok((mention, target))
    }
}

impl Declared {
    /// The names of `language`, over `names`.
    fn in_language<'n>(&'n self, linker: &'n Linker<'n>, language: &str) -> InLanguage<'n> {
        InLanguage {
            linker,
            actors: self
                .actors
                .iter()
                .filter(|n| n.language == language)
                .map(|n| (n.decl, (n.name.as_str(), n.role.as_str())))
                .collect(),
            topics: self
                .topics
                .iter()
                .filter(|n| n.language == language)
                .map(|n| (n.decl, n.name.as_str()))
                .collect(),
        }
    }

    /// Renders every translation against `names` and matches it to what it
    /// translates in `drafts`; the texts of every further language. A translation
    /// of a briefing that is not there (and not a draft left out) is a warning.
    pub(super) fn render(
        &self,
        linker: &Linker<'_>,
        drafts: &[BriefingDraft<'_>],
        content: &Content,
        options: RenderOptions,
        problems: &mut Problems<'_>,
    ) -> Texts {
        let mut texts = Texts::new(&self.translations.languages);
        texts.made_titles = drafts
            .iter()
            .flat_map(|d| &d.meetings)
            .filter(|m| m.title.is_empty())
            .filter_map(|m| m.id.clone())
            .collect();
        let names = linker.names;
        for language in &self.translations.languages {
            let resolver = self.in_language(linker, language);
            let texts = texts.language_mut(language);
            for named in self.actors.iter().filter(|n| &n.language == language) {
                let doc = &self.translations.actors[named.translation].doc;
                let decl = names.actors.get(named.decl);
                let bio = render_body(
                    &doc.body,
                    doc.body_line,
                    &doc.path,
                    &resolver,
                    &[],
                    options,
                    problems,
                );
                texts.actors.insert(
                    decl.id.clone(),
                    ActorText {
                        name: named.name.clone(),
                        role: named.role.clone(),
                        bio_html: bio,
                    },
                );
            }
            for named in self.topics.iter().filter(|n| &n.language == language) {
                let doc = &self.translations.topics[named.translation].doc;
                let decl = names.topics.get(named.decl);
                let body = render_body(
                    &doc.body,
                    doc.body_line,
                    &doc.path,
                    &resolver,
                    &[],
                    options,
                    problems,
                );
                texts.topics.insert(
                    decl.id.clone(),
                    TopicText {
                        name: named.name.clone(),
                        body_html: body,
                    },
                );
            }
            for translation in self
                .translations
                .briefings
                .iter()
                .filter(|t| &t.language == language)
            {
                let Some(draft) = drafts.iter().find(|d| d.doc.path == translation.original) else {
                    let left_out = content
                        .briefings
                        .iter()
                        .any(|doc| doc.path == translation.original);
                    if !left_out {
                        no_original(&translation.doc.path, &translation.original, problems);
                    }
                    continue;
                };
                let text = briefing_text(
                    &translation.doc,
                    &translation.original,
                    draft,
                    names,
                    &resolver,
                    options,
                    problems,
                );
                texts.briefings.insert(draft.slug.clone(), text);
            }
        }
        texts
    }
}

/// Renders a translated body; `None` when it is empty (the original's is shown).
fn render_body(
    body: &str,
    body_line: usize,
    path: &Path,
    resolver: &InLanguage<'_>,
    sources: &[CitableSource<'_>],
    options: RenderOptions,
    problems: &mut Problems<'_>,
) -> Option<Arc<str>> {
    if body.trim().is_empty() {
        return None;
    }
    let rendered = markdown::render(body, resolver, sources, options);
    for problem in rendered.problems {
        problems.report(
            path,
            body_line + problem.line,
            problem.severity,
            problem.message,
        );
    }
    Some(rendered.html)
}

/// Renders a short translated field, its problems at `line`; `None` when empty.
fn render_inline(
    text: Option<&str>,
    path: &Path,
    line: impl Fn() -> usize,
    resolver: &InLanguage<'_>,
    options: RenderOptions,
    problems: &mut Problems<'_>,
) -> Option<String> {
    let text = text.map(str::trim).filter(|t| !t.is_empty())?;
    let rendered = markdown::render_inline(text, resolver, options);
    for problem in rendered.problems {
        problems.report(path, line(), problem.severity, problem.message);
    }
    Some(rendered.html)
}

/// What a text field of a translation says, trimmed, when it says anything.
fn given(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// One briefing's translation: its texts, each matched to what it translates.
#[allow(clippy::too_many_arguments)]
fn briefing_text(
    doc: &Document<BriefingFront>,
    original: &Path,
    draft: &BriefingDraft<'_>,
    names: &Names,
    resolver: &InLanguage<'_>,
    options: RenderOptions,
    problems: &mut Problems<'_>,
) -> BriefingText {
    let front = &doc.front;
    let path = doc.path.as_path();
    warn_of_kept(
        doc,
        original,
        &[
            ("date", front.date.is_some()),
            ("slug", front.slug.is_some()),
            ("draft", front.draft),
            ("topics", !front.topics.is_empty()),
            ("sources", !front.sources.is_empty()),
        ],
        problems,
    );
    let citable: Vec<CitableSource<'_>> = draft
        .sources
        .iter()
        .map(|s| CitableSource {
            id: &s.id,
            title: &s.title,
            publisher: &s.publisher,
            url: &s.url,
        })
        .collect();
    let locator = doc.locator();
    let mut text = BriefingText {
        title: given(&front.title),
        summary: given(&front.summary),
        body_html: render_body(
            &doc.body,
            doc.body_line,
            path,
            resolver,
            &citable,
            options,
            problems,
        ),
        ..BriefingText::default()
    };
    let ids: Vec<&str> = draft
        .meetings
        .iter()
        .filter_map(|m| m.id.as_deref())
        .collect();
    for (index, meeting) in front.meetings.iter().enumerate() {
        let line = |field: &str| locator.field("meetings", index, field);
        let kept = [
            ("date", meeting.date.is_some()),
            ("participants", !meeting.participants.is_empty()),
            ("topics", !meeting.topics.is_empty()),
            ("source", meeting.source.is_some()),
        ];
        for (key, _) in kept.iter().filter(|(_, given)| *given) {
            problems.warning(
                path,
                line(key),
                format!(
                    "ignored: a meeting's `{key}:` is the original's ({}): remove it",
                    original.display()
                ),
            );
        }
        let Some(id) = meeting
            .id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty())
        else {
            problems.warning(
                path,
                locator.find(Some(("meetings", index)), ""),
                format!(
                    "ignored: a translated meeting names the meeting it translates by its id: add `id:` ({})",
                    one_of(&ids)
                ),
            );
            continue;
        };
        if !ids.contains(&id) {
            let near = crate::suggest::closest(id, ids.iter().copied());
            let hint = match near {
                Some(near) => format!("did you mean '{near}'?"),
                None => one_of(&ids),
            };
            problems.warning(
                path,
                line("id"),
                format!("ignored: the original has no meeting '{id}' ({hint})"),
            );
            continue;
        }
        text.meetings.push((
            id.to_string(),
            MeetingText {
                title: given(&meeting.title),
                location: given(&meeting.location),
                summary_html: render_inline(
                    meeting.summary.as_deref(),
                    path,
                    || line("summary"),
                    resolver,
                    options,
                    problems,
                ),
                outcome_html: render_inline(
                    meeting.outcome.as_deref(),
                    path,
                    || line("outcome"),
                    resolver,
                    options,
                    problems,
                ),
            },
        ));
    }
    // The n-th translated position of an actor on a topic translates the n-th of the
    // original; quotes likewise, by actor.
    let mut used_positions = vec![false; draft.positions.len()];
    for (index, position) in front.positions.iter().enumerate() {
        let line = |field: &str| locator.field("positions", index, field);
        for (key, given) in [
            ("date", position.date.is_some()),
            ("change", position.change.is_some()),
            ("source", position.source.is_some()),
        ] {
            if given {
                problems.warning(
                    path,
                    line(key),
                    format!(
                        "ignored: a position's `{key}:` is the original's ({}): remove it",
                        original.display()
                    ),
                );
            }
        }
        let actor = reference(&names.actors, position.actor.as_deref());
        let topic = reference(&names.topics, position.topic.as_deref());
        let found = draft.positions.iter().enumerate().find(|(at, p)| {
            !used_positions[*at] && Some(p.actor) == actor && Some(p.topic) == topic
        });
        let Some((at, original_position)) = found else {
            problems.warning(
                path,
                line("actor"),
                format!(
                    "ignored: the original has no {}position of '{}' on '{}': a translated position names the actor and topic of the one it translates",
                    if actor.is_some() && topic.is_some() { "further " } else { "" },
                    position.actor.as_deref().unwrap_or_default().trim(),
                    position.topic.as_deref().unwrap_or_default().trim()
                ),
            );
            continue;
        };
        used_positions[at] = true;
        let Some(stance) = given(&position.stance) else {
            continue;
        };
        let stance_html = render_inline(
            Some(&stance),
            path,
            || line("stance"),
            resolver,
            options,
            problems,
        )
        .unwrap_or_default();
        text.positions.push(PositionText {
            actor: names.actors.get(original_position.actor).id.clone(),
            topic: names.topics.get(original_position.topic).id.clone(),
            date: original_position.date,
            original: original_position.stance.clone(),
            stance,
            stance_html,
        });
    }
    let mut used_quotes = vec![false; draft.quotes.len()];
    for (index, quote) in front.quotes.iter().enumerate() {
        let line = |field: &str| locator.field("quotes", index, field);
        for (key, given) in [
            ("date", quote.date.is_some()),
            ("source", quote.source.is_some()),
        ] {
            if given {
                problems.warning(
                    path,
                    line(key),
                    format!(
                        "ignored: a quote's `{key}:` is the original's ({}): remove it",
                        original.display()
                    ),
                );
            }
        }
        let actor = reference(&names.actors, quote.actor.as_deref());
        let found = draft
            .quotes
            .iter()
            .enumerate()
            .find(|(at, q)| !used_quotes[*at] && Some(q.actor) == actor);
        let Some((at, original_quote)) = found else {
            problems.warning(
                path,
                line("actor"),
                format!(
                    "ignored: the original has no {}quote of '{}': a translated quote names the actor of the one it translates",
                    if actor.is_some() { "further " } else { "" },
                    quote.actor.as_deref().unwrap_or_default().trim()
                ),
            );
            continue;
        };
        used_quotes[at] = true;
        let Some(said) = given(&quote.text) else {
            continue;
        };
        text.quotes.push(QuoteText {
            actor: names.actors.get(original_quote.actor).id.clone(),
            date: original_quote.date,
            original: original_quote.text.clone(),
            text: said,
        });
    }
    text
}

/// What a translation's reference names, when it names exactly one.
fn reference<K: super::table::Kind>(
    table: &super::table::Table<K>,
    written: Option<&str>,
) -> Option<No<K>> {
    match table.lookup(written?.trim()) {
        Lookup::Found(ix) => Some(No::new(ix)),
        _ => None,
    }
}

/// `the original's meetings are a, b`, or that it has none.
fn one_of(ids: &[&str]) -> String {
    match ids {
        [] => "the original has no meeting".to_string(),
        _ => format!("the original's meetings are {}", ids.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::model::Dossier;

    #[test]
    fn a_translation_is_named_by_a_further_language() {
        let languages = vec!["uk".to_string(), "pt-BR".to_string()];
        assert_eq!(
            language_of("florida-talks.uk", &languages),
            Some(("florida-talks", "uk"))
        );
        assert_eq!(
            language_of("talks.pt-BR", &languages),
            Some(("talks", "pt-BR"))
        );
        assert_eq!(language_of("florida-talks.en", &languages), None);
        assert_eq!(language_of("florida-talks", &languages), None);
        assert_eq!(language_of(".uk", &languages), None);
    }

    fn site(files: &[(&str, &str)]) -> (Dossier, Vec<String>) {
        let site = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = site.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let args = crate::cli::SiteArgs {
            root: site.path().to_path_buf(),
            drafts: false,
            strict: false,
            base_url: None,
        };
        let mut diagnostics = Diagnostics::default();
        let (dossier, _) = crate::pipeline::resolve(&args, &mut diagnostics).unwrap();
        let messages = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
        (dossier, messages)
    }

    const TALKS: &str = "---\ntitle: Florida talks\ndate: 2025-12-21\nsummary: They met.\nmeetings:\n  - id: florida\n    participants: [witkoff, Kirill Dmitriev]\n    summary: Talks in [[witkoff|Florida]].\n  - participants: [witkoff]\npositions:\n  - actor: russia\n    topic: territory\n    stance: Keep what it holds.\nquotes:\n  - actor: witkoff\n    text: Productive.\n---\nBody with [[witkoff]].\n";

    #[test]
    fn a_translation_replaces_the_texts_it_gives_and_keeps_the_rest() {
        let (dossier, messages) = site(&[
            ("dossier.yaml", "languages: [en, uk]\n"),
            (
                "content/actors/witkoff.md",
                "---\nname: Steve Witkoff\nrole: envoy\n---\nAn envoy.\n",
            ),
            (
                "content/actors/witkoff.uk.md",
                "---\nname: Стів Віткофф\nrole: посланець\naliases: [Віткофф]\nkind: person\n---\n",
            ),
            ("content/briefings/talks.md", TALKS),
            (
                "content/briefings/talks.uk.md",
                "---\ntitle: Переговори у Флориді\ndate: 2025-12-22\nmeetings:\n  - id: florida\n    summary: Переговори з [[Віткофф]].\n  - id: nowhere\npositions:\n  - actor: russia\n    topic: territory\n    stance: Зберегти те, що тримає.\nquotes:\n  - actor: Стів Віткофф\n    text: Продуктивно.\n---\nТекст про [[Стів Віткофф]] і [[witkoff]].\n",
            ),
            (
                "content/briefings/other.md",
                "---\ntitle: Other\ndate: 2025-12-01\n---\nNot translated.\n",
            ),
            (
                "content/briefings/lost.uk.md",
                "---\ntitle: Загублене\n---\n",
            ),
        ]);
        let messages: Vec<&String> = messages.iter().filter(|m| m.contains(".uk.md")).collect();
        assert_eq!(
            messages,
            [
                "content/actors/witkoff.uk.md:5: warning: ignored: `kind:` is the original's (content/actors/witkoff.md); a translation gives only texts: remove it",
                "content/briefings/lost.uk.md:1: warning: ignored: a translation of content/briefings/lost.md, which does not exist: name the file after its original (<file>.<language>.md)",
                "content/briefings/talks.uk.md:3: warning: ignored: `date:` is the original's (content/briefings/talks.md); a translation gives only texts: remove it",
                "content/briefings/talks.uk.md:7: warning: ignored: the original has no meeting 'nowhere' (the original's meetings are florida, 2025-12-21-witkoff)",
            ]
        );
        // The originals alone make the default language's dossier.
        let slugs: Vec<&str> = dossier.briefings.iter().map(|b| b.slug.as_str()).collect();
        assert_eq!(slugs, ["talks", "other"]);
        assert_eq!(dossier.briefings[0].title, "Florida talks");
        let languages = &dossier.languages;
        assert_eq!(languages.all, ["en", "uk"]);
        assert_eq!(languages.briefings, [vec!["en", "uk"], vec!["en"]]);
        let uk = &languages.trees[0];
        assert_eq!(uk.config.language, "uk");
        assert_eq!(uk.briefings[0].title, "Переговори у Флориді");
        assert_eq!(uk.briefings[0].summary, "They met.");
        assert_eq!(uk.briefings[0].date, dossier.briefings[0].date);
        assert!(
            uk.briefings[0].body_html.contains(">Стів Віткофф</a> і <a"),
            "{}",
            uk.briefings[0].body_html
        );
        assert!(
            !uk.briefings[0].body_html.contains("Steve"),
            "{}",
            uk.briefings[0].body_html
        );
        assert_eq!(uk.briefings[1].body_html, dossier.briefings[1].body_html);
        let witkoff = uk.actors.iter().find(|a| a.id == "witkoff").unwrap();
        assert_eq!(
            (witkoff.name.as_str(), witkoff.role.as_str()),
            ("Стів Віткофф", "посланець")
        );
        assert_eq!(
            witkoff.bio_html,
            dossier
                .actors
                .iter()
                .find(|a| a.id == "witkoff")
                .unwrap()
                .bio_html
        );
        let florida = uk.meetings.iter().find(|m| m.id == "florida").unwrap();
        assert!(
            florida.summary_html.contains("Переговори з <a"),
            "{}",
            florida.summary_html
        );
        let made = uk.meetings.iter().find(|m| m.id != "florida").unwrap();
        assert_eq!(made.title, "Зустріч: Стів Віткофф");
        assert_eq!(uk.positions[0].stance, "Зберегти те, що тримає.");
        assert_eq!(uk.positions[0].changed, dossier.positions[0].changed);
        assert_eq!(uk.quotes[0].text, "Продуктивно.");
        // References resolve against names in every language.
        assert_eq!(dossier.actors.len(), uk.actors.len());
    }

    #[test]
    fn a_site_in_one_language_reads_dotted_names_as_originals() {
        let (dossier, messages) = site(&[(
            "content/briefings/talks.uk.md",
            "---\ntitle: A\ndate: 2025-01-01\n---\n",
        )]);
        assert!(messages.is_empty(), "{messages:?}");
        assert_eq!(dossier.briefings[0].slug, "talks-uk");
        assert!(dossier.languages.trees.is_empty());
        // Beside its original, such a file is most likely a translation.
        let (dossier, messages) = site(&[
            (
                "content/briefings/talks.md",
                "---\ntitle: A\ndate: 2025-01-01\n---\n",
            ),
            (
                "content/briefings/talks.uk.md",
                "---\ntitle: Б\ndate: 2025-01-01\n---\n",
            ),
        ]);
        assert_eq!(dossier.briefings.len(), 2);
        assert_eq!(
            messages,
            [
                "content/briefings/talks.uk.md:1: warning: read as a file of its own, not as the 'uk' translation of content/briefings/talks.md: to translate it, write languages: [en, uk] in dossier.yaml"
            ]
        );
    }
}
