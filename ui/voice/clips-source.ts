import type { ClipManifest } from '../../common/text/announcement-clips.js';
import { AudioClip } from './audio-clip.js';
import type { HubLink } from './hub-link.js';
import type { PreparedSpeech, SpeechRequest, SpeechSource } from './speech-source.js';

/** The office may add or re-record clips while the TV runs; the list is read again after this. */
const MANIFEST_MAX_AGE_MS = 5 * 60_000;

/**
 * The office's recorded clip bank (firmware-configs/voice/README.md): the sentence played as a chain
 * of recordings. Usable for a sentence only when every one of its clips is present and loads; one
 * missing word would make the sentence wrong, so then the next source speaks instead.
 */
export class ClipsSource implements SpeechSource {
  readonly name = 'clips' as const;
  private manifest: ClipManifest | null = null;
  private fetchedAt = -Infinity;
  private loading: Promise<ClipManifest | null> | null = null;

  constructor(
    private readonly hub: HubLink,
    private readonly localNow: () => number = () => Date.now(),
  ) {}

  /** The hub's list of clips, fresh enough; null while the hub cannot be asked. */
  async currentManifest(): Promise<ClipManifest | null> {
    if (this.manifest && this.localNow() - this.fetchedAt < MANIFEST_MAX_AGE_MS) return this.manifest;
    this.loading ??= this.fetchManifest().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** The office's chime clip URL, if it has one. */
  async chimeUrl(): Promise<string | null> {
    const m = await this.currentManifest();
    return m?.chime ? this.hub.url(m.chime) : null;
  }

  async prepare(request: SpeechRequest): Promise<PreparedSpeech | null> {
    const manifest = await this.currentManifest();
    if (!manifest) return null;
    const urls = new Map(manifest.clips.map((c) => [c.name, c.url]));
    if (!request.clips.every((name) => urls.has(name))) return null;
    const clips = request.clips.map((name) => new AudioClip(this.hub.url(urls.get(name) as string)));
    try {
      await Promise.all(clips.map((c) => c.load()));
    } catch {
      // A file listed but not loadable (removed since, or corrupt): ask the hub again next time.
      this.fetchedAt = -Infinity;
      for (const c of clips) c.release();
      return null;
    }
    let current: AudioClip | null = null;
    let stopped = false;
    return {
      play: async () => {
        stopped = false;
        for (const clip of clips) {
          if (stopped) return;
          current = clip;
          await clip.play();
        }
        current = null;
      },
      stop: () => {
        stopped = true;
        current?.stop();
      },
      release: () => {
        for (const c of clips) c.release();
      },
    };
  }

  private async fetchManifest(): Promise<ClipManifest | null> {
    try {
      const res = await this.hub.get('/api/voice/clips');
      const body = (await res.json()) as { ok: boolean; data?: ClipManifest };
      if (!res.ok || !body.ok || !body.data) return this.manifest;
      this.manifest = body.data;
      this.fetchedAt = this.localNow();
      return this.manifest;
    } catch {
      return this.manifest; // the hub unreachable for now: the last list, if any, still holds
    }
  }
}
