//! `dossier serve`'s server: HTTP over the last good build in memory, and the live
//! reload channel (a WebSocket) that tells every open page what changed.
//!
//! The served [`Site`] is immutable and swapped whole after each successful rebuild,
//! so a request sees one complete build, never a half-made one. While a rebuild is
//! being finished, its files may be served as they are asked for ([`Pending`]): each
//! is the file of the new build, made from it alone. The server owns no build logic
//! (that is [`rebuild`], the incremental machinery) and never reads the disk to answer
//! a request.

mod http;
mod pending;
pub mod rebuild;
mod site;

pub use pending::{Pending, Requests};
pub use site::{BuiltSite, MemorySink};

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use arc_swap::{ArcSwap, ArcSwapOption};
use tokio::sync::{broadcast, watch};

/// The tag that `dossier serve` puts before `</body>` of every page it renders.
pub const LIVE_RELOAD_TAG: &str = r#"<script src="/__dossier/live.js" defer></script>"#;

/// The overlay's words, in the site's language.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// The title over a failed build's error.
    pub failed: String,
    /// The title over the problems of a build served (its broken links).
    pub problems: String,
    /// The button that hides the overlay.
    pub hide: String,
}

/// What a rebuild told the open pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No served file changed: nothing was sent.
    Unchanged,
    /// Only stylesheets changed: pages swap them without reloading.
    Stylesheets,
    /// Pages reload.
    Reload,
}

/// A message on the reload channel.
#[derive(Debug, Clone)]
enum Message {
    /// Reload the page; carries the new [`Server::hello`].
    Reload(String),
    /// Only CSS changed: swap the stylesheets; carries the new [`Server::hello`].
    Css(String),
    /// The last change does not build: the error text.
    Failed(Arc<String>),
    /// The site served has problems that did not stop it (broken links): their text.
    Problems(Arc<String>),
}

/// The server's state, shared by every request and by the rebuilds.
#[derive(Clone)]
pub struct Server {
    shared: Arc<Shared>,
}

/// What the server serves.
enum Served {
    /// A finished build.
    Finished(Arc<BuiltSite>),
    /// A build being finished, whose files are made on request.
    Finishing(Arc<Pending>),
}

struct Shared {
    site: ArcSwap<Served>,
    /// The error of the last build, when it failed.
    error: ArcSwapOption<String>,
    /// The problems of the site served that did not stop it (broken links), when it has some.
    problems: ArcSwapOption<String>,
    /// The overlay's words in the site's language, once known.
    words: ArcSwapOption<Words>,
    /// Counts the builds served, so that a page can tell that it missed one.
    generation: AtomicU64,
    /// Tells this server from one started before or after it.
    instance: u64,
    messages: broadcast::Sender<Message>,
    stopping: watch::Sender<bool>,
    address: SocketAddr,
}

impl Server {
    /// A server for the listener bound at `address`, with no site yet: until the
    /// first [`Server::publish`], every request gets a page that waits for it.
    pub fn new(address: SocketAddr) -> Server {
        let instance = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or_default();
        Server {
            shared: Arc::new(Shared {
                site: ArcSwap::from_pointee(Served::Finished(Arc::default())),
                error: ArcSwapOption::empty(),
                problems: ArcSwapOption::empty(),
                words: ArcSwapOption::empty(),
                generation: AtomicU64::new(0),
                instance,
                messages: broadcast::channel(64).0,
                stopping: watch::channel(false).0,
                address,
            }),
        }
    }

    /// The file at `path` of the build served, or `None` when it has none there.
    pub async fn file(&self, path: &str) -> Option<axum::body::Bytes> {
        loop {
            let served = self.shared.site.load_full();
            let pending = match &*served {
                Served::Finished(site) => return site.get(path).cloned(),
                Served::Finishing(pending) => pending,
            };
            match pending.get(path).await {
                Ok(file) => return file,
                // The build was finished or failed meanwhile: the site now served
                // answers, unless it is still the same (the rebuild stopped).
                Err(pending::Gone) => {
                    if let Served::Finishing(now) = &**self.shared.site.load()
                        && Arc::ptr_eq(now, pending)
                    {
                        return None;
                    }
                }
            }
        }
    }

    /// True once a build succeeded.
    pub fn has_site(&self) -> bool {
        match &**self.shared.site.load() {
            Served::Finished(site) => !site.is_empty(),
            Served::Finishing(_) => true,
        }
    }

    /// Serves `site` from now on and tells the open pages: to swap their stylesheets
    /// when only CSS changed, to reload when anything else did, or when the last build
    /// had failed (the reload removes the error shown over the page).
    pub fn publish(&self, site: Arc<BuiltSite>) -> Outcome {
        let changed = match &**self.shared.site.load() {
            Served::Finished(served) => served.changed_paths(&site),
            Served::Finishing(_) => BuiltSite::default().changed_paths(&site),
        };
        let mended = self.shared.error.swap(None).is_some();
        if changed.is_empty() && !mended {
            return Outcome::Unchanged;
        }
        self.shared.site.store(Arc::new(Served::Finished(site)));
        // The problems of the site replaced are not this one's: [`Server::problems`]
        // tells this one's once they are known.
        self.shared.problems.store(None);
        self.tell(!mended && changed.iter().all(|path| path.ends_with(".css")))
    }

    /// Serves the build being finished, whose files `pending` makes on request, and
    /// tells the open pages to reload. [`Server::settle`] ends it.
    pub fn preview(&self, pending: Arc<Pending>) -> Outcome {
        self.shared.error.store(None);
        self.shared.problems.store(None);
        self.shared.site.store(Arc::new(Served::Finishing(pending)));
        self.tell(false)
    }

    /// Serves `site` in place of the build previewed: the same build finished (its
    /// pages were told already), or the last good one when it failed (and
    /// [`Server::fail`] tells them).
    pub fn settle(&self, site: Arc<BuiltSite>) {
        self.shared.site.store(Arc::new(Served::Finished(site)));
    }

    /// Counts a new build served and tells the open pages to swap their stylesheets
    /// or to reload.
    fn tell(&self, stylesheets_only: bool) -> Outcome {
        self.shared.generation.fetch_add(1, Ordering::SeqCst);
        let hello = self.hello();
        if stylesheets_only {
            let _ = self.shared.messages.send(Message::Css(hello));
            Outcome::Stylesheets
        } else {
            let _ = self.shared.messages.send(Message::Reload(hello));
            Outcome::Reload
        }
    }

    /// The words of the overlay, in the language of the site served.
    pub fn set_words(&self, words: Words) {
        self.shared.words.store(Some(Arc::new(words)));
    }

    /// The reload channel's message for `error`, with the overlay's words when known.
    fn error_message(&self, error: &str) -> serde_json::Value {
        let mut message = serde_json::json!({ "type": "error", "text": error });
        if let Some(words) = self.shared.words.load_full() {
            message["title"] = words.failed.clone().into();
            message["hide"] = words.hide.clone().into();
        }
        message
    }

    /// The reload channel's message for the `problems` of the site served.
    fn problems_message(&self, problems: &str) -> serde_json::Value {
        let words = self.shared.words.load_full();
        let title = match &words {
            Some(words) => words.problems.as_str(),
            None => "The site was rebuilt, with these problems.",
        };
        let mut message =
            serde_json::json!({ "type": "problems", "text": problems, "title": title });
        if let Some(words) = words {
            message["hide"] = words.hide.clone().into();
        }
        message
    }

    /// Shows `problems` of the site served (its broken links, which do not stop it)
    /// over every open page, and over every page opened until the next build; `None`
    /// when it has none.
    pub fn problems(&self, problems: Option<&str>) {
        let problems = problems.map(|text| Arc::new(text.to_string()));
        self.shared.problems.store(problems.clone());
        if let Some(problems) = problems {
            let _ = self.shared.messages.send(Message::Problems(problems));
        }
    }

    /// Keeps serving the last good site and shows `error` over every open page.
    pub fn fail(&self, error: &str) {
        let error = Arc::new(error.to_string());
        self.shared.error.store(Some(error.clone()));
        let _ = self.shared.messages.send(Message::Failed(error));
    }

    /// Names this server and its current build: a page that connects again and hears
    /// another name missed a rebuild.
    fn hello(&self) -> String {
        format!(
            "{:x}-{}",
            self.shared.instance,
            self.shared.generation.load(Ordering::SeqCst)
        )
    }

    /// Serves HTTP on `listener` until `shutdown` completes; open reload channels
    /// are closed then, so that the server stops at once.
    pub async fn run(
        &self,
        listener: tokio::net::TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let stopping = self.shared.stopping.clone();
        axum::serve(listener, http::router(self.clone()))
            .with_graceful_shutdown(async move {
                shutdown.await;
                let _ = stopping.send(true);
            })
            .await
    }

    /// True when a request whose `Host` header is `host` is meant for this server.
    fn serves_host(&self, host: &str) -> bool {
        host_allowed(host, self.shared.address)
    }
}

/// True when `host` (a `Host` header: `name:port`) names the server listening at
/// `address`: `localhost` or an IP address (loopback, the bound one, or any when
/// bound to all interfaces), with the bound port. A DNS name other than `localhost`
/// is refused, so that a page from another site cannot reach this server by making
/// its own name resolve to 127.0.0.1 (DNS rebinding).
fn host_allowed(host: &str, address: SocketAddr) -> bool {
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !port.contains(']') => (name, port.parse::<u16>().ok()),
        _ => (host, Some(80)),
    };
    if port != Some(address.port()) {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let literal = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    match literal.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == address.ip() || address.ip().is_unspecified(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_must_name_this_server() {
        let local: SocketAddr = "127.0.0.1:4000".parse().unwrap();
        for good in [
            "127.0.0.1:4000",
            "localhost:4000",
            "LocalHost:4000",
            "[::1]:4000",
        ] {
            assert!(host_allowed(good, local), "{good}");
        }
        for bad in [
            "127.0.0.1:4001",
            "127.0.0.1",
            "evil.example:4000",
            "localhost.evil.example:4000",
            "192.168.1.2:4000",
            "[::1]",
            "",
            ":4000",
        ] {
            assert!(!host_allowed(bad, local), "{bad}");
        }
        let everywhere: SocketAddr = "0.0.0.0:4000".parse().unwrap();
        assert!(host_allowed("192.168.1.2:4000", everywhere));
        assert!(!host_allowed("evil.example:4000", everywhere));
        let lan: SocketAddr = "192.168.1.2:80".parse().unwrap();
        assert!(host_allowed("192.168.1.2", lan));
        assert!(!host_allowed("192.168.1.3", lan));
    }
}
