//! Invalid sites, one defect each: the build fails, names the file and line, says what
//! to do, and writes nothing. Each case's exact report is a snapshot.

use crate::common::*;

#[test]
fn every_invalid_case_fails_with_its_exact_message() {
    let cases_dir = fixture("invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&cases_dir)
        .expect("tests/fixtures/invalid exists")
        .map(|entry| entry.expect("a readable case").path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the invalid suite has its cases");
    for case in cases {
        let name = case
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let site = copy_site(&case);
        let args_file = site.path().join("args.txt");
        let args: Vec<String> = std::fs::read_to_string(&args_file)
            .map(|text| text.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = build(site.path(), &args);
        let text = report(&output, site.path());
        assert_eq!(
            output.status.code(),
            Some(1),
            "case {name} must fail with exit code 1:\n{text}"
        );
        assert!(
            !site.path().join("public").exists(),
            "case {name} wrote output"
        );
        insta::assert_snapshot!(format!("invalid_{name}"), text);
    }
}
