//! The interface in the site's language: every string the pages, the search script and
//! `dossier serve`'s overlay show, counts in the language's CLDR plural forms, dates in
//! its words (ICU4X with compiled CLDR data), and the direction of its script.
//!
//! The strings come from a table chosen by `language`: the built-in table of the
//! language (`src/i18n/tables/<language>.yaml`, over the English one for what an
//! incomplete table lacks), then the site's `i18n/<language>.yaml`, which overrides
//! or adds strings. Problems of the site's file are warnings at its lines. This module
//! reads that one file and renders nothing; templates reach it through [`tera`].

mod table;
pub mod tera;

use std::path::Path;

use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD};
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

use crate::diagnostics::Diagnostics;
use crate::model::date::Date;
pub use table::{CATEGORIES, Entry, Table};

/// The built-in tables: language, YAML, and whether the table has every English key
/// (an incomplete one shows English for the others, and says so in a warning).
pub const BUILT_IN: &[(&str, &str, bool)] = &[
    ("en", include_str!("tables/en.yaml"), true),
    ("uk", include_str!("tables/uk.yaml"), true),
    ("ru", include_str!("tables/ru.yaml"), true),
    ("fr", include_str!("tables/fr.yaml"), true),
    ("de", include_str!("tables/de.yaml"), true),
    ("es", include_str!("tables/es.yaml"), true),
    ("ar", include_str!("tables/ar.yaml"), false),
    ("fa", include_str!("tables/fa.yaml"), false),
    ("zh", include_str!("tables/zh.yaml"), false),
];

/// The languages written right to left (ISO 639 codes), by their script's direction.
const RIGHT_TO_LEFT: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// The interface of one site, in its language.
pub struct Interface {
    /// The language as configured (`uk`, `pt-BR`).
    language: String,
    strings: Table,
    plurals: PluralRules,
    days: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    months: Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>,
    right_to_left: bool,
}

impl PartialEq for Interface {
    fn eq(&self, other: &Interface) -> bool {
        self.language == other.language && self.strings == other.strings
    }
}

impl std::fmt::Debug for Interface {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interface")
            .field("language", &self.language)
            .field("strings", &self.strings.entries.len())
            .finish()
    }
}

impl Default for Interface {
    fn default() -> Self {
        Interface::built_in("en")
    }
}

/// The primary language subtag of `tag`, lowercased (`pt` of `pt-BR`).
fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The built-in table of `language`, if there is one, and whether it is complete.
fn built_in_table(language: &str) -> Option<(Table, bool)> {
    let primary = primary(language);
    BUILT_IN
        .iter()
        .find(|(lang, _, _)| *lang == primary)
        .map(|(_, text, complete)| (Table::parse(text).0, *complete))
}

impl Interface {
    /// The interface in `language` from the built-in tables alone.
    pub fn built_in(language: &str) -> Interface {
        let mut strings = built_in_table("en").map(|(t, _)| t).unwrap_or_default();
        if let Some((table, _)) = built_in_table(language).filter(|_| primary(language) != "en") {
            strings.entries.extend(table.entries);
        }
        Interface::with_strings(language, strings)
    }

    fn with_strings(language: &str, strings: Table) -> Interface {
        let locale = language.parse::<Locale>().unwrap_or(Locale::UNKNOWN);
        let plurals = PluralRules::try_new_cardinal((&locale).into())
            .or_else(|_| PluralRules::try_new_cardinal((&Locale::UNKNOWN).into()))
            .expect("the compiled CLDR data has the root locale's plural rules");
        // A bare `en` shows days as dossier always has, `21 December 2025` (CLDR's
        // en-GB); `en-US` gives `December 21, 2025`.
        let dates = match language {
            "en" => "en-GB".parse::<Locale>().unwrap_or(locale.clone()),
            _ => locale.clone(),
        };
        Interface {
            language: language.to_string(),
            strings,
            plurals,
            days: FixedCalendarDateTimeFormatter::try_new((&dates).into(), YMD::long()).ok(),
            months: FixedCalendarDateTimeFormatter::try_new((&dates).into(), YM::long()).ok(),
            right_to_left: RIGHT_TO_LEFT.contains(&primary(language).as_str()),
        }
    }

    /// The interface in `language`: the built-in tables, then the site's
    /// `i18n/<language>.yaml` under `root`. Its problems, an unknown language and the
    /// strings shown in English instead are warnings; `config_line` is the line of
    /// `language:` in `dossier.yaml`.
    pub fn load(
        root: &Path,
        language: &str,
        config_line: Option<usize>,
        diagnostics: &mut Diagnostics,
    ) -> anyhow::Result<Interface> {
        let config = Path::new(crate::config::CONFIG_FILE);
        if language.parse::<Locale>().is_err() {
            diagnostics.warning(
                config,
                config_line,
                format!("language '{language}' is not a language tag: write one such as en, uk or pt-BR (the interface is in English)"),
            );
            return Ok(Interface::built_in("en"));
        }
        let english = built_in_table("en").map(|(t, _)| t).unwrap_or_default();
        let own = built_in_table(language).filter(|_| primary(language) != "en");
        let mut interface = Interface::built_in(language);
        let shown = Path::new("i18n").join(format!("{language}.yaml"));
        let file = root.join(&shown);
        let site = match std::fs::read(&file) {
            Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                return Err(
                    anyhow::Error::new(e).context(format!("cannot read {}", file.display()))
                );
            }
        };
        let mut given: Vec<&str> = own
            .as_ref()
            .map(|(table, _)| table.entries.keys().map(String::as_str).collect())
            .unwrap_or_default();
        if primary(language) == "en" {
            given = english.entries.keys().map(String::as_str).collect();
        }
        let site_table = site.as_deref().map(Table::parse);
        if let Some((table, problems)) = &site_table {
            for problem in problems {
                diagnostics.warning(&shown, problem.line, problem.message.clone());
            }
            for (key, (entry, line)) in &table.entries {
                let Some(english_entry) = english.get(key) else {
                    let message = match crate::suggest::closest(
                        key,
                        english.entries.keys().map(String::as_str),
                    ) {
                        Some(near) => {
                            format!("unknown interface string '{key}' (did you mean '{near}'?)")
                        }
                        None => format!(
                            "unknown interface string '{key}': the keys are those of the English table (see the README)"
                        ),
                    };
                    diagnostics.warning(&shown, Some(*line), message);
                    continue;
                };
                if matches!(english_entry, Entry::Count(_)) != matches!(entry, Entry::Count(_)) {
                    let what = match english_entry {
                        Entry::Count(_) => {
                            "a count: give its forms (one:, few:, many:, other: ...)"
                        }
                        Entry::Text(_) => "a text, not a count",
                    };
                    diagnostics.warning(&shown, Some(*line), format!("'{key}' is {what}"));
                    continue;
                }
                if let Entry::Count(forms) = entry {
                    let missing = interface.missing_forms(forms);
                    if !missing.is_empty() {
                        diagnostics.warning(
                            &shown,
                            Some(*line),
                            format!(
                                "'{key}' lacks the plural forms {} of '{language}'",
                                missing.join(", ")
                            ),
                        );
                    }
                }
                interface
                    .strings
                    .entries
                    .insert(key.clone(), (entry.clone(), *line));
                given.push(key);
            }
        }
        let missing: Vec<&str> = english
            .entries
            .keys()
            .map(String::as_str)
            .filter(|key| !given.contains(key))
            .collect();
        if !missing.is_empty() {
            let (path, line) = match &site_table {
                Some(_) => (shown.as_path(), None),
                None => (config, config_line),
            };
            let listed = match missing.len() {
                n if n > 8 => format!("{}, ... ({n} in all)", missing[..8].join(", ")),
                _ => missing.join(", "),
            };
            let why = match &own {
                Some(_) => format!("the built-in '{language}' interface strings are incomplete"),
                None => format!("there are no built-in interface strings for '{language}'"),
            };
            diagnostics.warning(
                path,
                line,
                format!(
                    "{why}: {listed} shown in English; translate them in {}",
                    shown.display()
                ),
            );
        }
        Ok(interface)
    }

    /// The plural categories `forms` lacks that the language uses.
    fn missing_forms(&self, forms: &table::Forms) -> Vec<&'static str> {
        self.plurals
            .categories()
            .map(category_index)
            .filter(|&at| forms[at].is_none())
            .map(|at| CATEGORIES[at])
            .collect()
    }

    /// The plural categories the language uses, in the order of [`CATEGORIES`].
    pub fn categories(&self) -> Vec<&'static str> {
        let mut found: Vec<usize> = self.plurals.categories().map(category_index).collect();
        found.sort_unstable();
        found.into_iter().map(|at| CATEGORIES[at]).collect()
    }

    /// The language, as configured.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// `rtl` for a language written right to left, else `ltr`.
    pub fn direction(&self) -> &'static str {
        match self.right_to_left {
            true => "rtl",
            false => "ltr",
        }
    }

    /// True when `key` is a string of the table.
    pub fn has(&self, key: &str) -> bool {
        self.strings.entries.contains_key(key)
    }

    /// The text of `key` with no count, its `{placeholders}` left as written; the key
    /// itself for a key no table has (the built-in templates use known keys only).
    pub fn raw<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key).map(Entry::text).unwrap_or(key)
    }

    /// The text of `key`, in the form for `count` when it is a count.
    pub fn form<'a>(&'a self, key: &'a str, count: Option<u64>) -> &'a str {
        match (self.strings.get(key), count) {
            (Some(Entry::Count(forms)), Some(n)) => {
                let at = category_index(self.plurals.category_for(n));
                forms[at].as_deref().unwrap_or_else(|| self.raw(key))
            }
            _ => self.raw(key),
        }
    }

    /// The text of `key` with `args` in its `{placeholders}`.
    pub fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.raw(key), args)
    }

    /// The text of the count `key` for `n`, with `{n}` and `args` filled in.
    pub fn count(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let n_text = n.to_string();
        let mut all = vec![("n", n_text.as_str())];
        all.extend_from_slice(args);
        fill(self.form(key, Some(n)), &all)
    }

    /// A day in the language's words, in the Gregorian calendar: `21 грудня 2025 р.`,
    /// `21 décembre 2025`, `2025年12月21日`.
    pub fn date(&self, date: &Date) -> String {
        match (&self.days, gregorian(date)) {
            (Some(days), Some(day)) => days.format(&day).to_string(),
            _ => date.iso(),
        }
    }

    /// A month in the language's words: `December 2025`, `грудень 2025 р.`.
    pub fn month(&self, date: &Date) -> String {
        match (&self.months, gregorian(date)) {
            (Some(months), Some(day)) => months.format(&day).to_string(),
            _ => date.iso()[..7].to_string(),
        }
    }
}

/// `A`, `A and B`, `A, B and C` in the words of `interface`; its "no one" for none.
pub fn names_list(interface: &Interface, names: &[&str]) -> String {
    match names {
        [] => interface.text("meeting.no_one", &[]),
        [one] => one.to_string(),
        [init @ .., last] => interface.text(
            "list.and",
            &[
                ("init", &init.join(interface.raw("list.comma"))),
                ("last", last),
            ],
        ),
    }
}

fn gregorian(date: &Date) -> Option<IcuDate<Gregorian>> {
    let day = date.day;
    IcuDate::try_new_gregorian(i32::from(day.year()), day.month() as u8, day.day() as u8).ok()
}

fn category_index(category: PluralCategory) -> usize {
    match category {
        PluralCategory::Zero => 0,
        PluralCategory::One => 1,
        PluralCategory::Two => 2,
        PluralCategory::Few => 3,
        PluralCategory::Many => 4,
        PluralCategory::Other => 5,
    }
}

/// `text` with each `{name}` of `args` replaced by its value; other braces stay.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    fill_with(text, &mut |name| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    })
}

/// `text` with each `{name}` replaced by what `value` gives for it, literal text
/// passed through `plain`; a placeholder `value` does not know stays as written.
pub fn fill_with(text: &str, value: &mut dyn FnMut(&str) -> Option<String>) -> String {
    fill_parts(text, &mut |part| part.to_string(), value)
}

/// [`fill_with`], each literal part of `text` passed through `plain` first.
pub fn fill_parts(
    text: &str,
    plain: &mut dyn FnMut(&str) -> String,
    value: &mut dyn FnMut(&str) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(&plain(before));
        let name_end = after[1..].find('}').filter(|&end| {
            after[1..1 + end]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        match name_end.and_then(|end| value(&after[1..1 + end]).map(|v| (end, v))) {
            Some((end, v)) => {
                out.push_str(&v);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&plain("{"));
                rest = &after[1..];
            }
        }
    }
    out.push_str(&plain(rest));
    out
}

#[cfg(test)]
mod tests;
