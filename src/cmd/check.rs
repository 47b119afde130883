//! `dossier check`: the stages of [`crate::pipeline`], in memory, with nothing written.

use crate::cli::CheckArgs;
use crate::diagnostics::{ContentFailure, Diagnostic, Format, Severity, format_problem};
use crate::output::Discard;
use crate::pipeline::{count, load_as};
use crate::render::RenderSettings;

/// Checks the site; an error in the content or the templates fails.
pub fn check(args: &CheckArgs) -> anyhow::Result<()> {
    let settings = RenderSettings::default();
    let result = load_as(&args.site, args.format).and_then(|loaded| {
        let checked = crate::links::Checked::new(&Discard);
        crate::render::render(
            &loaded.dossier,
            &loaded.templates,
            &loaded.assets,
            &settings,
        )
        .write(&checked)
        .map_err(|e| crate::pipeline::shown_as(e, args.format))?;
        checked.report(
            &loaded.dossier,
            &args.site.root,
            args.site.strict,
            args.format,
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
    crate::pipeline::print_notes(d);
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
    let counted = [" in the content", " in the templates"];
    if counted.iter().any(|end| failure.0.ends_with(end)) || format == Format::Text {
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
