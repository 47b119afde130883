//! The templates' way to the interface strings: the Tera function
//! `t(key="...", n=..., name=...)`.
//!
//! The text of `key` (the form for `n` when it is a count) with every other argument
//! in its `{placeholders}`. The result is escaped as any text is (a site's table is
//! never HTML), except arguments marked `safe` in the template, which go in as they
//! are: `t(key="search.help_key", shortcut="<kbd>/</kbd>" | safe)`. Placeholders the
//! template does not fill stay as written, for the scripts that fill them (`data-*`
//! attributes of the search page). An unknown key is a template error at its line.
//!
//! In a translated site, the strings are those of the page's language: the
//! `site.language` of its context (each language's tree has its own), the site's
//! first language when the page has none.

use std::sync::Arc;

use tera::{Kwargs, State, TeraResult, Value};

use super::Interface;

/// Registers `t` on `tera`, for the strings of `interfaces` (the site's language
/// first, then the further languages of a translated site).
pub fn register(tera: &mut tera::Tera, interfaces: Vec<Arc<Interface>>) {
    tera.register_function("t", move |kwargs: Kwargs, state: &State| {
        translate(in_language(&interfaces, state), &kwargs, state)
    });
}

/// The interface of the page being rendered: the one of its `site.language`.
fn in_language<'i>(interfaces: &'i [Arc<Interface>], state: &State) -> &'i Interface {
    let [first, further @ ..] = interfaces else {
        static ENGLISH: std::sync::LazyLock<Interface> =
            std::sync::LazyLock::new(Interface::default);
        return &ENGLISH;
    };
    if further.is_empty() {
        return first;
    }
    let site: Option<Value> = state.get("site").ok().flatten();
    let language = site
        .as_ref()
        .and_then(|site| site.get_from_path("language"))
        .and_then(Value::as_str);
    match language {
        Some(language) => further
            .iter()
            .find(|interface| interface.language() == language)
            .unwrap_or(first),
        None => first,
    }
}

fn translate(interface: &Interface, kwargs: &Kwargs, state: &State) -> TeraResult<Value> {
    let mut key = None;
    let mut count = None;
    let mut args: Vec<(&str, &Value)> = Vec::new();
    for (name, value) in kwargs.iter() {
        match name.as_str() {
            Some("key") => key = value.as_str(),
            Some("n") => {
                count = Some(value.as_i64().filter(|n| *n >= 0).ok_or_else(|| {
                    tera::Error::message(format!(
                        "t(): n must be a count (0, 1, 2, ...), not {value}"
                    ))
                })?)
            }
            Some(other) => args.push((other, value)),
            None => {}
        }
    }
    let key = key.ok_or_else(|| {
        tera::Error::message("t(): give the string's key: t(key=\"nav.briefings\")")
    })?;
    if !interface.has(key) {
        return Err(tera::Error::message(format!(
            "unknown interface string '{key}': the keys are those of src/i18n/tables/en.yaml"
        )));
    }
    let escape = |text: &str| -> String {
        match state.autoescaping_enabled() {
            true => {
                let mut out = Vec::with_capacity(text.len());
                match tera::escape_html(text, &mut out) {
                    Ok(()) => String::from_utf8(out).unwrap_or_default(),
                    Err(_) => String::new(),
                }
            }
            false => text.to_string(),
        }
    };
    let n = count.map(|n| n as u64);
    let n_text = n.map(|n| n.to_string());
    let text = interface.form(key, n);
    let mut plain = |part: &str| escape(part);
    let mut value = |name: &str| -> Option<String> {
        if name == "n" {
            return n_text.clone();
        }
        let (_, value) = args.iter().find(|(arg, _)| *arg == name)?;
        let shown = match value.as_str() {
            Some(text) => text.to_string(),
            None => value.to_string(),
        };
        Some(match value.is_safe() {
            true => shown,
            false => escape(&shown),
        })
    };
    Ok(Value::safe_string(&super::fill_parts(
        text, &mut plain, &mut value,
    )))
}
