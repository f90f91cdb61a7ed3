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

/// A note on standard error: `message` is ours, `path` the user's.
pub fn done(message: &str, path: &str) {
    let _ = writeln!(std::io::stderr(), "{message} {}", one_line(path));
}
