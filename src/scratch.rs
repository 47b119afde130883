//! The one list of the scratch files that editors and file managers make beside the
//! real ones, which neither the loader (`content::walk`) nor serve's watcher
//! (`serve::rebuild::batch`) takes for sources. Pure: it looks at names only.

use std::ffi::OsStr;
use std::path::Path;

/// True when `relative` (a path under the site root) is, or is inside, a scratch
/// file or folder: hidden files (vim's `.x.md.swp`, emacs' `.#x.md` locks,
/// `.DS_Store`), backups (`x.md~`), emacs' `#x.md#`, vim's probe files (`4913`),
/// JetBrains' `x.md___jb_tmp___` and `x.md___jb_old___`, Kate's `x.md.kate-swp`.
pub fn is_scratch(relative: &Path) -> bool {
    let probe = relative
        .file_name()
        .and_then(OsStr::to_str)
        .is_some_and(is_vim_probe);
    probe
        || relative
            .components()
            .any(|c| is_scratch_name(c.as_os_str()))
}

/// True when the entry `name` of a folder is a scratch file (any `is_file`) or
/// folder: what [`is_scratch`] says of a path that ends with it.
pub fn is_scratch_entry(name: &OsStr, is_file: bool) -> bool {
    is_scratch_name(name) || (is_file && name.to_str().is_some_and(is_vim_probe))
}

/// True for a name that marks a scratch file or folder wherever it is in a path.
fn is_scratch_name(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".kate-swp")
}

/// vim checks that it may write in a folder by creating the file `4913` (or, when
/// that exists, 5036, 5159 and so on, in steps of 123). A folder named for a year is
/// no probe.
fn is_vim_probe(name: &str) -> bool {
    name.parse::<u32>()
        .is_ok_and(|n| n >= 4913 && (n - 4913) % 123 == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_editors_scratch_file_is_known_and_no_source_is() {
        for scratch in [
            "content/briefings/.talks.md.swp",
            "content/briefings/.talks.md.swx",
            "content/briefings/.#talks.md",
            "content/briefings/#talks.md#",
            "content/briefings/talks.md~",
            "content/briefings/4913",
            "content/briefings/5036",
            "content/briefings/talks.md___jb_tmp___",
            "content/briefings/talks.md___jb_old___",
            "content/briefings/talks.md.kate-swp",
            "content/.DS_Store",
            "content/.git/config",
        ] {
            assert!(is_scratch(Path::new(scratch)), "{scratch}");
        }
        for source in [
            "content/briefings/talks.md",
            "content/briefings/2025/talks.md",
            "content/briefings/#1.md",
            "content/briefings/4914",
            "static/4913.png",
            "templates/actor.html",
        ] {
            assert!(!is_scratch(Path::new(source)), "{source}");
        }
        // A folder named like a probe is a folder of sources; a file so named is not.
        assert!(!is_scratch_entry(OsStr::new("4913"), false));
        assert!(is_scratch_entry(OsStr::new("4913"), true));
        assert!(is_scratch_entry(OsStr::new("#talks.md#"), false));
    }
}
