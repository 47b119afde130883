//! What a command shows on the terminal beside its problems: the colour of the
//! diagnostics printed as text (`--color`, `NO_COLOR`), the progress bar of a long
//! build, and how much a command says (`--quiet`, `--verbose`).
//!
//! It decides how things are shown, never what: the diagnostics, their order and
//! their text are the pipeline's. The colour choice is the one process-wide setting
//! (anstream's, set once by `main` before anything is printed), so that every
//! `anstream` stream strips the colour where it must (not a terminal, `NO_COLOR`,
//! `--color never`).

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{ColorWhen, TerminalArgs};
use crate::render::Sink;

/// How long a build runs before it shows a progress bar.
const QUIET_SPELL: Duration = Duration::from_secs(1);

impl TerminalArgs {
    /// Sets the process's colour choice from `--color` (`auto` follows the terminal
    /// and `NO_COLOR`, `CLICOLOR_FORCE`).
    pub fn apply_color(&self) {
        let choice = match self.color {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }

    /// Prints a closing summary (`Built ...`), unless `--quiet`.
    pub fn summary(&self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }

    /// Prints how long a stage took, with `--verbose`.
    pub fn stage(&self, stage: &str, started: Instant) {
        if self.verbose {
            eprintln!("{stage} in {} ms", started.elapsed().as_millis());
        }
    }

    /// The progress bar of a build that started at `started`: drawn on stderr only when
    /// it is a terminal, not `--quiet`, and once the build has run for a second.
    pub fn progress(&self, started: Instant) -> Progress {
        let shown = !self.quiet && std::io::stderr().is_terminal();
        Progress {
            bar: ProgressBar::hidden(),
            started,
            shown,
            timer: Mutex::new(None),
        }
    }
}

/// A progress bar of the pages written, hidden until the build has run for
/// [`QUIET_SPELL`].
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    shown: bool,
    timer: Mutex<Option<(mpsc::Sender<()>, std::thread::JoinHandle<()>)>>,
}

impl Progress {
    /// Starts counting `pages` pages: the bar is drawn now if the build has already run
    /// for a second, or when it has.
    pub fn pages(&self, pages: usize) {
        self.bar.set_length(pages as u64);
        self.bar.set_style(
            ProgressStyle::with_template("{spinner} writing pages [{bar:30}] {pos}/{len}")
                .expect("a valid template")
                .progress_chars("=> "),
        );
        if !self.shown {
            return;
        }
        let wait = QUIET_SPELL.saturating_sub(self.started.elapsed());
        let (done, finished) = mpsc::channel::<()>();
        let bar = self.bar.clone();
        let timer = std::thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(wait) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.enable_steady_tick(Duration::from_millis(120));
            }
        });
        *self.timer.lock().unwrap_or_else(|e| e.into_inner()) = Some((done, timer));
    }

    /// `sink`, with every page written through it counted.
    pub fn counting<'a>(&'a self, sink: &'a dyn Sink) -> Counted<'a> {
        Counted {
            sink,
            bar: &self.bar,
        }
    }

    /// Clears the bar, before anything else is printed.
    pub fn finish(&self) {
        let timer = self.timer.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some((done, timer)) = timer {
            drop(done);
            let _ = timer.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// A [`Sink`] that counts the pages written into it.
pub struct Counted<'a> {
    sink: &'a dyn Sink,
    bar: &'a ProgressBar,
}

impl Counted<'_> {
    fn count(&self, path: &str) {
        if path.ends_with(".html") && self.bar.position() < self.bar.length().unwrap_or(0) {
            self.bar.inc(1);
        }
    }
}

impl Sink for Counted<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        self.count(path);
        self.sink.write(path, bytes)
    }

    fn write_with(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.count(path);
        self.sink.write_with(path, fill)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Kept(Mutex<Vec<String>>);

    impl Sink for Kept {
        fn write(&self, path: &str, _: &[u8]) -> anyhow::Result<()> {
            self.0.lock().unwrap().push(path.to_string());
            Ok(())
        }
    }

    /// Every file goes through to the sink; only pages are counted, never past the
    /// count of pages.
    #[test]
    fn the_counting_sink_passes_every_file_on_and_counts_pages() {
        let terminal = TerminalArgs {
            color: ColorWhen::Never,
            quiet: true,
            verbose: false,
        };
        let progress = terminal.progress(Instant::now());
        progress.pages(2);
        let kept = Kept(Mutex::new(Vec::new()));
        let counted = progress.counting(&kept);
        for path in ["index.html", "feed.xml", "a/index.html", "404.html"] {
            counted.write(path, b"").unwrap();
        }
        assert_eq!(kept.0.lock().unwrap().len(), 4);
        assert_eq!(progress.bar.position(), 2);
        progress.finish();
    }
}
