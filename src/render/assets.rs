//! Static assets: the defaults embedded from the repository's `static/`, then the
//! site's own `static/` copied over them, path by path.

use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diagnostics::Diagnostics;

static DEFAULT_STATIC: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// One file to copy into the output.
pub struct Asset {
    /// Output path, relative to the site root, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Every static file, defaults first replaced by the site's own. Symbolic links are
/// reported and not followed.
pub fn collect(root: &Path, diagnostics: &mut Diagnostics) -> anyhow::Result<Vec<Asset>> {
    let mut assets = Vec::new();
    collect_embedded(&DEFAULT_STATIC, &mut assets);
    let user_dir = root.join("static");
    if user_dir.is_dir() {
        for entry in walkdir::WalkDir::new(&user_dir).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e
                        .path()
                        .and_then(|p| p.strip_prefix(root).ok())
                        .unwrap_or(Path::new("static"));
                    diagnostics.error(path, None, format!("cannot read: {e}"));
                    continue;
                }
            };
            let shown = entry.path().strip_prefix(root).unwrap_or(entry.path());
            if entry.path_is_symlink() {
                diagnostics.warning(
                    shown,
                    None,
                    "symbolic link not followed: copy the file into static/ instead",
                );
                continue;
            }
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(relative) = entry.path().strip_prefix(&user_dir) else {
                continue;
            };
            let Some(path) = relative.to_str().map(|p| p.replace('\\', "/")) else {
                diagnostics.error(shown, None, "the file name is not valid UTF-8: rename it");
                continue;
            };
            let bytes = match std::fs::read(entry.path()) {
                Ok(bytes) => bytes,
                Err(e) => {
                    diagnostics.error(shown, None, format!("cannot read: {e}"));
                    continue;
                }
            };
            assets.retain(|a: &Asset| a.path != path);
            assets.push(Asset { path, bytes });
        }
    }
    Ok(assets)
}

/// The embedded static file at `path` (`style.css`), if there is one.
pub fn embedded(path: &str) -> Option<&'static [u8]> {
    DEFAULT_STATIC.get_file(path).map(|file| file.contents())
}

fn collect_embedded(dir: &Dir<'static>, out: &mut Vec<Asset>) {
    for file in dir.files() {
        out.push(Asset {
            path: file.path().to_string_lossy().replace('\\', "/"),
            bytes: file.contents().to_vec(),
        });
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}
