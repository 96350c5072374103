/**
 * Dossier codes printed on the receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). The format is
 * set by circular, so it is data with the date it took effect, not code: a new circular adds an
 * entry. Today: Thông tư 01/2018/TT-VPCP, Điều 19: V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX (25
 * characters): the receiving agency's code, the date received, and the day's sequence number.
 */
export interface DossierCodeFormat {
  readonly id: string;
  readonly legalBasis: string;
  readonly effectiveFrom: string; // YYYY-MM-DD
  readonly pattern: RegExp;
  readonly length: number;
}

export const DOSSIER_CODE_FORMATS: readonly DossierCodeFormat[] = [
  {
    id: 'tt01-2018',
    legalBasis: 'Thông tư 01/2018/TT-VPCP, Điều 19',
    effectiveFrom: '2018-05-08',
    pattern: /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/,
    length: 25,
  },
];

export interface DossierCode {
  readonly code: string;
  readonly agencyCode: string;
  /** The date received, "YYYY-MM-DD". */
  readonly receivedDay: string;
  readonly sequence: number;
  readonly format: string;
}

export type DossierCodeProblem = 'empty' | 'too-long' | 'wrong-shape' | 'impossible-date';

/**
 * Reads what a scanner or a citizen typed: trims, upper-cases, ignores spaces and a trailing
 * scanner suffix; answers the parsed code or why it cannot be one.
 */
export function parseDossierCode(raw: string): { ok: true; value: DossierCode } | { ok: false; problem: DossierCodeProblem } {
  // Whitespace covers the CR/LF/Tab a scanner may append; other control characters are dropped too.
  const text = [...raw]
    .filter((c) => c > ' ' && c !== '\u007f')
    .join('')
    .toUpperCase();
  if (text.length === 0) return { ok: false, problem: 'empty' };
  if (text.length > 64) return { ok: false, problem: 'too-long' };
  for (const format of DOSSIER_CODE_FORMATS) {
    const m = format.pattern.exec(text);
    if (!m) continue;
    const [, agencyCode, yy, mm, dd, seq] = m as unknown as [string, string, string, string, string, string];
    const year = 2000 + Number(yy);
    const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
    if (date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd))
      return { ok: false, problem: 'impossible-date' };
    return {
      ok: true,
      value: { code: text, agencyCode, receivedDay: `${year}-${mm}-${dd}`, sequence: Number(seq), format: format.id },
    };
  }
  return { ok: false, problem: 'wrong-shape' };
}
