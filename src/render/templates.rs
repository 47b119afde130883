//! The Tera templates: the defaults embedded from the repository's `templates/`, each
//! replaceable by a file of the same name in the site's own `templates/` folder.

use std::path::Path;

use anyhow::Context as _;
use include_dir::{Dir, include_dir};

static DEFAULT_TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The loaded templates of one site.
#[derive(Clone)]
pub struct Templates {
    pub tera: tera::Tera,
}

impl Templates {
    /// The embedded templates alone.
    pub fn embedded() -> anyhow::Result<Templates> {
        let mut sources: Vec<(String, String)> = Vec::new();
        collect_embedded(&DEFAULT_TEMPLATES, &mut sources);
        Templates::compile(&sources)
    }

    /// The embedded templates, overridden by `root/templates/**`.
    pub fn load(root: &Path) -> anyhow::Result<Templates> {
        let mut sources: Vec<(String, String)> = Vec::new();
        collect_embedded(&DEFAULT_TEMPLATES, &mut sources);
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
                match sources.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => sources.push((name, text)),
                }
            }
        }
        Templates::compile(&sources)
    }

    fn compile(sources: &[(String, String)]) -> anyhow::Result<Templates> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| anyhow::anyhow!("{}", without_prefix(&e.to_string())))
            .context("the templates do not compile")?;
        Ok(Templates { tera })
    }

    /// Renders `template` with `context` into `out` (cleared first); the error names
    /// the template and the page.
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
                let mut message = without_prefix(&e.to_string()).to_string();
                let mut source = std::error::Error::source(&e);
                while let Some(cause) = source {
                    message.push_str(&format!(": {cause}"));
                    source = cause.source();
                }
                crate::diagnostics::ContentFailure(format!(
                    "template {template}, rendering {page}: {message}"
                ))
                .into()
            })
    }
}

/// Tera's reports start with `error: `, which our own prefix already says.
fn without_prefix(message: &str) -> &str {
    message.strip_prefix("error: ").unwrap_or(message)
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
