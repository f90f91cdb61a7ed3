//! A reference from a pull request may only name articles inside the
//! repository: an absolute path, a `..` that climbs out, or a symlink that
//! leads out is an error at its line and column (exit 2), and nothing
//! outside is read or rewritten. Articles the user names on the command
//! line may be anywhere. Files invented for the test.

use std::fs;
use std::path::Path;

use crate::support::*;

/// An article with a wrong toll, which `check --write` would correct.
const ARTICLE: &str = "At least 12 people were killed in Tarnwick, officials said.\n";

/// A repository (`.git` marks its root) with `claims/a.md`, and a folder
/// `outside/` beside it holding the same article.
fn scene() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("repo/.git")).unwrap();
    fs::create_dir_all(dir.path().join("repo/claims")).unwrap();
    fs::create_dir_all(dir.path().join("outside")).unwrap();
    fs::write(dir.path().join("repo/claims/a.md"), ARTICLE).unwrap();
    fs::write(dir.path().join("outside/x.md"), ARTICLE).unwrap();
    dir
}

fn reference(repo: &Path, articles: &str) {
    let yaml = format!(
        "version: 1\narticles:\n{articles}facts:\n  - id: toll\n    metric: killed\n    value: 20\n"
    );
    fs::write(repo.join("claims/r.yaml"), yaml).unwrap();
}

/// `check --write` and `validate` in `repo`: both refuse, naming the place.
fn refused(repo: &Path, at: &str) {
    for args in [&["check", "--write"][..], &["validate"][..]] {
        let out = factcheck_in(repo, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(at), "{args:?}: {}", stderr(&out));
        assert!(!stdout(&out).contains("Tarnwick"), "{}", stdout(&out));
    }
}

#[test]
fn a_path_that_climbs_out_of_the_repository_is_refused() {
    let dir = scene();
    let repo = dir.path().join("repo");
    reference(&repo, "  - a.md\n  - ../../outside/x.md\n");
    refused(
        &repo,
        "claims/r.yaml:4:5: `articles:` entry `../../outside/x.md` leads outside",
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("outside/x.md")).unwrap(),
        ARTICLE
    );
    // the same climb inside a glob
    reference(&repo, "  - \"../../outside/*.md\"\n");
    refused(&repo, "claims/r.yaml:3:5:");
}

#[test]
fn an_absolute_path_is_refused() {
    let dir = scene();
    let repo = dir.path().join("repo");
    let outside = dir.path().join("outside/x.md");
    reference(&repo, &format!("  - {}\n", outside.display()));
    refused(&repo, "claims/r.yaml:3:5: `articles:` entry");
    assert_eq!(fs::read_to_string(&outside).unwrap(), ARTICLE);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_repository_is_refused() {
    let dir = scene();
    let repo = dir.path().join("repo");
    std::os::unix::fs::symlink(dir.path().join("outside"), repo.join("claims/link")).unwrap();
    reference(&repo, "  - link/x.md\n");
    refused(
        &repo,
        "claims/r.yaml:3:5: `articles:` entry `link/x.md` leads outside",
    );
    // a glob inside the repository does not reach through the link
    reference(&repo, "  - \"**/*.md\"\n");
    let out = factcheck_in(&repo, &["check", "--write"]);
    // (exit 0: the run found the wrong toll and wrote its fix; nothing
    // is left)
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("outside/x.md")).unwrap(),
        ARTICLE
    );
    assert!(fs::read_to_string(repo.join("claims/a.md"))
        .unwrap()
        .contains("20 people"));
}

/// A link under `claims/` that leads nowhere, or up its own path, is
/// passed over with a warning: it stopped every check of the repository.
#[cfg(unix)]
#[test]
fn a_dangling_or_looping_link_is_passed_over() {
    let dir = scene();
    let repo = dir.path().join("repo");
    reference(&repo, "  - a.md\n");
    std::os::unix::fs::symlink("../../nowhere.yaml", repo.join("claims/x.yaml")).unwrap();
    std::os::unix::fs::symlink("..", repo.join("claims/up")).unwrap();
    let out = factcheck_in(&repo, &["check"]);
    // (exit 1: the wrong toll is found, the rest checked)
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("mismatch"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("warning: claims/x.yaml: skipped"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn articles_named_on_the_command_line_may_be_anywhere() {
    let dir = scene();
    let repo = dir.path().join("repo");
    reference(&repo, "  - a.md\n");
    let out = factcheck_in(
        &repo,
        &["check", "../outside/x.md", "--against", "claims/r.yaml"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("mismatch"), "{}", stdout(&out));
    // and `--root` moves the boundary
    reference(&repo, "  - ../../outside/x.md\n");
    let root = dir.path().display().to_string();
    let out = factcheck_in(&repo, &["--root", &root, "validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn the_repositorys_own_data_is_never_an_article() {
    let dir = scene();
    let repo = dir.path().join("repo");
    fs::create_dir_all(repo.join(".git/hooks")).unwrap();
    fs::write(repo.join(".git/hooks/pre-commit"), ARTICLE).unwrap();
    reference(&repo, "  - a.md\n  - ../.git/hooks/pre-commit\n");
    refused(
        &repo,
        "claims/r.yaml:4:5: `articles:` entry `../.git/hooks/pre-commit` is inside .git",
    );
    // a glob that would match everything skips it
    reference(&repo, "  - \"../**/*\"\n");
    let out = factcheck_in(&repo, &["check", "--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains(".git"), "{}", stdout(&out));
    assert_eq!(
        fs::read_to_string(repo.join(".git/hooks/pre-commit")).unwrap(),
        ARTICLE
    );
    assert_ne!(
        fs::read_to_string(repo.join("claims/a.md")).unwrap(),
        ARTICLE
    );
    // nor through a symlink committed inside the repository, to the folder
    // or to the file
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("../.git", repo.join("claims/g")).unwrap();
        std::os::unix::fs::symlink("../.git/hooks/pre-commit", repo.join("claims/h.md")).unwrap();
        for (entry, at) in [
            (
                "g/hooks/pre-commit",
                "claims/r.yaml:3:5: `articles:` entry `g/hooks/pre-commit` is inside .git",
            ),
            (
                "h.md",
                "claims/r.yaml:3:5: `articles:` entry `h.md` is inside .git",
            ),
            (
                "\"g/**/*\"",
                "claims/r.yaml:3:5: `articles:` pattern `g/**/*` matches no file",
            ),
        ] {
            reference(&repo, &format!("  - {entry}\n"));
            refused(&repo, at);
        }
        reference(&repo, "  - \"**/*\"\n");
        let out = factcheck_in(&repo, &["check", "--write"]);
        assert!(!stdout(&out).contains("pre-commit"), "{}", stdout(&out));
        assert_eq!(
            fs::read_to_string(repo.join(".git/hooks/pre-commit")).unwrap(),
            ARTICLE
        );
    }
}

#[test]
fn globs_may_climb_inside_the_repository_and_start_anywhere_on_the_command_line() {
    let dir = scene();
    let repo = dir.path().join("repo");
    fs::create_dir_all(repo.join("articles")).unwrap();
    fs::write(repo.join("articles/b.md"), ARTICLE).unwrap();
    // claims/r.yaml naming ../articles/*.md: the usual layout of a site
    reference(&repo, "  - \"../articles/*.md\"\n");
    let out = factcheck_in(&repo, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("articles/b.md (against claims/r.yaml): 1 mismatch"),
        "{}",
        stdout(&out)
    );
    // an absolute glob given by the user
    let glob = format!("{}/*.md", dir.path().join("outside").display());
    let out = factcheck_in(&repo, &["extract", &glob]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("outside/x.md: 2 claims"),
        "{}",
        stdout(&out)
    );
}

/// A `claims` folder that is itself a link out of the repository is not
/// read: its references' values would reach the CI log in errors. A
/// folder the user names on the command line may be anywhere.
#[cfg(unix)]
#[test]
fn a_claims_folder_linked_out_of_the_repository_is_not_read() {
    let dir = scene();
    let repo = dir.path().join("repo");
    fs::remove_dir_all(repo.join("claims")).unwrap();
    fs::write(
        dir.path().join("outside/tok.yaml"),
        "version: SECRET_VALUE\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("../outside", repo.join("claims")).unwrap();
    for args in [&["check"][..], &["validate"][..], &["check", "--write"][..]] {
        let out = factcheck_in(&repo, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("leads out of the repository"),
            "{}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("SECRET_VALUE"), "{}", stderr(&out));
        assert!(!stdout(&out).contains("SECRET_VALUE"), "{}", stdout(&out));
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("outside/x.md")).unwrap(),
        ARTICLE
    );
    // named by the user, the same folder is read
    let outside = dir.path().join("outside");
    let out = factcheck_in(&repo, &["validate", outside.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("tok.yaml:1:"), "{}", stderr(&out));
}
