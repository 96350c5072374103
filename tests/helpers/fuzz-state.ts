import { COMMAND_NAMES, COMMANDS, type CommandName } from '../../common/contract/commands.js';
import type Database from 'better-sqlite3';
import type { Hub } from '../../server/app.js';

/** What a refused request must leave as it was, read straight from the hub's database and settings. */
export type StateKey =
  | 'seq'
  | 'tickets'
  | 'commands'
  | 'ratings'
  | 'dossiers'
  | 'outbox'
  | 'audit'
  | 'sessions'
  | 'revoked'
  | 'passwords'
  | 'procedures'
  | 'reports'
  | 'revision';

export type Fingerprint = Readonly<Record<StateKey, string | number>>;

const QUERIES: readonly (readonly [StateKey, string])[] = [
  ['seq', 'SELECT COALESCE(MAX(seq), 0) AS v FROM events'],
  ['tickets', 'SELECT COUNT(*) AS v FROM tickets'],
  ['commands', 'SELECT COUNT(*) AS v FROM commands'],
  ['ratings', "SELECT COUNT(*) || ':' || COALESCE(SUM(status = 'rated'), 0) AS v FROM survey_ratings"],
  ['dossiers', "SELECT COUNT(*) || ':' || COALESCE(SUM(status), 0) AS v FROM dossiers"],
  ['outbox', "SELECT COUNT(*) || ':' || COALESCE(SUM(status = 'pending'), 0) AS v FROM outbox"],
  ['audit', 'SELECT COUNT(*) AS v FROM audit_log'],
  ['sessions', 'SELECT COUNT(*) AS v FROM sessions'],
  ['revoked', 'SELECT COUNT(*) AS v FROM sessions WHERE revoked_at IS NOT NULL'],
  ['passwords', "SELECT COALESCE(GROUP_CONCAT(password_set_at, ','), '') AS v FROM officers"],
  ['procedures', "SELECT (SELECT COUNT(*) FROM procedures) || ':' || (SELECT COUNT(*) FROM procedure_imports) AS v"],
  ['reports', 'SELECT COUNT(*) AS v FROM saved_reports'],
];

type Statement = Database.Statement<[], { v: string | number }>;
const prepared = new WeakMap<Hub, readonly (readonly [StateKey, Statement])[]>();

export function fingerprint(hub: Hub): Fingerprint {
  let statements = prepared.get(hub);
  if (!statements) {
    statements = QUERIES.map(([key, sql]) => [key, hub.db.prepare<[], { v: string | number }>(sql)] as const);
    prepared.set(hub, statements);
  }
  const out: Record<string, string | number> = {};
  for (const [key, statement] of statements) out[key] = statement.get()?.v ?? '';
  out['revision'] = hub.settings.revision();
  return out as Fingerprint;
}

export function changedKeys(before: Fingerprint, after: Fingerprint): StateKey[] {
  return (Object.keys(before) as StateKey[]).filter((k) => before[k] !== after[k]);
}

/** What each command may change when it succeeds (a refusal changes nothing). */
export function commandMayChange(name: CommandName): readonly StateKey[] {
  const keys: StateKey[] = ['seq', 'commands'];
  if (name === 'ticket:issue') keys.push('tickets');
  // Finishing a ticket (finish, call-next, pause or close with a current ticket…) opens its survey chance.
  else keys.push('ratings');
  if (name === 'survey:rate' || name === 'dossier:receive' || name === 'dossier:update-status') keys.push('outbox');
  if (name === 'dossier:receive' || name === 'dossier:update-status') keys.push('dossiers');
  return keys;
}

/**
 * What each REST route may change when it answers 2xx; a route not here must change nothing even
 * then. A new route that changes state on purpose belongs here, with what it changes.
 */
export const ROUTE_MAY_CHANGE: Readonly<Record<string, readonly StateKey[]>> = {
  ...Object.fromEntries(
    COMMAND_NAMES.map((name) => [`POST ${COMMANDS[name].rest.url.replace(/:(\w+)/g, '{$1}')}`, commandMayChange(name)]),
  ),
  'POST /api/auth/login': ['sessions'],
  'POST /api/auth/logout': ['revoked'],
  'POST /api/officers/{officerId}/revoke-sessions': ['revoked'],
  'PUT /api/admin/settings': ['revision', 'audit', 'passwords'],
  'POST /api/admin/officers/{id}/password': ['audit', 'passwords', 'revoked'],
  'POST /api/outbox/dead/retry': ['outbox'],
  'POST /api/admin/backups': ['audit'],
  'POST /api/admin/devices/{id}/test': ['audit'],
  'POST /api/admin/catalogue/import': ['procedures', 'audit'],
};

/** Counts a success moves by one at most, and never back: one ticket per issue, one audit entry per act. */
const ONE_STEP: ReadonlySet<StateKey> = new Set(['tickets', 'audit']);

/** The changes not allowed: all of them after a refusal, those outside the route's list after a success. */
export function unexpectedChanges(
  before: Fingerprint,
  after: Fingerprint,
  succeeded: boolean,
  mayChange: readonly StateKey[] | undefined,
): string[] {
  return changedKeys(before, after)
    .filter((k) => {
      if (!succeeded || !(mayChange ?? []).includes(k)) return true;
      const step = Number(after[k]) - Number(before[k]);
      return ONE_STEP.has(k) && step !== 1;
    })
    .map((k) => `${k}: ${String(before[k])} -> ${String(after[k])}`);
}
