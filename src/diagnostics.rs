//! Content problems: collected, never fail-fast, printed as `path:line: severity: message`,
//! as JSON Lines, or as GitHub Actions workflow commands ([`Format`]).
//!
//! This module owns the `Diagnostic` type, the collection of them for one run and
//! the formats they are printed in. It does not decide what is a problem; the
//! loading and resolving stages do.

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
        let path = self.shown_path();
        let severity = self.severity.as_str();
        // Author text may hold control characters (a NUL in a slug): show them escaped.
        let (path, message) = (escape_controls(&path), escape_controls(&self.message));
        match self.line {
            Some(line) => write!(f, "{path}:{line}: {severity}: {message}"),
            None => write!(f, "{path}: {severity}: {message}"),
        }
    }
}

impl Diagnostic {
    /// The text format with ANSI colours: the place in bold, the severity in red or
    /// yellow. The same characters as [`fmt::Display`] once the colours are stripped.
    pub fn painted(&self) -> String {
        let place = anstyle::Style::new().bold();
        let severity = match self.severity {
            Severity::Error => anstyle::AnsiColor::Red.on_default().bold(),
            Severity::Warning => anstyle::AnsiColor::Yellow.on_default().bold(),
        };
        let path = escape_controls(&self.shown_path());
        let at = match self.line {
            Some(line) => format!("{path}:{line}:"),
            None => format!("{path}:"),
        };
        format!(
            "{place}{at}{place:#} {severity}{}:{severity:#} {}",
            self.severity.as_str(),
            escape_controls(&self.message)
        )
    }

    /// The path with `/` separators, as every format shows it.
    pub fn shown_path(&self) -> String {
        self.path.display().to_string().replace('\\', "/")
    }

    /// The replacement the message proposes, from its `(did you mean 'x'?)`.
    pub fn suggestion(&self) -> Option<&str> {
        let (_, rest) = self.message.rsplit_once("(did you mean '")?;
        rest.split_once("'?)").map(|(near, _)| near)
    }
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// How `dossier check` prints problems.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line: severity: message`, one a line, on stderr.
    #[default]
    Text,
    /// One JSON object a line (JSON Lines) on stdout: `path`, `line`, `severity`,
    /// `message`, `suggestion`.
    Json,
    /// GitHub Actions workflow commands on stdout (`::error file=...,line=...::message`),
    /// shown inline on a pull request.
    Github,
}

/// One problem as a line of `format` (without its newline). `None` as the path
/// is a problem of the whole site, such as a template that does not compile.
pub fn format_problem(format: Format, diagnostic: &Diagnostic) -> String {
    match format {
        Format::Text => diagnostic.to_string(),
        Format::Json => {
            let path = diagnostic.shown_path();
            let object = serde_json::json!({
                "path": (!path.is_empty()).then_some(path),
                "line": diagnostic.line,
                "severity": diagnostic.severity.as_str(),
                "message": diagnostic.message,
                "suggestion": diagnostic.suggestion(),
            });
            object.to_string()
        }
        Format::Github => {
            let mut line = format!("::{}", diagnostic.severity.as_str());
            let path = diagnostic.shown_path();
            if !path.is_empty() {
                line.push_str(" file=");
                line.push_str(&escape_github_property(&path));
                if let Some(at) = diagnostic.line {
                    line.push_str(&format!(",line={at}"));
                }
            }
            line.push_str("::");
            line.push_str(&escape_github_data(&diagnostic.message));
            line
        }
    }
}

/// A workflow command's message, escaped as the runner reads it back; the other
/// control characters (a NUL in a slug) written as the text format writes them.
pub fn escape_github_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

/// A workflow command's property value (`file=`), escaped as the runner reads it back.
pub fn escape_github_property(text: &str) -> String {
    escape_github_data(text)
        .replace(':', "%3A")
        .replace(',', "%2C")
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
        self.report(path, line, Severity::Error, message.into());
    }

    /// Records a warning about `path` at `line`.
    pub fn warning(&mut self, path: &Path, line: Option<usize>, message: impl Into<String>) {
        self.report(path, line, Severity::Warning, message.into());
    }

    /// Records a problem of the given severity about `path` at `line`.
    pub fn report(
        &mut self,
        path: &Path,
        line: Option<usize>,
        severity: Severity,
        message: String,
    ) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(path: &str, line: Option<usize>, message: &str) -> Diagnostic {
        Diagnostic {
            path: PathBuf::from(path),
            line,
            severity: Severity::Error,
            message: message.to_string(),
        }
    }

    /// Without its colours, a painted problem is the text format, byte for byte.
    #[test]
    fn painted_is_the_text_format_in_colour() {
        for d in [
            problem("a.md", Some(3), "bad\u{0}"),
            problem("dossier.yaml", None, "x"),
        ] {
            let painted = d.painted();
            assert!(painted.contains("\x1b["), "{painted:?}");
            let mut plain = Vec::new();
            let mut stream = anstream::StripStream::new(&mut plain);
            std::io::Write::write_all(&mut stream, painted.as_bytes()).unwrap();
            assert_eq!(String::from_utf8(plain).unwrap(), d.to_string());
        }
    }

    /// The runner turns `%25`, `%0D` and `%0A` back into `%`, CR and LF in a message,
    /// and also `%3A` and `%2C` into `:` and `,` in a property: escaped so, no author
    /// text can end the command early or start another.
    #[test]
    fn github_commands_escape_what_the_runner_reads_back() {
        assert_eq!(
            escape_github_data("50% done\r\nnext"),
            "50%25 done%0D%0Anext"
        );
        assert_eq!(escape_github_data("a::b, c"), "a::b, c");
        assert_eq!(escape_github_data("a\0b\tc"), "a\\u{0}b\\tc");
        assert_eq!(
            escape_github_property("content/a,b:c%d\n.md"),
            "content/a%2Cb%3Ac%25d%0A.md"
        );
        let line = format_problem(
            Format::Github,
            &problem(
                "content/briefings/odd,name:1.md",
                Some(3),
                "bad\n::error::injected 100%",
            ),
        );
        assert_eq!(
            line,
            "::error file=content/briefings/odd%2Cname%3A1.md,line=3::bad%0A::error::injected 100%25"
        );
        assert!(!line.contains('\n'));
    }

    #[test]
    fn a_problem_without_a_line_or_a_file_leaves_them_out() {
        let mut warning = problem("dossier.yaml", None, "odd");
        warning.severity = Severity::Warning;
        assert_eq!(
            format_problem(Format::Github, &warning),
            "::warning file=dossier.yaml::odd"
        );
        assert_eq!(
            format_problem(Format::Github, &problem("", None, "templates")),
            "::error::templates"
        );
    }

    #[test]
    fn json_names_the_suggestion_of_a_did_you_mean() {
        let near = problem(
            "content/briefings/talks.md",
            Some(5),
            "unknown actor 'witkof' (did you mean 'steve-witkoff'?)",
        );
        assert_eq!(near.suggestion(), Some("steve-witkoff"));
        let value: serde_json::Value =
            serde_json::from_str(&format_problem(Format::Json, &near)).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "path": "content/briefings/talks.md",
                "line": 5,
                "severity": "error",
                "message": "unknown actor 'witkof' (did you mean 'steve-witkoff'?)",
                "suggestion": "steve-witkoff",
            })
        );
        let none = problem("a.md", None, "missing `date:`");
        assert_eq!(none.suggestion(), None);
        assert!(format_problem(Format::Json, &none).contains("\"suggestion\":null"));
    }
}
