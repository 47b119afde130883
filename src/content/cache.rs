//! Parsed content files kept from one load to the next (`dossier serve`), so that an
//! edit re-reads and re-parses only the files it touched.
//!
//! A file is taken from the cache while its length and modification time are those it
//! had when parsed, and until [`Cache::forget`] names it (the watcher reports it changed,
//! which also covers file systems with coarse modification times).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use super::{Parsed, Section};
use crate::diagnostics::Diagnostics;

/// Parsed content files by path (relative to the site root).
#[derive(Default)]
pub struct Cache {
    files: HashMap<PathBuf, Entry>,
}

struct Entry {
    stamp: Stamp,
    parsed: Parsed,
    diagnostics: Diagnostics,
}

/// What tells that a file changed without reading it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(full: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(full).ok()?;
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

impl Cache {
    /// Drops `path` (relative to the site root), so that the next load reads it.
    pub fn forget(&mut self, path: &Path) {
        self.files.remove(path);
    }

    /// Parses `files` with `read`, or takes them from the cache when unchanged; keeps
    /// exactly these files afterwards.
    pub(super) fn load(
        &mut self,
        files: &[(Section, PathBuf, PathBuf)],
        read: impl Fn(&(Section, PathBuf, PathBuf)) -> (Parsed, Diagnostics) + Sync,
    ) -> Vec<(Parsed, Diagnostics)> {
        let loaded: Vec<(Parsed, Diagnostics, Option<Entry>)> = files
            .par_iter()
            .map(|file| {
                let stamp = Stamp::of(&file.1);
                if let Some(entry) = self.files.get(&file.2)
                    && Some(entry.stamp) == stamp
                {
                    return (entry.parsed.clone(), entry.diagnostics.clone(), None);
                }
                let (parsed, diagnostics) = read(file);
                let entry = stamp.map(|stamp| Entry {
                    stamp,
                    parsed: parsed.clone(),
                    diagnostics: diagnostics.clone(),
                });
                (parsed, diagnostics, entry)
            })
            .collect();
        let mut kept = HashMap::with_capacity(files.len());
        let mut out = Vec::with_capacity(files.len());
        for ((_, _, path), (parsed, diagnostics, fresh)) in files.iter().zip(loaded) {
            let entry = fresh.or_else(|| self.files.remove(path));
            if let Some(entry) = entry {
                kept.insert(path.clone(), entry);
            }
            out.push((parsed, diagnostics));
        }
        self.files = kept;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(root: &Path, cache: &mut Cache) -> Vec<String> {
        let mut diagnostics = Diagnostics::default();
        let content = super::super::load_with_cache(root, &mut diagnostics, Some(cache)).unwrap();
        content
            .briefings
            .iter()
            .map(|b| b.front.title.clone().unwrap_or_default())
            .collect()
    }

    #[test]
    fn unchanged_files_are_not_read_again() {
        let site = tempfile::tempdir().unwrap();
        let folder = site.path().join("content/briefings");
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join("a.md");
        std::fs::write(&file, "---\ntitle: One\ndate: 2025-01-01\n---\n").unwrap();
        let mut cache = Cache::default();
        assert_eq!(titles(site.path(), &mut cache), ["One"]);

        // Same length, same modification time: taken from the cache...
        let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::fs::write(&file, "---\ntitle: Two\ndate: 2025-01-01\n---\n").unwrap();
        let handle = std::fs::File::options().write(true).open(&file).unwrap();
        handle.set_modified(modified).unwrap();
        drop(handle);
        assert_eq!(titles(site.path(), &mut cache), ["One"]);
        // ...until the watcher names it.
        cache.forget(Path::new("content/briefings/a.md"));
        assert_eq!(titles(site.path(), &mut cache), ["Two"]);

        // A new length is a change without being named; a removed file is gone.
        std::fs::write(&file, "---\ntitle: Three\ndate: 2025-01-01\n---\n").unwrap();
        std::fs::write(
            folder.join("b.md"),
            "---\ntitle: Four\ndate: 2025-01-02\n---\n",
        )
        .unwrap();
        assert_eq!(titles(site.path(), &mut cache), ["Three", "Four"]);
        std::fs::remove_file(&file).unwrap();
        assert_eq!(titles(site.path(), &mut cache), ["Four"]);
        assert_eq!(cache.files.len(), 1);
    }
}
