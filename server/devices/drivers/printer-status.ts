import type { PrinterStatus, PrintOutcome, PrintRefusal } from './printer.js';

/** Pure helpers over PrinterStatus, shared by printer drivers. */

export const NO_FAULT = { paperOut: false, paperNearEnd: false, coverOpen: false, error: false } as const;

export function refuse(reason: PrintRefusal, detail = ''): PrintOutcome {
  return { ok: false, reason, detail };
}

/** The refusal a status calls for; the cover first, since an open cover also reads as paper out. */
export function refusalOf(s: PrinterStatus): PrintOutcome | undefined {
  if (s.coverOpen) return refuse('cover-open', 'the printer cover is open');
  if (s.paperOut) return refuse('paper-out', 'the printer is out of paper');
  if (s.error) return refuse('error', 'the printer reports an error (cutter jam, mechanism or head temperature)');
  if (!s.online) return refuse('offline', s.detail ?? 'the printer is offline');
  return undefined;
}

export function describeFault(s: PrinterStatus): string {
  if (s.coverOpen) return 'cover open';
  if (s.paperOut) return 'paper out';
  if (s.error) return 'printer error';
  return 'printer offline';
}

export function sameStatus(a: PrinterStatus, b: PrinterStatus): boolean {
  return (
    a.online === b.online &&
    a.paperOut === b.paperOut &&
    a.paperNearEnd === b.paperNearEnd &&
    a.coverOpen === b.coverOpen &&
    a.error === b.error &&
    a.supported === b.supported &&
    a.detail === b.detail
  );
}
