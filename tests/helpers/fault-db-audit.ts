import Database from 'better-sqlite3';

export interface StoredTicket {
  readonly id: string;
  readonly day: string;
  readonly number: string;
  readonly issuedQueueId: string;
  readonly state: string;
}

export interface StoredEventRow {
  readonly seq: number;
  readonly type: string;
  readonly day: string;
  readonly ticketId: string | null;
  readonly counterId: string | null;
  readonly ticketIds: readonly string[];
}

/** What the hall's database file holds, read without writing a byte. */
export interface HallRecord {
  readonly tickets: ReadonlyMap<string, StoredTicket>;
  readonly events: readonly StoredEventRow[];
  /** The stored first answer of each command, by its id. */
  readonly commands: ReadonlyMap<string, unknown>;
  readonly integrity: string;
}

/** Opens the hall's SQLite file read-only (after the hub has stopped or died) and reads what it holds. */
export function readHallRecord(file: string): HallRecord {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tickets = new Map<string, StoredTicket>();
    const rows = db.prepare('SELECT id, day, number, issued_queue_id, state FROM tickets').all() as {
      id: string;
      day: string;
      number: string;
      issued_queue_id: string;
      state: string;
    }[];
    for (const r of rows) tickets.set(r.id, { id: r.id, day: r.day, number: r.number, issuedQueueId: r.issued_queue_id, state: r.state });
    const events = (db.prepare('SELECT seq, type, day, payload FROM events ORDER BY rowid').all() as {
      seq: number;
      type: string;
      day: string;
      payload: string;
    }[]).map((r) => {
      const p = JSON.parse(r.payload) as {
        ticketId?: string;
        ticket?: { id: string };
        counterId?: string;
        ticketIds?: string[];
        expiredTicketIds?: string[];
      };
      return {
        seq: r.seq,
        type: r.type,
        day: r.day,
        ticketId: p.ticketId ?? p.ticket?.id ?? null,
        counterId: p.counterId ?? null,
        ticketIds: p.ticketIds ?? p.expiredTicketIds ?? [],
      };
    });
    const commands = new Map<string, unknown>();
    for (const r of db.prepare('SELECT command_id, result FROM commands').all() as { command_id: string; result: string }[]) {
      commands.set(r.command_id, JSON.parse(r.result) as unknown);
    }
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    return { tickets, events, commands, integrity };
  } finally {
    db.close();
  }
}

/**
 * What must always hold in the log and its read tables, whatever killed the hub when: seqs 1..N with
 * no gap or repeat, no ticket finished or called by call order twice, one ticket row per issued event,
 * numbers unique in each service day, each finished ticket done. Answers the problems found (none: []).
 */
export function logProblems(record: HallRecord): string[] {
  const problems: string[] = [];
  record.events.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`event #${i + 1} has seq ${e.seq}`);
  });
  const count = (type: string) => {
    const n = new Map<string, number>();
    for (const e of record.events) if (e.type === type && e.ticketId) n.set(e.ticketId, (n.get(e.ticketId) ?? 0) + 1);
    return n;
  };
  for (const [id, n] of count('ticket:finished')) if (n > 1) problems.push(`ticket ${id} finished ${n} times`);
  for (const [id, n] of count('ticket:issued')) if (n > 1) problems.push(`ticket ${id} issued ${n} times`);
  const issued = count('ticket:issued');
  for (const id of issued.keys()) if (!record.tickets.has(id)) problems.push(`ticket ${id} issued in the log but not in the tickets table`);
  for (const id of record.tickets.keys()) if (!issued.has(id)) problems.push(`ticket ${id} in the table but never issued in the log`);
  for (const id of count('ticket:finished').keys()) {
    const state = record.tickets.get(id)?.state;
    if (state !== 'done') problems.push(`ticket ${id} finished in the log but ${state ?? 'missing'} in the table`);
  }
  const numbers = new Map<string, string>();
  for (const t of record.tickets.values()) {
    const key = `${t.day} ${t.number}`;
    const other = numbers.get(key);
    if (other) problems.push(`number ${t.number} given twice on ${t.day}: ${other} and ${t.id}`);
    numbers.set(key, t.id);
  }
  if (record.integrity !== 'ok') problems.push(`integrity_check: ${record.integrity}`);
  return problems;
}
