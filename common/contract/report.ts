import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './nullable.js';

/**
 * The hall's report over a range of service days (DESIGN.md section 9), as the admin API answers
 * it and the admin screen reads it. Every figure is computed from the event log. Times are seconds;
 * rates are 0..1. Medians and percentiles are nearest-rank (the value some citizen really had: the
 * ceil(p·n)-th smallest), so a median of an even count is the lower middle value.
 */

/** The longest range one report covers: a year, leap day included. */
export const REPORT_MAX_DAYS = 366;
/** QĐ 766/QĐ-TTg: the satisfaction indicator earns its full score at 90 % and above. */
export const QD766_THRESHOLD = 0.9;
/** The provinces' target: nobody should wait more than 30 minutes to be called. */
export const WAIT_TARGET_SEC = 30 * 60;

export const QD766_NAME = 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC';
export const QD766_NAME_EN = 'Satisfaction with receiving and handling administrative procedures';

const Count = Type.Integer({ minimum: 0 });
const Sec = Nullable(Type.Number({ description: 'Seconds; null when there is nothing to measure' }));
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1, description: '0..1; null when there is nothing to divide by' }));

export const WaitStatsSchema = Type.Object(
  {
    count: Type.Integer({ minimum: 0, description: 'Tickets called at least once: the wait is from issue to the first call' }),
    meanSec: Sec,
    medianSec: Sec,
    p90Sec: Sec,
    maxSec: Sec,
    over30Count: Type.Integer({ minimum: 0, description: 'Waits longer than 30 minutes' }),
    over30Share: Rate,
  },
  { additionalProperties: false },
);

export const ServiceStatsSchema = Type.Object(
  {
    count: Type.Integer({ minimum: 0, description: 'Services finished' }),
    meanSec: Sec,
    medianSec: Sec,
  },
  { additionalProperties: false },
);

export const EstimateErrorSchema = Type.Object(
  {
    count: Type.Integer({ minimum: 0, description: 'Tickets called at least once (their actual wait is known)' }),
    meanAbsSec: Sec,
    meanSignedSec: Nullable(
      Type.Number({ description: 'Mean of actual minus predicted wait: above zero, citizens waited longer than the kiosk said' }),
    ),
  },
  { additionalProperties: false },
);

export const RatingTotalsSchema = Type.Object(
  {
    rated: Count,
    notRated: Type.Integer({ minimum: 0, description: 'Chances to rate whose window closed unanswered' }),
    satisfied: Type.Integer({ minimum: 0, description: 'Ratings on a level counted as satisfied (Hài lòng, Rất hài lòng)' }),
    satisfactionRate: Rate,
  },
  { additionalProperties: false },
);

/**
 * What became of the tickets issued in the range. The outcomes are exclusive and add up to issued:
 * served + noShow + cancelled + expired + inProgress. A no-show is a ticket whose day ended (or
 * stands) skipped: called, not come, not served after. `transferred` counts transfers, not tickets.
 */
const ticketCounts = {
  issued: Count,
  served: Count,
  noShow: Count,
  transferred: Count,
  cancelled: Count,
  expired: Type.Integer({ minimum: 0, description: 'Closed unfinished at the day rollover' }),
  inProgress: Type.Integer({ minimum: 0, description: 'Still waiting, called or being served' }),
};

export const DossierFiguresSchema = Type.Object(
  {
    received: Count,
    forwarded: Type.Integer({ minimum: 0, description: 'Sent to the province system and acknowledged' }),
    waiting: Type.Integer({ minimum: 0, description: 'Still owed to the province system (pending, or failed and held)' }),
  },
  { additionalProperties: false },
);

export const SummarySchema = Type.Object(
  {
    ...ticketCounts,
    wait: WaitStatsSchema,
    service: ServiceStatsSchema,
    estimate: EstimateErrorSchema,
    ratings: RatingTotalsSchema,
    dossiers: DossierFiguresSchema,
  },
  { additionalProperties: false },
);

/** Per queue: the tickets the queue issued (a ticket transferred elsewhere stays in its first queue's row). */
export const QueueRowSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    removed: Type.Boolean({ description: 'No longer in the site config: the name is the id' }),
    ...ticketCounts,
    wait: WaitStatsSchema,
    service: ServiceStatsSchema,
    estimate: EstimateErrorSchema,
    ratings: RatingTotalsSchema,
  },
  { additionalProperties: false },
);

/**
 * Per counter or officer: what was done there. Served and service time where the ticket was
 * finished; no-show where it was last skipped; transfers out by who transferred; waits by who first
 * called; ratings by the counter and officer the citizen rated.
 */
export const StaffRowSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    number: Nullable(Type.Integer({ description: 'The counter number; null for officers and removed counters' })),
    removed: Type.Boolean(),
    served: Count,
    noShow: Count,
    transferred: Count,
    dossiers: Type.Integer({ minimum: 0, description: 'Dossiers received' }),
    wait: WaitStatsSchema,
    service: ServiceStatsSchema,
    ratings: RatingTotalsSchema,
  },
  { additionalProperties: false },
);

export const DayRowSchema = Type.Object(
  {
    day: Type.String({ description: 'Service day YYYY-MM-DD' }),
    ...ticketCounts,
    wait: WaitStatsSchema,
    service: ServiceStatsSchema,
    ratings: RatingTotalsSchema,
    dossiers: Count,
  },
  { additionalProperties: false },
);

/** Per hour of the day (Asia/Ho_Chi_Minh) the tickets were issued in: arrivals and how long they waited. */
export const HourRowSchema = Type.Object(
  { hour: Type.Integer({ minimum: 0, maximum: 23 }), arrivals: Count, wait: WaitStatsSchema },
  { additionalProperties: false },
);

export const RatingScaleRowSchema = Type.Object(
  {
    scaleId: Type.String(),
    name: Type.String(),
    levels: Type.Array(
      Type.Object(
        { levelId: Type.String(), name: Type.String(), nameEn: Type.String(), satisfied: Type.Boolean(), count: Count },
        { additionalProperties: false },
      ),
    ),
    ...RatingTotalsSchema.properties,
  },
  { additionalProperties: false },
);

export const Qd766Schema = Type.Object(
  {
    name: Type.String(),
    nameEn: Type.String(),
    rate: Rate,
    threshold: Type.Number(),
    met: Type.Boolean({ description: 'The rate reaches the full-score threshold (false with no rating)' }),
    ratings: Type.Integer({ minimum: 0, description: 'The number of ratings the rate rests on' }),
  },
  { additionalProperties: false },
);

export const HallReportSchema = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
    days: Type.Integer({ minimum: 1 }),
    generatedAt: Type.Integer({ description: 'Epoch milliseconds' }),
    summary: SummarySchema,
    queues: Type.Array(QueueRowSchema),
    counters: Type.Array(StaffRowSchema),
    officers: Type.Array(StaffRowSchema),
    daily: Type.Array(DayRowSchema, { description: 'Every day of the range, in order, zeros included' }),
    hourly: Type.Array(HourRowSchema, { description: 'Hours 0..23' }),
    ratings: Type.Array(RatingScaleRowSchema, { description: 'Per scale: ratings on different scales are never added up' }),
    qd766: Qd766Schema,
  },
  { $id: 'HallReport', additionalProperties: false },
);

export const REPORT_TABLES = ['summary', 'queues', 'counters', 'officers', 'days'] as const;
export type ReportTableKey = (typeof REPORT_TABLES)[number];

export const SavedReportSchema = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.Literal('weekly'),
    from: Type.String(),
    to: Type.String(),
    createdAt: Type.Integer({ description: 'Epoch milliseconds' }),
  },
  { additionalProperties: false },
);

export type WaitStats = Static<typeof WaitStatsSchema>;
export type ServiceStats = Static<typeof ServiceStatsSchema>;
export type EstimateError = Static<typeof EstimateErrorSchema>;
export type RatingTotals = Static<typeof RatingTotalsSchema>;
export type DossierFigures = Static<typeof DossierFiguresSchema>;
export type ReportSummary = Static<typeof SummarySchema>;
export type QueueRow = Static<typeof QueueRowSchema>;
export type StaffRow = Static<typeof StaffRowSchema>;
export type DayRow = Static<typeof DayRowSchema>;
export type HourRow = Static<typeof HourRowSchema>;
export type RatingScaleRow = Static<typeof RatingScaleRowSchema>;
export type Qd766 = Static<typeof Qd766Schema>;
export type HallReport = Static<typeof HallReportSchema>;
export type SavedReport = Static<typeof SavedReportSchema>;
