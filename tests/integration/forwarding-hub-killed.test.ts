import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  startReferenceProvince,
  type ReferenceProvince,
} from '../../server/forwarding/reference-province/start-reference-province.js';
import { killHard, startChildHub, type ChildHub } from '../helpers/child-hub.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { api, eventually, newCommandId, signIn } from '../helpers/test-hub.js';
import { testSite } from '../helpers/test-site.js';

/**
 * The whole hub killed with SIGKILL while its outbox drains to a faulty province, then started again
 * on the same data: every dossier it acknowledged reaches the province exactly once, and the outbox
 * ends empty. (The 500-item scenario with the worker alone is forwarding-outbox.test.ts.)
 */
describe('a hub killed mid-drain forwards everything exactly once after its restart', () => {
  let dir: string;
  let reference: ReferenceProvince | undefined;
  let hub: ChildHub | undefined;
  afterAll(async () => {
    if (hub && hub.child.exitCode === null && hub.child.signalCode === null) await killHard(hub);
    await reference?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds every acknowledged dossier once, the outbox empty', async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-killed-'));
    reference = await startReferenceProvince({
      dbFile: join(dir, 'province.db'),
      logger: false,
      // Nothing gets through until the dossiers are in; then a faulty, slow province.
      faults: { failRate: 1 },
    });
    const env = { PROVINCE_URL: reference.url, CATALOGUE_DIR: sharedDataPath('procedures') };
    hub = await startChildHub(join(dir, 'hub'), 0, env);
    const site = testSite();
    const counter = site.counters[0]!;
    let token = await signIn(hub.url, 'canbo1');
    await api(hub.url, 'POST', `/api/counters/${counter.id}/open`, { token }, { commandId: newCommandId() });
    const acknowledged: string[] = [];
    const receive = async (url: string) => {
      const res = await api<{ dossier: { code: string } }>(
        url,
        'POST',
        `/api/counters/${counter.id}/dossiers`,
        { token },
        {
          commandId: newCommandId(),
          procedureCode: '1.000010',
          applicant: { name: 'Phạm Thị Dung', idNumber: '001099000003' },
          documents: [{ name: 'Đơn đề nghị', originals: 1, copies: 0 }],
          dossierSets: 1,
          channel: 1,
          resultDelivery: 'tai-bo-phan',
          workingDays: 1,
        },
      );
      if (res.body.ok) acknowledged.push(res.body.data.dossier.code);
    };
    for (let i = 0; i < 40; i++) await receive(hub.url);
    reference.setFaults({ failRate: 0.3, dropAfterCommitRate: 0.1, duplicateRate: 0.1, slowMs: 40 });
    // Mid-drain: killed once some have reached the province and before all have.
    await eventually(() => reference!.store.dossiers().length >= 8, 20_000, 'the drain under way');
    await killHard(hub);
    const heldAtKill = reference.store.dossiers().length;
    expect(heldAtKill).toBeLessThan(40);
    const port = hub.port;
    hub = await startChildHub(join(dir, 'hub'), port, env);
    token = await signIn(hub.url, 'canbo1');
    for (let i = 0; i < 20; i++) await receive(hub.url);
    expect(acknowledged).toHaveLength(60);

    const db = new Database(join(dir, 'hub', 'hall.db'), { readonly: true });
    try {
      const pending = () => (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status != 'done'").get() as { n: number }).n;
      await eventually(() => pending() === 0, 30_000, 'the outbox drained after the restart');
    } finally {
      db.close();
    }
    const held = reference.store.dossiers().map((d) => d.maHoSo);
    expect(new Set(held).size).toBe(held.length);
    expect([...held].sort()).toEqual([...acknowledged].sort());
  });
});
