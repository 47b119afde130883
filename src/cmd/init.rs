//! `dossier init DIR`: a new site with one example briefing.

use anyhow::{Context, anyhow};

use super::shown;
use crate::cli::InitArgs;
use crate::failure::Failure;

const FILES: &[(&str, &str)] = &[
    (
        "dossier.yaml",
        "title: My dossier\ndescription: Briefings on the talks we follow.\nbase_url: \"\"    # the public address, such as https://example.org/dossier: for the sitemap, canonical links and feeds\nlanguage: en\nstrict: false\n",
    ),
    (
        "content/briefings/first-briefing.md",
        r#"---
title: First round of talks
date: 2025-01-15
summary: The two envoys met for the first time and agreed to meet again.
topics: [ceasefire]
sources:
  - id: notes
    title: Our own notes from the press conference
    publisher: Newsroom
meetings:
  - title: Envoys meet in Geneva
    date: 2025-01-14
    location: Geneva, Switzerland
    participants: [envoy-a, envoy-b]
    topics: [ceasefire]
    summary: A first, exploratory meeting.
    outcome: Both sides agreed to meet again within a month.
    source: notes
positions:
  - actor: envoy-a
    topic: ceasefire
    stance: A ceasefire must come before any other step.
    source: notes
quotes:
  - actor: envoy-b
    text: We are ready to listen.
    source: notes
---
[[Envoy A]] and [[envoy-b]] met in Geneva. The talk turned mostly on the
[[ceasefire]].[^notes]

Write more briefings in `content/briefings/`, describe actors in
`content/actors/<id>.md` and topics in `content/topics/<id>.md`, then run
`dossier build`.
"#,
    ),
    (
        "content/actors/envoy-a.md",
        "---\nname: Envoy A\nkind: person\nrole: Special envoy of the first side\naliases: [A]\n---\nA biography in Markdown.\n",
    ),
    (
        "content/actors/envoy-b.md",
        "---\nname: Envoy B\nkind: person\nrole: Special envoy of the second side\n---\nA biography in Markdown.\n",
    ),
    (
        "content/topics/ceasefire.md",
        "---\nname: Ceasefire\naliases: [truce]\n---\nWhat each side holds on stopping the fighting.\n",
    ),
    // Editors with yaml-language-server (VS Code's YAML extension) take the schemas
    // of `dossier schema` from here.
    (
        ".vscode/settings.json",
        r#"{
  "yaml.schemas": {
    "./.dossier/schemas/dossier.schema.json": "dossier.yaml",
    "./.dossier/schemas/briefing.schema.json": "content/briefings/**/*.md",
    "./.dossier/schemas/actor.schema.json": "content/actors/*.md",
    "./.dossier/schemas/topic.schema.json": "content/topics/*.md"
  }
}
"#,
    ),
    (".gitignore", "public/\n.dossier-cache/\n"),
];

/// Creates the example site in `args.dir`, which must not exist or be empty.
pub fn init(args: &InitArgs) -> Result<(), Failure> {
    let dir = &args.dir;
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        if entries.next().is_some() {
            let error = anyhow!("{} is not empty: choose a new folder", dir.display());
            return Err(Failure::Io(error));
        }
    }
    for (path, text) in FILES {
        let full = dir.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&full, text).with_context(|| format!("cannot write {}", full.display()))?;
    }
    super::schema::write_schemas(dir, &dir.join(super::SCHEMA_DIR))?;
    eprintln!("{}", created(&shown(dir)));
    Ok(())
}

/// What `init` says once the site is made in the folder shown as `dir`: no `cd` when
/// it is the current folder.
fn created(dir: &str) -> String {
    let dir = dir
        .strip_suffix('/')
        .filter(|d| !d.is_empty())
        .unwrap_or(dir);
    if dir.is_empty() || dir == "." {
        "Created a new dossier in the current folder. Build it with:\n\n    dossier build\n"
            .to_string()
    } else {
        format!("Created a new dossier in {dir}. Build it with:\n\n    cd {dir} && dossier build\n")
    }
}

#[cfg(test)]
mod tests {
    use super::created;

    #[test]
    fn the_current_folder_is_named_as_such_and_needs_no_cd() {
        assert_eq!(
            created("."),
            "Created a new dossier in the current folder. Build it with:\n\n    dossier build\n"
        );
        assert_eq!(created(""), created("."));
        assert_eq!(created("./"), created("."));
        assert!(created("accords").ends_with("    cd accords && dossier build\n"));
    }
}
