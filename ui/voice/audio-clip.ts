import { AutoplayBlockedError } from './speech-source.js';

/** How long a clip may take to load before it counts as missing. */
const LOAD_TIMEOUT_MS = 8000;
/** Slack over a clip's own duration before its end is assumed (a lost 'ended' event must not stall). */
const END_SLACK_MS = 3000;

/**
 * One audio file played with an HTMLAudioElement: loaded ahead (so clips chain without gaps),
 * played to its end, and every way it can go wrong turned into a rejection: a refused play() is
 * AutoplayBlockedError, a load error or a missing 'ended' event an Error.
 */
export class AudioClip {
  private readonly audio: HTMLAudioElement;
  private cancelPlay: (() => void) | null = null;

  constructor(readonly url: string) {
    this.audio = new Audio();
    this.audio.preload = 'auto';
    this.audio.src = url;
  }

  /** Resolves when the whole clip can play; rejects if it cannot be loaded. */
  load(timeoutMs = LOAD_TIMEOUT_MS): Promise<void> {
    const a = this.audio;
    if (a.readyState >= HTMLMediaElement.HAVE_ENOUGH_DATA) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        a.removeEventListener('canplaythrough', ok);
        a.removeEventListener('error', bad);
        if (err) reject(err);
        else resolve();
      };
      const ok = () => done();
      const bad = () => done(new Error(`audio ${this.url} could not be loaded (${a.error?.message || `code ${a.error?.code ?? '?'}`})`));
      const timer = setTimeout(() => done(new Error(`audio ${this.url} did not load within ${timeoutMs} ms`)), timeoutMs);
      a.addEventListener('canplaythrough', ok);
      a.addEventListener('error', bad);
      a.load();
    });
  }

  /** Plays the clip from its start to its end. */
  play(): Promise<void> {
    const a = this.audio;
    return new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        a.removeEventListener('ended', ended);
        a.removeEventListener('error', failed);
        this.cancelPlay = null;
        if (err) reject(err);
        else resolve();
      };
      const ended = () => done();
      const failed = () => done(new Error(`audio ${this.url} failed while playing`));
      this.cancelPlay = () => done();
      a.addEventListener('ended', ended);
      a.addEventListener('error', failed);
      const duration = Number.isFinite(a.duration) ? a.duration * 1000 : 20_000;
      const timer = setTimeout(() => {
        a.pause();
        done();
      }, duration + END_SLACK_MS);
      a.currentTime = 0;
      a.play().catch((err: unknown) => {
        // A DOMException; not every browser makes those instances of Error.
        const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
        done(name === 'NotAllowedError' ? new AutoplayBlockedError('audio') : new Error(`audio ${this.url} did not play: ${String(err)}`));
      });
    });
  }

  stop(): void {
    this.audio.pause();
    this.cancelPlay?.();
  }

  /** Lets the browser drop the media. */
  release(): void {
    this.stop();
    this.audio.removeAttribute('src');
    this.audio.load();
  }
}
