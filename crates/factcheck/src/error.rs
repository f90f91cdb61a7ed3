//! Errors for bad input. Each renders as one line that names the file and,
//! where it applies, the line and column; the CLI maps every one to exit 2.
//! The texts are part of the interface: scripts and tests match them.

use std::path::PathBuf;

/// Why an input could not be read, found or accepted.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The operating system refused a read or write.
    #[error("{}: {}", path.display(), os_words(source))]
    Io {
        /// The file (or `<stdin>`, `<stdout>`) being read or written.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{}:{line}:{column}: not valid UTF-8 (byte offset {offset}); save the file as UTF-8", path.display())]
    NotUtf8 {
        /// The file read.
        path: PathBuf,
        /// Byte offset of the first byte that is not part of a UTF-8 character.
        offset: usize,
        /// 1-based line and column of that byte, as an editor shows them.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// The text is in an encoding other than UTF-8 that we recognise.
    #[error("{}: {encoding} text is not supported; convert the file to UTF-8", path.display())]
    Encoding {
        /// The file read.
        path: PathBuf,
        /// The encoding detected, e.g. `UTF-16`.
        encoding: &'static str,
    },
    /// An article larger than the limit; reading stops at the limit.
    #[error("{}: larger than {} MB, the limit for one article; split it", path.display(), limit >> 20)]
    ArticleTooLarge {
        /// The article (`-` for standard input).
        path: PathBuf,
        /// The limit in bytes ([`crate::MAX_ARTICLE_BYTES`]).
        limit: u64,
    },
    /// A reference larger than the limit; reading stops at the limit.
    #[error("{}: larger than {} MB, the limit for a reference; split it by article", path.display(), limit >> 20)]
    ReferenceTooLarge {
        /// The reference file.
        path: PathBuf,
        /// The limit in bytes ([`crate::MAX_REFERENCE_BYTES`]).
        limit: u64,
    },
    /// A directory given where an article file was expected.
    #[error("{}: a directory, not an article", path.display())]
    Directory {
        /// The directory.
        path: PathBuf,
    },
    /// A device, FIFO or socket where a file was expected: reading it could
    /// block forever or never end.
    #[error("{}: {kind}, not a regular file; only regular files are read", path.display())]
    NotRegular {
        /// The path as given.
        path: PathBuf,
        /// What it is instead.
        kind: &'static str,
    },
    /// A file with a NUL byte: binary data, not an article.
    #[error("{}:{line}:{column}: binary file (NUL byte at offset {offset}), not an article", path.display())]
    Binary {
        /// The file read.
        path: PathBuf,
        /// Byte offset of the first NUL.
        offset: usize,
        /// 1-based line of the NUL.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// A file to be rewritten no longer holds what was read and checked, so
    /// writing would lose someone else's edit.
    #[error("{}: the file changed since it was read; not written (run the check again)", path.display())]
    Changed {
        /// The file left untouched.
        path: PathBuf,
    },
    /// A directory could not be walked (a symbolic-link loop, an unreadable
    /// entry).
    #[error("{}: {source}", path.display())]
    Walk {
        /// The entry where walking failed.
        path: PathBuf,
        /// What the walker said.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The directory searched for references does not exist.
    #[error("{}: no such directory (references live under ./claims by default)", path.display())]
    NoReferenceDir {
        /// The directory looked for.
        path: PathBuf,
    },
    /// A file whose name is not UTF-8: reports name files as text, and a
    /// name shown with a replacement character would lead `--write` to
    /// another file.
    #[error("{}: the file name is not UTF-8; rename the file", path.display())]
    NameNotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// A glob pattern that does not parse.
    #[error("bad glob `{pattern}`: {source}")]
    BadGlob {
        /// The pattern as given.
        pattern: String,
        /// What the glob parser said.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A glob given as an article argument that matches no file.
    #[error("{pattern}: the pattern matches no file")]
    NoMatch {
        /// The pattern as given.
        pattern: String,
    },
    /// A directory given as an article argument that holds no articles.
    #[error("{}: no articles (*.md, *.txt) in this directory", path.display())]
    NoArticles {
        /// The directory as given.
        path: PathBuf,
    },
    /// An error at a place in a file (reference YAML, front matter, a JSON line).
    #[error("{}:{line}:{column}: {message}", path.display())]
    At {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong there and, where we can tell, how to fix it.
        message: String,
    },
    /// A mistake in how the program was invoked, or another error with no
    /// variant of its own; the text says what to do.
    #[error("{0}")]
    Usage(String),
    /// Several located errors in one file, one per line.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
}

impl Error {
    /// An [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// An [`Error::At`]: `message` at `line`:`column` (both from 1) of `path`.
    pub fn at(
        path: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Error {
        Error::At {
            path: path.into(),
            line,
            column,
            message: message.into(),
        }
    }
}

/// A result whose error is an [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// `bytes` of the file at `path` that are not UTF-8, located at the
    /// first bad byte (the text before it is valid, so its lines count).
    pub(crate) fn not_utf8(path: &std::path::Path, bytes: &[u8], e: std::str::Utf8Error) -> Error {
        let offset = e.valid_up_to();
        let (line, column) = line_col_of(&bytes[..offset]);
        Error::NotUtf8 {
            path: path.to_path_buf(),
            offset,
            line,
            column,
        }
    }
}

/// 1-based line and column of the end of valid UTF-8 `before`, counted as
/// every claim's are (a byte-order mark is no column).
pub(crate) fn line_col_of(before: &[u8]) -> (usize, usize) {
    let text = std::str::from_utf8(before).unwrap_or_default();
    crate::lang::span::LineIndex::new(text).line_col(text, text.len())
}

/// What the operating system said, in words a reader acts on: the common
/// refusals plainly ("not found"), anything else as the system put it.
fn os_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "not found (no such file or folder)".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "a folder, not a file".into(),
        ErrorKind::NotADirectory => "a part of the path is a file, not a folder".into(),
        ErrorKind::BrokenPipe => "the reader closed the pipe".into(),
        _ => {
            // ("No space left on device (os error 28)": the words, without
            // the number)
            let text = e.to_string();
            match text.rfind(" (os error ") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}
