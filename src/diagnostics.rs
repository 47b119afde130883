//! Content problems: collected, never fail-fast, printed as `path:line: severity: message`.
//!
//! This module owns the `Diagnostic` type and the collection of them for one run. It
//! does not decide what is a problem; the loading and resolving stages do.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a content problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build goes on; with `strict` it fails.
    Warning,
    /// The build fails.
    Error,
}

/// One content problem, with the file (relative to the site root) and line it is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file, relative to the site root.
    pub path: PathBuf,
    /// The 1-based line in that file, when there is one.
    pub line: Option<usize>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and, where possible, what to do about it.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display().to_string().replace('\\', "/");
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        // Author text may hold control characters (a NUL in a slug): show them escaped.
        let (path, message) = (escape_controls(&path), escape_controls(&self.message));
        match self.line {
            Some(line) => write!(f, "{path}:{line}: {severity}: {message}"),
            None => write!(f, "{path}: {severity}: {message}"),
        }
    }
}

fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every problem found in one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records an error about `path` at `line`.
    pub fn error(&mut self, path: &Path, line: Option<usize>, message: impl Into<String>) {
        self.push(path, line, Severity::Error, message.into());
    }

    /// Records a warning about `path` at `line`.
    pub fn warning(&mut self, path: &Path, line: Option<usize>, message: impl Into<String>) {
        self.push(path, line, Severity::Warning, message.into());
    }

    fn push(&mut self, path: &Path, line: Option<usize>, severity: Severity, message: String) {
        self.items.push(Diagnostic {
            path: path.to_path_buf(),
            line,
            severity,
            message,
        });
    }

    /// Moves every problem of `other` into this collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Turns every warning into an error (`strict: true` or `--strict`).
    pub fn make_strict(&mut self) {
        for item in &mut self.items {
            item.severity = Severity::Error;
        }
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// The number of errors and of warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.items.len() - errors)
    }

    /// Every problem, sorted by file, line and message, without repeats.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| {
            (&a.path, a.line, &a.message, a.severity)
                .cmp(&(&b.path, b.line, &b.message, b.severity))
        });
        items.dedup();
        items
    }

    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// The build failed because of the site's own content or templates (exit code 1), as
/// opposed to usage or I/O (exit code 2). Its details were printed already, or are its message.
#[derive(Debug)]
pub struct ContentFailure(pub String);

impl fmt::Display for ContentFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ContentFailure {}
