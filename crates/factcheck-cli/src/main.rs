//! `factcheck`: the command line over the factcheck library. Parsing is in
//! `args`, the subcommands in `run`, exit codes in `exit`; file discovery,
//! JSON Lines streaming and atomic writes are the binary's own business.

mod alloc;
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

/// mimalloc, asked as the system allocator is: see `alloc`.
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

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
