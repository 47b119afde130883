//! Where `dossier serve`'s rebuilds stand ([`State`]: nothing built yet, the served
//! site current, or behind after a failure) and what a change needs done from there
//! ([`Work`]), as values rather than flags set and cleared in order.
//!
//! This module decides what to do, never does it: reading, resolving and rendering
//! are the [`super::Rebuilder`]'s.

use std::sync::Arc;

use super::batch::Change;
use super::render::PageDigests;
use crate::model::Dossier;
use crate::render::{Asset, Templates};
use crate::serve::BuiltSite;

/// The site served and what it was made from.
pub(super) struct Served {
    pub(super) dossier: Dossier,
    pub(super) assets: Vec<Asset>,
    /// The templates it was rendered with, or `None` once they changed: the next
    /// rebuild reads them again.
    pub(super) templates: Option<Templates>,
    pub(super) site: Arc<BuiltSite>,
    /// What each of its pages was rendered from; empty once the templates changed,
    /// since it then says nothing about the next render.
    pub(super) fingerprints: PageDigests,
}

/// Where the rebuilds stand.
#[derive(Default)]
pub(super) enum State {
    /// No build succeeded yet: nothing is served.
    #[default]
    Unbuilt,
    /// The site served is that of the sources as the last rebuild read them.
    Current(Served),
    /// The last rebuild failed: the site served is that of older sources, and the
    /// next rebuild reads them all.
    Behind(Served),
}

/// What a change needs done, given where the rebuilds stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Work {
    /// Read the sources (what changed of them), resolve and render. With
    /// `unless_unchanged`, a save that changed no byte leaves the served site as it is.
    Full { unless_unchanged: bool },
    /// Read the templates again and render the served model with them.
    Templates,
    /// Read the static files again and swap them into the served site.
    Statics,
}

impl State {
    pub(super) fn served(&self) -> Option<&Served> {
        match self {
            State::Unbuilt => None,
            State::Current(served) | State::Behind(served) => Some(served),
        }
    }

    pub(super) fn into_served(self) -> Option<Served> {
        match self {
            State::Unbuilt => None,
            State::Current(served) | State::Behind(served) => Some(served),
        }
    }

    /// The served site, empty before the first build.
    pub(super) fn site(&self) -> Arc<BuiltSite> {
        self.served()
            .map(|served| served.site.clone())
            .unwrap_or_default()
    }

    /// What `change` needs done.
    pub(super) fn work(&self, change: &Change) -> Work {
        let sources = change.config || change.rescan || !change.content.is_empty();
        match self {
            State::Current(_) if !sources && change.templates => Work::Templates,
            State::Current(_) if !sources => Work::Statics,
            State::Current(_) => Work::Full {
                unless_unchanged: change.content_only(),
            },
            State::Unbuilt | State::Behind(_) => Work::Full {
                unless_unchanged: false,
            },
        }
    }

    /// The templates changed: the served site's say nothing of the next render.
    pub(super) fn forget_templates(&mut self) {
        if let State::Current(served) | State::Behind(served) = self {
            served.templates = None;
            served.fingerprints = PageDigests::default();
        }
    }

    /// The rebuild failed: the served site is of older sources.
    pub(super) fn fall_behind(&mut self) {
        *self = match std::mem::take(self) {
            State::Current(served) => State::Behind(served),
            other => other,
        };
    }
}
