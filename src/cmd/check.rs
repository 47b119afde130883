//! `dossier check`: everything `build` does, in memory, with nothing written.

use super::{count, load_site_as};
use crate::cli::CheckArgs;
use crate::diagnostics::{ContentFailure, Diagnostic, Format, Severity, format_problem};
use crate::output::Discard;
use crate::render::{RenderSettings, render_site};

/// Checks the site; an error in the content or the templates fails.
pub fn check(args: &CheckArgs) -> anyhow::Result<()> {
    let result = load_site_as(&args.site, args.format).and_then(|loaded| {
        render_site(
            &loaded.dossier,
            &loaded.templates,
            &loaded.assets,
            &RenderSettings::default(),
            &Discard,
        )?;
        Ok(loaded)
    });
    let loaded = match result {
        Ok(loaded) => loaded,
        Err(error) => {
            report_site_failure(args.format, &error);
            return Err(error);
        }
    };
    let d = &loaded.dossier;
    eprintln!(
        "No errors: {}, {}, {}, {}, {}, {}",
        count(d.briefings.len(), "briefing"),
        count(d.actors.len(), "actor"),
        count(d.topics.len(), "topic"),
        count(d.meetings.len(), "meeting"),
        count(d.positions.len(), "position"),
        count(d.quotes.len(), "quote")
    );
    Ok(())
}

/// A failure of the templates is a problem of the whole site, with no file of the
/// content to name: the machine formats carry it too, without a path (it is printed
/// on stderr as well, as in the text format).
fn report_site_failure(format: Format, error: &anyhow::Error) {
    let Some(failure) = error.downcast_ref::<ContentFailure>() else {
        return;
    };
    // The count of the content's errors, already reported one by one.
    if failure.0.ends_with(" in the content") || format == Format::Text {
        return;
    }
    let problem = Diagnostic {
        path: Default::default(),
        line: None,
        severity: Severity::Error,
        message: failure.0.clone(),
    };
    println!("{}", format_problem(format, &problem));
}
