//! `check --write`: corrections written back to the article, atomically.

use std::io::Write;
use std::path::Path;

use factcheck::{Error, Result};

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
