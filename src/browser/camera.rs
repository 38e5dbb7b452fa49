//! The camera, to read QR codes where the browser can: a `BarcodeDetector` that knows QR codes
//! (Chromium on Android, ChromeOS and macOS; not on Linux or Windows, nor in Firefox) and a
//! camera behind `getUserMedia`. Nothing here decides what a code means: it hands back the text
//! read. The detector is reached by name (`Reflect`) because web-sys has it only behind its
//! unstable-API flag.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::BrowserError;

fn detector_class() -> Option<Function> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"BarcodeDetector".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

fn media_devices() -> Option<web_sys::MediaDevices> {
    let devices = web_sys::window()?.navigator().media_devices().ok()?;
    // An insecure page (plain http to another machine) has `mediaDevices` undefined.
    (!JsValue::from(devices.clone()).is_undefined()).then_some(devices)
}

/// Whether this browser can read a QR code from a camera: it has a `BarcodeDetector` that
/// lists `qr_code` among its formats and a camera interface (the page is secure). Whether a
/// camera is there and allowed is known only when it is opened.
pub async fn can_read_qr_codes() -> bool {
    let (Some(class), Some(_)) = (detector_class(), media_devices()) else {
        return false;
    };
    let Some(formats) = Reflect::get(&class, &"getSupportedFormats".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&class).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return false;
    };
    match JsFuture::from(formats).await {
        Ok(list) => Array::from(&list)
            .iter()
            .any(|f| f.as_string().as_deref() == Some("qr_code")),
        Err(_) => false,
    }
}

/// An open camera shown in a `<video>`, with a detector for QR codes. Dropping it turns the
/// camera off.
pub struct QrCamera {
    detector: JsValue,
    detect: Function,
    stream: web_sys::MediaStream,
    video: web_sys::HtmlVideoElement,
}

fn camera_error(e: &JsValue) -> BrowserError {
    let name = Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref() {
        Some("NotAllowedError" | "SecurityError") => BrowserError::CameraRefused,
        Some("NotFoundError" | "OverconstrainedError" | "NotReadableError") => {
            BrowserError::NoCamera
        }
        _ => BrowserError::CameraFailed,
    }
}

impl QrCamera {
    /// Opens the camera (the one facing away from the person where there are two) and shows it
    /// in the `<video>` with the id `video_id`, if `still_wanted()` once the browser has given
    /// it (the person may have stopped, or started again, while it was being asked for: the
    /// camera is then turned off at once and `Err(CameraCancelled)` returned).
    pub async fn open(
        video_id: &str,
        still_wanted: impl Fn() -> bool,
    ) -> Result<QrCamera, BrowserError> {
        let class = detector_class().ok_or(BrowserError::CameraFailed)?;
        let devices = media_devices().ok_or(BrowserError::NoCamera)?;
        let options = js_sys::Object::new();
        let formats = Array::of1(&"qr_code".into());
        Reflect::set(&options, &"formats".into(), &formats)
            .map_err(|_| BrowserError::CameraFailed)?;
        let detector = Reflect::construct(&class, &Array::of1(&options))
            .map_err(|_| BrowserError::CameraFailed)?;
        let detect = Reflect::get(&detector, &"detect".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or(BrowserError::CameraFailed)?;

        let constraints = web_sys::MediaStreamConstraints::new();
        let video_wish = js_sys::Object::new();
        Reflect::set(&video_wish, &"facingMode".into(), &"environment".into())
            .map_err(|_| BrowserError::CameraFailed)?;
        constraints.set_video(&video_wish);
        constraints.set_audio(&JsValue::FALSE);
        let asked = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|e| camera_error(&e))?;
        let stream: web_sys::MediaStream = JsFuture::from(asked)
            .await
            .map_err(|e| camera_error(&e))?
            .dyn_into()
            .map_err(|_| BrowserError::CameraFailed)?;

        if !still_wanted() {
            stop_tracks(&stream);
            return Err(BrowserError::CameraCancelled);
        }
        let Some(video) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(video_id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlVideoElement>().ok())
        else {
            // Closed while the camera was being asked for: it is turned off at once.
            stop_tracks(&stream);
            return Err(BrowserError::NoDocument);
        };
        let camera = QrCamera {
            detector,
            detect,
            stream,
            video,
        };
        camera.video.set_src_object(Some(&camera.stream));
        if let Ok(playing) = camera.video.play() {
            // A muted inline video plays without a gesture; if it refuses, the detector still
            // reads the frames the element receives.
            let _ = JsFuture::from(playing).await;
        }
        Ok(camera)
    }

    /// The texts of the QR codes in the camera's current picture (none when there is none, or
    /// no picture yet); `Err(CameraLost)` once the camera has stopped (unplugged, taken by
    /// another program, or no longer allowed).
    pub async fn read(&self) -> Result<Vec<String>, BrowserError> {
        let live = self.stream.get_tracks().iter().any(|t| {
            t.dyn_into::<web_sys::MediaStreamTrack>()
                .is_ok_and(|t| t.ready_state() == web_sys::MediaStreamTrackState::Live)
        });
        if !live {
            return Err(BrowserError::CameraLost);
        }
        let Some(found) = self
            .detect
            .call1(&self.detector, &self.video)
            .ok()
            .and_then(|p| p.dyn_into::<Promise>().ok())
        else {
            return Ok(Vec::new());
        };
        // A look can fail while the picture is not ready yet: that look reads nothing.
        Ok(match JsFuture::from(found).await {
            Ok(codes) => Array::from(&codes)
                .iter()
                .filter_map(|c| Reflect::get(&c, &"rawValue".into()).ok()?.as_string())
                .filter(|text| !text.trim().is_empty())
                .collect(),
            Err(_) => Vec::new(),
        })
    }
}

fn stop_tracks(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

impl Drop for QrCamera {
    fn drop(&mut self) {
        stop_tracks(&self.stream);
        // Only its own picture: the video may show a newer camera by now.
        let shown = self.video.src_object();
        if shown.is_some_and(|s| js_sys::Object::is(&s, &self.stream)) {
            self.video.set_src_object(None);
        }
    }
}

/// Waits `ms` milliseconds (between two looks at the camera's picture).
pub async fn pause(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
