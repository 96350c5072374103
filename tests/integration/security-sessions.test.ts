import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../common/contract/errors.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { deviceKey } from '../helpers/test-site.js';
import { api, connectClient, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

/**
 * Sessions end when they should (their lifetime by the hub's clock, sign-out) on REST and on an
 * open socket alike; a device key replaced in the settings stops working on REST at once; and the
 * keys of screens that only show things (hall TV, counter screen) can issue, call or cancel nothing.
 */
describe('sessions, device keys and what a screen key may do', () => {
  let t: TestHub;
  const clock = new ManualClock(Date.parse('2026-03-02T01:00:00Z'));
  const eventCount = () => (t.hub.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

  beforeAll(async () => {
    t = await startTestHub({ clock, sessionHours: 8 });
  });
  afterAll(async () => t?.dispose());

  const officer = (i: number) => t.site.officers.filter((o) => o.role === 'officer')[i]!;

  it('ends a session at its expiry, not a minute before, for REST and an open socket', async () => {
    const token = await signIn(t.url, officer(0).username);
    const socket = await connectClient(t.url, { token });
    try {
      clock.advance(8 * 3_600_000 - 60_000);
      expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(200);
      const before = await socket.send('counter:open', { commandId: newCommandId(), counterId: t.site.counters[0]!.id });
      expect(before.ok).toBe(true);
      clock.advance(60_000);
      expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(401);
      const after = await socket.send('counter:pause', {
        commandId: newCommandId(),
        counterId: t.site.counters[0]!.id,
        reason: 'Họp',
      });
      expect(!after.ok && after.error.code).toBe('UNAUTHENTICATED');
      // A fresh sign-in works again, and the expired token stays dead.
      const fresh = await signIn(t.url, officer(0).username);
      expect((await api(t.url, 'GET', '/api/auth/me', { token: fresh })).status).toBe(200);
      expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(401);
      await api(t.url, 'POST', `/api/counters/${t.site.counters[0]!.id}/close`, { token: fresh }, { commandId: newCommandId() });
    } finally {
      socket.close();
    }
  });

  it('revokes only the session signed out, on REST and on its socket', async () => {
    const desk = await signIn(t.url, officer(1).username);
    const laptop = await signIn(t.url, officer(1).username);
    const socket = await connectClient(t.url, { token: desk });
    try {
      expect((await api(t.url, 'POST', '/api/auth/logout', { token: desk })).status).toBe(200);
      expect((await api(t.url, 'GET', '/api/auth/me', { token: desk })).status).toBe(401);
      expect((await api(t.url, 'POST', '/api/auth/logout', { token: desk })).status).toBe(401);
      const ack = await socket.send('ticket:issue', { commandId: newCommandId(), queueId: t.site.queues[0]!.id });
      expect(!ack.ok && ack.error.code).toBe('UNAUTHENTICATED');
      expect((await api(t.url, 'GET', '/api/auth/me', { token: laptop })).status).toBe(200);
    } finally {
      socket.close();
    }
  });

  it('keeps a hall TV key and a counter-screen key from issuing, calling or cancelling, over REST and socket', async () => {
    const queueId = t.site.queues[0]!.id;
    const counterId = t.site.counters[0]!.id;
    const ticketId = (await issueAtKiosk(t, queueId)).ticket.id;
    const keys = [deviceKey(t.site, 'display'), deviceKey(t.site, 'counter-screen', counterId)];
    const before = eventCount();
    const attempts: [string, string, Record<string, unknown>][] = [
      ['ticket:issue', '/api/tickets', { queueId }],
      ['ticket:call-next', `/api/counters/${counterId}/call-next`, {}],
      ['ticket:call-specific', `/api/counters/${counterId}/call-specific`, { ticketId }],
      ['ticket:cancel', `/api/tickets/${ticketId}/cancel`, {}],
      ['counter:open', `/api/counters/${counterId}/open`, {}],
    ];
    for (const key of keys) {
      const socket = await connectClient(t.url, { deviceKey: key });
      try {
        for (const [event, path, input] of attempts) {
          const rest = await api(t.url, 'POST', path, { deviceKey: key }, { commandId: newCommandId(), ...input });
          expect([event, rest.status, !rest.body.ok && rest.body.error.code]).toEqual([event, 403, 'FORBIDDEN']);
          const pathIds = event === 'ticket:issue' ? {} : event === 'ticket:cancel' ? { ticketId } : { counterId };
          const ack = await socket.send(event, { commandId: newCommandId(), ...pathIds, ...input });
          expect([event, !ack.ok && ack.error.code]).toEqual([event, 'FORBIDDEN']);
        }
      } finally {
        socket.close();
      }
    }
    expect(eventCount()).toBe(before);
    // The same commands from an officer are real commands (so the refusals above were about the key).
    const sup = await signIn(t.url, t.site.officers.find((o) => o.role === 'supervisor')!.username);
    const cancel = await api(t.url, 'POST', `/api/tickets/${ticketId}/cancel`, { token: sup }, { commandId: newCommandId() });
    expect(cancel.status).toBe(200);
  });

  it('refuses a rotated-out kiosk key on REST as soon as the new settings are saved', async () => {
    const admin = await signIn(t.url, 'quantri');
    const oldKey = deviceKey(t.site, 'kiosk');
    const newKey = 'mot-khoa-kiosk-moi-0123456789abcdef';
    expect((await api(t.url, 'GET', '/api/hall', { deviceKey: oldKey })).status).toBe(200);
    const current = await api<{ config: SiteConfig; revision: string }>(t.url, 'GET', '/api/admin/settings', { token: admin });
    if (!current.body.ok) throw new Error(current.body.error.code);
    const { config, revision } = current.body.data;
    const devices = config.devices.map((d) => (d.kind === 'kiosk' ? { ...d, key: newKey } : d));
    const saved = await api(t.url, 'PUT', '/api/admin/settings', { token: admin }, { config: { ...config, devices }, revision });
    expect(saved.status).toBe(200);

    const queueId = t.site.queues[0]!.id;
    const seq = t.hub.hall.snapshot().seq;
    const refused = await api(t.url, 'POST', '/api/tickets', { deviceKey: oldKey }, { commandId: newCommandId(), queueId });
    expect([refused.status, !refused.body.ok && refused.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await api(t.url, 'GET', '/api/hall', { deviceKey: oldKey })).status).toBe(401);
    expect(t.hub.hall.snapshot().seq).toBe(seq);
    const accepted = await api<unknown>(
      t.url,
      'POST',
      '/api/tickets',
      { deviceKey: newKey },
      { commandId: newCommandId(), queueId },
    );
    expect((accepted.body as Ack<unknown>).ok).toBe(true);
  });
});
