//! A pull request from a stranger: the files a reference and its articles
//! may lead factcheck to. Symbolic links, devices, FIFOs, read-only and
//! foreign-owned files; nothing outside is read, nothing is replaced that
//! should not be. Files invented for the test; each case failed before the
//! fix it guards.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::*;

const ARTICLE: &str = "At least 12 people were killed in Tarnwick, officials said.\n";

/// A repository with `claims/r.yaml` naming `articles`, `claims/a.md`, and
/// `outside/` beside it holding the same article.
fn scene(articles: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    fs::create_dir_all(repo.join(".git")).unwrap();
    fs::create_dir_all(repo.join("claims")).unwrap();
    fs::create_dir_all(dir.path().join("outside")).unwrap();
    fs::write(repo.join("claims/a.md"), ARTICLE).unwrap();
    fs::write(dir.path().join("outside/x.md"), ARTICLE).unwrap();
    reference(&repo.join("claims/r.yaml"), articles);
    dir
}

fn reference(path: &Path, articles: &str) {
    let yaml = format!(
        "version: 1\narticles:\n{articles}facts:\n  - id: toll\n    metric: killed\n    value: 20\n"
    );
    fs::write(path, yaml).unwrap();
}

#[test]
fn a_symlinked_folder_under_claims_is_not_walked_out_of_the_repository() {
    let dir = scene("  - a.md\n");
    let repo = dir.path().join("repo");
    // a reference outside, reached through a link under claims/, naming
    // an article beside it
    reference(&dir.path().join("outside/evil.yaml"), "  - x.md\n");
    symlink(dir.path().join("outside"), repo.join("claims/linked")).unwrap();
    let out = factcheck_in(&repo, &["check", "--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("evil"), "{}", stdout(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("outside/x.md")).unwrap(),
        ARTICLE
    );
    let out = factcheck_in(&repo, &["validate"]);
    assert!(!stdout(&out).contains("evil"), "{}", stdout(&out));
    // a directory named on the command line: its links stay inside too
    let out = factcheck_in(&repo, &["extract", "claims"]);
    assert!(!stdout(&out).contains("x.md"), "{}", stdout(&out));
}

#[test]
fn write_never_replaces_a_symlink() {
    let dir = scene("  - b.md\n");
    let repo = dir.path().join("repo");
    fs::write(repo.join("real.md"), ARTICLE).unwrap();
    symlink("../real.md", repo.join("claims/b.md")).unwrap();
    let out = factcheck_in(&repo, &["check", "--write"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("claims/b.md: a symbolic link; --write only replaces regular files"),
        "{}",
        stderr(&out)
    );
    let meta = fs::symlink_metadata(repo.join("claims/b.md")).unwrap();
    assert!(meta.file_type().is_symlink(), "the link is still a link");
    assert_eq!(fs::read_to_string(repo.join("real.md")).unwrap(), ARTICLE);
    // the report itself still came out
    assert!(stdout(&out).contains("mismatch"), "{}", stdout(&out));
}

#[test]
fn only_regular_files_are_read() {
    let dir = scene("  - pipe.md\n");
    let repo = dir.path().join("repo");
    let status = std::process::Command::new("mkfifo")
        .arg(repo.join("claims/pipe.md"))
        .status()
        .unwrap();
    assert!(status.success());
    let t0 = Instant::now();
    let out = factcheck_in(&repo, &["check"]);
    assert!(
        t0.elapsed() < Duration::from_secs(20),
        "a FIFO hung the run"
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "claims/r.yaml:3:5: `articles:` names claims/pipe.md, which is a named pipe (FIFO), not a regular file"
        ),
        "{}",
        stderr(&out)
    );
    // a device named on the command line (its size reads as 0)
    let out = factcheck_in(&repo, &["check", "/dev/zero", "--against", "claims/r.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero: a device, not a regular file"),
        "{}",
        stderr(&out)
    );
    let out = factcheck_in(&repo, &["validate", "/dev/zero"]);
    assert!(
        stderr(&out).contains("/dev/zero: a device"),
        "{}",
        stderr(&out)
    );
    // a link inside the repository to a device leads outside: refused as such
    symlink("/dev/zero", repo.join("claims/zero.md")).unwrap();
    reference(&repo.join("claims/r.yaml"), "  - zero.md\n");
    let out = factcheck_in(&repo, &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("leads outside"), "{}", stderr(&out));
    // --jsonl inputs too (/dev/zero never ended, a FIFO blocked), and the
    // regular file after them is still read
    let jsonl = repo.join("in.jsonl");
    fs::write(
        &jsonl,
        "{\"id\": \"a\", \"text\": \"Five people were killed.\"}\n",
    )
    .unwrap();
    let (zero, pipe, jsonl) = (
        "/dev/zero",
        repo.join("claims/pipe.md"),
        jsonl.display().to_string(),
    );
    let t0 = Instant::now();
    let out = factcheck_in(
        &repo,
        &[
            "extract",
            "--jsonl",
            zero,
            &pipe.display().to_string(),
            &jsonl,
        ],
    );
    assert!(
        t0.elapsed() < Duration::from_secs(20),
        "a device or FIFO hung --jsonl"
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero: a device, not a regular file"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("pipe.md: a named pipe (FIFO)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
}

#[test]
fn write_refuses_a_read_only_file() {
    let dir = scene("  - a.md\n");
    let repo = dir.path().join("repo");
    let a = repo.join("claims/a.md");
    fs::set_permissions(&a, fs::Permissions::from_mode(0o444)).unwrap();
    let out = factcheck_in(&repo, &["check", "--write"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("claims/a.md: read-only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&a).unwrap(), ARTICLE);
    assert_eq!(
        fs::metadata(&a).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[test]
fn write_keeps_the_owner_and_the_mode() {
    let dir = scene("  - a.md\n");
    let repo = dir.path().join("repo");
    let a = repo.join("claims/a.md");
    fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
    // as root (CI containers), the file can belong to someone else
    let foreign = std::os::unix::fs::chown(&a, Some(4321), Some(4321)).is_ok();
    let before = fs::metadata(&a).unwrap();
    let out = factcheck_in(&repo, &["check", "--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read_to_string(&a).unwrap().contains("20 people"));
    let after = fs::metadata(&a).unwrap();
    assert_eq!(after.permissions().mode() & 0o777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    if !foreign {
        eprintln!("note: not root, so the foreign owner was not tried");
    }
}

#[test]
fn init_output_never_writes_through_a_dangling_symlink() {
    let dir = scene("  - a.md\n");
    let repo = dir.path().join("repo");
    let target = dir.path().join("outside/created.yaml");
    symlink(&target, repo.join("claims/new.yaml")).unwrap();
    let out = factcheck_in(
        &repo,
        &["init", "claims/a.md", "--output", "claims/new.yaml"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("not overwritten"), "{}", stderr(&out));
    assert!(!target.exists(), "the link's target was created");
}

#[test]
fn a_file_name_that_is_not_utf8_is_refused_by_name() {
    // shown with a replacement character, the name would lead `--write`
    // to another file ("x\u{fffd}.md"), which the pull request may hold too
    use std::os::unix::ffi::OsStrExt;
    let dir = scene("  - \"*.md\"\n");
    let repo = dir.path().join("repo");
    let odd = std::ffi::OsStr::from_bytes(b"claims/x\xff.md");
    fs::write(repo.join(odd), ARTICLE).unwrap();
    fs::write(repo.join("claims/x\u{fffd}.md"), ARTICLE).unwrap();
    let o = factcheck_in(&repo, &["check", "--write"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("claims/x\u{fffd}.md: the file name is not UTF-8; rename the file"),
        "{}",
        stderr(&o)
    );
    // the others are checked and written; the look-alike keeps its bytes
    // but for its own fix, and the odd file is untouched
    assert_eq!(fs::read(repo.join(odd)).unwrap(), ARTICLE.as_bytes());
    assert!(fs::read_to_string(repo.join("claims/a.md"))
        .unwrap()
        .contains("At least 20"));
}

#[test]
fn write_never_follows_a_symlinked_folder_out_of_the_repository() {
    // a pull request adds `claims/linkdir -> ../../outside`; a CI step
    // `check --write claims/*/*.md` (the shell expands the glob through
    // the link) once rewrote the outside file
    let dir = scene("  - a.md\n");
    let repo = dir.path().join("repo");
    symlink("../../outside", repo.join("claims/linkdir")).unwrap();
    let args = [
        "check",
        "claims/linkdir/x.md",
        "--against",
        "claims/r.yaml",
        "--write",
    ];
    let o = factcheck_in(&repo, &args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("claims/linkdir/x.md: reached through a symbolic link that leads out of the repository; not written"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("outside/x.md")).unwrap(),
        ARTICLE
    );
    // named by its own path, outside, it is the user's choice
    let o = factcheck_in(
        &repo,
        &[
            "check",
            "../outside/x.md",
            "--against",
            "claims/r.yaml",
            "--write",
        ],
    );
    assert!(stderr(&o).contains("wrote 1 correction"), "{}", stderr(&o));
}
