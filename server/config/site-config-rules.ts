import type { ConfigError } from './config-error.js';
import { deviceRules } from './device-rules.js';
import { entries, field, isRec, num, str, stringsOf, type Entry } from './loose-view.js';
import { unique } from './unique-values.js';

/**
 * Rules that no single setting can check: uniqueness across a list, references between lists, and
 * the few settings that depend on another. Each error points at the entry or field to fix. Read
 * through loose-view so they run (and report) even when the schema check failed.
 */
export function siteConfigRules(input: unknown): ConfigError[] {
  const errors: ConfigError[] = [];
  const queues = entries(input, 'queues', '');
  const counters = entries(input, 'counters', '');
  const officers = entries(input, 'officers', '');
  const priority = field(input, 'priority');

  unique(errors, queues, 'id', 'queue id');
  unique(errors, counters, 'id', 'counter id');
  unique(errors, officers, 'id', 'officer id');
  unique(errors, entries(priority, 'classes', '/priority'), 'id', 'priority class id');
  unique(errors, counters, 'number', 'counter number');
  unique(errors, officers, 'username', 'username');
  seriesRules(errors, queues);
  for (const q of queues) {
    const hours = field(q.rec, 'issuingHours');
    const from = field(hours, 'from');
    const to = field(hours, 'to');
    if (typeof from === 'string' && typeof to === 'string' && /^\d\d:\d\d$/.test(from) && /^\d\d:\d\d$/.test(to) && from >= to) {
      errors.push({ path: `${q.path}/issuingHours/to`, message: `Numbers would stop (${to}) before they start (${from})` });
    }
  }
  counterQueueRules(errors, queues, counters);
  const resultQueue = field(input, 'resultQueueId');
  if (typeof resultQueue === 'string' && !new Set(stringsOf(queues, 'id')).has(resultQueue)) {
    errors.push({ path: '/resultQueueId', message: `Unknown queue ${JSON.stringify(resultQueue)}` });
  }
  priorityRules(errors, priority);
  adminRule(errors, officers);
  errors.push(
    ...deviceRules(entries(input, 'devices', ''), new Set(stringsOf(counters, 'id')), new Set(stringsOf(queues, 'id'))),
  );
  return errors;
}

function seriesRules(errors: ConfigError[], queues: readonly Entry[]): void {
  // Two queues with one prefix would print and announce the same number twice in one hall.
  const series: Entry[] = [];
  for (const q of queues) {
    const rec = field(q.rec, 'series');
    if (isRec(rec)) series.push({ path: `${q.path}/series`, rec });
  }
  unique(errors, series, 'prefix', 'number prefix');
  for (const s of series) {
    const start = num(s.rec, 'start');
    const width = num(s.rec, 'width');
    if (start !== undefined && width !== undefined && start > 10 ** width - 1) {
      errors.push({ path: `${s.path}/start`, message: `First number ${start} does not fit in ${width} digit(s)` });
    }
  }
}

function counterQueueRules(errors: ConfigError[], queues: readonly Entry[], counters: readonly Entry[]): void {
  const queueIds = new Set(stringsOf(queues, 'id'));
  const served = new Set<string>();
  for (const c of counters) {
    const links = entries(c.rec, 'queues', c.path);
    if (Array.isArray(c.rec['queues']) && c.rec['queues'].length === 0) {
      errors.push({ path: `${c.path}/queues`, message: `Counter ${JSON.stringify(str(c.rec, 'id') ?? '')} serves no queue` });
    }
    const here = new Map<string, string>();
    for (const l of links) {
      const queueId = str(l.rec, 'queueId');
      if (queueId === undefined) continue;
      const path = `${l.path}/queueId`;
      if (!queueIds.has(queueId)) errors.push({ path, message: `Unknown queue ${JSON.stringify(queueId)}` });
      const at = here.get(queueId);
      if (at !== undefined)
        errors.push({ path, message: `Queue ${JSON.stringify(queueId)} is listed twice for this counter (also at ${at})` });
      else here.set(queueId, path);
      served.add(queueId);
    }
  }
  for (const q of queues) {
    const id = str(q.rec, 'id');
    if (id !== undefined && !served.has(id)) {
      errors.push({
        path: q.path,
        message: `Queue ${JSON.stringify(id)} is served by no counter, so its tickets could never be called`,
      });
    }
  }
}

function priorityRules(errors: ConfigError[], priority: unknown): void {
  if (field(priority, 'mode') === 'interleave' && field(priority, 'every') === undefined) {
    errors.push({
      path: '/priority/every',
      message: "Interleave mode needs 'every': how many normal calls between two priority calls",
    });
  }
}

function adminRule(errors: ConfigError[], officers: readonly Entry[]): void {
  // Without one, nobody could sign in to the admin screen to fix the settings.
  if (!officers.some((o) => o.rec['role'] === 'admin' && o.rec['disabled'] !== true)) {
    errors.push({ path: '/officers', message: 'At least one officer with role "admin" who is not disabled is required' });
  }
}
