import { checkIdNumber, type IdNumberKind } from '../../../common/dossier/id-number.js';

/** The applicant's particulars as typed (người nộp hồ sơ). */
export interface ApplicantDraft {
  readonly name: string;
  readonly idNumber: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
}

export type ApplicantField = keyof ApplicantDraft;

/** Why a field cannot be sent; `n` is the digits typed, for the length message. */
export type Problem =
  | { readonly key: 'name-empty' | 'name-short' | 'name-long' }
  | { readonly key: 'id-empty' | 'id-not-digits' | 'id-bad-province' | 'id-refused' }
  | { readonly key: 'id-wrong-length'; readonly n: number }
  | { readonly key: 'address-long' | 'address-needed' }
  | { readonly key: 'phone-shape' | 'email-shape' };

/** What the ID field says as the officer types: nothing yet, how far, a recognised number, or a problem. */
export type IdStatus =
  | { readonly kind: 'empty' }
  | { readonly kind: 'typing'; readonly digits: number }
  | { readonly kind: 'ok'; readonly idKind: IdNumberKind; readonly value: string }
  | { readonly kind: 'problem'; readonly problem: Problem };

const NAME_MAX = 100;
const ADDRESS_MAX = 300;
const EMAIL_MAX = 120;

/**
 * The ID number's shape, live (common/dossier/id-number.ts, the hub's own check). While the officer
 * is still typing digits, a short number is "typing", not wrong; when they move on (`final`) it is.
 * A letter, or more digits than any card has, is wrong at once.
 */
export function idNumberStatus(raw: string, final: boolean): IdStatus {
  const check = checkIdNumber(raw);
  if (check.ok) return { kind: 'ok', idKind: check.kind, value: check.value };
  const digits = raw.replace(/[\s.]/g, '').length;
  switch (check.problem) {
    case 'empty':
      return final ? { kind: 'problem', problem: { key: 'id-empty' } } : { kind: 'empty' };
    case 'not-digits':
      return { kind: 'problem', problem: { key: 'id-not-digits' } };
    case 'bad-province':
      return { kind: 'problem', problem: { key: 'id-bad-province' } };
    case 'wrong-length':
      return final || digits > 12
        ? { kind: 'problem', problem: { key: 'id-wrong-length', n: digits } }
        : { kind: 'typing', digits };
  }
}

/** A phone as the hub takes it: digits only; a mobile 0xxxxxxxxx, or a landline 02xxxxxxxxx. */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s.()-]/g, '');
}

export function phoneOk(raw: string): boolean {
  const p = normalizePhone(raw);
  return /^0\d{9}$/.test(p) || /^02\d{9}$/.test(p);
}

/** The hub's own pattern (common/contract/commands.ts), so what passes here passes there. */
export function emailOk(raw: string): boolean {
  const e = raw.trim();
  return e.length <= EMAIL_MAX && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e);
}

/**
 * Every problem of the applicant's fields, the way "Tiếp tục" and the hub see them. Address,
 * phone and email are optional, except the address when the result goes back by post.
 */
export function applicantProblems(a: ApplicantDraft, opts: { addressNeeded: boolean }): Partial<Record<ApplicantField, Problem>> {
  const out: Partial<Record<ApplicantField, Problem>> = {};
  const name = a.name.trim();
  if (!name) out.name = { key: 'name-empty' };
  else if (name.length < 2) out.name = { key: 'name-short' };
  else if (name.length > NAME_MAX) out.name = { key: 'name-long' };
  const id = idNumberStatus(a.idNumber, true);
  if (id.kind === 'problem') out.idNumber = id.problem;
  const address = a.address.trim();
  if (address.length > ADDRESS_MAX) out.address = { key: 'address-long' };
  else if (!address && opts.addressNeeded) out.address = { key: 'address-needed' };
  if (a.phone.trim() && !phoneOk(a.phone)) out.phone = { key: 'phone-shape' };
  if (a.email.trim() && !emailOk(a.email)) out.email = { key: 'email-shape' };
  return out;
}

/** The applicant as the command carries it: trimmed, normalised, empty optional fields as null. */
export function applicantForCommand(a: ApplicantDraft): {
  name: string;
  idNumber: string;
  address: string | null;
  phone: string | null;
  email: string | null;
} {
  const id = checkIdNumber(a.idNumber);
  return {
    name: a.name.replace(/\s+/g, ' ').trim(),
    idNumber: id.ok ? id.value : a.idNumber.trim(),
    address: a.address.replace(/\s+/g, ' ').trim() || null,
    phone: normalizePhone(a.phone) || null,
    email: a.email.trim() || null,
  };
}
