import type { CounterView, HallView } from '../../../common/contract/hall-view.js';
import type { SurveyChanceView } from '../../../common/contract/survey-schemas.js';

/** Counters 3 and 4 as a survey terminal's view has them, with the given open chances. */
export function surveyView(surveys: SurveyChanceView[] = []): HallView {
  const counter = (id: string, number: number): CounterView => ({
    id,
    number,
    name: `Quầy ${number}`,
    queueIds: ['qa'],
    status: 'open',
    pauseReason: null,
    officerId: `canbo${number}`,
    currentTicketId: null,
    served: 0,
  });
  const view = {
    seq: 7,
    day: '2026-11-23',
    queues: [],
    counters: [counter('quay-3', 3), counter('quay-4', 4)],
    tickets: [],
    recentCalls: [],
    officerNames: { canbo3: 'Lê Thị Hương', canbo4: 'Phạm Minh Tuấn' },
    surveys,
  };
  return view as HallView;
}

let n = 0;
/** A chance opened at hub time `finishedAt` with a 60 s window (hub clocks are not the tablet's). */
export function chance(over: Partial<SurveyChanceView> = {}): SurveyChanceView {
  const finishedAt = over.finishedAt ?? 5_000_000_000;
  return {
    ticketId: `t-${++n}`,
    number: `C00${n}`,
    counterId: 'quay-3',
    officerId: 'canbo3',
    finishedAt,
    expiresAt: finishedAt + 60_000,
    scaleId: 'theo-ho-so-3-muc',
    ...over,
  };
}
