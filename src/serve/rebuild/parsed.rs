//! Parsed content files kept from one load to the next (`dossier serve`), so that an
//! edit re-reads and re-parses only the files it touched: the content stage memoized
//! from the outside, through its own [`content::walk`], [`content::parse_file`] and
//! [`content::collect`]. How a file is parsed is not this module's business.
//!
//! A file is taken from the memo while its length and modification time are those it
//! had when parsed, and until [`ParsedFiles::forget`] names it (the watcher reports it changed,
//! which also covers file systems with coarse modification times). A file named but
//! whose bytes are those already parsed keeps its document, the same `Arc`, so that
//! what was made from it before is still known to be up to date.
//!
//! While every change since the last load was named, the next load does not walk
//! `content/` nor look at the files not named: it updates the last load's listing.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use crate::content::{
    self, Content, ContentFile, Listing, ParsedFile, is_listed_silently, walk::section_of,
};
use crate::diagnostics::Diagnostics;
use crate::scratch::is_scratch;

/// Parsed content files by path (relative to the site root).
#[derive(Default)]
pub struct ParsedFiles {
    files: HashMap<PathBuf, Entry>,
    /// The files of the last load, while every change since was named.
    listing: Option<Listing>,
    /// The paths named since the last load.
    named: Vec<PathBuf>,
    /// True while loading from a listing that was not walked: the files not named
    /// are as they were, without a look.
    trusted: bool,
    /// False when the last load parsed the same documents as the one before it.
    changed: bool,
}

#[derive(Clone)]
struct Entry {
    stamp: Stamp,
    /// A digest of the file's bytes.
    digest: u64,
    parsed: ParsedFile,
    diagnostics: Diagnostics,
    /// Named since it was parsed: read it again.
    stale: bool,
}

/// What tells that a file changed without reading it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(metadata: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        }
    }
}

impl ParsedFiles {
    /// Notes that `path` (relative to the site root) changed, so that the next load
    /// reads it: a file added, written or removed, or a folder.
    pub fn forget(&mut self, path: &Path) {
        if let Some(entry) = self.files.get_mut(path) {
            entry.stale = true;
        }
        self.named.push(path.to_path_buf());
    }

    /// Notes that changes may have been missed (the watcher lost events): the next
    /// load walks `content/` and compares every file with what was parsed.
    pub fn rescan(&mut self) {
        self.listing = None;
    }

    /// The digest of the bytes of the file at `path` (relative to the site root) as
    /// the last load read it; `None` when it did not read it whole.
    pub fn digest(&self, path: &Path) -> Option<u64> {
        self.files
            .get(path)
            .filter(|entry| !entry.stale)
            .map(|entry| entry.digest)
    }

    /// False when the last load parsed exactly the documents of the load before it:
    /// every file it named had the bytes it had, and none was added or removed.
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// The content stage, each file parsed only when it changed: like
    /// [`content::load`], and this memo ends up holding every file of this load.
    /// While it was told of every change since its last load ([`ParsedFiles::forget`]),
    /// the folder is not even walked: only the files named are looked at.
    pub fn load(&mut self, root: &Path, diagnostics: &mut Diagnostics) -> anyhow::Result<Content> {
        content::content_dir(root)?;
        let listing = match self.listing(root) {
            Some(listing) => listing,
            None => content::walk(root)?,
        };
        diagnostics.extend(listing.diagnostics.clone());
        let parsed = self.parse(listing, content::parse_file);
        Ok(content::collect(parsed, diagnostics))
    }

    /// The files to load, without a walk when every change since the last load was
    /// named and none needs a walk to be understood.
    fn listing(&mut self, root: &Path) -> Option<Listing> {
        let named = std::mem::take(&mut self.named);
        let listing = updated(self.listing.take()?, root, &named);
        self.trusted = listing.is_some();
        listing
    }

    /// Parses the files of `listing` with `read`, or takes them from the cache when
    /// unchanged; keeps exactly these files, and the listing, afterwards.
    fn parse(
        &mut self,
        listing: Listing,
        read: impl Fn(&ContentFile, std::io::Result<Vec<u8>>) -> (ParsedFile, Diagnostics) + Sync,
    ) -> Vec<(ParsedFile, Diagnostics)> {
        // Each file's entry when it is not the cached one, with `true` when its bytes
        // changed.
        let renewed: Vec<Option<(Entry, bool)>> = listing
            .files
            .par_iter()
            .map(|file| self.renewed(file, &read))
            .collect();
        let mut changed = false;
        for (file, renewed) in listing.files.iter().zip(renewed) {
            if let Some((entry, fresh)) = renewed {
                changed |= fresh;
                if self.files.insert(file.2.clone(), entry).is_none() {
                    changed = true;
                }
            }
        }
        if self.files.len() != listing.files.len() {
            let listed: HashSet<&Path> = listing.files.iter().map(|f| f.2.as_path()).collect();
            self.files.retain(|path, _| listed.contains(path.as_path()));
            changed = true;
        }
        let out = listing
            .files
            .iter()
            .map(|file| {
                let entry = &self.files[&file.2];
                (entry.parsed.clone(), entry.diagnostics.clone())
            })
            .collect();
        self.changed = changed;
        self.trusted = false;
        self.named.clear();
        self.listing = Some(listing);
        out
    }

    /// `None` while the cached entry of `file` is up to date; else the file read
    /// again, with `true` when its bytes changed.
    fn renewed(
        &self,
        file: &ContentFile,
        read: &(impl Fn(&ContentFile, std::io::Result<Vec<u8>>) -> (ParsedFile, Diagnostics) + Sync),
    ) -> Option<(Entry, bool)> {
        let cached = self.files.get(&file.2);
        if let Some(entry) = cached
            && !entry.stale
            && (self.trusted
                || std::fs::metadata(&file.1).is_ok_and(|m| Stamp::of(&m) == entry.stamp))
        {
            return None;
        }
        let stamp = std::fs::metadata(&file.1).map(|m| Stamp::of(&m));
        let (bytes, stamp) = match (std::fs::read(&file.1), stamp) {
            (Ok(bytes), Ok(stamp)) => (bytes, stamp),
            (bytes, _) => {
                // Unreadable: `read` says why, and the next load tries again.
                let (parsed, diagnostics) = read(file, bytes);
                return Some((
                    Entry {
                        stamp: Stamp {
                            len: u64::MAX,
                            modified: None,
                        },
                        digest: 0,
                        parsed,
                        diagnostics,
                        stale: true,
                    },
                    true,
                ));
            }
        };
        let digest = digest(&bytes);
        if let Some(entry) = cached
            && entry.digest == digest
        {
            let entry = Entry {
                stamp,
                stale: false,
                ..entry.clone()
            };
            return Some((entry, false));
        }
        let (parsed, diagnostics) = read(file, Ok(bytes));
        let entry = Entry {
            stamp,
            digest,
            parsed,
            diagnostics,
            stale: false,
        };
        Some((entry, true))
    }
}

/// `listing` after the files at `named` (relative to `root`) changed, as a walk
/// would make it; or `None` when only a walk can tell, because a folder or a file
/// the walk would report on (not a Markdown file in a section) changed.
fn updated(mut listing: Listing, root: &Path, named: &[PathBuf]) -> Option<Listing> {
    for path in named {
        let under_content = path.strip_prefix("content").ok()?;
        if is_scratch(under_content) {
            continue;
        }
        let at = listing
            .files
            .binary_search_by(|file| file.2.as_path().cmp(path));
        match std::fs::symlink_metadata(root.join(path)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => match at {
                Ok(at) => {
                    listing.files.remove(at);
                }
                // Gone without having been listed: a scratch file, unless it was
                // a folder of listed files or a file the walk reported on.
                Err(_) => {
                    let held = listing.files.iter().any(|file| file.2.starts_with(path));
                    if held || !listing.diagnostics.is_empty() {
                        return None;
                    }
                }
            },
            Ok(metadata) if metadata.is_file() && is_listed_silently(path) => {
                if let Err(at) = at {
                    let section = section_of(path, &mut Diagnostics::default())?;
                    listing
                        .files
                        .insert(at, (section, root.join(path), path.clone()));
                }
            }
            _ => return None,
        }
    }
    Some(listing)
}

/// A digest of a file's bytes, to tell a file saved unchanged from an edited one.
fn digest(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
#[path = "parsed_tests.rs"]
mod tests;
