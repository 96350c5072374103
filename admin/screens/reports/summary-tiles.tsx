import type { ReportSummary } from '../../../common/contract/report.js';
import { Bi } from '../../i18n/bilingual.js';
import { countText, minutesText, percentText } from './report-format.js';

function Tile(props: { name: string; vi: string; en: string; value: string; unit?: string; note?: string; alert?: boolean }) {
  return (
    <div class={props.alert ? 'rp-tile rp-tile--alert' : 'rp-tile'} data-figure={props.name}>
      <span class="rp-tile-label">
        <Bi vi={props.vi} en={props.en} />
      </span>
      <span class="rp-tile-value">
        {props.value}
        {props.unit && <span class="rp-tile-unit"> {props.unit}</span>}
      </span>
      {props.note && <span class="rp-tile-note">{props.note}</span>}
    </div>
  );
}

/** The range at a glance: tickets and what became of them, waiting against the 30-minute target, service, dossiers. */
export function SummaryTiles(props: { summary: ReportSummary }) {
  const s = props.summary;
  const over30 = s.wait.over30Share;
  return (
    <section class="rp-tiles" aria-label="Tổng hợp / Summary">
      <Tile name="issued" vi="Số phiếu đã cấp" en="Tickets issued" value={countText(s.issued)} />
      <Tile
        name="served"
        vi="Đã phục vụ"
        en="Served"
        value={countText(s.served)}
        note={`Vắng mặt ${countText(s.noShow)} · Huỷ ${countText(s.cancelled)} · Hết hạn ${countText(s.expired)}`}
      />
      <Tile
        name="wait"
        vi="Chờ trung bình"
        en="Mean wait"
        value={minutesText(s.wait.meanSec)}
        unit="phút"
        note={`Trung vị ${minutesText(s.wait.medianSec)} · P90 ${minutesText(s.wait.p90Sec)} · Lâu nhất ${minutesText(s.wait.maxSec)}`}
      />
      <Tile
        name="over30"
        vi="Chờ quá 30 phút"
        en="Waited over 30 min"
        value={percentText(over30)}
        note={`${countText(s.wait.over30Count)} / ${countText(s.wait.count)} lượt gọi`}
        alert={over30 !== null && over30 > 0}
      />
      <Tile
        name="service"
        vi="Phục vụ trung bình"
        en="Mean service"
        value={minutesText(s.service.meanSec)}
        unit="phút"
        note={`Trung vị ${minutesText(s.service.medianSec)}`}
      />
      <Tile
        name="estimate"
        vi="Sai số dự báo chờ"
        en="Wait estimate error"
        value={minutesText(s.estimate.meanAbsSec)}
        unit="phút"
        note={`Lệch TB (thực tế − dự báo) ${minutesText(s.estimate.meanSignedSec)} phút`}
      />
      <Tile
        name="dossiers"
        vi="Hồ sơ tiếp nhận"
        en="Dossiers received"
        value={countText(s.dossiers.received)}
        note={`Đã chuyển tỉnh ${countText(s.dossiers.forwarded)} · Chờ chuyển ${countText(s.dossiers.waiting)}`}
        alert={s.dossiers.waiting > 0}
      />
    </section>
  );
}
