//! `dossier serve`: the real server on a free port of 127.0.0.1, fetched over HTTP
//! while the test edits, breaks and mends the site. Every wait is bounded.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::*;
use crate::served::{PATIENCE, Served};

/// The tag that `dossier serve` adds to every page.
pub const LIVE_RELOAD: &str = r#"<script src="/__dossier/live.js" defer></script>"#;

/// Sends `request` as written (no client normalizes its path) and returns the
/// status and the whole response.
fn raw(served: &Served, request: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(served.host()).expect("connects");
    stream.set_read_timeout(Some(PATIENCE)).expect("a timeout");
    stream.write_all(request.as_bytes()).expect("sent");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, response)
}

fn raw_get(served: &Served, path: &str, host: &str, extra: &str) -> (u16, String) {
    raw(
        served,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n"),
    )
}

/// The reload channel: a WebSocket whose messages are JSON objects with a `type`.
struct Channel {
    messages: mpsc::Receiver<serde_json::Value>,
}

impl Channel {
    /// Opens the channel as a page of the site would, and waits for its `hello`.
    fn open(served: &Served) -> Channel {
        let origin = format!("http://{}", served.host());
        let (mut socket, _) = handshake(served, Some(&origin)).expect("the reload channel opens");
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || {
            while let Ok(message) = socket.read() {
                if let tungstenite::Message::Text(text) = message {
                    let value = serde_json::from_str(text.as_str()).expect("a JSON message");
                    if sender.send(value).is_err() {
                        break;
                    }
                }
            }
        });
        let channel = Channel { messages };
        channel.expect("hello");
        channel
    }

    /// Waits for the next message of type `kind`.
    fn expect(&self, kind: &str) -> serde_json::Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no `{kind}` message on the reload channel"));
            if message["type"] == kind {
                return message;
            }
        }
    }
}

/// The WebSocket handshake of the reload channel, sent with `origin`.
fn handshake(
    served: &Served,
    origin: Option<&str>,
) -> Result<
    (
        tungstenite::WebSocket<TcpStream>,
        tungstenite::handshake::client::Response,
    ),
    String,
> {
    use tungstenite::client::IntoClientRequest;
    let stream = TcpStream::connect(served.host()).expect("connects");
    stream.set_read_timeout(Some(PATIENCE)).expect("a timeout");
    let mut request = format!("ws://{}/__dossier/events", served.host())
        .into_client_request()
        .expect("a request");
    if let Some(origin) = origin {
        request
            .headers_mut()
            .insert("Origin", origin.parse().expect("a header value"));
    }
    tungstenite::client(request, stream).map_err(|e| match e {
        tungstenite::HandshakeError::Failure(tungstenite::Error::Http(response)) => {
            format!("status {}", response.status().as_u16())
        }
        other => other.to_string(),
    })
}

#[test]
fn serves_pages_with_their_types_pretty_urls_and_the_404_page() {
    let site = copy_site(&fixture("sites/references"));
    std::fs::create_dir_all(site.path().join("static/field notes")).expect("a folder");
    std::fs::write(
        site.path().join("static/field notes/index.html"),
        "<p>Notes</p>",
    )
    .expect("written");
    let served = Served::start(site.path(), &[]);

    let front = served.get("");
    assert_eq!(front.status, 200);
    assert_eq!(front.content_type, "text/html; charset=utf-8");
    assert!(front.body.contains(LIVE_RELOAD));
    assert_eq!(front.allow_origin, "", "no Access-Control-Allow-Origin");

    let actor = served.get("actors/russia/");
    assert_eq!(actor.status, 200);
    assert!(actor.body.contains("<h1"), "{}", actor.body);
    assert_eq!(served.get("actors/russia/index.html").body, actor.body);
    let bare = served.get("actors/russia");
    assert_eq!(
        (bare.status, bare.location.as_str()),
        (301, "/actors/russia/")
    );
    let spaced = served.get("field%20notes");
    assert_eq!(
        (spaced.status, spaced.location.as_str()),
        (301, "/field%20notes/")
    );
    assert_eq!(served.get("field%20notes/").body, "<p>Notes</p>");

    for (path, expected) in [
        ("style.css", "text/css; charset=utf-8"),
        ("feed.xml", "application/atom+xml"),
        ("sitemap.xml", "application/xml"),
        ("dossier.json", "application/json"),
        ("__dossier/live.js", "text/javascript; charset=utf-8"),
    ] {
        let fetched = served.get(path);
        assert_eq!(
            (fetched.status, fetched.content_type.as_str()),
            (200, expected),
            "{path}"
        );
    }

    let missing = served.get("actors/nobody/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Page not found"), "{}", missing.body);
}

#[test]
fn no_request_path_reaches_a_file_outside_the_site() {
    let site = copy_site(&fixture("sites/references"));
    // A file beside the site's folder and one inside it, outside the built site.
    std::fs::write(site.path().join("secret.txt"), "SECRET-OUTSIDE").expect("written");
    let served = Served::start(site.path(), &[]);
    let host = served.host();
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/%2E%2E/Cargo.toml",
        "/..%2fCargo.toml",
        "/actors/..\\..\\secret.txt",
        "/actors/%5c..%5c..%5csecret.txt",
        "//etc/passwd",
        "/secret.txt",
        "/content/briefings/talks.md",
        "/dossier.yaml",
        "/../secret.txt",
        "/actors/../../secret.txt",
        "/%00",
    ] {
        let (status, response) = raw_get(&served, path, &host, "");
        assert!(
            status == 400 || status == 404,
            "{path}: status {status}\n{response}"
        );
        for leaked in ["[package]", "SECRET-OUTSIDE", "root:", "title: Talks"] {
            assert!(!response.contains(leaked), "{path} leaked {leaked}");
        }
    }
    // An absolute URL as the request target names a path of the site, nothing else.
    let (status, response) = raw_get(&served, "http://127.0.0.1/../../etc/passwd", &host, "");
    assert!(status == 400 || status == 404, "{status}: {response}");
}

#[test]
fn refuses_other_hosts_and_pages_of_other_origins() {
    let site = copy_site(&fixture("sites/minimal"));
    let served = Served::start(site.path(), &[]);
    let host = served.host();
    let port = host.rsplit_once(':').expect("a port").1.to_string();

    for good in [
        host.clone(),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(raw_get(&served, "/", &good, "").0, 200, "{good}");
    }
    for bad in [
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        "127.0.0.1:1".to_string(),
        String::new(),
    ] {
        let (status, response) = raw_get(&served, "/", &bad, "");
        assert_eq!(status, 403, "{bad:?}: {response}");
        assert!(!response.contains("<html"), "{bad:?} got a page");
    }

    let refused = handshake(&served, Some("http://evil.example")).map(|_| ());
    assert_eq!(refused, Err("status 403".to_string()));
    let refused = handshake(&served, Some(&format!("http://evil.example:{port}"))).map(|_| ());
    assert_eq!(refused, Err("status 403".to_string()));
    let (_, response) =
        handshake(&served, Some(&format!("http://{host}"))).expect("the site's own pages connect");
    assert_eq!(response.status().as_u16(), 101);
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}

/// Retitles the `references` fixture's briefing and waits until its page shows it.
fn retitle_talks(site: &Path, served: &Served) {
    let briefing = site.join("content/briefings/talks.md");
    let text = std::fs::read_to_string(&briefing).expect("readable");
    std::fs::write(
        &briefing,
        text.replace("title: Talks", "title: Talks, edited"),
    )
    .expect("written");
    served.wait_for("briefings/talks/", "showed the edit", |f| {
        f.body.contains("Talks, edited")
    });
}

#[test]
fn edits_new_files_and_deletions_reach_the_served_site() {
    let site = copy_site(&fixture("sites/references"));
    let served = Served::start(site.path(), &[]);
    retitle_talks(site.path(), &served);

    // A new actor file gives the actor its page with the new name.
    std::fs::write(
        site.path().join("content/actors/xi-jinping.md"),
        "---\nname: Xi Jinping\nkind: person\nrole: President of China\n---\nA new biography.\n",
    )
    .expect("written");
    served.wait_for("actors/xi-jinping/", "showed the new actor file", |f| {
        f.status == 200 && f.body.contains("A new biography.")
    });

    // A new briefing, then renamed, then deleted.
    let new = site.path().join("content/briefings/later.md");
    std::fs::write(
        &new,
        "---\ntitle: Later talks\ndate: 2026-01-05\n---\nMore.\n",
    )
    .expect("written");
    served.wait_for("briefings/later/", "served the new briefing", |f| {
        f.status == 200
    });
    let renamed = site.path().join("content/briefings/renamed.md");
    std::fs::rename(&new, &renamed).expect("renamed");
    served.wait_for("briefings/renamed/", "served the renamed briefing", |f| {
        f.status == 200
    });
    assert_eq!(served.get("briefings/later/").status, 404);
    std::fs::remove_file(&renamed).expect("removed");
    served.wait_for("briefings/renamed/", "dropped the deleted briefing", |f| {
        f.status == 404
    });
}

/// Every file served after an edit is the file that `dossier build` writes (but for
/// the live-reload tag), whether it is asked for while the rebuild is being finished,
/// when it is made on its own, or after.
#[test]
fn an_edited_site_serves_what_a_build_writes_while_and_after_it_rebuilds() {
    let site = copy_site(&fixture("sites/references"));
    let served = Served::start(site.path(), &[]);
    let rebuilds = |stderr: &str| stderr.matches("Rebuilt in").count();
    retitle_talks(site.path(), &served);
    let out = tempfile::tempdir().expect("a temporary folder");
    let output = build(site.path(), &["--output", &out.path().to_string_lossy()]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let built = read_tree(out.path());
    let compare = || {
        for (path, bytes) in &built {
            let fetched = served.get(path);
            assert_eq!(fetched.status, 200, "{path}");
            assert!(
                fetched.body.replace(LIVE_RELOAD, "") == String::from_utf8_lossy(bytes),
                "/{path} differs from the built file"
            );
        }
    };
    compare();
    served.wait_until("finished the rebuild", |stderr| rebuilds(stderr) > 0);
    compare();
    assert_eq!(served.get("briefings/gone/").status, 404);
}

// A save made while a rebuild renders stops it (and the next rebuild serves both
// saves): `serve::rebuild::tests` holds the render at a page through its `Newer` hook,
// which no test of the real binary could do without depending on how long a render takes.

#[test]
fn editors_saves_are_shown_and_none_is_an_error() {
    let site = copy_site(&fixture("sites/references"));
    let served = Served::start(site.path(), &[]);
    let channel = Channel::open(&served);
    let folder = site.path().join("content/briefings");
    let briefing = folder.join("talks.md");
    let text = std::fs::read_to_string(&briefing).expect("readable");

    // vim: a probe file, the original renamed to a backup, the new text written, the
    // backup removed; a swap file beside it all along.
    std::fs::write(folder.join(".talks.md.swp"), "swap").expect("written");
    std::fs::write(folder.join("4913"), "").expect("written");
    std::fs::remove_file(folder.join("4913")).expect("removed");
    std::fs::rename(&briefing, folder.join("talks.md~")).expect("renamed");
    std::fs::write(
        &briefing,
        text.replace("title: Talks", "title: Talks by vim"),
    )
    .expect("written");
    std::fs::remove_file(folder.join("talks.md~")).expect("removed");
    channel.expect("reload");
    served.wait_for("briefings/talks/", "showed vim's save", |f| {
        f.body.contains("Talks by vim")
    });

    // JetBrains: the new text in a temporary file, the original renamed aside, the
    // temporary file renamed into place, the old one removed.
    let temporary = folder.join("talks.md___jb_tmp___");
    std::fs::write(
        &temporary,
        text.replace("title: Talks", "title: Talks by JetBrains"),
    )
    .expect("written");
    std::fs::rename(&briefing, folder.join("talks.md___jb_old___")).expect("renamed");
    std::fs::rename(&temporary, &briefing).expect("renamed");
    std::fs::remove_file(folder.join("talks.md___jb_old___")).expect("removed");
    channel.expect("reload");
    served.wait_for("briefings/talks/", "showed JetBrains' save", |f| {
        f.body.contains("Talks by JetBrains")
    });

    assert!(!served.stderr().contains("error"), "{}", served.stderr());
}

/// A save that changes no byte reloads nothing. The server is otherwise idle, so the
/// only rebuild is that save's. (That the events of one editor's save make one
/// rebuild is a matter of the time between them: `serve::batch` tests it with
/// explicit instants.)
#[test]
fn a_save_that_changes_nothing_reloads_nothing() {
    let site = copy_site(&fixture("sites/references"));
    let served = Served::start(site.path(), &[]);
    let briefing = site.path().join("content/briefings/talks.md");
    let saved = std::fs::read(&briefing).expect("readable");
    std::fs::write(&briefing, saved).expect("written");
    served.wait_until("found nothing changed", |stderr| {
        stderr.contains("nothing changed")
    });
    assert!(!served.stderr().contains("reloaded"), "{}", served.stderr());
}

#[test]
fn a_broken_file_keeps_the_last_good_site_and_shows_the_error_until_mended() {
    let site = copy_site(&fixture("sites/references"));
    let served = Served::start(site.path(), &[]);
    let channel = Channel::open(&served);
    let briefing = site.path().join("content/briefings/talks.md");
    let good = std::fs::read_to_string(&briefing).expect("readable");
    let before = served.get("briefings/talks/").body;

    // Line 5 becomes an unclosed list, with markup in it.
    std::fs::write(
        &briefing,
        good.replace("topics: [PEACE PLAN]", "topics: [<script>alert(1)</script>"),
    )
    .expect("written");
    let error = channel.expect("error");
    let text = error["text"].as_str().expect("the error's text");
    // The unclosed list is reported on the line that opens it, line 5.
    assert!(
        text.contains("content/briefings/talks.md:5: error: invalid YAML"),
        "{text}"
    );
    assert_eq!(
        served.get("briefings/talks/").body,
        before,
        "the last good page"
    );
    // The overlay may be sent before the same error is printed: wait for the line.
    served.wait_until("printed the error", |stderr| {
        stderr.contains("content/briefings/talks.md:5: error: invalid YAML")
    });

    // A page that opens the channel now hears the error at once.
    let late = Channel::open(&served);
    let error = late.expect("error");
    assert!(
        error["text"]
            .as_str()
            .is_some_and(|t| t.contains("invalid YAML"))
    );

    std::fs::write(
        &briefing,
        good.replace("title: Talks", "title: Talks, mended"),
    )
    .expect("written");
    channel.expect("reload");
    served.wait_for("briefings/talks/", "showed the mended page", |f| {
        f.body.contains("Talks, mended")
    });
}

#[test]
fn a_site_that_does_not_build_yet_is_served_once_mended() {
    let site = copy_site(&fixture("sites/minimal"));
    let briefing = site.path().join("content/briefings/only.md");
    let good = std::fs::read_to_string(&briefing).expect("readable");
    std::fs::write(&briefing, "---\ntitle: [unclosed\n---\n").expect("written");
    let served = Served::start(site.path(), &[]);
    let waiting = served.get("");
    assert_eq!(waiting.status, 404);
    assert!(
        waiting.body.contains("/__dossier/live.js"),
        "{}",
        waiting.body
    );
    let channel = Channel::open(&served);
    let error = channel.expect("error");
    assert!(
        error["text"]
            .as_str()
            .is_some_and(|t| t.contains("content/briefings/only.md:")),
        "{error}"
    );
    std::fs::write(&briefing, good).expect("written");
    channel.expect("reload");
    served.wait_for("", "served the mended site", |f| f.status == 200);
}

#[test]
fn drafts_are_served_only_with_the_flag() {
    let site = copy_site(&fixture("sites/drafts"));
    let without = Served::start(site.path(), &[]);
    assert_eq!(without.get("briefings/unfinished/").status, 404);
    let with = Served::start(site.path(), &["--drafts"]);
    assert_eq!(with.get("briefings/unfinished/").status, 200);
}

#[test]
fn a_source_folder_moved_away_and_back_is_watched_again() {
    let site = copy_site(&fixture("sites/references"));
    let served = Served::start(site.path(), &[]);
    let content = site.path().join("content");
    let aside = site.path().join("content-aside");
    std::fs::rename(&content, &aside).expect("moved away");
    served.wait_until("said content/ is gone", |stderr| {
        stderr.contains("there is no content/ folder")
    });
    served.wait_for("", "kept the last good site", |f| f.status == 200);
    // The rebuild after the move back watches content/ again before it reads it.
    std::fs::rename(&aside, &content).expect("moved back");
    served.wait_until("rebuilt after the move back", |stderr| {
        stderr.contains("Rebuilt in")
    });
    let briefing = content.join("briefings/talks.md");
    let text = std::fs::read_to_string(&briefing).expect("readable");
    std::fs::write(
        &briefing,
        text.replace("title: Talks", "title: Talks, again"),
    )
    .expect("written");
    served.wait_for("briefings/talks/", "showed an edit after the move", |f| {
        f.body.contains("Talks, again")
    });
}

#[test]
fn a_template_error_is_shown_and_a_stylesheet_change_swaps_without_reload() {
    let site = copy_site(&fixture("sites/minimal"));
    let served = Served::start(site.path(), &[]);
    let channel = Channel::open(&served);

    std::fs::create_dir_all(site.path().join("static")).expect("a folder");
    std::fs::write(site.path().join("static/style.css"), "body { color: red }").expect("written");
    channel.expect("css");
    served.wait_for("style.css", "served the new stylesheet", |f| {
        f.body == "body { color: red }"
    });

    std::fs::create_dir_all(site.path().join("templates")).expect("a folder");
    std::fs::write(
        site.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}{{ nope( }}{% endblock content %}",
    )
    .expect("written");
    let error = channel.expect("error");
    assert!(
        error["text"]
            .as_str()
            .is_some_and(|t| t.contains("404.html")),
        "{error}"
    );
    std::fs::write(
        site.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<p>Lost here.</p>{% endblock content %}",
    )
    .expect("written");
    channel.expect("reload");
    served.wait_for("nowhere", "showed the new 404 template", |f| {
        f.status == 404 && f.body.contains("Lost here.")
    });
}

#[test]
fn a_static_file_that_replaces_a_page_comes_and_goes() {
    let site = copy_site(&fixture("sites/minimal"));
    let served = Served::start(site.path(), &[]);
    let page = site.path().join("static/404.html");
    std::fs::create_dir_all(site.path().join("static")).expect("a folder");
    std::fs::write(&page, "<p>Static not found</p>").expect("written");
    served.wait_for("nowhere", "served the static 404 page", |f| {
        f.status == 404 && f.body == "<p>Static not found</p>"
    });
    std::fs::remove_file(&page).expect("removed");
    served.wait_for("nowhere", "served the rendered 404 page again", |f| {
        f.status == 404 && f.body.contains("Page not found")
    });
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly_even_with_pages_listening() {
    let site = copy_site(&fixture("sites/minimal"));
    let mut served = Served::start(site.path(), &[]);
    let _listening = Channel::open(&served);
    let status = served.interrupt();
    assert!(status.success(), "{status}: {}", served.stderr());
    // The pipe may still be draining.
    served.wait_until("said it stopped", |stderr| stderr.contains("Stopped."));
    assert!(
        served.stderr().ends_with("Stopped.\n"),
        "{}",
        served.stderr()
    );
}

#[test]
fn a_port_in_use_is_an_error_that_names_it() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().expect("an address").port().to_string();
    let site = copy_site(&fixture("sites/minimal"));
    let output = dossier()
        .args(["serve", "--port", &port, "--root"])
        .arg(site.path())
        .timeout(Duration::from_secs(30))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("port {port} is in use")),
        "{stderr}"
    );
}

#[test]
fn built_output_carries_no_live_reload() {
    let site = copy_site(&fixture("sites/references"));
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    for (path, bytes) in read_tree(&site.path().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__dossier"),
            "{path} carries the live-reload script"
        );
        assert!(
            !text.contains("WebSocket"),
            "{path} carries a reload channel"
        );
    }
}

/// The warnings of the internal link check in `text` (the lines that say a link goes
/// nowhere), sorted.
fn link_warnings(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .filter(|line| line.contains("goes nowhere"))
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

/// `serve` checks every internal link as `build` does: a broken one is printed with
/// the same words, file and line, and shown over the open pages (and over pages opened
/// later) until a rebuild mends it; the site is served meanwhile.
#[test]
fn serve_checks_internal_links_as_build_does_and_shows_them_over_the_pages() {
    let site = copy_site(&fixture("sites/references"));
    let briefing = site.path().join("content/briefings/talks.md");
    let good = std::fs::read_to_string(&briefing).expect("readable");
    let broken = good.replace(
        "Body.",
        "Body.\n\nSee [the plan](/briefings/nope/) and [a part](/briefings/talks/#nowhere).",
    );
    std::fs::write(&briefing, &broken).expect("written");
    let out = tempfile::tempdir().expect("a folder");
    let public = out.path().join("public");
    let built = build(site.path(), &["--output", public.to_str().expect("a path")]);
    let expected = link_warnings(&report(&built, site.path()));
    assert_eq!(
        expected,
        [
            "content/briefings/talks.md:36: warning: the link to briefings/nope/index.html goes nowhere: the dossier has no such file (seen on briefings/talks/index.html)",
            "content/briefings/talks.md:36: warning: the link to briefings/talks/index.html#nowhere goes nowhere: that page has no id 'nowhere' (seen on briefings/talks/index.html)",
        ]
    );

    // The first build, before the server starts, is checked too.
    let served = Served::start(site.path(), &[]);
    served.wait_until("printed the broken links", |stderr| {
        link_warnings(stderr) == expected
    });
    let channel = Channel::open(&served);
    let problems = channel.expect("problems");
    assert_eq!(
        link_warnings(problems["text"].as_str().unwrap_or_default()),
        expected
    );
    assert_eq!(
        problems["title"],
        "The site was rebuilt, with these problems."
    );
    assert!(served.get("briefings/talks/").body.contains("the plan"));

    // Mended: the pages reload, and a page opened now hears of no problem.
    std::fs::write(&briefing, &good).expect("written");
    channel.expect("reload");
    served.wait_for("briefings/talks/", "showed the mended page", |f| {
        !f.body.contains("the plan")
    });
    served.wait_until("rebuilt", |stderr| stderr.contains("Rebuilt in"));
    let mended = Channel::open(&served);

    // Broken again while the page listens: the problems come over the channel.
    std::fs::write(&briefing, &broken).expect("written");
    channel.expect("reload");
    // The page opened on the mended site heard of no problem before this rebuild.
    let next = mended
        .messages
        .recv_timeout(PATIENCE)
        .expect("a message on the reload channel");
    assert_eq!(next["type"], "reload", "{next}");
    let problems = channel.expect("problems");
    assert_eq!(
        link_warnings(problems["text"].as_str().unwrap_or_default()),
        expected
    );
    let late = Channel::open(&served);
    let problems = late.expect("problems");
    assert_eq!(
        link_warnings(problems["text"].as_str().unwrap_or_default()),
        expected
    );
}

/// `serve --base-url` takes the place of dossier.yaml's address, as `build --base-url`
/// does: the served sitemap, canonical links and robots.txt name it, and the served
/// pages are built's, but for the live-reload tag.
#[test]
fn serve_base_url_overrides_the_sites_address_as_build_does() {
    let site = copy_site(&fixture("sites/references"));
    let address = "https://preview.example/pr-7/";
    let served = Served::start(site.path(), &["--base-url", address]);
    let out = tempfile::tempdir().expect("a folder");
    let public = out.path().join("public");
    let built = build(
        site.path(),
        &[
            "--base-url",
            address,
            "--output",
            public.to_str().expect("a path"),
        ],
    );
    assert!(built.status.success(), "{}", report(&built, site.path()));
    for path in ["sitemap.xml", "robots.txt", "briefings/talks/index.html"] {
        let body = served.get(path).body;
        assert!(body.contains(address), "{path}: {body}");
        let written = std::fs::read_to_string(public.join(path)).expect("built");
        assert_eq!(body.replace(LIVE_RELOAD, ""), written, "{path}");
    }
}
