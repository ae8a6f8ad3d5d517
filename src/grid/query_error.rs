//! Why a search cannot run, as a type until a person reads it.

use std::fmt;

/// Why a query cannot run; the `Display` text is a sentence for the admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// Not a regular expression; `detail` is the parser's own explanation (monospace).
    BadPattern { detail: String },
    /// Valid, but compiles to more than the size limit.
    PatternTooBig,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::BadPattern { .. } => {
                f.write_str("The search is not a valid regular expression; fix it or turn regex mode off.")
            }
            QueryError::PatternTooBig => f.write_str(
                "The search pattern is too large to run safely here; use a shorter or simpler pattern.",
            ),
        }
    }
}

impl std::error::Error for QueryError {}
