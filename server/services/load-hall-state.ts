import type { CallView } from '../../common/contract/hall-view.js';
import { RECENT_CALLS } from '../../common/contract/hall-view.js';
import {
  closedCounter,
  MIN_SERVICE_SAMPLE_SEC,
  RECENT_SERVICE_WINDOW,
  type HallConfig,
  type HallState,
} from '../core/hall-state.js';
import type { CountersRepository } from '../storage/repositories/counters.js';
import type { TicketsRepository } from '../storage/repositories/tickets.js';
import type { SurveyRatingsRepository } from '../storage/repositories/survey-ratings.js';
import type { DossierRecordsRepository } from '../storage/repositories/dossier-records.js';
import { vnDate } from '../../common/time/vn-time.js';

/**
 * Rebuilds the in-memory state of service day `day` from the read tables, as they stood after the
 * last committed command: after a crash or restart the hall resumes exactly there.
 */
export function loadHallState(
  config: HallConfig,
  day: string,
  repos: {
    tickets: TicketsRepository;
    counters: CountersRepository;
    surveyRatings: SurveyRatingsRepository;
    dossierRecords: DossierRecordsRepository;
  },
  now: number,
): HallState {
  const tickets = repos.tickets.ofDay(day);
  const stored = new Map(repos.counters.runtimes().map((c) => [c.id, c]));
  const lastSeqNo: Record<string, number> = {};
  for (const t of tickets) lastSeqNo[t.issuedQueueId] = Math.max(lastSeqNo[t.issuedQueueId] ?? 0, t.seqNo);
  const recentCalls: CallView[] = tickets
    .filter((t) => t.calledAt !== null && t.counterId !== null)
    .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0))
    .slice(0, RECENT_CALLS)
    .map((t) => ({ ticketId: t.id, number: t.number, counterId: t.counterId ?? '', at: t.calledAt ?? 0, calls: t.calls }));
  return {
    day,
    config,
    tickets: new Map(tickets.map((t) => [t.id, t])),
    counters: new Map(config.counters.map((c) => [c.id, stored.get(c.id) ?? closedCounter(c.id)])),
    lastSeqNo,
    recentServiceSec: repos.tickets.recentServiceSec(RECENT_SERVICE_WINDOW, MIN_SERVICE_SAMPLE_SEC),
    recentCalls,
    surveys: new Map(repos.surveyRatings.openOf(day).map((c) => [c.ticketId, c])),
    rated: new Set(repos.surveyRatings.ratedOf(day)),
    // Dossier numbers run by calendar day: today's last one, so a restart never gives one twice.
    lastDossier: repos.dossierRecords.lastOf(vnDate(now)),
  };
}
