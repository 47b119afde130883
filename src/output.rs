//! The only module that writes the built site to disk.
//!
//! A build is written into a staging folder beside the output folder and swapped in
//! only when every file was written, so the output folder always holds one complete
//! build: the previous one until the new one is whole.

use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, bail};

use crate::render::Sink;

/// Checks that `output` may be replaced by a build of the site at `root`: it must not
/// be the site itself, one of its source folders, a folder holding the site, or `/`.
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
    Ok(())
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
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    files: AtomicUsize,
    /// Folders already created, so each is made once.
    made: Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    /// Starts a build that will replace `target`.
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
        let dir = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| format!("cannot remove {}", dir.display()))?;
        }
        std::fs::create_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Staging {
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
        let old = self.dir.with_file_name(format!(
            ".{}.old-{}",
            self.target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let had_previous = self.target.exists();
        if had_previous {
            if !self.target.is_dir() {
                bail!(
                    "{} exists and is not a folder: remove it or choose another --output",
                    self.target.display()
                );
            }
            if old.exists() {
                std::fs::remove_dir_all(&old)
                    .with_context(|| format!("cannot remove {}", old.display()))?;
            }
            std::fs::rename(&self.target, &old).with_context(|| {
                format!(
                    "cannot move the previous build {} aside",
                    self.target.display()
                )
            })?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_previous {
                // Put the previous build back: the output stays as it was.
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(anyhow::Error::new(e).context(format!(
                "cannot move the new build into {}",
                self.target.display()
            )));
        }
        self.committed = true;
        if had_previous {
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("cannot remove the previous build {}", old.display()))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let relative = safe_relative(path)?;
        let full = self.dir.join(relative);
        if let Some(parent) = full.parent() {
            let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
            if !made.contains(parent) {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
                made.insert(parent.to_path_buf());
            }
        }
        std::fs::write(&full, bytes).with_context(|| format!("cannot write {}", full.display()))?;
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
    }
}
