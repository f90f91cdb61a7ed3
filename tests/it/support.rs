//! What every test module shares: the workspace root and the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root: the shipped samples, `claims/`, and `../shared` beside it.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists")
}

/// Run the `factcheck` binary in `dir`, without colour.
pub fn factcheck_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Run the `factcheck` binary at the workspace root, without colour.
pub fn factcheck(args: &[&str]) -> Output {
    factcheck_in(&root(), args)
}

/// Standard output, lossily decoded.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error, lossily decoded.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A table of cases from `tests/data/NAME.yaml`.
pub fn table<T: serde::de::DeserializeOwned>(name: &str) -> Vec<T> {
    let path = root().join("tests/data").join(format!("{name}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `factcheck extract PATH --format FORMAT` under an address-space limit
/// of `kb` kilobytes, two threads: memory bounds asserted as a run that
/// does not abort.
pub fn extract_limited(kb: u32, path: &Path, format: &str) -> Output {
    std::process::Command::new("bash")
        .args([
            "-c",
            &format!("ulimit -v {kb}; exec \"$0\" extract \"$1\" --format {format}"),
        ])
        .arg(env!("CARGO_BIN_EXE_factcheck"))
        .arg(path)
        .env("RAYON_NUM_THREADS", "2")
        .env("MALLOC_ARENA_MAX", "2")
        .output()
        .unwrap()
}

/// A repository (a `.git` folder) with `r.yaml`: a one-source reference in
/// which the health ministry counted 12 dead and 40 injured, the injured
/// count required (an invented incident).
pub fn ministry_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(
        dir.path().join("r.yaml"),
        "version: 1\nsources:\n  - {id: ministry, name: Health Ministry, aliases: [the health ministry]}\n\
         facts:\n  - {id: toll, metric: killed, subject: people, value: 12, source: ministry}\n  \
         - {id: hurt, metric: injured, value: 40, source: ministry, required: true}\n",
    )
    .unwrap();
    dir
}

/// `factcheck check a.md --against r.yaml EXTRA…` in `dir` (the ministry
/// repository's article and reference).
pub fn check_a(dir: &Path, extra: &[&str]) -> Output {
    factcheck_in(
        dir,
        &[&["check", "a.md", "--against", "r.yaml"], extra].concat(),
    )
}

/// A tool a test needs that `.ci/run` installs (`/usr/bin/NAME`, else on
/// the PATH): `None` with a note when it is missing, and a failure instead
/// under CI (`CI=true`), where a skipped test would pass unseen.
pub fn installed(name: &str) -> Option<PathBuf> {
    let fixed = Path::new("/usr/bin").join(name);
    let found = if fixed.is_file() {
        Some(fixed)
    } else {
        std::env::var_os("PATH").and_then(|path| {
            std::env::split_paths(&path)
                .map(|d| d.join(name))
                .find(|p| p.is_file())
        })
    };
    assert!(
        found.is_some() || std::env::var_os("CI").is_none_or(|v| v != "true"),
        "CI=true but {name} is not installed (.ci/run installs it)"
    );
    if found.is_none() {
        eprintln!("note: {name} not found; skipping the test that needs it");
    }
    found
}
