import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Clock } from '../../core/ports.js';
import { toVnStamp } from '../province-shapes.js';
import { buildReferenceApp } from './reference-app.js';
import { openReferenceDb, type ReferenceDb } from './reference-db.js';
import { readFaults, type ReferenceFaults } from './reference-faults.js';
import { ReferenceStore } from './reference-store.js';

/** When the province moves a dossier on its own: received (2) -> in progress (4) -> result ready (9). */
export interface StatusSchedule {
  readonly processingAfterMs: number;
  readonly doneAfterMs: number;
  /** How often the schedule is checked against the clock. */
  readonly tickMs?: number;
}

export interface ReferenceProvinceOptions {
  readonly dbFile: string;
  /** 0 (the default) picks a free port; a restart keeps the one picked. */
  readonly port?: number;
  readonly host?: string;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  readonly token?: string | null;
  readonly faults?: Partial<ReferenceFaults>;
  readonly clock?: Clock;
  /** Null (the default): statuses move only on request (advanceStatuses, POST /_test/advance). */
  readonly statusSchedule?: StatusSchedule | null;
  /** The fault draw, in [0, 1); tests may pass a fixed sequence. */
  readonly random?: () => number;
  readonly logger?: FastifyServerOptions['logger'];
}

export interface ReferenceProvince {
  /** The base URL the hub's client is given, e.g. http://127.0.0.1:38411 */
  readonly url: string;
  readonly port: number;
  /** The open database (throws while stopped). */
  readonly db: ReferenceDb;
  /** What it holds, for tests (throws while stopped). */
  readonly store: ReferenceStore;
  /** Closes the port and the database; what was acknowledged stays in the file. */
  stop(): Promise<void>;
  /** Opens the same file and listens on the same port again. */
  start(): Promise<void>;
  setFaults(f: Partial<ReferenceFaults>): void;
  faults(): ReferenceFaults;
  /**
   * Moves dossiers one step on (2 -> 4, 4 -> 9): all of them or the one with `code`; with `onlyDue`,
   * only those whose time on the schedule has come. Answers how many moved.
   */
  advanceStatuses(o?: { code?: string; onlyDue?: boolean }): number;
}

const systemClock: Clock = { now: () => Date.now() };

/**
 * The reference province system: a small Fastify server with its own SQLite file that implements
 * the operations of the national integration as the hub's client calls them, validates what it
 * receives with the same shapes, keeps every item once, moves dossiers through their statuses, and
 * injects the faults a real province link has (see reference-faults.ts). Tests start it on port 0;
 * the demo runs it beside the hub.
 */
export async function startReferenceProvince(options: ReferenceProvinceOptions): Promise<ReferenceProvince> {
  const clock = options.clock ?? systemClock;
  const host = options.host ?? '127.0.0.1';
  const schedule = options.statusSchedule ?? null;
  if (schedule && !(schedule.processingAfterMs >= 0 && schedule.doneAfterMs >= 0 && (schedule.tickMs ?? 1000) > 0)) {
    throw new Error('reference province: the status schedule needs non-negative delays and a positive tick');
  }
  let faults = checked(options.faults ?? {});
  let port = options.port ?? 0;
  let open: { db: ReferenceDb; store: ReferenceStore; app: FastifyInstance; timer: NodeJS.Timeout | null } | null = null;
  let closing = false;

  function advance(o: { code?: string; onlyDue?: boolean } = {}): number {
    if (!open) throw new Error('reference province: stopped');
    const store = open.store;
    const now = clock.now();
    let moved = 0;
    for (const d of store.moving()) {
      if (o.code !== undefined && d.maHoSo !== o.code) continue;
      if (o.onlyDue) {
        if (!schedule) continue;
        const wait = d.status === 2 ? schedule.processingAfterMs : schedule.doneAfterMs;
        if (now - d.statusChangedAt < wait) continue;
      }
      store.provinceStep(d.maHoSo, d.status === 2 ? 4 : 9, now, toVnStamp(now));
      moved++;
    }
    return moved;
  }

  async function start(): Promise<void> {
    if (open) return;
    const db = openReferenceDb(options.dbFile);
    const store = new ReferenceStore(db);
    const app = buildReferenceApp({
      store: () => (open && !closing ? open.store : null),
      token: options.token ?? null,
      clock,
      random: options.random ?? Math.random,
      faults: () => faults,
      setFaults: (f) => (faults = f),
      advance,
      logger: options.logger ?? false,
    });
    try {
      await app.listen({ port, host });
    } catch (err) {
      db.close();
      throw err;
    }
    const address = app.server.address();
    if (typeof address === 'object' && address) port = address.port;
    const timer = schedule ? setInterval(() => tick(), schedule.tickMs ?? 1000) : null;
    timer?.unref();
    open = { db, store, app, timer };
    closing = false;
  }

  function tick(): void {
    try {
      advance({ onlyDue: true });
    } catch (err) {
      open?.app.log.error({ err }, 'reference province: status schedule failed');
    }
  }

  async function stop(): Promise<void> {
    if (!open) return;
    const current = open;
    closing = true;
    if (current.timer) clearInterval(current.timer);
    await current.app.close();
    current.db.close();
    open = null;
    closing = false;
  }

  await start();
  const live = () => {
    if (!open) throw new Error('reference province: stopped');
    return open;
  };
  return {
    get url() {
      return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    },
    get port() {
      return port;
    },
    get db() {
      return live().db;
    },
    get store() {
      return live().store;
    },
    stop,
    start,
    setFaults: (f) => (faults = checked(f)),
    faults: () => faults,
    advanceStatuses: advance,
  };
}

function checked(f: Partial<ReferenceFaults>): ReferenceFaults {
  const read = readFaults(f);
  if (!read.ok) throw new Error(`reference province: ${read.problems.join('; ')}`);
  return read.faults;
}
