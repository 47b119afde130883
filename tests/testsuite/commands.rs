//! The commands and their exit codes.

use crate::common::*;

#[test]
fn init_makes_a_site_that_builds_and_checks() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let site = dir.path().join("new-site");
    dossier().arg("init").arg(&site).assert().success();
    dossier()
        .arg("check")
        .arg("--root")
        .arg(&site)
        .arg("--strict")
        .assert()
        .success();
    let output = build(&site, &[]);
    assert!(output.status.success(), "{}", report(&output, &site));
    assert!(site.join("public/actors/envoy-a/index.html").is_file());
    // A second init into the same, now non-empty, folder is refused.
    dossier().arg("init").arg(&site).assert().code(2);
}

#[test]
fn check_writes_nothing_and_fails_on_errors() {
    let site = copy_site(&fixture("sites/minimal"));
    dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .assert()
        .success();
    assert!(!site.path().join("public").exists());
    std::fs::write(
        site.path().join("content/briefings/bad.md"),
        "---\ntitle: Bad\n---\n",
    )
    .expect("written");
    let output = dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "content/briefings/bad.md:2: error: missing `date:`: write the briefing's date as YYYY-MM-DD\nerror: 1 error in the content\n"
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let site = copy_site(&fixture("sites/wikilinks"));
    build(site.path(), &[])
        .status
        .success()
        .then_some(())
        .expect("warnings alone do not fail");
    let output = build(site.path(), &["--strict"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn usage_and_io_errors_exit_2() {
    dossier()
        .arg("build")
        .arg("--no-such-flag")
        .assert()
        .code(2);
    let empty = tempfile::tempdir().expect("a temporary folder");
    let output = build(empty.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no content/ folder"));
    let site = copy_site(&fixture("sites/minimal"));
    dossier()
        .arg("build")
        .arg("--root")
        .arg(site.path())
        .arg("--output")
        .arg(site.path())
        .assert()
        .code(2);
}

#[test]
fn help_explains_each_command() {
    for command in ["build", "check", "init"] {
        let output = dossier().arg(command).arg("--help").output().expect("runs");
        assert!(output.status.success());
        assert!(String::from_utf8_lossy(&output.stdout).contains("Usage: dossier"));
    }
}

#[test]
fn odd_files_in_content_are_named_and_never_block() {
    use std::os::unix::ffi::OsStrExt;
    let site = copy_site(&fixture("sites/minimal"));
    let briefings = site.path().join("content/briefings");
    // A file name that is not UTF-8.
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(
        briefings.join(name),
        "---\ntitle: T\ndate: 2025-01-01\n---\n",
    )
    .expect("written");
    // A named pipe: reading it would block for ever.
    let fifo = briefings.join("pipe.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let output = build(site.path(), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/briefings/caf\u{fffd}.md: error: the file name is not valid UTF-8: rename the file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/briefings/pipe.md: warning: ignored: not a regular file"),
        "{stderr}"
    );
}

#[test]
fn a_folder_of_other_files_is_never_replaced() {
    let site = copy_site(&fixture("sites/minimal"));
    let other = site.path().join("mine");
    std::fs::create_dir_all(&other).expect("a folder");
    std::fs::write(other.join("thesis.docx"), "years of work").expect("written");
    let output = build(site.path(), &["--output", &other.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not an earlier build"));
    assert_eq!(
        std::fs::read_to_string(other.join("thesis.docx")).expect("still there"),
        "years of work"
    );
}

/// The flags of `text`, each once, sorted: every `--word` in it, but those every
/// command takes (`--color`, `--quiet`, `--verbose`, `--help`, `--version`), which
/// the README describes once for all.
fn flags(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split(|c: char| !(c.is_ascii_lowercase() || c == '-'))
        .filter(|word| word.starts_with("--") && word.len() > 2)
        .map(|word| word.trim_end_matches('-').to_string())
        .filter(|flag| {
            !["--color", "--quiet", "--verbose", "--help", "--version"].contains(&flag.as_str())
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The README's list of commands and `--help` agree: the same commands, and each
/// with the same flags.
#[test]
fn the_readme_and_help_name_the_same_commands_and_flags() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("the README");
    let section = readme
        .split("\n## Commands\n")
        .nth(1)
        .expect("a Commands section");
    let synopsis = section.split("```").nth(1).expect("the commands' synopsis");
    let mut documented = Vec::new();
    for line in synopsis.lines().filter(|l| l.starts_with("dossier ")) {
        // The command: its words up to the first argument or option.
        let words: Vec<&str> = line
            .split_whitespace()
            .skip(1)
            .take_while(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        let command = words.join(" ");
        let help = dossier()
            .args(&words)
            .arg("--help")
            .output()
            .expect("dossier runs");
        assert!(help.status.success(), "{command} --help");
        let help = String::from_utf8_lossy(&help.stdout);
        assert_eq!(
            flags(line),
            flags(&help),
            "README's `{line}` and `dossier {command} --help`"
        );
        documented.push(words[0].to_string());
    }
    let help = dossier().arg("--help").output().expect("dossier runs");
    let help = String::from_utf8_lossy(&help.stdout);
    let commands = help
        .split("Commands:\n")
        .nth(1)
        .expect("a list of commands");
    let mut listed: Vec<String> = commands
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect();
    listed.sort();
    documented.sort();
    documented.dedup();
    assert_eq!(
        documented, listed,
        "the README's commands and `dossier --help`'s"
    );
}
