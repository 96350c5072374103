import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierReceivedView } from '../../common/contract/dossier-received-view.js';
import type { DossierStatusView } from '../../common/contract/dossier-view.js';
import { createHttpProvinceClient } from '../../server/forwarding/http-province-client.js';
import {
  startReferenceProvince,
  type ReferenceProvince,
} from '../../server/forwarding/reference-province/start-reference-province.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { deviceKey } from '../helpers/test-site.js';
import { api, eventually, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

/**
 * The hub as an office runs it, against the reference province system over real HTTP: a dossier
 * received at the counter reaches the province by itself, the kiosk's look-up goes through the
 * province, and when the province is down the kiosk shows the last known status with its time.
 */
describe('forwarding from a running hub to the province system', () => {
  let t: TestHub;
  let reference: ReferenceProvince;
  let dir: string;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-province-'));
    reference = await startReferenceProvince({ dbFile: join(dir, 'province.db'), token: 'bi-mat', logger: false });
    const province = createHttpProvinceClient({ baseUrl: reference.url, token: 'bi-mat', timeoutMs: 2000 });
    t = await startTestHub({
      catalogueDir: sharedDataPath('procedures'),
      province,
      outboxWorker: { baseDelayMs: 50, maxDelayMs: 500, pollMs: 100 },
    });
    token = await signIn(t.url, 'canbo1');
    await api(t.url, 'POST', '/api/counters/quay-1/open', { token }, { commandId: newCommandId() });
  });
  afterAll(async () => {
    await t?.dispose();
    await reference?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  const lookUp = (code: string) =>
    api<DossierStatusView>(t.url, 'GET', `/api/dossiers/${code}/status`, { deviceKey: deviceKey(t.site, 'kiosk') });

  it("forwards a received dossier by itself; the kiosk then sees the province's status, and the last known one when it is down", async () => {
    const res = await api<DossierReceivedView>(
      t.url,
      'POST',
      '/api/counters/quay-1/dossiers',
      { token },
      {
        commandId: newCommandId(),
        procedureCode: '1.000010',
        applicant: { name: 'Trần Thị Bình', idNumber: '001099000001' },
        documents: [{ name: 'Đơn đề nghị', originals: 1, copies: 0 }],
        dossierSets: 1,
        channel: 1,
        resultDelivery: 'tai-bo-phan',
      },
    );
    if (!res.body.ok) throw new Error(res.body.error.code);
    const code = res.body.data.dossier.code;
    await eventually(() => reference.store.dossiers().some((d) => d.maHoSo === code), 5000, 'the province holds the dossier');
    await eventually(
      () => (t.hub.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'done'").get() as { n: number }).n === 1,
      5000,
      'the outbox item done',
    );
    const health = await api<{ outbox: { pending: number; dead: number; running: boolean } }>(t.url, 'GET', '/api/health', {});
    expect(health.body.ok && health.body.data.outbox).toMatchObject({ pending: 0, dead: 0, running: true });

    // The province moves it on; the hall's cache is fresh for 30 s, so age it to ask again.
    reference.advanceStatuses({ code });
    t.hub.db.prepare('UPDATE dossiers SET updated_at = updated_at - 60000 WHERE code = ?').run(code);
    const processing = await lookUp(code);
    expect(processing.body.ok && processing.body.data).toMatchObject({ status: 4, source: 'province' });

    await reference.stop();
    t.hub.db.prepare('UPDATE dossiers SET updated_at = updated_at - 60000 WHERE code = ?').run(code);
    const lastKnown = await lookUp(code);
    expect(lastKnown.body.ok && lastKnown.body.data).toMatchObject({ status: 4, source: 'last-known' });
    const unknown = await lookUp('000.00.31.H38-261123-0999');
    expect(unknown.status).toBe(503);
    expect(!unknown.body.ok && unknown.body.error.code).toBe('PROVINCE_UNAVAILABLE');
    await reference.start();
  });
});
