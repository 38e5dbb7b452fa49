//! Share links: a whole assessment in a compact, URL-safe, checksummed payload that the app puts
//! in the URL fragment (`#/s/<payload>`), so it never reaches a server log. The format is
//! described byte by byte in `docs/share-link.md`.
//!
//! Decoding has two phases because the text block may be compressed with raw DEFLATE, and the
//! browser's compressor (`CompressionStream('deflate-raw')`) is asynchronous and outside the
//! domain: [`decode_share`] checks everything it can (alphabet, length, checksum, versions,
//! structure) and returns a [`ShareEnvelope`]; when [`ShareEnvelope::needs_inflate`], the caller
//! inflates [`ShareEnvelope::text_block`] and hands the result to [`ShareEnvelope::finish`].
//! Encoding takes the compressor as an optional function; [`share_text_block`] gives the bytes
//! it will be asked to compress, so an asynchronous compressor can run first.
//!
//! Items are addressed by their position in frozen id tables (format 1, model 1.0), never by
//! the model's current lists: a later model cannot silently shift them. Ids the tables do not
//! have (an assessment may hold any string key) are dropped when encoding; `unknown_ids` names
//! them beforehand.
//!
//! The module is split by concern: `types` (the values and the error), `content` (the
//! structure and texts, and the envelope of a decoded link), `tables` (the frozen id tables),
//! `bytes` (varints, dates, bit groups, the frame), `base64` and `crc32`.

mod base64;
mod bytes;
mod content;
mod crc32;
mod tables;
mod types;

#[cfg(test)]
mod tests;

pub use content::ShareEnvelope;
pub use tables::SHARE_FORMAT_VERSION;
pub use types::{ShareError, ShareOptions, SharedAssessment};

use crate::domain::model::assessment::Assessment;
use base64::*;
use bytes::*;
use content::*;
use crc32::*;
use tables::*;

/// A raw-DEFLATE compressor for [`encode_share`]: the bytes in, raw DEFLATE (RFC 1951, no
/// zlib or gzip header) out, as `CompressionStream('deflate-raw')` writes it.
pub type Deflate<'a> = &'a dyn Fn(&[u8]) -> Vec<u8>;

/// The bytes of the text block the encoder would write for this assessment and these options
/// (names, the pilot's evaluations and, with notes, every note and remark), before compression.
/// An asynchronous compressor (the browser's `CompressionStream('deflate-raw')`) compresses
/// these first; its result is then handed to [`encode_share`] through `deflate`.
pub fn share_text_block(a: &Assessment, options: &ShareOptions) -> Vec<u8> {
    text_block(&texts(a, options.notes))
}

/// Writes an assessment as a share-link payload: only `A–Z a–z 0–9 - _`, never ending with `-`
/// or `_`, ready to follow `#/s/` in a URL.
///
/// `deflate`, when given, compresses the text block with raw DEFLATE; the compressed block is
/// stored (and flagged) only when that makes the payload shorter. It must return valid raw
/// DEFLATE of its input: the link cannot be opened otherwise.
///
/// An assessment whose notes are included and whose items carry evidence details is written in
/// format 3 (those details after the notes); otherwise one with a respondent token in format 2
/// (the token after the date), one without in format 1, exactly as before tokens.
///
/// What is not carried: ids the frozen tables of format 1 do not have (see `unknown_ids`),
/// and the assessment's `model_version`: the link is written against model 1.0, the one this
/// app implements. Without [`ShareOptions::notes`], notes, "unclear" remarks and cycle notes.
/// (Lengths are varints of at most 28 bits: a text of 256 MiB or more makes a link that does
/// not open; a URL could not hold it anyway.)
pub fn encode_share(a: &Assessment, options: ShareOptions, deflate: Option<Deflate<'_>>) -> String {
    let texts = texts(a, options.notes);
    let raw = text_block(&texts);

    let mut content = Vec::new();
    put_varint(&mut content, TABLE_MODEL.0);
    put_varint(&mut content, TABLE_MODEL.1);
    let flags_at = content.len();
    content.push(0);
    put_date(&mut content, &options.made_on);
    let mut flags = if options.notes { FLAG_NOTES } else { 0 };
    let evidence = carries_evidence(a, options.notes);
    if evidence {
        flags |= FLAG_EVIDENCE;
    }
    if let Some(token) = a.respondent {
        flags |= FLAG_RESPONDENT;
        content.extend_from_slice(&token.bytes());
    }
    put_structure(&mut content, a, options.notes);

    let compressed = deflate
        .filter(|_| !raw.is_empty())
        .map(|deflate| deflate(&raw))
        .filter(|packed| packed.len() + varint_len(raw.len()) < raw.len());
    match compressed {
        Some(packed) => {
            flags |= FLAG_DEFLATED;
            put_varint(&mut content, u32::try_from(raw.len()).unwrap_or(u32::MAX));
            content.extend_from_slice(&packed);
        }
        None => content.extend_from_slice(&raw),
    }
    let (padded, _) = frame(content.len());
    if padded {
        flags |= FLAG_PADDED;
        content.push(0);
    }
    content[flags_at] = flags;

    let version = if evidence {
        SHARE_FORMAT_VERSION
    } else if a.respondent.is_some() {
        FORMAT_WITH_TOKEN
    } else {
        FORMAT_WITHOUT_TOKEN
    };
    let mut bytes = vec![version];
    put_varint(
        &mut bytes,
        u32::try_from(content.len() + 4).unwrap_or(u32::MAX),
    );
    bytes.extend_from_slice(&content);
    seal_share_bytes(&bytes)
}

/// The payload of these bytes (format version, length, content): their CRC-32 appended, the
/// whole written in base64url (`docs/share-link.md`, "Checksum" and "Alphabet"). Nothing else
/// is checked or added: [`encode_share`] seals what it wrote with it. For tools and tests that
/// build a payload byte by byte, such as one whose content is damaged but whose checksum is
/// right (what [`decode_share`] then reports as [`ShareError::Damaged`]).
pub fn seal_share_bytes(bytes: &[u8]) -> String {
    let mut sealed = Vec::with_capacity(bytes.len() + 4);
    sealed.extend_from_slice(bytes);
    sealed.extend_from_slice(&crc32(bytes).to_be_bytes());
    base64_encode(&sealed)
}

/// The bytes a payload's characters stand for, its CRC-32 included: strict base64url, the
/// reverse of [`seal_share_bytes`]. `None` when a character is outside the alphabet, the
/// length is one no byte string has, or the last character's unused bits are set. Nothing
/// else is checked (opening a link is [`decode_share`]): for tools and tests that read a
/// payload byte by byte.
pub fn share_payload_bytes(payload: &str) -> Option<Vec<u8>> {
    base64_decode(payload.as_bytes())
}

/// Reads a share-link payload (what follows `#/s/`, without any `/<view>` after it) and checks
/// everything that can be checked before the text is inflated: alphabet, length, checksum,
/// format and model versions, structure. Never panics.
pub fn decode_share(payload: &str) -> Result<ShareEnvelope, ShareError> {
    let chars = payload.as_bytes();
    if chars.is_empty() {
        return Err(ShareError::Empty);
    }
    if !chars.iter().all(|&c| sextet(c).is_some()) {
        return Err(ShareError::NotAShareLink);
    }

    // The envelope (every format keeps it): version byte, length varint, …, CRC-32.
    let head = base64_prefix(&chars[..chars.len().min(8)]);
    let mut header = Reader::new(head.get(1..).unwrap_or_default());
    let rest = match header.varint_raw() {
        VarintRead::Value(v) => v as usize,
        VarintRead::Incomplete => return Err(ShareError::Truncated),
        VarintRead::Invalid => return Err(ShareError::Altered),
    };
    let total = 1 + header.pos + rest;
    if total.is_multiple_of(3) || rest < 4 {
        return Err(ShareError::Altered);
    }
    let expected = base64_len(total);
    if chars.len() < expected {
        return Err(ShareError::Truncated);
    }
    if chars.len() > expected {
        return Err(ShareError::Altered);
    }
    let bytes = base64_decode(chars).ok_or(ShareError::Altered)?;
    let (body, crc) = bytes.split_at(total - 4);
    if crc32(body).to_be_bytes() != crc {
        return Err(ShareError::Altered);
    }

    let version = body[0];
    if version > SHARE_FORMAT_VERSION {
        return Err(ShareError::NewerFormat { version });
    }
    if version == 0 {
        return Err(ShareError::Damaged);
    }
    read_content(&body[1 + header.pos..], total, version)
}
