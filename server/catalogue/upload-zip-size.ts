/**
 * What an XLSX (a ZIP) would take once unpacked, read from its central directory without unpacking
 * anything: a 20 MB upload that unpacks to gigabytes (a "zip bomb", or just a sheet of formatting)
 * must be refused before the reader holds it all in the hub's memory. Null when the bytes are not a
 * ZIP; Infinity for ZIP64 entries (sizes past 4 GB), which no catalogue needs.
 */
export function zipUnpackedSize(b: Uint8Array): number | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end-of-central-directory record is in the last 22 bytes plus at most a 64 KB comment.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = u16(eocd + 10);
  let at = u32(eocd + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > b.length || u32(at) !== 0x02014b50) return null;
    const size = u32(at + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
  }
  return total;
}
