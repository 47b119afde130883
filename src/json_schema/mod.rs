//! The JSON Schemas (draft 2020-12) of the front matter of briefings, actors and
//! topics and of `dossier.yaml`, for editors (`dossier schema`): a description on every
//! field, and the dossier's own actors and topics as the suggested values of every
//! reference.
//!
//! The fields are described once, in the tables below, whose keys are those of
//! `content::schema::keys` and `config::KEYS` (a test holds them equal). This module
//! only describes: the build never reads the schemas, and what they reject is what
//! the build reports as an error or a warning (an unknown key, a missing required
//! field, an id or a date written another way).

use serde_json::{Map, Value, json};

use crate::model::{Actor, ActorKind, MAX_ID_LEN, Topic};

mod fields;

use fields::{ACTOR, BRIEFING, CONFIG, TOPIC};

/// What a field holds.
#[derive(Clone, Copy, Debug)]
enum Shape {
    Text,
    Bool,
    /// YYYY-MM-DD or an RFC 3339 date-time.
    Date,
    /// Lowercase letters, digits and single hyphens.
    Id,
    /// An http, https or mailto address.
    Url,
    ActorKind,
    Change,
    Actor,
    Actors,
    Topic,
    Topics,
    Texts,
    /// A list of mappings with these fields.
    Items(&'static [Field]),
}

/// One key of a mapping.
#[derive(Clone, Copy, Debug)]
struct Field {
    key: &'static str,
    shape: Shape,
    required: bool,
    description: &'static str,
}

/// The file name of each schema and the schema, in a fixed order: briefing, actor,
/// topic, `dossier.yaml`.
pub fn schemas(actors: &[Actor], topics: &[Topic]) -> Vec<(&'static str, Value)> {
    let defs = json!({
        "actor": references(
            "An actor: its id, its name or an alias (case does not matter). One that matches nothing makes a page for it, with a warning.",
            actors.iter().map(|a| (a.id.as_str(), a.name.as_str(), a.aliases.as_slice())),
            "actor",
        ),
        "topic": references(
            "A topic: its id, its name or an alias (case does not matter). One that matches nothing makes a page for it, with a warning.",
            topics.iter().map(|t| (t.id.as_str(), t.name.as_str(), t.aliases.as_slice())),
            "topic",
        ),
    });
    let schema = |title: &str, fields: &[Field], defs: Option<&Value>| {
        let mut schema = mapping(fields);
        let top = schema.as_object_mut().expect("a mapping is an object");
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            "https://json-schema.org/draft/2020-12/schema".into(),
        );
        head.insert("title".into(), title.into());
        head.append(top);
        if let Some(defs) = defs {
            head.insert("$defs".into(), defs.clone());
        }
        Value::Object(head)
    };
    vec![
        (
            "briefing.schema.json",
            schema(
                "The front matter of a dossier briefing (content/briefings/**/*.md)",
                BRIEFING,
                Some(&defs),
            ),
        ),
        (
            "actor.schema.json",
            schema(
                "The front matter of a dossier actor (content/actors/<id>.md)",
                ACTOR,
                Some(&defs),
            ),
        ),
        (
            "topic.schema.json",
            schema(
                "The front matter of a dossier topic (content/topics/<id>.md)",
                TOPIC,
                None,
            ),
        ),
        (
            "dossier.schema.json",
            schema("dossier.yaml, a dossier's configuration", CONFIG, None),
        ),
    ]
}

/// A mapping of `fields`, with no other key.
fn mapping(fields: &[Field]) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| {
            let mut value = value(f.shape);
            let object = value.as_object_mut().expect("every value is an object");
            object.insert("description".into(), f.description.into());
            (f.key.to_string(), value)
        })
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .collect();
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

fn value(shape: Shape) -> Value {
    // An empty optional field (`summary:`) is null in YAML, and the build takes it as
    // absent; a required one is `required` and a string.
    let text = json!({"type": ["string", "null"]});
    match shape {
        Shape::Text => text,
        Shape::Bool => json!({"type": "boolean"}),
        Shape::Date => json!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$",
        }),
        Shape::Id => json!({
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": MAX_ID_LEN,
            "not": {"const": "index"},
        }),
        Shape::Url => json!({"type": ["string", "null"], "pattern": "^(https?://|mailto:)"}),
        Shape::ActorKind => json!({
            "enum": ActorKind::WRITTEN.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
        }),
        Shape::Change => json!({"enum": ["restated", "changed"]}),
        Shape::Actor => json!({"$ref": "#/$defs/actor"}),
        Shape::Topic => json!({"$ref": "#/$defs/topic"}),
        Shape::Actors => {
            json!({"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/actor"}})
        }
        Shape::Topics => json!({"type": "array", "items": {"$ref": "#/$defs/topic"}}),
        Shape::Texts => json!({"type": "array", "items": {"type": "string"}}),
        Shape::Items(fields) => json!({"type": "array", "items": mapping(fields)}),
    }
}

/// A reference: any text, with the id, the name and each alias of every one of the
/// dossier's actors (or topics) offered as a value, each described by the one it names.
fn references<'a>(
    description: &str,
    named: impl Iterator<Item = (&'a str, &'a str, &'a [String])>,
    noun: &str,
) -> Value {
    let mut offered: Vec<Value> = Vec::new();
    for (id, name, aliases) in named {
        offered.push(json!({"const": id, "description": format!("{name} (the {noun} '{id}')")}));
        if name != id {
            offered.push(json!({"const": name, "description": format!("the {noun} '{id}'")}));
        }
        for alias in aliases {
            offered.push(
                json!({"const": alias, "description": format!("{name} (the {noun} '{id}')")}),
            );
        }
    }
    offered.push(json!({"type": "string"}));
    json!({"type": "string", "description": description, "anyOf": offered})
}

#[cfg(test)]
mod tests {
    use super::fields::*;
    use super::*;
    use crate::content::schema::keys;

    fn keys_of(fields: &[Field]) -> Vec<&'static str> {
        fields.iter().map(|f| f.key).collect()
    }

    /// The schemas describe exactly the keys the build accepts: a key added to
    /// `schema::keys` or `config::KEYS` without a description here fails.
    #[test]
    fn every_key_the_build_accepts_is_described_and_no_other() {
        assert_eq!(keys_of(BRIEFING), keys::BRIEFING);
        assert_eq!(keys_of(SOURCE), keys::SOURCE);
        assert_eq!(keys_of(MEETING), keys::MEETING);
        assert_eq!(keys_of(POSITION), keys::POSITION);
        assert_eq!(keys_of(QUOTE), keys::QUOTE);
        assert_eq!(keys_of(ACTOR), keys::ACTOR);
        assert_eq!(keys_of(TOPIC), keys::TOPIC);
        assert_eq!(keys_of(CONFIG), crate::config::KEYS);
        for fields in [
            BRIEFING, SOURCE, MEETING, POSITION, QUOTE, ACTOR, TOPIC, CONFIG,
        ] {
            for f in fields {
                assert!(f.description.ends_with('.'), "{}: {}", f.key, f.description);
            }
        }
        let written = schemas(&[], &[]);
        let properties = |file: usize, pointer: &str| -> Vec<String> {
            let mut keys: Vec<String> = written[file]
                .1
                .pointer(pointer)
                .unwrap()
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
            keys.sort();
            keys
        };
        let sorted = |keys: &[&str]| -> Vec<String> {
            let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            keys.sort();
            keys
        };
        assert_eq!(properties(0, "/properties"), sorted(keys::BRIEFING));
        assert_eq!(
            properties(0, "/properties/sources/items/properties"),
            sorted(keys::SOURCE)
        );
        assert_eq!(
            properties(0, "/properties/meetings/items/properties"),
            sorted(keys::MEETING)
        );
        assert_eq!(
            properties(0, "/properties/positions/items/properties"),
            sorted(keys::POSITION)
        );
        assert_eq!(
            properties(0, "/properties/quotes/items/properties"),
            sorted(keys::QUOTE)
        );
        assert_eq!(properties(1, "/properties"), sorted(keys::ACTOR));
        assert_eq!(properties(2, "/properties"), sorted(keys::TOPIC));
        assert_eq!(properties(3, "/properties"), sorted(crate::config::KEYS));
    }
}
