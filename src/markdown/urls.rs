//! The addresses of author text: which schemes are allowed ([`is_safe_url`]), a
//! source's address checked, root-relative links made relative to the page, and
//! [`relink`], which turns [`super::ROOT_MARK`] into the way back to the root.
//!
//! It rewrites addresses only; it parses no Markdown and sanitizes no HTML.

use std::borrow::Cow;

use pulldown_cmark::CowStr;

use super::ROOT_MARK;

pub(super) fn refused(url: &str) -> String {
    format!(
        "link to '{}' removed: only http, https, mailto and relative addresses are allowed",
        url.trim()
    )
}

/// An author's root-relative link (`/actors/x/`) is made relative to the page that
/// shows it, and a link to a folder names its `index.html`, so that it works from disk.
pub(super) fn root_relative(url: CowStr<'_>) -> CowStr<'_> {
    match url.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') => {
            let end = rest.find(['?', '#']).unwrap_or(rest.len());
            let (path, after) = rest.split_at(end);
            let last = path.rsplit('/').next().unwrap_or_default();
            let index = if path.is_empty() || path.ends_with('/') {
                "index.html"
            } else if !last.contains('.') {
                "/index.html"
            } else {
                ""
            };
            format!("{ROOT_MARK}{path}{index}{after}").into()
        }
        _ => url,
    }
}

/// Why a source's address cannot be its link: a refused scheme (an error), or no
/// scheme at all (`www.state.gov/x`, a warning), which would make a link into this
/// site that goes nowhere. `None` for an address that can be linked.
pub fn source_url_problem(url: &str) -> Option<(bool, String)> {
    if url.is_empty() {
        return None;
    }
    if !is_safe_url(url) {
        return Some((
            true,
            format!(
                "source url '{url}' is refused: only http, https and mailto addresses are allowed"
            ),
        ));
    }
    let lower = url.to_ascii_lowercase();
    let has_scheme = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    (!has_scheme).then(|| {
        (
            false,
            format!(
                "source url '{url}' has no scheme, so it would link to a page of this dossier: write it in full, such as https://{}",
                url.trim_start_matches('/')
            ),
        )
    })
}

/// True for http, https and mailto addresses and for relative ones; false for
/// `javascript:`, `data:`, `vbscript:` and every other scheme.
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore whitespace and control characters inside a scheme.
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(at) if cleaned[at..].starts_with(':') => {
            matches!(
                cleaned[..at].to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto"
            )
        }
        _ => true,
    }
}

/// Replaces [`ROOT_MARK`] in rendered HTML with `root`, the way from a page to the site root.
pub fn relink<'a>(html: &'a str, root: &str) -> Cow<'a, str> {
    const MARKED: &str = "=\"@root/";
    if html.contains(MARKED) {
        Cow::Owned(html.replace(MARKED, &format!("=\"{root}")))
    } else {
        Cow::Borrowed(html)
    }
}
