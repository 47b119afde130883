//! `dossier build`: the stages of [`crate::pipeline`], the output swapped in whole.

use std::time::Instant;

use super::shown;
use crate::cli::{BuildArgs, TerminalArgs};
use crate::failure::Failure;
use crate::output::check_output_dir;
use crate::pipeline::count;
use crate::render::RenderSettings;

/// Builds the site; the previous output stays as it was unless the whole build succeeded.
pub fn build(args: &BuildArgs, terminal: &TerminalArgs) -> Result<(), Failure> {
    let started = Instant::now();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.site.root.join("public"));
    check_output_dir(&args.site.root, &output)?;
    let progress = terminal.progress(started);
    let loaded = crate::pipeline::load(&args.site)?;
    terminal.stage("Read and resolved the content", started);
    let rendered = Instant::now();
    let settings = RenderSettings::default();
    let rendering = crate::render::render(
        &loaded.dossier,
        &loaded.templates,
        &loaded.assets,
        &settings,
    );
    let files = crate::output::write(&output, |staging| {
        let checked = crate::links::Checked::new(staging);
        progress.pages(rendering.page_count());
        rendering.write(&progress.counting(&checked))?;
        progress.finish();
        terminal.stage("Rendered and checked every page", rendered);
        Ok(checked.report(
            &loaded.dossier,
            &args.site.root,
            args.site.strict,
            Default::default(),
        )?)
    })
    .map_err(|e| crate::pipeline::shown_as(e.into(), crate::diagnostics::Format::Text))?;
    let d = &loaded.dossier;
    if !terminal.quiet {
        crate::pipeline::print_notes(d);
    }
    terminal.summary(&format!(
        "Built {}, {}, {}, {} ({files} files) into {} in {} ms",
        count(d.briefings.len(), "briefing"),
        count(d.actors.len(), "actor"),
        count(d.topics.len(), "topic"),
        count(d.meetings.len(), "meeting"),
        shown(&output),
        started.elapsed().as_millis()
    ));
    // The process ends with the build, and the system takes its memory back at once:
    // freeing the model and the views piece by piece would take 0.7 s at 50,000
    // briefings.
    std::mem::forget(rendering);
    std::mem::forget(loaded);
    Ok(())
}
