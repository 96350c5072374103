import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookupOutcome } from '../../../server/forwarding/province-system.js';
import { provinceDossierSource } from '../../../server/services/dossier-status-source.js';
import { openDatabase } from '../../../server/storage/db.js';
import { migrate } from '../../../server/storage/migrate.js';
import { dossiersRepository } from '../../../server/storage/repositories/dossiers.js';
import { ManualClock } from '../../helpers/manual-clock.js';

const CODE = '000.00.31.H38-261123-0001';
const T = Date.parse('2026-11-23T09:00:00+07:00');

describe('provinceDossierSource', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function setup(answers: LookupOutcome[]) {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-lookup-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'hall.db'));
    migrate(db);
    const repo = dossiersRepository(db);
    const clock = new ManualClock(T);
    const asked: string[] = [];
    const province = {
      lookUp: async (code: string) => {
        asked.push(code);
        return answers.shift() ?? { kind: 'unavailable' as const, reason: 'no more answers' };
      },
    };
    const warnings: unknown[] = [];
    const source = provinceDossierSource({
      province,
      repo,
      clock,
      logger: { warn: (o: unknown) => void warnings.push(o) },
      cacheMs: 30_000,
    });
    return { source, repo, clock, asked, warnings };
  }

  const found = (status: number): LookupOutcome => ({
    kind: 'found',
    record: {
      MaHoSo: CODE,
      TrangThaiHoSo: status,
      NgayTiepNhan: '20261123090000',
      NgayHenTra: '20261126160000',
      NgayCoKetQua: null,
    },
  });

  it('asks the province, keeps its answer, and does not ask again within the cache time', async () => {
    const { source, repo, clock, asked } = setup([found(4), found(9)]);
    expect(await source.lookup(CODE)).toMatchObject({
      kind: 'found',
      fresh: true,
      record: { status: 4, appointmentAt: Date.parse('2026-11-26T16:00:00+07:00') },
    });
    expect(repo.find(CODE)?.status).toBe(4);
    clock.advance(10_000);
    expect(await source.lookup(CODE)).toMatchObject({ record: { status: 4 } });
    expect(asked).toHaveLength(1);
    clock.advance(30_000);
    expect(await source.lookup(CODE)).toMatchObject({ record: { status: 9 } });
    expect(asked).toHaveLength(2);
  });

  it('answers the last known status, marked not fresh, when the province cannot be reached', async () => {
    const { source, clock, warnings } = setup([found(4), { kind: 'unavailable', reason: 'ECONNREFUSED' }]);
    await source.lookup(CODE);
    clock.advance(60_000);
    expect(await source.lookup(CODE)).toMatchObject({ kind: 'found', fresh: false, record: { status: 4, updatedAt: T } });
    expect(warnings).toHaveLength(1);
  });

  it('says unavailable (not "not found") when it knows nothing and cannot ask; finds a dossier received here that the province does not have yet', async () => {
    const { source, repo, clock } = setup([{ kind: 'unavailable', reason: 'timeout' }, { kind: 'not-found' }]);
    expect(await source.lookup(CODE)).toEqual({ kind: 'unavailable' });
    repo.upsert({
      code: CODE,
      procedureCode: '1.001193',
      status: 2,
      receivedAt: T,
      appointmentAt: T,
      finishedAt: null,
      updatedAt: T - 60_000,
    });
    clock.advance(1);
    expect(await source.lookup(CODE)).toMatchObject({ kind: 'found', record: { status: 2 } });
  });
});
