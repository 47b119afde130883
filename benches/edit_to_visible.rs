//! Edit-to-visible time of `dossier serve`: from a briefing saved on disk until the
//! server answers with the new page. Goals: median under 100 ms on the example site,
//! under 300 ms on a 10,000-briefing corpus.
//!
//! ```sh
//! cargo bench --bench edit_to_visible                       # the example site
//! python3 ../shared/bench/gen_corpus.py --briefings 10000 --flavor dossier --out /tmp/c10k
//! DOSSIER_BENCH_SITE=/tmp/c10k cargo bench --bench edit_to_visible
//! ```
//!
//! `DOSSIER_BENCH_RUNS` sets the number of edits (20); `DOSSIER_BENCH_LOG=FILE` keeps
//! what the server printed. The site is copied into a
//! temporary folder first: the bench never edits the original. The server shows an
//! edit before its rebuild is finished: the next edit waits until it is, so that each
//! edit is timed on its own.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn main() {
    let source = std::env::var_os("DOSSIER_BENCH_SITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let runs: usize = std::env::var("DOSSIER_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let site = tempfile::tempdir().expect("a temporary folder");
    for part in ["content", "templates", "static", "dossier.yaml"] {
        copy(&source.join(part), &site.path().join(part));
    }

    let briefing = first_briefing(&site.path().join("content/briefings"));
    let original = std::fs::read_to_string(&briefing).expect("a readable briefing");
    let page = format!("briefings/{}/", slug(&briefing, &original));

    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let rebuilt = rebuilds(child.stderr.take().expect("stderr"));
    let _server = Server(child);
    let line = BufReader::new(stdout)
        .lines()
        .next()
        .and_then(Result::ok)
        .expect("the server's URL");
    let url = line.trim_start_matches("Serving at ").to_string();
    println!(
        "site {} served in {} ms; editing {}",
        source.display(),
        started.elapsed().as_millis(),
        briefing.file_name().unwrap_or_default().to_string_lossy()
    );

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let fetch = |path: &str| -> String {
        agent
            .get(format!("{url}{path}"))
            .call()
            .ok()
            .and_then(|mut r| r.body_mut().read_to_string().ok())
            .unwrap_or_default()
    };

    let mut times = Vec::new();
    for run in 0..runs {
        let marker = format!("edit-to-visible-marker-{run}");
        while rebuilt.try_recv().is_ok() {}
        std::fs::write(&briefing, format!("{original}\n{marker}\n")).expect("written");
        let saved = Instant::now();
        loop {
            if fetch(&page).contains(&marker) {
                times.push(saved.elapsed());
                break;
            }
            if saved.elapsed() > Duration::from_secs(60) {
                panic!("the edit never became visible at /{page}");
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        rebuilt
            .recv_timeout(Duration::from_secs(60))
            .expect("the rebuild finishes");
        // Let the watcher settle, so that each edit is timed on its own.
        std::thread::sleep(Duration::from_millis(200));
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "edit-to-visible over {runs} edits: median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms",
        ms(times[times.len() / 2]),
        ms(times[(times.len() * 9 / 10).min(times.len() - 1)]),
        ms(times[0]),
        ms(times[times.len() - 1]),
    );
}

/// Reads what the server prints (into `DOSSIER_BENCH_LOG` when set) and sends a
/// message at the end of each rebuild.
fn rebuilds(stderr: std::process::ChildStderr) -> std::sync::mpsc::Receiver<()> {
    let mut log = std::env::var_os("DOSSIER_BENCH_LOG")
        .map(|log| std::fs::File::create(log).expect("a log file"));
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(log) = &mut log {
                let _ = writeln!(log, "{line}");
            }
            if line.starts_with("Rebuilt in") {
                let _ = sender.send(());
            }
        }
    });
    receiver
}

fn copy(from: &Path, to: &Path) {
    if from.is_file() {
        std::fs::copy(from, to).expect("a copied file");
        return;
    }
    if !from.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("a readable site");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("a copied file");
        }
    }
}

fn first_briefing(folder: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files.into_iter().next().expect("a briefing")
}

/// The briefing's `slug:` when its front matter sets one, else its file name.
fn slug(path: &Path, text: &str) -> String {
    text.lines()
        .skip(1)
        .take_while(|line| *line != "---")
        .find_map(|line| line.strip_prefix("slug:"))
        .map(|s| s.trim().trim_matches('"').to_string())
        .unwrap_or_else(|| {
            path.file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
}
