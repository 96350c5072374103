import type { Hub } from '../../server/app.js';

/** A dossier code of the national format that no test hub has, so a look-up gets past the format check. */
const UNKNOWN_DOSSIER = '000.00.31.H38-261123-0001';

/**
 * Property names the fuzz fills with values the hub really has most of the time (a real counter, a
 * ticket of today, the settings' current revision), so generated input gets past "not found" and
 * into the handler; the generator still makes up its own now and then.
 */
export const HINTED: ReadonlyMap<string, number> = new Map([
  ['counterId', 3],
  ['toCounterId', 2],
  ['id', 3],
  ['officerId', 3],
  ['ticketId', 3],
  ['queueId', 3],
  ['toQueueId', 2],
  ['priorityClass', 1],
  ['code', 2],
  ['procedureCode', 3],
  ['idNumber', 3],
  ['field', 1],
  ['revision', 3],
  ['config', 3],
  ['username', 2],
  ['counter', 1],
  // Mostly fresh ids; now and then one already used, which must answer the first result or a conflict.
  ['commandId', 0.3],
]);

export function liveValues(hub: Hub): (name: string) => readonly unknown[] {
  const codes = (sql: string) => (hub.db.prepare(sql).all() as { code: string }[]).map((r) => r.code);
  return (name) => {
    const site = hub.settings.current();
    const counters = site.counters.map((c) => c.id);
    const officers = site.officers.map((o) => o.id);
    switch (name) {
      case 'counterId':
      case 'toCounterId':
        return counters;
      case 'id':
        return [...counters, ...officers];
      case 'officerId':
        return officers;
      case 'username':
        return site.officers.map((o) => o.username);
      case 'ticketId':
        return [...hub.hall.currentState.tickets.keys()];
      case 'queueId':
      case 'toQueueId':
        return site.queues.map((q) => q.id);
      case 'priorityClass':
        return site.priority.classes.map((c) => c.id);
      case 'code':
        // Both a dossier's code and a procedure's (/api/procedures/{code}) are called "code".
        return [...codes('SELECT code FROM dossiers'), UNKNOWN_DOSSIER, ...codes('SELECT code FROM procedures LIMIT 10')];
      case 'procedureCode':
        return codes('SELECT code FROM procedures LIMIT 30');
      case 'field':
        return codes('SELECT DISTINCT field AS code FROM procedures WHERE field IS NOT NULL LIMIT 10');
      case 'idNumber':
        return ['079203001234', '001099012345', '123456789'];
      case 'revision':
        return [hub.settings.revision()];
      case 'config':
        return [site];
      case 'counter':
        return site.counters.map((c) => String(c.number));
      case 'commandId':
        return (
          hub.db.prepare('SELECT command_id FROM commands ORDER BY at DESC LIMIT 20').all() as { command_id: string }[]
        ).map((r) => r.command_id);
      default:
        return [];
    }
  };
}
