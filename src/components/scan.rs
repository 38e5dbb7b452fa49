//! Reading QR codes with the camera, where the browser can (see `browser::camera`): the
//! facilitator holds each phone's "send my answers" code up to the camera instead of pasting its
//! link. Shown only where it works; elsewhere the links box and files remain.

use leptos::prelude::*;

use super::focus_after_render;
use crate::browser::{self, QrCamera};

const VIDEO_ID: &str = "qr-scan-video";
const START_ID: &str = "qr-scan-start";
const STOP_ID: &str = "qr-scan-stop";
/// Time between two looks at the camera's picture: quick enough for a phone held up, and
/// leaves the processor to the page.
const LOOK_EVERY_MS: i32 = 200;

/// A "Scan QR codes with the camera" part: while it scans, each new code read is handed to
/// `on_code` once (a code held up for several looks counts once), and the number read is said.
/// While `busy` (a code being added, a question asked), it does not look: codes are handed over
/// one at a time, each after the one before is done.
#[component]
pub fn QrScan(on_code: Callback<String>, #[prop(into)] busy: Signal<bool>) -> impl IntoView {
    let available = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let can = browser::can_read_qr_codes().await;
        // The page may have moved on while the browser answered.
        let _ = available.try_set(can);
    });
    let scanning = RwSignal::new(false);
    let opened = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let read = RwSignal::new(0usize);
    // Each start is one run; a run ends when it is no longer the latest or scanning stopped.
    let run = RwSignal::new(0u32);

    let start = move |_| {
        problem.set(None);
        read.set(0);
        opened.set(false);
        scanning.set(true);
        let this_run = run.get_untracked().wrapping_add(1);
        run.set(this_run);
        focus_after_render(STOP_ID.to_string());
        let current = move || {
            run.try_get_untracked() == Some(this_run) && scanning.try_get_untracked() == Some(true)
        };
        let give_up = move |e: browser::BrowserError| {
            if current() {
                let _ = problem.try_set(Some(e.to_string()));
                let _ = scanning.try_set(false);
                focus_after_render(START_ID.to_string());
            }
        };
        leptos::task::spawn_local(async move {
            let camera = match QrCamera::open(VIDEO_ID, current).await {
                Ok(camera) => camera,
                Err(e) => return give_up(e),
            };
            let _ = opened.try_set(true);
            // A handful of codes a meeting: a list is enough.
            let mut seen: Vec<String> = Vec::new();
            while current() {
                if busy.try_get_untracked() != Some(true) {
                    match camera.read().await {
                        Ok(codes) => {
                            if let Some(code) = codes.into_iter().find(|c| !seen.contains(c)) {
                                if current() {
                                    seen.push(code.clone());
                                    let _ = read.try_update(|n| *n += 1);
                                    on_code.run(code);
                                }
                            }
                        }
                        Err(e) => return give_up(e),
                    }
                }
                browser::pause(LOOK_EVERY_MS).await;
            }
            // Dropping the camera turns it off.
            drop(camera);
        });
    };
    let stop = move |_| {
        scanning.set(false);
        focus_after_render(START_ID.to_string());
    };
    on_cleanup(move || {
        let _ = scanning.try_set(false);
    });

    let status = move || {
        if !scanning.get() {
            String::new()
        } else if !opened.get() {
            tr!("Asking for the camera…").to_string()
        } else {
            match read.get() {
                0 => tr!("Scanning… no code read yet.").to_string(),
                1 => tr!("Scanning… 1 code read.").to_string(),
                n => trf!("Scanning… {n} codes read.", n = n),
            }
        }
    };
    let control = move || {
        if scanning.get() {
            view! {
                <video id=VIDEO_ID class="qr-scan-video" prop:muted=true playsinline=true autoplay=true
                    aria-label=tr!("The camera's picture")></video>
                <button type="button" class="secondary" id=STOP_ID on:click=stop>{tr!("Stop scanning")}</button>
            }
            .into_any()
        } else {
            view! { <button type="button" class="secondary" id=START_ID on:click=start>{tr!("Scan QR codes")}</button> }
                .into_any()
        }
    };
    move || {
        available.get().then(|| {
            view! {
                <div class="team-add-part team-scan">
                    <h3 class="team-scan-title">{tr!("QR codes, with this device's camera")}</h3>
                    <p class="muted">{tr!("On each phone: Report → Make the link → Show as a QR code. Hold it up to the camera; each code is added once.")}</p>
                    {control}
                    // Always there, so that each new text is announced.
                    <p class="qr-scan-status" role="status">{status}</p>
                    {move || problem.get().map(|p| view! { <p class="notice-warning qr-scan-problem" role="alert">{p}</p> })}
                </div>
            }
        })
    }
}
