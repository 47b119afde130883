//! Step 3, render bodies: every Markdown text of the site rendered against the names,
//! in parallel: each body once, and again only when an actor made for an unknown
//! wikilink can change it; then the short fields of the briefings, once every name is
//! known. Each text comes through the [`TextMemo`] hook.
//!
//! Owns: the actors that wikilinks create, and which bodies are rendered again.
//! Must not: resolve front matter, or sort the names: wikilinks record what they point
//! to by declaration number, and `assemble` moves them to their sorted place.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::drafts::BriefingDraft;
use super::table::Names;
use super::wikilinks::{Linker, Mention, Pages};
use super::{At, Problems};
use crate::content::{Content, Document};
use crate::markdown::{self, CitableSource, Problem, RenderOptions, Rendered};
use crate::model::refs::Lookup;

/// Where `resolve` gets the rendering of each Markdown text from: [`Fresh`] renders
/// every one; `dossier serve` supplies renderings it kept from an earlier resolve.
/// The resolver only asks; what a memo keeps, and why, is its own business.
///
/// `names` is a digest of everything a wikilink resolves against, and the render
/// options; `path` names the document (relative to the site root). A memo may answer
/// with a rendering made earlier for the same document, unchanged since, and the same
/// `names`; anything else must come from `make`.
pub trait TextMemo: Sync {
    /// The rendered body of the document at `path`.
    fn body(&self, names: u64, path: &Path, make: &dyn Fn() -> Body) -> Body {
        let _ = (names, path);
        make()
    }

    /// The rendered short fields of the briefing at `path`.
    fn fields(&self, names: u64, path: &Path, make: &dyn Fn() -> Fields) -> Fields {
        let _ = (names, path);
        make()
    }
}

/// Every text rendered: the [`TextMemo`] of a build.
pub struct Fresh;

impl TextMemo for Fresh {}

/// The rendered body of one document, as a [`TextMemo`] keeps it.
#[derive(Clone)]
pub struct Body(Rendered<Mention>);

/// The short fields of one briefing, rendered: each meeting's summary and outcome,
/// each position's stance, and their problems with their file lines; as a
/// [`TextMemo`] keeps them.
#[derive(Clone)]
pub struct Fields {
    meetings: Vec<(String, String)>,
    stances: Vec<String>,
    problems: Vec<Problem>,
}

/// The rendered body of every document: one per briefing draft, in the order of the
/// drafts, and one per actor and topic file, in the order of `content`.
pub(super) struct Bodies {
    pub(super) briefings: Vec<Rendered<Mention>>,
    pub(super) actors: Vec<Rendered<Mention>>,
    pub(super) topics: Vec<Rendered<Mention>>,
}

/// The Markdown of one briefing, rendered: its body, each meeting's summary and
/// outcome, each position's stance, and the problems found, with their file lines.
pub(super) struct RenderedBriefing {
    pub(super) body: Rendered<Mention>,
    pub(super) meetings: Vec<(String, String)>,
    pub(super) stances: Vec<String>,
    pub(super) problems: Vec<Problem>,
}

/// The outcome of rendering the bodies: every body, and the names with the actors
/// that wikilinks created.
pub(super) struct Rendering {
    pub(super) names: Names,
    pub(super) bodies: Bodies,
}

/// Renders every body. A wikilink that names no actor or topic makes a page, as an
/// unknown front-matter reference does: an actor, named from the link, and a
/// warning where the link is; the bodies that the new names can change are then
/// rendered again.
///
/// Names are only ever added, so a link that matched something still does; it
/// reads differently only when a new actor answers to its reference, which then
/// also names what the link pointed to, or when it matched nothing, which is a
/// problem of its body. Exactly those bodies are rendered again.
///
/// Each body comes through `memo`.
pub(super) fn render_bodies(
    mut names: Names,
    pages: &Pages,
    content: &Content,
    drafts: &[BriefingDraft<'_>],
    options: RenderOptions,
    memo: &dyn TextMemo,
    problems: &mut Problems<'_>,
) -> Rendering {
    let linker = Linker {
        names: &names,
        pages,
    };
    let digest = digest(&linker, options);
    let body = |path: &Path, make: &dyn Fn() -> Rendered<Mention>| {
        memo.body(digest, path, &|| Body(make())).0
    };
    let mut bodies = Bodies {
        briefings: drafts
            .par_iter()
            .map(|draft| body(&draft.doc.path, &|| briefing_body(&linker, draft, options)))
            .collect(),
        actors: content
            .actors
            .par_iter()
            .map(|doc| body(&doc.path, &|| file_body(&linker, doc, options)))
            .collect(),
        topics: content
            .topics
            .par_iter()
            .map(|doc| body(&doc.path, &|| file_body(&linker, doc, options)))
            .collect(),
    };
    let known = names.actors.len();
    create_wikilink_targets(&mut names, content, drafts, &bodies, problems);
    if names.actors.len() == known {
        return Rendering { names, bodies };
    }
    let touched = answering_to_new_actors(&names, known);
    let stale = |body: &Rendered<Mention>| {
        !body.problems.is_empty() || body.targets.iter().any(|m| touched.contains(m))
    };
    let linker = Linker {
        names: &names,
        pages,
    };
    bodies
        .briefings
        .par_iter_mut()
        .zip(drafts)
        .filter(|(body, _)| stale(body))
        .for_each(|(body, draft)| *body = briefing_body(&linker, draft, options));
    render_again(
        &linker,
        &mut bodies.actors,
        &content.actors,
        &stale,
        options,
    );
    render_again(
        &linker,
        &mut bodies.topics,
        &content.topics,
        &stale,
        options,
    );
    Rendering { names, bodies }
}

/// Renders the body of an actor or topic file.
fn file_body<F>(
    linker: &Linker<'_>,
    doc: &Document<F>,
    options: RenderOptions,
) -> Rendered<Mention> {
    markdown::render(&doc.body, linker, &[], options)
}

/// A digest of everything a wikilink resolves against: each name, alias, id and
/// role in declaration order (which the links record), and the render options.
fn digest(linker: &Linker<'_>, options: RenderOptions) -> u64 {
    let mut hasher = DefaultHasher::new();
    options.trusted_html.hash(&mut hasher);
    for actor in linker.names.actors.decls() {
        (&actor.id, &actor.name, &actor.info.role, &actor.aliases).hash(&mut hasher);
    }
    hasher.write_u8(0xff);
    for topic in linker.names.topics.decls() {
        (&topic.id, &topic.name, &topic.aliases).hash(&mut hasher);
    }
    linker.pages.digest(&mut hasher);
    hasher.finish()
}

/// Renders again the body of each document whose rendering is `stale`.
fn render_again<F: Send + Sync>(
    linker: &Linker<'_>,
    bodies: &mut [Rendered<Mention>],
    docs: &[Arc<Document<F>>],
    stale: &(impl Fn(&Rendered<Mention>) -> bool + Sync),
    options: RenderOptions,
) {
    bodies
        .par_iter_mut()
        .zip(docs)
        .filter(|(body, _)| stale(body))
        .for_each(|(body, doc)| *body = markdown::render(&doc.body, linker, &[], options));
}

/// Creates an actor for every wikilink target that names nothing, in the order of
/// the documents and of the links in each.
fn create_wikilink_targets(
    names: &mut Names,
    content: &Content,
    drafts: &[BriefingDraft<'_>],
    bodies: &Bodies,
    problems: &mut Problems<'_>,
) {
    let documents = drafts
        .iter()
        .map(|d| (d.doc.path.as_path(), d.doc.body_line))
        .zip(&bodies.briefings)
        .chain(
            content
                .actors
                .iter()
                .map(|d| (d.path.as_path(), d.body_line))
                .zip(&bodies.actors),
        )
        .chain(
            content
                .topics
                .iter()
                .map(|d| (d.path.as_path(), d.body_line))
                .zip(&bodies.topics),
        );
    for ((path, first_line), body) in documents {
        // A link that matched something when it was rendered still does: names
        // are only added. The others are looked up again, in order.
        for (line, target) in &body.unresolved {
            let unknown = matches!(names.actors.lookup(target), Lookup::Missing)
                && matches!(names.topics.lookup(target), Lookup::Missing);
            if unknown {
                let at = At {
                    path,
                    line: || first_line + line,
                };
                names.actors.resolve(target, &at, problems);
            }
        }
    }
}

/// Every actor and topic that answers to a name of an actor declared from number
/// `first` on.
fn answering_to_new_actors(names: &Names, first: usize) -> HashSet<Mention> {
    let mut touched = HashSet::new();
    for actor in &names.actors.decls()[first..] {
        for name in actor.every_name() {
            touched.extend(names.actors.every(name).into_iter().map(Mention::Actor));
            touched.extend(names.topics.every(name).into_iter().map(Mention::Topic));
        }
    }
    touched
}

/// Renders the body of a briefing, whose sources its footnotes can cite.
fn briefing_body(
    linker: &Linker<'_>,
    draft: &BriefingDraft<'_>,
    options: RenderOptions,
) -> Rendered<Mention> {
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
    markdown::render(&draft.doc.body, linker, &citable, options)
}

/// Renders the short Markdown fields of every briefing, each with its body; each
/// briefing's fields come through `memo`.
pub(super) fn render_fields(
    linker: &Linker<'_>,
    drafts: &[BriefingDraft<'_>],
    bodies: Vec<Rendered<Mention>>,
    options: RenderOptions,
    memo: &dyn TextMemo,
) -> Vec<RenderedBriefing> {
    let digest = digest(linker, options);
    let fields: Vec<Fields> = drafts
        .par_iter()
        .map(|draft| {
            memo.fields(digest, &draft.doc.path, &|| {
                briefing_fields(linker, draft, options)
            })
        })
        .collect();
    drafts
        .iter()
        .zip(bodies)
        .zip(fields)
        .map(|((draft, mut body), fields)| {
            // The body's problems first, then the fields'.
            let mut problems: Vec<Problem> = std::mem::take(&mut body.problems)
                .into_iter()
                .map(|problem| Problem {
                    line: draft.doc.body_line + problem.line,
                    ..problem
                })
                .collect();
            problems.extend(fields.problems);
            RenderedBriefing {
                body,
                meetings: fields.meetings,
                stances: fields.stances,
                problems,
            }
        })
        .collect()
}

fn briefing_fields(
    linker: &Linker<'_>,
    draft: &BriefingDraft<'_>,
    options: RenderOptions,
) -> Fields {
    let mut problems = Vec::new();
    let locator = draft.doc.locator();
    let meetings = draft
        .meetings
        .iter()
        .map(|m| {
            let line = |field| locator.field("meetings", m.index, field);
            let summary = inline(
                linker,
                &m.summary,
                || line("summary"),
                options,
                &mut problems,
            );
            let outcome = inline(
                linker,
                &m.outcome,
                || line("outcome"),
                options,
                &mut problems,
            );
            (summary, outcome)
        })
        .collect();
    let stances = draft
        .positions
        .iter()
        .map(|p| {
            let line = || locator.field("positions", p.index, "stance");
            inline(linker, &p.stance, line, options, &mut problems)
        })
        .collect();
    Fields {
        meetings,
        stances,
        problems,
    }
}

/// Renders a short Markdown field, noting its problems at the line `line` finds.
fn inline(
    linker: &Linker<'_>,
    text: &str,
    line: impl Fn() -> usize,
    options: RenderOptions,
    problems: &mut Vec<Problem>,
) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    let rendered = markdown::render_inline(text, linker, options);
    problems.extend(rendered.problems.into_iter().map(|problem| Problem {
        line: line(),
        ..problem
    }));
    rendered.html
}
