import type { Qd766, RatingTotals } from '../../../common/contract/report.js';
import { Bi } from '../../i18n/bilingual.js';
import { countText, percentText } from './report-format.js';

/**
 * The QĐ 766/QĐ-TTg indicator "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC" beside our own
 * satisfaction rate: a bar with the 90 % full-score mark, and whether the range reaches it.
 */
export function Qd766Box(props: { qd766: Qd766; ratings: RatingTotals }) {
  const { qd766: q, ratings } = props;
  const width = q.rate === null ? 0 : Math.round(q.rate * 1000) / 10;
  const verdict =
    q.rate === null
      ? { vi: 'Chưa có lượt đánh giá', en: 'No ratings yet', cls: 'rp-verdict--none' }
      : q.met
        ? { vi: 'Đạt điểm tối đa', en: 'Full score reached', cls: 'rp-verdict--met' }
        : { vi: 'Chưa đạt điểm tối đa', en: 'Below the full-score threshold', cls: 'rp-verdict--not' };
  return (
    <section class="rp-qd" aria-labelledby="rp-qd-title" data-met={q.met ? 'yes' : 'no'}>
      <h2 id="rp-qd-title" class="rp-section-title">
        <Bi vi="Chỉ số QĐ 766" en="Decision 766 indicator" />
      </h2>
      <p class="rp-qd-name">
        {q.name} <span class="en">{q.nameEn}</span>
      </p>
      <div class="rp-qd-figures">
        <div>
          <span class="rp-qd-label">
            <Bi vi="Tỷ lệ hài lòng của đơn vị" en="Our satisfaction rate" />
          </span>
          <span class="rp-qd-rate" data-rate={q.rate ?? ''}>
            {percentText(q.rate)}
          </span>
        </div>
        <div>
          <span class="rp-qd-label">
            <Bi vi="Ngưỡng điểm tối đa" en="Full-score threshold" />
          </span>
          <span class="rp-qd-threshold">≥ {percentText(q.threshold)}</span>
        </div>
      </div>
      <div class="rp-qd-bar" role="presentation">
        <span class="rp-qd-fill" style={{ width: `${width}%` }} />
        <span class="rp-qd-mark" style={{ left: `${q.threshold * 100}%` }} />
      </div>
      <p class={`rp-verdict ${verdict.cls}`} role="status">
        <Bi vi={verdict.vi} en={verdict.en} />
      </p>
      <p class="rp-qd-basis">
        Dựa trên {countText(q.ratings)} lượt đánh giá ({countText(ratings.satisfied)} hài lòng); {countText(ratings.notRated)}{' '}
        lượt không đánh giá. <span class="en">Rests on {q.ratings} ratings; chances not taken are not counted.</span>
      </p>
    </section>
  );
}
