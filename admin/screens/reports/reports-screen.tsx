import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorBody } from '../../../common/contract/errors.js';
import type { HallReport, ReportTableKey, SavedReport } from '../../../common/contract/report.js';
import { errorText } from '../../../ui/i18n/error-text.js';
import { Bi } from '../../i18n/bilingual.js';
import { adminRequest, downloadFile } from '../../state/admin-api.js';
import type { AdminScreenProps } from '../../state/admin-session.js';
import { BreakdownTable } from './breakdown-table.js';
import { Qd766Box } from './qd766-box.js';
import { customRangeProblem, presetRange, type DayRange, type RangePreset } from './range-presets.js';
import { DailyChart, HourlyChart, RatingsChart } from './report-charts.js';
import { countText, rangeText } from './report-format.js';
import { SummaryTiles } from './summary-tiles.js';
import { WeeklyList } from './weekly-list.js';
import './reports.css';

const PRESETS: readonly { id: RangePreset; vi: string; en: string }[] = [
  { id: 'today', vi: 'Hôm nay', en: 'Today' },
  { id: 'week', vi: 'Tuần này', en: 'This week' },
  { id: 'month', vi: 'Tháng này', en: 'This month' },
  { id: 'custom', vi: 'Tuỳ chọn', en: 'Custom' },
];

const CSV_TABLES: readonly { id: ReportTableKey; vi: string; en: string }[] = [
  { id: 'summary', vi: 'Tổng hợp', en: 'Summary' },
  { id: 'queues', vi: 'Theo hàng đợi', en: 'By queue' },
  { id: 'counters', vi: 'Theo quầy', en: 'By counter' },
  { id: 'officers', vi: 'Theo cán bộ', en: 'By officer' },
  { id: 'days', vi: 'Theo ngày', en: 'By day' },
];

/**
 * Báo cáo: the hall's figures over a day, this week, this month or chosen days, computed by the hub
 * from its event log; charts, tables per queue, counter and officer, the QĐ 766 indicator, CSV and
 * Excel downloads, and the weekly reports the hub keeps.
 */
export function ReportsScreen({ session }: AdminScreenProps) {
  const [preset, setPreset] = useState<RangePreset>('today');
  const [range, setRange] = useState<DayRange>(() => presetRange('today', Date.now()));
  const [custom, setCustom] = useState<DayRange>(range);
  const [customProblem, setCustomProblem] = useState<string | null>(null);
  const [report, setReport] = useState<HallReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [weekly, setWeekly] = useState<readonly SavedReport[] | null>(null);
  const [csvTable, setCsvTable] = useState<ReportTableKey>('summary');
  const [downloadFailed, setDownloadFailed] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    // Only the latest request's answer is shown, however the answers arrive.
    const mine = ++asked.current;
    setLoading(true);
    setError(null);
    void adminRequest<HallReport>(session, 'GET', `/api/admin/reports?from=${range.from}&to=${range.to}`).then((reply) => {
      if (mine !== asked.current) return;
      setLoading(false);
      if (reply.ok) setReport(reply.data);
      else {
        setReport(null);
        setError(reply.error);
      }
    });
  }, [session, range.from, range.to]);

  useEffect(() => {
    void adminRequest<{ reports: SavedReport[] }>(session, 'GET', '/api/admin/reports/weekly').then((reply) =>
      setWeekly(reply.ok ? reply.data.reports : []),
    );
  }, [session]);

  const choose = (p: RangePreset) => {
    setPreset(p);
    setCustomProblem(null);
    if (p !== 'custom') setRange(presetRange(p, Date.now()));
  };
  const applyCustom = (e: Event) => {
    e.preventDefault();
    const problem = customRangeProblem(custom);
    setCustomProblem(problem);
    if (!problem) setRange({ ...custom });
  };
  const download = async (path: string, name: string) => {
    setDownloadFailed(!(await downloadFile(session, path, name)));
  };
  const query = `from=${range.from}&to=${range.to}`;

  return (
    <div class="rp">
      <div class="settings-bar rp-bar">
        <h1 class="screen-title">
          <Bi vi="Báo cáo" en="Reports" />
        </h1>
        <div class="rp-presets" role="group" aria-label="Khoảng thời gian / Range">
          {PRESETS.map((p) => (
            <button key={p.id} type="button" class="bar-button" aria-pressed={preset === p.id} onClick={() => choose(p.id)}>
              <Bi vi={p.vi} en={p.en} />
            </button>
          ))}
        </div>
        <div class="rp-downloads">
          <label class="rp-csv-pick">
            <Bi vi="Bảng CSV" en="CSV table" />
            <select value={csvTable} onChange={(e) => setCsvTable((e.target as HTMLSelectElement).value as ReportTableKey)}>
              {CSV_TABLES.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.vi} ({t.en})
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="bar-button"
            disabled={!report}
            onClick={() =>
              void download(`/api/admin/reports/export.csv?${query}&table=${csvTable}`, `bao-cao-${range.from}-${range.to}.csv`)
            }
          >
            <Bi vi="Tải CSV" en="Download CSV" />
          </button>
          <button
            type="button"
            class="bar-button bar-button--primary"
            disabled={!report}
            onClick={() => void download(`/api/admin/reports/export.xlsx?${query}`, `bao-cao-${range.from}-${range.to}.xlsx`)}
          >
            <Bi vi="Tải Excel" en="Download Excel" />
          </button>
        </div>
      </div>
      <div class="settings-scroll rp-scroll">
        {preset === 'custom' && (
          <form class="rp-custom" onSubmit={applyCustom}>
            <label>
              <Bi vi="Từ ngày" en="From" />
              <input
                type="date"
                value={custom.from}
                onInput={(e) => setCustom({ ...custom, from: (e.target as HTMLInputElement).value })}
              />
            </label>
            <label>
              <Bi vi="Đến ngày" en="To" />
              <input
                type="date"
                value={custom.to}
                onInput={(e) => setCustom({ ...custom, to: (e.target as HTMLInputElement).value })}
              />
            </label>
            <button type="submit" class="bar-button bar-button--primary">
              <Bi vi="Xem báo cáo" en="Show" />
            </button>
            {customProblem && (
              <p class="note note--error" role="alert">
                {customProblem}
              </p>
            )}
          </form>
        )}
        {error && (
          <div class="note note--error" role="alert">
            <p class="note-title">{errorText(error)}</p>
            {(error.details ?? []).map((d, i) => (
              <p key={i} lang="en" class="en">
                {d.path} {d.message}
              </p>
            ))}
          </div>
        )}
        {downloadFailed && (
          <p class="note note--error" role="alert">
            Không tải được tệp báo cáo. <span class="en">The download failed.</span>
          </p>
        )}
        <p class="rp-range" aria-live="polite">
          <strong>{rangeText(range.from, range.to)}</strong>
          {report && (
            <span class="en"> · {countText(report.days)} ngày / days · tính từ nhật ký sự kiện / from the event log</span>
          )}
          {loading && (
            <span class="rp-loading">
              {' '}
              Đang tính… <span class="en">Computing…</span>
            </span>
          )}
        </p>
        {report && (
          <div class="rp-report" data-from={report.from} data-to={report.to} aria-busy={loading}>
            <div class="rp-top">
              <SummaryTiles summary={report.summary} />
              <Qd766Box qd766={report.qd766} ratings={report.summary.ratings} />
            </div>
            <div class="rp-charts">
              <DailyChart days={report.daily} />
              <HourlyChart hours={report.hourly} />
              <RatingsChart scales={report.ratings} />
            </div>
            <BreakdownTable
              name="queues"
              caption={{ vi: 'Theo hàng đợi', en: 'By queue (tickets of the queue that issued them)' }}
              head={{ vi: 'Hàng đợi', en: 'Queue' }}
              rows={report.queues}
            />
            <BreakdownTable
              name="counters"
              caption={{ vi: 'Theo quầy', en: 'By counter' }}
              head={{ vi: 'Quầy', en: 'Counter' }}
              rows={report.counters}
            />
            <BreakdownTable
              name="officers"
              caption={{ vi: 'Theo cán bộ', en: 'By officer' }}
              head={{ vi: 'Cán bộ', en: 'Officer' }}
              rows={report.officers}
            />
          </div>
        )}
        <WeeklyList
          reports={weekly}
          onDownload={(r, ext) =>
            void download(`/api/admin/reports/weekly/${r.id}.${ext}`, `bao-cao-tuan-${r.from}-${r.to}.${ext}`)
          }
        />
      </div>
    </div>
  );
}
