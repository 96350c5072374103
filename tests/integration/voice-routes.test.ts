import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClipManifest } from '../../common/text/announcement-clips.js';
import { ticketAnnouncement } from '../../common/text/announcement.js';
import { DEFAULT_VOICE, type VoiceSettings } from '../../common/contract/voice-settings.js';
import type { Ack } from '../../common/contract/errors.js';
import { ErrorEnvelope } from '../../server/http/envelope-schemas.js';
import { registerErrorEnvelope } from '../../server/http/error-envelope.js';
import { registerVoiceRoutes } from '../../server/http/routes/voice.js';
import { clipFile, clipManifest } from '../../server/voice/clip-bank.js';
import { createEspeakSynth } from '../../server/voice/espeak-synth.js';
import { encodeWav, wavInfo } from '../../server/voice/pcm-wav.js';
import { SpeechCache } from '../../server/voice/speech-cache.js';
import { signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { deviceKey } from '../helpers/test-site.js';

const silentLog = { info: () => undefined, warn: () => undefined };

/**
 * The voice routes on their own Fastify instance, with the test hub's real AuthService (device keys,
 * officer sessions in its SQLite file), the real eSpeak NG and a real cache folder.
 */
describe('voice routes', () => {
  let t: TestHub;
  let app: FastifyInstance;
  let url: string;
  let cache: SpeechCache;
  let synth: ReturnType<typeof createEspeakSynth>;
  const voice: VoiceSettings = { ...DEFAULT_VOICE, reading: { thousand: 'nghìn', zeroTen: 'linh', four: 'tư' } };
  let cacheDir: string;
  let clipsDir: string;
  let displayKey: string;

  beforeAll(async () => {
    t = await startTestHub();
    cacheDir = join(t.dir, 'voice-cache');
    clipsDir = join(t.dir, 'voice-clips');
    synth = createEspeakSynth({ logger: silentLog });
    cache = new SpeechCache({ dir: cacheDir, synth, logger: silentLog });
    app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: true } } });
    app.addSchema(ErrorEnvelope);
    registerErrorEnvelope(app);
    registerVoiceRoutes(app, {
      auth: t.hub.auth,
      voice: () => voice,
      counterNumbers: () => t.site.counters.map((c) => c.number),
      speech: cache,
      clips: { manifest: (reading) => clipManifest(clipsDir, reading), file: (name) => clipFile(clipsDir, name) },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    displayKey = deviceKey(t.site, 'display');
  });

  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  const get = (path: string, headers: Record<string, string> = { 'x-device-key': displayKey }) => fetch(`${url}${path}`, { headers });
  const cacheFiles = () => {
    try {
      return readdirSync(cacheDir).sort();
    } catch {
      return [];
    }
  };

  it('answers a Vietnamese announcement as WAV, synthesized once and then served from the cache file', async () => {
    const first = await get('/api/voice/announcement?number=A012&counter=3');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('audio/wav');
    expect(first.headers.get('x-voice-cache')).toBe('miss');
    const wav = Buffer.from(await first.arrayBuffer());
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    const info = wavInfo(wav);
    // "Mời công dân có số thứ tự a mười hai đến quầy số ba": 13 syllables, some 3 to 6 seconds.
    expect(info?.seconds).toBeGreaterThan(2);
    expect(info?.seconds).toBeLessThan(10);
    const file = cache.fileOf(ticketAnnouncement('A012', 3, voice.reading), { name: 'vi', rate: voice.rate });
    expect(readFileSync(file).equals(wav)).toBe(true);

    const second = await get('/api/voice/announcement?number=a012&counter=3');
    expect(second.headers.get('x-voice-cache')).toBe('hit');
    expect(Buffer.from(await second.arrayBuffer()).equals(wav)).toBe(true);
    expect(synth.stats().syntheses).toBe(1);
  });

  it('shares one synthesis among concurrent requests for the same sentence', async () => {
    const before = synth.stats().syntheses;
    const answers = await Promise.all([1, 2, 3].map(() => get('/api/voice/announcement?number=1025&counter=2')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(answers.map(async (a) => Buffer.from(await a.arrayBuffer())));
    expect(bodies[1]?.equals(bodies[0] as Buffer)).toBe(true);
    expect(synth.stats().syntheses - before).toBe(1);
    expect(cache.stats().joined).toBe(2);
  });

  it('refuses bad numbers and counters with a 400 envelope, and writes nothing', async () => {
    const files = cacheFiles();
    const before = synth.stats().syntheses;
    for (const q of [
      'number=A-12&counter=3',
      'number=AB12&counter=3',
      'number=1234567&counter=3',
      'number=A012&counter=0',
      'number=A012&counter=99',
      'number=A012&counter=3a',
      'number=A012',
      'counter=3',
      'number=A012&counter=3&text=xin%20chao',
    ]) {
      const res = await get(`/api/voice/announcement?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as Ack<unknown>;
      expect(body.ok, q).toBe(false);
      if (!body.ok) expect(body.error.code, q).toBe('VALIDATION_FAILED');
    }
    expect(cacheFiles()).toEqual(files);
    expect(synth.stats().syntheses).toBe(before);
  });

  it('needs a hall TV key or an officer session', async () => {
    const none = await get('/api/voice/announcement?number=A012&counter=3', {});
    expect(none.status).toBe(401);
    expect(((await none.json()) as Ack<unknown>).ok).toBe(false);
    expect((await get('/api/voice/clips', {})).status).toBe(401);
    expect((await get('/api/voice/clips', { 'x-device-key': 'not-a-key' })).status).toBe(401);
    const kiosk = await get('/api/voice/announcement?number=A012&counter=3', { 'x-device-key': deviceKey(t.site, 'kiosk') });
    expect(kiosk.status).toBe(403);
    const officer = t.site.officers[0]?.username as string;
    const token = await signIn(t.url, officer);
    const asOfficer = await get('/api/voice/announcement?number=A012&counter=3', { authorization: `Bearer ${token}` });
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.headers.get('x-voice-cache')).toBe('hit');
  });

  it("answers a HEAD of the clip list with the hub's Date, which TVs set their clock by", async () => {
    const res = await fetch(`${url}/api/voice/clips`, { method: 'HEAD', headers: { 'x-device-key': displayKey } });
    expect(res.status).toBe(200);
    const date = Date.parse(res.headers.get('date') ?? '');
    expect(Math.abs(date - Date.now())).toBeLessThan(5000);
  });

  describe('the clip bank', () => {
    const small = encodeWav(new Int16Array([0, 1000, -1000, 0]), 22050);

    beforeAll(() => {
      mkdirSync(clipsDir, { recursive: true });
      for (const name of ['moi-cong-dan-co-so-thu-tu', 'chu-a', 'muoi', 'hai', 'den-quay-so', 'ba']) {
        writeFileSync(join(clipsDir, `${name}.wav`), small);
      }
      writeFileSync(join(clipsDir, 'chu-b.wav'), small);
      writeFileSync(join(clipsDir, 'chu-b.mp3'), Buffer.from('ID3 not really an mp3'));
      writeFileSync(join(clipsDir, 'chime.ogg'), Buffer.from('OggS'));
      writeFileSync(join(clipsDir, 'evil.mp3'), Buffer.from('not a clip'));
      writeFileSync(join(clipsDir, 'notes.txt'), 'ghi chú');
    });

    it('lists the clips present, the office chime, and the missing ones', async () => {
      const res = await get('/api/voice/clips');
      expect(res.status).toBe(200);
      const body = (await res.json()) as Ack<ClipManifest>;
      if (!body.ok) throw new Error(body.error.code);
      const m = body.data;
      expect(m.clips.map((c) => c.name)).toEqual(['moi-cong-dan-co-so-thu-tu', 'den-quay-so', 'hai', 'ba', 'muoi', 'chu-a', 'chu-b']);
      expect(m.clips.find((c) => c.name === 'chu-b')?.url).toMatch(/^\/voice\/clips\/chu-b\.mp3\?v=/);
      expect(m.chime).toMatch(/^\/voice\/clips\/chime\.ogg\?v=/);
      expect(m.missing).toContain('muoi-ngang');
      expect(m.missing).toContain('nghin');
      expect(m.missing).not.toContain('chu-a');
      expect(m.missing).not.toContain('ngan');
      expect(m.notNeeded).toEqual(expect.arrayContaining(['ngan', 'le']));
    });

    it('serves a clip by its listed URL, whole or by range, with no credentials', async () => {
      const listed = (await (await get('/api/voice/clips')).json()) as Ack<ClipManifest>;
      if (!listed.ok) throw new Error('no manifest');
      const chuA = listed.data.clips.find((c) => c.name === 'chu-a')?.url as string;
      const whole = await fetch(`${url}${chuA}`);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toBe('audio/wav');
      expect(Buffer.from(await whole.arrayBuffer()).equals(small)).toBe(true);
      const part = await fetch(`${url}/voice/clips/chu-a.wav`, { headers: { range: 'bytes=0-3' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 0-3/${small.length}`);
      expect(Buffer.from(await part.arrayBuffer()).toString('ascii')).toBe('RIFF');
      const beyond = await fetch(`${url}/voice/clips/chu-a.wav`, { headers: { range: `bytes=${small.length}-` } });
      expect(beyond.status).toBe(416);
    });

    it('serves nothing but bank clips from the folder', async () => {
      writeFileSync(join(t.dir, 'secret.wav'), small);
      for (const path of [
        '/voice/clips/evil.mp3',
        '/voice/clips/notes.txt',
        '/voice/clips/..%2Fsecret.wav',
        '/voice/clips/..%2F..%2Fhall.db',
        '/voice/clips/%2E%2E%2Fsecret.wav',
        '/voice/clips/chu-a.WAV',
        '/voice/clips/chu-c.wav',
        '/voice/clips/chu-a.wav.bak',
      ]) {
        const res = await fetch(`${url}${path}`);
        expect(res.status, path).toBe(404);
        expect(((await res.json()) as Ack<unknown>).ok, path).toBe(false);
      }
      const outside = await fetch(`${url}/voice/clips/../secret.wav`);
      expect(outside.status).toBe(404);
    });
  });
});
