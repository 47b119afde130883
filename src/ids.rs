//! Ids and slugs: lowercase ASCII letters, digits and single hyphens. The one place
//! that says what an id is, for the model (ids of actors, topics, briefings and
//! meetings) and for Markdown (heading and footnote ids) alike; it knows neither.

/// True when `id` is lowercase ASCII letters and digits joined by single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The longest id, in bytes: ids become folder names, which file systems limit.
pub const MAX_ID_LEN: usize = 200;

/// Why `id` cannot name a page, if it cannot: not an id, too long, or reserved.
pub fn id_problem(id: &str) -> Option<String> {
    if !is_valid_id(id) {
        let example = match slugify(id) {
            slug if slug.is_empty() || slug.len() > MAX_ID_LEN || slug == "index" => {
                "florida-talks".to_string()
            }
            slug => slug,
        };
        Some(format!(
            "use lowercase letters, digits and single hyphens, such as '{example}'"
        ))
    } else if id.len() > MAX_ID_LEN {
        Some(format!("it is longer than {MAX_ID_LEN} bytes"))
    } else if id == "index" {
        Some("'index' is reserved for the list pages".to_string())
    } else {
        None
    }
}

/// Shortens a generated id to at most `max` bytes, at a hyphen.
pub fn truncate_id(id: &str, max: usize) -> &str {
    if id.len() <= max {
        return id;
    }
    let cut = id[..=max].rfind('-').unwrap_or(max);
    id[..cut].trim_end_matches('-')
}

/// Makes an id from any text: transliterated to ASCII, lowercased, every run of other
/// characters turned into one hyphen. May be empty.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slugify("Steve Witkoff"), "steve-witkoff");
        assert_eq!(slugify("  U.S. -- envoy!  "), "u-s-envoy");
        assert_eq!(slugify("Zelensky’s plan"), "zelensky-s-plan");
        assert_eq!(slugify("Андрій Сибіга"), "andrii-sibiga");
        assert_eq!(slugify("../../etc"), "etc");
        assert_eq!(slugify("!!!"), "");
        for s in ["steve-witkoff", "u-s-envoy", "etc"] {
            assert!(is_valid_id(s));
        }
        for s in [
            "", "-a", "a-", "a--b", "A", "a_b", "../x", "é", "a.", ".", "..",
        ] {
            assert!(!is_valid_id(s), "{s}");
            assert!(id_problem(s).is_some());
        }
        assert!(id_problem("index").is_some());
        assert!(id_problem(&"a".repeat(201)).is_some());
        assert_eq!(id_problem(&"a".repeat(200)), None);
        let long = "abcd-".repeat(60);
        let cut = truncate_id(&long, MAX_ID_LEN);
        assert!(cut.len() <= MAX_ID_LEN && is_valid_id(cut), "{cut}");
    }
}
