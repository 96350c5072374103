import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TObject } from '@sinclair/typebox';
import { COMMAND_NAMES, COMMANDS, type CommandName } from '../../common/contract/commands.js';
import { deviceKey } from '../helpers/test-site.js';
import {
  api,
  connectClient,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  type TestClient,
  type TestHub,
} from '../helpers/test-hub.js';

/**
 * Every command, over REST and socket.io, with missing, extra, wrong-typed and oversized fields and
 * with ids that do not exist: each is refused with a clear code and the event log does not move.
 */
describe('bad input changes nothing', () => {
  let t: TestHub;
  let token: string;
  let client: TestClient;
  /** Ratings come only from a survey device: it sends survey:rate, staff send the rest. */
  let surveyClient: TestClient;
  let ticketId: string;

  const eventCount = () => (t.hub.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

  beforeAll(async () => {
    t = await startTestHub();
    token = await signIn(t.url, t.site.officers.find((o) => o.role === 'supervisor')!.username);
    client = await connectClient(t.url, { token });
    surveyClient = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'survey', t.site.counters[0]!.id) });
    ticketId = (await issueAtKiosk(t, t.site.queues[0]!.id)).ticket.id;
    // An open counter, so that an unknown ticket (not the counter's state) is what gets judged.
    const opened = await client.send('counter:open', { commandId: newCommandId(), counterId: t.site.counters[0]!.id });
    if (!opened.ok) throw new Error('setup failed');
  });
  afterAll(async () => {
    client?.close();
    surveyClient?.close();
    await t?.dispose();
  });

  /** A valid input for each command: the required fields with real ids. */
  function validInput(name: CommandName): Record<string, unknown> {
    const schema = COMMANDS[name].input as TObject;
    const values: Record<string, unknown> = {
      commandId: newCommandId(),
      counterId: t.site.counters[0]!.id,
      ticketId,
      queueId: t.site.queues[0]!.id,
      reason: 'Nghỉ giải lao',
      answers: { 'giai-quyet-tthc': 'hai-long' },
      procedureCode: '1.001193',
      applicant: { name: 'Nguyễn Văn An', idNumber: '079203001234' },
      documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
      dossierSets: 1,
      channel: 1,
      resultDelivery: 'tai-bo-phan',
      code: '000.00.31.H38-261123-0001',
      status: 5,
    };
    return Object.fromEntries((schema.required ?? []).map((k) => [k, values[k]]));
  }

  function restCall(name: CommandName, input: Record<string, unknown>, rawBody?: unknown) {
    const { url, params } = COMMANDS[name].rest;
    let path: string = url;
    const body = { ...input };
    for (const p of params) {
      path = path.replace(`:${p}`, encodeURIComponent(String(input[p] ?? 'missing')));
      delete body[p];
    }
    return api(t.url, 'POST', path, auth(name), rawBody === undefined ? body : rawBody);
  }

  const auth = (name: CommandName) =>
    name === 'survey:rate' ? { deviceKey: deviceKey(t.site, 'survey', t.site.counters[0]!.id) } : { token };
  const sender = (name: CommandName) => (name === 'survey:rate' ? surveyClient : client);

  const mutations: [string, (input: Record<string, unknown>, name: CommandName) => unknown][] = [
    ['an extra field', (i) => ({ ...i, admin: true })],
    ['no commandId', (i) => Object.fromEntries(Object.entries(i).filter(([k]) => k !== 'commandId'))],
    ['a numeric commandId', (i) => ({ ...i, commandId: 12345678 })],
    ['a 10,000-character commandId', (i) => ({ ...i, commandId: 'x'.repeat(10_000) })],
    ['an array instead of an object', () => []],
    ['a string instead of an object', () => 'call-next'],
    ['null', () => null],
  ];

  for (const name of COMMAND_NAMES) {
    const required = ((COMMANDS[name].input as TObject).required ?? []).filter((k) => k !== 'commandId');
    describe(name, () => {
      for (const [label, mutate] of mutations) {
        it(`refuses ${label}`, async () => {
          const before = eventCount();
          const input = validInput(name);
          const bad = mutate(input, name);
          const ack = await sender(name).send(name, bad as Record<string, unknown>);
          expect(!ack.ok && ack.error.code).toBe('VALIDATION_FAILED');
          // Over REST, fields in the path stay valid so the body itself is what is judged.
          const rest = await restCall(name, input, bad);
          expect(rest.status).toBe(400);
          expect(!rest.body.ok && rest.body.error.code).toBe('VALIDATION_FAILED');
          expect(eventCount()).toBe(before);
        });
      }
      for (const field of required) {
        it(`refuses a missing, a wrong-typed and an oversized ${field}`, async () => {
          const before = eventCount();
          const input = validInput(name);
          const cases = [
            Object.fromEntries(Object.entries(input).filter(([k]) => k !== field)),
            { ...input, [field]: 42 },
            { ...input, [field]: { $gt: '' } },
            { ...input, [field]: 'x'.repeat(10_000) },
          ];
          for (const c of cases) {
            const ack = await sender(name).send(name, c);
            expect(!ack.ok && ack.error.code, JSON.stringify(c).slice(0, 80)).toBe('VALIDATION_FAILED');
            expect(!ack.ok && ack.error.details?.some((d) => d.path.includes(field))).toBe(true);
          }
          if (!COMMANDS[name].rest.params.includes(field as never)) {
            const rest = await restCall(name, cases[1]!);
            expect(rest.status).toBe(400);
            expect(!rest.body.ok && rest.body.error.details?.some((d) => d.path.includes(field))).toBe(true);
          }
          expect(eventCount()).toBe(before);
        });
      }
      it('refuses ids that do not exist', async () => {
        const before = eventCount();
        for (const field of required.filter((f) => f.endsWith('Id'))) {
          const input = { ...validInput(name), [field]: 'khong-ton-tai' };
          const ack = await sender(name).send(name, input);
          const expected = { counterId: 'COUNTER_NOT_FOUND', ticketId: 'TICKET_NOT_FOUND', queueId: 'QUEUE_NOT_FOUND' }[field];
          expect(!ack.ok && ack.error.code, `${name} ${field}`).toBe(expected);
          const rest = await restCall(name, { ...input, commandId: newCommandId() });
          expect(rest.status).toBe(404);
        }
        expect(eventCount()).toBe(before);
      });
    });
  }

  it('answers a body that is not JSON, one too large, and an unknown route with the error envelope', async () => {
    const before = eventCount();
    const notJson = await fetch(`${t.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"commandId": ',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { ok: boolean }).ok).toBe(false);
    const huge = await api(t.url, 'POST', '/api/tickets', { token }, { commandId: newCommandId(), queueId: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.ok).toBe(false);
    const unknown = await api(t.url, 'GET', '/api/khong-co', { token });
    expect(unknown.status).toBe(404);
    expect(!unknown.body.ok && unknown.body.error.code).toBe('NOT_FOUND');
    const ticket = await api(t.url, 'GET', '/api/tickets/khong-ton-tai', { token });
    expect(!ticket.body.ok && ticket.body.error.code).toBe('TICKET_NOT_FOUND');
    expect(eventCount()).toBe(before);
  });

  it('drops a socket that sends an oversized packet, and keeps serving everyone else', async () => {
    const before = eventCount();
    const rogue = await connectClient(t.url, { token });
    const closed = new Promise<string>((resolve) => rogue.socket.on('disconnect', (reason) => resolve(reason)));
    rogue.socket.emit('ticket:issue', { commandId: newCommandId(), queueId: 'x'.repeat(200_000) }, () => undefined);
    expect(await closed).toBe('transport close');
    rogue.close();
    expect(eventCount()).toBe(before);
    const ack = await client.send('ticket:issue', { commandId: newCommandId(), queueId: t.site.queues[0]!.id });
    expect(ack.ok).toBe(true);
  });

  it('ignores a command sent without an ack callback', async () => {
    const before = eventCount();
    client.socket.emit('ticket:issue', { commandId: newCommandId(), queueId: t.site.queues[0]!.id });
    await new Promise((r) => setTimeout(r, 200));
    expect(eventCount()).toBe(before);
  });

  it('refuses malformed sign-ins and a socket snapshot request without a callback, changing nothing', async () => {
    const before = eventCount();
    const bodies: unknown[] = [
      {},
      { username: 'canbo1' },
      { username: 'canbo1', password: 'x', admin: true },
      { username: 42, password: 'x' },
      { username: 'canbo1', password: 'x'.repeat(10_000) },
      ['canbo1', 'x'],
    ];
    for (const body of bodies) {
      const res = await api(t.url, 'POST', '/api/auth/login', {}, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(!res.body.ok && res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const revoke = await api(t.url, 'POST', `/api/officers/${'x'.repeat(100)}/revoke-sessions`, { token });
    expect(revoke.status).toBe(400);
    client.socket.emit('hall:snapshot', { not: 'a function' });
    const ack = await client.send('ticket:issue', { commandId: newCommandId(), queueId: t.site.queues[0]!.id });
    expect(ack.ok).toBe(true);
    expect(eventCount()).toBe(before + 1);
  });
});
