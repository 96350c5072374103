import type { Socket } from 'socket.io-client';
import { ADMIN_STATUS_EVENT } from '../../common/contract/admin-status.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { watchDisplay, type DisplayWatcher } from '../lib/display-watcher.js';
import { connectHubSocket } from '../lib/hub-sockets.js';
import { hallAddress, LoopbackClient } from '../lib/loopback-http.js';
import { displayKey, kioskKey, supervisorName, surveyKey } from '../lib/realistic-hall-site.js';
import { staffCounters, type StaffedCounter } from '../lib/staffed-counters.js';

/**
 * Everyone in the hall connected as their screens connect: TVs, kiosk screens, officers signed in at
 * their counters, a survey pad per counter, supervisors on the dashboard. Each machine from its own
 * loopback address. Every socket's messages are counted by group, since every hall fact goes to
 * every screen and that fan-out is much of what grows with the hall.
 */
export type ScreenGroup = 'displays' | 'kiosks' | 'officers' | 'pads' | 'dashboards';

export interface HallScreens {
  readonly displays: DisplayWatcher[];
  readonly kioskScreens: Socket[];
  readonly counters: StaffedCounter[];
  /** The survey terminal of counters[i] is pads[i]. */
  readonly pads: Socket[];
  readonly dashboards: Socket[];
  readonly messages: Record<ScreenGroup, number>;
  readonly disconnects: Record<ScreenGroup, number>;
  adminStatuses: number;
  all(): Socket[];
}

// In batches: hundreds of simultaneous handshakes would measure a connection storm, not the day.
const BATCH = 20;

async function inBatches<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += BATCH) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => open(i + j)))));
  }
  return out;
}

export async function connectHallScreens(
  url: string,
  site: SiteConfig,
  passwords: Readonly<Record<string, string>>,
  sizes: { displays: number; kioskScreens: number; supervisors: number },
): Promise<HallScreens> {
  const messages: Record<ScreenGroup, number> = { displays: 0, kiosks: 0, officers: 0, pads: 0, dashboards: 0 };
  const disconnects: Record<ScreenGroup, number> = { displays: 0, kiosks: 0, officers: 0, pads: 0, dashboards: 0 };
  const opened: Socket[] = [];
  const count = (group: ScreenGroup, s: Socket) => {
    opened.push(s);
    s.onAny(() => messages[group]++);
    s.on('disconnect', () => disconnects[group]++);
    return s;
  };
  const screens: HallScreens = {
    displays: [],
    kioskScreens: [],
    counters: [],
    pads: [],
    dashboards: [],
    messages,
    disconnects,
    adminStatuses: 0,
    all: () => opened,
  };
  try {
    screens.displays.push(
      ...(await inBatches(sizes.displays, async (i) => {
        const d = await watchDisplay(url, displayKey(i));
        count('displays', d.socket);
        return d;
      })),
    );
    screens.kioskScreens.push(
      ...(await inBatches(sizes.kioskScreens, async (i) =>
        count('kiosks', await connectHubSocket(url, { deviceKey: kioskKey(i) }, undefined, 10_000, hallAddress('kiosk', i))),
      )),
    );
    const counters = await staffCounters(url, site, passwords, (i) => hallAddress('officer', i));
    for (const c of counters) count('officers', c.socket);
    screens.counters.push(...counters);
    screens.pads.push(
      ...(await inBatches(counters.length, async (i) =>
        count('pads', await connectHubSocket(url, { deviceKey: surveyKey(i) }, undefined, 10_000, hallAddress('survey', i))),
      )),
    );
    for (let i = 0; i < sizes.supervisors; i++) {
      const address = hallAddress('supervisor', i);
      const client = new LoopbackClient(url, address);
      const token = await client.signIn(supervisorName(i), passwords[supervisorName(i)]).finally(() => client.close());
      const s = await connectHubSocket(
        url,
        { token },
        (socket) => socket.on(ADMIN_STATUS_EVENT, () => screens.adminStatuses++),
        10_000,
        address,
      );
      screens.dashboards.push(count('dashboards', s));
    }
    return screens;
  } catch (err) {
    for (const s of opened) s.close();
    throw err;
  }
}
