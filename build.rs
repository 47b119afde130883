//! Sets `DOSSIER_VERSION`, shown by `dossier --version`: the package's version and,
//! where it is known, the commit it was built from (from git when the source is a
//! checkout, from `.cargo_vcs_info.json` when it is a published package). Without
//! either, the version alone, silently.

use std::path::Path;
use std::process::Command;

fn main() {
    let version = env!("CARGO_PKG_VERSION");
    let commit = from_git().or_else(from_vcs_info);
    match commit {
        Some(commit) => println!("cargo:rustc-env=DOSSIER_VERSION={version} ({commit})"),
        None => println!("cargo:rustc-env=DOSSIER_VERSION={version}"),
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// The short commit of HEAD; and the files to watch so that a new commit is seen
/// (HEAD, and the branch it names while that is a file of its own).
fn from_git() -> Option<String> {
    let git = |args: &[&str]| -> Option<String> {
        let output = Command::new("git").args(args).output().ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    let commit = git(&["rev-parse", "--short=12", "HEAD"])?;
    let mut watched = vec!["HEAD".to_string()];
    watched.extend(git(&["symbolic-ref", "-q", "HEAD"]));
    for file in watched {
        // A path that does not exist would run this script again on every build.
        if let Some(path) = git(&["rev-parse", "--git-path", &file])
            && Path::new(&path).exists()
        {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    Some(commit)
}

/// The commit cargo records in a published package.
fn from_vcs_info() -> Option<String> {
    let text = std::fs::read_to_string(Path::new(".cargo_vcs_info.json")).ok()?;
    let (_, rest) = text.split_once("\"sha1\"")?;
    let sha1: String = rest
        .chars()
        .skip_while(|c| !c.is_ascii_hexdigit())
        .take_while(char::is_ascii_hexdigit)
        .collect();
    (sha1.len() >= 12).then(|| sha1[..12].to_string())
}
