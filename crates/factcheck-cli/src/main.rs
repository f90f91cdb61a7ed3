//! `factcheck`: the command line over the factcheck library. Parsing is in
//! `args`, the subcommands in `run`, exit codes in `exit`; file discovery,
//! JSON Lines streaming and atomic writes are the binary's own business.

mod args;
mod aside;
mod changed;
mod commands;
mod config;
mod discover;
mod exit;
mod lsp;
mod run;
mod say;
mod stream;
mod write;

use std::process::ExitCode;

/// mimalloc, not the system allocator: glibc's keeps the memory a figure's
/// ranking of thousands of facts frees (200 articles against 10,000 facts
/// peaked at 1.3 GB for 20 MB in use), and allocation is a tenth of the
/// time of extraction. Its version 2 (the `v2` feature), not 3: the same
/// speed within noise and a lower peak on most shapes measured (the 100 MB
/// article 336–358 → 306–318 MB, the corpus 77 → 43 MB, 50 of the 55
/// `scripts/hostile` shapes 9–43% lower, the four largest 1–6% lower, a
/// 100 MB record id 2% higher).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use exit::Outcome;
use factcheck::Error;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Outcome::BadInput
            } else {
                Outcome::Clean
            }
            .into();
        }
    };
    match run::run(cli) {
        Ok(outcome) => outcome.into(),
        // a closed pipe (`factcheck check | head`) is not an error
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            Outcome::Clean.into()
        }
        Err(e) => {
            say::error(&e);
            Outcome::BadInput.into()
        }
    }
}
