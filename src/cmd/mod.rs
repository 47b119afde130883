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
use crate::diagnostics::{Diagnostics, Format};
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
    load_site_as(args, Format::Text)
}

/// [`load_site`], printing the diagnostics in `format`.
pub fn load_site_as(args: &SiteArgs, format: Format) -> anyhow::Result<Loaded> {
    let mut diagnostics = Diagnostics::default();
    let (dossier, assets) = resolve_site(args, None, &mut diagnostics)?;
    report(&diagnostics, format);
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

/// What `dossier serve` keeps from one build for the next.
#[derive(Default)]
pub struct Kept {
    /// The content files parsed so far.
    pub parsed: crate::content::Cache,
    /// The Markdown bodies rendered by the last build.
    pub rendered: crate::model::Renders,
}

/// Reads, checks and resolves the site's configuration, content and static files,
/// collecting every content problem in `diagnostics` (all made errors when strict)
/// without printing them. Fails only on usage or I/O errors, such as a missing
/// `content/` folder. With what an earlier build `kept`, content files parsed before
/// and unchanged since are not parsed again, nor their bodies rendered again while
/// every name they can link to is unchanged.
pub fn resolve_site(
    args: &SiteArgs,
    kept: Option<&mut Kept>,
    diagnostics: &mut Diagnostics,
) -> anyhow::Result<(Dossier, Vec<Asset>)> {
    let root = args.root.as_path();
    let config = Config::load(root, diagnostics)?.with_base_url(args.base_url.as_deref());
    let strict = args.strict || config.strict;
    let (parsed, rendered) = match kept {
        Some(kept) => (Some(&mut kept.parsed), Some(&mut kept.rendered)),
        None => (None, None),
    };
    let content = crate::content::load_with_cache(root, diagnostics, parsed)?;
    let options = ResolveOptions {
        drafts: args.drafts,
    };
    let dossier = crate::model::resolve_with(config, content, options, rendered, diagnostics);
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

/// Prints every diagnostic, sorted by file and line: as text on stderr, or in a
/// machine's format on stdout.
fn report(diagnostics: &Diagnostics, format: Format) {
    for diagnostic in diagnostics.sorted() {
        let line = crate::diagnostics::format_problem(format, &diagnostic);
        match format {
            Format::Text => eprintln!("{line}"),
            Format::Json | Format::Github => println!("{line}"),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The dossier and the diagnostics of a resolve, comparable.
    fn resolved(args: &SiteArgs, kept: Option<&mut Kept>) -> (Dossier, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let (dossier, _) = resolve_site(args, kept, &mut diagnostics).unwrap();
        let diagnostics = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
        (dossier, diagnostics)
    }

    /// What serve keeps between builds never changes what a build resolves: after a
    /// body edit, a new actor that an old wikilink now names, a new role for an actor
    /// that links in a body and in a meeting's summary show, and an edit that breaks a
    /// link, the kept build equals a fresh one each time.
    #[test]
    fn a_resolve_from_kept_bodies_equals_a_fresh_one() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let briefings = root.join("content/briefings");
        let actors = root.join("content/actors");
        std::fs::create_dir_all(&briefings).unwrap();
        std::fs::create_dir_all(&actors).unwrap();
        let write = |path: &std::path::Path, text: &str| std::fs::write(path, text).unwrap();
        write(
            &briefings.join("a.md"),
            "---\ntitle: A\ndate: 2025-01-01\nmeetings:\n  - participants: [envoy-a]\n    summary: With [[Envoy A]].\n---\nMet [[Envoy A]].\n",
        );
        write(
            &briefings.join("b.md"),
            "---\ntitle: B\ndate: 2025-01-02\n---\nAbout [[Envoy C]] and [[Envoy B]].\n",
        );
        write(
            &actors.join("envoy-a.md"),
            "---\nname: Envoy A\n---\nBio.\n",
        );
        let args = SiteArgs {
            root: root.to_path_buf(),
            drafts: false,
            strict: false,
            base_url: None,
        };
        let mut kept = Kept::default();
        assert_eq!(resolved(&args, Some(&mut kept)), resolved(&args, None));

        let edits: [(&str, &str); 4] = [
            (
                "content/briefings/a.md",
                "---\ntitle: A\ndate: 2025-01-01\nmeetings:\n  - participants: [envoy-a]\n    summary: With [[Envoy A]].\n---\nMet [[Envoy A]] twice.\n",
            ),
            (
                "content/actors/envoy-c.md",
                "---\nname: Envoy C\nrole: mediator\n---\n",
            ),
            (
                "content/actors/envoy-a.md",
                "---\nname: Envoy A\nrole: envoy\n---\nBio.\n",
            ),
            (
                "content/briefings/b.md",
                "---\ntitle: B\ndate: 2025-01-02\n---\nAbout [[Envoy D]] and [[Envoy C]].\n",
            ),
        ];
        for (path, text) in edits {
            write(&root.join(path), text);
            kept.parsed.forget(std::path::Path::new(path));
            let again = resolved(&args, Some(&mut kept));
            assert_eq!(again, resolved(&args, None), "after writing {path}");
        }
    }

    /// Briefings are read in parallel, but what one creates is seen by the next, as
    /// when they are read in order: an unknown actor is created once, by the first
    /// briefing that names it, and later references (its id, a near miss) see it.
    #[test]
    fn later_briefings_see_the_names_earlier_ones_create() {
        let site = tempfile::tempdir().unwrap();
        let briefings = site.path().join("content/briefings");
        std::fs::create_dir_all(&briefings).unwrap();
        let briefing = |name: &str, date: &str, participants: &str| {
            let text = format!(
                "---\ntitle: {name}\ndate: {date}\nmeetings:\n  - participants: [{participants}]\n---\n"
            );
            std::fs::write(briefings.join(format!("{name}.md")), text).unwrap();
        };
        briefing("a", "2025-01-01", "Envoy Xavier");
        briefing("b", "2025-01-02", "envoy-xavier");
        briefing("c", "2025-01-03", "Envoy Xavierr");
        let args = SiteArgs {
            root: site.path().to_path_buf(),
            drafts: false,
            strict: false,
            base_url: None,
        };
        let mut diagnostics = Diagnostics::default();
        let (dossier, _) = resolve_site(&args, None, &mut diagnostics).unwrap();
        let ids: Vec<&str> = dossier.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["envoy-xavier", "envoy-xavierr"]);
        let messages: Vec<String> = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            messages,
            [
                "content/briefings/a.md:5: warning: unknown actor 'Envoy Xavier': a page is made for it; describe it in content/actors/envoy-xavier.md",
                "content/briefings/c.md:5: warning: unknown actor 'Envoy Xavierr' (did you mean 'Envoy Xavier'?)",
            ]
        );
    }
}
