//! Splitting a file into YAML front matter and Markdown body, and finding the line of a
//! value inside the front matter.
//!
//! This module works on text only: it reads no files and knows nothing of the model.

use std::cell::{OnceCell, RefCell};

/// A file split into its front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines (without them).
    pub yaml: &'a str,
    /// The 1-based line of the file on which the YAML starts.
    pub yaml_line: usize,
    /// The Markdown after the closing `---` line.
    pub body: &'a str,
    /// The 1-based line of the file on which the body starts.
    pub body_line: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    Missing,
    /// The opening `---` (on this 1-based line) has no closing `---`.
    Unclosed(usize),
}

/// Splits `text` (already free of a BOM and of `\r\n`) into front matter and body.
/// Blank lines before the opening `---` are allowed.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut offset = 0;
    let mut line = 1;
    let mut lines = text.split_inclusive('\n');
    // The opening fence, after any blank lines.
    let open_line = loop {
        let Some(current) = lines.next() else {
            return Err(SplitError::Missing);
        };
        offset += current.len();
        if current.trim().is_empty() {
            line += 1;
            continue;
        }
        if current.trim_end() == "---" {
            break line;
        }
        return Err(SplitError::Missing);
    };
    let yaml_start = offset;
    for (line, current) in (open_line + 1..).zip(lines) {
        let trimmed = current.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &text[yaml_start..offset];
            let body = &text[offset + current.len()..];
            return Ok(Split {
                yaml,
                yaml_line: open_line + 1,
                body,
                body_line: line + 1,
            });
        }
        offset += current.len();
    }
    Err(SplitError::Unclosed(open_line))
}

/// Where each item of a top-level list starts (0-based lines), and where the list ends.
type ListItems = (Vec<usize>, usize);

/// Finds lines inside front matter, so that a problem with a value can name its line.
///
/// serde_yaml does not keep the position of each value, so this looks the value up in
/// the text: within the list item it belongs to when there is one. It is exact for
/// ordinary block-style YAML and falls back to the key's line otherwise.
#[derive(Debug)]
pub struct Locator<'a> {
    yaml: &'a str,
    first_line: usize,
    /// The lines of `yaml`, split on first use: most documents never need them.
    lines: OnceCell<Vec<&'a str>>,
    /// For each top-level list looked up: where its items start, and where it ends.
    /// A front matter has a handful of lists, so a search beats hashing.
    lists: RefCell<Vec<(String, Option<ListItems>)>>,
}

impl<'a> Locator<'a> {
    /// A locator for `yaml`, whose first line is line `first_line` of its file.
    pub fn new(yaml: &'a str, first_line: usize) -> Self {
        Locator {
            yaml,
            first_line,
            lines: OnceCell::new(),
            lists: Default::default(),
        }
    }

    fn lines(&self) -> &[&'a str] {
        self.lines.get_or_init(|| self.yaml.lines().collect())
    }

    /// The file line of the top-level `key:`, if present.
    pub fn key(&self, key: &str) -> Option<usize> {
        self.key_index(key).map(|i| i + self.first_line)
    }

    fn key_index(&self, key: &str) -> Option<usize> {
        self.lines().iter().position(|l| is_key_line(l, key))
    }

    /// The file line of `needle` within item `index` of the top-level list `key`
    /// (or within the whole front matter when `item` is `None`); falls back to the
    /// start of the item, then to the key, then to the first line.
    pub fn find(&self, item: Option<(&str, usize)>, needle: &str) -> usize {
        let lines = self.lines();
        let (start, end) = match item {
            Some((key, index)) => self.item_range(key, index).unwrap_or_else(|| {
                let at = self.key_index(key).unwrap_or(0);
                (at, at + 1)
            }),
            None => (0, lines.len()),
        };
        let found = (!needle.is_empty())
            .then(|| (start..end.min(lines.len())).find(|&i| contains_token(lines[i], needle)))
            .flatten();
        found.unwrap_or(start) + self.first_line
    }

    /// The file line of `field:` within item `index` of the list `key`, or of the item.
    pub fn field(&self, key: &str, index: usize, field: &str) -> usize {
        match self.item_range(key, index) {
            Some((start, end)) => {
                let lines = self.lines();
                let found = (start..end).find(|&i| {
                    let l = lines[i].trim_start().trim_start_matches("- ").trim_start();
                    l.starts_with(field) && l[field.len()..].trim_start().starts_with(':')
                });
                found.unwrap_or(start) + self.first_line
            }
            None => self.key(key).unwrap_or(self.first_line),
        }
    }

    /// The 0-based line range of item `index` of the block list under the top-level `key`.
    fn item_range(&self, key: &str, index: usize) -> Option<(usize, usize)> {
        let mut lists = self.lists.borrow_mut();
        let at = match lists.iter().position(|(list, _)| list == key) {
            Some(at) => at,
            None => {
                lists.push((key.to_string(), self.list_items(key)));
                lists.len() - 1
            }
        };
        let (starts, end) = lists[at].1.as_ref()?;
        let start = *starts.get(index)?;
        let stop = starts.get(index + 1).copied().unwrap_or(*end);
        Some((start, stop))
    }

    /// Where each item of the block list under `key` starts, and where the list ends.
    fn list_items(&self, key: &str) -> Option<ListItems> {
        let lines = self.lines();
        let key_at = lines.iter().position(|l| is_key_line(l, key))?;
        let mut starts = Vec::new();
        let mut indent = None;
        let mut end = lines.len();
        for (i, line) in lines.iter().enumerate().skip(key_at + 1) {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let this_indent = line.len() - trimmed.len();
            if this_indent == 0 && !trimmed.starts_with('-') {
                end = i;
                break;
            }
            if trimmed.starts_with("- ") || trimmed == "-" {
                match indent {
                    None => {
                        indent = Some(this_indent);
                        starts.push(i);
                    }
                    Some(n) if n == this_indent => starts.push(i),
                    Some(_) => {}
                }
            }
        }
        Some((starts, end))
    }
}

/// True when `needle` occurs in `line` as a whole value, not inside a longer word
/// (`a` is not found in `partcipants: [a]` at `partcipants`).
fn contains_token(line: &str, needle: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    // Most lines do not hold the needle, and `contains` tells so faster than a search.
    line.contains(needle)
        && line.match_indices(needle).any(|(at, _)| {
            let before = line[..at].chars().next_back();
            let after = line[at + needle.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
}

fn is_key_line(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body_with_lines() {
        let text = "---\ntitle: A\ndate: 2025-01-01\n---\nBody\n";
        let split = split(text).unwrap();
        assert_eq!(split.yaml, "title: A\ndate: 2025-01-01\n");
        assert_eq!(split.yaml_line, 2);
        assert_eq!(split.body, "Body\n");
        assert_eq!(split.body_line, 5);
    }

    #[test]
    fn allows_blank_lines_before_the_fence_and_an_empty_body() {
        let split = split("\n  \n---\ntitle: A\n---").unwrap();
        assert_eq!(split.yaml_line, 4);
        assert_eq!(split.body, "");
    }

    #[test]
    fn reports_missing_and_unclosed_front_matter() {
        assert_eq!(split("# Title\n"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("\n---\ntitle: A\n"), Err(SplitError::Unclosed(2)));
    }

    #[test]
    fn finds_a_value_within_its_list_item() {
        let yaml = "title: A\nmeetings:\n  - id: one\n    participants: [a, b]\n  - id: two\n    participants: [a, c]\npositions: []\n";
        let locator = Locator::new(yaml, 2);
        assert_eq!(locator.find(Some(("meetings", 1)), "a"), 7);
        assert_eq!(locator.find(Some(("meetings", 0)), "b"), 5);
        assert_eq!(locator.field("meetings", 1, "id"), 6);
        assert_eq!(locator.key("positions"), Some(8));
        assert_eq!(locator.find(None, "title"), 2);
        let typo = Locator::new(
            "meetings:\n  - partcipants: [a]\n    participants: [a, b]\n",
            1,
        );
        assert_eq!(typo.find(Some(("meetings", 0)), "a"), 2);
        assert_eq!(typo.find(Some(("meetings", 0)), "b"), 3);
    }
}
