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
    /// The language of the content, as a BCP 47 tag: in a translated site, the
    /// default language (the first of `languages`).
    pub language: String,
    /// The languages of a translated site, the default first; empty for a site in one
    /// language.
    pub languages: Vec<String>,
    /// When true, every warning fails the build.
    pub strict: bool,
    /// When true, raw HTML in Markdown is kept as written instead of sanitized.
    /// Only for sites whose every author is trusted.
    pub trusted_html: bool,
    /// The interface in `language`: not a key of the file, but read with it.
    #[serde(skip)]
    pub interface: Arc<Interface>,
    /// The interfaces of the further languages of a translated site (`languages`
    /// after the first), in their order: read with the file.
    #[serde(skip)]
    pub translated: Vec<Arc<Interface>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Dossier".to_string(),
            description: String::new(),
            base_url: String::new(),
            language: "en".to_string(),
            languages: Vec::new(),
            strict: false,
            trusted_html: false,
            interface: Arc::default(),
            translated: Vec::new(),
        }
    }
}

/// The keys `dossier.yaml` accepts.
pub const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "languages",
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
        let line_of = |key: &str| {
            text.as_deref().and_then(|text| {
                text.lines()
                    .position(|l| l.starts_with(&format!("{key}:")))
                    .map(|at| at + 1)
            })
        };
        let line = line_of("language");
        let languages_line = line_of("languages");
        config.check_languages(line, languages_line, diagnostics);
        let interface =
            Interface::load(root, &config.language, line.or(languages_line), diagnostics)?;
        config.interface = Arc::new(interface);
        for language in config.languages.iter().skip(1) {
            let interface = Interface::load(root, language, languages_line, diagnostics)?;
            config.translated.push(Arc::new(interface));
        }
        Ok(config)
    }

    /// Every interface of the site: its language's, then those of the further
    /// languages of a translated site.
    pub fn interfaces(&self) -> Vec<Arc<Interface>> {
        let mut all = vec![self.interface.clone()];
        all.extend(self.translated.iter().cloned());
        all
    }

    /// The further languages of a translated site (`languages` after the default).
    pub fn further_languages(&self) -> &[String] {
        self.languages.get(1..).unwrap_or_default()
    }

    /// Checks `languages` (tags, each once, the default first) and makes its first
    /// the site's `language`; what is wrong is an error at the line of the key, and
    /// left out.
    fn check_languages(
        &mut self,
        language_line: Option<usize>,
        line: Option<usize>,
        diagnostics: &mut Diagnostics,
    ) {
        let display = Path::new(CONFIG_FILE);
        let mut kept: Vec<String> = Vec::new();
        for written in &self.languages {
            let tag = written.trim();
            if tag.parse::<icu_locale_core::Locale>().is_err() || tag.is_empty() {
                diagnostics.error(
                    display,
                    line,
                    format!("languages: '{tag}' is not a language tag: write one such as en, uk or pt-BR"),
                );
            } else if kept.iter().any(|k| k.eq_ignore_ascii_case(tag)) {
                diagnostics.error(
                    display,
                    line,
                    format!("languages: '{tag}' is listed twice: list each language once"),
                );
            } else {
                kept.push(tag.to_string());
            }
        }
        self.languages = kept;
        let Some(first) = self.languages.first() else {
            return;
        };
        if language_line.is_some() && !self.language.eq_ignore_ascii_case(first) {
            diagnostics.error(
                display,
                language_line,
                format!(
                    "language '{}' is not the first of languages [{}]: the first is the default; list '{}' first, or remove language:",
                    self.language,
                    self.languages.join(", "),
                    self.language
                ),
            );
        }
        self.language = first.clone();
        if self.languages.len() == 1 {
            // One language is no translation: a site in that language.
            self.languages.clear();
        }
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
