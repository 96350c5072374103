/** National procedure codes: one digit, a dot, six digits (1.001193). The file of its record is 1_001193.md. */
const CODE = /^\d\.\d{6}$/;

export function isWellFormedCode(code: string): boolean {
  return CODE.test(code);
}

/** "1_001193.md" (or a path ending in it) -> "1.001193"; null when the name does not look like a record's. */
export function codeFromRecordFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /^(\d[\w.-]*)\.md$/i.exec(base);
  if (!m?.[1]) return null;
  return m[1].replace(/_/g, '.');
}
