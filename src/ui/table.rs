//! The device table.

use crate::api::wire::Session;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Rc<Vec<Session>>,
}

const HEADERS: [&str; 7] = [
    "Client",
    "Version",
    "OS",
    "User",
    "Last login",
    "Device ID",
    "IP address",
];

#[function_component(Table)]
pub fn table(props: &Props) -> Html {
    let text = |v: Option<&String>| v.cloned().unwrap_or_default();
    html! {
        <table class="devices">
            <thead><tr>{ for HEADERS.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
            <tbody>
            { for props.rows.iter().map(|s| {
                let device = s.device.clone().unwrap_or_default();
                let os = device.os.clone().unwrap_or_default();
                let user = s.user.clone().unwrap_or_default();
                html! {
                    <tr>
                        <td>{ text(device.name.as_ref()) }</td>
                        <td>{ text(device.version.as_ref()) }</td>
                        <td>{ format!("{} {}", text(os.name.as_ref()), text(os.version.as_ref())).trim().to_owned() }</td>
                        <td>{ text(user.username.as_ref()) }</td>
                        <td>{ text(s.login_at.as_ref()) }</td>
                        <td>{ text(s.id.as_ref()) }</td>
                        <td>{ text(s.ip.as_ref()) }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    }
}
