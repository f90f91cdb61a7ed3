//! PolNeAR attribution evaluation, run as a test that guards against
//! regressions (the harness lives in `factcheck_eval::polnear`, whose doc
//! says what is measured and how).
//!
//! ```text
//! cargo test --release -p factcheck-eval --test polnear -- [--split dev|train] [--verbose N] [--data DIR]
//! ```
//!
//! `--verbose N` prints N misses and N false positives (spread evenly over
//! the split), each with the text around it and the nearest other side.
//!
//! Bad arguments or unreadable files exit 2.

use std::path::PathBuf;

use factcheck_eval::polnear::{self, DEFAULT_DATA};

struct Options {
    split: String,
    verbose: usize,
    data: PathBuf,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        split: "dev".into(),
        verbose: 0,
        data: PathBuf::from(DEFAULT_DATA),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--split" => o.split = value("--split")?,
            "--verbose" => {
                o.verbose = value("--verbose")?
                    .parse()
                    .map_err(|_| "--verbose takes a number".to_string())?
            }
            "--data" => o.data = PathBuf::from(value("--data")?),
            "-h" | "--help" => {
                println!(
                    "usage: polnear_eval [--split dev|train] [--verbose N] [--data DIR]\n\
                     (default: --split dev --verbose 0 --data {DEFAULT_DATA})"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    if !matches!(o.split.as_str(), "dev" | "train") {
        return Err(format!("--split must be dev or train, not `{}`", o.split));
    }
    Ok(o)
}

fn main() {
    let opts = parse_args().unwrap_or_else(|e| {
        eprintln!("polnear_eval: {e}");
        std::process::exit(2);
    });
    polnear::quiet_panics();
    let eval = polnear::evaluate(&opts.data, &opts.split).unwrap_or_else(|e| {
        eprintln!("polnear_eval: {e}");
        std::process::exit(2);
    });
    eval.print(opts.verbose);
}
