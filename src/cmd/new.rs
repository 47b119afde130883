//! `dossier new briefing|actor|topic TITLE`: one new file to fill in, with its slug
//! made from the title and every field an author may write, never over a file that
//! exists. It writes that one file and reads nothing else of the site but the names
//! of its briefings (for a slug already taken).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::shown;
use crate::cli::{NewArgs, NewKind};
use crate::failure::Failure;
use crate::model::{Date, MAX_ID_LEN, id_problem, slugify, truncate_id};

/// Writes the new file and prints its path on stdout (for `$EDITOR "$(dossier new ...)"`).
pub fn new(args: &NewArgs) -> Result<(), Failure> {
    new_files(args).map_err(Failure::Io)
}

fn new_files(args: &NewArgs) -> anyhow::Result<()> {
    let id = id_from(&args.title)?;
    let (folder, text) = match args.kind {
        NewKind::Briefing => {
            let date = match &args.date {
                Some(written) => Date::parse(written)
                    .map(|_| written.trim().to_string())
                    .map_err(|message| anyhow::anyhow!("--date {written}: {message}"))?,
                None => jiff::ZonedDateTime::now().date().to_string(),
            };
            ("briefings", briefing(&args.title, &date))
        }
        NewKind::Actor | NewKind::Topic if args.date.is_some() => {
            bail!("--date is for a briefing: an actor or a topic has no date")
        }
        NewKind::Actor => ("actors", actor(&args.title)),
        NewKind::Topic => ("topics", topic(&args.title)),
    };
    let dir = args.root.join("content").join(folder);
    let path = dir.join(format!("{id}.md"));
    if folder == "briefings"
        && let Some(taken) = briefing_named(&dir, &id)
    {
        bail!(
            "{} already has the slug '{id}': choose another title, or edit that file",
            shown(&taken)
        );
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut file = match std::fs::File::create_new(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!(
                "{} exists: choose another title, or edit that file",
                shown(&path)
            )
        }
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!("cannot create {}", path.display())));
        }
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    println!("{}", shown(&path));
    Ok(())
}

/// The id (or slug) a title makes, as the build makes one from a file name.
fn id_from(title: &str) -> anyhow::Result<String> {
    let slug = slugify(title);
    let id = truncate_id(&slug, MAX_ID_LEN).to_string();
    if let Some(problem) = id_problem(&id) {
        bail!(
            "cannot make a file name from '{title}' ({problem}): give a title with letters or digits"
        );
    }
    Ok(id)
}

/// A briefing anywhere under `dir` whose file name gives the slug `id`.
fn briefing_named(dir: &Path, id: &str) -> Option<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .find(|entry| {
            entry.file_type().is_file()
                && entry.path().extension().is_some_and(|e| e == "md")
                && entry.path().file_stem().is_some_and(|s| s == id)
        })
        .map(|entry| entry.into_path())
}

/// A title as YAML: double-quoted, as JSON writes it (a JSON string is a YAML one),
/// so that no title (`null`, `yes`, `a: b`, `#1`) reads as anything but itself.
fn quoted(text: &str) -> String {
    serde_json::to_string(text.trim()).expect("a string serializes")
}

fn briefing(title: &str, date: &str) -> String {
    format!(
        r#"---
title: {title}
date: {date}
summary: ""                          # one paragraph shown in lists and feeds
draft: false                         # true: built only with --drafts
topics: []                           # topic references: [peace-plan, territory]
# sources:
#   - id: cgtn                         # cited as [^cgtn] in the text, or by `source:`
#     title: Productive talks, but major issues remain
#     publisher: CGTN
#     url: https://example.org/article
# meetings:
#   - title: Witkoff meets Dmitriev
#     date: {date}
#     location: Florida, United States
#     participants: [steve-witkoff, kirill-dmitriev]   # required
#     topics: [peace-plan]
#     summary: Markdown allowed.
#     outcome: Dmitriev returns to Moscow to report to Putin.
#     source: cgtn
# positions:
#   - actor: russia                    # required
#     topic: territory                 # required
#     stance: Keep the areas it has captured.   # required
#     source: cgtn
# quotes:
#   - actor: steve-witkoff             # required
#     text: Russia remains fully committed to achieving peace.   # required
#     source: cgtn
---
The briefing, in Markdown.
"#,
        title = quoted(title),
    )
}

fn actor(name: &str) -> String {
    format!(
        r#"---
name: {name}
kind: person                         # person | organization | state | delegation | group
role: ""                             # shown as the tooltip of every link to the actor
# affiliation: united-states         # an actor reference
aliases: []                          # other names that references match
---
A biography in Markdown.
"#,
        name = quoted(name),
    )
}

fn topic(name: &str) -> String {
    format!(
        r#"---
name: {name}
aliases: []                          # other names that references match
---
What the topic covers, in Markdown.
"#,
        name = quoted(name),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_is_the_titles_slug() {
        assert_eq!(
            id_from("Florida talks: the 20-point plan").unwrap(),
            "florida-talks-the-20-point-plan"
        );
        assert_eq!(id_from("Émile Zola").unwrap(), "emile-zola");
        assert!(id_from("!!!").is_err());
        assert!(id_from("Index").is_err());
        assert!(id_from(&"word ".repeat(100)).unwrap().len() <= MAX_ID_LEN);
    }

    /// Whatever the title, the front matter reads back with that title, and the new
    /// file's front matter is one the build accepts without a warning.
    #[test]
    fn every_title_reads_back_as_written() {
        for title in [
            "null",
            "yes",
            "a: b",
            "#1 \"quoted\"",
            "- list",
            "[x]",
            "Plain",
        ] {
            let text = briefing(title, "2025-01-01");
            let split = crate::content::split(&text).unwrap();
            let front: crate::content::schema::BriefingFront =
                serde_yaml::from_str(split.yaml).unwrap();
            assert_eq!(front.title.as_deref(), Some(title));
            let yaml: serde_yaml::Mapping = serde_yaml::from_str(split.yaml).unwrap();
            for key in yaml.keys() {
                assert!(crate::content::schema::keys::BRIEFING.contains(&key.as_str().unwrap()));
            }
            let actor: crate::content::schema::ActorFront =
                serde_yaml::from_str(crate::content::split(&actor(title)).unwrap().yaml).unwrap();
            assert_eq!(actor.name.as_deref(), Some(title));
            let topic: crate::content::schema::TopicFront =
                serde_yaml::from_str(crate::content::split(&topic(title)).unwrap().yaml).unwrap();
            assert_eq!(topic.name.as_deref(), Some(title));
        }
    }
}
