//! The dossier in each further language of a translated site: the default
//! language's dossier, each text replaced by its translation where there is one.
//!
//! Its structure (every index, every back-reference, every order, the changes of
//! positions) is the original's, so that each language's tree has the same pages at
//! the same paths; only texts differ. What has no translation keeps the default
//! language's text, and [`Languages`] says which texts are in which language, for the
//! pages' notes and their `hreflang` links.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::*;
use crate::i18n::Interface;

/// What a translated site's dossier knows of its languages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Languages {
    /// Every language of the site, the default first; empty in a site in one language.
    pub all: Vec<String>,
    /// The name of each language of `all` in itself (`English`, `Українська`), from
    /// its interface strings.
    pub names: Vec<String>,
    /// The languages each briefing's text is written in (by [`BriefingIx`]).
    pub briefings: Vec<Vec<String>>,
    /// The languages each actor's biography is written in (by [`ActorIx`]); every
    /// language for an actor with none.
    pub actors: Vec<Vec<String>>,
    /// The languages each topic's text is written in (by [`TopicIx`]).
    pub topics: Vec<Vec<String>>,
    /// The dossier in each further language, in the order of `all`; each is the tree
    /// of pages under `<language>/`. Empty in those dossiers themselves.
    pub trees: Vec<Dossier>,
}

impl Languages {
    /// True in a site with more than one language.
    pub fn is_translated(&self) -> bool {
        self.all.len() > 1
    }
}

/// One briefing's translated texts; what is `None` keeps the original's.
#[derive(Debug, Default)]
pub struct BriefingText {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub body_html: Option<Arc<str>>,
    /// By meeting id.
    pub meetings: Vec<(String, MeetingText)>,
    pub positions: Vec<PositionText>,
    pub quotes: Vec<QuoteText>,
}

/// A meeting's translated texts.
#[derive(Debug, Default)]
pub struct MeetingText {
    pub title: Option<String>,
    pub location: Option<String>,
    pub summary_html: Option<String>,
    pub outcome_html: Option<String>,
}

/// A position's translated stance, with what finds the position it translates.
#[derive(Debug)]
pub struct PositionText {
    pub actor: String,
    pub topic: String,
    pub date: Date,
    /// The original's stance as written.
    pub original: String,
    pub stance: String,
    pub stance_html: String,
}

/// A quote's translated text, with what finds the quote it translates.
#[derive(Debug)]
pub struct QuoteText {
    pub actor: String,
    pub date: Date,
    /// The original's text.
    pub original: String,
    pub text: String,
}

/// An actor's translated name, role and biography.
#[derive(Debug)]
pub struct ActorText {
    pub name: String,
    pub role: String,
    pub bio_html: Option<Arc<str>>,
}

/// A topic's translated name and text.
#[derive(Debug)]
pub struct TopicText {
    pub name: String,
    pub body_html: Option<Arc<str>>,
}

/// The translated texts of one language, by slug and id.
#[derive(Debug, Default)]
pub struct LanguageTexts {
    pub language: String,
    pub briefings: HashMap<String, BriefingText>,
    pub actors: HashMap<String, ActorText>,
    pub topics: HashMap<String, TopicText>,
}

/// The translated texts of every further language, as the resolve finds them.
#[derive(Debug, Default)]
pub struct Texts {
    pub languages: Vec<LanguageTexts>,
    /// The ids of the meetings whose title the build made from their participants'
    /// names (the original gave none): made again in each language.
    pub made_titles: Vec<String>,
}

impl Texts {
    /// No texts yet, for each of `languages`.
    pub fn new(languages: &[String]) -> Texts {
        Texts {
            languages: languages
                .iter()
                .map(|language| LanguageTexts {
                    language: language.clone(),
                    ..LanguageTexts::default()
                })
                .collect(),
            made_titles: Vec::new(),
        }
    }

    /// The texts of `language`, one of those given to [`Texts::new`].
    pub fn language_mut(&mut self, language: &str) -> &mut LanguageTexts {
        let at = self
            .languages
            .iter()
            .position(|l| l.language == language)
            .unwrap_or_else(|| {
                self.languages.push(LanguageTexts {
                    language: language.to_string(),
                    ..LanguageTexts::default()
                });
                self.languages.len() - 1
            });
        &mut self.languages[at]
    }

    /// Fills `dossier.languages`: which texts are in which language, and the dossier
    /// in each further language, made of `dossier` with these texts.
    pub fn apply(self, dossier: &mut Dossier) {
        let config = &dossier.config;
        if config.languages.len() < 2 {
            return;
        }
        let all = config.languages.clone();
        let default = all[0].clone();
        let mut languages = Languages {
            briefings: dossier
                .briefings
                .iter()
                .map(|b| {
                    let mut in_ = vec![default.clone()];
                    for texts in &self.languages {
                        let own = texts
                            .briefings
                            .get(&b.slug)
                            .is_some_and(|t| t.body_html.is_some());
                        if own || b.body_html.trim().is_empty() {
                            in_.push(texts.language.clone());
                        }
                    }
                    in_
                })
                .collect(),
            actors: dossier
                .actors
                .iter()
                .map(|a| {
                    let mut in_ = vec![default.clone()];
                    for texts in &self.languages {
                        let own = texts
                            .actors
                            .get(&a.id)
                            .is_some_and(|t| t.bio_html.is_some());
                        if own || a.bio_html.trim().is_empty() {
                            in_.push(texts.language.clone());
                        }
                    }
                    in_
                })
                .collect(),
            topics: dossier
                .topics
                .iter()
                .map(|t| {
                    let mut in_ = vec![default.clone()];
                    for texts in &self.languages {
                        let own = texts
                            .topics
                            .get(&t.id)
                            .is_some_and(|x| x.body_html.is_some());
                        if own || t.body_html.trim().is_empty() {
                            in_.push(texts.language.clone());
                        }
                    }
                    in_
                })
                .collect(),
            names: config
                .interfaces()
                .iter()
                .map(|interface| interface.raw("language.name").to_string())
                .collect(),
            all,
            trees: Vec::new(),
        };
        let trees = self
            .languages
            .iter()
            .zip(&dossier.config.translated)
            .map(|(texts, interface)| {
                let mut tree = in_language(dossier, texts, interface, &self.made_titles);
                tree.languages = Languages {
                    trees: Vec::new(),
                    ..languages.clone()
                };
                tree
            })
            .collect();
        languages.trees = trees;
        dossier.languages = languages;
    }
}

/// The dossier of `original` in the language of `texts`.
fn in_language(
    original: &Dossier,
    texts: &LanguageTexts,
    interface: &Arc<Interface>,
    made_titles: &[String],
) -> Dossier {
    let mut config = original.config.clone();
    config.language = texts.language.clone();
    config.interface = interface.clone();
    if !config.base_url.is_empty() {
        config.base_url = format!("{}/{}", config.base_url, texts.language);
    }
    let mut d = Dossier {
        config,
        briefings: original.briefings.clone(),
        actors: original.actors.clone(),
        topics: original.topics.clone(),
        meetings: original.meetings.clone(),
        positions: original.positions.clone(),
        quotes: original.quotes.clone(),
        drafts_left_out: original.drafts_left_out.clone(),
        languages: Languages::default(),
    };
    for actor in &mut d.actors {
        if let Some(text) = texts.actors.get(&actor.id) {
            actor.name = text.name.clone();
            actor.role = text.role.clone();
            if let Some(bio) = &text.bio_html {
                actor.bio_html = bio.clone();
            }
        }
    }
    for topic in &mut d.topics {
        if let Some(text) = texts.topics.get(&topic.id) {
            topic.name = text.name.clone();
            if let Some(body) = &text.body_html {
                topic.body_html = body.clone();
            }
        }
    }
    let meeting_at: BTreeMap<&str, usize> = original
        .meetings
        .iter()
        .enumerate()
        .map(|(at, m)| (m.id.as_str(), at))
        .collect();
    // Titles made from names, made again with the names and words of the language.
    for id in made_titles {
        let Some(&at) = meeting_at.get(id.as_str()) else {
            continue;
        };
        let names: Vec<&str> = d.meetings[at]
            .participants
            .iter()
            .map(|&p| d.actors[p.get()].name.as_str())
            .collect();
        let names = crate::i18n::names_list(interface, &names);
        d.meetings[at].title = interface.text("meeting.default_title", &[("names", &names)]);
    }
    for (bix, briefing) in d.briefings.iter_mut().enumerate() {
        let Some(text) = texts.briefings.get(&briefing.slug) else {
            continue;
        };
        if let Some(title) = &text.title {
            briefing.title = title.clone();
        }
        if let Some(summary) = &text.summary {
            briefing.summary = summary.clone();
        }
        if let Some(body) = &text.body_html {
            briefing.body_html = body.clone();
        }
        for (id, meeting_text) in &text.meetings {
            let Some(&at) = meeting_at.get(id.as_str()) else {
                continue;
            };
            let meeting = &mut d.meetings[at];
            if let Some(title) = &meeting_text.title {
                meeting.title = title.clone();
            }
            if let Some(location) = &meeting_text.location {
                meeting.location = location.clone();
            }
            if let Some(summary) = &meeting_text.summary_html {
                meeting.summary_html = summary.clone();
            }
            if let Some(outcome) = &meeting_text.outcome_html {
                meeting.outcome_html = outcome.clone();
            }
        }
        let bix = BriefingIx(bix as u32);
        let mut done = vec![false; briefing.positions.len()];
        for position_text in &text.positions {
            let found = briefing.positions.iter().enumerate().find(|(at, p)| {
                let p = &original.positions[p.get()];
                !done[*at]
                    && p.briefing == bix
                    && original.actor(p.actor).id == position_text.actor
                    && original.topic(p.topic).id == position_text.topic
                    && p.date == position_text.date
                    && p.stance == position_text.original
            });
            if let Some((at, &ix)) = found {
                done[at] = true;
                let position = &mut d.positions[ix.get()];
                position.stance = position_text.stance.clone();
                position.stance_html = position_text.stance_html.clone();
            }
        }
        let mut done = vec![false; briefing.quotes.len()];
        for quote_text in &text.quotes {
            let found = briefing.quotes.iter().enumerate().find(|(at, q)| {
                let q = &original.quotes[q.get()];
                !done[*at]
                    && original.actor(q.actor).id == quote_text.actor
                    && q.date == quote_text.date
                    && q.text == quote_text.original
            });
            if let Some((at, &ix)) = found {
                done[at] = true;
                d.quotes[ix.get()].text = quote_text.text.clone();
            }
        }
    }
    d
}
