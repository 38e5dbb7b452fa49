//! The camera's QR reader (browser/camera.rs) against a stand-in `BarcodeDetector` and camera:
//! headless Chromium on Linux has neither a detector nor a camera.

use koom_readiness::browser::{can_read_qr_codes, BrowserError, QrCamera};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn run(script: &str) -> JsValue {
    js_sys::Function::new_no_args(script)
        .call0(&JsValue::NULL)
        .expect("the test's script runs")
}

/// A stand-in detector that knows `formats` and returns, a look at a time, `window.__queue`'s
/// texts; `getUserMedia` answers with a canvas's stream, or fails with `window.__refuse`.
fn install(formats: &str) {
    run(&format!(
        r#"
        window.__queue = [];
        window.__streams = [];
        window.__refuse = null;
        window.__realGetUserMedia = window.__realGetUserMedia || navigator.mediaDevices.getUserMedia;
        window.BarcodeDetector = class {{
            static async getSupportedFormats() {{ return {formats}; }}
            constructor(options) {{ window.__formats = options.formats; }}
            async detect(source) {{
                if (!(source instanceof HTMLVideoElement)) throw new TypeError("not a video");
                const next = window.__queue.shift();
                return next === undefined ? [] : next.map((rawValue) => ({{ rawValue, format: "qr_code" }}));
            }}
        }};
        navigator.mediaDevices.getUserMedia = async () => {{
            if (window.__refuse) throw new DOMException("refused", window.__refuse);
            const canvas = document.createElement("canvas");
            canvas.getContext("2d").fillRect(0, 0, 10, 10);
            const stream = canvas.captureStream(5);
            window.__streams.push(stream);
            return stream;
        }};
        "#
    ));
}

fn uninstall() {
    run("delete window.BarcodeDetector; if (window.__realGetUserMedia) navigator.mediaDevices.getUserMedia = window.__realGetUserMedia;");
}

fn streams_ended() -> bool {
    run("return window.__streams.every((s) => s.getTracks().every((t) => t.readyState === 'ended'));")
        .as_bool()
        .unwrap_or(false)
}

#[wasm_bindgen_test]
async fn the_qr_reader_only_where_the_browser_has_one_and_the_camera_always_turned_off() {
    uninstall();
    assert!(
        !can_read_qr_codes().await,
        "a browser without BarcodeDetector reads QR codes"
    );
    install(r#"["ean_13", "code_128"]"#);
    assert!(
        !can_read_qr_codes().await,
        "a detector without qr_code reads QR codes"
    );
    install(r#"["ean_13", "qr_code"]"#);
    assert!(can_read_qr_codes().await);

    // Refused or missing cameras, each named.
    for (refusal, expected) in [
        ("NotAllowedError", BrowserError::CameraRefused),
        ("NotFoundError", BrowserError::NoCamera),
        ("NotReadableError", BrowserError::NoCamera),
        ("AbortError", BrowserError::CameraFailed),
    ] {
        run(&format!("window.__refuse = '{refusal}';"));
        assert_eq!(
            QrCamera::open("qr-test-video", || true).await.err(),
            Some(expected),
            "{refusal}"
        );
    }
    run("window.__refuse = null;");

    // No video to show it in (closed while the camera was asked for): turned off at once.
    assert_eq!(
        QrCamera::open("qr-test-video", || true).await.err(),
        Some(BrowserError::NoDocument)
    );
    assert!(
        streams_ended(),
        "a camera opened for a video that is gone is still on"
    );

    let video = run(
        "const v = document.createElement('video'); v.id = 'qr-test-video'; v.muted = true; document.body.append(v); return v;",
    );
    // No longer wanted once given (stopped, or started again, meanwhile): turned off at once,
    // and the video is not touched.
    assert_eq!(
        QrCamera::open("qr-test-video", || false).await.err(),
        Some(BrowserError::CameraCancelled)
    );
    assert!(streams_ended(), "a camera no longer wanted is still on");
    assert_eq!(
        run("return document.getElementById('qr-test-video').srcObject;"),
        JsValue::NULL
    );

    let camera = QrCamera::open("qr-test-video", || true)
        .await
        .expect("the camera opens");
    assert_eq!(
        run("return JSON.stringify(window.__formats);").as_string(),
        Some(r#"["qr_code"]"#.into())
    );
    assert_eq!(
        run("return document.getElementById('qr-test-video').srcObject === window.__streams.at(-1);")
            .as_bool(),
        Some(true)
    );
    run(r#"window.__queue.push(["Ann: https://x.example/#/s/AbC", "  "], [], ["second"]);"#);
    assert_eq!(
        camera.read().await,
        Ok(vec!["Ann: https://x.example/#/s/AbC".to_string()]),
        "blank codes are left out"
    );
    assert_eq!(camera.read().await, Ok(Vec::new()));
    assert_eq!(camera.read().await, Ok(vec!["second".to_string()]));
    assert!(!streams_ended(), "the camera is off while in use");
    drop(camera);
    assert!(streams_ended(), "dropping the camera leaves it on");
    assert_eq!(
        run("return document.getElementById('qr-test-video').srcObject;"),
        JsValue::NULL
    );

    // A camera that stops while in use (unplugged, taken, no longer allowed) is said to have.
    let camera = QrCamera::open("qr-test-video", || true)
        .await
        .expect("the camera opens again");
    run("window.__streams.at(-1).getTracks().forEach((t) => t.stop());");
    assert_eq!(camera.read().await, Err(BrowserError::CameraLost));
    // An older camera dropped after a newer one is shown leaves the newer one's picture.
    let newer = QrCamera::open("qr-test-video", || true)
        .await
        .expect("a newer camera opens");
    drop(camera);
    assert_eq!(
        run("return document.getElementById('qr-test-video').srcObject === window.__streams.at(-1);")
            .as_bool(),
        Some(true),
        "dropping an older camera blanked the newer one's picture"
    );
    drop(newer);

    run("document.getElementById('qr-test-video').remove();");
    let _ = video;
    uninstall();
}
