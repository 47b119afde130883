//! The pieces of a briefing's front matter that its items share: its slug, its
//! sources, and where each item of its lists is written ([`Items`], [`Item`]), with the
//! checks of the values every item has (required texts, dates, cited sources).
//!
//! Owns: lines of items for diagnostics, the sources' ids and addresses. Must not:
//! resolve a name (that is `read`'s, through the names).

use std::path::Path;

use super::{At, Problems, parse_date};
use crate::content::schema::BriefingFront;
use crate::content::{Document, Locator};
use crate::markdown;
use crate::model::{Date, Source, id_problem, slugify};

/// The slug of a briefing: its `slug:`, or one made from its file name.
pub(super) fn briefing_slug(
    doc: &Document<BriefingFront>,
    locator: &Locator<'_>,
    problems: &mut Problems<'_>,
) -> Option<String> {
    let path = doc.path.as_path();
    match doc.front.slug.as_deref() {
        Some(slug) => {
            let slug = slug.trim();
            match id_problem(slug) {
                None => Some(slug.to_string()),
                Some(problem) => {
                    let line = locator.key("slug").unwrap_or(doc.yaml_line);
                    problems.error(
                        path,
                        line,
                        format!("slug '{slug}' cannot be used: {problem}"),
                    );
                    None
                }
            }
        }
        None => {
            let slug = slugify(&doc.stem);
            match id_problem(&slug) {
                None => Some(slug),
                Some(problem) => {
                    let message = format!(
                        "cannot make a slug from the file name ({problem}): rename the file, or add `slug:`"
                    );
                    problems.error(path, 1, message);
                    None
                }
            }
        }
    }
}

/// The sources a briefing cites, each with a unique id and a safe address.
pub(super) fn read_sources(
    doc: &Document<BriefingFront>,
    locator: &Locator<'_>,
    problems: &mut Problems<'_>,
) -> Vec<Source> {
    let path = doc.path.as_path();
    let mut sources: Vec<Source> = Vec::new();
    for (index, source) in doc.front.sources.iter().enumerate() {
        let Some(id) = source
            .id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        else {
            let line = locator.find(Some(("sources", index)), "");
            problems.error(
                path,
                line,
                "a source needs an `id:` to be cited by, such as `id: cgtn`",
            );
            continue;
        };
        if sources.iter().any(|s| s.id == id) {
            let line = locator.find(Some(("sources", index)), id);
            problems.error(
                path,
                line,
                format!("source id '{id}' is used twice in this briefing"),
            );
            continue;
        }
        let url = source.url.as_deref().unwrap_or_default().trim();
        let url = match markdown::source_url_problem(url) {
            None => url.to_string(),
            Some((is_error, message)) => {
                let line = locator.field("sources", index, "url");
                match is_error {
                    true => problems.error(path, line, message),
                    false => problems.warning(path, line, message),
                }
                String::new()
            }
        };
        sources.push(Source {
            id: id.to_string(),
            title: text(&source.title),
            publisher: text(&source.publisher),
            url,
        });
    }
    sources
}

/// A written text, trimmed; empty when absent.
pub(super) fn text(value: &Option<String>) -> String {
    value.as_deref().unwrap_or_default().trim().to_string()
}

/// What every item of a briefing's lists shares: its file, its lines, its sources and
/// the briefing's date, which items take when they give none.
pub(super) struct Items<'b> {
    pub(super) path: &'b Path,
    pub(super) locator: &'b Locator<'b>,
    pub(super) sources: &'b [Source],
    pub(super) date: Option<Date>,
}

impl<'b> Items<'b> {
    /// Item `index` of the list `list`.
    pub(super) fn at(&'b self, list: &'b str, index: usize) -> Item<'b> {
        Item {
            items: self,
            path: self.path,
            list,
            index,
        }
    }
}

/// One item of a list (`meetings`, `positions`, `quotes`) of a briefing.
pub(super) struct Item<'b> {
    items: &'b Items<'b>,
    pub(super) path: &'b Path,
    list: &'b str,
    pub(super) index: usize,
}

impl Item<'_> {
    /// The line where the item starts.
    pub(super) fn line(&self) -> usize {
        self.items.locator.find(Some((self.list, self.index)), "")
    }

    /// The line of the item's `field:`.
    pub(super) fn field(&self, field: &str) -> usize {
        self.items.locator.field(self.list, self.index, field)
    }

    /// Where the item's `field:` is, for a reference written there.
    pub(super) fn at_field(&self, field: &str) -> At<'_, impl Fn() -> usize> {
        At {
            path: self.path,
            line: move || self.field(field),
        }
    }

    /// Where `value` is written inside the item, for a reference in a list.
    pub(super) fn at_value(&self, value: &str) -> At<'_, impl Fn() -> usize> {
        At {
            path: self.path,
            line: move || {
                self.items
                    .locator
                    .find(Some((self.list, self.index)), value)
            },
        }
    }

    /// Reports a missing required value.
    pub(super) fn missing<T>(&self, message: &str, problems: &mut Problems<'_>) -> Option<T> {
        problems.error(self.path, self.line(), message);
        None
    }

    /// A required text, trimmed, or an error.
    pub(super) fn required(
        &self,
        value: &Option<String>,
        message: &str,
        problems: &mut Problems<'_>,
    ) -> Option<String> {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            Some(value) => Some(value.to_string()),
            None => self.missing(message, problems),
        }
    }

    /// The item's date, or the briefing's when it gives none.
    pub(super) fn date(&self, written: Option<&str>, problems: &mut Problems<'_>) -> Option<Date> {
        match written {
            Some(text) => parse_date(text, self.path, || self.field("date"), problems),
            None => self.items.date,
        }
    }

    /// The index of the source the item cites, if it cites one the briefing lists.
    pub(super) fn source(
        &self,
        reference: Option<&str>,
        problems: &mut Problems<'_>,
    ) -> Option<usize> {
        let reference = reference.map(str::trim).filter(|s| !s.is_empty())?;
        let sources = self.items.sources;
        if let Some(found) = sources.iter().position(|s| s.id == reference) {
            return Some(found);
        }
        let hint = if sources.is_empty() {
            "this briefing lists no `sources:`".to_string()
        } else {
            let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
            format!("this briefing's sources are: {}", known.join(", "))
        };
        problems.error(
            self.path,
            self.field("source"),
            format!("unknown source '{reference}': {hint}"),
        );
        None
    }
}
