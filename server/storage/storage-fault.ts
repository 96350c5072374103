/**
 * Whether an error means the hub's storage cannot take a write right now: the disk full, the file
 * read-only or locked by another program past the busy timeout, an I/O error. Such a write was
 * rolled back whole (one transaction per request), so the honest answer is "nothing was changed,
 * the storage is unavailable" (STORAGE_UNAVAILABLE, 503), not an internal error: the clerk has
 * something to fix and the officer's screen can say so.
 *
 * better-sqlite3 raises SqliteError with SQLite's extended result code as `code`
 * (SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…); file writes beside the database
 * (site.yaml, backups, reports) raise Node's errno codes.
 */
const SQLITE_STORAGE = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN'];
const FS_STORAGE = new Set(['ENOSPC', 'EROFS', 'EDQUOT', 'EIO']);

export function isStorageFault(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  if (typeof code !== 'string') return false;
  // An extended code is the primary one with a suffix: SQLITE_IOERR_WRITE is an SQLITE_IOERR.
  return FS_STORAGE.has(code) || SQLITE_STORAGE.some((c) => code === c || code.startsWith(`${c}_`));
}
