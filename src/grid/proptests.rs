//! Property tests: the whole pipeline against a naive reference model.
