import type {
  HallReport,
  RatingTotals,
  ReportTableKey,
  ServiceStats,
  StaffRow,
  WaitStats,
} from '../../common/contract/report.js';

/**
 * The report as tables, the one layout the CSV and the XLSX both write: Vietnamese headers, each
 * cell with its kind. Times are minutes with one decimal, rates are 0..1 shown as percentages.
 */
export type CellKind = 'text' | 'day' | 'count' | 'minutes' | 'percent';

export interface Cell {
  readonly kind: CellKind;
  /** text and day: a string (day as YYYY-MM-DD); count: an integer; minutes: seconds; percent: 0..1. */
  readonly value: string | number | null;
}

export interface ReportColumn {
  readonly header: string;
  /** Characters, for the spreadsheet's column width. */
  readonly width: number;
}

export interface ReportTable {
  readonly key: ReportTableKey | 'qd766';
  /** The sheet's name, and the title above the table in a combined CSV. */
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

const text = (value: string | null): Cell => ({ kind: 'text', value });
const count = (value: number): Cell => ({ kind: 'count', value });
const minutes = (sec: number | null): Cell => ({ kind: 'minutes', value: sec });
const percent = (rate: number | null): Cell => ({ kind: 'percent', value: rate });
const col = (header: string, width = 14): ReportColumn => ({ header, width });

const WAIT_COLUMNS = [
  col('Chờ trung bình (phút)'),
  col('Chờ trung vị (phút)'),
  col('Chờ P90 (phút)'),
  col('Chờ lâu nhất (phút)'),
  col('Chờ quá 30 phút (%)'),
];
const waitCells = (w: WaitStats): Cell[] => [
  minutes(w.meanSec),
  minutes(w.medianSec),
  minutes(w.p90Sec),
  minutes(w.maxSec),
  percent(w.over30Share),
];
const SERVICE_COLUMNS = [col('Phục vụ trung bình (phút)'), col('Phục vụ trung vị (phút)')];
const serviceCells = (s: ServiceStats): Cell[] => [minutes(s.meanSec), minutes(s.medianSec)];
const RATING_COLUMNS = [col('Lượt đánh giá'), col('Không đánh giá'), col('Hài lòng (lượt)'), col('Tỷ lệ hài lòng (%)')];
const ratingCells = (r: RatingTotals): Cell[] => [
  count(r.rated),
  count(r.notRated),
  count(r.satisfied),
  percent(r.satisfactionRate),
];

export const TABLE_TITLES: { readonly [K in ReportTableKey | 'qd766']: string } = {
  summary: 'Tổng hợp',
  queues: 'Theo hàng đợi',
  counters: 'Theo quầy',
  officers: 'Theo cán bộ',
  days: 'Theo ngày',
  qd766: 'Chỉ số QĐ 766',
};

/** ASCII names for file names: bao-cao-theo-quay-2026-11-19-2026-11-25.csv. */
export const TABLE_SLUGS: { readonly [K in ReportTableKey]: string } = {
  summary: 'tong-hop',
  queues: 'theo-hang-doi',
  counters: 'theo-quay',
  officers: 'theo-can-bo',
  days: 'theo-ngay',
};

function summaryTable(r: HallReport): ReportTable {
  const s = r.summary;
  const line = (label: string, cell: Cell): Cell[] => [text(label), cell];
  const rows: Cell[][] = [
    line('Từ ngày', { kind: 'day', value: r.from }),
    line('Đến ngày', { kind: 'day', value: r.to }),
    line('Số ngày', count(r.days)),
    line('Số phiếu đã cấp', count(s.issued)),
    line('Đã phục vụ', count(s.served)),
    line('Vắng mặt (bỏ qua, không quay lại)', count(s.noShow)),
    line('Lượt chuyển quầy / hàng đợi', count(s.transferred)),
    line('Đã huỷ', count(s.cancelled)),
    line('Hết hạn khi sang ngày', count(s.expired)),
    line('Đang xử lý', count(s.inProgress)),
    line('Chờ trung bình (phút)', minutes(s.wait.meanSec)),
    line('Chờ trung vị (phút)', minutes(s.wait.medianSec)),
    line('Chờ P90 (phút)', minutes(s.wait.p90Sec)),
    line('Chờ lâu nhất (phút)', minutes(s.wait.maxSec)),
    line('Tỷ lệ chờ quá 30 phút (%)', percent(s.wait.over30Share)),
    line('Phục vụ trung bình (phút)', minutes(s.service.meanSec)),
    line('Phục vụ trung vị (phút)', minutes(s.service.medianSec)),
    line('Sai số dự báo chờ, tuyệt đối trung bình (phút)', minutes(s.estimate.meanAbsSec)),
    line('Sai số dự báo chờ, trung bình (thực tế − dự báo, phút)', minutes(s.estimate.meanSignedSec)),
    line('Lượt đánh giá', count(s.ratings.rated)),
    line('Không đánh giá (hết thời gian)', count(s.ratings.notRated)),
    line('Tỷ lệ hài lòng (%)', percent(s.ratings.satisfactionRate)),
    ...r.ratings.flatMap((scale) => scale.levels.map((l) => line(`Đánh giá “${l.name}” – ${scale.name}`, count(l.count)))),
    line('Hồ sơ tiếp nhận', count(s.dossiers.received)),
    line('Hồ sơ đã chuyển hệ thống tỉnh', count(s.dossiers.forwarded)),
    line('Hồ sơ chờ chuyển', count(s.dossiers.waiting)),
  ];
  return { key: 'summary', title: TABLE_TITLES.summary, columns: [col('Chỉ tiêu', 52), col('Giá trị', 16)], rows };
}

function queuesTable(r: HallReport): ReportTable {
  return {
    key: 'queues',
    title: TABLE_TITLES.queues,
    columns: [
      col('Mã hàng đợi', 24),
      col('Hàng đợi', 34),
      col('Số phiếu cấp'),
      col('Đã phục vụ'),
      col('Vắng mặt'),
      col('Chuyển đi'),
      col('Đã huỷ'),
      col('Hết hạn'),
      col('Đang xử lý'),
      ...WAIT_COLUMNS,
      ...SERVICE_COLUMNS,
      col('Sai số dự báo tuyệt đối (phút)'),
      col('Sai số dự báo (phút)'),
      ...RATING_COLUMNS,
    ],
    rows: r.queues.map((q) => [
      text(q.id),
      text(q.name),
      count(q.issued),
      count(q.served),
      count(q.noShow),
      count(q.transferred),
      count(q.cancelled),
      count(q.expired),
      count(q.inProgress),
      ...waitCells(q.wait),
      ...serviceCells(q.service),
      minutes(q.estimate.meanAbsSec),
      minutes(q.estimate.meanSignedSec),
      ...ratingCells(q.ratings),
    ]),
  };
}

function staffTable(key: 'counters' | 'officers', rows: readonly StaffRow[]): ReportTable {
  const lead =
    key === 'counters'
      ? {
          columns: [col('Quầy số', 10), col('Tên quầy', 34)],
          cells: (s: StaffRow) => [s.number === null ? text(s.id) : count(s.number), text(s.name)],
        }
      : { columns: [col('Mã cán bộ', 16), col('Họ và tên', 28)], cells: (s: StaffRow) => [text(s.id), text(s.name)] };
  return {
    key,
    title: TABLE_TITLES[key],
    columns: [
      ...lead.columns,
      col('Đã phục vụ'),
      col('Vắng mặt'),
      col('Chuyển đi'),
      col('Hồ sơ tiếp nhận'),
      ...WAIT_COLUMNS,
      ...SERVICE_COLUMNS,
      ...RATING_COLUMNS,
    ],
    rows: rows.map((s) => [
      ...lead.cells(s),
      count(s.served),
      count(s.noShow),
      count(s.transferred),
      count(s.dossiers),
      ...waitCells(s.wait),
      ...serviceCells(s.service),
      ...ratingCells(s.ratings),
    ]),
  };
}

function daysTable(r: HallReport): ReportTable {
  return {
    key: 'days',
    title: TABLE_TITLES.days,
    columns: [
      col('Ngày', 12),
      col('Số phiếu cấp'),
      col('Đã phục vụ'),
      col('Vắng mặt'),
      col('Chuyển đi'),
      col('Đã huỷ'),
      col('Hết hạn'),
      ...WAIT_COLUMNS,
      ...SERVICE_COLUMNS,
      ...RATING_COLUMNS,
      col('Hồ sơ tiếp nhận'),
    ],
    rows: r.daily.map((d) => [
      { kind: 'day', value: d.day },
      count(d.issued),
      count(d.served),
      count(d.noShow),
      count(d.transferred),
      count(d.cancelled),
      count(d.expired),
      ...waitCells(d.wait),
      ...serviceCells(d.service),
      ...ratingCells(d.ratings),
      count(d.dossiers),
    ]),
  };
}

function qd766Table(r: HallReport): ReportTable {
  const q = r.qd766;
  return {
    key: 'qd766',
    title: TABLE_TITLES.qd766,
    columns: [
      col('Chỉ số', 48),
      col('Tỷ lệ của đơn vị (%)', 18),
      col('Ngưỡng điểm tối đa (%)', 18),
      col('Kết quả', 22),
      col('Số lượt đánh giá', 16),
    ],
    rows: [
      [
        text(q.name),
        percent(q.rate),
        percent(q.threshold),
        text(q.met ? 'Đạt điểm tối đa' : 'Chưa đạt điểm tối đa'),
        count(q.ratings),
      ],
    ],
  };
}

export function reportTable(r: HallReport, key: ReportTableKey): ReportTable {
  switch (key) {
    case 'summary':
      return summaryTable(r);
    case 'queues':
      return queuesTable(r);
    case 'counters':
      return staffTable('counters', r.counters);
    case 'officers':
      return staffTable('officers', r.officers);
    case 'days':
      return daysTable(r);
  }
}

/** Every table, in the workbook's sheet order. */
export function reportTables(r: HallReport): ReportTable[] {
  return [
    summaryTable(r),
    queuesTable(r),
    staffTable('counters', r.counters),
    staffTable('officers', r.officers),
    daysTable(r),
    qd766Table(r),
  ];
}
