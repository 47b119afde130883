//! The rebuilds of `dossier serve` driven change by change, with the order of events
//! set by the test through the [`Newer`] hook rather than by how long a render takes.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::*;
use crate::render::render;

/// A site with enough pages that a render asks [`Newer::came`] many times.
fn site(root: &Path) {
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("dossier.yaml", "title: Talks\n");
    write(
        "content/actors/envoy-a.md",
        "---\nname: Envoy A\nkind: person\n---\nA biography.\n",
    );
    for i in 0..20 {
        write(
            &format!("content/briefings/round-{i}.md"),
            &format!(
                "---\ntitle: Round {i}\ndate: 2025-01-{:02}\nmeetings:\n  - participants: [envoy-a, envoy-b]\n    topics: [ceasefire]\n---\nMet about [[ceasefire]].\n",
                i + 1
            ),
        );
    }
}

fn retitle(root: &Path, title: &str) -> Change {
    let relative = PathBuf::from("content/briefings/round-0.md");
    let path = root.join(&relative);
    let text = std::fs::read_to_string(&path).unwrap();
    let old = text.lines().find(|l| l.starts_with("title: ")).unwrap();
    std::fs::write(&path, text.replace(old, &format!("title: {title}"))).unwrap();
    Change {
        content: [relative].into(),
        ..Change::default()
    }
}

/// A newer change that comes once the render asked `after` times: then `save` runs,
/// while the render is under way, as a save in an editor would.
struct SaveDuringRender {
    asked: AtomicUsize,
    after: usize,
    save: Mutex<Option<Box<dyn FnOnce() + Send>>>,
    came: AtomicBool,
}

impl Newer for SaveDuringRender {
    fn came(&self) -> bool {
        if self.asked.fetch_add(1, Ordering::SeqCst) == self.after {
            if let Some(save) = self.save.lock().unwrap().take() {
                save();
            }
            self.came.store(true, Ordering::SeqCst);
        }
        self.came.load(Ordering::SeqCst)
    }
}

/// The site that `dossier build` would make of `root`, with serve's live-reload tag.
fn built(root: &Path) -> BuiltSite {
    let args = site_args(root);
    let loaded = crate::pipeline::load(&args).unwrap();
    let settings = RenderSettings {
        live_reload: LIVE_RELOAD_TAG.to_string(),
    };
    let memory = MemorySink::default();
    render(
        &loaded.dossier,
        &loaded.templates,
        &loaded.assets,
        &settings,
    )
    .write(&memory)
    .unwrap();
    memory.finish()
}

fn site_args(root: &Path) -> SiteArgs {
    SiteArgs {
        root: root.to_path_buf(),
        drafts: false,
        strict: false,
        base_url: None,
    }
}

/// A save made while the site of the one before is still being rendered stops that
/// render, once the page being edited was shown; the next rebuild makes the site of
/// both saves, which is what a build writes.
#[test]
fn a_save_during_a_rebuild_stops_it_and_the_next_one_serves_both() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().to_path_buf();
    site(&root);
    let server = Server::new(([127, 0, 0, 1], 0).into());
    let shown_first = Arc::new(Mutex::new(None));
    let newer = Arc::new(SaveDuringRender {
        asked: AtomicUsize::new(0),
        after: 5,
        save: Mutex::new(Some(Box::new({
            let (root, server, shown_first) = (root.clone(), server.clone(), shown_first.clone());
            move || {
                // The page being edited is served from the render under way.
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .unwrap();
                let page = runtime.block_on(server.file("briefings/round-0/index.html"));
                *shown_first.lock().unwrap() = page;
                retitle(&root, "Second save");
            }
        }))),
        came: AtomicBool::new(false),
    });
    let mut rebuilder = Rebuilder::new(site_args(&root), newer.clone());
    rebuilder.first(&server).unwrap();

    let first = retitle(&root, "First save");
    assert_eq!(rebuilder.apply(&first, &server), Rebuilt::Stopped);
    let shown = shown_first
        .lock()
        .unwrap()
        .take()
        .expect("the page was asked for");
    assert!(String::from_utf8_lossy(&shown).contains("First save"));

    // The watcher clears the flag before the next rebuild, of the second save.
    newer.came.store(false, Ordering::SeqCst);
    let second = first.clone();
    assert_eq!(
        rebuilder.apply(&second, &server),
        Rebuilt::Served(Outcome::Reload)
    );
    let expected = built(&root);
    assert_eq!(
        rebuilder.state.site().changed_paths(&expected),
        Vec::<String>::new()
    );
    let served = rebuilder.state.site();
    let page = served.get("briefings/round-0/index.html").unwrap();
    assert!(String::from_utf8_lossy(page).contains("Second save"));
}

/// A rebuild that failed on a template leaves the rebuilds behind: the next change,
/// whatever it is, reads the templates again (and fails again) until they are mended;
/// then the site served is what a build writes.
#[test]
fn a_broken_template_fails_every_rebuild_until_mended() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().to_path_buf();
    site(&root);
    let server = Server::new(([127, 0, 0, 1], 0).into());
    let mut rebuilder = Rebuilder::new(site_args(&root), Arc::new(AtomicBool::new(false)));
    rebuilder.first(&server).unwrap();
    let template = root.join("templates/404.html");
    std::fs::create_dir_all(template.parent().unwrap()).unwrap();
    let templates = Change {
        templates: true,
        ..Change::default()
    };

    std::fs::write(
        &template,
        "{% extends \"base.html\" %}{% block content %}{{ nope( }}{% endblock content %}",
    )
    .unwrap();
    assert_eq!(rebuilder.apply(&templates, &server), Rebuilt::Failed);
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/extra.css"), "p { color: red }").unwrap();
    let statics = Change {
        statics: [PathBuf::from("static/extra.css")].into(),
        ..Change::default()
    };
    assert_eq!(rebuilder.apply(&statics, &server), Rebuilt::Failed);
    assert_eq!(
        rebuilder.apply(&retitle(&root, "Edited"), &server),
        Rebuilt::Failed
    );

    std::fs::write(
        &template,
        "{% extends \"base.html\" %}{% block content %}<p>Lost here.</p>{% endblock content %}",
    )
    .unwrap();
    assert_eq!(
        rebuilder.apply(&templates, &server),
        Rebuilt::Served(Outcome::Reload)
    );
    let served = rebuilder.state.site();
    assert_eq!(served.changed_paths(&built(&root)), Vec::<String>::new());
    assert!(String::from_utf8_lossy(served.get("404.html").unwrap()).contains("Lost here."));
}
