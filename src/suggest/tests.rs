use super::{NameIndex, closest};

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

/// The name `index` suggests for `input` among `names`, numbered in order.
fn nearest<'a>(input: &str, names: &[&'a str]) -> Option<&'a str> {
    let mut index = NameIndex::default();
    for (number, name) in names.iter().enumerate() {
        index.insert(name, number as u32);
    }
    index.nearest(input).map(|n| names[n as usize])
}

#[test]
fn the_index_suggests_what_comparing_every_name_does() {
    let keys = ["participants", "topics", "title"];
    assert_eq!(nearest("partcipants", &keys), Some("participants"));
    assert_eq!(nearest("Topcs", &keys), Some("topics"));
    assert_eq!(nearest("zzzz", &keys), None);
    assert_eq!(
        nearest("witkof", &["steve-witkoff", "witkoff", "russia"]),
        Some("witkoff")
    );
    assert_eq!(
        nearest("witkof", &["steve-witkoff", "Steve Witkoff"]),
        Some("steve-witkoff")
    );
    assert_eq!(
        nearest("Dmitriv", &["kirill-dmitriev", "russia"]),
        Some("kirill-dmitriev")
    );
}

#[test]
fn finds_part_names_short_names_and_names_in_any_script() {
    let names = [
        "steve-witkoff",
        "Steve Witkoff",
        "US",
        "EU",
        "volodymyr-zelenskyy",
        "Володимир Зеленський",
        "Зеленський",
        "ΝΑΤΟ",
        "李强",
    ];
    assert_eq!(nearest("witkof", &names), Some("steve-witkoff"));
    assert_eq!(nearest("WITKOFF", &names), Some("steve-witkoff"));
    assert_eq!(nearest("UK", &names), Some("US"));
    assert_eq!(nearest("Зеленскй", &names), Some("Зеленський"));
    assert_eq!(nearest("зеленський володимир", &names), None);
    assert_eq!(
        nearest("Володимир Зеленскии", &names),
        Some("Володимир Зеленський")
    );
    assert_eq!(
        nearest("volodimir-zelenskiy", &names),
        Some("volodymyr-zelenskyy")
    );
    assert_eq!(nearest("νατο", &names), Some("ΝΑΤΟ"));
    assert_eq!(nearest("李", &names), Some("李强"));
    assert_eq!(nearest("", &names), None);
    assert_eq!(nearest(&"x".repeat(500), &names), None);
}

#[test]
fn ties_go_to_the_first_name_and_names_added_late_count() {
    let mut index = NameIndex::default();
    // Enough names to fill several sets, each near the next.
    let names: Vec<String> = (0..1000).map(|i| format!("envoy-{i:04}")).collect();
    for (number, name) in names.iter().enumerate() {
        index.insert(name, number as u32);
    }
    // "envoy-0001x" is one edit from envoy-0001 only.
    assert_eq!(index.nearest("envoy-0001x"), Some(1));
    // "envoy-00" is as near to every envoy-00NN: the first wins.
    assert_eq!(index.nearest("envoy-00"), Some(0));
    index.insert("Ambassador Smith", 1000);
    assert_eq!(index.nearest("ambasador smith"), Some(1000));
}

/// A small pseudo-random sequence, so that the test needs no crate and is the same
/// every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[test]
fn agrees_with_comparing_every_name_on_near_misses() {
    let first = [
        "anna", "boris", "carla", "dmitri", "elena", "ivan", "olga", "yuri",
    ];
    let last = [
        "bauer", "costa", "ivanov", "petrov", "petrova", "novak", "orlov",
    ];
    let mut rng = Lcg(7);
    let mut names = Vec::new();
    for i in 0..400 {
        let (f, l) = (first[rng.below(first.len())], last[rng.below(last.len())]);
        names.push(match i % 3 {
            0 => format!("{f}-{l}"),
            1 => format!("{} {}", capitalize(f), capitalize(l)),
            _ => format!("{f}-{l}-{i}"),
        });
    }
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut index = NameIndex::default();
    for (number, name) in refs.iter().enumerate() {
        index.insert(name, number as u32);
    }
    let letters: Vec<char> = "abcdeiklnortvy -".chars().collect();
    let mut compared = 0;
    for _ in 0..600 {
        let mut input: Vec<char> = refs[rng.below(refs.len())].chars().collect();
        for _ in 0..=rng.below(2) {
            let at = rng.below(input.len());
            match rng.below(3) {
                0 => input[at] = letters[rng.below(letters.len())],
                1 => input.insert(at, letters[rng.below(letters.len())]),
                _ if input.len() > 1 => {
                    input.remove(at);
                }
                _ => {}
            }
        }
        let input: String = input.into_iter().collect();
        let expected = closest(&input, refs.iter().copied());
        let found = index.nearest(&input).map(|n| refs[n as usize]);
        assert_eq!(found, expected, "suggestions for {input:?}");
        compared += 1;
    }
    assert_eq!(compared, 600);
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
