//! Step 1, declare: the actors and topics of the site's files, each into the
//! [`Table`] of its kind, then the actors' affiliations.
//!
//! Owns: ids from file names, the declared names, aliases, kinds and roles, and
//! affiliations. Must not: read briefings, render Markdown, or build the model.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::table::{ActorInfo, ActorNo, Decl, Kind, Names, No, Table, TopicInfo};
use super::{At, Problems, required};
use crate::content::schema::{ActorFront, TopicFront};
use crate::content::{Content, Document, Locator};
use crate::model::{ActorKind, id_problem, slugify};

/// The outcome of declaring: the names of the actor and topic files, and each declared
/// actor's affiliation.
pub(super) struct Declared {
    pub(super) names: Names,
    pub(super) affiliations: Affiliations,
}

/// The actor each declared actor is affiliated with.
pub(super) type Affiliations = HashMap<ActorNo, ActorNo>;

/// Declares every actor and topic file, then resolves the actors' affiliations (which
/// may create actors).
pub(super) fn declare(content: &Content, problems: &mut Problems<'_>) -> Declared {
    let mut names = Names {
        actors: declare_files(&content.actors, problems, |front| {
            (front.name.as_deref(), &front.aliases)
        }),
        topics: declare_files(&content.topics, problems, |front| {
            (front.name.as_deref(), &front.aliases)
        }),
    };
    let affiliations = affiliations(&mut names.actors, &content.actors, problems);
    Declared {
        names,
        affiliations,
    }
}

/// What a file's front matter gives an entry of kind `K`.
trait FromFile<F>: Kind {
    fn from_file(doc: &Document<F>, locator: &Locator<'_>, problems: &mut Problems<'_>) -> Self;
}

impl FromFile<ActorFront> for ActorInfo {
    fn from_file(
        doc: &Document<ActorFront>,
        locator: &Locator<'_>,
        problems: &mut Problems<'_>,
    ) -> Self {
        let kind = match doc.front.kind.as_deref().map(str::trim) {
            None | Some("") => ActorKind::Person,
            Some(written) => match ActorKind::WRITTEN
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(written))
            {
                Some((_, kind)) => *kind,
                None => {
                    let line = locator.key("kind").unwrap_or(doc.yaml_line);
                    problems.error(
                        &doc.path,
                        line,
                        format!(
                            "unknown kind '{written}': write one of person, organization, state, delegation, group"
                        ),
                    );
                    ActorKind::Person
                }
            },
        };
        let role = doc.front.role.as_deref().unwrap_or_default().trim();
        ActorInfo {
            kind,
            role: role.to_string(),
        }
    }
}

impl FromFile<TopicFront> for TopicInfo {
    fn from_file(_: &Document<TopicFront>, _: &Locator<'_>, _: &mut Problems<'_>) -> Self {
        TopicInfo
    }
}

/// The table of every file of one kind: each file's id (from its file name), its name
/// (`name:`, or the id when it is missing, which is reported), its aliases and what its
/// kind reads. A file that gives no usable id declares nothing.
fn declare_files<F, K: FromFile<F>>(
    docs: &[Arc<Document<F>>],
    problems: &mut Problems<'_>,
    names: impl Fn(&F) -> (Option<&str>, &[String]),
) -> Table<K> {
    let mut table = Table::default();
    let mut seen: HashMap<String, &Path> = HashMap::new();
    for (index, doc) in docs.iter().enumerate() {
        let Some(id) = file_id(doc, K::WHAT, &mut seen, problems) else {
            continue;
        };
        let locator = doc.locator();
        let (name, aliases) = names(&doc.front);
        let name = required(name, &doc.path, &locator, "name", problems)
            .unwrap_or(&id)
            .trim()
            .to_string();
        let info = K::from_file(doc, &locator, problems);
        table.add(Decl {
            id,
            name,
            aliases: clean_list(aliases),
            doc: Some(index),
            info,
        });
    }
    table
}

/// The affiliation of each declared actor.
fn affiliations(
    actors: &mut Table<ActorInfo>,
    docs: &[Arc<Document<ActorFront>>],
    problems: &mut Problems<'_>,
) -> Affiliations {
    let mut affiliations = HashMap::new();
    let declared: Vec<(ActorNo, usize)> = actors
        .decls()
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.doc.map(|d| (No::new(i as u32), d)))
        .collect();
    for (no, doc_index) in declared {
        let doc = &docs[doc_index];
        let Some(reference) = doc
            .front
            .affiliation
            .as_deref()
            .filter(|r| !r.trim().is_empty())
        else {
            continue;
        };
        let line = doc.locator().key("affiliation").unwrap_or(doc.yaml_line);
        let at = At {
            path: &doc.path,
            line: || line,
        };
        if let Some(target) = actors.resolve(reference, &at, problems) {
            if target == no {
                problems.error(&doc.path, line, "an actor cannot be affiliated with itself");
            } else {
                affiliations.insert(no, target);
            }
        }
    }
    affiliations
}

/// The id a file's name gives, as `what` (actor or topic) needs it; `None`, reported,
/// when the name makes no id or another file gave the same.
fn file_id<'d, F>(
    doc: &'d Document<F>,
    what: &str,
    seen: &mut HashMap<String, &'d Path>,
    problems: &mut Problems<'_>,
) -> Option<String> {
    let id = slugify(&doc.stem);
    if let Some(problem) = id_problem(&id) {
        problems.error(
            &doc.path,
            1,
            format!("cannot make a {what} id from this file name ({problem}): name the file <id>.md, such as steve-witkoff.md"),
        );
        return None;
    }
    if id != doc.stem {
        problems.warning(&doc.path, 1, format!("the file name is not an id, so the {what}'s id is '{id}': rename the file to {id}.md"));
    }
    if let Some(other) = seen.get(&id) {
        problems.error(
            &doc.path,
            1,
            format!(
                "{what} '{id}' is also defined in {}: keep one file per {what}",
                other.display()
            ),
        );
        return None;
    }
    seen.insert(id.clone(), &doc.path);
    Some(id)
}

/// The items trimmed, without empty ones and repeats.
pub(super) fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
        if !out.iter().any(|o| o == item) {
            out.push(item.to_string());
        }
    }
    out
}
