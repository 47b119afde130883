//! `dossier check --links` against a local server the test starts (never the
//! internet): one address answers 200, one moves (301), one is gone (404), one fails
//! (500), one refuses HEAD but answers GET, one never answers; then the answers come
//! from the cache.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::dossier;

/// A server on a free port of 127.0.0.1; counts the requests it is sent.
fn serve() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(AtomicUsize::new(0));
    let counted = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let counted = counted.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                loop {
                    let mut header = String::new();
                    match reader.read_line(&mut header) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if header.trim().is_empty() => break,
                        Ok(_) => {}
                    }
                }
                counted.fetch_add(1, Ordering::SeqCst);
                let mut words = request.split_whitespace();
                let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
                let (status, extra) = match (method, path) {
                    (_, "/silent") => {
                        std::thread::sleep(std::time::Duration::from_secs(30));
                        return;
                    }
                    (_, "/ok") => ("200 OK", ""),
                    (_, "/moved") => ("301 Moved Permanently", "Location: /ok\r\n"),
                    (_, "/elsewhere") => ("302 Found", "Location: /ok\r\n"),
                    (_, "/gone") => ("404 Not Found", ""),
                    (_, "/broken") => ("500 Internal Server Error", ""),
                    ("HEAD", "/no-head") => ("405 Method Not Allowed", ""),
                    ("GET", "/no-head") => ("200 OK", ""),
                    _ => ("400 Bad Request", ""),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n"
                );
            });
        }
    });
    (address, requests)
}

fn site(address: &str) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let briefings = site.path().join("content/briefings");
    std::fs::create_dir_all(&briefings).unwrap();
    let mut text = String::from("---\ntitle: Talks\ndate: 2025-01-01\nsources:\n");
    for path in [
        "ok",
        "moved",
        "elsewhere",
        "gone",
        "broken",
        "no-head",
        "silent",
    ] {
        text.push_str(&format!("  - id: {path}\n    url: {address}/{path}\n"));
    }
    text.push_str("  - id: mail\n    url: mailto:desk@example.org\n---\nBody.\n");
    std::fs::write(briefings.join("talks.md"), text).unwrap();
    site
}

fn check_links(site: &std::path::Path, extra: &[&str]) -> std::process::Output {
    dossier()
        .args(["check", "--links", "--link-timeout", "1", "--root"])
        .arg(site)
        .args(extra)
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap()
}

#[test]
fn dead_and_moved_sources_are_reported_at_their_line_and_kept_for_a_day() {
    let (address, requests) = serve();
    let site = site(&address);
    let output = check_links(site.path(), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr).replace(&address, "http://[server]");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let problems: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(
        problems,
        [
            "content/briefings/talks.md:8: warning: the source http://[server]/moved has moved (301) to /ok: write the new address",
            "content/briefings/talks.md:12: warning: the source http://[server]/gone is dead: it answers 404 Not Found: replace it, or link an archived copy",
            "content/briefings/talks.md:14: warning: the source http://[server]/broken is dead: it answers 500 Internal Server Error: replace it, or link an archived copy",
            "content/briefings/talks.md:18: warning: the source http://[server]/silent did not answer within 1 s: check it, or link an archived copy",
        ],
        "{stderr}"
    );
    assert!(
        stderr.contains("Checked 7 source addresses (0 from the cache): 4 dead or moved"),
        "{stderr}"
    );
    let cache = std::fs::read_to_string(site.path().join(".dossier-cache/links.json")).unwrap();
    assert!(
        cache.contains("/gone") && !cache.contains("/silent"),
        "{cache}"
    );

    // Again: every answer but the silent one's comes from the cache.
    let before = requests.load(Ordering::SeqCst);
    let again = check_links(site.path(), &["--format", "json"]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("Checked 7 source addresses (6 from the cache): 4 dead or moved"),
        "{stderr}"
    );
    let after = requests.load(Ordering::SeqCst);
    assert!(
        after - before <= 2,
        "only the silent address is asked again: {before} -> {after}"
    );
    let lines = String::from_utf8_lossy(&again.stdout).lines().count();
    assert_eq!(lines, 4);

    // With --strict, a dead source fails the check.
    let strict = check_links(site.path(), &["--strict"]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn without_links_no_source_is_requested() {
    let (address, requests) = serve();
    let site = site(&address);
    let output = dossier()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(requests.load(Ordering::SeqCst), 0);
    assert!(!site.path().join(".dossier-cache").exists());
}
