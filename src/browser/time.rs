//! The clock, and ids made from it.

use crate::domain::Language;

/// Today's date as `YYYY-MM-DD`, in the browser's time zone.
pub fn today_iso() -> String {
    date_label(now_ms())
}

/// The current time in whole milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A new, practically unique id for a library record.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:x}-{random:08x}", now_ms())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `crypto.getRandomValues`, filling the bytes in place.
    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(bytes: &mut [u8]) -> Result<(), wasm_bindgen::JsValue>;
}

/// Eight random bytes for a respondent token: from the browser's cryptographic generator, or,
/// where it is missing, from `Math.random` (a token must be unique, not secret).
pub fn random_token_bytes() -> [u8; 8] {
    let mut bytes = [0u8; 8];
    if get_random_values(&mut bytes).is_err() {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// A local date and time as `YYYY-MM-DD HH:MM` in English, as `language` writes it otherwise
/// ("04.12.2026, 10:30"; the browser's `Intl` knows how).
pub fn date_time_label(ms: u64, language: Language) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    if language != Language::English {
        let options = js_sys::Object::new();
        for (key, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        return String::from(d.to_locale_string(language.code(), &options));
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A local date as `YYYY-MM-DD`.
pub fn date_label(ms: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The current moment in UTC as an iCalendar date-time (`20261203T221500Z`).
pub fn utc_stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date(),
        d.get_utc_hours(),
        d.get_utc_minutes(),
        d.get_utc_seconds()
    )
}
