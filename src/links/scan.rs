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
/// pairs.
pub(super) fn scan(path: &str, html: &str) -> (PageLinks, Vec<String>) {
    let mut page = PageLinks::default();
    let mut ids: FastSet<&str> = FastSet::default();
    let mut addresses: FastSet<&str> = FastSet::default();
    let mut targets: Vec<String> = Vec::new();
    let bytes = html.as_bytes();
    let mut from = 0;
    // Every `=` is found with memchr: an attribute's `="` follows its name, and its
    // value is skipped whole.
    while let Some(found) = html[from..].find('=') {
        let equals = from + found;
        from = equals + 1;
        if bytes.get(from) != Some(&b'"') {
            continue;
        }
        let before = &bytes[..equals];
        let Some(name) = [&b" id"[..], b" href", b" src"].into_iter().find(|name| {
            before.len() > name.len()
                && before[before.len() - name.len() + 1..] == name[1..]
                && before[before.len() - name.len()].is_ascii_whitespace()
        }) else {
            continue;
        };
        from += 1;
        let Some(length) = html[from..].find('"') else {
            break;
        };
        let value = &html[from..from + length];
        from += length + 1;
        if name == b" id" {
            if ids.insert(value) {
                page.ids.push_str(value);
                page.ids.push('\n');
            } else {
                page.twice.push(value.to_string());
            }
        } else if is_internal(value) && addresses.insert(value) {
            let address = unescape(value);
            match resolve(path, &address) {
                Some((target, fragment)) => {
                    let mut key = target;
                    key.push('#');
                    key.push_str(fragment.unwrap_or_default());
                    targets.push(key);
                }
                None => page.above_root.push(address.into_owned()),
            }
        }
    }
    targets.sort_unstable();
    targets.dedup();
    (page, targets)
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

    #[test]
    fn a_page_is_read_for_its_ids_and_internal_addresses() {
        let (page, targets) = scan(
            "x/y/index.html",
            "<h2 id=\"a\">x</h2><a href=\"../b/index.html#c\" title=\"t\">y</a><a href=\"https://x.org\">z</a><p id=\"a\"></p><img src=\"p%20q.png\"><a data-href=\"no\"><a href=\"../../../up\">",
        );
        assert!(page.has_id("a") && !page.has_id("b"));
        assert_eq!(page.twice, vec!["a"]);
        assert_eq!(targets, vec!["x/b/index.html#c", "x/y/p q.png#"]);
        assert_eq!(page.above_root, vec!["../../../up"]);
    }
}
