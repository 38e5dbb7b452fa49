//! Files and links in and out of the page: downloads, a chosen file's text, the clipboard and
//! the share sheet.

use wasm_bindgen::JsCast;

use super::error::BrowserError;

/// Offers text as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), BrowserError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(BrowserError::Download(tr!("no document")))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| BrowserError::Download(tr!("the file could not be made")))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| BrowserError::Download(tr!("no object URL")))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into().ok())
        .ok_or(BrowserError::Download(tr!("no link")))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The download reads the blob after this click returns: revoked at once, it may never
    // start. The address is freed a minute later instead.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    // Without a timer the blob stays for the page's life: better than a lost download.
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// Reads the file chosen in a file input: its name and its bytes (decoding them is the
/// domain's part, so a file that is not UTF-8 is told, not garbled).
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<(String, Vec<u8>), BrowserError> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or(BrowserError::NoFileChosen)?;
    let name = file.name();
    // Refuse huge files before reading them into memory.
    if file.size() > max_bytes as f64 {
        return Err(BrowserError::FileTooLarge {
            name,
            kb: (file.size() / 1024.0).ceil() as u64,
            max_kb: (max_bytes / 1024) as u64,
        });
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| BrowserError::FileUnreadable { name: name.clone() })?;
    Ok((name, js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Reads every file of a list (several chosen, or dropped): each its name and bytes, or why
/// it could not be read. Files over `max_bytes` are refused before they are read.
pub async fn read_files(
    files: &web_sys::FileList,
    max_bytes: usize,
) -> Vec<Result<(String, Vec<u8>), BrowserError>> {
    let mut read = Vec::new();
    for file in (0..files.length()).filter_map(|i| files.get(i)) {
        let name = file.name();
        if file.size() > max_bytes as f64 {
            read.push(Err(BrowserError::FileTooLarge {
                name,
                kb: (file.size() / 1024.0).ceil() as u64,
                max_kb: (max_bytes / 1024) as u64,
            }));
            continue;
        }
        read.push(
            wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .map(|buffer| (name.clone(), js_sys::Uint8Array::new(&buffer).to_vec()))
                .map_err(|_| BrowserError::FileUnreadable { name }),
        );
    }
    read
}

/// Copies text to the clipboard. Refused where the page has no clipboard (an address served
/// over plain http, an old browser) as where the browser denies the write.
pub async fn copy_to_clipboard(text: &str) -> Result<(), BrowserError> {
    let clipboard = navigator()
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>())
        .ok_or(BrowserError::ClipboardRefused)?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| BrowserError::ClipboardRefused)
}

/// The page's `navigator`, as a plain object (its share sheet is not in every browser).
fn navigator() -> Option<wasm_bindgen::JsValue> {
    web_sys::window().map(|w| w.navigator().into())
}

/// The browser's share sheet (`navigator.share`), when it has one.
fn share_sheet() -> Option<(wasm_bindgen::JsValue, js_sys::Function)> {
    let navigator = navigator()?;
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?;
    share
        .dyn_into::<js_sys::Function>()
        .ok()
        .map(|f| (navigator, f))
}

/// Whether this browser has a share sheet that would take a link (phones, Safari, Chrome and
/// Edge on Windows and macOS; not Firefox on the desktop, nor Chrome on Linux). Where the page
/// can say (`navigator.canShare`), a frame not allowed to share says no.
pub fn can_share(url: &str) -> bool {
    let Some((navigator, _)) = share_sheet() else {
        return false;
    };
    let Some(can) = js_sys::Reflect::get(&navigator, &"canShare".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return true;
    };
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"url".into(), &url.into()).is_ok()
        && can
            .call1(&navigator, &data)
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
}

/// Opens the browser's share sheet with a title and a link.
pub async fn share_link(title: &str, url: &str) -> Result<(), BrowserError> {
    let (navigator, share) = share_sheet().ok_or(BrowserError::ShareRefused)?;
    let data = js_sys::Object::new();
    for (key, value) in [("title", title), ("url", url)] {
        js_sys::Reflect::set(&data, &key.into(), &value.into())
            .map_err(|_| BrowserError::ShareRefused)?;
    }
    let promise = share
        .call1(&navigator, &data)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or(BrowserError::ShareRefused)?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            // Closed by the person, or a second tap while the sheet is still open.
            if matches!(name.as_deref(), Some("AbortError" | "InvalidStateError")) {
                BrowserError::ShareCancelled
            } else {
                BrowserError::ShareRefused
            }
        })
}
