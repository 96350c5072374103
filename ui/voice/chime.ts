import { AudioClip } from './audio-clip.js';
import { AutoplayBlockedError, pause } from './speech-source.js';

/** The sound before each call. */
export interface Chime {
  play(): Promise<void>;
  stop(): void;
}

/** How long a suspended AudioContext may take to start before sound counts as blocked. */
const RESUME_TIMEOUT_MS = 500;

/**
 * A two-tone "ding-dong" made with WebAudio, so a TV needs no file for it: a high tone (E6) and, as it
 * fades, a lower one (C6), each a sine with a little second harmonic for a bell-like colour and a
 * fast attack with an exponential decay. About 1.3 s.
 */
export class WebAudioChime implements Chime {
  private ctx: AudioContext | null = null;
  private stopped = false;
  private readonly nodes: OscillatorNode[] = [];

  async play(): Promise<void> {
    this.stopped = false;
    const ctx = (this.ctx ??= new AudioContext());
    if (ctx.state !== 'running') {
      await Promise.race([ctx.resume().catch(() => undefined), pause(RESUME_TIMEOUT_MS)]);
      // A context that will not start without a gesture stays suspended: sound is blocked.
      if ((ctx.state as AudioContextState) !== 'running') throw new AutoplayBlockedError('WebAudio chime');
    }
    const t0 = ctx.currentTime + 0.05;
    this.tone(ctx, 1318.5, t0, 0.9);
    this.tone(ctx, 1046.5, t0 + 0.45, 0.9);
    await pause(1400);
  }

  stop(): void {
    this.stopped = true;
    for (const n of this.nodes.splice(0)) {
      try {
        n.stop();
      } catch {
        // already stopped
      }
    }
  }

  private tone(ctx: AudioContext, hz: number, at: number, seconds: number): void {
    if (this.stopped) return;
    const gain = ctx.createGain();
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
    gain.connect(ctx.destination);
    for (const [mult, level] of [
      [1, 1],
      [2, 0.15],
    ] as const) {
      const osc = ctx.createOscillator();
      osc.type = 'sine';
      osc.frequency.value = hz * mult;
      const g = ctx.createGain();
      g.gain.value = level;
      osc.connect(g).connect(gain);
      osc.start(at);
      osc.stop(at + seconds + 0.05);
      this.nodes.push(osc);
      osc.onended = () => {
        const i = this.nodes.indexOf(osc);
        if (i >= 0) this.nodes.splice(i, 1);
      };
    }
  }
}

/** The office's own chime clip (DATA_DIR/voice-clips/chime.*), in place of the made-up one. */
export class ClipChime implements Chime {
  private readonly clip: AudioClip;
  constructor(url: string) {
    this.clip = new AudioClip(url);
  }
  async play(): Promise<void> {
    await this.clip.load();
    await this.clip.play();
  }
  stop(): void {
    this.clip.stop();
  }
}
