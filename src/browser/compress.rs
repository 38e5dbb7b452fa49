//! Raw DEFLATE through the browser's own `CompressionStream` and `DecompressionStream`: no
//! compressor in the wasm at all. (The streams are bound here by hand: web-sys has them only
//! behind its unstable-APIs flag.)

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::error::BrowserError;

#[wasm_bindgen]
extern "C" {
    /// A `TransformStream` that compresses or decompresses (`CompressionStream`,
    /// `DecompressionStream`).
    type Transform;

    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn compression(format: &str) -> Result<Transform, JsValue>;

    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn decompression(format: &str) -> Result<Transform, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn readable(this: &Transform) -> web_sys::ReadableStream;

    #[wasm_bindgen(method, getter)]
    fn writable(this: &Transform) -> web_sys::WritableStream;
}

async fn run(bytes: &[u8], transform: Transform) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let pair = web_sys::ReadableWritablePair::new(&transform.readable(), &transform.writable());
    let output = blob.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&output))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The bytes compressed as raw DEFLATE, or `None` where the browser cannot (then the caller
/// keeps them as they are).
pub async fn deflate_raw(bytes: &[u8]) -> Option<Vec<u8>> {
    let transform = Transform::compression("deflate-raw").ok()?;
    run(bytes, transform).await.ok()
}

/// Raw DEFLATE bytes inflated.
pub async fn inflate_raw(bytes: &[u8]) -> Result<Vec<u8>, BrowserError> {
    let transform =
        Transform::decompression("deflate-raw").map_err(|_| BrowserError::NoDecompression)?;
    run(bytes, transform)
        .await
        .map_err(|_| BrowserError::CorruptCompression)
}
