//! The payload's checksum.

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), bit by bit: no table in the wasm.
pub(super) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}
