import type { CallView, CounterView, HallView } from '../../../common/contract/hall-view.js';
import type { DisplayLayout } from '../../../common/contract/screen-config.js';

/** One row of the TV's calls board: a counter and the number it is calling or serving now. */
export interface CalledRow {
  readonly counterId: string;
  readonly counterNumber: number;
  readonly counterName: string;
  readonly ticketId: string;
  readonly number: string;
  readonly calledAt: number;
  /** How many times it has been called (a recall shows the count). */
  readonly calls: number;
}

/**
 * The latest call of each counter that is calling or serving someone now, newest first, as many as
 * the TV has rows for and only the counters this TV covers. A counter that finished and has nobody
 * leaves the board: a number on the TV always means "go there now".
 */
export function calledRows(view: HallView, layout: Pick<DisplayLayout, 'callRows' | 'counterIds'>): CalledRow[] {
  const covered = layout.counterIds ? new Set(layout.counterIds) : null;
  const rows: CalledRow[] = [];
  for (const c of view.counters) {
    if (covered && !covered.has(c.id)) continue;
    if (!c.currentTicketId) continue;
    const t = view.tickets.find((x) => x.id === c.currentTicketId);
    if (!t || t.calledAt === null) continue;
    rows.push({
      counterId: c.id,
      counterNumber: c.number,
      counterName: c.name,
      ticketId: t.id,
      number: t.number,
      calledAt: t.calledAt,
      calls: t.calls,
    });
  }
  rows.sort((a, b) => b.calledAt - a.calledAt || a.counterNumber - b.counterNumber);
  return rows.slice(0, layout.callRows);
}

/** The newest call this TV covers, for the big panel: the one the hall is looking for right now. */
export function newestCall(
  view: HallView,
  layout: Pick<DisplayLayout, 'counterIds'>,
): (CallView & { counter: CounterView }) | null {
  for (const call of view.recentCalls) {
    if (layout.counterIds && !layout.counterIds.includes(call.counterId)) continue;
    const counter = view.counters.find((c) => c.id === call.counterId);
    // A call whose ticket has left the counter (finished, transferred) is no longer news.
    if (!counter || counter.currentTicketId !== call.ticketId) continue;
    return { ...call, counter };
  }
  return null;
}
