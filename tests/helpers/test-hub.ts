import { mkdtempSync, rmSync } from 'node:fs';
import type { BackupOptions } from '../../server/services/backup-service.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { buildHub, type Hub } from '../../server/app.js';
import type { HidBackend } from '../../server/devices/transports/hid/hid-backend.js';
import type { ProvinceSystem } from '../../server/forwarding/province-system.js';
import type { OutboxWorkerOptions } from '../../server/forwarding/outbox-worker.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import type { Clock } from '../../server/core/ports.js';
import { randomIds, systemClock } from '../../server/services/system-ports.js';
import type { Ack } from '../../common/contract/errors.js';
import type { IssueResult } from '../../common/contract/view-schemas.js';
import { HallMirror } from '../../ui/realtime/hall-mirror.js';
import { testSite } from './test-site.js';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

export interface TestHub {
  readonly hub: Hub;
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  readonly site: SiteConfig;
  /** Stops this hub and starts a new one on the same database file and port. */
  restart(): Promise<TestHub>;
  stop(): Promise<void>;
  /** Removes the temp folder too. */
  dispose(): Promise<void>;
}

/**
 * A real hub: a real SQLite file in a temp folder, listening on a free loopback port, every officer
 * with the known test password.
 */
export async function startTestHub(
  opts: {
    site?: SiteConfig;
    clock?: Clock;
    dir?: string;
    port?: number;
    sessionHours?: number;
    webRoot?: string;
    /** A procedure catalogue folder to import on first start (none by default: most tests need none). */
    catalogueDir?: string;
    /** USB HID access for keypads and survey pads (a fake; no site in tests opens the real one). */
    hid?: HidBackend;
    /** The province system the outbox drains to and the kiosk looks dossiers up in (none by default). */
    province?: ProvinceSystem;
    outboxWorker?: OutboxWorkerOptions;
    /** Sign-in and ticket-issue rate limits; off unless asked for, so tests may burst like no kiosk would. */
    rateLimits?: boolean;
    backup?: Partial<BackupOptions>;
  } = {},
): Promise<TestHub> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'motcua-hub-'));
  const site = opts.site ?? testSite();
  const hub = await buildHub({
    dbFile: join(dir, 'hall.db'),
    site,
    // Admin saves land here as on a real hub, and a restart starts from what was saved.
    siteFile: join(dir, 'site.yaml'),
    // No nightly backup in a test hub unless a test asks (a long test would otherwise make one a
    // minute in); backups on demand still work.
    backup: opts.backup ?? { checkEveryMs: 2 ** 31 - 1 },
    clock: opts.clock ?? systemClock,
    ids: randomIds,
    logger: false,
    rateLimits: opts.rateLimits ?? false,
    ...(opts.sessionHours !== undefined ? { sessionHours: opts.sessionHours } : {}),
    ...(opts.webRoot !== undefined ? { webRoot: opts.webRoot } : {}),
    ...(opts.catalogueDir !== undefined ? { catalogueDir: opts.catalogueDir } : {}),
    ...(opts.hid !== undefined ? { hid: opts.hid } : {}),
    ...(opts.province !== undefined ? { province: opts.province } : {}),
    ...(opts.outboxWorker !== undefined ? { outboxWorker: opts.outboxWorker } : {}),
  });
  for (const o of site.officers) await hub.auth.setPassword(o.id, TEST_PASSWORD);
  await hub.app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const address = hub.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const self: TestHub = {
    hub,
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    site,
    async restart() {
      await hub.close();
      return startTestHub({ ...opts, site: hub.settings.current(), dir, port });
    },
    stop: () => hub.close(),
    async dispose() {
      await hub.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}

export async function signIn(url: string, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as Ack<{ token: string }>;
  if (!body.ok) throw new Error(`sign-in of ${username} failed: ${body.error.code}`);
  return body.data.token;
}

let commandCounter = 0;
export function newCommandId(): string {
  return `cmd-${process.pid}-${Date.now()}-${++commandCounter}`;
}

/** A REST call with a JSON body; answers the status and the parsed envelope. */
export async function api<T = unknown>(
  url: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  auth: { token?: string; deviceKey?: string },
  body?: unknown,
): Promise<{ status: number; body: Ack<T> }> {
  const headers: Record<string, string> = {};
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.deviceKey) headers['x-device-key'] = auth.deviceKey;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as Ack<T> };
}

export interface TestClient {
  readonly socket: Socket;
  readonly mirror: HallMirror;
  /** Sends a command and waits for its ack. */
  send<T = unknown>(event: string, input: Record<string, unknown>): Promise<Ack<T>>;
  close(): void;
}

/** A socket.io client with a hall mirror, connected and holding its first snapshot. */
export async function connectClient(url: string, auth: { token?: string; deviceKey?: string }): Promise<TestClient> {
  const socket = io(url, { auth, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 });
  const mirror = new HallMirror(socket);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no snapshot within 5 s')), 5000);
    const off = mirror.subscribe(() => {
      clearTimeout(timer);
      off();
      resolve();
    });
    socket.on('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  return {
    socket,
    mirror,
    send: (event, input) => socket.timeout(5000).emitWithAck(event, input),
    close: () => socket.close(),
  };
}

/** Waits until `predicate` holds, checking every 20 ms, or fails after `ms`. */
export async function eventually(predicate: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Takes a ticket at the test site's kiosk over REST; fails the test if the hub refuses. */
export async function issueAtKiosk(t: TestHub, queueId: string, extra: Record<string, unknown> = {}): Promise<IssueResult> {
  const key = t.site.devices.find((d) => d.kind === 'kiosk' && d.key)?.key;
  if (!key) throw new Error('the test site has no kiosk');
  const res = await api<IssueResult>(
    t.url,
    'POST',
    '/api/tickets',
    { deviceKey: key },
    { commandId: newCommandId(), queueId, ...extra },
  );
  if (!res.body.ok) throw new Error(`kiosk ticket refused: ${res.body.error.code}`);
  return res.body.data;
}
