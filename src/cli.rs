//! The command line: one `Args` struct per command (clap derive).

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::diagnostics::Format;

/// A static site generator for briefings on negotiations: meetings, positions, quotes and sources.
#[derive(Debug, Parser)]
#[command(name = "dossier", version = env!("DOSSIER_VERSION"), about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub terminal: TerminalArgs,
}

/// How a command shows itself on the terminal (before or after the command's name).
#[derive(Debug, Args)]
pub struct TerminalArgs {
    /// When to colour the problems printed as text: auto (on a terminal, unless the
    /// NO_COLOR variable is set), always or never.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true, value_name = "WHEN")]
    pub color: ColorWhen,
    /// Print only the problems: no summary line and no progress bar.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print how long each stage of a build or check took.
    #[arg(long, short, global = true)]
    pub verbose: bool,
}

/// When to colour the problems printed as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
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
    /// Write JSON Schemas of the front matter and of dossier.yaml, for editors.
    ///
    /// briefing.schema.json, actor.schema.json, topic.schema.json and
    /// dossier.schema.json (draft 2020-12), with a description on every key and the
    /// site's own actor and topic ids, names and aliases offered wherever a reference
    /// goes. Run it again after adding actors or topics.
    Schema(SchemaArgs),
    /// Write a new briefing, actor or topic to fill in; never over an existing file.
    ///
    /// The file is named from the title (`content/briefings/<slug>.md`,
    /// `content/actors/<id>.md`, `content/topics/<id>.md`) and holds every field an
    /// author may write, the optional ones as comments; a briefing is dated today
    /// unless `--date` says otherwise. Prints the new file's path on stdout.
    New(NewArgs),
    /// Print the shell completions of dossier for bash, zsh or fish on stdout.
    ///
    /// bash: `dossier completions bash > ~/.local/share/bash-completion/completions/dossier`;
    /// zsh: `dossier completions zsh > ~/.zfunc/_dossier` (with ~/.zfunc in fpath);
    /// fish: `dossier completions fish > ~/.config/fish/completions/dossier.fish`.
    Completions(CompletionsArgs),
    /// Print the man page of dossier on stdout, or write one page per command into a folder.
    Man(ManArgs),
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
    /// Also request every source address (HEAD, then GET where HEAD is refused) and
    /// report the dead (4xx, 5xx, no answer) and the moved (301, 308) ones as warnings.
    /// Answers are kept for a day in .dossier-cache/links.json.
    #[arg(long)]
    pub links: bool,
    /// How long each source address may take to answer, in seconds (with --links).
    #[arg(long, value_name = "SECONDS", default_value_t = 10, requires = "links",
          value_parser = clap::value_parser!(u64).range(1..=600))]
    pub link_timeout: u64,
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

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The site's folder (holding content/ and, optionally, dossier.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// The folder to write the schemas in [default: .dossier/schemas/ in the site's folder].
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to write.
    #[arg(value_enum)]
    pub kind: NewKind,
    /// The briefing's title, or the actor's or topic's name; the file is named from it.
    pub title: String,
    /// The briefing's date, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The site's folder.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
}

/// The kinds of file `dossier new` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    Briefing,
    Actor,
    Topic,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write dossier.1 and a dossier-<command>.1 for each command into this folder
    /// instead of printing dossier.1.
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
}
