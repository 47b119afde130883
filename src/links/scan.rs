//! Reading one page for the link check: its ids (and those given twice) and the
//! internal addresses of its `href` and `src` attributes, resolved against the page's
//! path, in one pass over its `attribute="value"` pairs.
//!
//! It owns the reading of HTML attributes and of relative addresses; it decides
//! nothing about which address is broken (that is [`super::Checked::report`]'s) and
//! keeps nothing between pages.

use std::borrow::Cow;

use super::FastSet;

/// What one page holds: its ids, one a line (and those given twice), the links it
/// makes (each distinct one once, by its key in [`Targets`]) and those that climb above
/// the root.
#[derive(Debug, Default)]
pub(super) struct PageLinks {
    pub(super) ids: String,
    pub(super) twice: Vec<String>,
    pub(super) targets: Vec<u32>,
    pub(super) above_root: Vec<String>,
}

impl PageLinks {
    pub(super) fn has_id(&self, id: &str) -> bool {
        self.ids.split('\n').any(|held| held == id)
    }
}

/// The ids (and those given twice) of the page at `path`, and the distinct targets
/// (`path#fragment`) of its internal links, in one pass over its `attribute="value"`
/// pairs. Each target is handed to `target` once, as it is found, so that the caller
/// can number it without this function allocating one string per link.
pub(super) fn scan(path: &str, html: &[u8], mut target: impl FnMut(&str)) -> PageLinks {
    let mut page = PageLinks::default();
    let mut ids: FastSet<&[u8]> = FastSet::default();
    let mut addresses: FastSet<&[u8]> = FastSet::default();
    // The way from this page up to the root (`../../` for `a/b/index.html`): an
    // address that starts with it and climbs no further names the file after it.
    let depth = path.matches('/').count();
    let mut key = String::new();
    // Only `="` begins a value: found with memchr's substring search, the name before
    // it read backwards, the value skipped whole.
    let finder = memchr::memmem::Finder::new(b"=\"");
    let mut from = 0;
    while let Some(found) = finder.find(&html[from..]) {
        let equals = from + found;
        from = equals + 2;
        let before = &html[..equals];
        let Some(name) = [&b" id"[..], b" href", b" src"].into_iter().find(|name| {
            before.len() > name.len()
                && before[before.len() - name.len() + 1..] == name[1..]
                && before[before.len() - name.len()].is_ascii_whitespace()
        }) else {
            continue;
        };
        let Some(length) = memchr::memchr(b'"', &html[from..]) else {
            break;
        };
        let value = &html[from..from + length];
        from += length + 1;
        if name == b" id" {
            if ids.insert(value) {
                page.ids.push_str(&String::from_utf8_lossy(value));
                page.ids.push('\n');
            } else {
                page.twice.push(String::from_utf8_lossy(value).into_owned());
            }
            continue;
        }
        if !addresses.insert(value) {
            continue;
        }
        let Ok(value) = std::str::from_utf8(value) else {
            continue;
        };
        if !is_internal(value) {
            continue;
        }
        let address = unescape(value);
        key.clear();
        match from_root(depth, &address) {
            Some((file, fragment)) => {
                key.push_str(file);
                if file.is_empty() || file.ends_with('/') {
                    key.push_str("index.html");
                }
                key.push('#');
                key.push_str(fragment);
            }
            None => match resolve(path, &address) {
                Some((file, fragment)) => {
                    key.push_str(&file);
                    key.push('#');
                    key.push_str(fragment.unwrap_or_default());
                }
                None => {
                    page.above_root.push(address.into_owned());
                    continue;
                }
            },
        }
        target(&key);
    }
    page
}

/// The file and fragment named by `address`, written from the root of a page `depth`
/// folders deep as every link the templates make is (`../../actors/x/index.html`):
/// it climbs exactly to the root and then only down, with no `.`, `..` or query.
/// `None` for any other address, which [`resolve`] reads in full.
fn from_root(depth: usize, address: &str) -> Option<(&str, &str)> {
    let mut rest = address;
    for _ in 0..depth {
        rest = rest.strip_prefix("../")?;
    }
    let (file, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    // At the root, an address of a fragment alone names the page itself.
    if depth == 0 && file.is_empty() {
        return None;
    }
    let mut parts = file.split('/').peekable();
    while let Some(part) = parts.next() {
        let last = parts.peek().is_none();
        if matches!(part, "." | "..") || (part.is_empty() && !last) || part.contains('?') {
            return None;
        }
    }
    Some((file, fragment))
}

/// True for an address inside the dossier: no scheme, not protocol-relative.
fn is_internal(address: &str) -> bool {
    if address.is_empty() || address.starts_with("//") {
        return false;
    }
    let scheme_end = address.find([':', '/', '?', '#']);
    !matches!(scheme_end, Some(at) if address[at..].starts_with(':'))
}

/// The address with the HTML escapes of an attribute, and its percent escapes, undone.
fn unescape(address: &str) -> Cow<'_, str> {
    if !address.contains(['&', '%']) {
        return Cow::Borrowed(address);
    }
    let text = address
        .replace("&amp;", "&")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"");
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(Some(h)), Some(Some(l))) = (
                bytes.get(i + 1).map(|&b| hex(b)),
                bytes.get(i + 2).map(|&b| hex(b)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    Cow::Owned(String::from_utf8(out).unwrap_or(text))
}

/// The output file `address` on `page` names (a folder's `index.html`), with the
/// fragment; `None` when it climbs above the root.
fn resolve<'a>(page: &str, address: &'a str) -> Option<(String, Option<&'a str>)> {
    let (rest, fragment) = match address.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment).filter(|f| !f.is_empty())),
        None => (address, None),
    };
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() {
        return Some((page.to_string(), fragment));
    }
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        let mut folder: Vec<&str> = page.split('/').collect();
        folder.pop();
        folder
    };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let mut target = parts.join("/");
    if path.ends_with('/') || target.is_empty() {
        if !target.is_empty() {
            target.push('/');
        }
        target.push_str("index.html");
    }
    Some((target, fragment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_resolve_against_the_page() {
        let page = "briefings/a/index.html";
        assert_eq!(
            resolve(page, "../../briefings/b/index.html#sec-sources"),
            Some(("briefings/b/index.html".into(), Some("sec-sources")))
        );
        assert_eq!(resolve(page, "#fn-x"), Some((page.into(), Some("fn-x"))));
        assert_eq!(resolve(page, "../../"), Some(("index.html".into(), None)));
        assert_eq!(resolve(page, "../../../x"), None);
        assert_eq!(
            resolve("index.html", "style.css?v=1"),
            Some(("style.css".into(), None))
        );
    }

    /// The page's links, and its targets sorted.
    fn scan_all(path: &str, html: &str) -> (PageLinks, Vec<String>) {
        let mut targets = Vec::new();
        let page = scan(path, html.as_bytes(), |key| targets.push(key.to_string()));
        targets.sort();
        (page, targets)
    }

    #[test]
    fn addresses_from_the_root_resolve_as_any_address() {
        let pages = ["index.html", "briefings/a/index.html", "a/b/c/index.html"];
        let tails = [
            "",
            "briefings/b/index.html#sec",
            "actors/",
            "style.css",
            "x//y",
            "x/./y",
            "x/../y",
            "/abs",
            "../up",
            "x?q=1#f",
            "#top",
            "x/#f",
            "p q.png",
        ];
        for page in pages {
            let depth = page.matches('/').count();
            for tail in tails {
                let address = format!("{}{tail}", "../".repeat(depth));
                let Some((file, fragment)) = from_root(depth, &address) else {
                    continue;
                };
                let mut fast = file.to_string();
                if fast.is_empty() || fast.ends_with('/') {
                    fast.push_str("index.html");
                }
                let (full, full_fragment) = resolve(page, &address).unwrap();
                assert_eq!(
                    (fast.as_str(), fragment),
                    (full.as_str(), full_fragment.unwrap_or_default()),
                    "{address} on {page}"
                );
            }
        }
    }

    #[test]
    fn a_page_is_read_for_its_ids_and_internal_addresses() {
        let (page, targets) = scan_all(
            "x/y/index.html",
            "<h2 id=\"a\">x</h2><a href=\"../b/index.html#c\" title=\"t\">y</a><a href=\"https://x.org\">z</a><p id=\"a\"></p><img src=\"p%20q.png\"><a data-href=\"no\"><a href=\"../../../up\">",
        );
        assert!(page.has_id("a") && !page.has_id("b"));
        assert_eq!(page.twice, vec!["a"]);
        assert_eq!(targets, vec!["x/b/index.html#c", "x/y/p q.png#"]);
        assert_eq!(page.above_root, vec!["../../../up"]);
        let (page, targets) = scan_all(
            "x/y/index.html",
            "<a href=\"../../a/index.html\"><a href=\"../../a/index.html\"><a href=\"../../#f\"><a class=\"c\" href=\"../../\"><a href=\"#f\" id=\"f\">",
        );
        assert!(page.has_id("f") && page.twice.is_empty());
        assert_eq!(
            targets,
            vec![
                "a/index.html#",
                "index.html#",
                "index.html#f",
                "x/y/index.html#f"
            ]
        );
    }
}
