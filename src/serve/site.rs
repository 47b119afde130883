//! The built site in memory, and the mapping of request paths onto it.
//!
//! A [`MemorySink`] collects what a render writes; [`MemorySink::finish`] freezes it
//! into an immutable [`BuiltSite`] that the server shares. Request paths are turned into
//! keys of that map by the pure [`site_path`], which refuses anything that could name a
//! file outside the site; the server never reads the disk to answer a request.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;

use crate::render::Sink;

/// One complete build, by output path (`actors/x/index.html`). Never changed once made:
/// a rebuild makes a new one.
#[derive(Debug, Default, Clone)]
pub struct BuiltSite {
    files: HashMap<String, Bytes>,
}

impl BuiltSite {
    /// The file at `path`, relative to the site root.
    pub fn get(&self, path: &str) -> Option<&Bytes> {
        self.files.get(path)
    }

    /// Every file of the site, by path, in no order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &Bytes)> {
        self.files
            .iter()
            .map(|(path, bytes)| (path.as_str(), bytes))
    }

    /// How many files the site has.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when the site has no file (no build succeeded yet).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The paths whose bytes differ between `self` and `newer`, including files
    /// added or removed, sorted.
    pub fn changed_paths(&self, newer: &BuiltSite) -> Vec<String> {
        let mut changed: Vec<String> = newer
            .files
            .iter()
            .filter(|(path, bytes)| !self.files.get(*path).is_some_and(|old| same(old, bytes)))
            .map(|(path, _)| path.clone())
            .chain(
                self.files
                    .keys()
                    .filter(|path| !newer.files.contains_key(*path))
                    .cloned(),
            )
            .collect();
        changed.sort();
        changed
    }

    /// This site with the files of `assets` replaced: those of `old_assets` that are
    /// not in `assets` any more are removed.
    pub fn with_assets(&self, old_assets: &[&str], assets: &[(String, Bytes)]) -> BuiltSite {
        let mut files = self.files.clone();
        for path in old_assets {
            files.remove(*path);
        }
        for (path, bytes) in assets {
            files.insert(path.clone(), bytes.clone());
        }
        BuiltSite { files }
    }
}

/// True when `a` and `b` hold the same bytes; files carried over from one build to the
/// next share their buffer, so most are told equal without reading them.
fn same(a: &Bytes, b: &Bytes) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

/// A [`Sink`] that keeps every rendered file in memory.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<HashMap<String, Bytes>>,
}

impl MemorySink {
    /// Takes each of `paths` that was not written from `old`, sharing its bytes; the
    /// paths that `old` lacks.
    pub fn carry_over<'a>(
        &self,
        old: &BuiltSite,
        paths: impl Iterator<Item = &'a str>,
    ) -> Vec<&'a str> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let mut missing = Vec::new();
        for path in paths {
            if files.contains_key(path) {
                continue;
            }
            match old.get(path) {
                Some(bytes) => {
                    files.insert(path.to_string(), bytes.clone());
                }
                None => missing.push(path),
            }
        }
        missing
    }

    /// The files written so far, as an immutable [`BuiltSite`].
    pub fn finish(self) -> BuiltSite {
        BuiltSite {
            files: self.files.into_inner().unwrap_or_else(|e| e.into_inner()),
        }
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        crate::output::safe_relative(path)?;
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), Bytes::copy_from_slice(bytes));
        Ok(())
    }
}

/// Why a request path names no file of the site.
#[derive(Debug, PartialEq, Eq)]
pub enum BadPath {
    /// Not valid percent-encoding of UTF-8, or a NUL.
    Malformed,
    /// A `..` segment or a backslash: an attempt to leave the site.
    Escapes,
}

/// The site path that the request path `raw` (as sent, percent-encoded, without the
/// query) asks for: decoded once, empty and `.` segments dropped, and a folder
/// (ending in `/`, or the root) mapped to its `index.html`.
pub fn site_path(raw: &str) -> Result<String, BadPath> {
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| BadPath::Malformed)?;
    if decoded.contains('\0') {
        return Err(BadPath::Malformed);
    }
    if decoded.contains('\\') {
        return Err(BadPath::Escapes);
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(BadPath::Escapes),
            // A Windows drive letter (`C:`) would make the joined path absolute there.
            s if s.contains(':') => return Err(BadPath::Escapes),
            s => segments.push(s),
        }
    }
    if segments.is_empty() || decoded.ends_with('/') {
        segments.push("index.html");
    }
    Ok(segments.join("/"))
}

/// The `Content-Type` of a file, from its extension.
pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" if path == "feed.xml" => "application/atom+xml",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_map_to_their_index() {
        assert_eq!(site_path("/").unwrap(), "index.html");
        assert_eq!(site_path("").unwrap(), "index.html");
        assert_eq!(site_path("/actors/x/").unwrap(), "actors/x/index.html");
        assert_eq!(site_path("/actors/x").unwrap(), "actors/x");
        assert_eq!(site_path("/style.css").unwrap(), "style.css");
        assert_eq!(site_path("//actors//./x/").unwrap(), "actors/x/index.html");
        assert_eq!(site_path("/a%20b.html").unwrap(), "a b.html");
    }

    #[test]
    fn nothing_leaves_the_site() {
        for raw in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/Cargo.toml",
            "/..%2fCargo.toml",
            "/actors/..%2f..%2fCargo.toml",
            "/actors/..\\..\\x",
            "/actors/%5c..%5cx",
            "/actors/../../x",
            "/C:/Windows/win.ini",
        ] {
            assert_eq!(site_path(raw), Err(BadPath::Escapes), "{raw}");
        }
        assert_eq!(site_path("/a%00b"), Err(BadPath::Malformed));
        assert_eq!(site_path("/%ff"), Err(BadPath::Malformed));
        // Decoded once: `%252e` is the literal name `%2e`, which is no parent folder.
        assert_eq!(site_path("/%252e%252e/x").unwrap(), "%2e%2e/x");
        // An absolute path is a path inside the site.
        assert_eq!(site_path("//etc/passwd").unwrap(), "etc/passwd");
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("feed.xml"), "application/atom+xml");
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("dossier.json"), "application/json");
        assert_eq!(content_type("img/logo.SVG"), "image/svg+xml");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }

    #[test]
    fn changed_paths_lists_edits_additions_and_removals() {
        let old = MemorySink::default();
        old.write("a.html", b"a").unwrap();
        old.write("b.html", b"b").unwrap();
        old.write("c.css", b"c").unwrap();
        let old = old.finish();
        let new = MemorySink::default();
        new.write("a.html", b"a").unwrap();
        new.write("c.css", b"c2").unwrap();
        new.write("d.html", b"d").unwrap();
        let new = new.finish();
        assert_eq!(old.changed_paths(&new), ["b.html", "c.css", "d.html"]);
        assert!(new.changed_paths(&new).is_empty());
    }
}
