//! A running `dossier serve` for the tests: started on a free port of 127.0.0.1,
//! fetched over HTTP, stopped when dropped. Shared by the integration suite and the
//! browser suite.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long any change may take to reach the server.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// A running `dossier serve`, stopped when dropped.
pub struct Served {
    child: Child,
    /// `http://127.0.0.1:PORT/`
    pub url: String,
    /// What the server printed to stderr so far, and a signal for each new piece.
    stderr: Arc<(Mutex<String>, Condvar)>,
}

impl Served {
    /// Starts `dossier serve --port 0` on `site` and waits for the URL it prints.
    pub fn start(site: &Path, args: &[&str]) -> Served {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("dossier"))
            .arg("serve")
            .arg("--root")
            .arg(site)
            .args(["--port", "0"])
            .args(args)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dossier serve starts");
        let stderr = Arc::new((Mutex::new(String::new()), Condvar::new()));
        let mut pipe = child.stderr.take().expect("stderr");
        let collected = stderr.clone();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                let text = String::from_utf8_lossy(&chunk[..n]).into_owned();
                let (printed, signal) = &*collected;
                printed.lock().unwrap().push_str(&text);
                signal.notify_all();
            }
        });
        let stdout = child.stdout.take().expect("stdout");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = sender.send(line);
            }
        });
        let mut served = Served {
            child,
            url: String::new(),
            stderr,
        };
        let line = receiver
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| {
                panic!("dossier serve printed no URL: {}", served.stderr());
            });
        served.url = line
            .strip_prefix("Serving at ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        served
    }

    /// Sends SIGINT, as Ctrl-C does, and waits (bounded) for the server to stop.
    #[cfg(unix)]
    pub fn interrupt(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -INT {pid}");
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("a status") {
                return status;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "the server did not stop on Ctrl-C:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// What the server printed to stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.0.lock().unwrap().clone()
    }

    /// `host:port`
    pub fn host(&self) -> String {
        self.url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string()
    }

    /// Fetches `path` (after the leading `/`).
    pub fn get(&self, path: &str) -> Fetched {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(PATIENCE))
            .build()
            .into();
        let mut response = agent
            .get(format!("{}{path}", self.url))
            .call()
            .unwrap_or_else(|e| panic!("GET /{path}: {e}"));
        Fetched {
            status: response.status().as_u16(),
            content_type: header(&response, "content-type"),
            location: header(&response, "location"),
            allow_origin: header(&response, "access-control-allow-origin"),
            body: response.body_mut().read_to_string().unwrap_or_default(),
        }
    }

    /// Fetches `path` until `ready` holds, for at most [`PATIENCE`].
    pub fn wait_for(&self, path: &str, what: &str, ready: impl Fn(&Fetched) -> bool) -> Fetched {
        let started = Instant::now();
        loop {
            let fetched = self.get(path);
            if ready(&fetched) {
                return fetched;
            }
            if started.elapsed() > PATIENCE {
                panic!(
                    "/{path} never {what}: status {}\n--- server said:\n{}",
                    fetched.status,
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Served {
    /// Waits until what the server printed to stderr satisfies `ready`, for at most
    /// [`PATIENCE`]: the server says when a rebuild ends, which orders a test's steps
    /// after it.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) {
        let (printed, signal) = &*self.stderr;
        let (printed, waited) = signal
            .wait_timeout_while(printed.lock().unwrap(), PATIENCE, |printed| !ready(printed))
            .unwrap();
        assert!(!waited.timed_out(), "the server never {what}:\n{printed}");
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// A response, read whole.
pub struct Fetched {
    pub status: u16,
    pub content_type: String,
    pub location: String,
    pub allow_origin: String,
    pub body: String,
}
