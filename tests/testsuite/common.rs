//! Helpers shared by the suite: running the binary, copying fixtures, reading trees.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    repo().join("tests/fixtures").join(relative)
}

/// The `dossier` binary, run with a clean environment for reproducible output.
pub fn dossier() -> Command {
    let mut command = Command::cargo_bin("dossier").expect("the dossier binary is built");
    command.env_remove("RUST_LOG");
    command
}

/// Copies a site into a new temporary folder, so that builds never write into the repository.
pub fn copy_site(source: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(source, dir.path());
    dir
}

pub fn copy_dir(source: &Path, target: &Path) {
    for entry in walkdir::WalkDir::new(source) {
        let entry = entry.expect("a readable fixture");
        let relative = entry
            .path()
            .strip_prefix(source)
            .expect("inside the fixture");
        let to = target.join(relative);
        if entry.path_is_symlink() {
            let target = std::fs::read_link(entry.path()).expect("a readable link");
            std::os::unix::fs::symlink(target, &to).expect("a symbolic link");
        } else if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("a folder");
        } else {
            std::fs::copy(entry.path(), &to).expect("a copied file");
        }
    }
}

/// A copy of the repository's example dossier (its `content/` and `dossier.yaml`) in a
/// new temporary folder.
pub fn copy_example() -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("a temporary folder");
    copy_dir(&repo().join("content"), &site.path().join("content"));
    std::fs::copy(
        repo().join("dossier.yaml"),
        site.path().join("dossier.yaml"),
    )
    .expect("config copied");
    site
}

/// Runs `dossier build` in `site` with extra arguments.
pub fn build(site: &Path, args: &[&str]) -> Output {
    dossier()
        .arg("build")
        .arg("--root")
        .arg(site)
        .args(args)
        .output()
        .expect("dossier runs")
}

/// Every file under `dir`, by relative path with `/` separators.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("a readable output");
        if entry.file_type().is_file() {
            let relative = entry
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(
                relative,
                std::fs::read(entry.path()).expect("a readable file"),
            );
        }
    }
    files
}

/// The exit code and what the binary printed to stderr, without the timing of the
/// closing line, ready for a snapshot.
pub fn report(output: &Output, site: &Path) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<String> = stderr
        .lines()
        .map(|line| match line.rfind(" in ") {
            Some(at) if line.starts_with("Built ") && line.ends_with(" ms") => {
                format!("{} in [time]", &line[..at])
            }
            _ => line.to_string(),
        })
        .map(|line| line.replace(&site.display().to_string(), "[site]"))
        .collect();
    format!(
        "exit: {}\n{}\n",
        output.status.code().unwrap_or(-1),
        lines.join("\n")
    )
}

/// Builds in a fresh copy of a fixture, for tests in other modules.
pub fn built_fixture(name: &str) -> tempfile::TempDir {
    let site = copy_site(&fixture(&format!("sites/{name}")));
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    site
}
