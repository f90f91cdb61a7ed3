//! What the binary says on standard error and in its status lines. Error
//! texts carry user text (paths and values from a reference in a pull
//! request), so each is printed on lines of its own that start with our
//! word, with control characters shown as escapes: no `::error` or
//! terminal escape from a stranger reaches a CI log raw.

use std::io::Write;

use factcheck::report::visible::one_line;
use factcheck::Error;

/// `error: …`, one line per located error.
pub fn error(e: &Error) {
    let mut err = std::io::stderr().lock();
    match e {
        Error::Many(all) => {
            for e in all {
                let _ = writeln!(err, "error: {}", one_line(&e.to_string()));
            }
        }
        e => {
            let _ = writeln!(err, "error: {}", one_line(&e.to_string()));
        }
    }
}

/// `warning: PATH: skipped (why)`, for a file a walk passes over.
pub fn skipped(path: &str, why: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "warning: {}: skipped ({why})",
        one_line(path)
    );
}

/// `warning: …` for a limit reached on an article, on one line.
pub fn warning(path: &str, notice: &factcheck::model::Notice) {
    let at = notice
        .span
        .map(|s| format!(":{}:{}", s.line, s.column))
        .unwrap_or_default();
    let _ = writeln!(
        std::io::stderr(),
        "warning: {}{at}: {}",
        one_line(path),
        one_line(&notice.message)
    );
}

/// `note: …`: a message of ours alone (no user text), on standard error.
pub fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "note: {message}");
}

/// A note on standard error: `message` is ours, `path` the user's.
pub fn done(message: &str, path: &str) {
    let _ = writeln!(std::io::stderr(), "{message} {}", one_line(path));
}

/// On a GitHub runner (`GITHUB_ACTIONS=true`), output that must keep a
/// stranger's bytes as they are (a patch, a YAML skeleton) is fenced in
/// `::stop-commands::TOKEN` … `::TOKEN::`, the runner's own way to print
/// untrusted text: no line in between is read as a command. The token is
/// random per run, so the text cannot close the fence itself.
pub fn fenced<W: Write, T>(
    out: &mut W,
    body: impl FnOnce(&mut W) -> std::io::Result<T>,
) -> std::io::Result<T> {
    if std::env::var_os("GITHUB_ACTIONS").is_none_or(|v| v != "true") {
        return body(out);
    }
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    std::process::id().hash(&mut h);
    std::time::SystemTime::now().hash(&mut h);
    let token = format!("factcheck-{:016x}", h.finish());
    writeln!(out, "::stop-commands::{token}")?;
    let r = body(out)?;
    writeln!(out, "::{token}::")?;
    Ok(r)
}
