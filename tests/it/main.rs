//! The integration tests: one binary, one module per concern, one support
//! module for the helpers they share.

mod support;

mod acceptance;
mod audit;
mod baseline;
mod bounded;
mod charts;
mod ci_formats;
mod cli;
mod config;
mod confinement;
mod credit;
mod drafts;
mod editing;
mod escaping;
mod fact_choice;
mod fact_ties;
mod figure_place;
mod guessed;
mod hooks;
mod hostile;
mod html_report;
mod lsp;
mod newcomer;
mod properties;
mod quantity_table;
mod quote_forms;
mod quote_phrases;
mod read_once;
mod realcopy;
mod reliability;
mod scaffold;
mod scale;
mod snapshots;
mod speech_table;
mod suppress;
mod totals;
mod unasserted;
mod verdicts;
mod volume;
