// Restores the hall's database from a backup: `npm run restore -- <backup file>` with the hub stopped.
// DATA_DIR (default ./data, as for the hub) says which hall; `--data-dir <dir>` overrides it.
//
// Whether a hub is running is asked of SQLite itself, not of a pid file: the script opens hall.db
// in exclusive locking mode and starts an exclusive transaction. A running hub holds its database
// open in WAL mode, which keeps a shared lock on the file, so this fails at once; a hub that crashed
// or lost power holds nothing (the OS drops its locks), where a pid file would be left behind and
// block the very restore a broken hall needs. (A plain BEGIN EXCLUSIVE is not enough: in WAL mode
// it only keeps out other writers and succeeds beside an idle hub.) The lock is held until the new
// file is in place, so a hub started meanwhile waits rather than opening the old file.
import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';

const say = (vi, en) => console.log(`${vi}\n  ${en}`);
const fail = (code, vi, en, more = []) => {
  console.error([`✘ ${vi}`, `  ${en}`, ...more.map((m) => `    ${m}`)].join('\n'));
  process.exit(code);
};

const args = process.argv.slice(2);
let dataDir = process.env.DATA_DIR ?? './data';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data-dir') dataDir = args[++i] ?? '';
  else if (args[i] === '--help' || args[i] === '-h') files.length = 99;
  else files.push(args[i]);
}
if (files.length !== 1 || !dataDir) {
  fail(
    1,
    'Cách dùng: npm run restore -- <tệp sao lưu> [--data-dir <thư mục dữ liệu>] (dừng hub trước).',
    'Usage: npm run restore -- <backup file> [--data-dir <data folder>] (stop the hub first).',
  );
}
dataDir = resolve(dataDir);
const backup = resolve(files[0]);
const live = join(dataDir, 'hall.db');
// The local time of Asia/Ho_Chi_Minh (UTC+7 all year), as in the backups' own names.
const stamp = new Date(Date.now() + 7 * 3600_000).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const kept = `${live}.before-restore-${stamp}`;
const temp = join(dataDir, `.hall.db.restore-${process.pid}.tmp`);

if (!existsSync(backup) || !statSync(backup).isFile())
  fail(1, `Không tìm thấy tệp sao lưu: ${backup}`, `No such backup file: ${backup}`);
if (backup === live) fail(1, 'Tệp sao lưu chính là cơ sở dữ liệu đang dùng.', 'The backup given is the live database itself.');

// 1. Check a copy of the backup, in the data folder: what is checked is exactly what goes in, and
//    the backup itself is never touched.
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
copyFileSync(backup, temp);
chmodSync(temp, 0o600);
let events = 0;
{
  let db = null;
  let problems = [];
  try {
    db = new Database(temp, { fileMustExist: true, timeout: 0 });
    db.pragma('journal_mode = DELETE');
    problems = db
      .pragma('integrity_check')
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    if (problems.length === 0) events = db.prepare('SELECT count(*) AS n FROM events').get().n;
  } catch (err) {
    problems = [err.message];
  } finally {
    db?.close();
  }
  if (problems.length > 0) {
    rmSync(temp, { force: true });
    fail(
      2,
      `Bản sao lưu ${basename(backup)} bị hỏng hoặc không phải cơ sở dữ liệu của hub; không khôi phục gì cả.`,
      `The backup ${basename(backup)} is damaged or not a hub database; nothing was restored.`,
      problems.slice(0, 5),
    );
  }
}
say(
  `✔ Đã kiểm tra bản sao lưu ${basename(backup)}: toàn vẹn, ${events} sự kiện.`,
  `Backup ${basename(backup)} checked: integrity ok, ${events} events.`,
);

// 2. Lock the live database, or refuse while a hub has it open.
let lock = null;
if (existsSync(live)) {
  try {
    lock = new Database(live, { fileMustExist: true, timeout: 0 });
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('COMMIT');
    // Folds the WAL into hall.db, so the copy kept aside is one whole file.
    lock.pragma('journal_mode = DELETE');
  } catch (err) {
    lock?.close();
    lock = null;
    if (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED') {
      rmSync(temp, { force: true });
      fail(
        3,
        `Hub đang chạy trên thư mục dữ liệu ${dataDir}. Hãy dừng hub (Ctrl+C hoặc systemctl stop) rồi chạy lại lệnh này. Chưa thay đổi gì.`,
        `A hub is running on ${dataDir}: stop it, then run this again. Nothing was changed.`,
      );
    }
    // A live file SQLite cannot read at all (the reason to restore) cannot be open in a hub either.
    say(
      `! Cơ sở dữ liệu hiện tại không đọc được (${err.message}); vẫn giữ lại bản cũ rồi khôi phục.`,
      `The current database cannot be read (${err.code ?? err.message}); it is kept aside and replaced.`,
    );
  }
}

// 3. Keep the current database aside, move the checked copy in (rename is atomic: hall.db is the
//    old file or the new one at every moment), and clear the old WAL files, which would otherwise
//    be replayed onto the restored database.
try {
  stampRestore(temp);
  const hadLive = existsSync(live);
  if (hadLive) {
    // A second name for the same file: nothing copied, and hall.db never missing.
    try {
      linkSync(live, kept);
    } catch {
      copyFileSync(live, kept);
    }
  }
  for (const suffix of ['-wal', '-shm']) {
    const stale = `${live}${suffix}`;
    if (!existsSync(stale)) continue;
    // A WAL SQLite could not fold in (the old file was unreadable) may hold the last commands: kept
    // beside the old file under the name SQLite looks for when that file is opened.
    if (suffix === '-wal' && statSync(stale).size > 0)
      renameSync(stale, hadLive ? `${kept}-wal` : `${stale}.before-restore-${stamp}`);
    else rmSync(stale, { force: true });
  }
  fsyncFile(temp);
  renameSync(temp, live);
  fsyncFile(dataDir);
} catch (err) {
  rmSync(temp, { force: true });
  lock?.close();
  fail(
    4,
    `Không khôi phục được: ${err.message}. Cơ sở dữ liệu hiện tại vẫn ở ${live}.`,
    `The restore failed: ${err.message}. The current database is still ${live}.`,
  );
}
lock?.close();

if (existsSync(kept)) say(`✔ Đã giữ lại cơ sở dữ liệu cũ: ${kept}`, `The previous database is kept as ${kept}`);
say(`✔ Đã khôi phục ${live} từ ${backup}.`, `Restored ${live} from ${backup}.`);
say('→ Khởi động lại hub (npm start) để tiếp tục làm việc.', 'Start the hub again (npm start).');

/** Notes the restore in the restored database's own audit log, when it has one (hubs from issue 7 on). */
function stampRestore(file) {
  const db = new Database(file, { fileMustExist: true });
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
    if (!has) return;
    db.prepare(
      "INSERT INTO audit_log (at, actor, actor_name, action, summary, changes) VALUES (?, 'system', NULL, 'backup:restored', ?, ?)",
    ).run(
      Date.now(),
      `Database restored from ${basename(backup)}; the previous one kept as ${basename(kept)}`,
      JSON.stringify([{ path: '/database', before: basename(kept), after: basename(backup) }]),
    );
  } finally {
    db.close();
  }
}

function fsyncFile(path) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
