import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedBoardHealth } from '../../server/devices/site-led-boards.js';
import { api, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { testSite } from '../helpers/test-site.js';

describe('LED boards in the hub', () => {
  let t: TestHub;
  const health = async () => (await api<{ ledBoards: LedBoardHealth[] }>(t.url, 'GET', '/api/health', {})).body;
  beforeAll(async () => {
    const site = testSite();
    const counterId = site.counters[0]!.id;
    site.devices.push(
      { id: 'led-1', kind: 'led-board', name: 'Bảng LED quầy 1', model: 'generic/ascii-stx-xor-4', link: 'sim://led-1', counterId },
      { id: 'led-bad', kind: 'led-board', name: 'Bảng LED lỗi', model: 'acme/none', link: 'sim://led-bad', counterId },
    );
    t = await startTestHub({ site });
  });
  afterAll(async () => t?.dispose());

  it('shows each call on the counter board and reports it in /api/health', async () => {
    const first = await health();
    if (!first.ok) throw new Error('health failed');
    expect(first.data.ledBoards).toEqual([expect.objectContaining({ deviceId: 'led-1', state: 'online', shown: 'blank', upToDate: true })]);
    const counter = t.site.counters[0]!;
    const token = await signIn(t.url, t.site.officers[0]!.username);
    await api(t.url, 'POST', `/api/counters/${counter.id}/open`, { token }, { commandId: newCommandId() });
    const { ticket } = await issueAtKiosk(t, counter.queues[0]!.queueId);
    await api(t.url, 'POST', `/api/counters/${counter.id}/call-next`, { token }, { commandId: newCommandId() });
    let shown: string | null = null;
    for (let i = 0; i < 150 && shown !== ticket.number; i++) {
      const h = await health();
      shown = h.ok ? (h.data.ledBoards[0]?.shown ?? null) : null;
      if (shown !== ticket.number) await new Promise((r) => setTimeout(r, 20));
    }
    expect(shown).toBe(ticket.number);
    expect(await readdir(join(t.dir, 'devices', 'led-1'))).toEqual(['0001.bin', '0002.bin']);
  });
});
