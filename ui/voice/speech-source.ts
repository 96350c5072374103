import type { VoiceSource } from '../../common/contract/voice-settings.js';

/** One call to speak, in every form a source may want it. */
export interface SpeechRequest {
  /** The sentence, as shown on the TV: "Mời công dân có số thứ tự … đến quầy số …". */
  readonly text: string;
  /** The same sentence as clip names of the office's clip bank. */
  readonly clips: readonly string[];
  readonly number: string;
  readonly counterNumber: number;
  /** 0.5 to 1.5; 1 is the voice's normal pace. */
  readonly rate: number;
}

/** A sentence a source has made ready (voice found, clips loaded, audio fetched): only playing is left. */
export interface PreparedSpeech {
  /** Plays the sentence once; rejects with AutoplayBlockedError when the browser refuses sound. */
  play(): Promise<void>;
  /** Silences it at once (the call overran, or the player is closing). */
  stop(): void;
  /** Frees what prepare took (object URLs, audio elements); called once the call is over. */
  release(): void;
}

/**
 * A way of speaking: the browser's own voice, the office's clips, or audio made on the hub. prepare
 * answers null when this source cannot speak this sentence now (no Vietnamese voice, a clip missing,
 * the hub unreachable), so the player tries the next one before anything is heard.
 */
export interface SpeechSource {
  readonly name: VoiceSource;
  prepare(request: SpeechRequest): Promise<PreparedSpeech | null>;
}

/** The browser refused to play sound without a user gesture (see firmware-configs/voice/README.md). */
export class AutoplayBlockedError extends Error {
  constructor(what: string) {
    super(`${what}: the browser blocks sound until someone touches the page (start Chromium with --autoplay-policy=no-user-gesture-required)`);
    this.name = 'AutoplayBlockedError';
  }
}

/** A timer the way the call queue takes it: run fn after ms, answer a canceller. */
export function browserTimer(fn: () => void, ms: number): () => void {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
}

/** Resolves after ms. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
