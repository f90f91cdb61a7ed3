//! `check --write`: corrections written back to the article, atomically.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use factcheck::report::{Body, Document, Source};
use factcheck::{Error, Result};

use crate::discover;

/// Why `path` is not rewritten, as an error naming it.
fn refuse(path: &Path, why: &str) -> Error {
    Error::Usage(format!("{}: {why}; not written", path.display()))
}

/// What must not change between the check and the rename: the same file
/// (device and inode), size, modification time, mode and owner.
#[derive(PartialEq, Eq)]
struct Stamp(Vec<u128>);

fn stamp(meta: &std::fs::Metadata) -> Stamp {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Stamp(vec![
            meta.dev().into(),
            meta.ino().into(),
            meta.len().into(),
            mtime,
            meta.mode().into(),
            meta.uid().into(),
            meta.gid().into(),
        ])
    }
    #[cfg(not(unix))]
    Stamp(vec![meta.len().into(), mtime])
}

/// Replace `path` with `new` atomically, keeping its permissions and
/// owner. Refused: a symbolic link (replacing it would cut the link), a
/// file that is not regular, a file its owner may not write, a file with
/// other hard links (they would keep the old text), and a file
/// that no longer holds `expected` or whose metadata changed before the
/// rename (someone edited it meanwhile; writing would lose the edit).
pub fn write_atomically(path: &Path, expected: &str, new: &str) -> Result<()> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.file_type().is_symlink() {
        return Err(refuse(
            path,
            "a symbolic link; --write only replaces regular files (correct the file it points to by name)",
        ));
    }
    if !meta.is_file() {
        return Err(refuse(path, "not a regular file"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        if meta.permissions().mode() & 0o200 == 0 {
            return Err(refuse(path, "read-only (its owner may not write it)"));
        }
        // a new file in its place would leave the other names with the old
        // text, silently: the edit is the user's to make
        if meta.nlink() > 1 {
            return Err(refuse(
                path,
                &format!(
                    "one of {} hard links to the same file; replacing it would part them (correct it by hand, or apply `--format diff` with patch)",
                    meta.nlink()
                ),
            ));
        }
    }
    let before = stamp(&meta);
    let now = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if now != expected.as_bytes() {
        return Err(Error::Changed {
            path: path.to_path_buf(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".factcheck-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(new.as_bytes())
        .map_err(|e| Error::io(tmp.path(), e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // the owner stays, or nothing is written: an article must not pass
        // to whoever ran the check (root in many CI containers)
        std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()))
            .map_err(|e| refuse(path, &format!("its owner could not be kept ({e})")))?;
    }
    tmp.as_file()
        .set_permissions(meta.permissions())
        .map_err(|e| Error::io(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io(tmp.path(), e))?;
    // the last look before the rename
    let last = std::fs::symlink_metadata(path).map_err(|e| Error::io(path, e))?;
    if stamp(&last) != before {
        return Err(Error::Changed {
            path: path.to_path_buf(),
        });
    }
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// `--write`: each article with corrections, rewritten atomically with
/// its settled text (see [`factcheck::Checker::settle`]); text read from
/// standard input is written to standard output, corrected or not (a
/// filter: `factcheck check - --write < draft.md > fixed.md`). Returns the
/// paths written (`-` among them when printed).
pub fn write_corrections(doc: &Document, root: &Path, errors: &mut usize) -> HashSet<String> {
    let mut written = HashSet::new();
    let Body::Check(report) = &doc.body else {
        return written;
    };
    // the settled texts each article's references give: two references
    // that correct one article differently would undo each other's
    // corrections run after run, so neither is written
    let mut texts: std::collections::HashMap<&str, Vec<(&str, &str)>> = Default::default();
    for a in &report.articles {
        let (Some(text), Some(settled)) = (doc.source(&a.path).map(Source::text), &a.settled)
        else {
            continue;
        };
        if settled.text != text {
            texts
                .entry(&a.path)
                .or_default()
                .push((&settled.text, &a.reference));
        }
    }
    for a in &report.articles {
        let (Some(text), Some(settled)) = (doc.source(&a.path).map(Source::text), &a.settled)
        else {
            continue;
        };
        let (new, n) = (&settled.text, settled.corrections);
        if a.path == "-" {
            if written.insert(a.path.clone()) {
                filtered(new, errors);
            }
            continue;
        }
        if new == text {
            continue;
        }
        let others = texts.get(a.path.as_str()).map_or(&[][..], Vec::as_slice);
        if let Some((_, other)) = others.iter().find(|(t, _)| *t != new.as_str()) {
            if others[0].1 == a.reference {
                let why = format!(
                    "{} and {} correct it differently; not written (make the references agree)",
                    a.reference, other
                );
                crate::run::report_error(&Error::Usage(format!("{}: {why}", a.path)), errors);
            }
            continue;
        }
        // (references that agree: written once)
        if others.first().is_some_and(|(_, r)| *r != a.reference) {
            continue;
        }
        if discover::leads_out(Path::new(&a.path), root) {
            let why =
                "reached through a symbolic link that leads out of the repository; not written";
            crate::run::report_error(&Error::Usage(format!("{}: {why}", a.path)), errors);
            continue;
        }
        match crate::write::write_atomically(Path::new(&a.path), text, new) {
            Ok(()) => {
                let s = if n == 1 { "" } else { "s" };
                crate::say::done(&format!("wrote {n} correction{s} to"), &a.path);
                written.insert(a.path.clone());
            }
            Err(e) => crate::run::report_error(&e, errors),
        }
    }
    written
}

/// The corrected text of standard input, to standard output: its bytes as
/// they are into a pipe or file (fenced on a CI runner, as a patch is),
/// with control characters shown as escapes on a terminal.
fn filtered(text: &str, errors: &mut usize) {
    let stdout = std::io::stdout();
    let terminal = std::io::IsTerminal::is_terminal(&stdout);
    let mut out = stdout.lock();
    let done = if terminal {
        out.write_all(factcheck::report::visible::visible(text).as_bytes())
    } else {
        crate::say::fenced(&mut out, |o| o.write_all(text.as_bytes()))
    };
    if let Err(e) = done.and_then(|()| out.flush()) {
        crate::run::report_error(&crate::run::stdout_err(e), errors);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn write_refuses_a_file_with_other_hard_links() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.md");
        let read = "More than 140 children were killed, Fomin said.\n";
        std::fs::write(&path, read).unwrap();
        std::fs::hard_link(&path, dir.path().join("copy.md")).unwrap();
        let e = write_atomically(&path, read, "replacement").unwrap_err();
        assert!(e.to_string().contains("2 hard links"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), read);
        std::fs::remove_file(dir.path().join("copy.md")).unwrap();
        write_atomically(&path, read, "replacement").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "replacement");
    }

    #[test]
    fn write_refuses_a_file_changed_underneath() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.md");
        let read = "More than 140 children were killed, Fomin said.\n";
        std::fs::write(&path, format!("{read}\nAn editor added this line.\n")).unwrap();
        let now = std::fs::read(&path).unwrap();
        let e = write_atomically(&path, read, "replacement").unwrap_err();
        assert!(e.to_string().contains("changed since it was read"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), now, "left untouched");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".factcheck-")
            })
            .collect();
        assert!(leftovers.is_empty(), "no temporary file left behind");
    }
}
