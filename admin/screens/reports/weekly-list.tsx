import type { SavedReport } from '../../../common/contract/report.js';
import { Bi } from '../../i18n/bilingual.js';
import { vnDateTime } from '../../i18n/date-time.js';
import { dayText } from './report-format.js';

/** The weekly reports the hub made (Thursday 15:00, Thursday..Wednesday), with their files. */
export function WeeklyList(props: {
  reports: readonly SavedReport[] | null;
  onDownload: (r: SavedReport, ext: 'xlsx' | 'csv') => void;
}) {
  return (
    <section class="rp-weekly" aria-labelledby="rp-weekly-title">
      <h2 id="rp-weekly-title" class="rp-section-title">
        <Bi vi="Báo cáo tuần" en="Weekly reports" />
      </h2>
      <p class="rp-hint">
        Hệ thống tự lập báo cáo lúc 15:00 thứ Năm hằng tuần, cho 7 ngày từ thứ Năm tuần trước đến thứ Tư.{' '}
        <span class="en">Made every Thursday at 15:00 for Thursday to Wednesday.</span>
      </p>
      {props.reports === null ? (
        <p class="loading">
          Đang tải… <span class="en">Loading…</span>
        </p>
      ) : props.reports.length === 0 ? (
        <p class="rp-hint">
          Chưa có báo cáo tuần nào. <span class="en">No weekly report yet.</span>
        </p>
      ) : (
        <ul class="rp-weekly-list" data-testid="weekly-list">
          {props.reports.map((r) => (
            <li key={r.id}>
              <span class="rp-weekly-range">
                {dayText(r.from)} – {dayText(r.to)}
              </span>
              <span class="rp-weekly-made en">lập lúc {vnDateTime(r.createdAt)}</span>
              <button type="button" class="small-button" onClick={() => props.onDownload(r, 'xlsx')}>
                <Bi vi="Tải Excel" en="Download XLSX" />
              </button>
              <button type="button" class="small-button" onClick={() => props.onDownload(r, 'csv')}>
                <Bi vi="Tải CSV" en="Download CSV" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
