//! `check --write`: corrections written back to the article, atomically.

use std::io::Write;
use std::path::Path;

use factcheck::{Error, Result};

/// Replace `path` with `new` atomically, keeping its permissions; refuse
/// when the file no longer holds `expected` (it changed since it was read).
pub fn write_atomically(path: &Path, expected: &str, new: &str) -> Result<()> {
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
    let permissions = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".factcheck-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(new.as_bytes())
        .map_err(|e| Error::io(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io(tmp.path(), e))?;
    std::fs::set_permissions(tmp.path(), permissions).map_err(|e| Error::io(tmp.path(), e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
