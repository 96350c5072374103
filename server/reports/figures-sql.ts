/**
 * The report's one query over the event log. Its core is `lc`, one row per ticket issued in the
 * range with its life: issue, first call (when, where, by whom), last state-changing step (the
 * outcome, where, by whom) and transfers. Every table row is then a GROUP BY over lc (or over the
 * ratings, transfers and dossiers found beside it), one per dimension, and the partial rows are
 * folded into one row per (dim, key). Medians and 90th percentiles are nearest-rank (the
 * ceil(p·n)-th smallest value), picked with window functions.
 *
 * The outcome is the ticket's last step among called, finished, skipped, returned, transferred,
 * cancelled and expired (listed in day:rolled): finished -> served, skipped -> no-show, cancelled,
 * expired; otherwise (or with no step) in progress. Recalls and starts change no outcome. A
 * finished ticket is final, so a counter's "served" is the tickets whose last step was finished
 * there; a no-show belongs where it was skipped last; a wait to who called first; a transfer to the
 * counter it left and the officer of the call before it.
 *
 * Parameters: @from, @to (service days), @scales (JSON [{id, criterion}]: the overall question of
 * each scale, whose answer is the rating's level), @levels (JSON [{scaleId, levelId, satisfied}]).
 */

const IN_RANGE = 'day BETWEEN @from AND @to';
const THIRTY_MIN_MS = 30 * 60 * 1000;

/** The columns of every partial and final row, in order. */
const COLUMNS = [
  'issued',
  'served',
  'no_show',
  'transferred',
  'cancelled',
  'expired',
  'in_progress',
  'wait_n',
  'wait_sum_ms',
  'wait_max_ms',
  'over30',
  'service_n',
  'service_sum',
  'est_n',
  'est_abs_sum',
  'est_sum',
  'rated',
  'satisfied',
  'not_rated',
  'dossiers',
  'forwarded',
  'owed',
  'wait_median_ms',
  'wait_p90_ms',
  'service_median',
] as const;
type Column = (typeof COLUMNS)[number];

/** One partial row set: `dim` (a name, or an expression when `dim` is a column), `key`, the given columns, NULL for the rest. */
function part(dim: string, key: string, cols: Partial<Record<Column, string>>, from: string, groupBy: string | null): string {
  const list = COLUMNS.map((c) => `${cols[c] ?? 'NULL'} AS ${c}`).join(', ');
  const dimSql = /^[a-z]+$/.test(dim) ? `'${dim}'` : dim;
  return `SELECT ${dimSql} AS dim, ${key} AS key, ${list} FROM ${from}${groupBy ? ` GROUP BY ${groupBy}` : ''}`;
}

const WAIT = {
  wait_n: 'COUNT(wait_ms)',
  wait_sum_ms: 'SUM(wait_ms)',
  wait_max_ms: 'MAX(wait_ms)',
  over30: `COALESCE(SUM(wait_ms > ${THIRTY_MIN_MS}), 0)`,
};
const SERVICE = { service_n: 'COUNT(service_sec)', service_sum: 'SUM(service_sec)' };

const COHORT: Partial<Record<Column, string>> = {
  issued: 'COUNT(*)',
  served: "SUM(last_type = 'ticket:finished')",
  no_show: "SUM(last_type = 'ticket:skipped')",
  transferred: 'SUM(transfers)',
  cancelled: "SUM(last_type = 'ticket:cancelled')",
  expired: "SUM(last_type = 'ticket:expired')",
  in_progress: "SUM(last_type IS NULL OR last_type IN ('ticket:called', 'ticket:returned', 'ticket:transferred'))",
  ...WAIT,
  ...SERVICE,
  est_n: 'COUNT(est_err)',
  est_abs_sum: 'SUM(ABS(est_err))',
  est_sum: 'SUM(est_err)',
};

const STAFF: Partial<Record<Column, string>> = {
  served: 'SUM(served)',
  no_show: 'SUM(no_show)',
  transferred: 'SUM(moved)',
  ...WAIT,
  ...SERVICE,
};

const RATINGS: Partial<Record<Column, string>> = {
  rated: 'SUM(rated)',
  satisfied: 'SUM(rated * COALESCE(satisfied, 0))',
  not_rated: 'SUM(lapsed)',
};

const DOSSIERS: Partial<Record<Column, string>> = {
  dossiers: 'COUNT(*)',
  forwarded: "SUM(status IS 'done')",
  owed: "SUM(status IN ('pending', 'dead'))",
};

/** Dimensions of the ticket cohort: the column of lc that keys each. */
const COHORT_DIMS: readonly [string, string][] = [
  ['total', "''"],
  ['queue', 'queue_id'],
  ['day', 'day'],
  ['hour', 'CAST(hour AS TEXT)'],
];

/** Nearest-rank median and 90th percentile of `value` over `rows`, per dimension: only the picked ranks survive. */
function ranked(value: string, rows: string, dims: readonly [string, string][]): string {
  return dims
    .map(([dim, key]) => {
      const over = key === "''" ? '' : `PARTITION BY ${key} `;
      // One window (one sort) gives both the rank and the group's size.
      return `SELECT '${dim}' AS dim, ${key} AS key, ${value} AS v,
        ROW_NUMBER() OVER w AS rn, COUNT(*) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n
        FROM ${rows} WHERE ${value} IS NOT NULL WINDOW w AS (${over}ORDER BY ${value})`;
    })
    .join('\n  UNION ALL ');
}

export const FIGURES_SQL = `
WITH
issued AS MATERIALIZED (
  SELECT json_extract(payload, '$.ticket.id') AS ticket_id, day, at AS issued_at,
         json_extract(payload, '$.ticket.issuedQueueId') AS queue_id,
         json_extract(payload, '$.ticket.predictedWaitSec') AS predicted_sec
  FROM events WHERE ${IN_RANGE} AND type = 'ticket:issued'
),
steps AS MATERIALIZED (
  -- What each step needs, read from its payload once (the JSON is parsed once per row).
  SELECT seq, type, at, json_extract(payload, '$.ticketId') AS ticket_id,
    COALESCE(json_extract(payload, '$.counterId'), json_extract(payload, '$.fromCounterId')) AS counter_id,
    CASE WHEN type = 'ticket:called' THEN COALESCE(json_extract(payload, '$.officerId'), '') END AS officer_id,
    CASE WHEN type = 'ticket:finished' THEN json_extract(payload, '$.serviceSec') END AS service_sec
  FROM events
  WHERE ${IN_RANGE}
    AND type IN ('ticket:called', 'ticket:finished', 'ticket:skipped', 'ticket:returned', 'ticket:transferred', 'ticket:cancelled')
  UNION ALL
  SELECT e.seq, 'ticket:expired', e.at, j.value, NULL, NULL, NULL FROM events e, json_each(e.payload, '$.expiredTicketIds') j
  WHERE ${IN_RANGE.replace('day', 'e.day')} AND e.type = 'day:rolled'
),
tk AS MATERIALIZED (
  SELECT ticket_id,
    MIN(CASE WHEN type = 'ticket:called' THEN seq END) AS first_call,
    MAX(CASE WHEN type = 'ticket:called' THEN seq END) AS last_call,
    MAX(seq) AS last_seq,
    MAX(type = 'ticket:expired') AS expired,
    SUM(type = 'ticket:transferred') AS transfers
  FROM steps GROUP BY ticket_id
),
lc AS MATERIALIZED (
  SELECT i.ticket_id, i.day, i.queue_id,
    (i.issued_at + 25200000) / 3600000 % 24 AS hour,
    fc.at - i.issued_at AS wait_ms,
    CASE WHEN fc.at IS NOT NULL THEN (fc.at - i.issued_at) / 1000.0 - i.predicted_sec END AS est_err,
    fc.counter_id AS first_counter, fc.officer_id AS first_officer,
    CASE WHEN tk.expired THEN 'ticket:expired' ELSE ls.type END AS last_type,
    ls.counter_id AS last_counter, COALESCE(lcall.officer_id, '') AS last_officer, ls.service_sec,
    COALESCE(tk.transfers, 0) AS transfers
  FROM issued i
  LEFT JOIN tk ON tk.ticket_id = i.ticket_id
  LEFT JOIN steps fc ON fc.seq = tk.first_call AND fc.ticket_id = i.ticket_id
  LEFT JOIN steps ls ON ls.seq = tk.last_seq AND ls.ticket_id = i.ticket_id
  LEFT JOIN steps lcall ON lcall.seq = tk.last_call AND lcall.ticket_id = i.ticket_id
),
moves AS MATERIALIZED (
  SELECT m.counter_id,
    COALESCE((SELECT c.officer_id FROM steps c WHERE c.ticket_id = m.ticket_id AND c.type = 'ticket:called' AND c.seq < m.seq
              ORDER BY c.seq DESC LIMIT 1), '') AS officer_id
  FROM steps m WHERE m.type = 'ticket:transferred'
),
staff_facts AS MATERIALIZED (
  SELECT first_counter AS counter_key, first_officer AS officer_key, wait_ms, NULL AS service_sec, 0 AS served, 0 AS no_show, 0 AS moved
  FROM lc WHERE wait_ms IS NOT NULL
  UNION ALL
  SELECT last_counter, last_officer, NULL, service_sec, last_type = 'ticket:finished', last_type = 'ticket:skipped', 0
  FROM lc WHERE last_type IN ('ticket:finished', 'ticket:skipped')
  UNION ALL
  SELECT counter_id, officer_id, NULL, NULL, 0, 0, 1 FROM moves
),
scales AS MATERIALIZED (
  SELECT json_extract(value, '$.id') AS scale_id, json_extract(value, '$.criterion') AS criterion FROM json_each(@scales)
),
levels AS MATERIALIZED (
  SELECT json_extract(value, '$.scaleId') AS scale_id, json_extract(value, '$.levelId') AS level_id,
         json_extract(value, '$.satisfied') AS satisfied
  FROM json_each(@levels)
),
chances AS MATERIALIZED (
  SELECT json_extract(payload, '$.ticketId') AS ticket_id, day,
         json_extract(payload, '$.survey.scaleId') AS scale_id,
         json_extract(payload, '$.survey.counterId') AS counter_id,
         COALESCE(json_extract(payload, '$.survey.officerId'), '') AS officer_id
  FROM events WHERE ${IN_RANGE} AND type = 'ticket:finished' AND json_extract(payload, '$.survey') IS NOT NULL
),
lapsed AS MATERIALIZED (
  SELECT j.value AS ticket_id FROM events l, json_each(l.payload, '$.ticketIds') j
  WHERE ${IN_RANGE.replace('day', 'l.day')} AND l.type = 'survey:lapsed'
),
answers AS MATERIALIZED (
  SELECT r.day, r.ticket_id, r.scale_id, r.counter_id, r.officer_id, r.queue_id, r.level_id, 1 AS rated, 0 AS lapsed
  FROM (
    SELECT day, json_extract(payload, '$.ticketId') AS ticket_id, json_extract(payload, '$.scaleId') AS scale_id,
      json_extract(payload, '$.counterId') AS counter_id, COALESCE(json_extract(payload, '$.officerId'), '') AS officer_id,
      json_extract(payload, '$.queueId') AS queue_id,
      COALESCE(json_extract(payload, '$.answers."' || (SELECT criterion FROM scales WHERE scale_id = json_extract(payload, '$.scaleId')) || '"'),
               (SELECT value FROM json_each(payload, '$.answers') LIMIT 1)) AS level_id
    FROM events WHERE ${IN_RANGE} AND type = 'survey:rated'
  ) r
  UNION ALL
  SELECT c.day, c.ticket_id, c.scale_id, c.counter_id, c.officer_id, NULL, NULL, 0, 1
  FROM lapsed l JOIN chances c ON c.ticket_id = l.ticket_id
),
rating_facts AS MATERIALIZED (
  SELECT a.*, COALESCE(lc.queue_id, a.queue_id, '') AS cohort_queue, lv.satisfied
  FROM answers a
  LEFT JOIN lc ON lc.ticket_id = a.ticket_id
  LEFT JOIN levels lv ON lv.scale_id = a.scale_id AND lv.level_id = a.level_id
),
dossier_facts AS MATERIALIZED (
  SELECT d.day, json_extract(d.payload, '$.counterId') AS counter_id,
         COALESCE(json_extract(d.payload, '$.officerId'), '') AS officer_id, o.status
  FROM events d LEFT JOIN outbox o ON o.idempotency_key = 'dossier:' || json_extract(d.payload, '$.code')
  WHERE ${IN_RANGE.replace('day', 'd.day')} AND d.type = 'dossier:received'
),
wait_ranks AS (
  ${ranked('wait_ms', 'lc', COHORT_DIMS)}
  UNION ALL ${ranked('wait_ms', 'staff_facts', [
    ['counter', 'counter_key'],
    ['officer', 'officer_key'],
  ])}
),
service_ranks AS (
  ${ranked(
    'service_sec',
    'lc',
    COHORT_DIMS.filter(([dim]) => dim !== 'hour'),
  )}
  UNION ALL ${ranked('service_sec', 'staff_facts', [
    ['counter', 'counter_key'],
    ['officer', 'officer_key'],
  ])}
),
parts AS (
  ${COHORT_DIMS.map(([dim, key]) => part(dim, key, COHORT, 'lc', key === "''" ? null : key)).join('\n  UNION ALL ')}
  UNION ALL ${['counter', 'officer'].map((dim) => part(dim, `${dim}_key`, STAFF, 'staff_facts', `${dim}_key`)).join('\n  UNION ALL ')}
  UNION ALL ${(
    [
      ['total', "''"],
      ['queue', 'cohort_queue'],
      ['day', 'day'],
      ['counter', 'counter_id'],
      ['officer', 'officer_id'],
      ['level', "COALESCE(scale_id, '') || char(31) || COALESCE(level_id, '')"],
    ] as const
  )
    .map(([dim, key]) => part(dim, key, RATINGS, 'rating_facts', key === "''" ? null : key))
    .join('\n  UNION ALL ')}
  UNION ALL ${(
    [
      ['total', "''"],
      ['day', 'day'],
      ['counter', 'counter_id'],
      ['officer', 'officer_id'],
    ] as const
  )
    .map(([dim, key]) => part(dim, key, DOSSIERS, 'dossier_facts', key === "''" ? null : key))
    .join('\n  UNION ALL ')}
  UNION ALL ${part(
    '(dim)',
    'key',
    {
      wait_median_ms: 'MAX(CASE WHEN rn = (n + 1) / 2 THEN v END)',
      wait_p90_ms: 'MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN v END)',
    },
    'wait_ranks WHERE rn = (n + 1) / 2 OR rn = (9 * n + 9) / 10',
    'dim, key',
  )}
  UNION ALL ${part(
    '(dim)',
    'key',
    { service_median: 'MAX(CASE WHEN rn = (n + 1) / 2 THEN v END)' },
    'service_ranks WHERE rn = (n + 1) / 2',
    'dim, key',
  )}
)
SELECT dim, key, ${COLUMNS.map((c) => `MAX(${c}) AS ${c}`).join(', ')}
FROM parts GROUP BY dim, key
`;

/** One row of FIGURES_SQL: the sums and order statistics of one (dimension, key). */
export type FigureRow = {
  readonly dim: 'total' | 'queue' | 'day' | 'hour' | 'counter' | 'officer' | 'level';
  readonly key: string;
} & {
  readonly [C in Column]: number | null;
};

/** The separator between scale and level in a 'level' row's key (ASCII unit separator). */
export const LEVEL_KEY_SEPARATOR = '\u001f';
