//! What the policy editor page (`www/editor.html`) needs from the full module (`loader` feature
//! only): a built-in policy's text, any policy text as a plain object (to build the form and to
//! import a file), and `check` exactly as the CLI runs it.

use wasm_bindgen::prelude::*;

use super::{error_to_js, fill_error_fields, output};
use crate::error::{Error, ErrorKind};

/// The text of the built-in policy file whose `meta.id` is `id` (a framework, a layer or a city).
#[wasm_bindgen(js_name = policyText)]
pub fn policy_text(id: &str) -> Result<String, JsValue> {
    let want = format!("id = \"{id}\"");
    crate::builtin::FILES
        .iter()
        .find(|(_, t)| {
            // the first `id = "…"` line is meta.id ([meta] opens every policy file)
            t.lines().map(str::trim).find(|l| l.starts_with("id = ")) == Some(want.as_str())
        })
        .map(|(_, t)| t.to_string())
        .ok_or_else(|| {
            error_to_js(&Error::new(
                ErrorKind::UnknownId,
                format!("没有内置政策文件“{id}”"),
                format!("no built-in policy file \"{id}\""),
            ))
        })
}

/// A policy text parsed as TOML into a plain object (strings, arrays, nested objects), without
/// validation; a syntax error is thrown with its line and column, as `check` reports it.
#[wasm_bindgen(js_name = policyTable)]
pub fn policy_table(file_name: &str, text: &str) -> Result<JsValue, JsValue> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let mut errs = crate::lint::check_files(&[(file_name.to_string(), text.to_string())]);
        let first = errs.drain(..).next().unwrap_or_else(|| {
            Error::new(
                ErrorKind::PolicySyntax,
                format!("TOML 语法错误：{e}"),
                format!("TOML syntax error: {e}"),
            )
        });
        error_to_js(&first)
    })?;
    output(&table)
}

/// `yibao check` on one file (with the built-in layer and framework files it depends on): the
/// findings as plain objects (`code`, `message_zh`, `message_en`, `field`, `file`, `clause`);
/// an empty array when the file passes.
#[wasm_bindgen(js_name = checkPolicy)]
pub fn check_policy(file_name: &str, text: &str) -> js_sys::Array {
    let (_, findings) = crate::lint::check_given(vec![(file_name.to_string(), text.to_string())]);
    let list = js_sys::Array::new();
    for e in &findings {
        let o: JsValue = js_sys::Object::new().into();
        fill_error_fields(&o, e);
        list.push(&o);
    }
    list
}

/// The pack of scheme `id` as loaded in this module (the built-in files and any `loadPolicy`
/// draft, validated when loaded): its bytes, for the editor's export. The file name it is
/// published under is `packName(id, bytes)`.
#[wasm_bindgen(js_name = packScheme)]
pub fn pack_scheme(id: &str) -> Result<Vec<u8>, JsValue> {
    super::with_engine(|engine| engine.pack(id).map_err(|e| error_to_js(&e)))
}

/// `<scheme>.<hash>.pack`: the name a pack is published under (what `yibao pack` writes).
#[wasm_bindgen(js_name = packName)]
pub fn pack_name(id: &str, bytes: &[u8]) -> String {
    crate::engine::pack_name(id, bytes)
}
