/**
 * The shape of an applicant's identity number, as an officer types it from the card. A 12-digit
 * personal identification number (số định danh cá nhân, on the chip-based citizen identity card and
 * the new identity card) starts with the 3-digit code of the province of birth registration (001-096)
 * and a digit for the century of birth and sex (0-9); the old 9-digit identity card (CMND) has no
 * structure we can check beyond its length. Shape only: the number is not looked up anywhere.
 */
export type IdNumberKind = 'dinh-danh' | 'cmnd';

export type IdNumberCheck =
  | { readonly ok: true; readonly kind: IdNumberKind; readonly value: string }
  | { readonly ok: false; readonly problem: 'empty' | 'not-digits' | 'wrong-length' | 'bad-province' };

export function checkIdNumber(raw: string): IdNumberCheck {
  // Officers copy numbers with spaces or dots as printed in groups; nothing else is forgiven.
  const value = raw.replace(/[\s.]/g, '');
  if (value.length === 0) return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(value)) return { ok: false, problem: 'not-digits' };
  if (value.length === 9) return { ok: true, kind: 'cmnd', value };
  if (value.length !== 12) return { ok: false, problem: 'wrong-length' };
  const province = Number(value.slice(0, 3));
  if (province < 1 || province > 96) return { ok: false, problem: 'bad-province' };
  return { ok: true, kind: 'dinh-danh', value };
}

/** "079203001234" -> "0792******34": enough for the citizen to recognise, nothing to copy. */
export function maskIdNumber(value: string): string {
  if (value.length <= 6) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 6)}${value.slice(-2)}`;
}
