//! The pages kept from one render to the next: `dossier serve`'s [`PageMemo`], so that
//! a rebuild renders only the pages whose inputs changed, and stops when a newer
//! change comes.
//!
//! A page is kept while the digest of everything its template receives is the one it
//! had, with the same templates and settings. This module decides nothing about what a
//! page receives or how it is rendered: `render` digests, this module compares.

use std::collections::HashMap;

use super::Newer;
use crate::render::PageMemo;

/// The digest of what each page of a render received, by output path.
#[derive(Debug, Default, Clone)]
pub struct PageDigests {
    pages: HashMap<String, u64>,
}

impl PageDigests {
    /// The digests a render returned.
    pub fn new(pages: Vec<(String, u64)>) -> PageDigests {
        PageDigests {
            pages: pages.into_iter().collect(),
        }
    }

    /// The output path of every page with a digest (almost all).
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.pages.keys().map(String::as_str)
    }

    /// True when `path` is a page with a digest.
    pub fn contains(&self, path: &str) -> bool {
        self.pages.contains_key(path)
    }

    /// Forgets the page at `path`, so that the next render renders it.
    pub fn forget(&mut self, path: &str) {
        self.pages.remove(path);
    }
}

/// The [`PageMemo`] of one render: pages whose digest is in `held` are not rendered
/// (the caller has them); once `stop` is set, the render stops.
pub struct Memo<'a> {
    pub held: &'a PageDigests,
    pub stop: Option<&'a dyn Newer>,
}

impl PageMemo for Memo<'_> {
    fn digests(&self) -> bool {
        true
    }

    fn holds(&self, path: &str, digest: u64) -> bool {
        self.held.pages.get(path) == Some(&digest)
    }

    fn stopped(&self) -> bool {
        self.stop.is_some_and(|stop| stop.came())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;
    use std::sync::Mutex;

    use super::*;
    use crate::cli::SiteArgs;
    use crate::diagnostics::Diagnostics;
    use crate::model::Dossier;
    use crate::render::{Asset, RenderSettings, Sink, Templates, render};

    #[derive(Default)]
    struct Files(Mutex<BTreeMap<String, Vec<u8>>>);

    impl Sink for Files {
        fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
            self.0.lock().unwrap().insert(path.into(), bytes.into());
            Ok(())
        }
    }

    fn resolved(root: &Path) -> (Dossier, Vec<Asset>, Templates) {
        let args = SiteArgs {
            root: root.to_path_buf(),
            drafts: false,
            strict: false,
            base_url: None,
        };
        let (dossier, assets) =
            crate::pipeline::resolve(&args, &mut Diagnostics::default()).unwrap();
        {
            let templates = Templates::load(root, &dossier.config.interface).unwrap();
            (dossier, assets, templates)
        }
    }

    /// An incremental render, completed with the previous render's pages, is a full
    /// render; and so is each file made on its own.
    #[test]
    fn a_render_makes_exactly_the_pages_whose_inputs_changed() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let briefings = root.join("content/briefings");
        std::fs::create_dir_all(&briefings).unwrap();
        std::fs::write(
            briefings.join("a.md"),
            "---\ntitle: First\ndate: 2025-01-01\nmeetings:\n  - participants: [envoy-a, envoy-b]\n---\nBody.\n",
        )
        .unwrap();
        std::fs::write(
            briefings.join("b.md"),
            "---\ntitle: Second\ndate: 2025-02-01\ntopics: [ceasefire]\n---\nOther body.\n",
        )
        .unwrap();
        let settings = RenderSettings::default();

        let (dossier, assets, templates) = resolved(root);
        let first = Files::default();
        let none = PageDigests::default();
        let memo = Memo {
            held: &none,
            stop: None,
        };
        let digests = render(&dossier, &templates, &assets, &settings)
            .write_with(&first, &memo)
            .unwrap();
        let digests = PageDigests::new(digests);
        let first = first.0.into_inner().unwrap();

        std::fs::write(
            briefings.join("b.md"),
            "---\ntitle: Second\ndate: 2025-02-01\ntopics: [ceasefire]\n---\nEdited body.\n",
        )
        .unwrap();
        let (dossier, assets, templates) = resolved(root);
        let second = Files::default();
        let rendering = render(&dossier, &templates, &assets, &settings);
        let memo = Memo {
            held: &digests,
            stop: None,
        };
        rendering.write_with(&second, &memo).unwrap();
        let mut second = second.0.into_inner().unwrap();
        let rendered: Vec<&str> = second
            .keys()
            .map(String::as_str)
            // The feeds of actors and topics are always written, as dossier.json.
            .filter(|p| p.ends_with(".html") || p.ends_with(".xml"))
            .filter(|p| !p.ends_with("/feed.xml"))
            .collect();
        assert_eq!(rendered, ["briefings/b/index.html"]);
        for (path, bytes) in &first {
            second.entry(path.clone()).or_insert_with(|| bytes.clone());
        }
        let full = Files::default();
        render(&dossier, &templates, &assets, &settings)
            .write(&full)
            .unwrap();
        let full = full.0.into_inner().unwrap();
        assert!(second == full);

        for (path, bytes) in &full {
            assert!(
                rendering.file(path).unwrap().as_ref() == Some(bytes),
                "{path}"
            );
        }
        assert_eq!(rendering.file("briefings/a/other.html").unwrap(), None);
    }
}
