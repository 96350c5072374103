import { fileProblem } from './upload-problem.js';

/**
 * The text of an uploaded CSV or JSON file, which must be UTF-8 (with or without a byte-order
 * mark). Nothing is guessed: a Vietnamese file in Windows-1258, TCVN3 or VNI and a Western one in
 * Windows-1252 all decode "successfully" as something, and the catalogue would fill with wrong
 * letters that nobody notices until a citizen searches. So a file that is not UTF-8 is refused,
 * saying where its first foreign byte is and how to save it again.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileProblem(
      'The file is UTF-16 (Excel "Unicode Text"), not UTF-8: save it as "CSV UTF-8 (Comma delimited)" and upload it again',
      'Tệp được lưu dạng UTF-16 (Unicode Text), không phải UTF-8. Hãy mở tệp bằng Excel, chọn Lưu thành "CSV UTF-8 (Comma delimited)" rồi tải lên lại.',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The decoder says only that the file is not UTF-8; the scan finds where, for the message.
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw fileProblem(
      `The file is not UTF-8 (line ${line} has byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase()} at offset ${bad}; ` +
        'perhaps Windows-1258, TCVN3, VNI or Windows-1252): save it as "CSV UTF-8 (Comma delimited)" and upload it again',
      `Tệp không được mã hoá UTF-8 (dòng ${line} có ký tự không đọc được; có thể tệp dùng bảng mã Windows-1258, ` +
        'TCVN3, VNI hoặc Windows-1252). Hãy mở tệp bằng Excel, chọn Lưu thành "CSV UTF-8 (Comma delimited)" rồi tải lên lại.',
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The offset of the first byte that does not belong to well-formed UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}
