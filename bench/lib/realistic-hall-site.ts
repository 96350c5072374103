import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { testSite } from '../../tests/helpers/test-site.js';
import { bigHallSite } from './big-hall-site.js';

/**
 * A provincial centre's hall at a given size, for the realistic-hall load: `counters` counters
 * over queues scaled with them (about five counters per queue, so each queue's crowd is the same
 * at every size), a survey terminal per counter, hall TVs, kiosks each with a network ticket
 * printer, and supervisors who watch the dashboard. Keys are predictable so the bench can connect
 * as any device.
 */
export interface HallShape {
  readonly counters: number;
  readonly displays: number;
  readonly kiosks: number;
  readonly supervisors: number;
  /** One TCP port per kiosk printer (sink-printers.ts); empty: kiosks without printers. */
  readonly printerPorts: readonly number[];
}

// A queue's number prefix is one capital letter or a digit 1-9 (queue-schema.ts): 35 series at most.
const PREFIXES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789';
export const COUNTERS_PER_QUEUE = 5;

export function queueCount(counters: number): number {
  return Math.min(PREFIXES.length, Math.max(testSite().queues.length, Math.round(counters / COUNTERS_PER_QUEUE)));
}

export const kioskKey = (i: number) => `kiosk-${i + 1}-abcdefghijklmnopqrstuvwxyz`;
export const surveyKey = (i: number) => `survey-${i + 1}-abcdefghijklmnopqrstuvwxyz`;
export const displayKey = (i: number) => `tv-${i + 1}-abcdefghijklmnopqrstuvwxyz`;
export const supervisorName = (i: number) => `giamsat${i + 1}`;

/** The demo's six queues, then copies of them in turn ("Hộ tịch – Chứng thực 2"), each its own series. */
function scaledQueues(count: number): SiteConfig['queues'] {
  const demo = testSite().queues;
  const used = new Set(demo.map((q) => q.series.prefix));
  const free = [...PREFIXES].filter((p) => !used.has(p));
  return Array.from({ length: count }, (_, i) => {
    const base = demo[i % demo.length]!;
    if (i < demo.length) return base;
    const copy = Math.floor(i / demo.length) + 1;
    return {
      ...base,
      id: `${base.id}-${copy}`,
      name: `${base.name} ${copy}`,
      nameEn: `${base.nameEn} ${copy}`,
      series: { ...base.series, prefix: free[i - demo.length]! },
      // Fields route the kiosk's procedure look-up to one queue; the copies are reached by queue.
      fields: [],
    };
  });
}

export function realisticHallSite(shape: HallShape): SiteConfig {
  const base = bigHallSite(shape.counters, shape.displays, scaledQueues(queueCount(shape.counters)));
  const kiosks = Array.from({ length: shape.kiosks }, (_, i) => ({
    id: `kiosk-${i + 1}`,
    kind: 'kiosk' as const,
    name: `Kiosk ${i + 1}`,
    key: kioskKey(i),
  }));
  const printers = shape.printerPorts.slice(0, shape.kiosks).map((port, i) => ({
    id: `kiosk-${i + 1}-printer`,
    kind: 'printer' as const,
    name: `Máy in phiếu kiosk ${i + 1}`,
    model: 'generic/escpos-80mm',
    link: `tcp://127.0.0.1:${port}`,
    options: { kioskId: `kiosk-${i + 1}` },
  }));
  const surveys = base.counters.map((c, i) => ({
    id: `survey-${i + 1}`,
    kind: 'survey' as const,
    name: `Đánh giá quầy ${c.number}`,
    key: surveyKey(i),
    counterId: c.id,
  }));
  return {
    ...base,
    officers: [
      ...base.officers,
      ...Array.from({ length: shape.supervisors }, (_, i) => ({
        id: supervisorName(i),
        username: supervisorName(i),
        name: `Giám sát ${i + 1}`,
        role: 'supervisor' as const,
        disabled: false,
      })),
    ],
    devices: [...kiosks, ...printers, ...base.devices.filter((d) => d.kind === 'display'), ...surveys],
  };
}
