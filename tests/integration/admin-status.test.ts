import { Value } from '@sinclair/typebox/value';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_STATUS_EVENT, AdminStatusSchema, type AdminStatus } from '../../common/contract/admin-status.js';
import type { CallResultView } from '../../common/contract/view-schemas.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { createHttpProvinceClient } from '../../server/forwarding/http-province-client.js';
import {
  startReferenceProvince,
  type ReferenceProvince,
} from '../../server/forwarding/reference-province/start-reference-province.js';
import { FakeHid } from '../helpers/fake-hid.js';
import {
  api,
  connectClient,
  eventually,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  type TestHub,
} from '../helpers/test-hub.js';
import { deviceKey, testSite } from '../helpers/test-site.js';

interface Watcher {
  readonly socket: Socket;
  readonly statuses: AdminStatus[];
  latest(): AdminStatus | undefined;
  /** A round trip on this socket: anything the hub sent it before is in `statuses` once it resolves. */
  flush(): Promise<void>;
}

/** A socket listening for admin:status from the very first packet (the hub sends it with the snapshot). */
async function watch(url: string, auth: { token?: string; deviceKey?: string }): Promise<Watcher> {
  const socket = io(url, { auth, transports: ['websocket'], autoConnect: false, reconnection: false });
  const statuses: AdminStatus[] = [];
  socket.on(ADMIN_STATUS_EVENT, (s: AdminStatus) => statuses.push(s));
  const snapshot = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no snapshot within 5 s')), 5000);
    socket.once('hall:snapshot', () => (clearTimeout(timer), resolve()));
    socket.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
  });
  socket.connect();
  await snapshot;
  return {
    socket,
    statuses,
    latest: () => statuses.at(-1),
    flush: async () => void (await socket.timeout(5000).emitWithAck('hall:snapshot')),
  };
}

const device = (s: AdminStatus | undefined, id: string) => s?.devices.find((d) => d.id === id);

describe('admin:status pushed to supervisors and admins', () => {
  let t: TestHub;
  const sockets: Socket[] = [];
  const closeAll = () => sockets.splice(0).forEach((s) => s.close());
  let supervisor: Watcher;

  beforeAll(async () => {
    t = await startTestHub();
    supervisor = await watch(t.url, { token: await signIn(t.url, 'giamsat') });
    sockets.push(supervisor.socket);
  });
  afterAll(async () => {
    closeAll();
    await t?.dispose();
  });

  it('reaches a supervisor on connect with every configured device, the backlog and the counters', async () => {
    await eventually(() => supervisor.statuses.length > 0, 3000, 'the first status');
    const s = supervisor.latest()!;
    expect(Value.Check(AdminStatusSchema, s)).toBe(true);
    expect(s.devices.map((d) => d.id).sort()).toEqual(t.site.devices.map((d) => d.id).sort());
    expect(device(s, 'hall-display')).toMatchObject({
      kind: 'display',
      name: 'Màn hình sảnh',
      online: false,
      state: 'offline',
      lastSeenAt: null,
      detail: 'Never connected',
      detailVi: 'Chưa kết nối lần nào',
    });
    expect(device(s, 'survey-3')).toMatchObject({ kind: 'survey', counterId: 'quay-3' });
    expect(s.screensConnected).toBe(0);
    expect(s.outbox).toEqual({ pending: 0, dead: 0, lastSuccessAt: null, lastError: null });
    expect(s.counters.map((c) => c.id).sort()).toEqual(t.site.counters.map((c) => c.id).sort());
    expect(s.counters.every((c) => c.since === null)).toBe(true);

    const admin = await watch(t.url, { token: await signIn(t.url, 'quantri') });
    sockets.push(admin.socket);
    await eventually(() => admin.statuses.length > 0, 3000, "the admin's first status");
    expect(admin.latest()?.devices).toHaveLength(t.site.devices.length);
  });

  it('comes again when a display connects and when it leaves', async () => {
    const before = Date.now();
    const display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    await eventually(() => device(supervisor.latest(), 'hall-display')?.online === true, 3000, 'the display online');
    const online = supervisor.latest()!;
    expect(online.screensConnected).toBe(1);
    expect(device(online, 'hall-display')).toMatchObject({ state: 'ok', detail: 'Connected', detailVi: 'Đang kết nối' });
    expect(device(online, 'hall-display')!.lastSeenAt).toBeGreaterThanOrEqual(before);

    const count = supervisor.statuses.length;
    display.close();
    await eventually(() => device(supervisor.latest(), 'hall-display')?.online === false, 3000, 'the display offline');
    expect(supervisor.statuses.length).toBeGreaterThan(count);
    const offline = supervisor.latest()!;
    expect(offline.screensConnected).toBe(0);
    expect(device(offline, 'hall-display')).toMatchObject({ state: 'offline', detail: 'Not connected', detailVi: 'Mất kết nối' });
    expect(device(offline, 'hall-display')!.lastSeenAt).toBeGreaterThanOrEqual(before);
  });

  it('comes again when a counter opens and when the backlog owed to the province grows', async () => {
    const token = await signIn(t.url, 'canbo3');
    const counter = 'quay-3';
    await api(t.url, 'POST', `/api/counters/${counter}/open`, { token }, { commandId: newCommandId() });
    await eventually(
      () => supervisor.latest()?.counters.find((c) => c.id === counter)?.since !== null,
      3000,
      'the counter open since',
    );
    expect(supervisor.latest()!.counters.find((c) => c.id === counter)!.since).toBe(
      t.hub.hall.currentState.counters.get(counter)!.since,
    );

    // A citizen served and rated at counter 3: the rating is owed to the province system.
    const survey = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'survey', counter) });
    sockets.push(survey.socket);
    const queueId = t.site.counters.find((c) => c.id === counter)!.queues[0]!.queueId;
    const { ticket } = await issueAtKiosk(t, queueId);
    const called = await api<CallResultView>(
      t.url,
      'POST',
      `/api/counters/${counter}/call-next`,
      { token },
      { commandId: newCommandId() },
    );
    expect(called.body.ok && called.body.data.ticket?.id).toBe(ticket.id);
    await api(t.url, 'POST', `/api/counters/${counter}/finish`, { token }, { commandId: newCommandId() });
    await eventually(() => survey.mirror.view?.surveys.some((c) => c.ticketId === ticket.id) === true, 3000, 'the chance');
    const rated = await survey.send('survey:rate', {
      commandId: newCommandId(),
      ticketId: ticket.id,
      answers: { 'giai-quyet-tthc': 'hai-long' },
    });
    expect(rated.ok).toBe(true);
    await eventually(() => supervisor.latest()?.outbox.pending === 1, 3000, 'the backlog of one');
    expect(supervisor.latest()!.outbox).toMatchObject({ pending: 1, dead: 0 });
  });

  it('never reaches an officer, a kiosk or a session that was signed out', async () => {
    const officer = await watch(t.url, { token: await signIn(t.url, 'canbo1') });
    const kiosk = await watch(t.url, { deviceKey: deviceKey(t.site, 'kiosk') });
    const leavingToken = await signIn(t.url, 'giamsat');
    const leaving = await watch(t.url, { token: leavingToken });
    sockets.push(officer.socket, kiosk.socket, leaving.socket);
    await eventually(() => leaving.statuses.length > 0, 3000, "the second supervisor's first status");
    const signOut = await fetch(`${t.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${leavingToken}` },
    });
    expect(signOut.status).toBe(200);
    const heard = leaving.statuses.length;

    // A change every watcher would hear: a counter screen connects.
    const screen = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'counter-screen', 'quay-1') });
    sockets.push(screen.socket);
    await eventually(() => device(supervisor.latest(), 'counter-screen-1')?.online === true, 3000, 'the screen online');
    await Promise.all([officer.flush(), kiosk.flush(), leaving.flush()]);
    expect(officer.statuses).toEqual([]);
    expect(kiosk.statuses).toEqual([]);
    expect(leaving.statuses).toHaveLength(heard);
  });
});

describe('admin:status follows the hardware and the forwarding', () => {
  let t: TestHub;
  let reference: ReferenceProvince;
  let dir: string;
  const hid = new FakeHid();
  let supervisor: Watcher;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-admin-status-'));
    reference = await startReferenceProvince({ dbFile: join(dir, 'province.db'), token: 'bi-mat', logger: false });
    const site: SiteConfig = testSite();
    site.devices.push({
      id: 'keypad-3',
      kind: 'keypad',
      name: 'Bàn phím quầy 3',
      model: 'qmk/raw-hid-macropad',
      link: 'hid://1209:4d43',
      counterId: 'quay-3',
    });
    t = await startTestHub({
      site,
      hid,
      province: createHttpProvinceClient({ baseUrl: reference.url, token: 'bi-mat', timeoutMs: 2000 }),
      outboxWorker: { baseDelayMs: 50, maxDelayMs: 500, pollMs: 100 },
    });
    supervisor = await watch(t.url, { token: await signIn(t.url, 'giamsat') });
  });
  afterAll(async () => {
    supervisor?.socket.close();
    await t?.dispose();
    await reference?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks a keypad online when plugged and offline when pulled, sampled by the hub on its own', async () => {
    const keypad = hid.plug({ vendorId: 0x1209, productId: 0x4d43, usagePage: 0xff60, usage: 0x61 });
    await eventually(() => device(supervisor.latest(), 'keypad-3')?.state === 'ok', 8000, 'the keypad up');
    expect(device(supervisor.latest(), 'keypad-3')).toMatchObject({ online: true, counterId: 'quay-3' });
    keypad.unplug();
    await eventually(() => device(supervisor.latest(), 'keypad-3')?.online === false, 8000, 'the keypad down');
    const down = device(supervisor.latest(), 'keypad-3')!;
    expect(['offline', 'unknown']).toContain(down.state);
    expect(down.lastSeenAt).not.toBeNull();
  });

  it('shows the backlog drained and when the last item reached the province', async () => {
    const token = await signIn(t.url, 'canbo3');
    await api(t.url, 'POST', '/api/counters/quay-3/open', { token }, { commandId: newCommandId() });
    const survey = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'survey', 'quay-3') });
    try {
      const queueId = t.site.counters.find((c) => c.id === 'quay-3')!.queues[0]!.queueId;
      const { ticket } = await issueAtKiosk(t, queueId);
      await api(t.url, 'POST', '/api/counters/quay-3/call-next', { token }, { commandId: newCommandId() });
      await api(t.url, 'POST', '/api/counters/quay-3/finish', { token }, { commandId: newCommandId() });
      await eventually(() => survey.mirror.view?.surveys.some((c) => c.ticketId === ticket.id) === true, 3000, 'the chance');
      const rated = await survey.send('survey:rate', {
        commandId: newCommandId(),
        ticketId: ticket.id,
        answers: { 'giai-quyet-tthc': 'rat-hai-long' },
      });
      expect(rated.ok).toBe(true);
      await eventually(() => typeof supervisor.latest()?.outbox.lastSuccessAt === 'number', 8000, 'the item sent');
      expect(supervisor.latest()!.outbox).toMatchObject({ pending: 0, dead: 0, lastError: null });
      const sent = t.hub.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'done'").get() as { n: number };
      expect(sent.n).toBe(1);
    } finally {
      survey.close();
    }
  });
});
