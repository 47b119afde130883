//! `dossier check --links`: every source address (`sources: - url:`) requested, to
//! find the dead and the moved ones, each reported at its briefing's file and line.
//!
//! A HEAD request first, then a GET where HEAD is refused (any answer of 400 or
//! more), with redirects not followed: 301 and 308 are reported as moved (with the
//! new address), 4xx and 5xx, no answer within the timeout and no connection as dead.
//! At most [`PER_HOST`] requests at a time go to one host, [`HOSTS`] hosts at a time.
//! Answers are kept for a day in `.dossier-cache/links.json` in the site's folder
//! (not those that failed for want of an answer, which may be passing). This module
//! only reads the model and the briefings' files; it never runs in a build.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostics;
use crate::model::Dossier;

/// Requests at a time to one host.
pub const PER_HOST: usize = 2;
/// Hosts requested at a time.
pub const HOSTS: usize = 8;
/// How long an answer is kept.
pub const KEPT_FOR: Duration = Duration::from_secs(24 * 60 * 60);
/// The cache, in the site's folder.
pub const CACHE_FILE: &str = ".dossier-cache/links.json";

/// What an address answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Answer {
    /// 2xx, or a temporary redirect.
    Alive { status: u16 },
    /// 301 or 308, to `location`.
    Moved { status: u16, location: String },
    /// 4xx or 5xx.
    Dead { status: u16 },
    /// No answer within the timeout.
    Silent,
    /// No connection (no such host, refused, a TLS failure).
    Unreachable { reason: String },
}

impl Answer {
    /// Kept in the cache: an answer the server gave, not the want of one.
    fn kept(&self) -> bool {
        !matches!(self, Answer::Silent | Answer::Unreachable { .. })
    }

    /// What to tell the author, or `None` when the address is fine.
    fn problem(&self, url: &str, timeout: Duration) -> Option<String> {
        match self {
            Answer::Alive { .. } => None,
            Answer::Moved { status, location } => Some(format!(
                "the source {url} has moved ({status}) to {location}: write the new address"
            )),
            Answer::Dead { status } => Some(format!(
                "the source {url} is dead: it answers {status}{}: replace it, or link an archived copy",
                reason(*status)
            )),
            Answer::Silent => Some(format!(
                "the source {url} did not answer within {} s: check it, or link an archived copy",
                timeout.as_secs()
            )),
            Answer::Unreachable { reason } => Some(format!(
                "the source {url} cannot be reached ({reason}): check the address"
            )),
        }
    }
}

fn reason(status: u16) -> String {
    match http_reason(status) {
        Some(text) => format!(" {text}"),
        None => String::new(),
    }
}

fn http_reason(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}

/// One source address, and where it is written.
#[derive(Clone, Debug)]
struct Cited {
    url: String,
    path: PathBuf,
    line: Option<usize>,
}

/// The cache file's content.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Cache {
    /// Each address, with when it answered (seconds since 1970) and what.
    links: BTreeMap<String, (u64, Answer)>,
}

/// What a check of the links found, for the summary.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub addresses: usize,
    pub from_cache: usize,
    pub problems: usize,
}

/// Requests every http(s) source address of `dossier` (those answered less than a day
/// ago come from the cache in `root`), and reports each dead or moved one to
/// `diagnostics` as a warning at its briefing's line.
pub fn check(
    dossier: &Dossier,
    root: &Path,
    timeout: Duration,
    diagnostics: &mut Diagnostics,
) -> anyhow::Result<Tally> {
    let cited = cited(dossier, root);
    let cache_path = root.join(CACHE_FILE);
    let mut cache: Cache = std::fs::read(&cache_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    cache
        .links
        .retain(|_, (when, _)| now.saturating_sub(*when) < KEPT_FOR.as_secs());
    let mut distinct: Vec<&str> = cited.iter().map(|c| c.url.as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let asked: Vec<&str> = distinct
        .iter()
        .copied()
        .filter(|url| !cache.links.contains_key(*url))
        .collect();
    let answers = request_all(&asked, timeout);
    let mut tally = Tally {
        addresses: distinct.len(),
        from_cache: distinct.len() - asked.len(),
        problems: 0,
    };
    let mut known: HashMap<String, Answer> = cache
        .links
        .iter()
        .map(|(url, (_, answer))| (url.clone(), answer.clone()))
        .collect();
    for (url, answer) in asked.iter().zip(answers) {
        if answer.kept() {
            cache.links.insert(url.to_string(), (now, answer.clone()));
        }
        known.insert(url.to_string(), answer);
    }
    for c in &cited {
        if let Some(message) = known
            .get(c.url.as_str())
            .and_then(|a| a.problem(&c.url, timeout))
        {
            tally.problems += 1;
            diagnostics.warning(&c.path, c.line, message);
        }
    }
    if let Some(parent) = cache_path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", parent.display()))?;
    }
    let text = serde_json::to_string_pretty(&cache)?;
    std::fs::write(&cache_path, text + "\n")
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", cache_path.display()))?;
    Ok(tally)
}

/// Every http(s) source address of every briefing, with the line it is written on
/// (the first line of the briefing's file that holds it).
fn cited(dossier: &Dossier, root: &Path) -> Vec<Cited> {
    let mut cited = Vec::new();
    for briefing in &dossier.briefings {
        let urls: Vec<&str> = briefing
            .sources
            .iter()
            .map(|s| s.url.as_str())
            .filter(|url| url.starts_with("http://") || url.starts_with("https://"))
            .collect();
        if urls.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(root.join(&briefing.path)).unwrap_or_default();
        for url in urls {
            let line = text.lines().position(|l| l.contains(url)).map(|i| i + 1);
            cited.push(Cited {
                url: url.to_string(),
                path: briefing.path.clone(),
                line,
            });
        }
    }
    cited
}

/// The answer of each of `urls`, in order: [`PER_HOST`] at a time per host, [`HOSTS`]
/// hosts at a time.
fn request_all(urls: &[&str], timeout: Duration) -> Vec<Answer> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(concat!(
            "dossier/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let mut by_host: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, url) in urls.iter().enumerate() {
        by_host.entry(host(url)).or_default().push(i);
    }
    let hosts = Mutex::new(by_host.into_values().collect::<Vec<_>>());
    let answers = Mutex::new(vec![None; urls.len()]);
    std::thread::scope(|scope| {
        for _ in 0..HOSTS.min(urls.len()) {
            scope.spawn(|| {
                while let Some(queue) = hosts.lock().unwrap_or_else(|e| e.into_inner()).pop() {
                    let queue = Mutex::new(queue);
                    std::thread::scope(|per_host| {
                        for _ in 0..PER_HOST {
                            per_host.spawn(|| {
                                while let Some(i) =
                                    queue.lock().unwrap_or_else(|e| e.into_inner()).pop()
                                {
                                    let answer = request(&agent, urls[i]);
                                    answers.lock().unwrap_or_else(|e| e.into_inner())[i] =
                                        Some(answer);
                                }
                            });
                        }
                    });
                }
            });
        }
    });
    answers
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|a| a.unwrap_or(Answer::Silent))
        .collect()
}

/// The host (and port) of an address, for the limit per host.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

/// HEAD, then GET where HEAD is refused.
fn request(agent: &ureq::Agent, url: &str) -> Answer {
    match answer(agent.head(url).call()) {
        Answer::Dead { .. } | Answer::Unreachable { .. } => answer(agent.get(url).call()),
        other => other,
    }
}

fn answer(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let response = match result {
        Ok(response) => response,
        Err(ureq::Error::Timeout(_)) => return Answer::Silent,
        Err(ureq::Error::Io(e)) if e.kind() == std::io::ErrorKind::TimedOut => {
            return Answer::Silent;
        }
        Err(e) => {
            return Answer::Unreachable {
                reason: e.to_string(),
            };
        }
    };
    let status = response.status().as_u16();
    match status {
        301 | 308 => Answer::Moved {
            status,
            location: response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("an address it does not give")
                .to_string(),
        },
        400.. => Answer::Dead { status },
        _ => Answer::Alive { status },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_told_apart_by_name_and_port() {
        assert_eq!(host("https://example.org/a?b"), "example.org");
        assert_eq!(host("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
        assert_eq!(host("https://example.org"), "example.org");
    }

    #[test]
    fn only_answers_a_server_gave_are_kept() {
        assert!(Answer::Dead { status: 404 }.kept());
        assert!(!Answer::Silent.kept());
        assert!(!Answer::Unreachable { reason: "x".into() }.kept());
    }
}
