import { AutoplayBlockedError, type PreparedSpeech, type SpeechRequest, type SpeechSource } from './speech-source.js';

/** How long to wait for the voice list the first time (browsers fill it in asynchronously). */
const VOICES_WAIT_MS = 2000;

/**
 * The browser's own text-to-speech, when it has a Vietnamese voice ("vi", "vi-VN", Android's
 * "vi_VN"). A voice on the device is preferred to an online one: an office LAN often has no
 * internet, and an online voice then fails after a long silence.
 */
export function pickVietnameseVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const vi = voices.filter((v) => /^vi([-_]|$)/i.test(v.lang));
  return vi.find((v) => v.localService) ?? vi[0] ?? null;
}

/**
 * A generous bound on how long the sentence takes: Chromium sometimes never fires 'end' (nor
 * 'error'), which would leave the hall silent for good. Vietnamese voices say about 14 characters
 * a second at rate 1; allow half that pace, slowed by the rate, plus a start-up allowance.
 */
export function speechTimeoutMs(text: string, rate: number): number {
  return 4000 + Math.ceil((text.length * 150) / Math.max(0.5, rate));
}

export class BrowserSource implements SpeechSource {
  readonly name = 'browser' as const;
  private voice: SpeechSynthesisVoice | null = null;
  private voicesLoaded: Promise<void> | null = null;

  constructor(private readonly synth: SpeechSynthesis | undefined = globalThis.speechSynthesis) {}

  async prepare(request: SpeechRequest): Promise<PreparedSpeech | null> {
    const synth = this.synth;
    if (!synth) return null;
    await (this.voicesLoaded ??= this.loadVoices(synth));
    const voice = this.voice;
    if (!voice) return null;
    let stopped = false;
    let finish: (() => void) | null = null;
    return {
      play: () =>
        new Promise<void>((resolve, reject) => {
          // A previous utterance stuck in the queue (the bug that also loses 'end') would hold this one.
          if (synth.speaking || synth.pending) synth.cancel();
          const u = new SpeechSynthesisUtterance(request.text);
          u.voice = voice;
          u.lang = voice.lang;
          u.rate = request.rate;
          const timer = setTimeout(() => {
            synth.cancel();
            done();
          }, speechTimeoutMs(request.text, request.rate));
          const done = (err?: Error) => {
            clearTimeout(timer);
            finish = null;
            if (err) reject(err);
            else resolve();
          };
          finish = () => done();
          u.onend = () => done();
          u.onerror = (e) => {
            if (e.error === 'not-allowed') done(new AutoplayBlockedError('speechSynthesis'));
            else if (e.error === 'interrupted' || e.error === 'canceled' || stopped) done();
            else done(new Error(`speechSynthesis failed: ${e.error}`));
          };
          synth.speak(u);
        }),
      stop: () => {
        stopped = true;
        synth.cancel();
        finish?.();
      },
      release: () => undefined,
    };
  }

  /** Takes the voice list now and whenever it changes; waits a little for the first, non-empty one. */
  private loadVoices(synth: SpeechSynthesis): Promise<void> {
    const adopt = () => {
      this.voice = pickVietnameseVoice(synth.getVoices());
    };
    synth.addEventListener('voiceschanged', adopt);
    adopt();
    if (synth.getVoices().length > 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        synth.removeEventListener('voiceschanged', first);
        resolve();
      }, VOICES_WAIT_MS);
      const first = () => {
        clearTimeout(timer);
        synth.removeEventListener('voiceschanged', first);
        resolve();
      };
      synth.addEventListener('voiceschanged', first);
    });
  }
}
