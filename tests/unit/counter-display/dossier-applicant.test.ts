import { describe, expect, it } from 'vitest';
import {
  applicantForCommand,
  applicantProblems,
  emailOk,
  idNumberStatus,
  phoneOk,
  type ApplicantDraft,
} from '../../../counter-display/counter/state/dossier-applicant.js';

const applicant = (over: Partial<ApplicantDraft> = {}): ApplicantDraft => ({
  name: 'Nguyễn Văn An',
  idNumber: '079203001234',
  address: '',
  phone: '',
  email: '',
  ...over,
});

describe('the applicant’s ID number, checked as it is typed', () => {
  it('counts digits while they are typed, and calls a short number wrong only once the officer moves on', () => {
    expect(idNumberStatus('', false)).toEqual({ kind: 'empty' });
    expect(idNumberStatus('0792', false)).toEqual({ kind: 'typing', digits: 4 });
    expect(idNumberStatus('0792', true)).toEqual({ kind: 'problem', problem: { key: 'id-wrong-length', n: 4 } });
    expect(idNumberStatus('', true)).toEqual({ kind: 'problem', problem: { key: 'id-empty' } });
  });

  it('says at once what can never become a number: a letter, a thirteenth digit', () => {
    expect(idNumberStatus('07920a', false)).toEqual({ kind: 'problem', problem: { key: 'id-not-digits' } });
    expect(idNumberStatus('0792030012345', false)).toEqual({ kind: 'problem', problem: { key: 'id-wrong-length', n: 13 } });
  });

  it('knows the two card shapes, printed groups included, and the province code of a 12-digit number', () => {
    expect(idNumberStatus('079 203 001 234', false)).toEqual({ kind: 'ok', idKind: 'dinh-danh', value: '079203001234' });
    expect(idNumberStatus('025.123.456', false)).toEqual({ kind: 'ok', idKind: 'cmnd', value: '025123456' });
    expect(idNumberStatus('999203001234', false)).toEqual({ kind: 'problem', problem: { key: 'id-bad-province' } });
  });
});

describe('the applicant’s other fields', () => {
  it('takes a mobile 0xxxxxxxxx or a landline 02xxxxxxxxx, with the spaces people type', () => {
    expect(['0912345678', '0912 345 678', '091.234.5678', '02838123456'].map(phoneOk)).toEqual([true, true, true, true]);
    expect(['912345678', '09123456789', '0912-34567a', '+84912345678'].map(phoneOk)).toEqual([false, false, false, false]);
  });

  it('takes an email the hub takes', () => {
    expect(emailOk('an.nguyen@gmail.com')).toBe(true);
    expect(emailOk('an nguyen@gmail.com')).toBe(false);
    expect(emailOk('an@gmail')).toBe(false);
  });

  it('finds every problem at once; address, phone and email optional unless the result goes by post', () => {
    expect(applicantProblems(applicant(), { addressNeeded: false })).toEqual({});
    expect(
      applicantProblems(applicant({ name: ' ', idNumber: '12345', phone: '123', email: 'x@' }), { addressNeeded: true }),
    ).toEqual({
      name: { key: 'name-empty' },
      idNumber: { key: 'id-wrong-length', n: 5 },
      address: { key: 'address-needed' },
      phone: { key: 'phone-shape' },
      email: { key: 'email-shape' },
    });
    expect(applicantProblems(applicant({ name: 'A' }), { addressNeeded: false })).toEqual({ name: { key: 'name-short' } });
  });

  it('sends the particulars tidy: the ID and phone as digits, empty optional fields as null', () => {
    expect(
      applicantForCommand(
        applicant({ name: '  Nguyễn   Văn An ', idNumber: '079 203 001 234', phone: '0912 345 678', address: ' ' }),
      ),
    ).toEqual({ name: 'Nguyễn Văn An', idNumber: '079203001234', address: null, phone: '0912345678', email: null });
  });
});
