import { describe, expect, it } from 'vitest';
import { FIVE_LEVEL_SCALE, THREE_LEVEL_SCALE } from '../../../common/domain/survey-scale.js';
import { assembleReport, qd766, UNKNOWN_OFFICER } from '../../../server/reports/assemble-report.js';
import { LEVEL_KEY_SEPARATOR, type FigureRow } from '../../../server/reports/figures-sql.js';

const empty: Omit<FigureRow, 'dim' | 'key'> = {
  issued: null,
  served: null,
  no_show: null,
  transferred: null,
  cancelled: null,
  expired: null,
  in_progress: null,
  wait_n: null,
  wait_sum_ms: null,
  wait_max_ms: null,
  over30: null,
  service_n: null,
  service_sum: null,
  est_n: null,
  est_abs_sum: null,
  est_sum: null,
  rated: null,
  satisfied: null,
  not_rated: null,
  dossiers: null,
  forwarded: null,
  owed: null,
  wait_median_ms: null,
  wait_p90_ms: null,
  service_median: null,
};
const row = (dim: FigureRow['dim'], key: string, values: Partial<FigureRow>): FigureRow => ({ ...empty, dim, key, ...values });
const names = {
  queues: [{ id: 'ho-tich', name: 'Hộ tịch – Chứng thực' }],
  counters: [{ id: 'quay-1', number: 1, name: 'Quầy 1' }],
  officers: [
    { id: 'canbo1', name: 'Nguyễn Thị Lan', role: 'officer' },
    { id: 'giamsat', name: 'Đặng Thị Thu Hà', role: 'supervisor' },
  ],
};
const level = (scale: string, level: string) => `${scale}${LEVEL_KEY_SEPARATOR}${level}`;

describe('assembling the report from the query rows', () => {
  const r = assembleReport({
    from: '2026-11-19',
    to: '2026-11-21',
    days: ['2026-11-19', '2026-11-20', '2026-11-21'],
    generatedAt: 1,
    names,
    scales: [THREE_LEVEL_SCALE],
    rows: [
      row('total', '', {
        issued: 4,
        served: 3,
        wait_n: 4,
        wait_sum_ms: 4_000_000,
        wait_median_ms: 900_000,
        wait_p90_ms: 2_000_000,
        wait_max_ms: 2_000_000,
        over30: 1,
        rated: 3,
        satisfied: 2,
        not_rated: 1,
      }),
      row('queue', 'da-xoa', { issued: 1 }),
      row('counter', 'quay-9', { served: 1 }),
      row('officer', '', { served: 1 }),
      row('officer', 'giamsat', { served: 2 }),
      row('day', '2026-11-20', { issued: 4, dossiers: 2 }),
      row('hour', '8', { issued: 4, wait_n: 1, wait_sum_ms: 60_000 }),
      row('level', level(THREE_LEVEL_SCALE.id, 'hai-long'), { rated: 2, satisfied: 2 }),
      row('level', level(THREE_LEVEL_SCALE.id, 'la'), { rated: 1 }),
      row('level', level(THREE_LEVEL_SCALE.id, ''), { not_rated: 1 }),
      row('level', level(FIVE_LEVEL_SCALE.id, 'binh-thuong'), { rated: 1 }),
    ],
  });

  it('lists configured rows first, then ids found only in the log, marked removed and named by id', () => {
    expect(r.queues.map((q) => [q.id, q.name, q.removed, q.issued])).toEqual([
      ['ho-tich', 'Hộ tịch – Chứng thực', false, 0],
      ['da-xoa', 'da-xoa', true, 1],
    ]);
    expect(r.counters.map((c) => [c.id, c.number, c.removed, c.served])).toEqual([
      ['quay-1', 1, false, 0],
      ['quay-9', null, true, 1],
    ]);
    // Officers: those who serve, plus anyone else the log names (a supervisor at a counter), plus the unknown.
    expect(r.officers.map((o) => [o.id, o.name, o.removed])).toEqual([
      ['canbo1', 'Nguyễn Thị Lan', false],
      ['giamsat', 'Đặng Thị Thu Hà', false],
      ['', UNKNOWN_OFFICER, false],
    ]);
  });

  it('lists every day and hour, zeros included, and turns milliseconds into seconds', () => {
    expect(r.daily.map((d) => [d.day, d.issued, d.dossiers])).toEqual([
      ['2026-11-19', 0, 0],
      ['2026-11-20', 4, 2],
      ['2026-11-21', 0, 0],
    ]);
    expect(r.hourly).toHaveLength(24);
    expect(r.hourly[8]).toMatchObject({ hour: 8, arrivals: 4, wait: { count: 1, meanSec: 60 } });
    expect(r.hourly[9]?.wait).toEqual({
      count: 0,
      meanSec: null,
      medianSec: null,
      p90Sec: null,
      maxSec: null,
      over30Count: 0,
      over30Share: null,
    });
    expect(r.summary.wait).toEqual({
      count: 4,
      meanSec: 1000,
      medianSec: 900,
      p90Sec: 2000,
      maxSec: 2000,
      over30Count: 1,
      over30Share: 0.25,
    });
  });

  it('keeps scales apart, names a dropped preset scale, and counts a level off the scale as not satisfied', () => {
    expect(r.ratings.map((s) => [s.scaleId, s.name, s.rated, s.notRated, s.satisfied])).toEqual([
      [THREE_LEVEL_SCALE.id, THREE_LEVEL_SCALE.name, 3, 1, 2],
      [FIVE_LEVEL_SCALE.id, FIVE_LEVEL_SCALE.name, 1, 0, 0],
    ]);
    expect(r.ratings[0]?.levels.map((l) => [l.levelId, l.count, l.satisfied])).toEqual([
      ['rat-hai-long', 0, true],
      ['hai-long', 2, true],
      ['khong-hai-long', 0, false],
      ['la', 1, false],
    ]);
    expect(r.ratings[1]?.levels.find((l) => l.levelId === 'binh-thuong')).toMatchObject({ name: 'Bình thường', count: 1 });
  });

  it('puts our satisfaction rate beside the QĐ 766 full-score threshold of 90 %', () => {
    expect(r.qd766).toMatchObject({ rate: 2 / 3, threshold: 0.9, met: false, ratings: 3 });
    expect(qd766({ rated: 10, notRated: 0, satisfied: 9, satisfactionRate: 0.9 }).met).toBe(true);
    expect(qd766({ rated: 1000, notRated: 0, satisfied: 899, satisfactionRate: 0.899 }).met).toBe(false);
    expect(qd766({ rated: 0, notRated: 5, satisfied: 0, satisfactionRate: null })).toMatchObject({
      rate: null,
      met: false,
      ratings: 0,
    });
    expect(r.qd766.name).toBe('Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC');
  });
});
