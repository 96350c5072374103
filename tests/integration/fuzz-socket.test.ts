import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMANDS, SNAPSHOT_REQUEST, type CommandName } from '../../common/contract/commands.js';
import { preview as show, notAnAck, notAnErrorEnvelope, sendRaw } from '../helpers/fuzz-http.js';
import { busyHall } from '../helpers/fuzz-hall-setup.js';
import { HINTED, liveValues } from '../helpers/fuzz-live.js';
import { seedOf } from '../helpers/fuzz-rest-cases.js';
import { FuzzRoles, ROLES, type RoleName } from '../helpers/fuzz-roles.js';
import { resolveHints, type JsonSchema } from '../helpers/fuzz-schema-arbitrary.js';
import { badHandshake, socketCases, type SocketCase } from '../helpers/fuzz-socket-cases.js';
import { commandMayChange, fingerprint, unexpectedChanges } from '../helpers/fuzz-state.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/** Cases per event and role. Fixed seed: the same cases every run (FUZZ_CASES, FUZZ_SEED for a longer hunt). */
const CASES_PER_EVENT = Number(process.env.FUZZ_CASES ?? 15);
const HANDSHAKES = 30;
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_311);
const WAIT_MS = 3_000;
const MAX_LISTED = Number(process.env.FUZZ_LISTED ?? 25);

type Outcome = { readonly succeeded: boolean; readonly problem: string | null };

/**
 * Every socket command of the wire contract and the snapshot request, from every role, with
 * generated payloads and every wrong way to call them (no callback, a callback that is not a
 * function, extra arguments, unknown names, packets over the 64 KB limit, malformed packets). Acks
 * are envelopes, a refusal changes nothing, a dropped socket leaves the hub serving everyone else.
 */
describe('hostile input on every socket event', () => {
  let t: TestHub;
  let roles: FuzzRoles;
  /** A well-behaved screen beside the fuzzed ones: it must keep being served. */
  let observer: Socket;

  beforeAll(async () => {
    t = await startTestHub({ clock: new ManualClock(Date.UTC(2026, 2, 10, 2, 0)) });
    roles = await FuzzRoles.create(t);
    await busyHall(t, roles, false);
    const made = await connect(roles.socketAuth('display'));
    if (made.error) throw made.error;
    observer = made.socket;
  });
  afterAll(async () => {
    observer?.close();
    await t?.dispose();
  });

  const healthy = async () => (await sendRaw(t.port, { method: 'GET', path: '/api/health', headers: {} })).status === 200;

  /** A connected socket, or the error the hub refused the handshake with. */
  function connect(auth: Record<string, unknown>): Promise<{ socket: Socket; error: (Error & { data?: unknown }) | null }> {
    const socket = io(t.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: WAIT_MS });
    return new Promise((resolve) => {
      socket.once('connect', () => resolve({ socket, error: null }));
      socket.once('connect_error', (error) => resolve({ socket, error }));
    });
  }

  /** Waits until the hub has handled everything this socket sent before: it answers in order. */
  async function barrier(socket: Socket): Promise<string | null> {
    try {
      const ack = (await socket.timeout(WAIT_MS).emitWithAck(SNAPSHOT_REQUEST)) as { ok?: boolean };
      return ack.ok === true ? null : `snapshot request answered ${show(ack, 120)}`;
    } catch (err) {
      return `snapshot request not answered (${(err as Error).message})`;
    }
  }

  async function dropped(socket: Socket): Promise<boolean> {
    if (!socket.connected) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(!socket.connected), WAIT_MS);
      socket.once('disconnect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  async function run(socket: Socket, c: SocketCase, payload: unknown): Promise<Outcome> {
    const args = payload === undefined ? [] : [payload];
    switch (c.kind) {
      case 'ack': {
        let ack: unknown;
        try {
          ack = await socket.timeout(WAIT_MS).emitWithAck(c.event, ...args);
        } catch (err) {
          return { succeeded: false, problem: `no ack (${(err as Error).message})` };
        }
        const problem = notAnAck(ack);
        return {
          succeeded: (ack as { ok?: unknown })?.ok === true,
          problem: problem ? `ack ${problem}: ${show(ack, 160)}` : null,
        };
      }
      case 'no-ack':
      case 'no-payload':
        socket.emit(c.event, ...args);
        return { succeeded: false, problem: await barrier(socket) };
      case 'bad-ack':
      case 'extra-args':
        // The ack, if any, is never called: the hub takes the second argument as the callback.
        socket.emit(c.event, ...args, ...c.extra, () => undefined);
        return { succeeded: false, problem: await barrier(socket) };
      case 'unknown-event':
        socket.emit(c.event, ...args, () => undefined);
        return { succeeded: false, problem: await barrier(socket) };
      case 'huge':
        socket.emit(c.event, payload, () => undefined);
        return { succeeded: false, problem: (await dropped(socket)) ? null : 'a payload over 64 KB did not drop the socket' };
      case 'raw': {
        socket.io.engine.write(c.raw ?? '');
        // The hub may close a socket that speaks nonsense, or take "1" as a goodbye without a word:
        // this socket is done either way. Everyone else must still be served (checked by the caller).
        const problem = await barrier(observer);
        socket.close();
        return { succeeded: false, problem };
      }
    }
  }

  it('refuses handshakes without valid credentials with the error envelope, changing nothing', async () => {
    const failures: string[] = [];
    const cases = fc.sample(badHandshake, { seed: SEED, numRuns: HANDSHAKES });
    for (const [i, auth] of cases.entries()) {
      const before = fingerprint(t.hub);
      const { socket, error } = await connect(auth);
      socket.close();
      if (!error) failures.push(`case ${i}: connected with ${show(auth, 120)}`);
      else if (error.message !== 'UNAUTHENTICATED') {
        // A handshake over the 64 KB limit is cut at the transport instead.
        if (JSON.stringify(auth).length < 60_000) failures.push(`case ${i}: ${error.message} for ${show(auth, 120)}`);
      } else {
        const p = notAnErrorEnvelope('application/json', JSON.stringify({ ok: false, error: error.data }));
        if (p) failures.push(`case ${i}: connect_error data ${p}`);
      }
      const changes = unexpectedChanges(before, fingerprint(t.hub), false, []);
      if (changes.length > 0) failures.push(`case ${i}: refused handshake changed ${changes.join(', ')}`);
    }
    expect(failures).toEqual([]);
    expect(await healthy()).toBe(true);
  });

  it(
    'answers every event from every role with an envelope, or drops the socket, changing only what a success is for',
    async () => {
      const live = liveValues(t.hub);
      const failures: string[] = [];
      const tally = { cases: 0, ok: 0, drops: 0 };
      const events: readonly (readonly [string, JsonSchema | null])[] = [
        ...COMMAND_NAMES.map((name) => [name, JSON.parse(JSON.stringify(COMMANDS[name].input)) as JsonSchema] as const),
        [SNAPSHOT_REQUEST, null],
      ];
      for (const role of ROLES.filter((r): r is Exclude<RoleName, 'none'> => r !== 'none')) {
        let socket: Socket | null = null;
        for (const [event, schema] of events) {
          const cases = fc.sample(socketCases(event, schema, { hinted: HINTED }), {
            seed: seedOf(`${event} ${role}`, SEED),
            numRuns: CASES_PER_EVENT,
          });
          for (const [i, c] of cases.entries()) {
            if (!socket?.connected) {
              socket?.close();
              await roles.ensure();
              const made = await connect(roles.socketAuth(role));
              if (made.error) throw new Error(`${role} cannot connect: ${made.error.message}`);
              socket = made.socket;
            }
            const payload = resolveHints(c.payload, live);
            const before = fingerprint(t.hub);
            const outcome = await run(socket, c, payload);
            const after = fingerprint(t.hub);
            tally.cases++;
            if (outcome.succeeded) tally.ok++;
            const mayChange = KNOWN_COMMANDS.has(c.event) ? commandMayChange(c.event as CommandName) : [];
            const changes = unexpectedChanges(before, after, outcome.succeeded, mayChange);
            const problems = [outcome.problem, changes.length > 0 ? `changed ${changes.join(', ')}` : null].filter(Boolean);
            if (problems.length > 0)
              failures.push(
                `${c.event} as ${role}, case ${i} (${c.kind}): ${problems.join('; ')} | ${show(c.raw ?? payload, 200)}`,
              );
            if (!socket.connected) {
              tally.drops++;
              const stillServed = (await healthy()) && (await barrier(observer)) === null;
              if (!stillServed) failures.push(`${c.event} as ${role}, case ${i}: the hub stopped serving others`);
            }
          }
        }
        socket?.close();
        if (!(await healthy())) failures.push(`after ${role}: /api/health does not answer 200`);
      }
      console.info(`socket fuzz: ${tally.cases} cases: ${tally.ok} succeeded, ${tally.drops} sockets dropped`);
      expect(failures.slice(0, MAX_LISTED), `${failures.length} failures`).toEqual([]);
      expect(tally.ok).toBeGreaterThan(0);
    },
    Math.max(120_000, CASES_PER_EVENT * 8_000),
  );
});

const KNOWN_COMMANDS: ReadonlySet<string> = new Set(COMMAND_NAMES);
