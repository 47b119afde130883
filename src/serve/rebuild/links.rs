//! `dossier serve`'s internal link check: the site served, every page of it, read by
//! the same check as `build`'s ([`crate::links::Checked`]), without the live-reload
//! tag that only served pages carry.

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::model::Dossier;
use crate::output::Discard;
use crate::render::Sink;
use crate::serve::{BuiltSite, LIVE_RELOAD_TAG};

/// Every broken link and repeated id of `site`, at the content file under `root` it
/// comes from; errors when `strict`.
pub fn check(site: &BuiltSite, dossier: &Dossier, root: &Path, strict: bool) -> Diagnostics {
    let checked = crate::links::Checked::new(&Discard);
    let tag = LIVE_RELOAD_TAG.as_bytes();
    for (path, bytes) in site.files() {
        // A page as `build` writes it: the script that reloads it is served only, and
        // its root-relative address is no file of the site.
        // The tag is inserted before `</body>`: found from the end.
        let at = match path.ends_with(".html") {
            true => bytes.windows(tag.len()).rposition(|window| window == tag),
            false => None,
        };
        let page = match at {
            Some(at) => std::borrow::Cow::Owned([&bytes[..at], &bytes[at + tag.len()..]].concat()),
            None => std::borrow::Cow::Borrowed(&bytes[..]),
        };
        // Discard stores nothing, and Checked keeps only the links and ids.
        let _ = checked.write(path, &page);
    }
    checked.diagnostics(dossier, root, strict)
}

/// The problems as the terminal shows them, one a line, with the count of errors last
/// when there are some; empty when there are none.
pub fn report(diagnostics: &Diagnostics) -> String {
    let mut text: String = diagnostics
        .sorted()
        .iter()
        .map(|d| format!("{d}\n"))
        .collect();
    if diagnostics.has_errors() {
        let failure = crate::pipeline::content_failure(diagnostics);
        text.push_str(&format!("error: {failure}\n"));
    }
    text
}
