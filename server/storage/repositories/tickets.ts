import type { Ticket } from '../../core/hall-state.js';
import type { Db } from '../db.js';

interface TicketRow {
  id: string;
  day: string;
  issued_queue_id: string;
  queue_id: string;
  seq_no: number;
  number: string;
  priority_class: string | null;
  state: Ticket['state'];
  issued_at: number;
  counter_id: string | null;
  officer_id: string | null;
  target_counter_id: string | null;
  targeted_at: number | null;
  first_called_at: number | null;
  called_at: number | null;
  calls: number;
  started_at: number | null;
  finished_at: number | null;
  transfers: number;
  procedure_code: string | null;
  phone: string | null;
  predicted_wait_sec: number;
  people_ahead: number;
  note: string | null;
}

export interface TicketsRepository {
  upsert(t: Ticket): void;
  expire(ids: readonly string[], at: number): void;
  ofDay(day: string): Ticket[];
  byId(id: string): Ticket | undefined;
  /** Recent service durations per queue, newest last, across days. */
  recentServiceSec(perQueue: number, minSec: number): Record<string, number[]>;
}

export function ticketsRepository(db: Db): TicketsRepository {
  const upsert = db.prepare(`
    INSERT INTO tickets (id, day, issued_queue_id, queue_id, seq_no, number, priority_class, state, issued_at, counter_id,
      officer_id, target_counter_id, targeted_at, first_called_at, called_at, calls, started_at, finished_at, transfers,
      procedure_code, phone, predicted_wait_sec, people_ahead, note)
    VALUES (@id, @day, @issued_queue_id, @queue_id, @seq_no, @number, @priority_class, @state, @issued_at, @counter_id,
      @officer_id, @target_counter_id, @targeted_at, @first_called_at, @called_at, @calls, @started_at, @finished_at, @transfers,
      @procedure_code, @phone, @predicted_wait_sec, @people_ahead, @note)
    ON CONFLICT (id) DO UPDATE SET queue_id = excluded.queue_id, state = excluded.state, counter_id = excluded.counter_id,
      officer_id = excluded.officer_id, target_counter_id = excluded.target_counter_id, targeted_at = excluded.targeted_at,
      first_called_at = excluded.first_called_at, called_at = excluded.called_at, calls = excluded.calls,
      started_at = excluded.started_at, finished_at = excluded.finished_at, transfers = excluded.transfers, note = excluded.note`);
  const expire = db.prepare(
    "UPDATE tickets SET state = 'expired', finished_at = ? WHERE id = ? AND state NOT IN ('done', 'cancelled', 'expired')",
  );
  const ofDay = db.prepare('SELECT * FROM tickets WHERE day = ? ORDER BY issued_at, seq_no');
  const byId = db.prepare('SELECT * FROM tickets WHERE id = ?');
  const recent = db.prepare(`
    SELECT queue_id, secs FROM (
      SELECT queue_id, finished_at, (finished_at - COALESCE(started_at, called_at)) / 1000 AS secs,
             ROW_NUMBER() OVER (PARTITION BY queue_id ORDER BY finished_at DESC) AS rn
      FROM tickets WHERE state = 'done' AND finished_at IS NOT NULL
        AND (finished_at - COALESCE(started_at, called_at)) / 1000 >= @minSec)
    WHERE rn <= @perQueue ORDER BY queue_id, finished_at`);
  return {
    upsert: (t) => void upsert.run(toRow(t)),
    expire(ids, at) {
      for (const id of ids) expire.run(at, id);
    },
    ofDay: (day) => (ofDay.all(day) as TicketRow[]).map(fromRow),
    byId(id) {
      const row = byId.get(id) as TicketRow | undefined;
      return row ? fromRow(row) : undefined;
    },
    recentServiceSec(perQueue, minSec) {
      const out: Record<string, number[]> = {};
      for (const r of recent.all({ perQueue, minSec }) as { queue_id: string; secs: number }[])
        (out[r.queue_id] ??= []).push(r.secs);
      return out;
    },
  };
}

function toRow(t: Ticket): TicketRow {
  return {
    id: t.id,
    day: t.day,
    issued_queue_id: t.issuedQueueId,
    queue_id: t.queueId,
    seq_no: t.seqNo,
    number: t.number,
    priority_class: t.priorityClass,
    state: t.state,
    issued_at: t.issuedAt,
    counter_id: t.counterId,
    officer_id: t.officerId,
    target_counter_id: t.targetCounterId,
    targeted_at: t.targetedAt,
    first_called_at: t.firstCalledAt,
    called_at: t.calledAt,
    calls: t.calls,
    started_at: t.startedAt,
    finished_at: t.finishedAt,
    transfers: t.transfers,
    procedure_code: t.procedureCode,
    phone: t.phone,
    predicted_wait_sec: t.predictedWaitSec,
    people_ahead: t.peopleAhead,
    note: t.note,
  };
}

function fromRow(r: TicketRow): Ticket {
  return {
    id: r.id,
    day: r.day,
    issuedQueueId: r.issued_queue_id,
    queueId: r.queue_id,
    seqNo: r.seq_no,
    number: r.number,
    priorityClass: r.priority_class,
    state: r.state,
    issuedAt: r.issued_at,
    counterId: r.counter_id,
    officerId: r.officer_id,
    targetCounterId: r.target_counter_id,
    targetedAt: r.targeted_at,
    firstCalledAt: r.first_called_at,
    calledAt: r.called_at,
    calls: r.calls,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    transfers: r.transfers,
    procedureCode: r.procedure_code,
    phone: r.phone,
    predictedWaitSec: r.predicted_wait_sec,
    peopleAhead: r.people_ahead,
    note: r.note,
  };
}
