//! Terminal habits: colour only where asked for or on a terminal (never with
//! NO_COLOR, never in the machine formats), --quiet and --verbose, no progress bar
//! when stderr is not a terminal, shell completions, the man page and --version.

use crate::common::{copy_site, dossier, fixture, repo};

fn run(args: &[&str]) -> std::process::Output {
    dossier().args(args).output().unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn problems_are_coloured_only_when_asked_and_never_in_machine_formats() {
    let site = fixture("invalid/missing-title");
    let root = site.to_str().unwrap();
    // Not a terminal: plain, as before.
    let plain = run(&["check", "--root", root]);
    assert_eq!(plain.status.code(), Some(1));
    assert!(!stderr(&plain).contains('\x1b'), "{}", stderr(&plain));
    let always = run(&["check", "--root", root, "--color", "always"]);
    let coloured = stderr(&always);
    assert!(coloured.contains("\x1b[1m"), "{coloured:?}");
    assert!(
        coloured.contains("\x1b[1m\x1b[31m") || coloured.contains("\x1b[31m"),
        "{coloured:?}"
    );
    // The flag may come before the command too, and NO_COLOR never beats `always`'s
    // opposite: with auto it turns colour off.
    let never = run(&["--color", "never", "check", "--root", root]);
    assert!(!stderr(&never).contains('\x1b'));
    let no_color = dossier()
        .args(["check", "--root", root, "--color", "auto"])
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(
        !stderr(&no_color).contains('\x1b'),
        "{:?}",
        stderr(&no_color)
    );
    for format in ["json", "github"] {
        let machine = run(&[
            "check", "--root", root, "--color", "always", "--format", format,
        ]);
        assert!(!String::from_utf8_lossy(&machine.stdout).contains('\x1b'));
    }
}

#[test]
fn quiet_prints_only_problems_and_verbose_the_stages() {
    let site = copy_site(&fixture("sites/minimal"));
    let root = site.path().to_str().unwrap();
    let quiet = run(&["build", "--root", root, "--quiet"]);
    assert!(quiet.status.success());
    assert_eq!(stderr(&quiet), "");
    let verbose = run(&["build", "--root", root, "-v"]);
    let said = stderr(&verbose);
    assert!(said.contains("Read and resolved the content in "), "{said}");
    assert!(
        said.contains("Rendered and checked every page in "),
        "{said}"
    );
    assert!(said.contains("Built "), "{said}");
    let both = run(&["build", "--root", root, "-q", "-v"]);
    assert_eq!(both.status.code(), Some(2));
    // A problem is still printed when quiet.
    let broken = fixture("invalid/missing-title");
    let quiet = run(&["check", "--root", broken.to_str().unwrap(), "-q"]);
    assert!(stderr(&quiet).contains("talks.md"), "{}", stderr(&quiet));
}

/// stderr is not a terminal here: no progress bar, whatever the build's length.
#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let site = copy_site(&fixture("sites/references"));
    let built = run(&["build", "--root", site.path().to_str().unwrap()]);
    assert!(built.status.success());
    let said = stderr(&built);
    assert!(
        !said.contains("writing pages") && !said.contains('\r'),
        "{said:?}"
    );
    assert!(
        said.lines().any(|line| line.starts_with("Built ")),
        "{said}"
    );
}

#[test]
fn completions_for_each_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish"] {
        let output = run(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for command in ["build", "check", "schema", "new", "completions"] {
            assert!(script.contains(command), "{shell} completes {command}");
        }
        assert!(script.contains("base-url"), "{shell}");
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_man_page_is_printed_or_written_per_command() {
    let output = run(&["man"]);
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH dossier"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains("schema"));
    let dir = tempfile::tempdir().unwrap();
    let written = run(&["man", "--output", dir.path().to_str().unwrap()]);
    assert!(written.status.success(), "{}", stderr(&written));
    for page in [
        "dossier.1",
        "dossier-build.1",
        "dossier-check.1",
        "dossier-new.1",
    ] {
        assert!(dir.path().join(page).is_file(), "{page}");
    }
}

#[test]
fn the_version_names_the_commit_where_git_knows_it() {
    let output = run(&["--version"]);
    let version = String::from_utf8(output.stdout).unwrap();
    assert!(
        version.starts_with(&format!("dossier {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(repo())
        .output();
    if let Ok(head) = head
        && head.status.success()
    {
        let head = String::from_utf8(head.stdout).unwrap();
        assert!(
            version.contains(&format!("({})", head.trim())),
            "{version} names {head}"
        );
    }
}
