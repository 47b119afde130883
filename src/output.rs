//! The only module that writes the built site to disk.
//!
//! A build is written into a staging folder beside the output folder and swapped in
//! only when every file was written, so the output folder always holds one complete
//! build: the previous one until the new one is whole. On Linux the swap is one atomic
//! exchange of the two folders, so even a kill at any moment leaves one whole build.
//! A lock on the folder holding the output folder makes a second build of it wait.

use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, bail};

use crate::render::Sink;

/// A file every build holds, by which an earlier build is known.
const MARKER: &str = "dossier.json";

/// Checks that `output` may be replaced by a build of the site at `root`: it must not
/// be the site itself, one of its source folders, a folder holding the site, `/`, the
/// home folder, or a folder of other files.
pub fn check_output_dir(root: &Path, output: &Path) -> anyhow::Result<()> {
    let root = absolute(root)?;
    let output = absolute(output)?;
    if output.parent().is_none() {
        bail!(
            "refusing to write the site into {}: choose an empty or dedicated folder with --output",
            output.display()
        );
    }
    if root.starts_with(&output) {
        bail!(
            "refusing to write the site into {}: it holds the site's own files; choose another folder with --output",
            output.display()
        );
    }
    for source in ["content", "templates", "static"] {
        if output.starts_with(root.join(source)) {
            bail!(
                "refusing to write the site into {}: it is inside {source}/; choose another folder",
                output.display()
            );
        }
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && output == home
    {
        bail!(
            "refusing to write the site into the home folder {}: choose another folder",
            output.display()
        );
    }
    // A build replaces the whole folder: only an empty one, or an earlier build (which
    // always holds dossier.json), may be replaced, so no one's files are lost.
    if output.is_dir() {
        let mut entries = std::fs::read_dir(&output)
            .with_context(|| format!("cannot read {}", output.display()))?;
        if entries.next().is_some() && !output.join(MARKER).is_file() {
            bail!(
                "refusing to replace {}: it holds files and is not an earlier build (it has no {MARKER}); choose an empty folder, or remove it",
                output.display()
            );
        }
    }
    Ok(())
}

/// The output stage: writes every file that `fill` puts into its sink (a rendering,
/// seen by the internal link check) into a staging folder beside `target`, then swaps
/// it in for `target`; the number of files written. On any error, of `fill` or of the
/// writing, `target` stays as it was.
pub fn write(
    target: &Path,
    fill: impl FnOnce(&dyn Sink) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let staging = Staging::new(target)?;
    fill(&staging)?;
    let files = staging.file_count();
    staging.commit()?;
    Ok(files)
}

/// The absolute, lexically normalized form of `path` (the folder may not exist yet).
fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .context("cannot read the current folder")?
            .join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symbolic links in the part that exists, so that two names of one folder compare equal.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// A build being written: files go into a staging folder until [`Staging::commit`].
/// Dropped without a commit, it removes the staging folder and leaves the output as it was.
pub struct Staging {
    /// Held until the staging folder is swapped in or removed.
    _lock: std::fs::File,
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    files: AtomicUsize,
    /// Folders already created, so each is made once.
    made: Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    /// Starts a build that will replace `target`, once any other build of it finished.
    pub fn new(target: &Path) -> anyhow::Result<Staging> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let lock = lock(&parent)?;
        remove_leftovers(&parent, &name);
        let dir = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        std::fs::create_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Staging {
            _lock: lock,
            dir,
            target: target.to_path_buf(),
            committed: false,
            files: AtomicUsize::new(0),
            made: Mutex::new(Default::default()),
        })
    }

    /// How many files were written.
    pub fn file_count(&self) -> usize {
        self.files.load(Ordering::Relaxed)
    }

    /// Swaps the staging folder in for the output folder.
    pub fn commit(mut self) -> anyhow::Result<()> {
        if self.target.exists() && !self.target.is_dir() {
            bail!(
                "{} exists and is not a folder: remove it or choose another --output",
                self.target.display()
            );
        }
        if self.target.exists() {
            // The staging folder now holds the previous build, removed on drop.
            swap(&self.dir, &self.target).with_context(|| {
                format!("cannot move the new build into {}", self.target.display())
            })?;
        } else {
            std::fs::rename(&self.dir, &self.target).with_context(|| {
                format!("cannot move the new build into {}", self.target.display())
            })?;
            self.committed = true;
        }
        Ok(())
    }
}

/// Exchanges two folders in one step where the system can (Linux), so that no moment
/// exists at which the output folder is missing or mixed.
#[cfg(target_os = "linux")]
fn swap(new: &Path, target: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // Some file systems cannot exchange: fall back to two renames.
        Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => swap_by_renames(new, target),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn swap(new: &Path, target: &Path) -> std::io::Result<()> {
    swap_by_renames(new, target)
}

/// Moves `target` aside, `new` into its place, and the old build to `new`'s name.
fn swap_by_renames(new: &Path, target: &Path) -> std::io::Result<()> {
    let aside = new.with_extension("old");
    std::fs::rename(target, &aside)?;
    if let Err(e) = std::fs::rename(new, target) {
        // Put the previous build back: the output stays as it was.
        let _ = std::fs::rename(&aside, target);
        return Err(e);
    }
    std::fs::rename(&aside, new)
}

/// Locks the folder that holds the output folder (an advisory lock on the folder
/// itself, so no lock file is left behind), waiting for another build that holds it.
fn lock(path: &Path) -> anyhow::Result<std::fs::File> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("cannot open {} to lock it", path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!("Waiting for another build of the same output to finish...");
            file.lock()
                .with_context(|| format!("cannot lock {}", path.display()))?;
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(anyhow::Error::new(e).context(format!("cannot lock {}", path.display())));
        }
    }
    Ok(file)
}

/// Removes staging folders left by builds that were killed (we hold the lock, so none
/// of them is in use).
fn remove_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            remove_tree(&self.dir);
        }
    }
}

/// Removes a folder and everything in it, the entries two levels down in parallel
/// (a site is a few wide folders of many page folders).
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    // Each entry with whether it is a folder (not a link to one), as the listing says:
    // asking the file system again for each of 150,000 paths costs more than the listing.
    let children = |path: &Path| -> Vec<(PathBuf, bool)> {
        std::fs::read_dir(path)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut entries = Vec::new();
    for (child, is_dir) in children(dir) {
        if is_dir {
            entries.extend(children(&child));
        }
        entries.push((child, is_dir));
    }
    // Grandchildren first, then the children that held them.
    let (grandchildren, rest): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|(p, _)| p.parent() != Some(dir));
    for batch in [grandchildren, rest] {
        batch.par_iter().for_each(|(path, is_dir)| {
            let _ = match is_dir {
                true => std::fs::remove_dir_all(path),
                false => std::fs::remove_file(path),
            };
        });
    }
    let _ = std::fs::remove_dir_all(dir);
}

impl Staging {
    /// The place of `path` in the staging folder, its folder created.
    fn prepare(&self, path: &str) -> anyhow::Result<PathBuf> {
        let full = self.dir.join(safe_relative(path)?);
        if let Some(parent) = full.parent() {
            let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
            if !made.contains(parent) {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
                made.insert(parent.to_path_buf());
            }
        }
        Ok(full)
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let full = self.prepare(path)?;
        std::fs::write(&full, bytes).with_context(|| format!("cannot write {}", full.display()))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    fn write_with(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let full = self.prepare(path)?;
        let file = std::fs::File::create(&full)
            .with_context(|| format!("cannot write {}", full.display()))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        fill(&mut out)
            .and_then(|()| Ok(std::io::Write::flush(&mut out)?))
            .with_context(|| format!("cannot write {}", full.display()))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// An output path made only of normal components, so nothing lands outside the output.
pub(crate) fn safe_relative(path: &str) -> anyhow::Result<&Path> {
    let relative = Path::new(path);
    let ok = !path.is_empty()
        && !path.contains('\0')
        && !path.contains('\\')
        && relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !ok {
        bail!("refusing to write '{path}': it is not a path inside the output folder");
    }
    Ok(relative)
}

/// A sink that keeps nothing: `dossier check` renders every page to find template
/// errors without writing.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, path: &str, _bytes: &[u8]) -> anyhow::Result<()> {
        safe_relative(path).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_stay_inside() {
        assert!(safe_relative("actors/x/index.html").is_ok());
        for bad in ["", "../x", "/etc/x", "a/../../x", "a\\..\\x", "a\0b", "./x"] {
            assert!(safe_relative(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn refuses_output_folders_that_hold_the_site() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        assert!(check_output_dir(root, &root.join("public")).is_ok());
        assert!(check_output_dir(root, root).is_err());
        assert!(check_output_dir(root, &root.join("content/out")).is_err());
        assert!(check_output_dir(root, root.parent().unwrap()).is_err());
        assert!(check_output_dir(root, Path::new("/")).is_err());
        // A folder of someone's files is never replaced; an empty one or a build may be.
        let other = root.join("other");
        std::fs::create_dir_all(&other).unwrap();
        assert!(check_output_dir(root, &other).is_ok());
        std::fs::write(other.join("notes.txt"), "mine").unwrap();
        assert!(check_output_dir(root, &other).is_err());
        std::fs::write(other.join("dossier.json"), "{}").unwrap();
        assert!(check_output_dir(root, &other).is_ok());
    }
}
