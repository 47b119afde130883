//! The build pipeline, stage by stage, as `build` and `check` run it:
//!
//! ```text
//! Config::load -> content::load -> model::resolve -> render::render -> output::write
//! ```
//!
//! Each stage is a plain function of the previous stage's value. This module owns the
//! order of the stages and the reporting of the content problems they collect; it
//! holds no state and no cache (`dossier serve` memoizes the same stages from
//! `serve::rebuild`), and it writes nothing itself (only `output` does).

use crate::cli::SiteArgs;
use crate::config::Config;
use crate::diagnostics::{Diagnostics, Format};
use crate::failure::{ContentErrors, Failure};
use crate::model::{Dossier, ResolveOptions};
use crate::render::{Asset, TemplateErrors, Templates};

/// A site loaded and resolved, ready to render.
pub struct Loaded {
    pub dossier: Dossier,
    pub templates: Templates,
    pub assets: Vec<Asset>,
}

/// Loads, checks and resolves the site at `args.root`, printing every diagnostic.
/// Fails with [`Failure::Content`] when there is any error.
pub fn load(args: &SiteArgs) -> Result<Loaded, Failure> {
    load_as(args, Format::Text)
}

/// [`load`], printing the diagnostics in `format`.
pub fn load_as(args: &SiteArgs, format: Format) -> Result<Loaded, Failure> {
    let mut diagnostics = Diagnostics::default();
    let (dossier, assets) = resolve(args, &mut diagnostics)?;
    report_as(&diagnostics, format);
    if diagnostics.has_errors() {
        return Err(content_failure(&diagnostics).into());
    }
    let templates = Templates::load_in(&args.root, &dossier.config.interfaces())
        .map_err(|e| shown_as(e.into(), format))?;
    Ok(Loaded {
        dossier,
        templates,
        assets,
    })
}

/// The stages up to the model: reads the configuration and the content, resolves
/// them, and reads the static files, collecting every content problem in
/// `diagnostics` (all made errors when strict) without printing them. Fails only on
/// usage or I/O errors, such as a missing `content/` folder.
pub fn resolve(
    args: &SiteArgs,
    diagnostics: &mut Diagnostics,
) -> anyhow::Result<(Dossier, Vec<Asset>)> {
    let root = args.root.as_path();
    let config = Config::load(root, diagnostics)?.with_base_url(args.base_url.as_deref());
    let strict = args.strict || config.strict;
    let content = crate::content::load(root, diagnostics)?;
    let dossier = crate::model::resolve(config, content, resolve_options(args), diagnostics);
    let assets = crate::render::collect_assets(root, diagnostics)?;
    warn_of_replaced_pages(&dossier, &assets, diagnostics);
    if strict {
        diagnostics.make_strict();
    }
    Ok((dossier, assets))
}

/// Warns of each static file that replaces a generated file ([`crate::render::replaced`]),
/// naming both.
pub fn warn_of_replaced_pages(dossier: &Dossier, assets: &[Asset], diagnostics: &mut Diagnostics) {
    let statics: Vec<&str> = assets.iter().map(|asset| asset.path.as_str()).collect();
    for path in crate::render::replaced(dossier, &statics) {
        diagnostics.warning(
            &std::path::Path::new("static").join(path),
            None,
            format!(
                "replaces the generated {path}, which is not made: rename or remove this file to keep it"
            ),
        );
    }
}

/// What the command line changes in a resolve.
pub fn resolve_options(args: &SiteArgs) -> ResolveOptions {
    ResolveOptions {
        drafts: args.drafts,
    }
}

/// `failure`, with the problems of templates that fail printed in `format`, one by
/// one, as content problems are: what is left of them is their count.
pub fn shown_as(failure: Failure, format: Format) -> Failure {
    if let Failure::Templates(errors) = &failure {
        let mut diagnostics = Diagnostics::default();
        for d in &errors.diagnostics {
            diagnostics.error(&d.path, d.line, d.message.clone());
        }
        report_as(&diagnostics, format);
    }
    failure
}

/// The problems of templates that fail, one a line, and their count, as serve shows
/// them; any other error with its causes.
pub fn template_report(error: &anyhow::Error) -> String {
    match error.downcast_ref::<TemplateErrors>() {
        Some(errors) => {
            let lines: String = errors
                .diagnostics
                .iter()
                .map(|d| format!("{d}\n"))
                .collect();
            format!("{lines}error: {errors}")
        }
        None => format!("error: {error:#}"),
    }
}

/// The failure of a run whose diagnostics hold errors: `2 errors in the content`.
pub fn content_failure(diagnostics: &Diagnostics) -> ContentErrors {
    let (count, _) = diagnostics.counts();
    ContentErrors { count }
}

/// Prints every diagnostic to stderr, sorted by file and line.
pub fn report(diagnostics: &Diagnostics) {
    report_as(diagnostics, Format::Text)
}

/// Prints every diagnostic, sorted by file and line: as text on stderr, or in a
/// machine's format on stdout.
pub fn report_as(diagnostics: &Diagnostics, format: Format) {
    for diagnostic in diagnostics.sorted() {
        match format {
            // Coloured where the terminal takes it (crate::terminal).
            Format::Text => anstream::eprintln!("{}", diagnostic.painted()),
            Format::Json | Format::Github => {
                println!(
                    "{}",
                    crate::diagnostics::format_problem(format, &diagnostic)
                )
            }
        }
    }
}

/// `1 briefing`, `2 briefings`.
/// What a build or check leaves out, said before its summary: drafts, and without a
/// `base_url` the files and links that need the site's address.
pub fn print_notes(dossier: &Dossier) {
    if !dossier.drafts_left_out.is_empty() {
        eprintln!(
            "Left out {} (--drafts includes them)",
            count(dossier.drafts_left_out.len(), "draft")
        );
    }
    if dossier.config.base_url.is_empty() {
        eprintln!(
            "Left out sitemap.xml, canonical links and the feeds' absolute addresses: they need the site's address (set base_url: https://... in dossier.yaml, or build with --base-url URL)"
        );
    }
}

pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let (dossier, _) = resolve(&args, &mut diagnostics).unwrap();
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
