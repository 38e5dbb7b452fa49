//! The content's bytes: varints, texts, dates, bit groups, and the payload's frame.

use super::types::ShareError;

/// The largest varint (4 bytes of 7 bits): any count, length or day number fits.
pub(super) const MAX_VARINT_BYTES: usize = 4;

/// Whether the content (without padding) needs the padding byte, and the payload's byte
/// length: version byte, length varint, content, CRC-32; never a multiple of 3.
pub(super) fn frame(content_len: usize) -> (bool, usize) {
    let total = |rest: usize| 1 + varint_len(rest) + rest;
    let rest = content_len + 4;
    if !total(rest).is_multiple_of(3) {
        (false, total(rest))
    } else {
        (true, total(rest + 1))
    }
}

pub(super) fn varint_len(value: usize) -> usize {
    let mut n = 1;
    let mut v = value >> 7;
    while v != 0 {
        n += 1;
        v >>= 7;
    }
    n
}

/// LEB128: 7 bits a byte, low bits first, the high bit set on every byte but the last.
pub(super) fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7F) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub(super) fn put_count(out: &mut Vec<u8>, n: usize) {
    put_varint(out, u32::try_from(n).unwrap_or(u32::MAX));
}

pub(super) fn put_text(out: &mut Vec<u8>, text: &str) {
    put_count(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

/// Days from 1970-01-01 to 2000-01-01, the origin of day numbers.
pub(super) const DAY_2000: i64 = 10_957;
/// Day number of 9999-12-31, the last date written as a number.
pub(super) const LAST_DAY: i64 = 2_921_939;

/// A date field: 0 = empty; 1 = a text follows (anything that is not a canonical ISO date
/// from 2000-01-01 to 9999-12-31); n ≥ 2 = the day n − 2 after 2000-01-01.
pub(super) fn put_date(out: &mut Vec<u8>, date: &str) {
    if date.is_empty() {
        put_varint(out, 0);
    } else if let Some(day) = day_number(date) {
        put_varint(out, (day + 2) as u32);
    } else {
        put_varint(out, 1);
        put_text(out, date);
    }
}

/// Days since 2000-01-01 of a canonical ISO date (`2026-11-24`) from 2000 to 9999.
pub(super) fn day_number(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        b[range].iter().try_fold(0i64, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
        })
    };
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if y < 2000 || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d) - DAY_2000)
}

pub(super) fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
pub(super) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The ISO date of a day since 1970-01-01 (H. Hinnant's `civil_from_days`).
pub(super) fn civil_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Fixed-width codes packed low bits first into whole bytes.
#[derive(Default)]
pub(super) struct BitWriter {
    pub(super) bytes: Vec<u8>,
    pub(super) used: usize,
}

impl BitWriter {
    pub(super) fn put(&mut self, value: u8, width: usize) {
        for k in 0..width {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> k) & 1 == 1 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 1 << (self.used % 8);
                }
            }
            self.used += 1;
        }
    }
}

pub(super) struct BitReader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) used: usize,
}

impl BitReader<'_> {
    pub(super) fn take(&mut self, width: usize) -> u8 {
        let mut value = 0;
        for k in 0..width {
            let byte = self.bytes.get(self.used / 8).copied().unwrap_or(0);
            value |= ((byte >> (self.used % 8)) & 1) << k;
            self.used += 1;
        }
        value
    }

    /// The unused bits of the last byte must be zero.
    pub(super) fn finish(self) -> Result<(), ShareError> {
        let rest = self.bytes.len() * 8 - self.used;
        match self.bytes.last() {
            Some(last) if rest > 0 && last >> (8 - rest) != 0 => Err(ShareError::Damaged),
            _ => Ok(()),
        }
    }
}

pub(super) enum VarintRead {
    Value(u32),
    Incomplete,
    Invalid,
}

pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub(super) fn rest(&mut self) -> &'a [u8] {
        let rest = &self.bytes[self.pos..];
        self.pos = self.bytes.len();
        rest
    }

    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], ShareError> {
        let end = self.pos.checked_add(n).ok_or(ShareError::Damaged)?;
        let slice = self.bytes.get(self.pos..end).ok_or(ShareError::Damaged)?;
        self.pos = end;
        Ok(slice)
    }

    pub(super) fn byte(&mut self) -> Result<u8, ShareError> {
        Ok(self.take(1)?[0])
    }

    /// A canonical varint of at most [`MAX_VARINT_BYTES`] bytes.
    pub(super) fn varint_raw(&mut self) -> VarintRead {
        let mut value = 0u32;
        for k in 0..MAX_VARINT_BYTES {
            let Some(&b) = self.bytes.get(self.pos + k) else {
                return VarintRead::Incomplete;
            };
            value |= u32::from(b & 0x7F) << (7 * k);
            if b & 0x80 == 0 {
                if k > 0 && b == 0 {
                    return VarintRead::Invalid;
                }
                self.pos += k + 1;
                return VarintRead::Value(value);
            }
        }
        VarintRead::Invalid
    }

    pub(super) fn varint(&mut self) -> Result<u32, ShareError> {
        match self.varint_raw() {
            VarintRead::Value(v) => Ok(v),
            _ => Err(ShareError::Damaged),
        }
    }

    /// A count of things that each take at least one byte: never more than the bytes left.
    pub(super) fn count(&mut self) -> Result<usize, ShareError> {
        let n = self.varint()? as usize;
        if n > self.bytes.len() - self.pos {
            return Err(ShareError::Damaged);
        }
        Ok(n)
    }

    pub(super) fn text(&mut self) -> Result<String, ShareError> {
        let n = self.varint()? as usize;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| ShareError::Damaged)
    }

    pub(super) fn date(&mut self) -> Result<String, ShareError> {
        match i64::from(self.varint()?) {
            0 => Ok(String::new()),
            1 => {
                let text = self.text()?;
                // A canonical date or an empty one would have been written as a number.
                if text.is_empty() || day_number(&text).is_some() {
                    return Err(ShareError::Damaged);
                }
                Ok(text)
            }
            n if n - 2 <= LAST_DAY => Ok(civil_from_days(n - 2 + DAY_2000)),
            _ => Err(ShareError::Damaged),
        }
    }

    pub(super) fn bits(&mut self, width: usize) -> Result<BitReader<'a>, ShareError> {
        Ok(BitReader {
            bytes: self.take(width.div_ceil(8))?,
            used: 0,
        })
    }

    /// A list of table positions, order and repeats kept.
    pub(super) fn positions(&mut self, table: &[&str]) -> Result<Vec<String>, ShareError> {
        let mut ids = Vec::new();
        for _ in 0..self.count()? {
            let id = table
                .get(self.varint()? as usize)
                .ok_or(ShareError::Damaged)?;
            ids.push(id.to_string());
        }
        Ok(ids)
    }

    /// Strictly ascending table positions.
    pub(super) fn index_set(
        &mut self,
        table: &'static [&'static str],
    ) -> Result<Vec<&'static str>, ShareError> {
        let mut ids = Vec::new();
        let mut next = 0;
        for _ in 0..self.count()? {
            let p = self.varint()? as usize;
            if p < next {
                return Err(ShareError::Damaged);
            }
            ids.push(*table.get(p).ok_or(ShareError::Damaged)?);
            next = p + 1;
        }
        Ok(ids)
    }
}
