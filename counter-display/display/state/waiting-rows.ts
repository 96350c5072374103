import { waitingIn, type HallView } from '../../../common/contract/hall-view.js';
import type { DisplayLayout } from '../../../common/contract/screen-config.js';

export interface WaitingRow {
  readonly queueId: string;
  readonly name: string;
  readonly prefix: string;
  readonly waiting: number;
}

/** Waiting count of each queue this TV covers, in the site's order (the order of the kiosk's buttons). */
export function waitingRows(view: HallView, layout: Pick<DisplayLayout, 'queueIds'>): WaitingRow[] {
  const covered = layout.queueIds ? new Set(layout.queueIds) : null;
  return view.queues
    .filter((q) => !covered || covered.has(q.id))
    .map((q) => ({ queueId: q.id, name: q.name, prefix: q.prefix, waiting: waitingIn(view, q.id) }));
}
