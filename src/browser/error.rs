//! The browser layer's error for everything but storage (which has its own, richer type).

use std::fmt;

/// Why a browser call did not do what was asked. Each message says that the user's data is
/// unchanged where that is true, and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserError {
    /// No window or document (the page is being torn down, or not in a browser).
    NoDocument,
    /// A download could not start; the step that failed.
    Download(&'static str),
    /// The print dialog was refused (printing may be blocked in an embedded page).
    PrintBlocked,
    /// The clipboard is missing or the browser refused the write.
    ClipboardRefused,
    /// A file input had no file.
    NoFileChosen,
    /// A chosen file is larger than the app reads.
    FileTooLarge {
        /// The file's name.
        name: String,
        /// Its size in KB (rounded up).
        kb: u64,
        /// The limit in KB.
        max_kb: u64,
    },
    /// A chosen file could not be read.
    FileUnreadable {
        /// The file's name.
        name: String,
    },
    /// This browser has no `DecompressionStream` to open a compressed share link.
    NoDecompression,
    /// A compressed part of a share link does not inflate.
    CorruptCompression,
    /// Something the app asked for could not be read; the message says what.
    Unreadable(&'static str),
    /// The person closed the share sheet without sharing.
    ShareCancelled,
    /// This browser has no share sheet, or it refused this share.
    ShareRefused,
    /// The person or the browser's settings did not allow the camera.
    CameraRefused,
    /// No camera is there, or another program holds it.
    NoCamera,
    /// The camera or the QR reader could not start.
    CameraFailed,
    /// The camera was no longer wanted when the browser gave it (and was turned off).
    CameraCancelled,
    /// The camera stopped while in use.
    CameraLost,
}

impl fmt::Display for BrowserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BrowserError::NoDocument => f.write_str(tr!("No browser window is available for this.")),
            BrowserError::Download(what) => {
                f.write_str(&trf!(
                    "The download could not start ({what}). Your data is unchanged.",
                    what = what
                ))
            }
            BrowserError::PrintBlocked => f.write_str(tr!("This browser refused to open the print dialog (printing may be blocked in an embedded page). Open the page on its own to print.")),
            BrowserError::ClipboardRefused => f.write_str(tr!("The browser did not allow copying to the clipboard (an embedded page may not be allowed to). Use the download instead.")),
            BrowserError::NoFileChosen => f.write_str(tr!("No file was chosen.")),
            BrowserError::FileTooLarge { name, kb, max_kb } => f.write_str(&trf!(
                "“{name}” was not imported: it is {kb} KB; a KOOM Readiness file is at most {max_kb} KB. Nothing was changed.",
                name = name,
                kb = kb,
                max_kb = max_kb
            )),
            BrowserError::FileUnreadable { name } => {
                f.write_str(&trf!(
                    "“{name}” could not be read. Nothing was changed.",
                    name = name
                ))
            }
            BrowserError::NoDecompression => f.write_str(tr!("This browser cannot open compressed share links (it has no DecompressionStream). Open the link in a current browser, or ask for the file instead. Nothing was changed.")),
            BrowserError::CorruptCompression => f.write_str(tr!("The link's text part is damaged: it does not decompress. Nothing was loaded or changed.")),
            BrowserError::Unreadable(message) => write!(f, "{message}"),
            BrowserError::ShareCancelled => f.write_str(tr!("Nothing was shared.")),
            BrowserError::ShareRefused => f.write_str(tr!("This browser could not open its share sheet.")),
            BrowserError::CameraRefused => f.write_str(tr!("The camera was not allowed. Allow it for this page in the browser's site settings, or paste the links instead.")),
            BrowserError::NoCamera => f.write_str(tr!("No camera could be used: none is there, or another program is using it. Paste the links instead.")),
            BrowserError::CameraFailed => f.write_str(tr!("The camera could not start reading QR codes here. Paste the links instead.")),
            BrowserError::CameraCancelled => f.write_str(tr!("The camera was turned off before it was used.")),
            BrowserError::CameraLost => f.write_str(tr!("The camera stopped (unplugged, taken by another program, or no longer allowed). Scan again, or paste the links instead.")),
        }
    }
}

impl std::error::Error for BrowserError {}
