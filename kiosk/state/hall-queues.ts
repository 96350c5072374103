import { waitingIn, type HallView } from '../../common/contract/hall-view.js';
import { isIssuingAt } from '../../common/domain/queue.js';
import { vnParts } from '../../common/time/vn-time.js';

export interface QueueChoice {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly waiting: number;
  /** Numbers of the counters serving the queue, "1, 2". */
  readonly counters: string;
  readonly anyOpen: boolean;
  /** Outside its issuing hours: shown, but gives no number, with the hours to come back. */
  readonly closedHours: string | null;
}

/** The queues a citizen chooses from, with what they need to decide: how many wait, where to go. */
export function queueChoices(view: HallView, now: number): QueueChoice[] {
  return view.queues.map((q) => {
    const serving = view.counters.filter((c) => c.queueIds.includes(q.id)).sort((a, b) => a.number - b.number);
    return {
      id: q.id,
      name: q.name,
      nameEn: q.nameEn,
      waiting: waitingIn(view, q.id),
      counters: serving.map((c) => c.number).join(', '),
      anyOpen: serving.some((c) => c.status === 'open'),
      closedHours:
        isIssuingAt(q.issuingHours, vnParts(now)) || !q.issuingHours ? null : `${q.issuingHours.from} – ${q.issuingHours.to}`,
    };
  });
}

export function countersOf(view: HallView | null, queueId: string): string {
  if (!view) return '';
  return view.counters
    .filter((c) => c.queueIds.includes(queueId))
    .sort((a, b) => a.number - b.number)
    .map((c) => c.number)
    .join(', ');
}
