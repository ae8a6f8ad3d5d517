//! The workspace: the device table and what the admin does with it.

use super::{host, texts, until};
use rc_device_manager::api::wire::{Device, Os, Session, User};
use rc_device_manager::ui::table::Table;
use std::rc::Rc;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn table_shows_the_contract_columns_and_renders_hostile_text_as_text() {
    let row = Session {
        id: Some("o94SveQp6fyPsoiNC".into()),
        device: Some(Device {
            name: Some("<img src=x onerror=alert(1)>".into()),
            version: Some("113.0.0".into()),
            os: Some(Os {
                name: Some("Windows".into()),
                version: Some("10".into()),
            }),
            ..Default::default()
        }),
        ip: Some("172.20.0.2".into()),
        user: Some(User {
            username: Some("testroxie".into()),
            name: Some("Test".into()),
        }),
        ..Default::default()
    };
    let root = host();
    yew::Renderer::<Table>::with_root_and_props(
        root.clone(),
        rc_device_manager::ui::table::Props {
            rows: Rc::new(vec![row]),
        },
    )
    .render();
    until(&root, |h| {
        h.query_selector("tbody tr").ok().flatten().is_some()
    })
    .await;
    assert_eq!(
        texts(&root, "thead th"),
        [
            "Client",
            "Version",
            "OS",
            "User",
            "Last login",
            "Device ID",
            "IP address"
        ]
    );
    let cells = texts(&root, "tbody td");
    assert_eq!(cells[0], "<img src=x onerror=alert(1)>");
    assert!(
        root.query_selector("tbody img").unwrap().is_none(),
        "markup from the server was injected"
    );
    assert!(cells.contains(&"o94SveQp6fyPsoiNC".to_owned()));
    assert!(cells.contains(&"Windows 10".to_owned()));
}
