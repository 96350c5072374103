/**
 * The faults the reference province system can inject, each the way a real province link fails.
 * One draw per request decides which (the rates are shares of all requests, so they add up to at
 * most 1):
 * - timeoutRate: nothing is stored and no answer ever comes; the client gives up on its own timer.
 * - failRate: nothing is stored; HTTP 500.
 * - dropAfterCommitRate: the item is stored, then the connection is destroyed without an answer
 *   (a crash or a cut link after the commit): the hub must send it again and hear "đã tồn tại".
 * - garbageRate: the item is stored, then the answer is an HTML error page with status 200 (a proxy
 *   in the way): not the JSON expected, so the hub retries, and hears "đã tồn tại".
 * - duplicateRate: the request is delivered to the store twice, as a retrying gateway in front of
 *   a province system does: the first delivery stores it and the hub gets the second one's answer,
 *   "đã tồn tại", for an item it sent once. It must count that as done.
 * - slowMs: every request waits this long before it is handled (so a client that gave up on a slow
 *   call may find the item stored later, and its retry races the slow first delivery).
 * Repeats sent by the hub itself are not a fault: the store answers them "đã tồn tại" always.
 * Look-ups see timeouts, failures, drops and garbage too (they store nothing); /_test/* never.
 */
export interface ReferenceFaults {
  readonly failRate: number;
  readonly timeoutRate: number;
  readonly slowMs: number;
  readonly dropAfterCommitRate: number;
  readonly garbageRate: number;
  readonly duplicateRate: number;
}

export type Fault = 'timeout' | 'fail' | 'drop' | 'garbage' | 'duplicate';

export const NO_FAULTS: ReferenceFaults = {
  failRate: 0,
  timeoutRate: 0,
  slowMs: 0,
  dropAfterCommitRate: 0,
  garbageRate: 0,
  duplicateRate: 0,
};

const RATES = ['timeoutRate', 'failRate', 'dropAfterCommitRate', 'garbageRate', 'duplicateRate'] as const;
const FAULT_OF: { readonly [R in (typeof RATES)[number]]: Fault } = {
  timeoutRate: 'timeout',
  failRate: 'fail',
  dropAfterCommitRate: 'drop',
  garbageRate: 'garbage',
  duplicateRate: 'duplicate',
};

/** Faults from a partial setting (what a test or POST /_test/faults gives), or what is wrong with it. */
export function readFaults(input: unknown): { ok: true; faults: ReferenceFaults } | { ok: false; problems: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: ['faults must be an object'] };
  const given = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const k of Object.keys(given)) if (!(k in NO_FAULTS)) problems.push(`unknown fault '${k}'`);
  const out: Record<string, number> = { ...NO_FAULTS };
  for (const k of [...RATES, 'slowMs'] as const) {
    const v = given[k];
    if (v === undefined) continue;
    const max = k === 'slowMs' ? 120_000 : 1;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) problems.push(`${k} must be a number from 0 to ${max}`);
    else out[k] = v;
  }
  const total = RATES.reduce((n, k) => n + (out[k] ?? 0), 0);
  if (total > 1 + 1e-9) problems.push(`the rates add up to ${total}; at most 1`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, faults: out as unknown as ReferenceFaults };
}

/** Which fault, if any, a draw in [0, 1) lands on. */
export function pickFault(f: ReferenceFaults, draw: number): Fault | null {
  let edge = 0;
  for (const k of RATES) {
    edge += f[k];
    if (draw < edge) return FAULT_OF[k];
  }
  return null;
}
