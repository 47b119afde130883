//! `dossier check --format text|json|github` on the invalid fixtures.

use crate::common::*;

/// `dossier check --format FORMAT` on a copy of an invalid fixture, with the case's
/// own arguments: its exit code, stdout and stderr.
fn check_case(case: &str, format: &str) -> (Option<i32>, String, String) {
    let site = copy_site(&fixture(&format!("invalid/{case}")));
    let mut args: Vec<String> = std::fs::read_to_string(site.path().join("args.txt"))
        .map(|text| text.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    args.extend(["--format".to_string(), format.to_string()]);
    let output = dossier()
        .current_dir(site.path())
        .arg("check")
        .args(&args)
        .output()
        .expect("dossier runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A few representative cases: a YAML error, an unknown reference with a suggestion,
/// a strict warning, a problem in dossier.yaml, several problems in one site, a
/// template that does not compile.
const CASES: [&str; 6] = [
    "malformed-yaml",
    "unknown-reference-strict",
    "typo-key-strict",
    "config-unknown-key",
    "duplicate-slug",
    "template-syntax-error",
];

#[test]
fn json_writes_one_object_per_problem() {
    for case in CASES {
        let (code, stdout, stderr) = check_case(case, "json");
        assert_eq!(code, Some(1), "{case}: {stderr}");
        let mut shown = String::new();
        for line in stdout.lines() {
            let value: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{case}: {e}: {line}"));
            let object = value.as_object().expect("an object");
            let keys: Vec<&str> = object.keys().map(String::as_str).collect();
            assert_eq!(
                keys,
                ["line", "message", "path", "severity", "suggestion"],
                "{case}"
            );
            shown.push_str(line);
            shown.push('\n');
        }
        assert!(!shown.is_empty(), "{case} reports nothing");
        insta::assert_snapshot!(format!("check_json_{case}"), shown);
    }
}

#[test]
fn github_writes_one_workflow_command_per_problem() {
    for case in CASES {
        let (code, stdout, stderr) = check_case(case, "github");
        assert_eq!(code, Some(1), "{case}: {stderr}");
        assert!(!stdout.is_empty(), "{case} reports nothing");
        for line in stdout.lines() {
            assert!(
                line.starts_with("::error ") || line.starts_with("::error::"),
                "{case}: {line}"
            );
        }
        insta::assert_snapshot!(format!("check_github_{case}"), stdout);
    }
}

/// Every invalid fixture, in both machine formats: each fails (exit 1), each line of
/// `json` is an object of the five keys, each of `github` a workflow command; one
/// snapshot per format holds them all, case by case.
#[test]
fn every_invalid_fixture_in_json_and_github() {
    let mut cases: Vec<String> = std::fs::read_dir(fixture("invalid"))
        .expect("the invalid fixtures")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    cases.sort();
    for format in ["json", "github"] {
        let mut shown = String::new();
        for case in &cases {
            let (code, stdout, stderr) = check_case(case, format);
            assert_eq!(code, Some(1), "{case}: {stderr}");
            assert!(!stdout.is_empty(), "{case} reports nothing in {format}");
            for line in stdout.lines() {
                match format {
                    "json" => {
                        let value: serde_json::Value = serde_json::from_str(line)
                            .unwrap_or_else(|e| panic!("{case}: {e}: {line}"));
                        let keys: Vec<&String> =
                            value.as_object().expect("an object").keys().collect();
                        assert_eq!(
                            keys,
                            ["line", "message", "path", "severity", "suggestion"],
                            "{case}"
                        );
                    }
                    _ => assert!(
                        line.starts_with("::error ")
                            || line.starts_with("::error::")
                            || line.starts_with("::warning "),
                        "{case}: {line}"
                    ),
                }
            }
            shown.push_str(&format!("## {case}\n{stdout}\n"));
        }
        insta::assert_snapshot!(format!("check_{format}_every_invalid_fixture"), shown);
    }
}

/// The text format is the one `build` prints, on stderr, and nothing on stdout.
#[test]
fn text_is_the_default_and_goes_to_stderr() {
    let (code, stdout, stderr) = check_case("unknown-reference-strict", "text");
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "content/briefings/talks.md:5: error: unknown actor 'witkof' (did you mean 'steve-witkoff'?)\nerror: 1 error in the content\n"
    );
}

/// Warnings are `::warning` commands and do not fail the check.
#[test]
fn warnings_are_warnings_and_pass() {
    let site = copy_site(&fixture("sites/wikilinks"));
    let output = dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .args(["--format", "github"])
        .output()
        .expect("dossier runs");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        assert!(line.starts_with("::warning file=content/"), "{line}");
    }
}
