//! The packaging a newsroom wires in (issue 18): the `pre-commit` hook,
//! run by the real pre-commit framework (from PyPI; `.ci/run` installs it,
//! and under `CI=true` a missing one fails the test) on a temporary
//! repository, and the GitHub Action's file.

use crate::support::*;

use std::path::Path;
use std::process::{Command, Output};

fn run(program: &Path, dir: &Path, args: &[&str], home: &Path) -> Output {
    // the factcheck binary this test built, first on the PATH, for the
    // `factcheck-system` hook
    let bin = Path::new(env!("CARGO_BIN_EXE_factcheck")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", home)
        .env("NO_COLOR", "1")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .unwrap()
}

fn head(repo: &Path) -> Option<String> {
    let o = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(repo)
        .output()
        .ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).trim().to_string())
}

#[test]
fn the_pre_commit_hook_checks_changed_articles() {
    let Some(pc) = installed("pre-commit") else {
        return;
    };
    // the hooks as this repository's last commit has them
    let Some(rev) = head(&root()) else {
        eprintln!("note: not a git checkout; skipping the hook test");
        return;
    };
    let dir = ministry_repo();
    let repo = dir.path();
    let home = tempfile::tempdir().unwrap();
    std::fs::remove_dir(repo.join(".git")).unwrap();
    let git = |args: &[&str]| run(Path::new("git"), repo, args, home.path());
    git(&["init", "-q"]);
    std::fs::create_dir(repo.join("claims")).unwrap();
    let yaml = std::fs::read_to_string(repo.join("r.yaml")).unwrap();
    std::fs::write(
        repo.join("claims/r.yaml"),
        yaml.replace("version: 1\n", "version: 1\narticles: [../a.md]\n")
            .replace(", required: true", ""),
    )
    .unwrap();
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: factcheck-system\n",
            root().display()
        ),
    )
    .unwrap();
    std::fs::write(
        repo.join("a.md"),
        "The health ministry said 15 people were killed.\n",
    )
    .unwrap();
    std::fs::write(repo.join("notes.md"), "Notes that no reference names.\n").unwrap();
    git(&["add", "-A"]);

    let o = run(
        &pc,
        repo,
        &["run", "--files", "a.md", "notes.md"],
        home.path(),
    );
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert!(
        out.contains("factcheck (installed)") && out.contains("Failed"),
        "{out}"
    );
    assert!(out.contains("error[mismatch: toll]"), "{out}");
    assert!(
        out.contains("skipped (no reference names it): notes.md"),
        "{out}"
    );

    std::fs::write(
        repo.join("a.md"),
        "The health ministry said 12 people were killed.\n",
    )
    .unwrap();
    let o = run(
        &pc,
        repo,
        &["run", "--files", "a.md", "notes.md"],
        home.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("Passed"), "{}", stdout(&o));
}

#[test]
fn the_action_builds_and_runs_check_with_its_inputs_in_the_environment() {
    let action = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&action).unwrap();
    assert_eq!(doc["runs"]["using"], "composite");
    for input in ["args", "fail-on", "changed-since", "sarif"] {
        assert!(doc["inputs"][input]["description"].is_string(), "{input}");
    }
    let steps = doc["runs"]["steps"].as_sequence().unwrap();
    let scripts: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    // (an input spliced into a script would run a pull request's text as
    // commands: inputs reach the scripts only through `env`)
    assert!(scripts.iter().all(|s| !s.contains("${{")), "{scripts:?}");
    assert!(scripts.iter().any(|s| s.contains("--format github")));
    assert!(scripts.iter().any(|s| s.contains("cargo install --locked")));
    assert!(steps.iter().any(|s| s["uses"]
        .as_str()
        .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif"))));
    // the hooks file names both hooks, each on articles' extensions
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: serde_yaml::Value = serde_yaml::from_str(&hooks).unwrap();
    let ids: Vec<&str> = hooks
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    assert_eq!(ids, ["factcheck", "factcheck-system"]);
}

/// The action's own scripts, run as a runner runs them (`bash -e -o
/// pipefail`, inputs in the environment), with the binary this test built
/// in place of the one the first step installs.
#[test]
fn the_actions_check_step_annotates_and_fails_on_a_wrong_figure() {
    let action = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&action).unwrap();
    let step = |name: &str| -> String {
        doc["runs"]["steps"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .and_then(|s| s["run"].as_str())
            .unwrap()
            .to_string()
    };
    let dir = ministry_repo();
    std::fs::write(
        dir.path().join("a.md"),
        "The health ministry said 15 people were killed.\n",
    )
    .unwrap();
    let run = |script: &str, env: &[(&str, &str)]| -> Output {
        let mut cmd = Command::new("bash");
        cmd.args([
            "--noprofile",
            "--norc",
            "-e",
            "-o",
            "pipefail",
            "-c",
            script,
        ])
        .current_dir(dir.path())
        .env("FACTCHECK", env!("CARGO_BIN_EXE_factcheck"))
        .env("FC_FAIL_ON", "error")
        .env("FC_CHANGED", "")
        .env("NO_COLOR", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    // (a glob in the arguments reaches factcheck as written: set -f)
    let args = ("FC_ARGS", "*.md --against r.yaml");
    let o = run(&step("Check"), &[args]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("::error file=a.md,line=1,col=26,"),
        "{}",
        stdout(&o)
    );
    let o = run(&step("Check"), &[args, ("FC_FAIL_ON", "never")]);
    assert_eq!(o.status.code(), Some(0));
    // an input that holds shell syntax stays an argument
    let o = run(
        &step("Check"),
        &[("FC_ARGS", "a.md --against r.yaml;touch pwned")],
    );
    assert!(!dir.path().join("pwned").exists());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // the SARIF step writes the file and never fails the job itself
    let o = run(
        &step("SARIF for code scanning"),
        &[args, ("FC_SARIF", "out.sarif")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "mismatch");
}
