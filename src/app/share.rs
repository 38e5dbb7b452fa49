//! Share links: making one for what is on screen, and opening one — read-only, never changing
//! or replacing what is saved, until the user saves it as a copy.

use super::error::AppError;
use super::open::Opened;
use super::state::{AppState, View};
use crate::browser::{self, location};
use crate::domain::{
    decode_share, encode_share, share_text_block, Assessment, Language, Route, ShareOptions,
    SharedAssessment,
};

/// Links longer than this may be cut by mail clients (2,048) and chat tools.
pub const LINK_WARNING_CHARS: usize = 2_000;

/// A share link made for the assessment on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    /// The whole address.
    pub url: String,
    /// Whether it carries notes and remarks.
    pub notes: bool,
}

impl ShareLink {
    /// Whether the link is long enough to be cut by mail or chat.
    pub fn too_long(&self) -> bool {
        self.url.chars().count() > LINK_WARNING_CHARS
    }
}

/// The address of a payload on this page (the page's own address, its fragment replaced).
pub fn link_to(payload: &str) -> String {
    let base = location::address_without_fragment().unwrap_or_default();
    format!(
        "{base}{}",
        Route::Shared {
            payload: payload.to_string(),
            page: crate::domain::Page::Preconditions,
        }
        .fragment()
        .trim_end_matches("/preconditions")
    )
}

/// The address that shows what is on screen outside a frame: the full page, with the open
/// assessment carried whole in a share link (with its notes) so it opens whatever storage the
/// new page sees. Made at once, so a click can open it (a popup must follow the click).
pub fn full_page_link(state: AppState, opened: &Opened) -> String {
    let base = location::page_address().unwrap_or_default();
    // The full page in the language the frame shows (English needs no word: it is where the
    // choice ends anyway, unless the reader chose another there).
    let base = match crate::domain::texts().language() {
        Language::English => base,
        language => format!("{base}?lang={}", language.code()),
    };
    let page = state
        .view
        .get_untracked()
        .page()
        .unwrap_or(crate::domain::Page::Preconditions);
    match opened {
        Opened::Nothing => format!("{base}#/"),
        Opened::Shared(info) => format!("{base}#/s/{}/{}", info.payload, page.token()),
        _ if state.view.get_untracked() == View::Start => format!("{base}#/"),
        _ => {
            let options = ShareOptions {
                notes: true,
                made_on: browser::today_iso(),
            };
            let payload = state
                .assessment
                .with_untracked(|a| encode_share(a, options, None));
            format!("{base}#/s/{payload}/{}", page.token())
        }
    }
}

/// Which frame a wiki may give the app, and so which snippet embeds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnippetKind {
    /// A sandbox with `allow-same-origin`: the app keeps its answers in the browser (for the
    /// wiki's site), and its messages come from its own origin.
    SameOrigin,
    /// A sandbox without `allow-same-origin` (a wiki that forbids it): the frame's origin is
    /// opaque, answers live in memory, and its messages come from `"null"`, so the host knows
    /// the frame by the window that sent them.
    Opaque,
    /// A wiki that strips `<script>`: a frame of fixed height, and a link to the full page.
    NoScript,
}

/// The sandbox flags of every snippet but the one for an opaque origin (which lacks
/// `allow-same-origin`).
const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals";

/// The snippet a wiki pastes to embed the app: the frame, its sandbox and permissions, and
/// (where the wiki keeps scripts) the few lines that let it grow with its content and scroll
/// to what the app shows (the `koom-readiness:height` and `koom-readiness:scroll` messages),
/// accepted only from the app's own frame. With a `language`, the frame shows that one
/// (`&lang=de`); without, each reader's own.
pub fn embed_snippet(kind: SnippetKind, language: Option<Language>) -> String {
    let base = location::page_address().unwrap_or_default();
    // A language fixed by the snippet; without it each reader sees their own.
    let lang = language.map_or_else(String::new, |l| format!("&lang={}", l.code()));
    let origin = location::origin().unwrap_or_default();
    let (sandbox, height, sender) = match kind {
        SnippetKind::SameOrigin => (SANDBOX.to_owned(), 900, origin),
        SnippetKind::Opaque => (
            SANDBOX.replace(" allow-same-origin", ""),
            900,
            "null".to_owned(),
        ),
        SnippetKind::NoScript => (SANDBOX.to_owned(), 1400, String::new()),
    };
    let frame = format!(
        r#"<iframe src="{base}?embed=1{lang}" title="KOOM Readiness" loading="lazy"
  style="width:100%;height:{height}px;border:0"
  sandbox="{sandbox}"
  allow="clipboard-write"></iframe>"#
    );
    if kind == SnippetKind::NoScript {
        return format!(
            r#"{frame}
<p><a href="{base}" target="_blank" rel="noopener">{open}</a></p>"#,
            open = tr!("Open KOOM Readiness on its own page")
        );
    }
    format!(
        r#"{frame}
<script>
  window.addEventListener("message", function (event) {{
    if (event.origin !== "{sender}") return;
    var data = event.data;
    if (!data || typeof data.type !== "string") return;
    document.querySelectorAll('iframe[src^="{base}"]').forEach(function (frame) {{
      if (frame.contentWindow !== event.source) return;
      if (data.type === "koom-readiness:height" && typeof data.height === "number") {{
        frame.style.height = Math.ceil(data.height) + "px";
      }} else if (data.type === "koom-readiness:scroll" && typeof data.top === "number" && typeof data.height === "number") {{
        var box = frame.getBoundingClientRect();
        window.scrollTo(0, Math.max(0, window.scrollY + box.top + data.top + data.height / 2 - window.innerHeight / 2));
      }}
    }});
  }});
</script>"#
    )
}

/// A link to an assessment without its notes, made at once (its text is short and stored as
/// it is): for the reports.
pub fn plain_link(assessment: &Assessment) -> String {
    let options = ShareOptions {
        notes: false,
        made_on: browser::today_iso(),
    };
    link_to(&encode_share(assessment, options, None))
}

/// A link to the assessment on screen, made as [`make_link`] does; an editable assessment
/// without a respondent token (made before tokens) is given one first, and saved with it, so
/// that its link counts as one respondent in a team view whatever name it is added under.
pub async fn share_on_screen(state: AppState, notes: bool) -> ShareLink {
    if state.assessment.with_untracked(|a| a.respondent.is_none()) {
        state.edit(|a| {
            a.give_respondent_token(browser::random_token_bytes());
        });
    }
    make_link(state.assessment.get_untracked(), notes).await
}

/// A link to an assessment, its text compressed by the browser when that makes it shorter.
pub async fn make_link(assessment: Assessment, notes: bool) -> ShareLink {
    let options = ShareOptions {
        notes,
        made_on: browser::today_iso(),
    };
    let block = share_text_block(&assessment, &options);
    let deflated = browser::deflate_raw(&block).await;
    let payload = match deflated {
        Some(d) => encode_share(&assessment, options, Some(&|_: &[u8]| d.clone())),
        None => encode_share(&assessment, options, None),
    };
    ShareLink {
        url: link_to(&payload),
        notes,
    }
}

/// Reads a payload into the assessment it carries, inflating its text when needed.
pub async fn read_link(payload: &str) -> Result<SharedAssessment, AppError> {
    let envelope = decode_share(payload)?;
    let inflated = if envelope.needs_inflate() {
        Some(browser::inflate_raw(envelope.text_block()).await?)
    } else {
        None
    };
    Ok(envelope.finish(inflated)?)
}
