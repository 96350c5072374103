import fc from 'fast-check';
import { COMMAND_NAMES, SNAPSHOT_REQUEST } from '../../common/contract/commands.js';
import { deepNesting, hostileText, hostileValue, hugeText, mutate, smallMutation } from './fuzz-hostile.js';
import { validShaped, type JsonSchema, type ShapeOptions } from './fuzz-schema-arbitrary.js';

export type SocketCaseKind = 'ack' | 'no-ack' | 'bad-ack' | 'extra-args' | 'no-payload' | 'unknown-event' | 'huge' | 'raw';

/** One emit (or one raw packet) on a connected socket. */
export interface SocketCase {
  readonly kind: SocketCaseKind;
  readonly event: string;
  /** undefined: sent without a payload. */
  readonly payload: unknown;
  /** 'bad-ack': the value in the callback's place; 'extra-args': the arguments between payload and callback. */
  readonly extra: readonly unknown[];
  /** 'raw': a socket.io packet written straight on the engine, bypassing the client's encoder. */
  readonly raw: string | null;
}

/** Names socket.io's client refuses to emit (they are its own events). */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);
const KNOWN = new Set<string>([...COMMAND_NAMES, SNAPSHOT_REQUEST]);

const unknownEvent = fc
  .oneof(
    fc.constantFrom(
      'admin:status',
      'ticket:called',
      'device:test',
      'TICKET:ISSUE',
      'ticket:issue ',
      'ticket:issue\u0000',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'error',
      '',
      'x'.repeat(5_000),
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
  )
  .filter((name) => !RESERVED.has(name) && !KNOWN.has(name));

/** Malformed or out-of-place socket.io packets (type digit, optional ack id, JSON). */
export const RAW_PACKETS: readonly string[] = [
  '2["ticket:issue"',
  '2',
  '2[]',
  '2[1,2]',
  '2[null]',
  '2{"a":1}',
  '2["disconnect"]',
  '2["connect",{}]',
  '2["hall:snapshot"]',
  '21["hall:snapshot"]',
  '299999999999999999999["ticket:issue",{}]',
  '2-1["ticket:issue",{}]',
  '51-["ticket:issue",{"_placeholder":true,"num":0}]',
  '3',
  '31[]',
  '9',
  '0/admin,{}',
  '0{}',
  '1',
  'x',
  '',
];

/**
 * The cases for one event: with a callback and a valid-shaped or mutated payload (its ack must be
 * an envelope), and every wrong way to call it: no callback, a callback that is not a function,
 * extra arguments, no payload; plus unknown event names, payloads over the 64 KB limit and raw packets.
 */
export function socketCases(event: string, schema: JsonSchema | null, opts: ShapeOptions): fc.Arbitrary<SocketCase> {
  const valid: fc.Arbitrary<unknown> = schema ? validShaped(schema, opts) : fc.constant(undefined);
  // Megabyte strings have a case of their own ('huge'): here they would only drop the socket.
  const mutated = fc.tuple(valid, smallMutation).map(([v, m]) => mutate(v, m));
  const payload = fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: mutated });
  // The snapshot request takes the callback first: any payload before it is an extra argument.
  const ackPayload = schema ? payload : fc.constant(undefined);
  const plain = { extra: [], raw: null };
  const nonFunction = fc.oneof(hostileValue, hostileText, deepNesting);
  return fc.oneof(
    { weight: 10, arbitrary: ackPayload.map((p) => ({ kind: 'ack' as const, event, payload: p, ...plain })) },
    { weight: 1, arbitrary: payload.map((p) => ({ kind: 'no-ack' as const, event, payload: p, ...plain })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(payload, nonFunction)
        .map(([p, x]) => ({ kind: 'bad-ack' as const, event, payload: p, extra: [x], raw: null })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(payload, fc.array(hostileValue, { minLength: 1, maxLength: 3 }))
        .map(([p, xs]) => ({ kind: 'extra-args' as const, event, payload: p, extra: xs, raw: null })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'no-payload' as const, event, payload: undefined, ...plain }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(unknownEvent, payload)
        .map(([e, p]) => ({ kind: 'unknown-event' as const, event: e, payload: p, ...plain })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, hugeText, fc.nat()).map(([v, text, pick]) => ({
        kind: 'huge' as const,
        event,
        payload: mutate(v ?? {}, { kind: 'huge', pick, value: text }),
        ...plain,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...RAW_PACKETS)
        .map((raw) => ({ kind: 'raw' as const, event, payload: undefined, extra: [], raw })),
    },
  );
}

/** Handshake credentials nobody was given: wrong types, hostile strings, a near-miss of a real key. */
export const badHandshake: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({}),
  fc.record({ token: fc.oneof(hostileValue, hostileText) }),
  fc.record({ deviceKey: fc.oneof(hostileValue, hostileText) }),
  fc.record({ token: hostileText, deviceKey: hostileText }),
  fc.record({
    deviceKey: fc.constantFrom(
      'key-1-abcdefghijklmnopqrstuvwxyz ',
      'KEY-1-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      'key-1-abcdefghijklmnopqrstuvwxy',
    ),
  }),
  fc.dictionary(fc.string({ maxLength: 10 }), hostileValue, { maxKeys: 4 }),
);
