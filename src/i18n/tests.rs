use super::*;

/// Every complete built-in table has exactly the English keys, each of the same
/// kind (a text, or a count with every plural form its language uses); an incomplete
/// one has no key that English lacks.
#[test]
fn complete_tables_have_the_english_keys() {
    let english = Table::parse(BUILT_IN[0].1);
    assert!(english.1.is_empty(), "{:?}", english.1);
    let english = english.0;
    for (language, text, complete) in BUILT_IN {
        let (table, problems) = Table::parse(text);
        assert!(problems.is_empty(), "{language}: {problems:?}");
        let interface = Interface::built_in(language);
        let categories = interface.categories();
        for (key, (entry, line)) in &table.entries {
            let Some(english_entry) = english.get(key) else {
                panic!("{language}.yaml:{line}: '{key}' is not an English key");
            };
            match (english_entry, entry) {
                (Entry::Text(_), Entry::Text(_)) => {}
                (Entry::Count(_), Entry::Count(forms)) => {
                    for category in &categories {
                        let at = CATEGORIES.iter().position(|c| c == category).unwrap();
                        assert!(
                            forms[at].is_some(),
                            "{language}.yaml:{line}: '{key}' lacks the form '{category}'"
                        );
                    }
                }
                _ => panic!("{language}.yaml:{line}: '{key}' is not of the English kind"),
            }
        }
        if *complete {
            let missing: Vec<&String> = english
                .entries
                .keys()
                .filter(|key| !table.entries.contains_key(*key))
                .collect();
            assert!(missing.is_empty(), "{language}.yaml lacks {missing:?}");
        }
    }
}

#[test]
fn counts_take_the_languages_plural_forms() {
    let uk = Interface::built_in("uk");
    assert_eq!(uk.categories(), ["one", "few", "many", "other"]);
    let shown: Vec<String> = [1, 2, 5, 21, 22, 25, 11]
        .iter()
        .map(|&n| format!("{n} {}", uk.form("noun.meetings", Some(n))))
        .collect();
    assert_eq!(
        shown,
        [
            "1 зустріч",
            "2 зустрічі",
            "5 зустрічей",
            "21 зустріч",
            "22 зустрічі",
            "25 зустрічей",
            "11 зустрічей"
        ]
    );
    let en = Interface::built_in("en");
    assert_eq!(en.count("more.meetings", 1, &[]), "All 1 meeting");
    assert_eq!(en.count("more.meetings", 21, &[]), "All 21 meetings");
}

#[test]
fn dates_are_in_the_languages_words() {
    let date = Date::parse("2025-12-21").unwrap();
    let shown: Vec<String> = ["en", "uk", "fr", "zh", "de"]
        .iter()
        .map(|lang| Interface::built_in(lang).date(&date))
        .collect();
    assert_eq!(
        shown,
        [
            "21 December 2025",
            "21 грудня 2025\u{202f}р.",
            "21 décembre 2025",
            "2025年12月21日",
            "21. Dezember 2025"
        ]
    );
    assert_eq!(Interface::built_in("en").month(&date), "December 2025");
}

#[test]
fn placeholders_are_filled_and_unknown_ones_kept() {
    assert_eq!(
        fill("Meetings of {name} {x} {", &[("name", "A")]),
        "Meetings of A {x} {"
    );
}

#[test]
fn a_sites_table_overrides_and_its_problems_are_warnings_at_their_lines() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("i18n")).unwrap();
    std::fs::write(
        site.path().join("i18n/uk.yaml"),
        "nav.briefings: Огляди\nnav.briefngs: x\nnoun.meetings:\n  one: зустріч\n  other: зустрічі\n",
    )
    .unwrap();
    let mut diagnostics = Diagnostics::default();
    let uk = Interface::load(site.path(), "uk", Some(3), &mut diagnostics).unwrap();
    assert_eq!(uk.raw("nav.briefings"), "Огляди");
    let messages: Vec<String> = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
    assert_eq!(
        messages,
        [
            "i18n/uk.yaml:2: warning: unknown interface string 'nav.briefngs' (did you mean 'nav.briefings'?)",
            "i18n/uk.yaml:3: warning: 'noun.meetings' lacks the plural forms few, many of 'uk'",
        ]
    );
}

#[test]
fn a_language_without_a_table_says_what_is_shown_in_english() {
    let site = tempfile::tempdir().unwrap();
    let mut diagnostics = Diagnostics::default();
    let it = Interface::load(site.path(), "it", Some(4), &mut diagnostics).unwrap();
    assert_eq!(it.raw("nav.briefings"), "Briefings");
    assert_eq!(
        it.date(&Date::parse("2025-12-21").unwrap()),
        "21 dicembre 2025"
    );
    let messages: Vec<String> = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].starts_with("dossier.yaml:4: warning: there are no built-in interface strings for 'it': actor.briefings,"),
        "{messages:?}"
    );
    assert_eq!(Interface::built_in("ar").direction(), "rtl");
    assert_eq!(Interface::built_in("uk").direction(), "ltr");
}

/// Persian and Arabic days are in the Gregorian calendar (as every date of a dossier
/// is), in the words and digits CLDR gives the language: Persian digits for `fa`,
/// Latin digits for `ar` (CLDR's default; `ar-EG` has Arabic-Indic ones).
#[test]
fn persian_and_arabic_days_are_gregorian_in_their_words_and_digits() {
    let date = Date::parse("2025-12-21").unwrap();
    assert_eq!(Interface::built_in("fa").date(&date), "۲۱ دسامبر ۲۰۲۵");
    assert_eq!(Interface::built_in("ar").date(&date), "21 ديسمبر 2025");
    assert_eq!(Interface::built_in("ar-EG").date(&date), "٢١ ديسمبر ٢٠٢٥");
}
