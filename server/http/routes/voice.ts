import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { errorBody } from '../../../common/contract/errors.js';
import type { VoiceSettings } from '../../../common/contract/voice-settings.js';
import type { ClipManifest } from '../../../common/text/announcement-clips.js';
import { ticketAnnouncement } from '../../../common/text/announcement.js';
import type { AuthService } from '../../services/auth-service.js';
import type { Principal } from '../../services/principal.js';
import type { ClipFile } from '../../voice/clip-bank.js';
import type { SpeechVoice } from '../../voice/espeak-synth.js';
import { okEnvelope } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

export interface VoiceRouteDeps {
  readonly auth: AuthService;
  /** The site's voice settings (reading options and rate), as the TVs receive them. */
  readonly voice: () => VoiceSettings;
  /** The site's counter numbers: only real counters are announced. */
  readonly counterNumbers: () => readonly number[];
  /** Synthesized sentences, through the disk cache. */
  readonly speech: { wav(text: string, voice: SpeechVoice): Promise<{ wav: Buffer; fromCache: boolean }> };
  /** The office's clip bank folder (DATA_DIR/voice-clips). */
  readonly clips: { manifest(reading: VoiceSettings['reading']): ClipManifest; file(fileName: string): ClipFile | null };
  /** The eSpeak NG voice; "vi" (Northern) by default. */
  readonly espeakVoice?: string;
}

const error = Type.Ref('ErrorEnvelope');
const refusals = { 400: error, 401: error, 403: error, 404: error, 500: error };

const AnnouncementQuery = Type.Object(
  {
    number: Type.String({ pattern: '^[A-Za-zĐđ]?[0-9]{1,6}$', description: 'The ticket number as printed: A012, 1025' }),
    counter: Type.String({ pattern: '^[0-9]{1,3}$', description: "The counter's number (one of the site's counters)" }),
  },
  { additionalProperties: false },
);

const ClipManifestSchema = Type.Object({
  clips: Type.Array(Type.Object({ name: Type.String(), url: Type.String() })),
  chime: Type.Union([Type.String(), Type.Null()]),
  missing: Type.Array(Type.String(), { description: "Clips the site's reading settings need that the folder lacks" }),
  notNeeded: Type.Array(Type.String(), { description: 'Regional alternatives the site does not use' }),
});

/** A hall TV (display device) or any signed-in officer; answers the refusal already sent otherwise. */
function allowed(request: FastifyRequest, reply: FastifyReply, auth: AuthService): Principal | null {
  const principal = principalOf(request, auth);
  if (!principal) {
    void sendError(reply, 'UNAUTHENTICATED');
    return null;
  }
  if (principal.kind === 'device' && principal.deviceKind !== 'display') {
    void sendError(reply, 'FORBIDDEN');
    return null;
  }
  return principal;
}

/**
 * The hall TV's voice: the hub's synthesis of an announcement (the last-resort source) and the
 * office's clip bank. The hub builds the sentence itself from the two numbers, so no client can make
 * it say anything else.
 */
export function registerVoiceRoutes(app: FastifyInstance, deps: VoiceRouteDeps): void {
  const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { deviceKey: [] }];

  app.get(
    '/api/voice/announcement',
    {
      schema: {
        summary: 'The call announcement as WAV audio, synthesized on the hub (eSpeak NG) and cached',
        tags: ['voice'],
        querystring: AnnouncementQuery,
        response: refusals,
        security,
      },
    },
    async (request, reply) => {
      if (!allowed(request, reply, deps.auth)) return reply;
      const q = request.query as { number: string; counter: string };
      const counter = Number(q.counter);
      if (!deps.counterNumbers().includes(counter)) {
        return sendError(reply, 'VALIDATION_FAILED', [
          { path: '/querystring/counter', message: `no counter number ${counter} at this site` },
        ]);
      }
      const settings = deps.voice();
      let text: string;
      try {
        text = ticketAnnouncement(q.number, counter, settings.reading);
      } catch (err) {
        return sendError(reply, 'VALIDATION_FAILED', [{ path: '/querystring/number', message: (err as Error).message }]);
      }
      const { wav, fromCache } = await deps.speech.wav(text, { name: deps.espeakVoice ?? 'vi', rate: settings.rate });
      return reply
        .header('content-type', 'audio/wav')
        .header('cache-control', 'private, max-age=86400')
        .header('x-voice-cache', fromCache ? 'hit' : 'miss')
        .send(wav);
    },
  );

  app.get(
    '/api/voice/clips',
    {
      schema: {
        summary: "The office's recorded clip bank: the clips present, their URLs, and those still missing",
        tags: ['voice'],
        response: { 200: okEnvelope(ClipManifestSchema), ...refusals },
        security,
      },
    },
    async (request, reply) => {
      if (!allowed(request, reply, deps.auth)) return reply;
      return { ok: true, data: deps.clips.manifest(deps.voice().reading) };
    },
  );

  // No credentials here: an <audio> element cannot send a header, and a recording of "mười" is no
  // secret. Only bank names reach the folder (clip-bank.ts).
  app.get(
    '/voice/clips/:file',
    {
      schema: {
        summary: 'One clip of the bank (mp3, ogg or wav); supports byte ranges, as media elements ask',
        tags: ['voice'],
        params: Type.Object({ file: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const file = deps.clips.file((request.params as { file: string }).file);
      if (!file) return sendError(reply, 'NOT_FOUND');
      const range = parseRange(request.headers.range, file.size);
      if (range === 'unsatisfiable') {
        const details = [{ path: '/headers/range', message: `not within the file's ${file.size} bytes` }];
        return reply
          .code(416)
          .header('content-range', `bytes */${file.size}`)
          .send({ ok: false, error: errorBody('VALIDATION_FAILED', details) });
      }
      reply
        .header('content-type', file.contentType)
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'public, max-age=86400');
      if (!range) return reply.header('content-length', file.size).send(createReadStream(file.path));
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
        .header('content-length', range.end - range.start + 1)
        .send(createReadStream(file.path, { start: range.start, end: range.end }));
    },
  );
}

/** One "bytes=a-b", "bytes=a-" or "bytes=-n" range; null for none or a form we do not serve (the whole file is sent). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
