import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../core/ports.js';
import { tablesToCsv } from '../reports/csv-export.js';
import type { ReportSource } from '../reports/report-runner.js';
import { reportTables } from '../reports/report-tables.js';
import { lastWeeklyDue, nextWeeklyDueAt } from '../reports/weekly-schedule.js';
import { reportWorkbook } from '../reports/xlsx-export.js';
import type { Db } from '../storage/db.js';
import {
  savedReportsRepository,
  type SavedReportRow,
  type SavedReportsRepository,
} from '../storage/repositories/saved-reports.js';
import type { Logger } from './logger.js';

export interface WeeklyReportServiceDeps {
  readonly clock: Clock;
  readonly db: Db;
  readonly dataDir: string;
  readonly logger: Logger;
  /** The report thread (ReportRunner) in the hub; the engine itself in tests. */
  readonly reports: ReportSource;
}

/** Checked at least hourly, so a clock change or a machine asleep at 15:00 delays the report by an hour at most. */
const MAX_SLEEP_MS = 60 * 60 * 1000;

/**
 * The weekly report: every Thursday at 15:00 (Asia/Ho_Chi_Minh) the seven service days Thursday to
 * Wednesday just ended are written to DATA_DIR/reports/ as XLSX and CSV (readable by the hub's user
 * only: they name officers) and recorded in saved_reports. A hub that was off at 15:00 makes it when
 * it starts (the latest week only: older missed weeks are a custom range away on the admin page);
 * the table's unique key on the week means it is never made twice. A week that ended before the
 * hall's first event (a new install) gets no empty report. Start it after the hall service, so the
 * day that ended while the hub was off has rolled over (its unfinished tickets expired) first.
 */
export class WeeklyReportService {
  readonly dir: string;
  private readonly saved: SavedReportsRepository;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SavedReportRow | null> | null = null;
  private stopped = false;

  constructor(private readonly deps: WeeklyReportServiceDeps) {
    this.dir = join(deps.dataDir, 'reports');
    this.saved = savedReportsRepository(deps.db);
  }

  start(): void {
    this.stopped = false;
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Makes the report now due if it is not made yet: what the timer runs (tests call it with a manual clock). */
  runDue(): Promise<SavedReportRow | null> {
    this.running ??= this.makeDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  list(limit = 104): SavedReportRow[] {
    return this.saved.list('weekly', limit);
  }

  /** A kept report's file, or null when the report or its file is gone. */
  file(id: number, ext: 'xlsx' | 'csv'): { path: string; name: string } | null {
    const r = this.saved.find(id);
    if (!r) return null;
    const name = ext === 'xlsx' ? r.xlsxFile : r.csvFile;
    const path = join(this.dir, name);
    return existsSync(path) ? { path, name } : null;
  }

  private tick(): void {
    if (this.stopped) return;
    this.runDue()
      .catch((err: unknown) => this.deps.logger.error({ err }, 'weekly report failed; trying again within the hour'))
      .finally(() => {
        if (this.stopped) return;
        const now = this.deps.clock.now();
        const delay = Math.max(1000, Math.min(nextWeeklyDueAt(now) - now + 1000, MAX_SLEEP_MS));
        this.timer = setTimeout(() => this.tick(), delay);
        this.timer.unref();
      });
  }

  private async makeDue(): Promise<SavedReportRow | null> {
    const due = lastWeeklyDue(this.deps.clock.now());
    if (this.saved.has('weekly', due.from)) return null;
    const anyEvent = this.deps.db.prepare('SELECT 1 FROM events WHERE day <= ? LIMIT 1').get(due.to);
    if (!anyEvent) return null;
    const report = await this.deps.reports.compute(due.from, due.to);
    const base = `bao-cao-tuan-${due.from}-${due.to}`;
    const xlsx = await reportWorkbook(report);
    // The report and the XLSX are made asynchronously: another run may have recorded this week meanwhile.
    if (this.saved.has('weekly', due.from)) return null;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.writePrivate(`${base}.xlsx`, xlsx);
    this.writePrivate(`${base}.csv`, tablesToCsv(reportTables(report)));
    const row = {
      kind: 'weekly' as const,
      from: due.from,
      to: due.to,
      createdAt: this.deps.clock.now(),
      xlsxFile: `${base}.xlsx`,
      csvFile: `${base}.csv`,
    };
    const id = this.saved.add(row);
    if (id === null) return null;
    this.deps.logger.info({ from: due.from, to: due.to }, 'weekly report made');
    return { id, ...row };
  }

  /** Written beside, then renamed: a crash never leaves half a report under the real name. */
  private writePrivate(name: string, data: string | Buffer): void {
    const path = join(this.dir, name);
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, data, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  }
}
