import { VN_OFFSET_MS, vnParts } from '../../common/time/vn-time.js';

/**
 * Backups are named by the local time (Asia/Ho_Chi_Minh) they were taken at, hall-YYYYMMDD-HHmmss.db,
 * so an admin reading a folder listing knows which is which without the hub. Two in the same second
 * get a suffix (-2, -3…). The name is also the backup's time: pruning by age reads it, not the
 * file's mtime, which a copy to a USB stick and back would change.
 */
const NAME = /^hall-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-([2-9]|[1-9]\d{1,2}))?\.db$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function backupName(at: number, copy = 1): string {
  const p = vnParts(at);
  const stamp = `${p.year}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
  return copy > 1 ? `hall-${stamp}-${copy}.db` : `hall-${stamp}.db`;
}

export const isBackupName = (name: string): boolean => NAME.test(name);

/** The instant a backup was taken at, from its name; null for any other file name. */
export function backupTimeOf(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const at = Date.UTC(y, mo - 1, d, h, mi, s) - VN_OFFSET_MS;
  // 20261332 is no date: Date.UTC would roll it over into another one.
  return backupName(at) === `hall-${m.slice(1, 4).join('')}-${m.slice(4, 7).join('')}.db` ? at : null;
}

/** Orders names by their time, then by copy number: newest last. */
export function compareBackupNames(a: string, b: string): number {
  const ta = backupTimeOf(a) ?? 0;
  const tb = backupTimeOf(b) ?? 0;
  if (ta !== tb) return ta - tb;
  return copyOf(a) - copyOf(b);
}

function copyOf(name: string): number {
  const m = NAME.exec(name);
  return m?.[7] ? Number(m[7]) : 1;
}
