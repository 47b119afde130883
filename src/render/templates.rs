//! The Tera templates: the defaults embedded from the repository's `templates/`, each
//! replaceable by a file of the same name in the site's own `templates/` folder.
//!
//! Template problems are diagnostics like content problems: `templates/actor.html:4:
//! error: ...` (the site's own file, or the embedded template's name), every broken
//! template of a site in one run ([`TemplateErrors`]). This module renders nothing
//! on its own and writes nothing.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use include_dir::{Dir, include_dir};

use crate::diagnostics::{Diagnostic, Severity};
use crate::i18n::Interface;

mod blocks;

static DEFAULT_TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The loaded templates of one site.
#[derive(Clone)]
pub struct Templates {
    pub tera: tera::Tera,
    /// The names of the templates that the site's own files replace or add.
    overrides: Vec<String>,
    /// The interface strings the templates' `t()` shows: the site's language first,
    /// then those of the further languages of a translated site, each page's in the
    /// language of its tree.
    interfaces: Vec<Arc<Interface>>,
}

/// Every problem of a site's templates, each at its template's file and line: the
/// templates do not compile, or a page does not render. Exit code 1, as for content.
#[derive(Debug)]
pub struct TemplateErrors {
    pub diagnostics: Vec<Diagnostic>,
    /// What Tera said of the first, its causes kept.
    pub source: Option<tera::Error>,
}

impl std::fmt::Display for TemplateErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.diagnostics.len();
        match n {
            1 => write!(f, "1 error in the templates"),
            _ => write!(f, "{n} errors in the templates"),
        }
    }
}

impl std::error::Error for TemplateErrors {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl Templates {
    /// The embedded templates alone, showing the strings of `interface`.
    pub fn embedded(interface: &Arc<Interface>) -> anyhow::Result<Templates> {
        Ok(Templates::compile(
            &Templates::embedded_sources(),
            Vec::new(),
            std::slice::from_ref(interface),
        )?)
    }

    /// Every embedded template, by name (`base.html`, `partials/...`), with its text:
    /// what `dossier templates export` writes for editing.
    pub fn embedded_sources() -> Vec<(String, String)> {
        let mut sources = Vec::new();
        collect_embedded(&DEFAULT_TEMPLATES, &mut sources);
        sources
    }

    /// The interface strings these templates show, the site's language first.
    pub fn interfaces(&self) -> &[Arc<Interface>] {
        &self.interfaces
    }

    /// The embedded templates, overridden by `root/templates/**`, showing the strings
    /// of `interface`. An unreadable file is an I/O error; templates that do not
    /// compile are [`TemplateErrors`].
    pub fn load(root: &Path, interface: &Arc<Interface>) -> anyhow::Result<Templates> {
        Templates::load_in(root, std::slice::from_ref(interface))
    }

    /// [`Templates::load`], for the pages of every language of a translated site
    /// (`interfaces`: the default first; [`crate::config::Config::interfaces`]).
    pub fn load_in(root: &Path, interfaces: &[Arc<Interface>]) -> anyhow::Result<Templates> {
        let mut sources = Templates::embedded_sources();
        let mut overrides = Vec::new();
        let user_dir = root.join("templates");
        if user_dir.is_dir() {
            for entry in walkdir::WalkDir::new(&user_dir).sort_by_file_name() {
                let entry = entry.with_context(|| format!("cannot read {}", user_dir.display()))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = entry.path().strip_prefix(&user_dir).unwrap_or(entry.path());
                let name = name.to_string_lossy().replace('\\', "/");
                if name.starts_with('.') || name.contains("/.") {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path())
                    .with_context(|| format!("cannot read template {}", entry.path().display()))?;
                overrides.push(name.clone());
                match sources.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => sources.push((name, text)),
                }
            }
        }
        Ok(Templates::compile(&sources, overrides, interfaces)?)
    }

    fn compile(
        sources: &[(String, String)],
        overrides: Vec<String>,
        interfaces: &[Arc<Interface>],
    ) -> Result<Templates, TemplateErrors> {
        let new_tera = || {
            let mut tera = tera::Tera::new();
            crate::i18n::tera::register(&mut tera, interfaces.to_vec());
            tera
        };
        let tera = |sources: &[(String, String)]| {
            let mut tera = new_tera();
            tera.autoescape_on([".html", ".xml"]);
            tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
                .map(|()| tera)
        };
        let first = match tera(sources) {
            Ok(tera) => {
                return Ok(Templates {
                    tera,
                    overrides,
                    interfaces: interfaces.to_vec(),
                });
            }
            Err(error) => error,
        };
        // Something is broken: find every template that is, each on its own first.
        let shown = |name: &str| shown_path(name, &overrides);
        let mut diagnostics = Vec::new();
        let mut whole = Vec::new();
        for (name, text) in sources {
            let mut alone = new_tera();
            match alone.add_raw_template(name, text) {
                Err(e) => match e.kind() {
                    // Tera finds a block left open where the file goes on without it:
                    // the author needs the line of its opening tag.
                    tera::ErrorKind::SyntaxError(report) => {
                        let line = report.span().start_line;
                        match blocks::misplaced(text, line, report.message()) {
                            Some((line, message)) => {
                                diagnostics.push(error_at(shown(name), Some(line), message));
                            }
                            None => diagnostics.extend(problems(&e, &shown)),
                        }
                    }
                    _ => whole.push((name.clone(), text.clone())),
                },
                _ => whole.push((name.clone(), text.clone())),
            }
        }
        // Then how the ones that parse fit together.
        if let Err(e) = tera(&whole) {
            diagnostics.extend(problems(&e, &shown));
        }
        if diagnostics.is_empty() {
            diagnostics.extend(problems(&first, &shown));
        }
        diagnostics.sort();
        diagnostics.dedup();
        Err(TemplateErrors {
            diagnostics,
            source: Some(first),
        })
    }

    /// Renders `template` with `context` into `out` (cleared first); the error is a
    /// [`TemplateErrors`] at the template's line, naming the page being rendered.
    pub fn render(
        &self,
        template: &str,
        context: &tera::Context,
        page: &str,
        out: &mut Vec<u8>,
    ) -> anyhow::Result<()> {
        out.clear();
        self.tera
            .render_to(template, context, &mut *out)
            .map_err(|e| {
                let shown = |name: &str| shown_path(name, &self.overrides);
                let mut diagnostics = problems(&e, &shown);
                if diagnostics.is_empty() {
                    diagnostics.push(error_at(shown(template), None, e.to_string()));
                }
                for diagnostic in &mut diagnostics {
                    diagnostic.message = format!("rendering {page}: {}", diagnostic.message);
                }
                TemplateErrors {
                    diagnostics,
                    source: Some(e),
                }
                .into()
            })
    }
}

/// The file a template is shown as: the site's own (`templates/actor.html`), or the
/// embedded template's name (`actor.html`).
fn shown_path(name: &str, overrides: &[String]) -> PathBuf {
    match overrides.iter().any(|o| o == name) {
        true => Path::new("templates").join(name),
        false => PathBuf::from(name),
    }
}

fn error_at(path: PathBuf, line: Option<usize>, message: String) -> Diagnostic {
    Diagnostic {
        path,
        line,
        severity: Severity::Error,
        message,
    }
}

/// The problems Tera reports in `error`, each at its template and line.
fn problems(error: &tera::Error, shown: &dyn Fn(&str) -> PathBuf) -> Vec<Diagnostic> {
    use tera::ErrorKind;
    match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => vec![error_at(
            shown(report.filename()),
            Some(report.span().start_line),
            report.message().to_string(),
        )],
        ErrorKind::CircularExtend { tpl, .. } | ErrorKind::CircularInclude { tpl, .. } => {
            vec![error_at(shown(tpl), None, error.to_string())]
        }
        ErrorKind::MissingParent { current, .. } => {
            vec![error_at(shown(current), None, error.to_string())]
        }
        // Tera joins the reports of unknown includes, filters and blocks into one
        // message: `error: <message>` then ` --> <template>:<line>:<column>`.
        ErrorKind::Msg(text) => reports(text, shown),
        _ => Vec::new(),
    }
}

/// The reports Tera joined into one text, each at its template and line.
fn reports(text: &str, shown: &dyn Fn(&str) -> PathBuf) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(message) = line.strip_prefix("error: ") else {
            continue;
        };
        let place = lines
            .peek()
            .and_then(|next| next.trim_start().strip_prefix("--> "))
            .and_then(|place| {
                let mut parts = place.rsplitn(3, ':');
                let (_column, line, name) = (parts.next()?, parts.next()?, parts.next()?);
                Some((name.to_string(), line.parse::<usize>().ok()?))
            });
        if let Some((name, line)) = place {
            found.push(error_at(shown(&name), Some(line), message.to_string()));
        }
    }
    if found.is_empty() && !text.is_empty() {
        found.push(error_at(PathBuf::from("templates"), None, text.to_string()));
    }
    found
}

fn collect_embedded(dir: &Dir<'static>, out: &mut Vec<(String, String)>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            out.push((
                file.path().to_string_lossy().replace('\\', "/"),
                text.to_string(),
            ));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_reports_are_split_at_their_template_and_line() {
        let text = "error: Unknown template `partials/nowhere.html`\n --> meeting.html:3:12\n  |\n3 | {% include \"partials/nowhere.html\" %}\n  |            ^^^^\n\nerror: Unknown filter `nope`\n  --> base.html:12:7\n   |";
        let overrides = vec!["meeting.html".to_string()];
        let shown = |name: &str| shown_path(name, &overrides);
        let found: Vec<String> = reports(text, &shown)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            found,
            [
                "templates/meeting.html:3: error: Unknown template `partials/nowhere.html`",
                "base.html:12: error: Unknown filter `nope`",
            ]
        );
    }
}
