//! The wording of the resolver's messages that more than one step writes: unknown and
//! ambiguous references, and lists of names (`'a', 'b' and 'c'`).
//!
//! Owns: words only. Must not: decide what is a problem, or where it is reported.

/// An ambiguous reference to an entry of kind `what`, and the ids it names.
pub(super) fn ambiguous(what: &str, reference: &str, ids: &[&str]) -> String {
    format!(
        "'{reference}' is ambiguous: it names the {what}s {}: use the id",
        quote_list(ids)
    )
}

/// A reference to an entry of kind `what` that names none: a page is made for `id`,
/// unless a name near it was meant.
pub(super) fn unknown(what: &str, reference: &str, id: &str, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(near) => format!("unknown {what} '{reference}' (did you mean '{near}'?)"),
        None => format!(
            "unknown {what} '{reference}': a page is made for it; describe it in content/{what}s/{id}.md"
        ),
    }
}

/// `'a', 'b' and 'c'`.
pub(super) fn quote_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
    list(
        &quoted.iter().map(String::as_str).collect::<Vec<_>>(),
        "and",
    )
}

/// `a, b <word> c`.
pub(super) fn list(items: &[&str], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// The things a name matches, by kind in the order found: `the actors 'a' and 'b'
/// and the topic 'c'`.
pub(super) fn by_kind(found: &[(&str, &str)]) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    for (kind, _) in found {
        if !kinds.contains(kind) {
            kinds.push(kind);
        }
    }
    let groups: Vec<String> = kinds
        .iter()
        .map(|&kind| {
            let ids: Vec<&str> = found
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|&(_, id)| id)
                .collect();
            let plural = if ids.len() > 1 { "s" } else { "" };
            format!("the {kind}{plural} {}", quote_list(&ids))
        })
        .collect();
    list(
        &groups.iter().map(String::as_str).collect::<Vec<_>>(),
        "and",
    )
}
