//! The fields of each mapping the schemas describe, with their descriptions (the
//! README's words): the one place a key of the front matter or of `dossier.yaml` is
//! described for editors.

use super::{Field, Shape};

pub(super) const fn field(key: &'static str, shape: Shape, description: &'static str) -> Field {
    Field {
        key,
        shape,
        required: false,
        description,
    }
}

pub(super) const fn required(key: &'static str, shape: Shape, description: &'static str) -> Field {
    Field {
        key,
        shape,
        required: true,
        description,
    }
}

pub(super) const BRIEFING: &[Field] = &[
    required("title", Shape::Text, "The briefing's title. Required."),
    required(
        "date",
        Shape::Date,
        "Required: YYYY-MM-DD or an RFC 3339 date-time, such as 2025-12-21.",
    ),
    field(
        "summary",
        Shape::Text,
        "One paragraph shown in lists and feeds.",
    ),
    field(
        "slug",
        Shape::Id,
        "Optional; default: the file name, made an id. Lowercase letters, digits and single hyphens.",
    ),
    field(
        "draft",
        Shape::Bool,
        "Drafts are built only with --drafts (default: false).",
    ),
    field(
        "topics",
        Shape::Topics,
        "Topic references: each an id, a name or an alias.",
    ),
    field(
        "sources",
        Shape::Items(SOURCE),
        "The sources the briefing cites, each with a local id.",
    ),
    field(
        "meetings",
        Shape::Items(MEETING),
        "The meetings the briefing describes: who met whom, when, where, about what.",
    ),
    field(
        "positions",
        Shape::Items(POSITION),
        "What each actor holds on each topic, as of a date.",
    ),
    field(
        "quotes",
        Shape::Items(QUOTE),
        "What an actor said, word for word.",
    ),
];

pub(super) const SOURCE: &[Field] = &[
    required(
        "id",
        Shape::Id,
        "Required: the source's local id, cited as [^id] in the body or by `source:`.",
    ),
    field(
        "title",
        Shape::Text,
        "The title of the article or document.",
    ),
    field("publisher", Shape::Text, "Who published it."),
    field(
        "url",
        Shape::Url,
        "Its full address: http, https or mailto only.",
    ),
];

pub(super) const MEETING: &[Field] = &[
    field(
        "id",
        Shape::Id,
        "Optional; default: <date>-<participant ids>. Lowercase letters, digits and single hyphens.",
    ),
    field(
        "title",
        Shape::Text,
        "Optional; default: \"Meeting of A and B\".",
    ),
    field(
        "date",
        Shape::Date,
        "Optional; default: the briefing's date. YYYY-MM-DD.",
    ),
    field("location", Shape::Text, "Where it took place."),
    required(
        "participants",
        Shape::Actors,
        "Required: who met, each an actor reference (an id, a name or an alias).",
    ),
    field(
        "topics",
        Shape::Topics,
        "What it was about: topic references.",
    ),
    field("summary", Shape::Text, "What happened. Markdown allowed."),
    field("outcome", Shape::Text, "What came of it."),
    field(
        "source",
        Shape::Id,
        "The id of one of the briefing's sources.",
    ),
];

pub(super) const POSITION: &[Field] = &[
    required(
        "actor",
        Shape::Actor,
        "Required: who holds it, an actor reference.",
    ),
    required(
        "topic",
        Shape::Topic,
        "Required: on what, a topic reference.",
    ),
    required(
        "stance",
        Shape::Text,
        "Required: the position, short, Markdown inline.",
    ),
    field(
        "date",
        Shape::Date,
        "Optional; default: the briefing's date. YYYY-MM-DD.",
    ),
    field(
        "change",
        Shape::Change,
        "Optional: restated | changed (default: by comparing the text with the stance before it).",
    ),
    field(
        "source",
        Shape::Id,
        "The id of one of the briefing's sources.",
    ),
];

pub(super) const QUOTE: &[Field] = &[
    required(
        "actor",
        Shape::Actor,
        "Required: who said it, an actor reference.",
    ),
    required("text", Shape::Text, "Required: the words, as said."),
    field(
        "date",
        Shape::Date,
        "Optional; default: the briefing's date. YYYY-MM-DD.",
    ),
    field(
        "source",
        Shape::Id,
        "The id of one of the briefing's sources.",
    ),
];

pub(super) const ACTOR: &[Field] = &[
    required(
        "name",
        Shape::Text,
        "Required: the actor's name, as pages show it.",
    ),
    field(
        "kind",
        Shape::ActorKind,
        "person (default) | organization | state | delegation | group.",
    ),
    field(
        "role",
        Shape::Text,
        "Shown as the tooltip of every link to the actor.",
    ),
    field(
        "affiliation",
        Shape::Actor,
        "The actor it belongs to: an actor reference.",
    ),
    field(
        "aliases",
        Shape::Texts,
        "Other names that references and wikilinks match.",
    ),
];

pub(super) const TOPIC: &[Field] = &[
    required(
        "name",
        Shape::Text,
        "Required: the topic's name, as pages show it.",
    ),
    field(
        "aliases",
        Shape::Texts,
        "Other names that references and wikilinks match.",
    ),
];

pub(super) const CONFIG: &[Field] = &[
    field("title", Shape::Text, "The site's title (default: Dossier)."),
    field(
        "description",
        Shape::Text,
        "One line for feeds and meta tags.",
    ),
    field(
        "base_url",
        Shape::Text,
        "The public address of the site, used only for the feeds, the sitemap and canonical links.",
    ),
    field(
        "language",
        Shape::Text,
        "The pages' lang attribute, a BCP 47 tag (default: en).",
    ),
    field(
        "languages",
        Shape::Texts,
        "A translated site's languages, the default first: each further one gets its own tree of pages under <language>/.",
    ),
    field(
        "strict",
        Shape::Bool,
        "true: every warning fails the build (default: false).",
    ),
    field(
        "trusted_html",
        Shape::Bool,
        "true: raw HTML in Markdown is kept as written (trusted authors only; default: false).",
    ),
];
