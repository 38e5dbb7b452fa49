//! Thin browser layer: every call that can fail returns `Result` or `Option`.
