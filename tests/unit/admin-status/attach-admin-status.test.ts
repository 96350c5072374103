import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_STATUS_EVENT, type AdminStatus } from '../../../common/contract/admin-status.js';
import { attachAdminStatus, type AdminStatusDeps } from '../../../server/realtime/admin-status.js';
import type { Principal } from '../../../server/services/principal.js';
import { eventually } from '../../helpers/test-hub.js';

const SUPERVISOR: Principal = { kind: 'officer', officerId: 'gs', role: 'supervisor', name: 'Giám sát', sessionExpiresAt: 1e15 };

/**
 * The sampler on a real socket.io server, with the principal put in socket.data as hall-socket's
 * handshake does; the sources are plain functions the test controls.
 */
describe('attachAdminStatus', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function start(over: Partial<AdminStatusDeps>) {
    const http = createServer();
    const io = new Server(http);
    io.use((socket, next) => {
      socket.data = { principal: SUPERVISOR, token: 'tok' };
      next();
    });
    const warnings: string[] = [];
    const deps: AdminStatusDeps = {
      devices: () => [],
      printers: () => [],
      keypads: () => [],
      surveyPads: () => [],
      ledBoards: () => [],
      outbox: () => ({ pending: 0, dead: 0, lastSuccessAt: null, lastError: null }),
      counters: () => [],
      clock: { now: () => Date.now() },
      logger: { info() {}, error() {}, warn: (_o, msg) => void warnings.push(msg ?? '') },
      intervalMs: 10,
      ...over,
    };
    const detach = attachAdminStatus(io, deps);
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => io.close(() => r())), detach);
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const statuses: AdminStatus[] = [];
    const socket: Socket = connect(url, { transports: ['websocket'], reconnection: false });
    socket.on(ADMIN_STATUS_EVENT, (s: AdminStatus) => statuses.push(s));
    cleanups.push(() => void socket.close());
    return { statuses, warnings };
  }

  it('sends nothing while nothing changes, however often it samples', async () => {
    let samples = 0;
    const { statuses } = await start({
      outbox: () => (samples++, { pending: 0, dead: 0, lastSuccessAt: null, lastError: null }),
    });
    await eventually(() => statuses.length === 1 && samples > 20, 5000, 'twenty samples after the first status');
    expect(statuses).toHaveLength(1);
  });

  it('logs a failing source once, sends nothing from it, and carries on when it recovers', async () => {
    let broken = true;
    let samples = 0;
    const { statuses, warnings } = await start({
      outbox: () => {
        samples++;
        if (broken) throw new Error('database is locked');
        return { pending: 3, dead: 0, lastSuccessAt: null, lastError: null };
      },
    });
    await eventually(() => samples > 10, 5000, 'ten failed samples');
    expect(statuses).toEqual([]);
    expect(warnings).toEqual(['admin status not sampled']);
    broken = false;
    await eventually(() => statuses.length === 1, 5000, 'a status once the source reads again');
    expect(statuses[0]!.outbox.pending).toBe(3);
  });
});
