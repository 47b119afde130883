//! The commands: orchestration of the pipeline
//! `Config -> content::load -> model::resolve -> render -> output`, nothing more.

mod build;
mod check;
mod init;

pub use build::build;
pub use check::check;
pub use init::init;

use std::path::Path;

use crate::cli::SiteArgs;
use crate::config::Config;
pub use crate::diagnostics::ContentFailure;
use crate::diagnostics::Diagnostics;
use crate::model::{Dossier, ResolveOptions};
use crate::render::{Asset, Templates};

/// A site loaded and resolved, ready to render.
pub struct Loaded {
    pub dossier: Dossier,
    pub templates: Templates,
    pub assets: Vec<Asset>,
}

/// Loads, checks and resolves the site at `args.root`, printing every diagnostic.
/// Fails with [`ContentFailure`] when there is any error.
pub fn load_site(args: &SiteArgs) -> anyhow::Result<Loaded> {
    let root = args.root.as_path();
    let mut diagnostics = Diagnostics::default();
    let config = Config::load(root, &mut diagnostics)?;
    let strict = args.strict || config.strict;
    let content = crate::content::load(root, &mut diagnostics)?;
    let dossier = crate::model::resolve(
        config,
        content,
        ResolveOptions {
            drafts: args.drafts,
        },
        &mut diagnostics,
    );
    let assets = crate::render::collect_assets(root, &mut diagnostics)?;
    if strict {
        diagnostics.make_strict();
    }
    report(&diagnostics);
    if diagnostics.has_errors() {
        let (errors, _) = diagnostics.counts();
        return Err(ContentFailure(format!("{} in the content", count(errors, "error"))).into());
    }
    let templates = Templates::load(root).map_err(|e| ContentFailure(format!("{e:#}")))?;
    Ok(Loaded {
        dossier,
        templates,
        assets,
    })
}

/// Prints every diagnostic to stderr, sorted by file and line.
fn report(diagnostics: &Diagnostics) {
    for diagnostic in diagnostics.sorted() {
        eprintln!("{diagnostic}");
    }
}

/// `1 briefing`, `2 briefings`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A path shown to the user: relative to the current folder when inside it.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}
