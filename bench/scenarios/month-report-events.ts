import { serviceDayStart } from '../../common/time/vn-time.js';
import type { Db } from '../../server/storage/db.js';
import { seededRandom } from '../../tests/helpers/seeded-random.js';

/**
 * A busy centre's event log, written straight into SQLite in the shapes the hub writes (the full
 * ticket on ticket:issued, survey chances on ticket:finished, day:rolled with the expired ids, the
 * dossier with its record and its outbox item). Seeded, so every run reports over the same month.
 * Not a replay of the core's rules (a counter may have two citizens at once here): the point is
 * the volume and the mix the report's query meets.
 */
export interface MonthShape {
  readonly firstDay: string;
  readonly days: number;
  readonly ticketsPerDay: number;
  readonly counters: number;
  readonly queues: number;
  readonly seed: number;
}

export interface GeneratedLog {
  readonly events: number;
  readonly tickets: number;
  readonly dossiers: number;
}

const MIN = 60_000;
const SCALE = 'theo-ho-so-3-muc';
const OVERALL = 'giai-quyet-tthc';


interface Ev {
  readonly at: number;
  readonly order: number;
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

export function writeBusyMonth(db: Db, shape: MonthShape): GeneratedLog {
  const rnd = seededRandom(shape.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const queueIds = Array.from({ length: shape.queues }, (_, i) => `hang-doi-${i + 1}`);
  const counterIds = Array.from({ length: shape.counters }, (_, i) => `quay-${i + 1}`);
  const officerOf = (counterId: string) => `canbo${counterId.slice(5)}`;
  const countersOf = (q: string) => counterIds.filter((_, i) => queueIds[i % shape.queues] === q);
  const insert = db.prepare('INSERT INTO events (type, at, day, actor, command_id, payload) VALUES (?, ?, ?, ?, ?, ?)');
  const owe = db.prepare(
    `INSERT INTO outbox (kind, idempotency_key, stream, payload, created_at, status, next_attempt_at, done_at)
     VALUES ('dossier', ?, ?, ?, ?, ?, ?, ?)`,
  );
  let events = 0;
  let tickets = 0;
  let dossiers = 0;

  for (let d = 0; d < shape.days; d++) {
    const start = serviceDayStart(shape.firstDay, 0) + d * 24 * 60 * MIN;
    const day = new Date(start + 7 * 60 * MIN).toISOString().slice(0, 10);
    const list: Ev[] = [];
    let order = 0;
    const push = (at: number, type: string, payload: Record<string, unknown>) =>
      list.push({ at, order: order++, type, payload: { type, at, ...payload } });
    for (const c of counterIds) push(start + 7 * 60 * MIN, 'counter:opened', { counterId: c, officerId: officerOf(c) });
    const expired: string[] = [];
    const lapsed: string[] = [];
    let dossierSeq = 0;
    for (let n = 0; n < shape.ticketsPerDay; n++) {
      const id = `t-${d}-${n}`;
      const q = pick(queueIds);
      // Morning 7:30-11:30 and afternoon 13:30-17:00, busier in the morning.
      const morning = rnd() < 0.6;
      const issuedAt = start + (morning ? 450 + rnd() * 240 : 810 + rnd() * 210) * MIN;
      const ticket = {
        id,
        day,
        issuedQueueId: q,
        queueId: q,
        seqNo: n + 1,
        number: `${String.fromCharCode(65 + queueIds.indexOf(q))}${String(n + 1).padStart(3, '0')}`,
        priorityClass: rnd() < 0.08 ? 'nguoi-cao-tuoi' : null,
        state: 'waiting',
        issuedAt,
        counterId: null,
        officerId: null,
        targetCounterId: null,
        targetedAt: null,
        firstCalledAt: null,
        calledAt: null,
        calls: 0,
        startedAt: null,
        finishedAt: null,
        transfers: 0,
        procedureCode: rnd() < 0.5 ? '1.001193' : null,
        phone: rnd() < 0.2 ? '0912345678' : null,
        predictedWaitSec: Math.round(rnd() * 1800),
        peopleAhead: Math.floor(rnd() * 30),
        note: null,
      };
      push(issuedAt, 'ticket:issued', { ticket });
      tickets++;
      const fate = rnd();
      if (fate < 0.02) {
        push(issuedAt + rnd() * 20 * MIN, 'ticket:cancelled', { ticketId: id, reason: null });
        continue;
      }
      if (fate < 0.05) {
        expired.push(id);
        continue;
      }
      // Waits: mostly under 20 minutes, a tail past the 30-minute target.
      let at = issuedAt + (rnd() < 0.85 ? rnd() * 20 : 20 + rnd() * 40) * MIN;
      let counter = pick(countersOf(q));
      const call = () => {
        push(at, 'ticket:called', { ticketId: id, counterId: counter, officerId: officerOf(counter), specific: false });
        if (rnd() < 0.1) push((at += 0.5 * MIN), 'ticket:recalled', { ticketId: id, counterId: counter });
      };
      call();
      if (fate < 0.1) {
        push((at += MIN), 'ticket:skipped', { ticketId: id, counterId: counter });
        if (rnd() < 0.7) continue;
        push((at += 5 * MIN), 'ticket:returned', { ticketId: id });
        at += 3 * MIN;
        call();
      } else if (fate < 0.14) {
        const to = pick(queueIds);
        push((at += 2 * MIN), 'ticket:transferred', {
          ticketId: id,
          fromCounterId: counter,
          toQueueId: to,
          toCounterId: null,
          note: null,
        });
        counter = pick(countersOf(to));
        at += 10 * MIN;
        call();
      }
      const startedAt = rnd() < 0.5 ? (at += 0.5 * MIN) : null;
      const from = startedAt ?? at;
      const serviceSec = Math.round((3 + rnd() * 17) * 60);
      at = from + serviceSec * 1000;
      if (startedAt !== null) push(startedAt, 'ticket:started', { ticketId: id, counterId: counter });
      const officerId = officerOf(counter);
      push(at, 'ticket:finished', {
        ticketId: id,
        counterId: counter,
        serviceSec,
        survey: {
          ticketId: id,
          number: ticket.number,
          counterId: counter,
          officerId,
          finishedAt: at,
          expiresAt: at + MIN,
          scaleId: SCALE,
        },
      });
      if (rnd() < 0.6) {
        const level = rnd() < 0.7 ? 'rat-hai-long' : rnd() < 0.8 ? 'hai-long' : 'khong-hai-long';
        push(at + 20_000, 'survey:rated', {
          ticketId: id,
          counterId: counter,
          officerId,
          queueId: q,
          scaleId: SCALE,
          answers: { [OVERALL]: level },
          reasonId: level === 'khong-hai-long' ? 'cho-lau' : null,
          deviceId: `survey-${counter.slice(5)}`,
        });
      } else lapsed.push(id);
      if (lapsed.length >= 10) push(at + MIN + 5000, 'survey:lapsed', { ticketIds: lapsed.splice(0) });
      if (rnd() < 0.4) {
        const code = `000.00.31.H38-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8)}-${String(++dossierSeq).padStart(4, '0')}`;
        const record = {
          code,
          receivedAt: at - 60_000,
          appointmentAt: at + 5 * 24 * 60 * MIN,
          procedure: { code: '1.001193', name: 'Đăng ký khai sinh', fieldName: 'Hộ tịch' },
          workingDays: 3,
          applicant: { name: 'Nguyễn Văn An', idNumber: '079203001234', address: 'Ấp 3, xã Tân Phú', phone: null, email: null },
          documents: [{ name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0 }],
          dossierSets: 1,
          channel: 1,
          resultDelivery: 'tai-bo-phan',
          agencyCode: '000.00.31.H38',
          officerName: officerId,
          secret: '123456',
        };
        push(at - 60_000, 'dossier:received', {
          code,
          day,
          sequence: dossierSeq,
          ticketId: id,
          counterId: counter,
          officerId,
          procedureCode: '1.001193',
          appointmentAt: record.appointmentAt,
          record,
        });
        const done = rnd() < 0.95;
        owe.run(
          `dossier:${code}`,
          `dossier:${code}`,
          JSON.stringify({ MaHoSo: code }),
          at,
          done ? 'done' : 'pending',
          at,
          done ? at + 5000 : null,
        );
        dossiers++;
      }
    }
    const end = start + 24 * 60 * MIN - 1000;
    if (lapsed.length > 0) push(end - 1, 'survey:lapsed', { ticketIds: lapsed.splice(0) });
    for (const c of counterIds) push(start + 17 * 60 * MIN, 'counter:closed', { counterId: c });
    push(end, 'day:rolled', { from: day, to: 'next', expiredTicketIds: expired });
    list.sort((a, b) => a.at - b.at || a.order - b.order);
    db.transaction(() => {
      for (const e of list)
        insert.run(e.type, Math.round(e.at), day, 'system', null, JSON.stringify({ ...e.payload, at: Math.round(e.at) }));
    })();
    events += list.length;
  }
  return { events, tickets, dossiers };
}
