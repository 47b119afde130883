//! `dossier schema`: the JSON Schemas of [`crate::json_schema`], with the site's own
//! actors and topics, written into a folder for editors.

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::shown;
use crate::cli::{SchemaArgs, SiteArgs};
use crate::diagnostics::Diagnostics;
use crate::failure::Failure;

/// The folder the schemas go in by default, in the site's folder (the one
/// `.vscode/settings.json` of `dossier init` names).
pub const SCHEMA_DIR: &str = ".dossier/schemas";

/// Writes the schemas of the site at `args.root` into `args.output`.
pub fn schema(args: &SchemaArgs) -> Result<(), Failure> {
    schema_files(args).map_err(Failure::Io)
}

fn schema_files(args: &SchemaArgs) -> anyhow::Result<()> {
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.root.join(SCHEMA_DIR));
    let files = write_schemas(&args.root, &output)?;
    eprintln!("Wrote {} into {}", files.join(", "), shown(&output));
    Ok(())
}

/// Reads the site at `root` (its drafts too, whatever their problems: the schemas
/// only offer its names) and writes the schemas into `output`; returns their names.
pub(super) fn write_schemas(root: &Path, output: &Path) -> anyhow::Result<Vec<&'static str>> {
    let site = SiteArgs {
        root: PathBuf::from(root),
        drafts: true,
        strict: false,
        base_url: None,
    };
    let (dossier, _) = crate::pipeline::resolve(&site, &mut Diagnostics::default())?;
    std::fs::create_dir_all(output)
        .with_context(|| format!("cannot create {}", output.display()))?;
    let mut names = Vec::new();
    for (name, schema) in crate::json_schema::schemas(&dossier.actors, &dossier.topics) {
        let path = output.join(name);
        let mut text = serde_json::to_string_pretty(&schema).context("cannot write a schema")?;
        text.push('\n');
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        names.push(name);
    }
    Ok(names)
}
