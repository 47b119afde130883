//! `dossier schema` and `dossier init`'s editor settings: the schemas accept every
//! valid site's front matter and `dossier.yaml`, reject every invalid case that is a
//! matter of shape, and offer the site's own names where a reference goes.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{dossier, fixture, repo};

/// The schemas of the site at `root`, written by the binary, by file name.
fn schemas_of(root: &Path) -> Vec<(String, Value)> {
    let out = tempfile::tempdir().unwrap();
    let output = dossier()
        .args(["schema", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    ["briefing", "actor", "topic", "dossier"]
        .iter()
        .map(|name| {
            let file = format!("{name}.schema.json");
            let text = std::fs::read_to_string(out.path().join(&file)).unwrap();
            (file, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

/// Each file of the site a schema is for, with the YAML it describes (front matter or
/// `dossier.yaml`), as JSON, or `None` when it has none to read.
fn documents(root: &Path) -> Vec<(PathBuf, &'static str, Option<Value>)> {
    let mut found = Vec::new();
    let config = root.join("dossier.yaml");
    // A translated site's translations (`<file>.<language>.md`) give only texts: the
    // schemas describe originals, and are not for them.
    let mut further: Vec<String> = Vec::new();
    if config.exists() {
        let text = std::fs::read_to_string(&config).unwrap();
        let yaml: Option<Value> = serde_yaml::from_str(&text).ok();
        if let Some(languages) = yaml.as_ref().and_then(|y| y["languages"].as_array()) {
            further = languages
                .iter()
                .skip(1)
                .filter_map(|l| l.as_str().map(|l| format!(".{l}.md")))
                .collect();
        }
        found.push((
            config,
            "dossier.schema.json",
            serde_yaml::from_str(&text).ok(),
        ));
    }
    for (folder, schema) in [
        ("briefings", "briefing.schema.json"),
        ("actors", "actor.schema.json"),
        ("topics", "topic.schema.json"),
    ] {
        let dir = root.join("content").join(folder);
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "md") {
                continue;
            }
            let name = entry.file_name().to_string_lossy();
            if further.iter().any(|suffix| name.ends_with(suffix.as_str())) {
                continue;
            }
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let front = dossier::content::split(text)
                .ok()
                .and_then(|split| serde_yaml::from_str::<Value>(split.yaml).ok());
            found.push((entry.path().to_path_buf(), schema, front));
        }
    }
    found
}

/// The schema's complaints about each document, one line each (a document with no
/// YAML to read is a complaint of its own).
fn complaints(root: &Path) -> Vec<String> {
    let schemas = schemas_of(root);
    let mut problems = Vec::new();
    for (path, schema, document) in documents(root) {
        let shown = path.strip_prefix(root).unwrap().display().to_string();
        let Some(document) = document else {
            problems.push(format!("{shown}: no YAML to read"));
            continue;
        };
        let (_, schema) = schemas.iter().find(|(name, _)| name == schema).unwrap();
        let validator = jsonschema::validator_for(schema).expect("a valid JSON Schema");
        for error in validator.iter_errors(&document) {
            problems.push(format!("{shown}: {error} at {}", error.instance_path()));
        }
    }
    problems
}

/// Every site the suite holds as valid, and the example dossier.
fn valid_sites() -> Vec<PathBuf> {
    let mut sites: Vec<PathBuf> = std::fs::read_dir(fixture("sites"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sites.sort();
    sites.push(repo());
    sites
}

#[test]
fn the_schemas_accept_every_valid_site() {
    for site in valid_sites() {
        let problems = complaints(&site);
        assert!(problems.is_empty(), "{}: {problems:#?}", site.display());
    }
}

/// The invalid cases whose defect is the shape of the YAML: a key missing, unknown or
/// of the wrong kind, an id, a date or an address written another way.
const SHAPE_CASES: &[&str] = &[
    "author-date-ambiguous-order",
    "author-date-day-month-year",
    "author-date-in-words",
    "author-date-without-zeros",
    "author-source-url-without-scheme-strict",
    "author-unknown-change",
    "bad-position-date",
    "config-unknown-key",
    "empty-date",
    "front-matter-is-a-list",
    "front-matter-is-a-scalar",
    "invalid-meeting-id",
    "invalid-slug",
    "javascript-source-url",
    "meeting-date-not-a-date",
    "meeting-id-traversal",
    "meeting-without-participants",
    "missing-title",
    "null-date",
    "position-without-stance",
    "quote-without-text",
    "slug-absolute-path",
    "slug-dot-dot",
    "slug-empty",
    "slug-index",
    "slug-nul-byte",
    "slug-percent-encoded",
    "slug-too-long",
    "slug-trailing-dot",
    "slug-windows-path",
    "source-without-id",
    "typo-key-strict",
    "unknown-actor-kind",
];

#[test]
fn the_schemas_reject_every_invalid_case_of_shape() {
    let passing: Vec<&str> = SHAPE_CASES
        .iter()
        .copied()
        .filter(|case| {
            let site = fixture(&format!("invalid/{case}"));
            assert!(site.is_dir(), "{case} is a fixture");
            complaints(&site).is_empty()
        })
        .collect();
    assert!(passing.is_empty(), "these pass the schemas: {passing:?}");
}

/// A misspelt key is flagged with its place, as an editor shows it while typing.
#[test]
fn a_misspelt_key_is_flagged_where_it_is() {
    let problems = complaints(&fixture("invalid/typo-key-strict"));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("Additional properties are not allowed")),
        "{problems:#?}"
    );
}

/// Where a reference goes, the schema offers the site's actors (and topics) by id,
/// name and alias, each described by the one it names; any other text still passes.
#[test]
fn references_offer_the_sites_own_actors_and_topics() {
    let schemas = schemas_of(&repo());
    let briefing = &schemas[0].1;
    let offered = |def: &str| -> Vec<(String, String)> {
        briefing["$defs"][def]["anyOf"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| {
                Some((
                    o["const"].as_str()?.to_string(),
                    o["description"].as_str()?.to_string(),
                ))
            })
            .collect()
    };
    let actors = offered("actor");
    assert!(
        actors.contains(&(
            "steve-witkoff".into(),
            "Steve Witkoff (the actor 'steve-witkoff')".into()
        )),
        "{actors:?}"
    );
    assert!(
        actors.contains(&(
            "Witkoff".into(),
            "Steve Witkoff (the actor 'steve-witkoff')".into()
        )),
        "{actors:?}"
    );
    assert!(!offered("topic").is_empty());
    assert_eq!(
        briefing["properties"]["meetings"]["items"]["properties"]["participants"]["items"]["$ref"],
        "#/$defs/actor"
    );
    let validator = jsonschema::validator_for(briefing).unwrap();
    let front = serde_json::json!({"title": "T", "date": "2025-01-01", "meetings": [{"participants": ["someone-new"]}]});
    assert!(validator.is_valid(&front));
}

/// `dossier init` writes the schemas and the settings that map the site's files to
/// them, and they accept its example.
#[test]
fn init_writes_the_schemas_and_the_editor_settings() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let output = dossier().arg("init").arg(&site).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(site.join(".vscode/settings.json")).unwrap())
            .unwrap();
    let mapped = settings["yaml.schemas"].as_object().unwrap();
    assert_eq!(
        mapped["./.dossier/schemas/briefing.schema.json"],
        "content/briefings/**/*.md"
    );
    for schema in mapped.keys() {
        assert!(site.join(schema).is_file(), "{schema} is written");
    }
    let briefing: Value = serde_json::from_str(
        &std::fs::read_to_string(site.join(".dossier/schemas/briefing.schema.json")).unwrap(),
    )
    .unwrap();
    assert!(
        briefing["$defs"]["actor"]["anyOf"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["const"] == "envoy-a")
    );
    assert_eq!(complaints(&site), Vec::<String>::new());
}
