import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../server/config/load-site-config.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
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
import { deviceKey } from '../helpers/test-site.js';

interface SettingsView {
  config: SiteConfig;
  revision: string;
  restartPending: string[];
}
interface Saved {
  revision: string;
  changed: string[];
  restartNeeded: string[];
  newPasswords: { username: string; password: string }[];
}

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.dispose();
  hub = null;
});

async function settingsOf(t: TestHub, token: string): Promise<SettingsView> {
  const res = await api<SettingsView>(t.url, 'GET', '/api/admin/settings', { token });
  if (!res.body.ok) throw new Error(res.body.error.code);
  return res.body.data;
}

const save = (t: TestHub, token: string, config: unknown, revision: string) =>
  api<Saved>(t.url, 'PUT', '/api/admin/settings', { token }, { config, revision });

/** A new queue "G" for one field, served by a new counter 7. */
function withNewQueueAndCounter(config: SiteConfig): SiteConfig {
  return {
    ...config,
    queues: [
      ...config.queues,
      {
        id: 'tu-phap',
        name: 'Tư pháp – Hộ tịch mới',
        nameEn: 'Justice',
        series: { prefix: 'G', start: 1, width: 3 },
        defaultServiceMinutes: 12,
        fields: ['Chứng thực'],
      },
    ],
    counters: [
      ...config.counters,
      {
        id: 'quay-7',
        number: 7,
        name: 'Quầy 7 – Tư pháp',
        queues: [{ queueId: 'tu-phap', role: 'primary' }],
        priorityCounter: false,
      },
    ],
  };
}

describe('admin settings: checked whole, saved, audited, applied without a restart', () => {
  it('a new queue and counter reach the kiosk and can be called at once; the file and the audit log hold the change', async () => {
    hub = await startTestHub();
    const t = hub;
    const admin = await signIn(t.url, 'quantri');
    const kiosk = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'kiosk') });
    const officer = await connectClient(t.url, { token: await signIn(t.url, 'canbo1') });
    try {
      const before = await settingsOf(t, admin);
      const res = await save(t, admin, withNewQueueAndCounter(before.config), before.revision);
      expect(res.status).toBe(200);
      if (!res.body.ok) throw new Error(res.body.error.code);
      expect(res.body.data.changed).toEqual(['/queues/6', '/counters/6']);
      expect(res.body.data.restartNeeded).toEqual([]);
      expect(res.body.data.revision).not.toBe(before.revision);

      // The kiosk adopts the new view without reconnecting.
      await eventually(
        () => kiosk.mirror.view?.queues.some((q) => q.id === 'tu-phap') ?? false,
        5000,
        'kiosk sees the new queue',
      );
      const ticket = await issueAtKiosk(t, 'tu-phap');
      expect(ticket.ticket.number).toMatch(/^G/);
      expect((await officer.send('counter:open', { commandId: newCommandId(), counterId: 'quay-7' })).ok).toBe(true);
      const call = await officer.send<{ ticket: { number: string } }>('ticket:call-next', {
        commandId: newCommandId(),
        counterId: 'quay-7',
      });
      expect(call.ok && call.data.ticket.number).toBe(ticket.ticket.number);

      // Written to the site file, which loads back to the same settings.
      const loaded = await loadSiteConfig(join(t.dir, 'site.yaml'));
      expect(loaded.ok && loaded.config.counters.map((c) => c.id)).toContain('quay-7');

      const audit = await api<{ entries: { action: string; actorName: string; changes: { path: string; after: unknown }[] }[] }>(
        t.url,
        'GET',
        '/api/admin/audit',
        { token: admin },
      );
      if (!audit.body.ok) throw new Error(audit.body.error.code);
      const entry = audit.body.data.entries[0];
      expect(entry?.action).toBe('settings:saved');
      expect(entry?.actorName).toBe(t.site.officers.find((o) => o.id === 'quantri')?.name);
      expect(entry?.changes.find((c) => c.path === '/counters/6')?.after).toMatchObject({ id: 'quay-7', number: 7 });
    } finally {
      kiosk.close();
      officer.close();
    }
  });

  it('an invalid change is refused with every error and its place, and changes nothing', async () => {
    hub = await startTestHub();
    const t = hub;
    const admin = await signIn(t.url, 'quantri');
    const before = await settingsOf(t, admin);
    const bad = withNewQueueAndCounter(before.config);
    // Counter 7 takes number 2 (taken), and a second new queue has no counter serving it.
    const counters = bad.counters.map((c) => (c.id === 'quay-7' ? { ...c, number: 2 } : c));
    const queues = [
      ...bad.queues,
      { ...bad.queues[bad.queues.length - 1]!, id: 'mo-coi', series: { prefix: 'H', start: 1, width: 3 } },
    ];
    const res = await save(t, admin, { ...bad, counters, queues }, before.revision);
    expect(res.status).toBe(400);
    if (res.body.ok) throw new Error('accepted');
    expect(res.body.error.code).toBe('SETTINGS_INVALID');
    const messages = (res.body.error.details ?? []).map((d) => `${d.path} ${d.message}`).join('\n');
    expect(messages).toMatch(/counter number/);
    expect(messages).toMatch(/mo-coi.*served by no counter/);
    const after = await settingsOf(t, admin);
    expect(after.revision).toBe(before.revision);
    expect(after.config.counters).toHaveLength(6);
    // Nothing was written: the hub started from settings in memory and no save went through.
    expect(existsSync(join(t.dir, 'site.yaml'))).toBe(false);
    expect(t.hub.hall.snapshot().queues.map((q) => q.id)).not.toContain('mo-coi');
  });

  it('refuses a save made from stale settings, and removing a counter that is open', async () => {
    hub = await startTestHub();
    const t = hub;
    const admin = await signIn(t.url, 'quantri');
    const before = await settingsOf(t, admin);
    const first = await save(t, admin, { ...before.config, maxRecalls: 3 }, before.revision);
    expect(first.body.ok).toBe(true);
    const stale = await save(t, admin, { ...before.config, maxRecalls: 4 }, before.revision);
    expect(stale.status).toBe(409);
    expect(!stale.body.ok && stale.body.error.code).toBe('SETTINGS_STALE');

    const officer = await connectClient(t.url, { token: await signIn(t.url, 'canbo6') });
    try {
      expect((await officer.send('counter:open', { commandId: newCommandId(), counterId: 'quay-6' })).ok).toBe(true);
      const now = await settingsOf(t, admin);
      const without = {
        ...now.config,
        counters: now.config.counters.filter((c) => c.id !== 'quay-6'),
        devices: now.config.devices.filter((d) => d.counterId !== 'quay-6'),
      };
      const res = await save(t, admin, without, now.revision);
      expect(!res.body.ok && res.body.error.details?.map((d) => d.message).join(' ')).toMatch(/quay-6.*open/);
      expect(t.hub.hall.currentState.counters.get('quay-6')?.status).toBe('open');
    } finally {
      officer.close();
    }
  });

  it('marks what waits for a restart, and keeps the running day boundary until then', async () => {
    hub = await startTestHub();
    const t = hub;
    const admin = await signIn(t.url, 'quantri');
    const before = await settingsOf(t, admin);
    const res = await save(t, admin, { ...before.config, rolloverHour: 3 }, before.revision);
    if (!res.body.ok) throw new Error(res.body.error.code);
    expect(res.body.data.restartNeeded).toEqual(['/rolloverHour']);
    expect((await settingsOf(t, admin)).restartPending).toEqual(['/rolloverHour']);
    expect(t.hub.hall.currentState.config.rolloverHour).toBe(before.config.rolloverHour);
  });

  it('lets go of a screen whose key was replaced; a supervisor reads settings without keys and cannot save', async () => {
    hub = await startTestHub();
    const t = hub;
    const admin = await signIn(t.url, 'quantri');
    const display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    try {
      const before = await settingsOf(t, admin);
      const devices = before.config.devices.map((d) =>
        d.kind === 'display' ? { ...d, key: 'a-brand-new-display-key-0123456789' } : d,
      );
      const res = await save(t, admin, { ...before.config, devices }, before.revision);
      if (!res.body.ok) throw new Error(res.body.error.code);
      expect(res.body.data.restartNeeded).toEqual([]);
      await eventually(() => !display.socket.connected, 5000, 'old display key let go');
      const fresh = await connectClient(t.url, { deviceKey: 'a-brand-new-display-key-0123456789' });
      fresh.close();

      const supervisor = await signIn(t.url, 'giamsat');
      const seen = await settingsOf(t, supervisor);
      expect(seen.config.devices.filter((d) => d.key !== undefined).every((d) => d.key === '***')).toBe(true);
      const refused = await save(t, supervisor, seen.config, seen.revision);
      expect(refused.status).toBe(403);
      const officer = await signIn(t.url, 'canbo1');
      expect((await api(t.url, 'GET', '/api/admin/settings', { token: officer })).status).toBe(403);
      expect((await api(t.url, 'GET', '/api/admin/settings', {})).status).toBe(401);
    } finally {
      display.close();
    }
  });

  it('adds an officer with a first password, resets a password (ending sessions) and retires a removed officer', async () => {
    hub = await startTestHub();
    const t = hub;
    const admin = await signIn(t.url, 'quantri');
    const before = await settingsOf(t, admin);
    const officers = [
      ...before.config.officers.filter((o) => o.id !== 'canbo5'),
      { id: 'canbo9', username: 'canbo9', name: 'Nguyễn Thị Chín', role: 'officer' as const, disabled: false },
    ];
    const res = await save(t, admin, { ...before.config, officers }, before.revision);
    if (!res.body.ok) throw new Error(res.body.error.code);
    const first = res.body.data.newPasswords.find((p) => p.username === 'canbo9');
    expect(first?.password).toBeTruthy();
    await signIn(t.url, 'canbo9', first!.password);
    await expect(signIn(t.url, 'canbo5')).rejects.toThrow(/INVALID_CREDENTIALS|ACCOUNT_DISABLED/);

    const old = await signIn(t.url, 'canbo1');
    const reset = await api<{ password: string }>(t.url, 'POST', '/api/admin/officers/canbo1/password', { token: admin });
    if (!reset.body.ok) throw new Error(reset.body.error.code);
    expect((await api(t.url, 'GET', '/api/auth/me', { token: old })).status).toBe(401);
    await signIn(t.url, 'canbo1', reset.body.data.password);
    const missing = await api(t.url, 'POST', '/api/admin/officers/nobody/password', { token: admin });
    expect(missing.status).toBe(404);
  });

  it('answers the schema with Vietnamese labels and the device models', async () => {
    hub = await startTestHub();
    const t = hub;
    const admin = await signIn(t.url, 'quantri');
    const res = await api<{
      schema: { properties: Record<string, { titleVi?: string; restart?: boolean }> };
      models: Record<string, { id: string }[]>;
    }>(t.url, 'GET', '/api/admin/settings/schema', { token: admin });
    if (!res.body.ok) throw new Error(res.body.error.code);
    expect(res.body.data.schema.properties['rolloverHour']).toMatchObject({ titleVi: 'Giờ sang ngày mới', restart: true });
    expect(res.body.data.models['printer']?.map((m) => m.id)).toContain('generic/escpos-80mm');
    expect(res.body.data.models['led-board']?.length).toBeGreaterThan(0);
  });
});
