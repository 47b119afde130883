//! A table of interface strings, read from YAML: each key a text, or a count with one
//! text per CLDR plural category. It knows the file's lines (for diagnostics) and
//! nothing of languages, pages or templates.

use std::collections::BTreeMap;

/// The CLDR plural categories, in the order of [`Forms`].
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A count's texts, one per plural category ([`CATEGORIES`]), where given.
pub type Forms = [Option<String>; 6];

/// One string of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Text(String),
    Count(Box<Forms>),
}

impl Entry {
    /// The text, or a count's `other` form (the first form given when it has none).
    pub fn text(&self) -> &str {
        match self {
            Entry::Text(text) => text,
            Entry::Count(forms) => forms[5]
                .as_deref()
                .or_else(|| forms.iter().flatten().next().map(String::as_str))
                .unwrap_or(""),
        }
    }
}

/// A table: its entries, each with the line of its key in the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub entries: BTreeMap<String, (Entry, usize)>,
}

/// A problem in a table's file, at its line.
#[derive(Debug, PartialEq)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
}

impl Table {
    /// Reads `text`; what cannot be read is a problem at its line, and left out.
    pub fn parse(text: &str) -> (Table, Vec<Problem>) {
        let mut table = Table::default();
        let mut problems = Vec::new();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return (table, problems);
        }
        let mapping: serde_yaml::Mapping = match serde_yaml::from_str(text) {
            Ok(serde_yaml::Value::Mapping(mapping)) => mapping,
            Ok(serde_yaml::Value::Null) => return (table, problems),
            Ok(_) => {
                problems.push(Problem {
                    line: Some(1),
                    message: "the file is not a mapping: write one `key: text` a line".into(),
                });
                return (table, problems);
            }
            Err(e) => {
                problems.push(Problem {
                    line: e.location().map(|l| l.line()),
                    message: format!("invalid YAML: {}", crate::content::yaml_message(&e)),
                });
                return (table, problems);
            }
        };
        for (key, value) in mapping {
            let Some(key) = scalar(&key) else {
                problems.push(Problem {
                    line: None,
                    message: "a key is not a text: write `key: text`".into(),
                });
                continue;
            };
            let line = line_of(text, &key);
            match entry(&value) {
                Ok(entry) => {
                    table.entries.insert(key, (entry, line.unwrap_or(1)));
                }
                Err(message) => problems.push(Problem {
                    line,
                    message: format!("'{key}': {message}"),
                }),
            }
        }
        (table, problems)
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.get(key).map(|(entry, _)| entry)
    }
}

/// A scalar as text (`yes`, `12` and `true` are texts too).
fn scalar(value: &serde_yaml::Value) -> Option<String> {
    match value {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn entry(value: &serde_yaml::Value) -> Result<Entry, String> {
    if let Some(text) = scalar(value) {
        return Ok(Entry::Text(text));
    }
    let serde_yaml::Value::Mapping(forms) = value else {
        return Err("write a text, or a count's forms (one:, few:, many:, other: ...)".into());
    };
    let mut found: Forms = Default::default();
    for (category, text) in forms {
        let category = scalar(category).unwrap_or_default();
        let Some(at) = CATEGORIES.iter().position(|c| *c == category) else {
            return Err(format!(
                "'{category}' is not a plural category: use {}",
                CATEGORIES.join(", ")
            ));
        };
        let Some(text) = scalar(text) else {
            return Err(format!("the form '{category}' is not a text"));
        };
        found[at] = Some(text);
    }
    Ok(Entry::Count(Box::new(found)))
}

/// The line (from 1) of the top-level `key:` in `text`.
fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let unquoted = ["\"", "'"].iter().find_map(|q| {
                line.strip_prefix(q)
                    .and_then(|rest| rest.strip_prefix(key)?.strip_prefix(q))
            });
            let rest = unquoted.or_else(|| line.strip_prefix(key));
            rest.is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|at| at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_and_counts_are_read_with_their_lines() {
        let (table, problems) = Table::parse(
            "# strings\nnav.briefings: Брифінги\nnoun.meetings:\n  one: зустріч\n  few: зустрічі\n\"quoted.key\": x\nbad:\n  sundry: y\n",
        );
        assert_eq!(
            table.entries["nav.briefings"],
            (Entry::Text("Брифінги".into()), 2)
        );
        let (Entry::Count(forms), 3) = &table.entries["noun.meetings"] else {
            panic!("not a count: {:?}", table.entries["noun.meetings"]);
        };
        assert_eq!(forms[1].as_deref(), Some("зустріч"));
        assert_eq!(forms[3].as_deref(), Some("зустрічі"));
        assert_eq!(table.entries["quoted.key"].1, 6);
        assert_eq!(
            problems,
            [Problem {
                line: Some(7),
                message:
                    "'bad': 'sundry' is not a plural category: use zero, one, two, few, many, other"
                        .into()
            }]
        );
    }

    #[test]
    fn broken_yaml_is_a_problem_at_its_line() {
        let (table, problems) = Table::parse("a: b\nc: [d\n");
        assert!(table.entries.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.starts_with("invalid YAML"),
            "{problems:?}"
        );
    }
}
