//! Ids and slugs: lowercase ASCII letters, digits and single hyphens.

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
        for s in ["", "-a", "a-", "a--b", "A", "a_b", "../x", "é"] {
            assert!(!is_valid_id(s), "{s}");
        }
    }
}
