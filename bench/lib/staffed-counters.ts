import type { Socket } from 'socket.io-client';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { signIn } from '../../tests/helpers/test-hub.js';
import { connectHubSocket, freshCommandId, sendCommand } from './hub-sockets.js';
import { LoopbackClient } from './loopback-http.js';

/** An officer signed in and serving at one open counter. */
export interface StaffedCounter {
  readonly counterId: string;
  readonly officerId: string;
  /** The queues this counter calls from: the kiosk loads exactly these. */
  readonly queueIds: readonly string[];
  readonly socket: Socket;
}

/**
 * Signs in every enabled officer of role `officer` and opens one counter each, pairing them with
 * the site's counters in order (the demo office has as many officers as counters). Supervisors and
 * admins are left out: they do not sit at a counter on a normal day.
 */
export async function staffCounters(
  url: string,
  site: SiteConfig,
  passwords: Readonly<Record<string, string>>,
  /** Each officer's own loopback address, as each sits at their own PC (sign-in is limited per address). */
  addressOf?: (index: number) => string,
): Promise<StaffedCounter[]> {
  const officers = site.officers.filter((o) => o.role === 'officer' && !o.disabled);
  const pairs = officers.slice(0, site.counters.length).map((o, i) => ({ officer: o, counter: site.counters[i] }));
  const staffed: StaffedCounter[] = [];
  for (const [i, { officer, counter }] of pairs.entries()) {
    if (!counter) continue;
    const address = addressOf?.(i);
    let token: string;
    if (address === undefined) token = await signIn(url, officer.username, passwords[officer.username]);
    else {
      const client = new LoopbackClient(url, address);
      token = await client.signIn(officer.username, passwords[officer.username]).finally(() => client.close());
    }
    const socket = await connectHubSocket(url, { token }, undefined, 10_000, address);
    const opened = await sendCommand(socket, 'counter:open', { commandId: freshCommandId(), counterId: counter.id });
    if (opened.kind !== 'ok') {
      socket.close();
      throw new Error(`${officer.username} could not open ${counter.id}: ${opened.kind === 'refused' ? opened.code : 'timeout'}`);
    }
    staffed.push({ counterId: counter.id, officerId: officer.id, queueIds: counter.queues.map((q) => q.queueId), socket });
  }
  if (staffed.length === 0) throw new Error('the site has no officer to staff a counter');
  return staffed;
}
