//! Everything written and read: JSON, CSV exports, the record stack and its records, files, share links, pasted links, QR codes, the generated documents.

pub(super) mod codec;
pub(super) mod csv;
pub(super) mod doc;
pub(super) mod file;
pub(super) mod ics;
pub(super) mod issue_link;
pub(super) mod json;
pub(super) mod mend;
pub(super) mod pasted;
pub(super) mod qr;
pub(super) mod records;
pub(super) mod repository;
pub(super) mod share;
pub(super) mod team_file;
pub(super) mod xml;
