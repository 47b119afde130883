//! `dossier serve` in a real browser: Debian's headless Chromium, driven through
//! chromedriver (WebDriver over HTTP), sees a served page reload by itself after an
//! edit, show a broken build's error over the page, and recover when it is mended.
//!
//! Chromium and chromedriver must be installed (`.ci/run` installs them); without
//! them this test fails and says so, rather than passing without a browser.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::*;
use crate::serve::Served;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const PATIENCE: Duration = Duration::from_secs(15);

/// A chromedriver and one browser session, both ended when dropped.
struct Browser {
    driver: Child,
    base: String,
    session: String,
    agent: ureq::Agent,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        for program in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                Path::new(program).exists(),
                "{program} is missing: install Debian's chromium and chromium-driver \
                 (apt-get install -y chromium chromium-driver), as .ci/run does"
            );
        }
        let mut driver = Command::new(CHROMEDRIVER)
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let stdout = driver.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let port = loop {
            let Some(Ok(line)) = lines.next() else {
                let _ = driver.kill();
                panic!("chromedriver stopped before saying its port");
            };
            if let Some(rest) = line.split("started successfully on port ").nth(1) {
                break rest.trim_end_matches('.').to_string();
            }
        };
        // Keep reading so that chromedriver never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let profile = tempfile::tempdir().expect("a profile folder");
        let mut browser = Browser {
            driver,
            base: format!("http://127.0.0.1:{port}"),
            session: String::new(),
            agent,
            _profile: profile,
        };
        let args = [
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            format!("--user-data-dir={}", browser._profile.path().display()),
        ];
        let created = browser.command(
            "POST",
            "/session",
            json!({ "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
            }}}),
        );
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {created}"))
            .to_string();
        browser
    }

    /// Sends a WebDriver command; returns its `value`.
    fn command(&self, method: &str, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.base);
        let response = match method {
            "POST" => self
                .agent
                .post(&url)
                .header("content-type", "application/json")
                .send(body.to_string()),
            _ => self.agent.delete(&url).call(),
        };
        let mut response = response.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let text = response.body_mut().read_to_string().unwrap_or_default();
        let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        if let Some(error) = value["value"]["error"].as_str() {
            panic!("{method} {path}: {error}: {}", value["value"]["message"]);
        }
        value["value"].clone()
    }

    fn open(&self, url: &str) {
        let path = format!("/session/{}/url", self.session);
        self.command("POST", &path, json!({ "url": url }));
    }

    /// Runs `script` (a function body) in the page and returns what it returns.
    fn eval(&self, script: &str) -> Value {
        let path = format!("/session/{}/execute/sync", self.session);
        self.command("POST", &path, json!({ "script": script, "args": [] }))
    }

    /// Evaluates `script` until it returns `true`, for at most [`PATIENCE`].
    fn wait_until(&self, what: &str, script: &str, served: &Served) {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if self.eval(script) == Value::Bool(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "the page never {what}; it shows {:?}\n--- server said:\n{}",
            self.eval("return document.title + ' | ' + document.body.innerText.slice(0, 300)"),
            served.stderr()
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = self.agent.delete(format!("{}{path}", self.base)).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[test]
fn a_served_page_reloads_by_itself_shows_errors_and_recovers() {
    let site = copy_site(&fixture("sites/references"));
    let served = Served::start(site.path(), &[]);
    let browser = Browser::start();
    browser.open(&format!("{}briefings/talks/", served.url));
    browser.wait_until(
        "loaded the briefing",
        "return document.title.startsWith('Talks')",
        &served,
    );
    // Wait until the page listens for changes, then mark this page: a reload loses the mark.
    browser.wait_until(
        "connected its reload channel",
        "return window.dossierLiveReload === 'connected'",
        &served,
    );
    browser.eval("window.dossierMark = 'before'; return true");

    let briefing = site.path().join("content/briefings/talks.md");
    let good = std::fs::read_to_string(&briefing).expect("readable");
    std::fs::write(
        &briefing,
        good.replace("title: Talks", "title: Talks, edited"),
    )
    .expect("written");
    browser.wait_until(
        "reloaded with the edit",
        "return document.title.startsWith('Talks, edited') && window.dossierMark === undefined",
        &served,
    );

    // A broken file: the page stays, the error shows over it, as text.
    browser.eval("window.dossierMark = 'broken'; return true");
    std::fs::write(
        &briefing,
        good.replace("date: 2025-12-21", "date: <b>bold</b>"),
    )
    .expect("written");
    browser.wait_until(
        "showed the error",
        "const box = document.getElementById('dossier-build-error');\
         return !!box && box.textContent.includes(\"content/briefings/talks.md:3: error: '<b>bold</b>'\")",
        &served,
    );
    assert_eq!(
        browser.eval("return document.querySelectorAll('#dossier-build-error b').length"),
        json!(0),
        "the error text is inserted as text, never as markup"
    );
    assert_eq!(browser.eval("return window.dossierMark"), json!("broken"));

    // Mended: the page reloads and the error is gone.
    std::fs::write(
        &briefing,
        good.replace("title: Talks", "title: Talks, mended"),
    )
    .expect("written");
    browser.wait_until(
        "recovered",
        "return document.title.startsWith('Talks, mended') \
         && !document.getElementById('dossier-build-error') && window.dossierMark === undefined",
        &served,
    );
}
