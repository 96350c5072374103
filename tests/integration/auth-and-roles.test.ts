import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { deviceKey, testSite } from '../helpers/test-site.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { api, connectClient, newCommandId, signIn, startTestHub, TEST_PASSWORD, type TestHub } from '../helpers/test-hub.js';

describe('who may do what', () => {
  let t: TestHub;
  const clock = new ManualClock(Date.now());

  beforeAll(async () => {
    const site = testSite();
    const officers = site.officers.map((o, i) => (i === 5 && o.role === 'officer' ? { ...o, disabled: true } : o));
    t = await startTestHub({ site: { ...site, officers }, clock, sessionHours: 1 });
  });
  afterAll(async () => t?.dispose());

  const officer = (i: number) => t.site.officers.filter((o) => o.role === 'officer')[i]!;
  const supervisor = () => t.site.officers.find((o) => o.role === 'supervisor')!;

  it('refuses wrong passwords and unknown users alike, and disabled accounts', async () => {
    const wrong = await api(t.url, 'POST', '/api/auth/login', {}, { username: officer(0).username, password: 'sai-mat-khau' });
    const unknown = await api(t.url, 'POST', '/api/auth/login', {}, { username: 'khong-ton-tai', password: TEST_PASSWORD });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(!wrong.body.ok && wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(!unknown.body.ok && unknown.body.error.code).toBe('INVALID_CREDENTIALS');
    const disabled = t.site.officers.find((o) => o.disabled)!;
    const res = await api(t.url, 'POST', '/api/auth/login', {}, { username: disabled.username, password: TEST_PASSWORD });
    expect(!res.body.ok && res.body.error.code).toBe('ACCOUNT_DISABLED');
  });

  it('ends a session on sign-out, for REST and for a connected socket', async () => {
    const token = await signIn(t.url, officer(0).username);
    const client = await connectClient(t.url, { token });
    expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await api(t.url, 'POST', '/api/auth/logout', { token })).status).toBe(200);
    expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(401);
    const ack = await client.send('counter:open', { commandId: newCommandId(), counterId: t.site.counters[0]!.id });
    expect(!ack.ok && ack.error.code).toBe('UNAUTHENTICATED');
    client.close();
  });

  it('lets a supervisor end all sessions of an officer, and no officer those of another', async () => {
    const victim = officer(4);
    const token = await signIn(t.url, victim.username);
    const other = await signIn(t.url, officer(0).username);
    const byOfficer = await api(t.url, 'POST', `/api/officers/${victim.id}/revoke-sessions`, { token: other });
    expect(byOfficer.status).toBe(403);
    expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(200);
    const sup = await signIn(t.url, supervisor().username);
    const res = await api<{ revoked: number }>(t.url, 'POST', `/api/officers/${victim.id}/revoke-sessions`, { token: sup });
    expect(res.body.ok && res.body.data.revoked).toBe(1);
    expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(401);
    const unknown = await api(t.url, 'POST', '/api/officers/khong-co/revoke-sessions', { token: sup });
    expect(unknown.status).toBe(404);
  });

  it('expires sessions after their lifetime', async () => {
    const token = await signIn(t.url, officer(1).username);
    clock.advance(61 * 60_000);
    const res = await api(t.url, 'GET', '/api/auth/me', { token });
    expect(res.status).toBe(401);
  });

  it('lets no one in without a token or key, over REST or socket.io', async () => {
    expect((await api(t.url, 'GET', '/api/hall', {})).status).toBe(401);
    expect((await api(t.url, 'GET', '/api/hall', { deviceKey: 'not-a-key-of-this-hall-at-all' })).status).toBe(401);
    const socket = io(t.url, { auth: { deviceKey: 'wrong' }, transports: ['websocket'], reconnection: false });
    const err = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.on('connect_error', resolve));
    socket.close();
    expect(err.data?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps a hall display and a kiosk to their own narrow rights', async () => {
    const display = deviceKey(t.site, 'display');
    const kiosk = deviceKey(t.site, 'kiosk');
    const queueId = t.site.queues[0]!.id;
    const counterId = t.site.counters[0]!.id;
    const seq = t.hub.hall.snapshot().seq;
    const byDisplay = await api(t.url, 'POST', '/api/tickets', { deviceKey: display }, { commandId: newCommandId(), queueId });
    expect(byDisplay.status).toBe(403);
    const displaySocket = await connectClient(t.url, { deviceKey: display });
    const call = await displaySocket.send('ticket:call-next', { commandId: newCommandId(), counterId });
    expect(!call.ok && call.error.code).toBe('FORBIDDEN');
    displaySocket.close();
    const kioskCall = await api(
      t.url,
      'POST',
      `/api/counters/${counterId}/call-next`,
      { deviceKey: kiosk },
      { commandId: newCommandId() },
    );
    expect(kioskCall.status).toBe(403);
    expect(t.hub.hall.snapshot().seq).toBe(seq);
    const kioskIssue = await api(t.url, 'POST', '/api/tickets', { deviceKey: kiosk }, { commandId: newCommandId(), queueId });
    expect(kioskIssue.status).toBe(200);
  });

  it('lets an officer act only on the counter they opened; a supervisor may step in', async () => {
    const counter = t.site.counters[1]!;
    const a = await signIn(t.url, officer(2).username);
    const b = await signIn(t.url, officer(3).username);
    const sup = await signIn(t.url, supervisor().username);
    expect(
      (await api(t.url, 'POST', `/api/counters/${counter.id}/open`, { token: a }, { commandId: newCommandId() })).status,
    ).toBe(200);
    const taken = await api(t.url, 'POST', `/api/counters/${counter.id}/open`, { token: b }, { commandId: newCommandId() });
    expect(!taken.body.ok && taken.body.error.code).toBe('COUNTER_TAKEN');
    await api(t.url, 'POST', '/api/tickets', { token: a }, { commandId: newCommandId(), queueId: counter.queues[0]!.queueId });
    const intruder = await api(
      t.url,
      'POST',
      `/api/counters/${counter.id}/call-next`,
      { token: b },
      { commandId: newCommandId() },
    );
    expect(intruder.status).toBe(403);
    expect(!intruder.body.ok && intruder.body.error.code).toBe('NOT_YOUR_COUNTER');
    const bySupervisor = await api(
      t.url,
      'POST',
      `/api/counters/${counter.id}/call-next`,
      { token: sup },
      { commandId: newCommandId() },
    );
    expect(bySupervisor.status).toBe(200);
  });
});
