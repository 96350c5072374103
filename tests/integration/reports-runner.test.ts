import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREE_LEVEL_SCALE } from '../../common/domain/survey-scale.js';
import { writeBusyMonth } from '../../bench/scenarios/month-report-events.js';
import { createReportEngine } from '../../server/reports/report-engine.js';
import { ReportRunner } from '../../server/reports/report-runner.js';
import { silentLogger } from '../../server/services/logger.js';
import { openDatabase, type Db } from '../../server/storage/db.js';
import { migrate } from '../../server/storage/migrate.js';

/** Reports on their own thread: the same figures as the engine, while the hub's thread stays free. */
describe('the report thread', () => {
  const names = {
    queues: [{ id: 'hang-doi-1', name: 'Hộ tịch – Chứng thực' }],
    counters: [{ id: 'quay-1', number: 1, name: 'Quầy 1' }],
    officers: [{ id: 'canbo1', name: 'Nguyễn Thị Lan', role: 'officer' }],
  };
  const clock = { now: () => Date.parse('2026-11-10T09:00:00Z') };
  let dir: string;
  let db: Db;
  let runner: ReportRunner;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-report-thread-'));
    db = openDatabase(join(dir, 'hall.db'));
    migrate(db);
    writeBusyMonth(db, { firstDay: '2026-11-02', days: 5, ticketsPerDay: 800, counters: 12, queues: 4, seed: 7 });
    runner = new ReportRunner({
      dbFile: join(dir, 'hall.db'),
      clock,
      names: () => names,
      scales: () => [THREE_LEVEL_SCALE],
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await runner?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers what the engine answers on the hub thread, and leaves that thread free meanwhile', async () => {
    const inline = createReportEngine({ db, clock, names: () => names, scales: () => [THREE_LEVEL_SCALE] }).compute(
      '2026-11-02',
      '2026-11-06',
    );
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const threaded = await runner.compute('2026-11-02', '2026-11-06');
    clearInterval(timer);
    expect(threaded).toEqual(inline);
    expect(threaded.summary.issued).toBe(4000);
    // The hub's own timers ran while the report was made: on this thread they could not have.
    expect(ticks).toBeGreaterThan(0);
    // And the hub's thread may write while the report thread reads (WAL).
    const insert = db.prepare(
      "INSERT INTO events (type, at, day, actor, command_id, payload) VALUES ('counter:closed', ?, '2026-11-07', 'system', NULL, '{}')",
    );
    const [later] = await Promise.all([
      runner.compute('2026-11-05', '2026-11-07'),
      Promise.resolve().then(() => insert.run(Date.now())),
    ]);
    expect(later.daily.map((d) => d.issued)).toEqual([800, 800, 0]);
  });

  it('answers several requests in order, and starts a new thread after being stopped', async () => {
    const days = await Promise.all(['2026-11-02', '2026-11-03', '2026-11-04'].map((d) => runner.compute(d, d)));
    expect(days.map((r) => [r.from, r.summary.issued])).toEqual([
      ['2026-11-02', 800],
      ['2026-11-03', 800],
      ['2026-11-04', 800],
    ]);
    const cut = expect(runner.compute('2026-11-02', '2026-11-06')).rejects.toThrow(/stopped/);
    await runner.close();
    await cut;
    expect((await runner.compute('2026-11-06', '2026-11-06')).summary.issued).toBe(800);
  });

  it('fails the request, not the hub, when the thread cannot open the database', async () => {
    const broken = new ReportRunner({
      dbFile: join(dir, 'missing.db'),
      clock,
      names: () => names,
      scales: () => [],
      logger: silentLogger,
    });
    await expect(broken.compute('2026-11-02', '2026-11-02')).rejects.toThrow();
    await broken.close();
  });
});
