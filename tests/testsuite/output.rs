//! The output folder: always one complete build, byte-identical for the same input.

use crate::common::*;

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = built_fixture("references");
    let out = site.path().join("public");
    let before = read_tree(&out);
    assert!(!before.is_empty());

    // Content error.
    let briefing = site.path().join("content/briefings/talks.md");
    let good = std::fs::read_to_string(&briefing).expect("readable");
    std::fs::write(
        &briefing,
        good.replace("date: 2025-12-21", "date: 2025-02-30"),
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        read_tree(&out),
        before,
        "a content error changed the output"
    );

    // Template error at render time.
    std::fs::write(&briefing, &good).expect("written");
    std::fs::create_dir_all(site.path().join("templates")).expect("a folder");
    std::fs::write(
        site.path().join("templates/meeting.html"),
        "{% extends \"base.html\" %}{% block content %}{{ meeting.nope }}{% endblock content %}",
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        report(&output, site.path())
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("meeting.html") && stderr.contains("meetings/"),
        "names the template and page: {stderr}"
    );
    assert_eq!(
        read_tree(&out),
        before,
        "a template error changed the output"
    );

    // No staging folder is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .expect("readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public.tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_new_build_replaces_pages_of_deleted_sources() {
    let site = built_fixture("drafts");
    std::fs::remove_file(site.path().join("content/briefings/published.md")).expect("removed");
    std::fs::write(
        site.path().join("content/briefings/other.md"),
        "---\ntitle: Other\ndate: 2025-05-03\n---\n",
    )
    .expect("written");
    let output = build(site.path(), &[]);
    assert!(output.status.success());
    let tree = read_tree(&site.path().join("public"));
    assert!(!tree.contains_key("briefings/published/index.html"));
    assert!(tree.contains_key("briefings/other/index.html"));
}

#[test]
fn two_builds_are_byte_identical() {
    let root = copy_example();
    let first = build(
        root.path(),
        &["--output", &root.path().join("one").to_string_lossy()],
    );
    let second = build(
        root.path(),
        &["--output", &root.path().join("two").to_string_lossy()],
    );
    assert!(first.status.success() && second.status.success());
    let (one, two) = (
        read_tree(&root.path().join("one")),
        read_tree(&root.path().join("two")),
    );
    assert!(one.len() > 20);
    assert_eq!(one, two);
}

/// Writes a site of `count` briefings whose titles carry `version`.
fn write_big_site(root: &std::path::Path, count: usize, version: &str) {
    let briefings = root.join("content/briefings");
    std::fs::create_dir_all(&briefings).expect("a folder");
    for i in 0..count {
        let text = format!(
            "---\ntitle: Briefing {i} {version}\ndate: 2025-01-{:02}\nmeetings:\n  - participants: [actor-{}, actor-{}]\n---\n{}\n",
            i % 28 + 1,
            i % 17,
            (i + 1) % 17,
            "A paragraph of the body that goes on for a while. ".repeat(40)
        );
        std::fs::write(briefings.join(format!("b{i}.md")), text).expect("written");
    }
}

#[test]
fn two_builds_at_once_both_finish_and_leave_one_whole_build() {
    let site = tempfile::tempdir().expect("a temporary folder");
    write_big_site(site.path(), 200, "v1");
    let spawn = || {
        dossier()
            .arg("build")
            .arg("--root")
            .arg(site.path())
            .output()
            .expect("runs")
    };
    let (a, b) = std::thread::scope(|scope| {
        let a = scope.spawn(spawn);
        let b = scope.spawn(spawn);
        (a.join().expect("joined"), b.join().expect("joined"))
    });
    assert!(a.status.success() && b.status.success());
    let tree = read_tree(&site.path().join("public"));
    assert_eq!(
        tree.keys().filter(|k| k.starts_with("briefings/b")).count(),
        200
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .expect("readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one() {
    let site = tempfile::tempdir().expect("a temporary folder");
    write_big_site(site.path(), 300, "old");
    assert!(build(site.path(), &[]).status.success());
    let old = read_tree(&site.path().join("public"));
    write_big_site(site.path(), 300, "new");
    let reference = tempfile::tempdir().expect("a temporary folder");
    let new_out = reference.path().join("new");
    assert!(
        build(site.path(), &["--output", &new_out.to_string_lossy()])
            .status
            .success()
    );
    let new = read_tree(&new_out);
    assert_ne!(old, new);

    let mut saw_old = false;
    for delay_ms in [0u64, 5, 10, 20, 40, 80, 160, 320] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
            .arg("build")
            .arg("--root")
            .arg(site.path())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawned");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = read_tree(&site.path().join("public"));
        assert!(
            now == old || now == new,
            "after a kill at {delay_ms} ms the output is neither the old build nor the new one"
        );
        saw_old |= now == old;
    }
    // The next build cleans up whatever the killed ones left.
    assert!(build(site.path(), &[]).status.success());
    assert_eq!(read_tree(&site.path().join("public")), new);
    let leftovers = std::fs::read_dir(site.path())
        .expect("readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public.tmp"))
        .count();
    assert_eq!(leftovers, 0);
    let _ = saw_old;
}

/// Mounts a small tmpfs for the test; unmounts it on drop.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().expect("a temporary folder").keep();
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .status()
            .expect("mount runs");
        assert!(
            status.success(),
            "this test mounts a small tmpfs to fill the disk, which needs root (as in CI)"
        );
        SmallDisk(dir)
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_full_disk_leaves_the_previous_output_untouched() {
    let disk = SmallDisk::mount("1m");
    let site = copy_site(&fixture("sites/minimal"));
    let out = disk.0.join("public");
    let out_arg = out.to_string_lossy().into_owned();
    assert!(build(site.path(), &["--output", &out_arg]).status.success());
    let before = read_tree(&out);
    // A briefing far larger than what is left on the disk.
    let body = "Filler text that makes the page large. ".repeat(40_000);
    std::fs::write(
        site.path().join("content/briefings/huge.md"),
        format!("---\ntitle: Huge\ndate: 2025-06-02\n---\n{body}\n"),
    )
    .expect("written");
    let output = build(site.path(), &["--output", &out_arg]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        report(&output, site.path())
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("No space left"));
    assert_eq!(read_tree(&out), before);
    let names: Vec<String> = std::fs::read_dir(&disk.0)
        .expect("readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".public.tmp")),
        "{names:?}"
    );
}

#[test]
fn parallel_and_sequential_builds_are_byte_identical() {
    let root = tempfile::tempdir().expect("a temporary folder");
    write_big_site(root.path(), 120, "same");
    let one = root.path().join("sequential");
    let many = root.path().join("parallel");
    let sequential = dossier()
        .env("RAYON_NUM_THREADS", "1")
        .args(["build", "--root"])
        .arg(root.path())
        .arg("--output")
        .arg(&one)
        .output()
        .expect("runs");
    let parallel = dossier()
        .env("RAYON_NUM_THREADS", "4")
        .args(["build", "--root"])
        .arg(root.path())
        .arg("--output")
        .arg(&many)
        .output()
        .expect("runs");
    assert!(sequential.status.success() && parallel.status.success());
    assert_eq!(read_tree(&one), read_tree(&many));
}
