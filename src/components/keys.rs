//! Keyboard helpers shared by views.

/// True (and the key's default prevented) when a keydown is a plain Enter: the start and
/// rename fields act on Enter as a form would, without relying on form submission.
pub(super) fn on_enter(ev: &leptos::ev::KeyboardEvent) -> bool {
    let plain = ev.key() == "Enter" && !ev.is_composing() && !ev.shift_key() && !ev.alt_key();
    if plain {
        ev.prevent_default();
    }
    plain
}
