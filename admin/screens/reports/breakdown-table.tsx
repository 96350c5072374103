import type { QueueRow, StaffRow } from '../../../common/contract/report.js';
import { Bi } from '../../i18n/bilingual.js';
import { countText, minutesText, percentText } from './report-format.js';

type Row = QueueRow | StaffRow;

const isQueue = (r: Row): r is QueueRow => 'issued' in r;

/**
 * Per queue, counter or officer: the figures a supervisor compares side by side. The full set
 * (medians, estimate error, transfers…) is in the CSV and the workbook.
 */
export function BreakdownTable(props: {
  name: 'queues' | 'counters' | 'officers';
  caption: { vi: string; en: string };
  head: { vi: string; en: string };
  rows: readonly Row[];
}) {
  const queues = props.name === 'queues';
  const num = (vi: string, en: string) => (
    <th scope="col" class="rp-num">
      <Bi vi={vi} en={en} />
    </th>
  );
  return (
    <div class="rp-table-wrap">
      <table class="rp-table" data-table={props.name}>
        <caption>
          <Bi vi={props.caption.vi} en={props.caption.en} />
          <span class="rp-caption-note">
            Thời gian tính bằng phút. <span class="en">Times in minutes.</span>
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Bi vi={props.head.vi} en={props.head.en} />
            </th>
            {queues ? num('Cấp', 'Issued') : num('Hồ sơ', 'Dossiers')}
            {num('Phục vụ', 'Served')}
            {num('Vắng mặt', 'No-show')}
            {num('Chuyển', 'Transferred')}
            {num('Chờ TB', 'Mean wait')}
            {num('Chờ P90', 'P90 wait')}
            {num('Chờ > 30′', 'Over 30 min')}
            {num('Phục vụ TB', 'Mean service')}
            {num('Đánh giá', 'Ratings')}
            {num('Hài lòng', 'Satisfied')}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.id} data-id={r.id} class={r.removed ? 'rp-removed' : undefined}>
              <th scope="row">
                {r.name}
                {r.removed && <span class="en"> (đã xoá khỏi cấu hình / removed)</span>}
              </th>
              <td class="rp-num">{countText(isQueue(r) ? r.issued : r.dossiers)}</td>
              <td class="rp-num">{countText(r.served)}</td>
              <td class="rp-num">{countText(r.noShow)}</td>
              <td class="rp-num">{countText(r.transferred)}</td>
              <td class="rp-num">{minutesText(r.wait.meanSec)}</td>
              <td class="rp-num">{minutesText(r.wait.p90Sec)}</td>
              <td class="rp-num">{percentText(r.wait.over30Share)}</td>
              <td class="rp-num">{minutesText(r.service.meanSec)}</td>
              <td class="rp-num">{countText(r.ratings.rated)}</td>
              <td class="rp-num">{percentText(r.ratings.satisfactionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
