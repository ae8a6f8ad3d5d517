//! The findings settings in the Findings panel: stale days, the per-user limit, minimum
//! versions and trusted networks (each bad line named inline), and the settings file's
//! export and import. Apply checks every field first: a half-valid form changes nothing.

use super::export::{download, ExportFile};
use super::findings_text as text;
use super::state::Action;
use crate::grid::findings::{
    LineError, MinVersions, NetworkError, Networks, Settings, VersionError, MAX_PER_USER_LIMIT,
    MAX_STALE_DAYS,
};
use crate::i18n::{k, Lang, Said};
use crate::tr;
use crate::ui::lang::use_lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub uid: String,
    pub settings: Rc<Settings>,
    pub dispatch: Callback<Action>,
}

/// Each field's errors, by field; said in the language current when they are shown.
#[derive(Clone, Default, PartialEq)]
struct Errors {
    /// The largest number the field takes, when its value is not one from 1 to it.
    stale: Option<u32>,
    many: Option<u32>,
    versions: Vec<LineError<VersionError>>,
    networks: Vec<LineError<NetworkError>>,
}

impl Errors {
    fn is_empty(&self) -> bool {
        *self == Errors::default()
    }
}

/// An inline error as shown: its line's label (for a list field) and its sentence.
type Shown = (Option<usize>, String);

fn number_errors(lang: Lang, max: Option<u32>) -> Vec<Shown> {
    max.map(|max| (None, text::number_error(lang, 1, max)))
        .into_iter()
        .collect()
}

fn line_errors<E>(errors: &[LineError<E>], say: impl Fn(&E) -> String) -> Vec<Shown> {
    errors
        .iter()
        .map(|e| (Some(e.line), say(&e.error)))
        .collect()
}

fn value_of(r: &NodeRef) -> String {
    if let Some(i) = r.cast::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    r.cast::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .unwrap_or_default()
}

fn number(v: &str, max: u32) -> Result<u32, u32> {
    v.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or(max)
}

/// The form's settings, or every error in it.
fn read(refs: &[NodeRef; 4]) -> Result<Settings, Errors> {
    let stale = number(&value_of(&refs[0]), MAX_STALE_DAYS);
    let many = number(&value_of(&refs[1]), MAX_PER_USER_LIMIT);
    let (min_versions, versions) = MinVersions::parse_lines(&value_of(&refs[2]));
    let (networks, n_errors) = Networks::parse(&value_of(&refs[3]));
    let errors = Errors {
        stale: stale.err(),
        many: many.err(),
        versions,
        networks: n_errors,
    };
    match (stale, many) {
        (Ok(stale_days), Ok(max_per_user)) if errors.is_empty() => Ok(Settings {
            stale_days,
            max_per_user,
            min_versions,
            networks,
        }),
        _ => Err(errors),
    }
}

/// A field's inline errors, tied to it by `aria-describedby`; a list field's line number is
/// its own label before the sentence.
fn errors_of(lang: Lang, id: &str, errors: &[Shown]) -> Html {
    if errors.is_empty() {
        return Html::default();
    }
    let item = |(line, sentence): &Shown| {
        html! {
            <li>
                if let Some(line) = line {
                    <span class="line-no">{ tr!(lang, FD_LINE, line = *line) }</span>{ " " }
                }
                { sentence.clone() }
            </li>
        }
    };
    html! {
        <ul id={id.to_owned()} class="field-errors error" role="alert">
            { for errors.iter().map(item) }
        </ul>
    }
}

#[function_component(FindingsSettings)]
pub fn findings_settings(p: &SettingsProps) -> Html {
    let lang = use_lang();
    let refs = use_memo((), |_| {
        [
            NodeRef::default(),
            NodeRef::default(),
            NodeRef::default(),
            NodeRef::default(),
        ]
    });
    let errors = use_state(Errors::default);
    let onsubmit = {
        let (refs, errors, dispatch) = (refs.clone(), errors.clone(), p.dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match read(&refs) {
                Ok(s) => {
                    errors.set(Errors::default());
                    dispatch.emit(Action::SetSettings(Rc::new(s)));
                }
                Err(e) => errors.set(e),
            }
        })
    };
    let id = |k: &str| format!("{}-fs-{k}", p.uid);
    let described = |k: &str, bad: bool| bad.then(|| id(&format!("{k}-err")));
    let (versions, networks) = (
        line_errors(&errors.versions, |e| e.say(lang)),
        line_errors(&errors.networks, |e| e.say(lang)),
    );
    let s = &p.settings;
    html! {
        <form class="findings-settings" {onsubmit} novalidate=true>
            <h3>{ tr!(lang, FD_SETTINGS) }</h3>
            <label>{ tr!(lang, FD_STALE_DAYS) }
                <input type="number" min="1" max={MAX_STALE_DAYS.to_string()} ref={refs[0].clone()}
                    value={s.stale_days.to_string()} aria-invalid={errors.stale.is_some().then_some("true")}
                    aria-describedby={described("stale", errors.stale.is_some())} />
            </label>
            { errors_of(lang, &id("stale-err"), &number_errors(lang, errors.stale)) }
            <label>{ tr!(lang, FD_MAX_PER_USER) }
                <input type="number" min="1" max={MAX_PER_USER_LIMIT.to_string()} ref={refs[1].clone()}
                    value={s.max_per_user.to_string()} aria-invalid={errors.many.is_some().then_some("true")}
                    aria-describedby={described("many", errors.many.is_some())} />
            </label>
            { errors_of(lang, &id("many-err"), &number_errors(lang, errors.many)) }
            <label>{ tr!(lang, FD_MIN_VERSIONS) }
                <textarea rows="3" ref={refs[2].clone()} value={s.min_versions.to_text()} spellcheck="false"
                    placeholder={tr!(lang, FD_MIN_VERSIONS_HINT)} aria-invalid={(!errors.versions.is_empty()).then_some("true")}
                    aria-describedby={described("versions", !errors.versions.is_empty())} />
            </label>
            { errors_of(lang, &id("versions-err"), &versions) }
            <label>{ tr!(lang, FD_NETWORKS) }
                <textarea rows="3" ref={refs[3].clone()} value={s.networks.to_text()} spellcheck="false"
                    placeholder={tr!(lang, FD_NETWORKS_HINT)} aria-invalid={(!errors.networks.is_empty()).then_some("true")}
                    aria-describedby={described("networks", !errors.networks.is_empty())} />
            </label>
            { errors_of(lang, &id("networks-err"), &networks) }
            <div class="settings-actions">
                <button type="submit">{ tr!(lang, FD_APPLY) }</button>
                { file_buttons(lang, s, &p.dispatch) }
            </div>
        </form>
    }
}

fn file_buttons(lang: Lang, s: &Rc<Settings>, dispatch: &Callback<Action>) -> Html {
    let export = {
        let (s, dispatch) = (s.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let file = ExportFile {
                name: tr!(lang, FD_SETTINGS_FILE),
                mime: "application/json",
                content: s.to_json(),
            };
            let (text, error) = match download(&file) {
                Ok(()) => (Said::key(k::FD_SETTINGS_EXPORTED), false),
                Err(e) => (Said::key(e), true),
            };
            dispatch.emit(Action::Toast { text, error });
        })
    };
    let import = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let file = input.files().and_then(|f| f.get(0));
            input.set_value("");
            if let Some(file) = file {
                import_file(file, dispatch.clone());
            }
        })
    };
    html! {
        <>
            <button type="button" onclick={export}>{ tr!(lang, FD_EXPORT_SETTINGS) }</button>
            <label class="file-button">{ tr!(lang, FD_IMPORT_SETTINGS) }
                <input type="file" accept=".json,application/json" onchange={import} />
            </label>
        </>
    }
}

/// Reads a chosen settings file; applies it whole or says why not.
fn import_file(file: web_sys::File, dispatch: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        let action = match read.ok().and_then(|v| v.as_string()) {
            None => Action::Toast {
                text: Said::key(k::FD_FILE_UNREADABLE),
                error: true,
            },
            Some(json) => match Settings::from_json(&json) {
                Ok(s) => {
                    dispatch.emit(Action::SetSettings(Rc::new(s)));
                    Action::Toast {
                        text: Said::key(k::FD_SETTINGS_IMPORTED),
                        error: false,
                    }
                }
                // The file's own fault, said in the language current when it is shown.
                Err(e) => Action::Toast {
                    text: Said::new(move |lang| e.say(lang)),
                    error: true,
                },
            },
        };
        dispatch.emit(action);
    });
}
