//! "Did you mean ...?": the nearest known name to a misspelt one.

/// The candidate nearest to `input`, when one is close enough to be a likely typo.
/// Comparison ignores case. Ties go to the first candidate in order.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_lowercase();
    let mut best: Option<(&'a str, f64)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        // A misspelt surname ("witkof") should find the full name ("steve-witkoff").
        let by_part = lower
            .split([' ', '-', '_'])
            .filter(|part| part.chars().count() >= 3 && *part != lower)
            .map(|part| 0.95 * strsim::normalized_damerau_levenshtein(&input, part))
            .fold(0.0, f64::max);
        let score = strsim::normalized_damerau_levenshtein(&input, &lower).max(by_part);
        let threshold = if input.chars().count() <= 4 { 0.5 } else { 0.6 };
        if score >= threshold && best.is_none_or(|(_, b)| score > b) {
            best = Some((candidate, score));
        }
    }
    best.map(|(candidate, _)| candidate)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["participants", "topics", "title"];
        assert_eq!(closest("partcipants", keys), Some("participants"));
        assert_eq!(closest("Topcs", keys), Some("topics"));
        assert_eq!(closest("zzzz", keys), None);
        assert_eq!(
            closest("witkof", ["steve-witkoff", "witkoff", "russia"]),
            Some("witkoff")
        );
        assert_eq!(
            closest("witkof", ["steve-witkoff", "Steve Witkoff"]),
            Some("steve-witkoff")
        );
        assert_eq!(
            closest("Dmitriv", ["kirill-dmitriev", "russia"]),
            Some("kirill-dmitriev")
        );
    }
}
