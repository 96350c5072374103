import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { SurveyScale } from '../../common/domain/survey-scale.js';
import { createReportEngine } from './report-engine.js';
import type { ReportNames } from './report-names.js';

/** What the hub asks of the report thread, and what it answers. */
export interface ReportRequest {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly generatedAt: number;
  readonly names: ReportNames;
  readonly scales: readonly SurveyScale[];
}
export type ReportAnswer =
  | { readonly id: number; readonly ok: true; readonly report: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

/**
 * The report thread: its own read-only connection to the hall's database (WAL lets it read while
 * the hub writes), so a month's or a year's report never stalls the hall's commands. Names, scales
 * and the time come with each request, as the hub knows them then.
 */
function serve(port: NonNullable<typeof parentPort>, dbFile: string): void {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  let current: ReportRequest | null = null;
  const engine = createReportEngine({
    db,
    clock: { now: () => current?.generatedAt ?? Date.now() },
    names: () => current?.names ?? { queues: [], counters: [], officers: [] },
    scales: () => current?.scales ?? [],
  });
  port.on('message', (req: ReportRequest) => {
    current = req;
    let answer: ReportAnswer;
    try {
      answer = { id: req.id, ok: true, report: engine.compute(req.from, req.to) };
    } catch (err) {
      answer = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    current = null;
    port.postMessage(answer);
  });
}

if (parentPort) serve(parentPort, (workerData as { dbFile: string }).dbFile);
