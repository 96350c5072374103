import type { VoiceSettings, VoiceSource } from '../../common/contract/voice-settings.js';
import { announcementClips } from '../../common/text/announcement-clips.js';
import { ticketAnnouncement } from '../../common/text/announcement.js';
import { BrowserSource, speechTimeoutMs } from './browser-source.js';
import { CallQueue, type DropReason, type VoiceCall } from './call-queue.js';
import { ClipChime, WebAudioChime, type Chime } from './chime.js';
import { ClipsSource } from './clips-source.js';
import { HubLink, type HubAuth } from './hub-link.js';
import { HubSource } from './hub-source.js';
import { AutoplayBlockedError, browserTimer, pause, type PreparedSpeech, type SpeechRequest, type SpeechSource } from './speech-source.js';
import { pageVoiceLog, voiceLogRequested, type SpokenEntry, type VoiceLog } from './voice-log.js';

export type { VoiceCall } from './call-queue.js';

export type VoiceProblemCode = 'autoplay-blocked' | 'no-source' | 'source-failed';
export interface VoiceProblem {
  readonly code: VoiceProblemCode;
  /** English, for the console and logs. */
  readonly message: string;
}

export interface VoicePlayerOptions {
  readonly settings: VoiceSettings;
  /** The hub's address; '' for the page's own origin. */
  readonly hubUrl: string;
  readonly auth: HubAuth;
  /** Keep window.__motcuaVoice; by default when the page address has ?voiceLog=1. */
  readonly voiceLog?: boolean;
  /** Hub time; by default the local clock corrected by the hub's Date header. */
  readonly now?: () => number;
  /** Replaces the real sources (tests). */
  readonly sources?: Partial<Record<VoiceSource, SpeechSource>>;
  readonly chime?: Chime;
  readonly logger?: Pick<Console, 'warn'>;
}

export interface VoicePlayer {
  /** Hands the player a call (a fact as it arrives); it is spoken in turn, once. */
  announce(call: VoiceCall): void;
  /** Hands the player several calls (a snapshot's recent calls); each new one is spoken once, oldest first. */
  announceAll(calls: readonly VoiceCall[]): void;
  /** Called as each call starts, with its sentence and the source speaking it ('none': shown only). */
  onSpeak(listener: (spoken: SpokenEntry) => void): () => void;
  /** Called once per kind of problem (autoplay blocked, no source could speak). */
  onProblem(listener: (problem: VoiceProblem) => void): () => void;
  dispose(): void;
}

/** A pause between repeats of the sentence, and the longest the log keeps. */
const REPEAT_GAP_MS = 800;
const LOG_LIMIT = 500;
/** Waiting calls are held this long at most while the player learns the hub's time. */
const CLOCK_SYNC_WAIT_MS = 3000;

/**
 * The hall TV's voice: a queue of calls (call-queue.ts), each spoken as a chime then the sentence by
 * the first source of the settings' order that can: the browser's Vietnamese voice, the office's clip
 * bank, the hub's synthesis. The sentence is announced to listeners (the TV shows it) even when no
 * source can speak or the browser blocks sound.
 */
export function createVoicePlayer(options: VoicePlayerOptions): VoicePlayer {
  const { settings } = options;
  const logger = options.logger ?? console;
  const hub = new HubLink(options.hubUrl, options.auth);
  const clipsSource = options.sources ? null : new ClipsSource(hub);
  const sources: Partial<Record<VoiceSource, SpeechSource>> = options.sources ?? {
    browser: new BrowserSource(),
    clips: clipsSource as ClipsSource,
    hub: new HubSource(hub),
  };
  const now = options.now ?? (() => hub.now());
  const log: VoiceLog | null = (options.voiceLog ?? voiceLogRequested()) ? pageVoiceLog() : null;
  const speakListeners = new Set<(s: SpokenEntry) => void>();
  const problemListeners = new Set<(p: VoiceProblem) => void>();
  const reported = new Set<string>();
  let chime: Chime | null = options.chime ?? null;
  let playing: { speech: PreparedSpeech; chime: Chime | null } | null = null;
  // Each call's turn; the queue stopping a call that overran ends its turn, so whatever that call was
  // still awaiting (a slow prepare, a chime) cannot start sound over the next one.
  let turn = 0;

  const report = (code: VoiceProblemCode, message: string, key: string = code) => {
    if (reported.has(key)) return;
    reported.add(key);
    logger.warn(`voice: ${message}`);
    log?.problems.push(`${code}: ${message}`);
    for (const l of problemListeners) l({ code, message });
  };

  const show = (text: string, source: SpokenEntry['source']) => {
    const entry: SpokenEntry = { text, source, at: now() };
    if (log) {
      log.spoken.push(entry);
      if (log.spoken.length > LOG_LIMIT) log.spoken.splice(0, log.spoken.length - LOG_LIMIT);
    }
    for (const l of speakListeners) l(entry);
  };

  const chimeFor = async (): Promise<Chime> => {
    if (chime) return chime;
    const office = await clipsSource?.chimeUrl().catch(() => null);
    chime = office ? new ClipChime(office) : new WebAudioChime();
    return chime;
  };

  const speak = async (call: VoiceCall): Promise<void> => {
    const mine = ++turn;
    const reading = settings.reading;
    const request: SpeechRequest = {
      text: ticketAnnouncement(call.number, call.counterNumber, reading),
      clips: announcementClips(call.number, call.counterNumber, reading),
      number: call.number,
      counterNumber: call.counterNumber,
      rate: settings.rate,
    };
    if (!settings.enabled) return show(request.text, 'none');
    for (const name of settings.sources) {
      const source = sources[name];
      if (!source) continue;
      const speech = await source.prepare(request).catch(() => null);
      if (mine !== turn) return speech?.release();
      if (!speech) continue;
      show(request.text, name);
      const current: { speech: PreparedSpeech; chime: Chime | null } = { speech, chime: null };
      playing = current;
      try {
        if (settings.chime) {
          current.chime = await chimeFor();
          // A chime that cannot sound never costs the sentence.
          if (mine === turn) await current.chime.play().catch((err: unknown) => noteFailure(err, 'chime'));
        }
        for (let i = 0; i < settings.repeat && mine === turn; i++) {
          if (i > 0) await pause(REPEAT_GAP_MS);
          if (mine === turn) await speech.play();
        }
      } catch (err) {
        // Mid-sentence failures are not retried with the next source: half a sentence twice is worse.
        noteFailure(err, name);
      } finally {
        speech.release();
        if (playing === current) playing = null;
      }
      return;
    }
    show(request.text, 'none');
    report('no-source', `no voice source could speak (tried ${settings.sources.join(', ') || 'none'}); the call is only shown`);
  };

  const noteFailure = (err: unknown, what: string) => {
    if (err instanceof AutoplayBlockedError) report('autoplay-blocked', err.message);
    else report('source-failed', `${what} failed: ${err instanceof Error ? err.message : String(err)}`, `source-failed:${what}`);
  };

  const queue = new CallQueue({
    speak,
    stop: () => {
      turn++;
      playing?.chime?.stop();
      playing?.speech.stop();
    },
    now,
    setTimer: browserTimer,
    // Chime, each repeat bounded as the browser source bounds it, gaps: past that, the speaker is stuck.
    maxSpeakMs: 5000 + settings.repeat * (speechTimeoutMs('x'.repeat(120), settings.rate) + REPEAT_GAP_MS),
    onDrop: (c: VoiceCall, why: DropReason) => {
      if (why !== 'superseded') logger.warn(`voice: call ${c.number} at counter ${c.counterNumber} not spoken (${why})`);
    },
    onEnd: (c, why, err) => {
      if (why !== 'spoken') logger.warn(`voice: call ${c.number} at counter ${c.counterNumber} ended: ${why}${err ? ` (${String(err)})` : ''}`);
    },
  });

  // Until the hub's time is known, a call's age is not: hold calls a moment rather than misjudge them.
  let held: VoiceCall[] | null = options.now ? null : [];
  if (held) {
    const release = () => {
      const calls = held ?? [];
      held = null;
      queue.offerAll(calls);
    };
    void Promise.race([hub.syncClock(), pause(CLOCK_SYNC_WAIT_MS)]).then(release);
  }

  return {
    announce: (call) => {
      if (held) held.push(call);
      else queue.offer(call);
    },
    announceAll: (calls) => {
      if (held) held.push(...calls);
      else queue.offerAll(calls);
    },
    onSpeak: (listener) => {
      speakListeners.add(listener);
      return () => speakListeners.delete(listener);
    },
    onProblem: (listener) => {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    dispose: () => {
      held = null;
      queue.dispose();
      speakListeners.clear();
      problemListeners.clear();
    },
  };
}
