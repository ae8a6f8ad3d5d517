//! Why a search cannot run, as a type until a person reads it.

use crate::i18n::Lang;
use crate::tr;
use std::fmt;

/// Why a query cannot run; the `Display` text is a sentence for the admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// Not a regular expression; `detail` is the parser's own explanation (monospace).
    BadPattern { detail: String },
    /// Valid, but compiles to more than the size limit.
    PatternTooBig,
}

impl QueryError {
    /// The sentence for the admin, with what the table shows meanwhile.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            QueryError::BadPattern { .. } => tr!(lang, SEARCH_BAD_PATTERN),
            QueryError::PatternTooBig => tr!(lang, SEARCH_TOO_BIG),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for QueryError {}
