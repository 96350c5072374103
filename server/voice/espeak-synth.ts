import type { ESpeakNGWorker } from '@echogarden/espeak-ng-emscripten';
import { encodeWav } from './pcm-wav.js';

/** Text to speech on the hub: a sentence in, a WAV file out. */
export interface SpeechSynth {
  synthesize(text: string, voice: SpeechVoice): Promise<Buffer>;
}

export interface SpeechVoice {
  /** An eSpeak NG voice: "vi" (Northern), "vi-vn-x-central", "vi-vn-x-south". */
  readonly name: string;
  /** 0.5 to 1.5, as in the voice settings; 1 is eSpeak's normal 175 words a minute. */
  readonly rate: number;
}

export interface EspeakStats {
  /** Whether the WebAssembly module is in memory (it is loaded on the first sentence, not at start). */
  readonly loaded: boolean;
  readonly loadMs: number | null;
  readonly syntheses: number;
  readonly lastSynthesisMs: number | null;
}

const NORMAL_WPM = 175;

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * eSpeak NG compiled to WebAssembly (@echogarden/espeak-ng-emscripten), the hall's last-resort voice.
 * Loaded lazily: the module and its voice data take some 60 MB, which a hub whose TVs speak by
 * themselves never needs. One worker serves every sentence; synthesis is synchronous and short (tens
 * of milliseconds for an announcement once warm), and the cache in front of it makes repeats free.
 */
export function createEspeakSynth(deps: { logger: Logger; now?: () => number }): SpeechSynth & { stats(): EspeakStats } {
  const now = deps.now ?? (() => performance.now());
  let worker: Promise<ESpeakNGWorker> | null = null;
  let loaded = false;
  let loadMs: number | null = null;
  let syntheses = 0;
  let lastSynthesisMs: number | null = null;

  const load = async (): Promise<ESpeakNGWorker> => {
    const started = now();
    const { default: createESpeakNG } = await import('@echogarden/espeak-ng-emscripten');
    const module = await createESpeakNG({
      print: (text) => deps.logger.info({ espeak: text }, 'eSpeak NG output'),
      printErr: (text) => deps.logger.warn({ espeak: text }, 'eSpeak NG error output'),
    });
    const w = new module.eSpeakNGWorker();
    loadMs = Math.round(now() - started);
    loaded = true;
    deps.logger.info({ loadMs }, 'eSpeak NG loaded');
    return w;
  };

  return {
    async synthesize(text, voice) {
      worker ??= load().catch((err: unknown) => {
        worker = null; // a failed load is retried on the next sentence
        throw err;
      });
      const w = await worker;
      const started = now();
      if (w.set_voice(voice.name) !== 0) throw new Error(`eSpeak NG has no voice "${voice.name}"`);
      w.set_rate(Math.round(NORMAL_WPM * Math.min(1.5, Math.max(0.5, voice.rate))));
      const chunks: Int16Array[] = [];
      w.synthesize(text, (samples) => {
        if (samples && samples.length > 0) chunks.push(samples);
        return false;
      });
      const total = chunks.reduce((n, c) => n + c.length, 0);
      if (total === 0) throw new Error('eSpeak NG produced no audio');
      const all = new Int16Array(total);
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.length;
      }
      const wav = encodeWav(all, w.get_samplerate());
      syntheses++;
      lastSynthesisMs = Math.round(now() - started);
      return wav;
    },
    stats: () => ({ loaded, loadMs, syntheses, lastSynthesisMs }),
  };
}
