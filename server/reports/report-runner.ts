import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HallReport } from '../../common/contract/report.js';
import type { SurveyScale } from '../../common/domain/survey-scale.js';
import type { Clock } from '../core/ports.js';
import type { Logger } from '../services/logger.js';
import type { ReportNames } from './report-names.js';
import type { ReportAnswer, ReportRequest } from './report-worker.js';

/** Where routes and the weekly report get reports: the worker thread, or the engine itself (tests, tools). */
export interface ReportSource {
  compute(from: string, to: string): Promise<HallReport> | HallReport;
}

export interface ReportRunnerDeps {
  /** The hall's SQLite file: the report thread opens it read-only. */
  readonly dbFile: string;
  readonly clock: Clock;
  readonly names: () => ReportNames;
  readonly scales: () => readonly SurveyScale[];
  readonly logger: Logger;
}

/**
 * Reports computed on a worker thread. A busy centre's month is a few seconds of SQL and a year
 * half a minute (BENCHMARKS.md); on the hub's own thread every counter's Next would wait that long.
 * One thread, started on the first report and kept, answers requests in order; if it dies, the
 * requests in flight fail and the next one starts a new thread.
 */
export class ReportRunner implements ReportSource {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: HallReport) => void; reject: (e: Error) => void }>();

  constructor(private readonly deps: ReportRunnerDeps) {}

  compute(from: string, to: string): Promise<HallReport> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const request: ReportRequest = {
      id,
      from,
      to,
      generatedAt: this.deps.clock.now(),
      names: this.deps.names(),
      scales: this.deps.scales(),
    };
    return new Promise<HallReport>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('the report thread was stopped'));
    if (w) await w.terminate();
  }

  private start(): Worker {
    const worker = spawnReportWorker(this.deps.dbFile);
    // Idle, the thread must not keep the process alive; it is ref'd while a report is being made.
    worker.unref();
    worker.on('message', (a: ReportAnswer) => {
      const p = this.pending.get(a.id);
      if (!p) return;
      this.pending.delete(a.id);
      if (this.pending.size === 0) worker.unref();
      if (a.ok) p.resolve(a.report as HallReport);
      else p.reject(new Error(a.message));
    });
    const lost = (err: Error) => {
      if (this.worker !== worker) return;
      this.deps.logger.error({ err }, 'report thread failed; the next report starts a new one');
      this.worker = null;
      this.failAll(err);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the report thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/**
 * The compiled hub starts report-worker.js. Run from TypeScript (tsx, vitest), the thread has no
 * loader for .ts files: a small module registers tsx's in the thread first, then loads the worker.
 */
function spawnReportWorker(dbFile: string): Worker {
  const self = import.meta.url;
  const options = { workerData: { dbFile } };
  if (!self.endsWith('.ts')) return new Worker(new URL('./report-worker.js', self), options);
  const entry = new URL('./report-worker.ts', self).href;
  const code = `import { register } from ${JSON.stringify(tsxEsmApi(self))}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
}

/** tsx's ESM API as an absolute URL (a data: module cannot resolve a package name). */
function tsxEsmApi(from: string): string {
  const pkgFile = createRequire(from).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api']?.import.default ?? 'dist/esm/api/index.mjs')).href;
}
