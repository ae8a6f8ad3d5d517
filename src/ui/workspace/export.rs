//! Export of the filtered, sorted view (every matching row, not only the page) as a file the
//! browser downloads: a Blob, an object URL and a temporary `<a download>`.

use crate::grid::{to_csv, to_json, Sessions, UTF8_BOM};
use crate::i18n::{k, Key, Lang};
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// A file ready to hand to the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub content: String,
}

/// The file for `rows` (display order) on local day `day` (`YYYY-MM-DD`), named in the
/// screen's language (`devices-2026-11-28.csv`); its contents do not follow it (field names
/// and values are the same in every language). CSV starts with a
/// byte-order mark so that spreadsheet programs read it as UTF-8; its cells are already
/// guarded against formula injection by the grid.
pub fn build(
    lang: Lang,
    format: Format,
    sessions: &Sessions,
    rows: &[u32],
    day: &str,
) -> ExportFile {
    match format {
        Format::Csv => ExportFile {
            name: tr!(lang, EXPORT_FILE_CSV, day = day),
            mime: "text/csv;charset=utf-8",
            content: format!("{UTF8_BOM}{}", to_csv(sessions, rows)),
        },
        Format::Json => ExportFile {
            name: tr!(lang, EXPORT_FILE_JSON, day = day),
            mime: "application/json",
            content: to_json(sessions, rows),
        },
    }
}

/// Starts the download; the error is the catalogue's sentence for the admin.
pub fn download(file: &ExportFile) -> Result<(), Key> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let fail = |_: JsValue| k::DOWNLOAD_REFUSED;
        let parts = js_sys::Array::of1(&JsValue::from_str(&file.content));
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(file.mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(fail)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or(k::DOWNLOAD_NO_DOCUMENT)?;
        let a: web_sys::HtmlAnchorElement = document
            .create_element("a")
            .map_err(fail)?
            .dyn_into()
            .map_err(|_| k::DOWNLOAD_REFUSED)?;
        a.set_href(&url);
        a.set_download(&file.name);
        a.click();
        // Revoking at once can cancel the download in some browsers; a minute is plenty.
        gloo_timers::callback::Timeout::new(60_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        Ok(())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = file;
        Err(k::DOWNLOAD_NO_BROWSER)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::testdata;

    #[test]
    fn files_are_named_by_day_and_hold_the_given_rows_in_order() {
        let s = Sessions::from_wire(testdata::sessions(10, 4), 0);
        let csv = build(Lang::En, Format::Csv, &s, &[3, 1], "2026-11-28");
        assert_eq!(csv.name, "devices-2026-11-28.csv");
        let body = csv.content.strip_prefix(UTF8_BOM).expect("BOM");
        let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3);
        let id = |i: u32| {
            s.row(i)
                .map(|r| r.session_id().to_owned())
                .unwrap_or_default()
        };
        assert!(lines[1].contains(&id(3)) && lines[2].contains(&id(1)));
        let json = build(Lang::En, Format::Json, &s, &[3, 1], "2026-11-28");
        assert_eq!(json.name, "devices-2026-11-28.json");
        let v: serde_json::Value = serde_json::from_str(&json.content).expect("json");
        assert_eq!(v[0]["sessionId"], id(3).as_str());
        assert_eq!(v.as_array().map(Vec::len), Some(2));
    }
}
