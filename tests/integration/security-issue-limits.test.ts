import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../common/contract/errors.js';
import { ISSUE_RATES } from '../../server/services/issue-limits.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { deviceKey } from '../helpers/test-site.js';
import { api, connectClient, newCommandId, signIn, startTestHub, type TestClient, type TestHub } from '../helpers/test-hub.js';

const BURST = ISSUE_RATES.perActor.burst;
const SECONDS_PER_TICKET = 60 / ISSUE_RATES.perActor.perMinute;

/**
 * A kiosk (or anyone) taking numbers faster than any citizen could is slowed, per device and per
 * address, over REST and socket.io alike: the refused ticket is not issued, and the kiosk may go on
 * once its bucket refills. The hub's clock is moved by hand, so nothing here waits.
 */
describe('rate limits on issuing tickets', () => {
  let t: TestHub | null = null;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await t?.dispose();
    t = null;
  });

  const start = async () => {
    const clock = new ManualClock(Date.parse('2026-03-02T01:30:00Z'));
    t = await startTestHub({ clock, rateLimits: true });
    return { hub: t, clock, queueId: t.site.queues[0]!.id, kiosk: deviceKey(t.site, 'kiosk') };
  };
  const issuedCount = (hub: TestHub) => hub.hub.hall.snapshot().tickets.length;

  it('lets a kiosk burst ten over REST, refuses the eleventh with Retry-After, and lets it go on as the bucket refills', async () => {
    const { hub, clock, queueId, kiosk } = await start();
    for (let i = 0; i < BURST; i++) {
      expect(
        (await api(hub.url, 'POST', '/api/tickets', { deviceKey: kiosk }, { commandId: newCommandId(), queueId })).status,
      ).toBe(200);
    }
    const seq = hub.hub.hall.snapshot().seq;
    const res = await fetch(`${hub.url}/api/tickets`, {
      method: 'POST',
      headers: { 'x-device-key': kiosk, 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: newCommandId(), queueId }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(String(SECONDS_PER_TICKET));
    const body = (await res.json()) as Ack<unknown>;
    expect(!body.ok && body.error.code).toBe('RATE_LIMITED');
    expect(hub.hub.hall.snapshot().seq).toBe(seq);
    expect(issuedCount(hub)).toBe(BURST);

    clock.advance(SECONDS_PER_TICKET * 1000);
    expect(
      (await api(hub.url, 'POST', '/api/tickets', { deviceKey: kiosk }, { commandId: newCommandId(), queueId })).status,
    ).toBe(200);
    expect(
      (await api(hub.url, 'POST', '/api/tickets', { deviceKey: kiosk }, { commandId: newCommandId(), queueId })).status,
    ).toBe(429);
    expect(issuedCount(hub)).toBe(BURST + 1);
  });

  it('counts a kiosk’s socket and REST requests together, and answers RATE_LIMITED in the ack', async () => {
    const { hub, clock, queueId, kiosk } = await start();
    const socket = await connectClient(hub.url, { deviceKey: kiosk });
    clients.push(socket);
    for (let i = 0; i < BURST / 2; i++) {
      expect((await socket.send('ticket:issue', { commandId: newCommandId(), queueId })).ok).toBe(true);
      expect(
        (await api(hub.url, 'POST', '/api/tickets', { deviceKey: kiosk }, { commandId: newCommandId(), queueId })).status,
      ).toBe(200);
    }
    const refused = await socket.send('ticket:issue', { commandId: newCommandId(), queueId });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'RATE_LIMITED', messageKey: 'error.RATE_LIMITED' });
    expect(issuedCount(hub)).toBe(BURST);
    clock.advance(SECONDS_PER_TICKET * 1000);
    expect((await socket.send('ticket:issue', { commandId: newCommandId(), queueId })).ok).toBe(true);
  });

  it('limits each officer on their own and one address over all of them, over REST and socket', async () => {
    const { hub, queueId } = await start();
    const officers = hub.site.officers.filter((o) => o.role !== 'admin').slice(0, 4);
    const tokens = await Promise.all(officers.map((o) => signIn(hub.url, o.username)));
    const sockets = await Promise.all(tokens.map((token) => connectClient(hub.url, { token })));
    clients.push(...sockets);
    const perIp = ISSUE_RATES.perIp.burst;
    const codes: (string | null)[] = [];
    // Round robin, so no officer reaches their own limit before the address reaches its.
    for (let i = 0; codes.length < perIp + 2; i++) {
      const who = i % tokens.length;
      if (i % 2 === 0) {
        const res = await api(hub.url, 'POST', '/api/tickets', { token: tokens[who] }, { commandId: newCommandId(), queueId });
        codes.push(res.body.ok ? null : res.body.error.code);
      } else {
        const ack = await sockets[who]!.send('ticket:issue', { commandId: newCommandId(), queueId });
        codes.push(ack.ok ? null : ack.error.code);
      }
    }
    expect(codes.slice(0, perIp)).toEqual(Array(perIp).fill(null));
    expect(codes.slice(perIp)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(issuedCount(hub)).toBe(perIp);
    expect(Math.ceil(perIp / tokens.length)).toBeLessThanOrEqual(BURST);
  });

  it('is off when the hub is built without limits (load benchmarks)', async () => {
    const clock = new ManualClock(Date.parse('2026-03-02T01:30:00Z'));
    t = await startTestHub({ clock, rateLimits: false });
    const kiosk = deviceKey(t.site, 'kiosk');
    for (let i = 0; i < BURST + 5; i++) {
      const res = await api(
        t.url,
        'POST',
        '/api/tickets',
        { deviceKey: kiosk },
        { commandId: newCommandId(), queueId: t.site.queues[0]!.id },
      );
      expect(res.status).toBe(200);
    }
  });
});
