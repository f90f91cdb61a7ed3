//! `check --changed-since REV`: the lines of each article a change touched,
//! from the `git` binary, so a pull request on a long article is judged on
//! what it wrote. Paths and the revision go to git as arguments, never
//! through a shell, and paths after `--`: a hostile file name is no option.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use factcheck::{Error, Result};

/// The lines changed in a file since a revision (1-based, inclusive
/// ranges), or every line (`All`) for a file git did not have then.
#[derive(Debug, Clone, PartialEq)]
pub enum Lines {
    All,
    Ranges(Vec<(usize, usize)>),
}

impl Lines {
    /// Whether `line` is among them.
    pub fn has(&self, line: usize) -> bool {
        match self {
            Lines::All => true,
            Lines::Ranges(r) => r.iter().any(|&(a, b)| a <= line && line <= b),
        }
    }
}

fn git(args: &[&str]) -> Result<std::process::Output> {
    Command::new("git").args(args).output().map_err(|e| {
        Error::Usage(format!(
            "--changed-since runs `git`, which could not start: {e}"
        ))
    })
}

/// The revision, checked once: a name git does not know is a usage error
/// before any article is read.
pub fn verify(rev: &str) -> Result<()> {
    let spec = format!("{rev}^{{commit}}");
    let out = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &spec,
    ])?;
    if out.status.success() {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "--changed-since: `{}` is no commit git knows here",
            factcheck::report::visible::one_line(rev)
        )))
    }
}

/// The new-side line ranges of a unified diff with no context (`-U0`):
/// the `+start,count` of each hunk header.
fn ranges(diff: &str) -> Vec<(usize, usize)> {
    diff.lines()
        .filter_map(|l| l.strip_prefix("@@ -"))
        .filter_map(|l| l.split_once(" +"))
        .filter_map(|(_, new)| {
            let new = new.split(' ').next()?;
            let (start, count) = match new.split_once(',') {
                Some((s, c)) => (s.parse::<usize>().ok()?, c.parse::<usize>().ok()?),
                None => (new.parse::<usize>().ok()?, 1),
            };
            // (a hunk that only removes lines adds none)
            (count > 0).then(|| (start, start + count - 1))
        })
        .collect()
}

/// The changed lines of each of `paths` since `rev`.
pub fn since(rev: &str, paths: &[&str]) -> Result<HashMap<String, Lines>> {
    let mut out = HashMap::new();
    for &p in paths {
        if p == "-" || !Path::new(p).is_file() {
            out.insert(p.to_string(), Lines::All);
            continue;
        }
        // a file the revision did not hold is new: every line is changed
        let old = format!("{rev}:./{p}");
        let known = git(&["cat-file", "-e", "--end-of-options", &old])?
            .status
            .success();
        if !known {
            out.insert(p.to_string(), Lines::All);
            continue;
        }
        let diff = git(&[
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--unified=0",
            "--end-of-options",
            rev,
            "--",
            p,
        ])?;
        if !diff.status.success() {
            return Err(Error::Usage(format!(
                "--changed-since: git diff failed on {}",
                factcheck::report::visible::one_line(p)
            )));
        }
        let text = String::from_utf8_lossy(&diff.stdout);
        out.insert(p.to_string(), Lines::Ranges(ranges(&text)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunk_headers_give_the_new_sides_lines() {
        let diff = "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -3 +3 @@\n-x\n+y\n@@ -10,0 +11,2 @@\n+a\n+b\n@@ -20,3 +22,0 @@\n-gone\n";
        assert_eq!(ranges(diff), [(3, 3), (11, 12)]);
        let lines = Lines::Ranges(ranges(diff));
        assert!(lines.has(12) && !lines.has(13) && !lines.has(22));
    }
}
