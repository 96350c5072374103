import type { Db } from '../db.js';

export interface SavedReportRow {
  readonly id: number;
  readonly kind: 'weekly';
  readonly from: string;
  readonly to: string;
  readonly createdAt: number;
  /** File names inside DATA_DIR/reports/. */
  readonly xlsxFile: string;
  readonly csvFile: string;
}

export interface SavedReportsRepository {
  /** Records a report whose files are written: its id, or null when that week's report was already recorded. */
  add(r: Omit<SavedReportRow, 'id'>): number | null;
  has(kind: 'weekly', from: string): boolean;
  /** Newest week first. */
  list(kind: 'weekly', limit: number): SavedReportRow[];
  find(id: number): SavedReportRow | undefined;
}

interface Row {
  id: number;
  kind: 'weekly';
  from_day: string;
  to_day: string;
  created_at: number;
  xlsx_file: string;
  csv_file: string;
}

const saved = (r: Row): SavedReportRow => ({
  id: r.id,
  kind: r.kind,
  from: r.from_day,
  to: r.to_day,
  createdAt: r.created_at,
  xlsxFile: r.xlsx_file,
  csvFile: r.csv_file,
});

export function savedReportsRepository(db: Db): SavedReportsRepository {
  const insert = db.prepare(`INSERT INTO saved_reports (kind, from_day, to_day, created_at, xlsx_file, csv_file)
    VALUES (@kind, @from, @to, @createdAt, @xlsxFile, @csvFile) ON CONFLICT (kind, from_day) DO NOTHING`);
  const has = db.prepare('SELECT 1 FROM saved_reports WHERE kind = ? AND from_day = ?');
  const list = db.prepare('SELECT * FROM saved_reports WHERE kind = ? ORDER BY from_day DESC LIMIT ?');
  const find = db.prepare('SELECT * FROM saved_reports WHERE id = ?');
  return {
    add(r) {
      const res = insert.run(r);
      return res.changes === 1 ? Number(res.lastInsertRowid) : null;
    },
    has: (kind, from) => has.get(kind, from) !== undefined,
    list: (kind, limit) => (list.all(kind, limit) as Row[]).map(saved),
    find: (id) => {
      const r = find.get(id) as Row | undefined;
      return r ? saved(r) : undefined;
    },
  };
}
