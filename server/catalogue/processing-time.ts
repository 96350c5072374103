import { foldVietnamese } from '../../common/text/fold.js';

export interface ParsedTime {
  readonly workingDays: number | null;
  readonly days: number | null;
}

const NONE: ParsedTime = { workingDays: null, days: null };
const LEADING = /^(?:khong qua|toi da|trong thoi han|trong vong|trong)?\s*(\d+(?:[.,]\d+)?)\s*ngay( lam viec)?/;
const ANYWHERE = /(\d+(?:[.,]\d+)?)\s*ngay( lam viec)?/g;

/**
 * Reads "N ngày làm việc" (working days) or "N ngày" (calendar days) out of a processing time as
 * written. The figure is taken when the text starts with it ("Không quá 15 ngày làm việc, kể từ …")
 * or names only one; a text listing several cases ("a) 10 ngày làm việc …; b) 15 ngày …") gives
 * none, since picking one would tell some citizens a wrong time.
 */
export function parseProcessingTime(text: string | null): ParsedTime {
  if (!text) return NONE;
  const folded = foldVietnamese(text);
  const lead = LEADING.exec(folded);
  if (lead) return toTime(lead[1] ?? '', lead[2] !== undefined);
  const found = new Set<string>();
  let only: ParsedTime = NONE;
  for (const m of folded.matchAll(ANYWHERE)) {
    only = toTime(m[1] ?? '', m[2] !== undefined);
    found.add(`${only.workingDays}/${only.days}`);
  }
  return found.size === 1 ? only : NONE;
}

function toTime(n: string, working: boolean): ParsedTime {
  const value = Number(n.replace(',', '.'));
  if (!Number.isFinite(value)) return NONE;
  return working ? { workingDays: value, days: null } : { workingDays: null, days: value };
}
