import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpeechSynth, SpeechVoice } from '../../../server/voice/espeak-synth.js';
import { encodeWav, wavInfo } from '../../../server/voice/pcm-wav.js';
import { SpeechCache } from '../../../server/voice/speech-cache.js';

/** Stands in for eSpeak (whose real use the voice-routes integration test covers): counts and can be held. */
class CountingSynth implements SpeechSynth {
  calls: string[] = [];
  private release: (() => void) | null = null;
  private gate: Promise<void> | null = null;
  hold(): void {
    this.gate = new Promise((r) => (this.release = r));
  }
  open(): void {
    this.release?.();
    this.gate = null;
  }
  async synthesize(text: string, voice: SpeechVoice): Promise<Buffer> {
    this.calls.push(`${voice.name}@${voice.rate}:${text}`);
    if (this.gate) await this.gate;
    // One second of 1 kHz mono per sentence: 2 kB of samples, 2,044 bytes with the header.
    return encodeWav(new Int16Array(1000).fill(text.length), 1000);
  }
}

const VI: SpeechVoice = { name: 'vi', rate: 0.9 };
const quiet = { warn: () => undefined };
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'motcua-voice-cache-'));
  dirs.push(d);
  return join(d, 'voice-cache');
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SpeechCache', () => {
  it('synthesizes a sentence once, keeps it in a file, and tells text, voice and rate apart', async () => {
    const synth = new CountingSynth();
    const cache = new SpeechCache({ dir: tempDir(), synth, logger: quiet });
    const a = await cache.wav('một', VI);
    const b = await cache.wav('một', VI);
    expect(a.fromCache).toBe(false);
    expect(b.fromCache).toBe(true);
    expect(b.wav.equals(a.wav)).toBe(true);
    expect(existsSync(cache.fileOf('một', VI))).toBe(true);
    await cache.wav('một', { name: 'vi', rate: 1 });
    await cache.wav('một', { name: 'vi-vn-x-south', rate: 0.9 });
    await cache.wav('hai', VI);
    expect(synth.calls).toEqual(['vi@0.9:một', 'vi@1:một', 'vi-vn-x-south@0.9:một', 'vi@0.9:hai']);
    expect(wavInfo(a.wav)?.seconds).toBe(1);
  });

  it('reads the same text in another Unicode form as the same sentence', async () => {
    const synth = new CountingSynth();
    const cache = new SpeechCache({ dir: tempDir(), synth, logger: quiet });
    await cache.wav('mười'.normalize('NFC'), VI);
    expect((await cache.wav('mười'.normalize('NFD'), VI)).fromCache).toBe(true);
    expect(synth.calls).toHaveLength(1);
  });

  it('survives a restart: a new cache on the same folder synthesizes nothing it already has', async () => {
    const dir = tempDir();
    await new SpeechCache({ dir, synth: new CountingSynth(), logger: quiet }).wav('ba', VI);
    const synth = new CountingSynth();
    const again = new SpeechCache({ dir, synth, logger: quiet });
    expect((await again.wav('ba', VI)).fromCache).toBe(true);
    expect(synth.calls).toEqual([]);
    expect(again.stats()).toMatchObject({ hits: 1, syntheses: 0, files: 1 });
  });

  it('lets concurrent requests for one sentence share one synthesis', async () => {
    const synth = new CountingSynth();
    const cache = new SpeechCache({ dir: tempDir(), synth, logger: quiet });
    synth.hold();
    const pending = [cache.wav('bốn', VI), cache.wav('bốn', VI), cache.wav('năm', VI)];
    await new Promise((r) => setTimeout(r, 10));
    synth.open();
    const done = await Promise.all(pending);
    expect(synth.calls).toEqual(['vi@0.9:bốn', 'vi@0.9:năm']);
    expect(done[1]?.wav.equals(done[0]?.wav as Buffer)).toBe(true);
    expect(cache.stats().joined).toBe(1);
  });

  it('stays within its size, dropping the least recently used sentence first', async () => {
    const dir = tempDir();
    let t = 1_000_000;
    const synth = new CountingSynth();
    // Room for two 2,044-byte files, not three.
    const cache = new SpeechCache({ dir, synth, logger: quiet, maxBytes: 5000, now: () => (t += 1000) });
    await cache.wav('một', VI);
    await cache.wav('hai', VI);
    await cache.wav('một', VI); // used again: now 'hai' is the oldest
    await cache.wav('ba', VI);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(existsSync(cache.fileOf('hai', VI))).toBe(false);
    expect(existsSync(cache.fileOf('một', VI))).toBe(true);
    expect(cache.stats().bytes).toBeLessThanOrEqual(5000);
    // The order lives in the files' times, so a restarted cache evicts the same way.
    const restarted = new SpeechCache({ dir, synth, logger: quiet, maxBytes: 5000, now: () => (t += 1000) });
    await restarted.wav('bốn', VI);
    expect(existsSync(cache.fileOf('một', VI))).toBe(false);
    expect(existsSync(cache.fileOf('ba', VI))).toBe(true);
  });

  it('ignores foreign files and re-synthesizes a cached file removed behind its back', async () => {
    const dir = tempDir();
    const synth = new CountingSynth();
    const cache = new SpeechCache({ dir, synth, logger: quiet });
    await cache.wav('sáu', VI);
    writeFileSync(join(dir, 'README.txt'), 'not ours');
    rmSync(cache.fileOf('sáu', VI));
    expect((await cache.wav('sáu', VI)).fromCache).toBe(false);
    expect(synth.calls).toHaveLength(2);
    expect(existsSync(join(dir, 'README.txt'))).toBe(true);
  });

  it('still answers when its folder cannot be written', async () => {
    // A file where the folder should be: unwritable even for root, who ignores permissions.
    const dir = tempDir();
    writeFileSync(dir, 'in the way');
    const warnings: string[] = [];
    const synth = new CountingSynth();
    const cache = new SpeechCache({ dir, synth, logger: { warn: (_o, m) => warnings.push(m) } });
    const answer = await cache.wav('bảy', VI);
    expect(wavInfo(answer.wav)?.seconds).toBe(1);
    expect(warnings).toHaveLength(1);
    expect((await cache.wav('bảy', VI)).fromCache).toBe(false);
  });
});
