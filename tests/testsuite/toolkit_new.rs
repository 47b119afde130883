//! `dossier new`: a file to fill in, named from the title, on an empty and on an
//! existing site, never over a file that exists.

use std::path::Path;

use crate::common::{copy_example, dossier};

fn new(site: &Path, args: &[&str]) -> std::process::Output {
    dossier()
        .arg("new")
        .args(args)
        .arg("--root")
        .arg(site)
        .output()
        .unwrap()
}

fn check(site: &Path) -> std::process::Output {
    dossier()
        .args(["check", "--root"])
        .arg(site)
        .output()
        .unwrap()
}

#[test]
fn on_an_empty_site_each_kind_makes_a_file_that_checks() {
    let site = tempfile::tempdir().unwrap();
    let made = new(
        site.path(),
        &["briefing", "Florida talks: day 2", "--date", "2025-12-21"],
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let path = String::from_utf8(made.stdout).unwrap();
    assert!(
        path.trim()
            .ends_with("content/briefings/florida-talks-day-2.md"),
        "{path}"
    );
    let text =
        std::fs::read_to_string(site.path().join("content/briefings/florida-talks-day-2.md"))
            .unwrap();
    assert!(
        text.starts_with("---\ntitle: \"Florida talks: day 2\"\ndate: 2025-12-21\n"),
        "{text}"
    );
    assert!(
        new(site.path(), &["actor", "Steve Witkoff"])
            .status
            .success()
    );
    assert!(new(site.path(), &["topic", "Peace plan"]).status.success());
    assert!(
        site.path()
            .join("content/actors/steve-witkoff.md")
            .is_file()
    );
    assert!(site.path().join("content/topics/peace-plan.md").is_file());
    let checked = check(site.path());
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert!(checked.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn a_briefing_is_dated_today_by_default() {
    let site = tempfile::tempdir().unwrap();
    let before = jiff::ZonedDateTime::now().date().to_string();
    assert!(new(site.path(), &["briefing", "Today"]).status.success());
    let after = jiff::ZonedDateTime::now().date().to_string();
    let text = std::fs::read_to_string(site.path().join("content/briefings/today.md")).unwrap();
    assert!(
        text.contains(&format!("\ndate: {before}\n"))
            || text.contains(&format!("\ndate: {after}\n")),
        "{text}"
    );
}

#[test]
fn on_an_existing_site_a_file_or_a_slug_that_exists_is_never_overwritten() {
    let site = copy_example();
    let actor = site.path().join("content/actors/steve-witkoff.md");
    let before = std::fs::read(&actor).unwrap();
    let refused = new(site.path(), &["actor", "Steve Witkoff"]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("steve-witkoff.md exists: choose another title, or edit that file"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&actor).unwrap(), before);

    // A briefing in a sub-folder holds the slug as well.
    let nested = site
        .path()
        .join("content/briefings/2025/ceasefire-talks.md");
    std::fs::create_dir_all(nested.parent().unwrap()).unwrap();
    std::fs::write(
        &nested,
        "---\ntitle: Ceasefire talks\ndate: 2025-01-01\n---\n",
    )
    .unwrap();
    let refused = new(site.path(), &["briefing", "Ceasefire talks"]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("already has the slug 'ceasefire-talks'"),
        "{stderr}"
    );
    assert!(
        !site
            .path()
            .join("content/briefings/ceasefire-talks.md")
            .exists()
    );

    // A new briefing checks with the rest of the site.
    assert!(
        new(
            site.path(),
            &["briefing", "Second round", "--date", "2025-12-22"]
        )
        .status
        .success()
    );
    assert!(check(site.path()).status.success());
}

#[test]
fn a_bad_date_or_title_is_a_usage_error_that_says_what_to_write() {
    let site = tempfile::tempdir().unwrap();
    let bad = new(site.path(), &["briefing", "Talks", "--date", "21/12/2025"]);
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("--date 21/12/2025: '21/12/2025' is written day/month/year"),
        "{stderr}"
    );
    let bad = new(site.path(), &["topic", "???"]);
    assert_eq!(bad.status.code(), Some(2));
    let bad = new(site.path(), &["actor", "Someone", "--date", "2025-01-01"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(!site.path().join("content").exists());
}
