import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { testSite } from '../../tests/helpers/test-site.js';

/**
 * The demo office grown to a provincial centre's size: `counters` counters serving the demo's
 * queues (or `queueList`, which must keep the demo's result queue) in turn (primary, and the next
 * queue as secondary), one officer per counter, `displays` hall TVs with their own keys. Keys are
 * predictable ("tv-<n>-…") so the bench can open each TV.
 */
export function bigHallSite(counters: number, displays: number, queueList?: SiteConfig['queues']): SiteConfig {
  const demo = testSite();
  const queues = queueList ?? demo.queues;
  return {
    ...demo,
    queues,
    counters: Array.from({ length: counters }, (_, i) => {
      const primary = queues[i % queues.length]!;
      const secondary = queues[(i + 1) % queues.length]!;
      return {
        id: `quay-${i + 1}`,
        number: i + 1,
        name: `Quầy ${i + 1} – ${primary.name}`,
        queues: [
          { queueId: primary.id, role: 'primary' as const },
          { queueId: secondary.id, role: 'secondary' as const },
        ],
        priorityCounter: false,
      };
    }),
    officers: [
      ...Array.from({ length: counters }, (_, i) => ({
        id: `canbo${i + 1}`,
        username: `canbo${i + 1}`,
        name: `Cán bộ ${i + 1}`,
        role: 'officer' as const,
        disabled: false,
      })),
      { id: 'quantri', username: 'quantri', name: 'Quản trị', role: 'admin' as const, disabled: false },
    ],
    devices: [
      ...demo.devices.filter((d) => d.kind === 'kiosk'),
      ...Array.from({ length: displays }, (_, i) => ({
        id: `tv-${i + 1}`,
        kind: 'display' as const,
        name: `Màn hình ${i + 1}`,
        key: `tv-${i + 1}-abcdefghijklmnopqrstuvwxyz`,
        options: { callRows: 8 },
      })),
    ],
  };
}
