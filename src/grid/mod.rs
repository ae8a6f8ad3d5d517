//! The pure grid core: normalised rows, and filter → sort → page views over them.
