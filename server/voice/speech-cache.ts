import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { readFile, rename, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeechSynth, SpeechVoice } from './espeak-synth.js';

export interface SpeechCacheStats {
  /** Sentences answered from a file. */
  readonly hits: number;
  /** Sentences synthesized. */
  readonly syntheses: number;
  /** Requests that waited for a synthesis another request had started. */
  readonly joined: number;
  readonly files: number;
  readonly bytes: number;
}

interface Logger {
  warn(obj: object, msg: string): void;
}

/** About 300 announcements of five seconds (22 kHz, 16-bit): a few days of a busy hall's distinct calls. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
// Bumped when the synthesis changes in a way that should not reuse old files.
const FORMAT = 1;

/**
 * Synthesized sentences kept on disk (DATA_DIR/voice-cache/<hash>.wav), so a recall, or the same number
 * at the same counter another day, costs a file read, also after a restart. Keyed by a hash of text,
 * voice and rate; bounded in bytes, evicting the least recently used. Concurrent requests for one
 * sentence share one synthesis. The cache is a help, never a condition: when the folder cannot be
 * written the sentence is still synthesized and answered.
 */
export class SpeechCache {
  private index: Map<string, { size: number; usedAt: number }> | null = null;
  private bytes = 0;
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private hits = 0;
  private syntheses = 0;
  private joined = 0;
  private readonly maxBytes: number;

  constructor(
    private readonly deps: {
      dir: string;
      synth: SpeechSynth;
      logger: Logger;
      maxBytes?: number;
      now?: () => number;
    },
  ) {
    this.maxBytes = deps.maxBytes ?? DEFAULT_CACHE_BYTES;
  }

  static keyOf(text: string, voice: SpeechVoice): string {
    return createHash('sha256')
      .update(JSON.stringify([FORMAT, voice.name, voice.rate, text.normalize('NFC')]))
      .digest('hex');
  }

  /** The file a sentence is (or would be) kept in. */
  fileOf(text: string, voice: SpeechVoice): string {
    return join(this.deps.dir, `${SpeechCache.keyOf(text, voice)}.wav`);
  }

  async wav(text: string, voice: SpeechVoice): Promise<{ wav: Buffer; fromCache: boolean }> {
    const key = SpeechCache.keyOf(text, voice);
    const index = this.loadIndex();
    if (index.has(key)) {
      const file = join(this.deps.dir, `${key}.wav`);
      try {
        const wav = await readFile(file);
        this.hits++;
        this.touch(key, file);
        return { wav, fromCache: true };
      } catch {
        this.forget(key); // removed behind our back: make it again
      }
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.joined++;
      return { wav: await running, fromCache: false };
    }
    const made = this.make(key, text, voice).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, made);
    return { wav: await made, fromCache: false };
  }

  stats(): SpeechCacheStats {
    return { hits: this.hits, syntheses: this.syntheses, joined: this.joined, files: this.index?.size ?? 0, bytes: this.bytes };
  }

  private async make(key: string, text: string, voice: SpeechVoice): Promise<Buffer> {
    const wav = await this.deps.synth.synthesize(text, voice);
    this.syntheses++;
    const file = join(this.deps.dir, `${key}.wav`);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.deps.dir, { recursive: true });
      // Written aside then renamed: a crash mid-write never leaves a truncated file under the real name.
      await writeFile(tmp, wav);
      await rename(tmp, file);
      this.remember(key, wav.length);
      await this.evict(key);
    } catch (err) {
      this.deps.logger.warn({ err, dir: this.deps.dir }, 'speech cache not written; the sentence is answered anyway');
      await unlink(tmp).catch(() => undefined);
    }
    return wav;
  }

  /** What is on disk, read once: the cache outlives the process. */
  private loadIndex(): Map<string, { size: number; usedAt: number }> {
    if (this.index) return this.index;
    const index = new Map<string, { size: number; usedAt: number }>();
    this.bytes = 0;
    let names: string[] = [];
    try {
      names = readdirSync(this.deps.dir);
    } catch {
      // no folder yet: an empty cache
    }
    for (const name of names) {
      const m = /^([0-9a-f]{64})\.wav$/.exec(name);
      if (!m) continue;
      try {
        const st = statSync(join(this.deps.dir, name));
        index.set(m[1] as string, { size: st.size, usedAt: st.mtimeMs });
        this.bytes += st.size;
      } catch {
        // vanished while listing
      }
    }
    this.index = index;
    return index;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private remember(key: string, size: number): void {
    const index = this.loadIndex();
    this.forget(key);
    index.set(key, { size, usedAt: this.now() });
    this.bytes += size;
  }

  private forget(key: string): void {
    const entry = this.index?.get(key);
    if (!entry) return;
    this.index?.delete(key);
    this.bytes -= entry.size;
  }

  /** Marks a file used, on disk too (its mtime), so the order survives a restart. */
  private touch(key: string, file: string): void {
    const entry = this.index?.get(key);
    if (!entry) return;
    const t = this.now();
    entry.usedAt = t;
    utimes(file, t / 1000, t / 1000).catch(() => undefined);
  }

  private async evict(keep: string): Promise<void> {
    const index = this.loadIndex();
    if (this.bytes <= this.maxBytes) return;
    const byAge = [...index.entries()].filter(([k]) => k !== keep).sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [key] of byAge) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(key);
      await unlink(join(this.deps.dir, `${key}.wav`)).catch(() => undefined);
    }
  }
}
