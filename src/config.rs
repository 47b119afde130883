//! `dossier.yaml` -> `Config`. Defaults apply when the file is absent; an unknown key is
//! an error that names the key and its line. The interface strings of the site's
//! language (built in, and the site's `i18n/<language>.yaml`) come with it.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostics;
use crate::i18n::Interface;

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "dossier.yaml";

/// Site configuration.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The site's title.
    pub title: String,
    /// One line for feeds and meta tags.
    pub description: String,
    /// The public address of the site, used only for the feed, the sitemap and canonical links.
    pub base_url: String,
    /// The language of the content, as a BCP 47 tag.
    pub language: String,
    /// When true, every warning fails the build.
    pub strict: bool,
    /// When true, raw HTML in Markdown is kept as written instead of sanitized.
    /// Only for sites whose every author is trusted.
    pub trusted_html: bool,
    /// The interface in `language`: not a key of the file, but read with it.
    #[serde(skip)]
    pub interface: Arc<Interface>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Dossier".to_string(),
            description: String::new(),
            base_url: String::new(),
            language: "en".to_string(),
            strict: false,
            trusted_html: false,
            interface: Arc::default(),
        }
    }
}

/// The keys `dossier.yaml` accepts.
pub const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "strict",
    "trusted_html",
];

/// serde's message, with an unknown key named and the nearest known key suggested.
fn config_message(error: &serde_yaml::Error) -> String {
    let message = crate::content::yaml_message(error);
    let unknown = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(key, _)| key);
    match unknown {
        Some(key) => match crate::suggest::closest(key, KEYS.iter().copied()) {
            Some(near) => format!("unknown key '{key}' (did you mean '{near}'?)"),
            None => format!("unknown key '{key}': the keys are {}", KEYS.join(", ")),
        },
        None => message,
    }
}

/// Why `url` cannot be a site's public address, saying what to write; `None` for an
/// address it can be, and for none at all (the absolute addresses are left out then).
pub fn base_url_problem(url: &str) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        let host = url.trim_start_matches('/');
        return Some(format!(
            "the address has no scheme: write it in full, such as https://{host}"
        ));
    };
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return Some("the address must start with https:// or http://".to_string());
    }
    if rest.is_empty() || rest.starts_with('/') {
        return Some("the address names no host: write it as https://example.org/path".to_string());
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"<>`".contains(c))
    {
        return Some(
            "the address holds a space, a quote or a control character: write it as a browser shows it"
                .to_string(),
        );
    }
    None
}

impl Config {
    /// This configuration with `base_url` in place of the file's, when given
    /// (`--base-url`, for one run).
    pub fn with_base_url(mut self, base_url: Option<&str>) -> Config {
        if let Some(url) = base_url {
            self.base_url = url.trim_end_matches('/').to_string();
        }
        self
    }

    /// Reads `dossier.yaml` from `root`, or returns the defaults when it does not exist,
    /// and the interface strings of its language ([`Interface::load`]).
    /// Problems in the file are reported to `diagnostics`; the defaults stand in for it then.
    pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> anyhow::Result<Config> {
        let (mut config, text) = Config::load_file(root, diagnostics)?;
        let line = text.as_deref().and_then(|text| {
            text.lines()
                .position(|l| l.starts_with("language:"))
                .map(|at| at + 1)
        });
        let interface = Interface::load(root, &config.language, line, diagnostics)?;
        config.interface = Arc::new(interface);
        Ok(config)
    }

    /// `dossier.yaml` alone, and its text when there is one.
    fn load_file(
        root: &Path,
        diagnostics: &mut Diagnostics,
    ) -> anyhow::Result<(Config, Option<String>)> {
        let path = root.join(CONFIG_FILE);
        let text = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((Config::default(), None));
            }
            Err(e) => {
                return Err(
                    anyhow::Error::new(e).context(format!("cannot read {}", path.display()))
                );
            }
        };
        let display = Path::new(CONFIG_FILE);
        let Ok(text) = String::from_utf8(text) else {
            diagnostics.error(
                display,
                None,
                "the file is not valid UTF-8: save it as UTF-8",
            );
            return Ok((Config::default(), None));
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        if text.trim().is_empty() {
            return Ok((Config::default(), Some(text)));
        }
        match serde_yaml::from_str::<Config>(&text) {
            Ok(mut config) => {
                let url = config.base_url.trim();
                if let Some(problem) = base_url_problem(url) {
                    let line = crate::content::Locator::new(&text, 1).key("base_url");
                    diagnostics.error(display, line, format!("base_url '{url}': {problem}"));
                    config.base_url = String::new();
                } else {
                    config.base_url = url.trim_end_matches('/').to_string();
                }
                Ok((config, Some(text)))
            }
            Err(e) => {
                let line = e.location().map(|l| l.line());
                diagnostics.error(display, line, config_message(&e));
                Ok((Config::default(), Some(text)))
            }
        }
    }
}
