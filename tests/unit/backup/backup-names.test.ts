import { describe, expect, it } from 'vitest';
import { backupName, backupTimeOf, compareBackupNames, isBackupName } from '../../../server/backup/backup-names.js';
import { backupsToPrune } from '../../../server/backup/backups-to-prune.js';
import { lastSlotAtOrBefore, nextSlotAfter } from '../../../server/backup/nightly-slot.js';

const vn = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => Date.UTC(y, mo - 1, d, h - 7, mi, s);
const DAY = 24 * 60 * 60 * 1000;

describe('backup names', () => {
  it('read the local time of Asia/Ho_Chi_Minh, and back', () => {
    const at = vn(2026, 7, 3, 2, 30, 5);
    expect(backupName(at)).toBe('hall-20260703-023005.db');
    expect(backupName(at, 2)).toBe('hall-20260703-023005-2.db');
    expect(backupTimeOf('hall-20260703-023005.db')).toBe(at);
    expect(backupTimeOf('hall-20260703-023005-2.db')).toBe(at);
    // Past midnight UTC+7 while still the day before in UTC.
    expect(backupName(Date.UTC(2026, 0, 31, 18, 0))).toBe('hall-20260201-010000.db');
  });

  it('are nothing else: other files, impossible dates and paths are not backups', () => {
    for (const name of [
      'hall.db',
      'hall-20261332-000000.db',
      'hall-20260230-120000.db',
      'hall-20260703-023005.db-wal',
      '../hall-20260703-023005.db',
      'hall-20260703-023005-1.db',
      'ghi-chu.txt',
    ]) {
      expect(isBackupName(name) && backupTimeOf(name) !== null, name).toBe(false);
    }
  });

  it('sort by time, then copy', () => {
    const names = ['hall-20260703-023005-2.db', 'hall-20260702-235959.db', 'hall-20260703-023005.db'];
    expect([...names].sort(compareBackupNames)).toEqual([
      'hall-20260702-235959.db',
      'hall-20260703-023005.db',
      'hall-20260703-023005-2.db',
    ]);
  });
});

describe('the nightly slot', () => {
  it('is the last 02:30 in Vietnam at or before now', () => {
    expect(lastSlotAtOrBefore(vn(2026, 7, 3, 2, 30), 2, 30)).toBe(vn(2026, 7, 3, 2, 30));
    expect(lastSlotAtOrBefore(vn(2026, 7, 3, 2, 29, 59), 2, 30)).toBe(vn(2026, 7, 2, 2, 30));
    expect(lastSlotAtOrBefore(vn(2026, 7, 3, 23, 59), 2, 30)).toBe(vn(2026, 7, 3, 2, 30));
    expect(nextSlotAfter(vn(2026, 7, 3, 2, 30), 2, 30)).toBe(vn(2026, 7, 4, 2, 30));
    expect(lastSlotAtOrBefore(vn(2026, 1, 1, 0, 10), 23, 45)).toBe(vn(2025, 12, 31, 23, 45));
  });
});

describe('pruning', () => {
  const now = vn(2026, 7, 20, 2, 30);
  it('deletes backups older than the days kept, never the newest, never a file that is not a backup', () => {
    const names = [0, 1, 13, 13.9, 14.1, 30].map((days) => backupName(now - days * DAY));
    expect(backupsToPrune([...names, 'hall-before-upgrade.db'], now, 14).sort()).toEqual([names[4], names[5]].sort());
  });

  it('keeps the newest even when every backup is old', () => {
    const names = [40, 50, 60].map((days) => backupName(now - days * DAY));
    expect(backupsToPrune(names, now, 14)).toEqual([names[2], names[1]]);
  });
});
