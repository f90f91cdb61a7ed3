//! The language layer every stage shares: tokens, numbers as English writes
//! them, qualifier intervals, and byte spans → lines and columns. Nothing
//! here knows about claims or references.

pub mod names;
pub mod numbers;
pub mod qualifier;
pub mod span;
pub mod tokens;
