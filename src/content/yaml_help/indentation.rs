//! The mistakes of indentation: a key or an item that does not line up with the
//! lines above it, named with the line it should line up with and by how much to
//! move it.
//!
//! It reads the lines of a front matter that failed to parse; it never changes what
//! valid YAML means.

use super::{content_column, indent, indent_by, item_content, key_value, significant};

/// A line indented too far or not far enough, or the line before it moved to the left.
pub(super) fn indentation(lines: &[&str], at: usize) -> Option<(usize, String)> {
    let line = *lines.get(at).filter(|l| significant(l))?;
    let before = (0..at).rev().find(|&i| significant(lines[i]))?;
    let (this, previous) = (indent(line), content_column(lines[before]));
    let name = |line: &str| match key_value(line) {
        Some((key, _)) => format!("`{key}:`"),
        None => format!("`{}`", line.trim()),
    };
    let spaces = |n: usize| {
        if n == 1 {
            "1 space".to_string()
        } else {
            format!("{n} spaces")
        }
    };
    // The nearest line above `before` that is not deeper than this one.
    let outer = (0..before)
        .rev()
        .filter(|&i| significant(lines[i]))
        .find(|&i| indent(lines[i]) <= this || content_column(lines[i]) <= this);
    let is_item = item_content(line).0;
    if this > previous && !is_item {
        if let Some(sibling) = outer.filter(|&i| {
            content_column(lines[i]) == this && previous < this && key_value(lines[i]).is_some()
        }) {
            // `before` left its block: the lines around it are deeper than it.
            return Some((
                before,
                format!(
                    "{} is indented {} but belongs with {} above it and {} below it, at {}: {}",
                    name(lines[before]),
                    spaces(previous),
                    name(lines[sibling]),
                    name(line),
                    spaces(this),
                    indent_by(this)
                ),
            ));
        }
        let parent_value = key_value(lines[before]).is_some_and(|(_, v)| !v.is_empty());
        if parent_value || !item_content(lines[before]).1.ends_with(':') {
            let column = content_column(lines[before]);
            return Some((
                at,
                format!(
                    "{} is indented more than {} on the line above ({} instead of {}), so YAML reads it as part of that value: {}, like {}",
                    name(line),
                    name(lines[before]),
                    spaces(this),
                    column,
                    indent_by(column),
                    name(lines[before]),
                ),
            ));
        }
        return None;
    }
    // The columns open at this point: those of the lines above, from the deepest out.
    let mut open = Vec::new();
    let mut limit = usize::MAX;
    for i in (0..at).rev().filter(|&i| significant(lines[i])) {
        let (dash, content) = (indent(lines[i]), content_column(lines[i]));
        if content < limit {
            open.push((i, content));
        }
        if dash < limit && dash != content {
            open.push((i, dash));
        }
        limit = limit.min(dash);
        if limit == 0 {
            break;
        }
    }
    if is_item {
        // A `-` among the keys of the item above, or a list whose `-` do not line up.
        let items: Vec<usize> = open
            .iter()
            .filter(|&&(i, col)| item_content(lines[i]).0 && indent(lines[i]) == col)
            .map(|&(i, _)| i)
            .collect();
        let same_list = items.iter().find(|&&i| indent(lines[i]) != this)?;
        let deeper_than_key = open.iter().any(|&(_, col)| col == this);
        if indent(lines[*same_list]) > this || deeper_than_key {
            let column = indent(lines[*same_list]);
            return Some((
                at,
                format!(
                    "this list item is indented {}, but the item above it ({}) is at {}: indent every `-` of a list by the same number of spaces",
                    spaces(this),
                    lines[*same_list].trim(),
                    spaces(column)
                ),
            ));
        }
        return None;
    }
    if open.iter().any(|&(_, col)| col == this) {
        return None;
    }
    // Deeper than the column it should share: the nearest open column to the right.
    let (sibling, column) = open
        .iter()
        .filter(|&&(_, col)| col > this)
        .min_by_key(|&&(_, col)| col)
        .copied()?;
    let sibling_name = match key_value(lines[sibling]) {
        Some((key, _)) => format!("`{key}:`"),
        None => format!("`{}`", lines[sibling].trim()),
    };
    Some((
        at,
        format!(
            "{} is indented {}, but {} above it is at {}: {}",
            name(line),
            spaces(this),
            sibling_name,
            spaces(column),
            indent_by(column)
        ),
    ))
}
