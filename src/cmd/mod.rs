//! The commands: orchestration of the pipeline
//! `Config -> content::load -> model::resolve -> render -> output`, nothing more.

mod build;
mod check;
mod init;
mod serve;

pub use build::build;
pub use check::check;
pub use init::init;
pub use serve::serve;

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
    let mut diagnostics = Diagnostics::default();
    let (dossier, assets) = resolve_site(args, None, &mut diagnostics)?;
    report(&diagnostics);
    if diagnostics.has_errors() {
        return Err(content_failure(&diagnostics).into());
    }
    let templates = Templates::load(&args.root).map_err(|e| ContentFailure(format!("{e:#}")))?;
    Ok(Loaded {
        dossier,
        templates,
        assets,
    })
}

/// Reads, checks and resolves the site's configuration, content and static files,
/// collecting every content problem in `diagnostics` (all made errors when strict)
/// without printing them. Fails only on usage or I/O errors, such as a missing
/// `content/` folder. With a `cache`, content files parsed before and unchanged
/// since are not parsed again.
pub fn resolve_site(
    args: &SiteArgs,
    cache: Option<&mut crate::content::Cache>,
    diagnostics: &mut Diagnostics,
) -> anyhow::Result<(Dossier, Vec<Asset>)> {
    let root = args.root.as_path();
    let config = Config::load(root, diagnostics)?;
    let strict = args.strict || config.strict;
    let content = crate::content::load_with_cache(root, diagnostics, cache)?;
    let dossier = crate::model::resolve(
        config,
        content,
        ResolveOptions {
            drafts: args.drafts,
        },
        diagnostics,
    );
    let assets = crate::render::collect_assets(root, diagnostics)?;
    if strict {
        diagnostics.make_strict();
    }
    Ok((dossier, assets))
}

/// The failure of a run whose diagnostics hold errors: `2 errors in the content`.
fn content_failure(diagnostics: &Diagnostics) -> ContentFailure {
    let (errors, _) = diagnostics.counts();
    ContentFailure(format!("{} in the content", count(errors, "error")))
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
