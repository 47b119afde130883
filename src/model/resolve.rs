//! `resolve(content) -> Dossier`: checks every value, resolves every reference, renders
//! Markdown fields and computes back-references, once, as a sequence of steps, each
//! taking the value the one before made:
//!
//! 1. `declare`: the actor and topic files -> [`declare::Declared`] (the names, and
//!    the actors' affiliations);
//! 2. `read`: each briefing's front matter, its references resolved against the names
//!    (creating those that name nothing) -> [`read::Read`] (the drafts and the names);
//!    then `drafts`: unique slugs, each meeting's id, the pages a wikilink can name;
//! 3. `rendering`: every Markdown text against the names and pages (creating the actors
//!    that wikilinks name) -> [`rendering::Rendering`], then the briefings' short fields;
//! 4. the names sorted by id ([`table::Table::sorted`]), and `assemble`: the
//!    [`Dossier`], every declaration number moved to its final index;
//! 5. `backrefs`: every back-reference.
//!
//! In a translated site, `translations` takes the translation files out first,
//! declares their names after step 1 and renders them after step 3; their texts
//! make the dossier in each further language once the model is whole.
//!
//! The result does not depend on file order: references are read before any text is
//! rendered, and the few bodies that actors made for unknown wikilinks can change are
//! rendered again, so that every text reads as if rendered against every name.
//!
//! This file owns the order of the steps and what they share (diagnostics with their
//! lines, dates, required values). It must not hold state between steps: each step's
//! value is handed to the next.

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::content::schema::BriefingFront;
use crate::content::{Content, Document, Locator};
use crate::diagnostics::{Diagnostics, Severity};
use crate::markdown::RenderOptions;
use crate::model::{Date, Dossier};

mod assemble;
mod backrefs;
mod declare;
mod drafts;
mod items;
mod messages;
mod read;
mod rendering;
mod table;
mod translations;
mod wikilinks;

/// Choices that change what is resolved.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions {
    /// Include briefings marked `draft: true`.
    pub drafts: bool,
}

pub use rendering::{Body, Fields, Fresh, TextMemo};

/// The resolve stage: resolves parsed content into the dossier. Problems go to
/// `diagnostics`; the dossier is still returned (with what could be resolved) so that
/// every problem is reported.
pub fn resolve(
    config: Config,
    content: Content,
    options: ResolveOptions,
    diagnostics: &mut Diagnostics,
) -> Dossier {
    resolve_through(config, content, options, &Fresh, diagnostics)
}

/// Resolves like [`resolve`], each Markdown text rendered through `memo`: the same
/// dossier for any memo that keeps its contract.
pub fn resolve_through(
    config: Config,
    content: Content,
    options: ResolveOptions,
    memo: &dyn TextMemo,
    diagnostics: &mut Diagnostics,
) -> Dossier {
    let mut problems = Problems { diagnostics };
    // A translated site's translations are read apart (`translations`): the other
    // steps see originals only.
    let (content, translations) = translations::split(content, &config, &mut problems);
    let declare::Declared {
        mut names,
        affiliations,
    } = declare::declare(&content, &mut problems);
    let translations = translations.declare(&mut names, &content, &mut problems);

    let briefing_docs: Vec<&Arc<Document<BriefingFront>>> = content
        .briefings
        .iter()
        .filter(|doc| options.drafts || !doc.front.draft)
        .collect();
    let read::Read { names, mut drafts } = read::read(names, &briefing_docs, &mut problems);
    drafts::check_unique_slugs(&drafts, &mut problems);
    drafts::assign_meeting_ids(&mut drafts, &names, &mut problems);
    let pages = drafts::pages(&drafts);

    let render_options = RenderOptions {
        trusted_html: config.trusted_html,
    };
    let rendering::Rendering { names, bodies } = rendering::render_bodies(
        names,
        &pages,
        &content,
        &drafts,
        render_options,
        memo,
        &mut problems,
    );
    let linker = wikilinks::Linker {
        names: &names,
        pages: &pages,
    };
    let rendered =
        rendering::render_fields(&linker, &drafts, bodies.briefings, render_options, memo);
    let translated = translations.render(&linker, &drafts, &content, render_options, &mut problems);

    // Every actor and topic is now known: fix their order (by id) for good.
    let actors = names.actors.sorted();
    let topics = names.topics.sorted();
    let mut briefings: Vec<_> = drafts.into_iter().zip(rendered).collect();
    briefings.sort_by(|(a, _), (b, _)| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));

    let assembler = assemble::Assembler {
        actors: &actors,
        topics: &topics,
    };
    let texts = assemble::Texts {
        briefings,
        actors: bodies.actors,
        topics: bodies.topics,
    };
    let mut dossier = assembler.assemble(config, texts, &content, &affiliations, &mut problems);
    dossier.drafts_left_out = content
        .briefings
        .iter()
        .filter(|doc| !options.drafts && doc.front.draft)
        .map(|doc| doc.path.clone())
        .collect();
    let mut dossier = backrefs::back_references(dossier);
    translated.apply(&mut dossier);
    dossier
}

/// Diagnostics with the file's line helpers.
struct Problems<'d> {
    diagnostics: &'d mut Diagnostics,
}

impl Problems<'_> {
    fn error(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.diagnostics.error(path, Some(line), message);
    }
    fn warning(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.diagnostics.warning(path, Some(line), message);
    }
    fn report(&mut self, path: &Path, line: usize, severity: Severity, message: String) {
        self.diagnostics.report(path, Some(line), severity, message);
    }
}

/// A reference and where it was written, for diagnostics. The line is found only when
/// a problem is reported there: finding it costs more than resolving the reference.
struct At<'a, L: Fn() -> usize> {
    path: &'a Path,
    line: L,
}

/// A required text, trimmed, or an error at its key (or where the front matter starts).
fn required<'a>(
    value: Option<&'a str>,
    path: &Path,
    locator: &Locator<'_>,
    key: &str,
    problems: &mut Problems<'_>,
) -> Option<&'a str> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(value) => Some(value),
        None => {
            let line = locator.key(key).unwrap_or_else(|| locator.find(None, ""));
            problems.error(path, line, format!("missing `{key}:`: it is required"));
            None
        }
    }
}

/// Parses a written date; an error is reported at the line `line` finds.
fn parse_date(
    text: &str,
    path: &Path,
    line: impl FnOnce() -> usize,
    problems: &mut Problems<'_>,
) -> Option<Date> {
    match Date::parse(text) {
        Ok(date) => Some(date),
        Err(message) => {
            problems.error(path, line(), message);
            None
        }
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}
