//! The resolve of `dossier serve`: the stages of [`crate::pipeline::resolve`], each
//! file parsed ([`super::parsed`]) and each Markdown text rendered ([`super::memo`])
//! only when it changed. It never decides how a file is parsed or a text rendered.

use crate::cli::SiteArgs;
use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::model::Dossier;
use crate::pipeline::resolve_options;
use crate::render::{Asset, collect_assets};

/// What `dossier serve` keeps from one resolve for the next.
#[derive(Default)]
pub struct Memos {
    /// The content files parsed by the last loads.
    pub parsed: super::parsed::ParsedFiles,
    /// The Markdown texts rendered by the last resolves.
    texts: super::memo::Texts,
}

impl Memos {
    /// The stages of [`crate::pipeline::resolve`], each file parsed and each text
    /// rendered only when it changed: the same dossier and diagnostics. With
    /// `unless_unchanged`, a load that parsed exactly the documents of the last one
    /// (a save that changed no byte) stops before resolving: `None`.
    pub fn resolve(
        &mut self,
        args: &SiteArgs,
        unless_unchanged: bool,
        diagnostics: &mut Diagnostics,
    ) -> anyhow::Result<Option<(Dossier, Vec<Asset>)>> {
        let root = args.root.as_path();
        let config = Config::load(root, diagnostics)?.with_base_url(args.base_url.as_deref());
        let strict = args.strict || config.strict;
        let content = self.parsed.load(root, diagnostics)?;
        if unless_unchanged && !self.parsed.changed() {
            return Ok(None);
        }
        let parsed = &self.parsed;
        let files = |path: &std::path::Path| parsed.digest(path);
        let memo = self.texts.memo(&files);
        let options = resolve_options(args);
        let dossier = crate::model::resolve_through(config, content, options, &memo, diagnostics);
        let made = memo.made();
        self.texts.keep(made, &files);
        let assets = collect_assets(root, diagnostics)?;
        crate::pipeline::warn_of_replaced_pages(&dossier, &assets, diagnostics);
        if strict {
            diagnostics.make_strict();
        }
        Ok(Some((dossier, assets)))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The dossier and the diagnostics of a resolve, comparable.
    fn resolved(args: &SiteArgs, memos: Option<&mut Memos>) -> (Dossier, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let (dossier, _) = match memos {
            Some(memos) => memos
                .resolve(args, false, &mut diagnostics)
                .unwrap()
                .unwrap(),
            None => crate::pipeline::resolve(args, &mut diagnostics).unwrap(),
        };
        let diagnostics = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
        (dossier, diagnostics)
    }

    fn site_args(root: &Path) -> SiteArgs {
        SiteArgs {
            root: root.to_path_buf(),
            drafts: false,
            strict: false,
            base_url: None,
        }
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
        let write = |path: &Path, text: &str| std::fs::write(path, text).unwrap();
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
        let args = site_args(root);
        let mut memos = Memos::default();
        assert_eq!(resolved(&args, Some(&mut memos)), resolved(&args, None));

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
            memos.parsed.forget(Path::new(path));
            let again = resolved(&args, Some(&mut memos));
            assert_eq!(again, resolved(&args, None), "after writing {path}");
        }
    }

    /// A save that changes no byte stops before resolving; one that changes a byte
    /// resolves.
    #[test]
    fn a_save_that_changes_no_byte_stops_before_resolving() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let briefing = root.join("content/briefings/a.md");
        std::fs::create_dir_all(briefing.parent().unwrap()).unwrap();
        let text = "---\ntitle: A\ndate: 2025-01-01\n---\nBody.\n";
        std::fs::write(&briefing, text).unwrap();
        let args = site_args(root);
        let mut memos = Memos::default();
        let mut diagnostics = Diagnostics::default();
        let resolve = |memos: &mut Memos, diagnostics: &mut Diagnostics| {
            memos.resolve(&args, true, diagnostics).unwrap()
        };
        assert!(resolve(&mut memos, &mut diagnostics).is_some());

        std::fs::write(&briefing, text).unwrap();
        memos.parsed.forget(Path::new("content/briefings/a.md"));
        assert!(resolve(&mut memos, &mut diagnostics).is_none());

        std::fs::write(&briefing, text.replace("Body", "Edited")).unwrap();
        memos.parsed.forget(Path::new("content/briefings/a.md"));
        let (dossier, _) = resolve(&mut memos, &mut diagnostics).expect("a resolve");
        assert!(dossier.briefings[0].body_html.contains("Edited"));
    }
}
