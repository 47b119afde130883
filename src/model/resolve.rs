//! `resolve(content) -> Dossier`: checks every value, resolves every reference, renders
//! Markdown fields and computes back-references, once.
//!
//! Resolution runs in two passes so that its result does not depend on file order:
//! first every front-matter reference is resolved (creating actors and topics that
//! only references name), then Markdown is rendered in parallel; the few bodies that
//! actors made for unknown wikilinks can change are rendered again, so that every text
//! reads as if rendered against every name.

use std::path::Path;
use std::sync::Arc;

use super::refs::RefTable;
use super::*;
use crate::config::Config;
use crate::content::schema::BriefingFront;
use crate::content::{Content, Document, Locator};
use crate::diagnostics::{Diagnostics, Severity};

mod assemble;
mod backrefs;
mod briefing;
mod names;
mod rendering;
mod translations;

use crate::markdown::RenderOptions;
use assemble::Assembler;
use backrefs::compute_back_references;
use briefing::{BriefingDraft, assign_meeting_ids, check_unique_slugs};

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
    let mut names = Names::default();
    let mut problems = Problems { diagnostics };
    let (content, translations) = translations::split(content, &config);
    names.declare_actors(&content.actors, &mut problems);
    names.declare_topics(&content.topics, &mut problems);
    let translations = translations.declare(&mut names, &content, &mut problems);
    let affiliations = names.resolve_affiliations(&content.actors, &mut problems);

    let briefing_docs: Vec<&Arc<Document<BriefingFront>>> = content
        .briefings
        .iter()
        .filter(|doc| options.drafts || !doc.front.draft)
        .collect();
    let mut drafts = names.read_briefings(&briefing_docs, &mut problems);
    let render_options = RenderOptions {
        trusted_html: config.trusted_html,
    };
    check_unique_slugs(&drafts, &mut problems);
    assign_meeting_ids(&mut drafts, &names, &mut problems);
    names.pages = names::Pages::of(&drafts);
    let bodies = names.render_bodies(&content, &drafts, render_options, memo, &mut problems);
    let rendered = names.render_fields(&drafts, bodies.briefings, render_options, memo);
    let translated = translations.render(&names, &drafts, &content, render_options, &mut problems);

    // Every actor and topic is now known: fix their order (by id) for good.
    let actor_map = names.sort_actors();
    let topic_map = names.sort_topics();
    let mut briefings: Vec<_> = drafts.into_iter().zip(rendered).collect();
    briefings.sort_by(|(a, _), (b, _)| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));

    let builder = Assembler {
        names: &names,
        actor_map: &actor_map,
        topic_map: &topic_map,
    };
    let texts = assemble::Texts {
        briefings,
        actors: bodies.actors,
        topics: bodies.topics,
    };
    let mut dossier = builder.assemble(config, texts, &content, &affiliations, &mut problems);
    compute_back_references(&mut dossier);
    translated.apply(&mut dossier);
    dossier.drafts_left_out = content
        .briefings
        .iter()
        .filter(|doc| !options.drafts && doc.front.draft)
        .map(|doc| doc.path.clone())
        .collect();
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

/// The actors and topics known so far, with the tables their references resolve against.
#[derive(Default)]
struct Names {
    actors: Vec<ActorDecl>,
    actor_refs: RefTable,
    topics: Vec<TopicDecl>,
    topic_refs: RefTable,
    /// The briefings and meetings a wikilink can name.
    pages: names::Pages,
}

struct ActorDecl {
    id: String,
    name: String,
    kind: ActorKind,
    role: String,
    aliases: Vec<String>,
    /// Index into `content.actors`.
    doc: Option<usize>,
}

struct TopicDecl {
    id: String,
    name: String,
    aliases: Vec<String>,
    doc: Option<usize>,
}

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
