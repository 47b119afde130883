//! The commands: orchestration of the stages of [`crate::pipeline`], nothing more.
//! No command holds a stage's logic; `serve` holds only the loop that watches and
//! rebuilds, through `serve::rebuild`.

mod build;
mod check;
mod completions;
mod init;
mod new;
mod schema;
mod serve;
mod templates;

pub use build::build;
pub use check::check;
pub use completions::{completions, man};
pub use init::init;
pub use new::new;
pub use schema::{SCHEMA_DIR, schema};
pub use serve::serve;
pub use templates::templates;

use std::path::Path;

/// A path shown to the user: relative to the current folder when inside it.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}
