//! `factcheck --version` names the git revision it was built from, so a
//! report can be traced to the exact rules that made it: the short commit,
//! or `unknown` outside git (a source tarball).

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn main() {
    let rev = git(&["rev-parse", "--short=12", "HEAD"])
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=FACTCHECK_GIT_REVISION={rev}");
    // (built again when the checked-out commit moves: a commit or a
    // checkout rewrites HEAD or the ref it points to, and the index)
    if let Some(dir) = git(&["rev-parse", "--absolute-git-dir"]) {
        let branch = git(&["rev-parse", "--symbolic-full-name", "HEAD"]).unwrap_or_default();
        for f in ["HEAD", "index", "packed-refs", branch.as_str()] {
            if !f.is_empty() {
                println!("cargo:rerun-if-changed={dir}/{f}");
            }
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
