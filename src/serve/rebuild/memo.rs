//! Markdown renderings kept from one resolve to the next: `dossier serve`'s
//! [`TextMemo`], so that a rebuild renders only the texts an edit can have changed.
//!
//! A rendering is taken again while its document's file has the bytes it had (the
//! digest that [`crate::content::Cache`] read) and everything a wikilink resolves
//! against, with the render options, is as it was (the resolver's `names` digest).
//! This module knows nothing of how a text is rendered: the resolver says what to
//! make, and this module only decides whether it was made already.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::model::{Body, Fields, TextMemo};

/// The renderings of the last resolve, by document path.
#[derive(Default)]
pub struct Texts {
    bodies: HashMap<PathBuf, Entry<Body>>,
    fields: HashMap<PathBuf, Entry<Fields>>,
}

/// One rendering, with what it was made from.
#[derive(Clone)]
struct Entry<T> {
    /// The digest of the document's file.
    file: u64,
    /// The resolver's digest of the names and options.
    names: u64,
    made: T,
}

impl<T: Clone> Entry<T> {
    /// The rendering, when made from the same file and names.
    fn taken(&self, file: u64, names: u64) -> Option<T> {
        (self.file == file && self.names == names).then(|| self.made.clone())
    }
}

/// The [`TextMemo`] of one resolve: it answers from the renderings kept, and collects
/// the renderings it had to make, for [`Texts::keep`].
pub struct Memo<'t> {
    texts: &'t Texts,
    /// The digest of each document's file, by path, as this resolve's load read it.
    files: &'t (dyn Fn(&Path) -> Option<u64> + Sync),
    bodies: Mutex<Vec<(PathBuf, Entry<Body>)>>,
    fields: Mutex<Vec<(PathBuf, Entry<Fields>)>>,
}

impl Texts {
    /// The memo of a resolve whose documents' files have the digests `files` gives.
    pub fn memo<'t>(&'t self, files: &'t (dyn Fn(&Path) -> Option<u64> + Sync)) -> Memo<'t> {
        Memo {
            texts: self,
            files,
            bodies: Mutex::default(),
            fields: Mutex::default(),
        }
    }

    /// Keeps what `memo`'s resolve made, and drops the renderings of the documents
    /// whose file is gone.
    pub fn keep(&mut self, made: Made, files: &dyn Fn(&Path) -> Option<u64>) {
        self.bodies.extend(made.bodies);
        self.fields.extend(made.fields);
        self.bodies.retain(|path, _| files(path).is_some());
        self.fields.retain(|path, _| files(path).is_some());
    }
}

/// The renderings a resolve made, to keep.
pub struct Made {
    bodies: Vec<(PathBuf, Entry<Body>)>,
    fields: Vec<(PathBuf, Entry<Fields>)>,
}

impl Memo<'_> {
    /// What this memo's resolve made.
    pub fn made(self) -> Made {
        Made {
            bodies: self.bodies.into_inner().unwrap_or_else(|e| e.into_inner()),
            fields: self.fields.into_inner().unwrap_or_else(|e| e.into_inner()),
        }
    }
}

/// The kept rendering at `path` from the same file and names, or one made and noted.
fn taken_or_made<T: Clone>(
    kept: &HashMap<PathBuf, Entry<T>>,
    made: &Mutex<Vec<(PathBuf, Entry<T>)>>,
    file: Option<u64>,
    names: u64,
    path: &Path,
    make: &dyn Fn() -> T,
) -> T {
    let Some(file) = file else {
        return make();
    };
    if let Some(taken) = kept.get(path).and_then(|entry| entry.taken(file, names)) {
        return taken;
    }
    let value = make();
    let entry = Entry {
        file,
        names,
        made: value.clone(),
    };
    made.lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((path.to_path_buf(), entry));
    value
}

impl TextMemo for Memo<'_> {
    fn body(&self, names: u64, path: &Path, make: &dyn Fn() -> Body) -> Body {
        let file = (self.files)(path);
        taken_or_made(&self.texts.bodies, &self.bodies, file, names, path, make)
    }

    fn fields(&self, names: u64, path: &Path, make: &dyn Fn() -> Fields) -> Fields {
        let file = (self.files)(path);
        taken_or_made(&self.texts.fields, &self.fields, file, names, path, make)
    }
}
