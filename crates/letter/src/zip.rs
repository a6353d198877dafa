//! A minimal ZIP writer for the DOCX: "stored" entries (no compression) with their CRC-32, no
//! ZIP64 (a letter is far below 4 GiB), a fixed timestamp (1980-01-01: the crate never reads the
//! clock, and the same letter gives the same bytes).
//!
//! Stored rather than deflated: a letter's XML is a few hundred kilobytes at most, and a
//! deflate implementation would cost more wasm than the files it would shrink.

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) lookup table, built at compile time
/// (an index out of bounds here would fail the build, not panic at run time).
#[allow(clippy::indexing_slicing)]
const CRC_TABLE: [u32; 256] = {
    let mut table = [0_u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// The CRC-32 of `data`, as ZIP (and gzip, PNG) compute it.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0_u32, |crc, &b| {
        let i = usize::from((crc as u8) ^ b);
        CRC_TABLE.get(i).copied().unwrap_or(0) ^ (crc >> 8)
    })
}

/// DOS date of 1980-01-01: day 1 (bits 0–4), month 1 (bits 5–8), year 1980 + 0 (bits 9–15);
/// time 00:00:00.
const DOS_DATE: u16 = 0x0021;
const DOS_TIME: u16 = 0;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Saturating conversion for the 32-bit fields (never reached by a letter).
fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn len16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// A ZIP archive with `files` (name, content) stored in this order.
pub fn store(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::with_capacity(files.iter().map(|(n, d)| 100 + 2 * n.len() + d.len()).sum());
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = len32(out.len());
        let crc = crc32(data);
        let size = len32(data.len());
        // Bit 11: names are UTF-8.
        let flags: u16 = 1 << 11;

        u32le(&mut out, 0x0403_4B50);
        u16le(&mut out, 20); // version needed: 2.0
        u16le(&mut out, flags);
        u16le(&mut out, 0); // stored
        u16le(&mut out, DOS_TIME);
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, crc);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, len16(name.len()));
        u16le(&mut out, 0); // extra
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        u32le(&mut central, 0x0201_4B50);
        u16le(&mut central, 20); // made by: MS-DOS, 2.0
        u16le(&mut central, 20);
        u16le(&mut central, flags);
        u16le(&mut central, 0);
        u16le(&mut central, DOS_TIME);
        u16le(&mut central, DOS_DATE);
        u32le(&mut central, crc);
        u32le(&mut central, size);
        u32le(&mut central, size);
        u16le(&mut central, len16(name.len()));
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = len32(out.len());
    let central_size = len32(central.len());
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4B50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, len16(files.len()));
    u16le(&mut out, len16(files.len()));
    u32le(&mut out, central_size);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0); // comment
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    /// One entry, byte by byte: local header, data, central directory entry, end record.
    /// CRC-32 of "hello" = 0x3610A686 (the published check value); date 0x0021 = 1980-01-01;
    /// flags 0x0800 = UTF-8 names; central directory of 46 + 5 = 51 bytes at offset
    /// 30 + 5 + 5 = 40.
    #[test]
    fn one_entry_archive_bytes() {
        let mut want: Vec<u8> = vec![
            0x50, 0x4B, 0x03, 0x04, // local header
            20, 0, // version needed 2.0
            0x00, 0x08, // flags: UTF-8
            0, 0, // stored
            0, 0, // 00:00:00
            0x21, 0x00, // 1980-01-01
            0x86, 0xA6, 0x10, 0x36, // CRC-32
            5, 0, 0, 0, // compressed size
            5, 0, 0, 0, // size
            5, 0, // name length
            0, 0, // extra length
        ];
        want.extend_from_slice(b"a.txthello");
        want.extend_from_slice(&[
            0x50, 0x4B, 0x01, 0x02, // central directory entry
            20, 0, // made by
            20, 0, // version needed
            0x00, 0x08, 0, 0, 0, 0, 0x21, 0x00, // flags, stored, time, date
            0x86, 0xA6, 0x10, 0x36, 5, 0, 0, 0, 5, 0, 0, 0, // CRC-32, sizes
            5, 0, 0, 0, 0, 0, 0, 0, 0, 0, // name, extra, comment, disk, internal
            0, 0, 0, 0, // external attributes
            0, 0, 0, 0, // offset of the local header
        ]);
        want.extend_from_slice(b"a.txt");
        want.extend_from_slice(&[
            0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, // end record, disks
            1, 0, 1, 0, // entries on this disk, in all
            51, 0, 0, 0, // central directory size
            40, 0, 0, 0, // central directory offset
            0, 0, // comment
        ]);
        assert_eq!(store(&[("a.txt", b"hello")]), want);
    }

    /// An empty archive is the end record alone.
    #[test]
    fn empty_archive() {
        assert_eq!(
            store(&[]),
            [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        );
    }

    #[test]
    fn archive_layout() {
        let zip = store(&[("a.txt", b"hello"), ("dir/b.xml", b"<x/>")]);
        assert!(zip.starts_with(&[0x50, 0x4B, 0x03, 0x04]));
        // Local headers: 30 + name + data each; then two central entries of 46 + name; EOCD 22.
        assert_eq!(
            zip.len(),
            (30 + 5 + 5) + (30 + 9 + 4) + (46 + 5) + (46 + 9) + 22
        );
        let eocd = &zip[zip.len() - 22..];
        assert_eq!(&eocd[..4], &[0x50, 0x4B, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([eocd[10], eocd[11]]), 2);
        let cd_offset = u32::from_le_bytes([eocd[16], eocd[17], eocd[18], eocd[19]]) as usize;
        assert_eq!(cd_offset, 40 + 43);
        // Same input, same bytes.
        assert_eq!(zip, store(&[("a.txt", b"hello"), ("dir/b.xml", b"<x/>")]));
    }
}
