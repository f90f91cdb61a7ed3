//! Finding the files to work on: references under `claims/`, the articles
//! a reference names (paths or globs relative to it), and article
//! arguments that are directories or globs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use globset::{Glob, GlobSetBuilder};
use walkdir::WalkDir;

use factcheck::{Error, Reference, Result};

const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "text"];
const REFERENCE_EXTENSIONS: &[&str] = &["yaml", "yml"];

fn has_ext(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// The folder a walk of `dir` must stay in: the repository root when `dir`
/// is inside it, else `dir` itself (a folder the user named elsewhere).
fn bound(dir: &Path, root: &Path) -> PathBuf {
    let dir = resolved(dir);
    if dir.starts_with(root) {
        root.to_path_buf()
    } else {
        dir
    }
}

/// Whether a path goes through `.git`: the repository's own data (its
/// config, its hooks) is never an article, whatever a glob says.
fn in_git_dir(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == ".git")
}

/// Whether `path` leads into a `.git` below `root` once symlinks are
/// resolved: a link committed in a pull request (`articles/g -> ../.git`)
/// must not reach it either.
fn leads_into_git(path: &Path, root: &Path) -> bool {
    let r = resolved(path);
    in_git_dir(r.strip_prefix(root).unwrap_or(&r))
}

/// A walk of `dir` that follows a symbolic link only when it leads inside
/// `bound`: a link under `claims/` in a pull request must not take
/// `check --write` to files elsewhere, nor make a walk list `/`. It never
/// enters `.git`.
fn walk(dir: &Path, bound: PathBuf) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> {
    WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            e.depth() == 0
                || (e.file_name() != ".git"
                    && (!e.path_is_symlink()
                        || (resolved(e.path()).starts_with(&bound)
                            && !leads_into_git(e.path(), &bound))))
        })
}

/// Files under `dir` with one of `exts`, sorted, symlink loops reported.
fn files_under(dir: &Path, exts: &[&str], root: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in walk(dir, bound(dir, root)) {
        // a link that leads nowhere or back up its own path is no file:
        // said, and the walk goes on (it stopped every check of the
        // repository, in a pull request that adds one)
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.loop_ancestor().is_some() || e.path().is_some_and(Path::is_symlink) => {
                let at = e.path().unwrap_or(dir).display().to_string();
                crate::say::skipped(&at, "a symbolic link that leads nowhere or in a loop");
                continue;
            }
            Err(e) => {
                return Err(Error::Walk {
                    path: e.path().unwrap_or(dir).to_path_buf(),
                    source: Box::new(e),
                })
            }
        };
        if entry.file_type().is_file() && has_ext(entry.path(), exts) {
            out.push(entry.into_path());
        }
    }
    Ok(out)
}

/// The references of the repository, under its reference folders
/// (`claims/`, or factcheck.toml's `references`), which must lie inside
/// `root`: a `claims` committed as a link to a folder elsewhere would have
/// every file there read, and its values shown in errors in a CI log. (A
/// folder the user names on the command line is the user's choice.)
pub fn repository_references(root: &Path, folders: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for dir in folders {
        if dir.is_dir() && !resolved(dir).starts_with(root) {
            return Err(Error::Usage(format!(
                "{}: a symbolic link that leads out of the repository; not read (name a folder to validate or pass --against REFERENCE)",
                factcheck::report::visible::one_line(&dir.display().to_string())
            )));
        }
        out.extend(references_under(dir, root)?);
    }
    Ok(out)
}

/// All references (`*.yaml`, `*.yml`) under `dir`.
pub fn references_under(dir: &Path, root: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Err(Error::NoReferenceDir {
            path: dir.to_path_buf(),
        });
    }
    files_under(dir, REFERENCE_EXTENSIONS, root)
}

/// A glob's literal head (the folders before its first wildcard, `..`
/// included) and the rest, which is matched below that head.
fn split_glob(pattern: &str) -> (&str, &str) {
    let wild = pattern.find(['*', '?', '[']).unwrap_or(pattern.len());
    match pattern[..wild].rfind('/') {
        Some(0) => ("/", &pattern[1..]),
        Some(i) => (&pattern[..i], &pattern[i + 1..]),
        None => ("", pattern),
    }
}

/// Expand a glob relative to `base`; paths in the result start with `base`
/// (or the glob's own folders: `../articles/*.md` from `claims/` gives
/// `articles/…`).
fn glob_under(base: &Path, pattern: &str, root: &Path) -> Result<Vec<PathBuf>> {
    let bad_glob = |e: globset::Error| Error::BadGlob {
        pattern: pattern.to_string(),
        source: Box::new(e),
    };
    let (head, rest) = split_glob(pattern);
    let glob = Glob::new(rest).map_err(bad_glob)?;
    // a set of one glob that parsed can only fail on a size limit of the
    // regex engine, whose message names the problem itself
    let set = GlobSetBuilder::new()
        .add(glob)
        .build()
        .map_err(|e| Error::Usage(e.to_string()))?;
    let start = clean(&base.join(head));
    let key = (start.clone(), rest.to_string(), root.to_path_buf());
    if let Some(found) = lock(&EXPANDED).get(&key) {
        return Ok(found.clone());
    }
    let dir = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start.as_path()
    };
    let mut out = Vec::new();
    if dir.is_dir() {
        for rel in walked(dir, root).iter() {
            if set.is_match(rel) {
                out.push(clean(&start.join(rel)));
            }
        }
    }
    lock(&EXPANDED).insert(key, out.clone());
    Ok(out)
}

/// Glob expansions and folder walks already done by this process: a
/// repository of thousands of references that each name `**/*.md` is
/// walked once, and each distinct pattern matched once, not once per
/// reference (the files do not change while it runs; `--write` only
/// rewrites files it found).
type Expanded = HashMap<(PathBuf, String, PathBuf), Vec<PathBuf>>;
static EXPANDED: LazyLock<Mutex<Expanded>> = LazyLock::new(Default::default);
type Walked = HashMap<(PathBuf, PathBuf), Arc<Vec<PathBuf>>>;
static WALKED: LazyLock<Mutex<Walked>> = LazyLock::new(Default::default);

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The files under `dir` (paths relative to it), walked once.
fn walked(dir: &Path, root: &Path) -> Arc<Vec<PathBuf>> {
    let key = (dir.to_path_buf(), root.to_path_buf());
    if let Some(list) = lock(&WALKED).get(&key) {
        return Arc::clone(list);
    }
    let list: Vec<PathBuf> = walk(dir, bound(dir, root))
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf())
        .collect();
    let list = Arc::new(list);
    lock(&WALKED).insert(key, Arc::clone(&list));
    list
}

/// The repository root that a reference's `articles:` must stay inside:
/// `--root DIR` when given, else the nearest ancestor of the working
/// directory holding `.git`, else the working directory. Canonical, so a
/// path is inside exactly when its canonical form starts with it.
pub fn repo_root(given: Option<&Path>) -> Result<PathBuf> {
    let start = match given {
        Some(dir) => return dir.canonicalize().map_err(|e| Error::io(dir, e)),
        None => std::env::current_dir()
            .and_then(|d| d.canonicalize())
            .map_err(|e| Error::io(".", e))?,
    };
    Ok(start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&start)
        .to_path_buf())
}

/// Where `path` leads: its canonical form when it exists (symlinks
/// resolved), else the canonical form of its nearest existing ancestor
/// with the rest joined on lexically.
fn resolved(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        clean(path)
    } else {
        let cwd = std::env::current_dir().unwrap_or_default();
        clean(&cwd.join(path))
    };
    let mut head = abs.as_path();
    let mut tail = Vec::new();
    loop {
        if let Ok(c) = head.canonicalize() {
            return tail.iter().rev().fold(c, |p: PathBuf, t| p.join(t));
        }
        match (head.parent(), head.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name.to_os_string());
                head = parent;
            }
            _ => return abs,
        }
    }
}

/// Whether `path` lies inside `root` as written but leads out of it
/// through a symbolic link on the way (a folder a pull request added as a
/// link to `../../outside`): `--write` never writes there.
pub fn leads_out(path: &Path, root: &Path) -> bool {
    let abs = if path.is_absolute() {
        clean(path)
    } else {
        clean(&std::env::current_dir().unwrap_or_default().join(path))
    };
    abs.starts_with(root) && !resolved(path).starts_with(root)
}

/// Whether an `articles:` entry may name files outside the root: absolute,
/// or climbing out of it with `..`.
fn escapes(root: &Path, base: &Path, pattern: &str) -> Option<String> {
    let p = Path::new(pattern);
    if p.is_absolute() || p.has_root() || pattern.starts_with('~') {
        return Some(format!(
            "`articles:` entry `{}` is an absolute path; name articles relative to the reference, inside the repository",
            pattern.escape_debug()
        ));
    }
    // (a glob's literal part: "../../*.md" climbs as "../../x.md" does)
    let literal: PathBuf = p
        .components()
        .take_while(|c| !is_glob(&c.as_os_str().to_string_lossy()))
        .collect();
    let target = resolved(&base.join(&literal));
    (!target.starts_with(root)).then(|| {
        format!(
            "`articles:` entry `{}` leads outside the repository root {}; a reference may only name articles inside it",
            pattern.escape_debug(),
            root.display()
        )
    })
}

/// The articles a reference names in `articles:`, each inside `root` (an
/// entry that is absolute or leads outside, through `..` or a symlink, is
/// an error at its line and column: a reference in a pull request must not
/// make `check --write` rewrite files elsewhere).
pub fn articles_of(reference: &Reference, root: &Path) -> Result<Vec<PathBuf>> {
    Ok(named_articles(reference, root)?
        .into_iter()
        .map(|(_, p)| p)
        .collect())
}

/// As [`articles_of`], each path with the index of the entry that named
/// it, for errors located at that entry. A glob that does not parse or
/// matches nothing is an error at its entry too; every bad entry is
/// reported, not only the first.
pub fn named_articles(reference: &Reference, root: &Path) -> Result<Vec<(usize, PathBuf)>> {
    let base = reference.path.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, pattern) in reference.articles.iter().enumerate() {
        if let Some(message) = escapes(root, base, pattern) {
            errors.push((i, message));
        } else if in_git_dir(Path::new(pattern))
            || (!is_glob(pattern) && leads_into_git(&base.join(pattern), root))
        {
            let message = format!(
                "`articles:` entry `{}` is inside .git, the repository's own data, never an article",
                pattern.escape_debug()
            );
            errors.push((i, message));
        } else if is_glob(pattern) {
            match glob_under(base, pattern, root) {
                Err(e) => errors.push((i, format!("`articles:` entry: {e}"))),
                Ok(found) => {
                    let before = out.len();
                    out.extend(
                        found
                            .into_iter()
                            .filter(|p| resolved(p).starts_with(root) && !leads_into_git(p, root))
                            .map(|p| (i, p)),
                    );
                    if out.len() == before {
                        let message = format!(
                            "`articles:` pattern `{}` matches no file inside the repository",
                            pattern.escape_debug()
                        );
                        errors.push((i, message));
                    }
                }
            }
        } else {
            out.push((i, clean(&base.join(pattern))));
        }
    }
    // an article named twice (or by a path and a glob) is read once: a
    // reference listing one file a million times had it checked, and
    // reported, a million times
    let mut seen = std::collections::HashSet::new();
    out.retain(|(_, p)| seen.insert(p.clone()));
    all_or_errors(out, reference.article_errors(errors))
}

/// The articles a reference names that can be read, and an error at the
/// entry of each that cannot (missing, a folder, a device): `check`
/// reports those where the reference names them and checks the rest.
pub fn readable_articles(reference: &Reference, root: &Path) -> Result<(Vec<PathBuf>, Vec<Error>)> {
    let (mut found, mut bad) = (Vec::new(), Vec::new());
    for (i, a) in named_articles(reference, root)? {
        // (an entry that cleans to nothing, "..", is the folder it names)
        let a = if a.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            a
        };
        let why = match std::fs::metadata(&a) {
            Ok(m) if m.is_file() => {
                found.push(a);
                continue;
            }
            Ok(m) if m.is_dir() => "is a folder, not an article".to_string(),
            Ok(m) => format!("is {}, not a regular file", factcheck::file_kind(&m)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => "does not exist".to_string(),
            Err(e) => format!("cannot be read: {e}"),
        };
        bad.push((i, format!("`articles:` names {}, which {why}", a.display())));
    }
    Ok((found, reference.article_errors(bad)))
}

/// `value` when there is no error, else the error or all of them.
pub fn all_or_errors<T>(value: T, mut errors: Vec<Error>) -> Result<T> {
    match errors.len() {
        0 => Ok(value),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}

/// `a/b/../c` → `a/c`, without touching the file system, so reports show
/// the paths people expect.
pub fn clean(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out.iter().collect()
}

/// The canonical paths of the articles `reference` names (none when its
/// `articles:` cannot be read: `check` of it reports why), to look up the
/// references that cover an article named on the command line.
pub fn covered(reference: &Reference, root: &Path) -> std::collections::HashSet<PathBuf> {
    articles_of(reference, root)
        .map(|list| list.iter().filter_map(|p| p.canonicalize().ok()).collect())
        .unwrap_or_default()
}

/// Expand article arguments: files as they are, directories to the
/// articles under them, globs to their matches; `-` is standard input.
pub fn expand_articles(args: &[String], root: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if a == "-" || p.is_file() {
            out.push(p.to_path_buf());
        } else if p.is_dir() {
            let found = files_under(p, ARTICLE_EXTENSIONS, root)?;
            if found.is_empty() {
                return Err(Error::NoArticles { path: p.into() });
            }
            out.extend(found);
        } else if is_glob(a) {
            let found = glob_under(Path::new(""), a, root)?;
            if found.is_empty() {
                return Err(Error::NoMatch { pattern: a.clone() });
            }
            out.extend(found);
        } else {
            out.push(p.to_path_buf()); // reading it reports the error
        }
    }
    // one file named twice ("a.md ./a.md", a folder and a file in it) is
    // checked once: twice, its second `--write` found it changed
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| {
        p.as_os_str() == "-" || seen.insert(p.canonicalize().unwrap_or_else(|_| clean(p)))
    });
    Ok(out)
}
