// CRC-32 (IEEE), the provider's `StringHashcode`: the id of a rendered policy document is the checksum of
// its JSON. Computed here rather than with `zlib.crc32`, which older Node 20 releases lack.

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let bit = 0; bit < 8; bit++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

/** The CRC-32 of the text's UTF-8 bytes, as an unsigned number. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc = TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
