//! The command line: one `Args` struct per command (clap derive).

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use crate::diagnostics::Format;

/// A static site generator for briefings on negotiations: meetings, positions, quotes and sources.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (public/ by default).
    ///
    /// The new build replaces the output folder only when it succeeded: a failed
    /// build leaves the previous output untouched.
    Build(BuildArgs),
    /// Build in memory and report every error and warning; exit 1 on any error.
    ///
    /// `--format json` writes one JSON object a line on stdout (`path`, `line`,
    /// `severity`, `message`, `suggestion`); `--format github` writes GitHub Actions
    /// workflow commands on stdout, which show each problem on its line of a pull request.
    Check(CheckArgs),
    /// Create a new site in DIR with one example briefing.
    Init(InitArgs),
    /// Build in memory, serve on 127.0.0.1, rebuild on change and reload the browser.
    ///
    /// Watches content/, templates/, static/ and dossier.yaml. A change that does not
    /// build keeps the last good site served and shows the error over the open page.
    Serve(ServeArgs),
    /// Work with the embedded templates and stylesheet.
    Templates(TemplatesArgs),
}

/// Where the site is and what to include.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder (holding content/ and, optionally, dossier.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Include briefings marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Treat every warning as an error (as `strict: true` in dossier.yaml).
    #[arg(long)]
    pub strict: bool,
    /// The site's public address for this run, in place of dossier.yaml's `base_url`
    /// (a deploy preview): only the absolute addresses change (feeds, sitemap,
    /// canonical links, robots.txt, calendars, the 404 page's links).
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,
}

/// A `--base-url`: an http(s) address, kept without its trailing `/`.
fn parse_base_url(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("write an absolute address that starts with https:// or http://".into());
    }
    match crate::config::base_url_problem(text) {
        Some(problem) => Err(problem),
        None => Ok(text.trim_end_matches('/').to_string()),
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// How to print the problems.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The output folder [default: public/ in the site's folder].
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TemplatesArgs {
    #[command(subcommand)]
    pub command: TemplatesCommand,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Write the embedded templates into DIR/templates/ and the stylesheet into
    /// DIR/static/style.css, for editing; nothing is written when one of them exists.
    ///
    /// Each file there replaces the embedded one of the same name: keep only those you
    /// change, so that the others follow new versions of dossier. One rule of your own
    /// needs no copy at all: write it in static/extra.css, which every page links after
    /// the default stylesheet.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The site's folder.
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it must not exist, or be empty).
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port to listen on; 0 picks a free one (the URL printed names it).
    #[arg(long, short, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on. Anything but a loopback address makes the site
    /// reachable from other machines.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub bind: IpAddr,
    /// Open the site in the default browser once it is served.
    #[arg(long)]
    pub open: bool,
}
