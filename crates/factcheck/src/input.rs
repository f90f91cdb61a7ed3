//! Reading a file named by someone else (a reference in a pull request
//! may name `/dev/zero` or a FIFO): only regular files are opened, and the
//! bytes are counted as they arrive, because a device's metadata says 0.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// What kind of file `meta` describes, for the error that refuses it
/// ("a named pipe (FIFO)", "a device", …).
pub fn kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them;
/// `too_large` is the error for a file with more.
pub(crate) fn read_capped(
    path: &Path,
    limit: u64,
    too_large: impl FnOnce() -> Error,
) -> Result<Vec<u8>> {
    let (file, meta) = open_regular(path)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The regular file at `path`, opened for reading, with its metadata; a
/// folder, device, FIFO or socket is refused before it is opened.
pub fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata)> {
    let not_regular = |meta: &std::fs::Metadata| Error::NotRegular {
        path: path.to_path_buf(),
        kind: kind(meta),
    };
    // checked before opening: opening a FIFO blocks until a writer comes
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::Directory {
            path: path.to_path_buf(),
        });
    }
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    // and again on what was opened, which may have been swapped meanwhile
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    Ok((file, meta))
}
