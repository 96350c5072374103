/** A path as one shell word: quoted when it holds anything a shell would split or expand. */
export function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The one command that restores a backup, as the README documents it, run from the hub's folder
 * with the hub stopped. DATA_DIR is the folder above the backups one (DATA_DIR/backups).
 */
export function restoreCommand(backupsDir: string, name: string): string {
  const dataDir = backupsDir.replace(/\/+$/, '').replace(/\/backups$/, '') || '.';
  return `DATA_DIR=${shellWord(dataDir)} npm run restore -- ${shellWord(`${backupsDir.replace(/\/+$/, '')}/${name}`)}`;
}

/** "27,9 MB", "812 KB". */
export function vnSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
}
