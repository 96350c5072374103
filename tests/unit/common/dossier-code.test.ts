import { describe, expect, it } from 'vitest';
import { parseDossierCode } from '../../../common/dossier/dossier-code.js';
import { DOSSIER_STATUSES, isDossierStatusCode, timelinessOf } from '../../../common/dossier/dossier-status.js';

describe('dossier codes (Thông tư 01/2018/TT-VPCP, Điều 19)', () => {
  it('reads the 25-character code, with the agency, the date received and the sequence', () => {
    const r = parseDossierCode('000.00.00.H38-250702-0001');
    expect(r).toEqual({
      ok: true,
      value: {
        code: '000.00.00.H38-250702-0001',
        agencyCode: '000.00.00.H38',
        receivedDay: '2025-07-02',
        sequence: 1,
        format: 'tt01-2018',
      },
    });
  });

  it('forgives what scanners and fingers add: spaces, lower case, a trailing CR', () => {
    const r = parseDossierCode(' 000.00.31.h38-251121-0420\r');
    expect(r.ok && r.value.code).toBe('000.00.31.H38-251121-0420');
  });

  it('says why a code cannot be one', () => {
    expect(parseDossierCode('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseDossierCode('x'.repeat(65))).toEqual({ ok: false, problem: 'too-long' });
    expect(parseDossierCode('HELLO-WORLD-12345')).toEqual({ ok: false, problem: 'wrong-shape' });
    expect(parseDossierCode('000.00.00.H38-250702-001')).toEqual({ ok: false, problem: 'wrong-shape' });
    expect(parseDossierCode('000.00.00.H38-250230-0001')).toEqual({ ok: false, problem: 'impossible-date' });
    expect(parseDossierCode('000.00.00.H38-251301-0001')).toEqual({ ok: false, problem: 'impossible-date' });
  });
});

describe('dossier statuses and timeliness', () => {
  const DAY = 86_400_000;
  const due = Date.UTC(2026, 10, 25, 3); // 10:00 on 25 Nov in Hà Nội

  it('has a citizen label and a next step for each national status 1-10, and only those', () => {
    for (let n = 1; n <= 10; n++) {
      expect(isDossierStatusCode(n)).toBe(true);
      const s = DOSSIER_STATUSES[n as keyof typeof DOSSIER_STATUSES];
      expect(s.vi.length).toBeGreaterThan(5);
      expect(s.next).toMatch(/\.$/);
    }
    expect([0, 11, 1.5, -1].some(isDossierStatusCode)).toBe(false);
  });

  it('grades finished dossiers early, on the day, or late', () => {
    expect(timelinessOf(9, due, due - 2 * DAY, due)).toBe('truoc-han');
    expect(timelinessOf(10, due, due + 5 * 3_600_000, due)).toBe('dung-han');
    expect(timelinessOf(9, due, due + DAY, due + DAY)).toBe('tre-han');
  });

  it('grades open dossiers late, nearly late within a day, or within time', () => {
    expect(timelinessOf(4, due, null, due + 1)).toBe('tre-han');
    expect(timelinessOf(4, due, null, due - 3_600_000)).toBe('sap-tre');
    expect(timelinessOf(2, due, null, due - 3 * DAY)).toBe('trong-han');
    expect(timelinessOf(3, due, null, due)).toBeNull();
    expect(timelinessOf(4, null, null, due)).toBeNull();
  });
});
