//! Example tests of the findings.
