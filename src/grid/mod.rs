//! The pure grid core: normalised rows, and filter → sort → page views over them.
//!
//! Pure Rust on purpose (no web-sys): everything here is tested and benchmarked natively.
//! Load once with [`Sessions::from_wire`], keep a [`Query`] in the UI state, and ask a
//! [`Pipeline`] for the [`View`] after every change; it recomputes only what changed.

pub mod build;
mod by_value;
mod casefold;
pub mod chip;
pub mod column;
pub mod export;
pub mod filter;
pub mod findings;
pub mod page;
mod pattern;
pub mod preview;
pub mod query_error;
pub mod record;
pub mod session;
pub mod sort;
pub mod stats;
#[doc(hidden)]
pub mod testdata;
pub mod text;
pub mod time;
pub mod url;
pub mod view;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
#[cfg(test)]
mod tests;

pub use build::SessionsBuilder;
pub use chip::{none_text, Chip};
pub use column::{Column, DeviceKind};
pub use export::{push_csv_cell, to_csv, to_json, UTF8_BOM};
pub use filter::{filter_rows, Filters, QueryError, Search};
pub use page::{page_count, status_text, thousands, PageNav, PageSize};
pub use session::{Own, RowLine, RowRef, Sessions};
pub use sort::{parse_ip, sort_indices, sort_rows, SortKey};
pub use stats::{group_by_user, stats, Stats, UserGroup};
pub use text::{cmp_version, fold};
pub use time::{
    day_bounds, format_day, format_iso8601, format_login, local_day, parse_day, parse_iso8601,
};
pub use url::{decode_query, encode_query, finding_errors};
pub use view::{view, Pipeline, Query, Recomputes, View, ViewError};
