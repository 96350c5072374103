import { vnParts } from '../../common/time/vn-time.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "14:05:09 ngày 03/07/2026", in Asia/Ho_Chi_Minh whatever the PC's own zone. */
export function vnDateTime(epochMs: number): string {
  const p = vnParts(epochMs);
  return `${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)} ngày ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "3 phút trước", for a device last seen: close times in words, older ones as a date. */
export function vnAgo(epochMs: number, now: number): string {
  const s = Math.max(0, Math.round((now - epochMs) / 1000));
  if (s < 60) return 'vừa xong';
  if (s < 3600) return `${Math.floor(s / 60)} phút trước`;
  if (s < 86_400) return `${Math.floor(s / 3600)} giờ trước`;
  return vnDateTime(epochMs);
}
