//! The internal link check: every link (`href`, `src`) and anchor of every page, checked
//! against the rendered output before it is kept, and every id of a page checked to be
//! unique.
//!
//! [`Checked`] stands between the render and the place its files go: it passes every
//! file on and reads each page once as it goes by, keeping only its ids and internal
//! addresses. [`Checked::report`] then checks each address against the files and the
//! ids in one more pass, and names the content file (and line) each broken one comes
//! from. It writes nothing itself and knows no template.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostics::{Diagnostics, Format};
use crate::failure::ContentErrors;
use crate::model::Dossier;
use crate::render::Sink;
use scan::{PageLinks, scan};

mod scan;

/// Every distinct link target of the site (`path#fragment`), each kept once: the same
/// few links (the navigation, the front page) are on every page.
#[derive(Debug, Default)]
struct Targets {
    keys: FastMap<String, u32>,
    list: Vec<String>,
}

/// FNV-1a: the maps here hash millions of short paths, which SipHash makes a tenth of
/// the check's time.
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// Where a problem is reported: the content file, its line when known, the message.
type Place = (PathBuf, Option<usize>, String);

/// A sink that checks the links of the pages written through it.
pub struct Checked<'s> {
    inner: &'s dyn Sink,
    files: Mutex<FastSet<String>>,
    pages: Mutex<FastMap<String, PageLinks>>,
    targets: Mutex<Targets>,
}

impl<'s> Checked<'s> {
    /// Passes every file on to `inner`.
    pub fn new(inner: &'s dyn Sink) -> Self {
        Checked {
            inner,
            files: Mutex::default(),
            pages: Mutex::default(),
            targets: Mutex::default(),
        }
    }

    /// Prints every broken link and repeated id (as warnings; errors when `strict` or
    /// the site's `strict: true`), in
    /// `format`, naming the content file under `root` each comes from; fails when one
    /// is an error.
    pub fn report(
        self,
        dossier: &Dossier,
        root: &Path,
        strict: bool,
        format: Format,
    ) -> Result<(), ContentErrors> {
        let diagnostics = self.diagnostics(dossier, root, strict);
        crate::pipeline::report_as(&diagnostics, format);
        if diagnostics.has_errors() {
            return Err(crate::pipeline::content_failure(&diagnostics));
        }
        Ok(())
    }

    /// What [`Checked::report`] prints, unprinted (for `dossier serve`, which also
    /// shows it over the open pages).
    pub fn diagnostics(self, dossier: &Dossier, root: &Path, strict: bool) -> Diagnostics {
        let mut diagnostics = self.problems(dossier, root);
        if strict || dossier.config.strict {
            diagnostics.make_strict();
        }
        diagnostics
    }

    /// Every broken link and repeated id, each reported once, at the content file and
    /// line it comes from when they can be found.
    fn problems(self, dossier: &Dossier, root: &Path) -> Diagnostics {
        let files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        let pages = self.pages.into_inner().unwrap_or_else(|e| e.into_inner());
        let sources = page_sources(dossier);
        let mut texts: HashMap<PathBuf, Option<String>> = HashMap::new();
        let mut found = |page: &str, needles: &[&str]| -> (PathBuf, Option<usize>) {
            let Some(source) = sources.get(page) else {
                return (PathBuf::from(page), None);
            };
            let text = texts
                .entry(source.clone())
                .or_insert_with(|| std::fs::read_to_string(root.join(source)).ok());
            let line = text.as_deref().and_then(|text| {
                needles
                    .iter()
                    .filter(|n| !n.is_empty())
                    .find_map(|needle| text.lines().position(|l| l.contains(needle)).map(|i| i + 1))
            });
            (source.clone(), line)
        };
        let targets = self.targets.into_inner().unwrap_or_else(|e| e.into_inner());
        // What is wrong with each target, found once however many pages link to it.
        let verdicts: Vec<Option<String>> = targets
            .list
            .iter()
            .map(|key| {
                let (target, fragment) = key.split_once('#').unwrap_or((key, ""));
                if !files.contains(target) {
                    return Some(format!(
                        "the link to {target} goes nowhere: the dossier has no such file"
                    ));
                }
                match pages.get(target) {
                    Some(linked) if !fragment.is_empty() && !linked.has_id(fragment) => Some(
                        format!("the link to {key} goes nowhere: that page has no id '{fragment}'"),
                    ),
                    _ => None,
                }
            })
            .collect();
        // Each broken target once: where a line was found for it, else where first seen.
        let mut broken: HashMap<&str, Vec<Place>> = HashMap::new();
        let mut names: Vec<&String> = pages.keys().collect();
        names.sort();
        let mut diagnostics = Diagnostics::default();
        for name in names {
            let page = &pages[name];
            for id in &page.twice {
                let (path, line) = found(name, &[&format!("{{#{id}}}"), &format!("id: {id}")]);
                diagnostics.warning(
                    &path,
                    line,
                    format!("the id '{id}' is given twice in {name}: a link to #{id} reaches only the first; give one of them another id"),
                );
            }
            for address in &page.above_root {
                let (path, line) = found(name, &[address]);
                diagnostics.warning(
                    &path,
                    line,
                    format!("the link '{address}' goes above the dossier's root (seen on {name})"),
                );
            }
            for &at in &page.targets {
                let Some(problem) = &verdicts[at as usize] else {
                    continue;
                };
                let key = targets.list[at as usize].as_str();
                let (target, fragment) = key.split_once('#').unwrap_or((key, ""));
                let folder = target.strip_suffix("index.html").unwrap_or(target);
                let anchor = format!("#{fragment}");
                let needles = [folder.trim_end_matches('/'), anchor.as_str()];
                let (path, line) = found(name, &needles[..if fragment.is_empty() { 1 } else { 2 }]);
                broken.entry(key).or_default().push((
                    path,
                    line,
                    format!("{problem} (seen on {name})"),
                ));
            }
        }
        let mut keys: Vec<&&str> = broken.keys().collect();
        keys.sort();
        for key in keys {
            let places = &broken[key];
            let mut with_line: Vec<&Place> = places
                .iter()
                .filter(|(_, line, _)| line.is_some())
                .collect();
            with_line.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
            let chosen = if with_line.is_empty() {
                vec![&places[0]]
            } else {
                with_line
            };
            for (path, line, problem) in chosen {
                diagnostics.warning(path, *line, problem.clone());
            }
        }
        diagnostics
    }
}

impl Sink for Checked<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        // The 404 page links from the site's root path, as a server shows it at any
        // address: its links are not relative, and are not checked.
        if path.ends_with(".html") && !path.ends_with("404.html") {
            // The page is read without the lock, its targets gathered in one string;
            // each is then numbered, a known one (the navigation is on every page) by
            // a lookup, without a string of its own.
            let mut found = String::new();
            let mut ends = Vec::new();
            let mut links = scan(path, bytes, |key| {
                found.push_str(key);
                ends.push(found.len());
            });
            let mut at = Vec::with_capacity(ends.len());
            let mut targets = self.targets.lock().unwrap_or_else(|e| e.into_inner());
            let Targets { keys: known, list } = &mut *targets;
            let mut start = 0;
            for end in ends {
                let key = &found[start..end];
                start = end;
                at.push(match known.get(key) {
                    Some(&at) => at,
                    None => {
                        let at = list.len() as u32;
                        list.push(key.to_string());
                        known.insert(key.to_string(), at);
                        at
                    }
                });
            }
            drop(targets);
            at.sort_unstable();
            at.dedup();
            links.targets = at;
            self.pages
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(path.to_string(), links);
        }
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
        self.inner.write(path, bytes)
    }

    fn write_with(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        // Large files (dossier.json) go straight through: no page is written this way.
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
        self.inner.write_with(path, fill)
    }
}

/// The content file each page shows first: a briefing's, an actor's or topic's file,
/// a meeting's briefing.
fn page_sources(dossier: &Dossier) -> HashMap<String, PathBuf> {
    let mut sources = HashMap::new();
    for briefing in &dossier.briefings {
        sources.insert(
            format!("briefings/{}/index.html", briefing.slug),
            briefing.path.clone(),
        );
    }
    for actor in &dossier.actors {
        if let Some(path) = &actor.path {
            sources.insert(format!("actors/{}/index.html", actor.id), path.clone());
        }
    }
    for topic in &dossier.topics {
        if let Some(path) = &topic.path {
            sources.insert(format!("topics/{}/index.html", topic.id), path.clone());
        }
    }
    for meeting in &dossier.meetings {
        let briefing = dossier.briefing(meeting.briefing);
        sources.insert(
            format!("meetings/{}/index.html", meeting.id),
            briefing.path.clone(),
        );
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_link_an_anchor_and_an_id_twice_are_found() {
        let sink = crate::output::Discard;
        let checked = Checked::new(&sink);
        checked
            .write(
                "index.html",
                b"<a href=\"briefings/a/index.html#x\">1</a><a href=\"briefings/gone/index.html\">2</a><a href=\"style.css\">3</a><a href=\"#top\">4</a><p id=\"top\"></p><p id=\"top\"></p>",
            )
            .unwrap();
        checked
            .write("briefings/a/index.html", b"<h2 id=\"y\">y</h2>")
            .unwrap();
        checked.write("style.css", b"").unwrap();
        let dossier = crate::model::resolve(
            crate::config::Config::default(),
            Default::default(),
            Default::default(),
            &mut Diagnostics::default(),
        );
        let problems: Vec<String> = checked
            .problems(&dossier, Path::new("."))
            .sorted()
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(
            problems,
            vec![
                "the id 'top' is given twice in index.html: a link to #top reaches only the first; give one of them another id",
                "the link to briefings/a/index.html#x goes nowhere: that page has no id 'x' (seen on index.html)",
                "the link to briefings/gone/index.html goes nowhere: the dossier has no such file (seen on index.html)",
            ]
        );
    }
}
