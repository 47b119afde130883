//! `dossier templates export [DIR]`: the embedded templates and stylesheet, written
//! into a site for editing, never over a file that is there.

use std::path::PathBuf;

use anyhow::{Context, bail};

use super::shown;
use crate::cli::{TemplatesArgs, TemplatesCommand};
use crate::failure::Failure;
use crate::render::{Templates, embedded_asset};

/// The stylesheet exported beside the templates.
const STYLESHEET: &str = "style.css";

pub fn templates(args: &TemplatesArgs) -> Result<(), Failure> {
    run(args).map_err(Failure::Io)
}

fn run(args: &TemplatesArgs) -> anyhow::Result<()> {
    match &args.command {
        TemplatesCommand::Export(export) => {
            let files = exported_files()?;
            let dir = &export.dir;
            let existing: Vec<String> = files
                .iter()
                .filter(|(path, _)| dir.join(path).exists())
                .map(|(path, _)| path.display().to_string())
                .collect();
            if let Some(first) = existing.first() {
                let named = match existing.len() {
                    1 => format!("{first} is"),
                    2..=3 => format!("{} are", existing.join(", ")),
                    n => format!("{}, and {} more, are", existing[..3].join(", "), n - 3),
                };
                let them = if existing.len() == 1 { "it" } else { "them" };
                bail!(
                    "nothing written: {named} already in {}: export into another folder, or move {them} away",
                    shown(dir)
                );
            }
            for (path, bytes) in &files {
                let full = dir.join(path);
                if let Some(parent) = full.parent() {
                    std::fs::create_dir_all(parent)
                        .with_context(|| format!("cannot create {}", parent.display()))?;
                }
                std::fs::write(&full, bytes)
                    .with_context(|| format!("cannot write {}", full.display()))?;
            }
            eprintln!(
                "Wrote {} templates into {} and the stylesheet into {}.\n\
                 Each replaces the embedded one: keep only the files you change, so that the others follow new versions of dossier.\n\
                 For a few rules of your own, static/extra.css is enough: every page links it after the default stylesheet.",
                files.len() - 1,
                shown(&dir.join("templates")),
                shown(&dir.join("static").join(STYLESHEET)),
            );
            Ok(())
        }
    }
}

/// Every file to export, by its path in the site: the templates, then the stylesheet.
fn exported_files() -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = Templates::embedded_sources()
        .into_iter()
        .map(|(name, text)| (PathBuf::from("templates").join(name), text.into_bytes()))
        .collect();
    files.sort();
    let stylesheet = embedded_asset(STYLESHEET).context("the embedded stylesheet is missing")?;
    files.push((
        PathBuf::from("static").join(STYLESHEET),
        stylesheet.to_vec(),
    ));
    Ok(files)
}
