import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { DayRow, HourRow, RatingScaleRow } from '../../../common/contract/report.js';
import { Bi } from '../../i18n/bilingual.js';
import { shortDayText } from './report-format.js';

// Only the parts these three charts draw, so the admin bundle carries no unused chart types.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const INK = '#14213d';
const BRAND = '#0b4f9c';
const OK = '#1e6b34';
const WARN = '#b06a00';
const ACCENT = '#b3261e';
const FONT = { family: "'Be Vietnam Pro', system-ui, sans-serif", size: 15 };

/** Large, readable type everywhere in a chart; no animation (a report is read, not watched). */
function options(extra: Record<string, unknown> = {}): ChartConfiguration['options'] {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    // Vietnamese numbers on the axes and in tooltips: 1.200, not 1,200.
    locale: 'vi-VN',
    color: INK,
    plugins: {
      legend: { labels: { font: FONT, color: INK } },
      tooltip: { titleFont: FONT, bodyFont: FONT },
    },
    ...extra,
  };
}
const axis = (title?: string, extra: Record<string, unknown> = {}) => ({
  ticks: { font: FONT, color: INK },
  ...(title ? { title: { display: true, text: title, font: FONT, color: INK } } : {}),
  ...extra,
});

/** A chart.js canvas owned by Preact: built on mount and whenever its data change, destroyed after. */
function ChartCanvas(props: { config: ChartConfiguration; label: string; name: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = new Chart(ref.current, props.config);
    return () => chart.destroy();
  }, [props.config]);
  return (
    <div class="rp-chart-box">
      <canvas ref={ref} role="img" aria-label={props.label} data-chart={props.name} />
    </div>
  );
}

/** Tickets per day: issued beside served. */
export function DailyChart(props: { days: readonly DayRow[] }) {
  const config = useMemo(
    (): ChartConfiguration => ({
      type: 'bar',
      data: {
        labels: props.days.map((d) => shortDayText(d.day)),
        datasets: [
          { label: 'Đã cấp (Issued)', data: props.days.map((d) => d.issued), backgroundColor: BRAND, maxBarThickness: 48 },
          { label: 'Đã phục vụ (Served)', data: props.days.map((d) => d.served), backgroundColor: OK, maxBarThickness: 48 },
        ],
      },
      options: options({
        scales: { x: axis(), y: axis('Số phiếu', { beginAtZero: true, ticks: { font: FONT, color: INK, precision: 0 } }) },
      }),
    }),
    [props.days],
  );
  return (
    <figure class="rp-chart">
      <figcaption>
        <Bi vi="Số phiếu theo ngày" en="Tickets per day" />
      </figcaption>
      <ChartCanvas
        config={config}
        name="daily"
        label="Số phiếu đã cấp và đã phục vụ theo ngày / Tickets issued and served per day"
      />
    </figure>
  );
}

/** Arrivals per hour of the day (bars) and how long they waited on average (line, minutes). */
export function HourlyChart(props: { hours: readonly HourRow[] }) {
  const config = useMemo((): ChartConfiguration => {
    // Office hours at least, and any hour someone came in.
    const busy = props.hours.filter((h) => h.arrivals > 0);
    const first = Math.min(7, ...busy.map((h) => h.hour));
    const last = Math.max(17, ...busy.map((h) => h.hour));
    const shown = props.hours.filter((h) => h.hour >= first && h.hour <= last);
    return {
      type: 'bar',
      data: {
        labels: shown.map((h) => `${h.hour}h`),
        datasets: [
          {
            type: 'bar',
            label: 'Số người đến (Arrivals)',
            data: shown.map((h) => h.arrivals),
            backgroundColor: BRAND,
            yAxisID: 'y',
          },
          {
            type: 'line',
            label: 'Chờ trung bình, phút (Mean wait, min)',
            data: shown.map((h) => (h.wait.meanSec === null ? null : Math.round(h.wait.meanSec / 6) / 10)),
            borderColor: WARN,
            backgroundColor: WARN,
            borderWidth: 3,
            yAxisID: 'wait',
          },
        ],
      },
      options: options({
        scales: {
          x: axis('Giờ trong ngày'),
          y: axis('Số người', { beginAtZero: true, position: 'left', ticks: { font: FONT, color: INK, precision: 0 } }),
          wait: axis('Phút chờ', { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } }),
        },
      }),
    };
  }, [props.hours]);
  return (
    <figure class="rp-chart">
      <figcaption>
        <Bi vi="Người đến và thời gian chờ theo giờ" en="Arrivals and waiting by hour" />
      </figcaption>
      <ChartCanvas
        config={config}
        name="hourly"
        label="Số người đến và thời gian chờ trung bình theo giờ / Arrivals and mean wait by hour"
      />
    </figure>
  );
}

/** Ratings per level of each scale used in the range (never two scales in one bar). */
export function RatingsChart(props: { scales: readonly RatingScaleRow[] }) {
  const used = props.scales.filter((s) => s.rated > 0);
  const scale = used[0] ?? props.scales[0];
  const config = useMemo((): ChartConfiguration | null => {
    if (!scale) return null;
    return {
      type: 'bar',
      data: {
        labels: scale.levels.map((l) => l.name),
        datasets: [
          {
            label: `Lượt đánh giá (Ratings) – ${scale.name}`,
            data: scale.levels.map((l) => l.count),
            backgroundColor: scale.levels.map((l) => (l.satisfied ? OK : ACCENT)),
          },
        ],
      },
      options: options({
        indexAxis: 'y',
        plugins: { legend: { display: false }, tooltip: { titleFont: FONT, bodyFont: FONT } },
        scales: { x: axis('Lượt', { beginAtZero: true, ticks: { font: FONT, color: INK, precision: 0 } }), y: axis() },
      }),
    };
  }, [scale]);
  if (!scale || !config) return null;
  return (
    <figure class="rp-chart">
      <figcaption>
        <Bi vi="Đánh giá theo mức" en="Ratings by level" />
        {used.length > 1 && <span class="en"> (+{used.length - 1} thang khác trong bảng / other scales in the table)</span>}
      </figcaption>
      <ChartCanvas config={config} name="ratings" label={`Số lượt đánh giá theo mức, ${scale.name} / Ratings by level`} />
    </figure>
  );
}
