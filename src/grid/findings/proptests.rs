//! Property tests of the findings.
