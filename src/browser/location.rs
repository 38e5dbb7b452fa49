//! The page's address: its fragment (where every view has an address), the history, and the
//! query (`?embed=1`).

/// The fragment of the address, with its `#` (empty when there is none).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The address without its fragment (to build links to this page).
pub fn address_without_fragment() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    Some(match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    })
}

/// The page's origin (`https://intranet.example`).
pub fn origin() -> Option<String> {
    web_sys::window()?.location().origin().ok()
}

/// The page's own address (origin and path), without query or fragment.
pub fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}

/// The address's scheme with its colon (`https:`; `file:` for the offline copy).
pub fn protocol() -> Option<String> {
    web_sys::window()?.location().protocol().ok()
}

/// Whether the address's query holds `name=1` (or `name=true`).
pub fn query_flag(name: &str) -> bool {
    matches!(query_value(name).as_deref(), Some("1" | "true"))
}

/// Shows a new fragment: a new history entry (`push`), or in place of the current one.
/// Where the history cannot be written (a sandboxed frame), nothing happens: `false`.
pub fn set_fragment(fragment: &str, push: bool) -> bool {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return false;
    };
    let state = wasm_bindgen::JsValue::NULL;
    let result = if push {
        history.push_state_with_url(&state, "", Some(fragment))
    } else {
        history.replace_state_with_url(&state, "", Some(fragment))
    };
    result.is_ok()
}

/// The value of `name=` in the address's query, percent-decoded (`?lang=de` → `de`), if the
/// query names it.
pub fn query_value(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let raw =
        search
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| match pair.split_once('=') {
                Some((k, v)) if k == name => Some(v),
                None if pair == name => Some(""),
                _ => None,
            })?;
    Some(
        js_sys::decode_uri_component(&raw.replace('+', " "))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| raw.to_string()),
    )
}

/// Sets `name=value` in the address's query (`None` removes it), in place of the current
/// history entry (no new one); the rest of the address stays. Where the history cannot be
/// written (a sandboxed frame), nothing happens: `false`.
pub fn set_query_value(name: &str, value: Option<&str>) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return false;
    };
    let mut pairs: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(name))
        .map(str::to_owned)
        .collect();
    if let Some(value) = value {
        pairs.push(format!(
            "{name}={}",
            String::from(js_sys::encode_uri_component(value))
        ));
    }
    let query = if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    };
    let Ok(history) = window.history() else {
        return false;
    };
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}{hash}")),
        )
        .is_ok()
}
