//! The files made for other programs than browsers, beside the pages: `robots.txt`,
//! the feeds of each actor and topic, the calendars of meetings. Each can be made
//! alone, by its path ([`file`]), or all at once ([`write`]).

use rayon::prelude::*;

use super::calendar::{self, Owner};
use super::feeds::{self, Subject};
use super::{Sink, Templates};
use crate::model::Dossier;

/// One file of this module.
#[derive(Clone, Copy, Debug)]
enum Extra {
    Robots,
    Feed(Subject),
    Calendar(Owner),
}

impl Extra {
    fn at(dossier: &Dossier, path: &str) -> Option<Extra> {
        if path == "robots.txt" {
            return Some(Extra::Robots);
        }
        if let Some(owner) = Owner::at(dossier, path) {
            return Some(Extra::Calendar(owner));
        }
        Subject::at(dossier, path).map(Extra::Feed)
    }

    fn path(self, dossier: &Dossier) -> String {
        match self {
            Extra::Robots => "robots.txt".into(),
            Extra::Feed(subject) => subject.path(dossier),
            Extra::Calendar(owner) => owner.path(dossier),
        }
    }

    fn render(
        self,
        dossier: &Dossier,
        templates: &Templates,
        events: &calendar::Events,
    ) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::new();
        match self {
            Extra::Robots => {
                let mut context = tera::Context::new();
                context.insert(
                    "site",
                    &serde_json::json!({ "base_url": dossier.config.base_url }),
                );
                templates.render("robots.txt", &context, "robots.txt", &mut out)?;
            }
            Extra::Feed(subject) => feeds::render(dossier, templates, subject, &mut out)?,
            Extra::Calendar(owner) => out = calendar::render(dossier, owner, events).into_bytes(),
        }
        Ok(out)
    }
}

fn all(dossier: &Dossier) -> Vec<Extra> {
    let mut extras = vec![Extra::Robots];
    extras.extend(Subject::all(dossier).map(Extra::Feed));
    extras.extend(Owner::all(dossier).map(Extra::Calendar));
    extras
}

/// True when `path` is the path of a file of this module.
pub fn is_extra(dossier: &Dossier, path: &str) -> bool {
    Extra::at(dossier, path).is_some()
}

/// Writes every file of this module into `sink`, in parallel, but those at a path in
/// `replaced` (a static file takes their place).
pub fn write(
    dossier: &Dossier,
    templates: &Templates,
    sink: &dyn Sink,
    replaced: &std::collections::HashSet<String>,
) -> anyhow::Result<()> {
    // Each meeting's event is made once for every calendar that holds it.
    let events = calendar::Events::new(dossier);
    all(dossier).into_par_iter().try_for_each(|extra| {
        let path = extra.path(dossier);
        if replaced.contains(&path) {
            return Ok(());
        }
        let bytes = extra.render(dossier, templates, &events)?;
        sink.write(&path, &bytes)
    })
}

/// The bytes of the file of this module at `path`, or `None` when it is not one.
pub fn file(
    dossier: &Dossier,
    templates: &Templates,
    path: &str,
) -> anyhow::Result<Option<Vec<u8>>> {
    match Extra::at(dossier, path) {
        Some(extra) => extra
            .render(dossier, templates, &calendar::Events::new(dossier))
            .map(Some),
        None => Ok(None),
    }
}
