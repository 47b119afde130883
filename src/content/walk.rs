//! Lists the files of `content/`: which to read, in which order, and what to say
//! about the others (files outside a section, not Markdown, links, unreadable).
//!
//! It reads no file's contents; parsing is `content`'s, and serve's updates of a
//! listing from named changes are `serve::rebuild::parsed`'s.

use std::path::{Path, PathBuf};

use anyhow::bail;

use super::Section;
use crate::diagnostics::Diagnostics;
use crate::scratch::is_scratch_entry;

/// The content files to read, in order, with what the walk that found them reported
/// about the others.
#[derive(Clone, Default)]
pub struct Listing {
    /// Each file's section, path on disk and path relative to the site root, sorted
    /// by the relative path as the walk visits them (name by name, folders in place).
    pub files: Vec<ContentFile>,
    /// The walk's own problems: files it skipped or could not read.
    pub diagnostics: Diagnostics,
}

/// A content file to read: its section, its path on disk and relative to the site root.
pub type ContentFile = (Section, PathBuf, PathBuf);

/// The folder `root/content`; an error when there is none.
pub fn content_dir(root: &Path) -> anyhow::Result<PathBuf> {
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        bail!(
            "there is no content/ folder in {}: write briefings in content/briefings/, or start a new site with `dossier init DIR`",
            root.display()
        );
    }
    Ok(content_dir)
}

/// Lists every content file under `root/content`, in a stable order; fails when there
/// is no such folder.
pub fn walk(root: &Path) -> anyhow::Result<Listing> {
    let content_dir = content_dir(root)?;
    let mut listing = Listing::default();
    let diagnostics = &mut listing.diagnostics;
    // Editors' scratch files (`.#x.md`, `#x.md#`, `4913`, `x.md~`) are not content.
    let walker = walkdir::WalkDir::new(&content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !is_scratch_entry(entry.file_name(), entry.file_type().is_file())
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| PathBuf::from("content"));
                diagnostics.error(&path, None, format!("cannot read: {}", io_reason(&e)));
                continue;
            }
        };
        let path = relative(root, entry.path());
        if entry.path_is_symlink() {
            diagnostics.warning(
                &path,
                None,
                "symbolic link not followed: copy the file into content/ instead",
            );
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        if !entry.file_type().is_file() {
            // A pipe or a device would block or never end.
            let message = "ignored: not a regular file (a pipe, socket or device)";
            diagnostics.warning(&path, None, message);
            continue;
        }
        if entry.file_name().to_str().is_none() {
            diagnostics.error(
                &path,
                None,
                "the file name is not valid UTF-8: rename the file",
            );
            continue;
        }
        let Some(section) = section_of(&path, diagnostics) else {
            continue;
        };
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            diagnostics.warning(&path, None, "ignored: not a Markdown file (.md)");
            continue;
        }
        listing
            .files
            .push((section, entry.path().to_path_buf(), path));
    }
    Ok(listing)
}

/// True for a Markdown file with a UTF-8 name in a section of `content/`, which the
/// walk lists without a word.
pub fn is_listed_silently(path: &Path) -> bool {
    path.components().count() >= 3
        && path.extension().and_then(|e| e.to_str()) == Some("md")
        && path.file_name().is_some_and(|name| name.to_str().is_some())
        && section_of(path, &mut Diagnostics::default()).is_some()
}

/// The folder of `content/` that `path` is in, or a warning that it is in none.
pub fn section_of(path: &Path, diagnostics: &mut Diagnostics) -> Option<Section> {
    match path
        .components()
        .nth(1)
        .and_then(|c| c.as_os_str().to_str())
    {
        Some("briefings") => Some(Section::Briefings),
        Some("actors") => Some(Section::Actors),
        Some("topics") => Some(Section::Topics),
        _ => {
            diagnostics.warning(
                path,
                None,
                "ignored: content files belong in content/briefings/, content/actors/ or content/topics/",
            );
            None
        }
    }
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn io_reason(error: &walkdir::Error) -> String {
    match error.io_error() {
        Some(e) => e.to_string(),
        None => error.to_string(),
    }
}
