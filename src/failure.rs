//! Why a command failed, as a value: the site's content, its templates, or usage and
//! I/O. `main` maps each to its exit code (1, 1 and 2) and prints it.
//!
//! This module owns the three kinds and the one place where an error from a stage
//! that returns `anyhow::Error` (the render, which writes through a `Sink`) is told
//! apart ([`Failure::from`]). It reports nothing: content and template problems are
//! printed as diagnostics where they are found; what is left here is their count.

use std::fmt;

use crate::render::TemplateErrors;

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// Errors in the content, each printed already as a diagnostic.
    Content(ContentErrors),
    /// Templates that do not compile or do not render, each printed already as a
    /// diagnostic.
    Templates(TemplateErrors),
    /// A usage or I/O problem (a missing folder, an output that cannot be written),
    /// with its chain of causes.
    Io(anyhow::Error),
}

impl Failure {
    /// The exit code: 1 for the site's own content or templates, 2 for usage or I/O.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Content(_) | Failure::Templates(_) => 1,
            Failure::Io(_) => 2,
        }
    }
}

impl fmt::Display for Failure {
    /// `error: ...` as `main` prints it: the count of the problems already shown, or
    /// the I/O error and each of its causes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Content(errors) => write!(f, "{errors}"),
            Failure::Templates(errors) => write!(f, "{errors}"),
            Failure::Io(error) => write!(f, "{error:#}"),
        }
    }
}

/// An error from a stage that returns `anyhow::Error`: the content or template
/// errors it carries, or else a usage or I/O problem.
impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Failure {
        let error = match error.downcast::<ContentErrors>() {
            Ok(errors) => return Failure::Content(errors),
            Err(error) => error,
        };
        match error.downcast::<TemplateErrors>() {
            Ok(errors) => Failure::Templates(errors),
            Err(error) => Failure::Io(error),
        }
    }
}

impl From<ContentErrors> for Failure {
    fn from(errors: ContentErrors) -> Failure {
        Failure::Content(errors)
    }
}

impl From<TemplateErrors> for Failure {
    fn from(errors: TemplateErrors) -> Failure {
        Failure::Templates(errors)
    }
}

/// Errors in the content, reported one by one already: `2 errors in the content`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentErrors {
    pub count: usize,
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.count {
            1 => f.write_str("1 error in the content"),
            n => write!(f, "{n} errors in the content"),
        }
    }
}

impl std::error::Error for ContentErrors {}

#[cfg(test)]
mod tests {
    use anyhow::Context;

    use super::*;

    /// An error that went through a stage as `anyhow::Error`, with context added on
    /// the way, keeps its kind; anything else is I/O.
    #[test]
    fn each_kind_keeps_its_exit_code_through_anyhow() {
        let content: anyhow::Error = ContentErrors { count: 2 }.into();
        let failure = Failure::from(content.context("checking the links"));
        assert!(matches!(
            failure,
            Failure::Content(ContentErrors { count: 2 })
        ));
        assert_eq!(failure.exit_code(), 1);

        let templates = TemplateErrors {
            diagnostics: Vec::new(),
            source: None,
        };
        let failure = Failure::from(anyhow::Error::new(templates));
        assert!(matches!(failure, Failure::Templates(_)));
        assert_eq!(failure.exit_code(), 1);

        let io = Err::<(), _>(std::io::Error::other("disk full"))
            .context("cannot write public/index.html")
            .unwrap_err();
        let failure = Failure::from(io);
        assert_eq!(failure.exit_code(), 2);
        assert_eq!(
            failure.to_string(),
            "cannot write public/index.html: disk full"
        );
    }
}
