//! Thin browser layer: every call that can fail returns `Result` or `Option`, and nothing
//! here decides anything about KOOM. It may use the domain's types, never its rules.

mod camera;
mod compress;
mod error;
mod files;
pub mod frame;
pub mod location;
mod page;
pub mod storage;
mod time;

pub use camera::{can_read_qr_codes, pause, QrCamera};
pub use compress::{deflate_raw, inflate_raw};
pub use error::BrowserError;
pub use files::{can_share, copy_to_clipboard, download, read_chosen_file, read_files, share_link};
pub use page::{
    adopt_first_hero, clear_input, close_modal, focus, focus_if_lost, focus_main_heading,
    focus_main_heading_unless_in_use, input_value, mark_body, page_hidden, paste_into_text_area,
    preferred_languages, print, reload, request_persistence, scroll_to_and_focus, select_text,
    set_document_language, set_title, show_modal, take_over_first_screen, when_idle,
};
pub use time::{
    date_label, date_time_label, new_id, now_ms, random_token_bytes, today_iso, utc_stamp,
};
