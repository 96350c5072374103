import { AudioClip } from './audio-clip.js';
import type { HubLink } from './hub-link.js';
import type { PreparedSpeech, SpeechRequest, SpeechSource } from './speech-source.js';

/**
 * Audio synthesized on the hub (eSpeak NG), the last resort. The hub builds the sentence itself from
 * the ticket and counter numbers with the site's reading settings, so the request carries numbers,
 * not text. The WAV is fetched with the screen's key and played from an object URL.
 */
export class HubSource implements SpeechSource {
  readonly name = 'hub' as const;

  constructor(private readonly hub: HubLink) {}

  async prepare(request: SpeechRequest): Promise<PreparedSpeech | null> {
    let blob: Blob;
    try {
      const query = new URLSearchParams({ number: request.number, counter: String(request.counterNumber) });
      const res = await this.hub.get(`/api/voice/announcement?${query.toString()}`);
      if (!res.ok) return null;
      blob = await res.blob();
    } catch {
      return null;
    }
    const url = URL.createObjectURL(blob);
    const clip = new AudioClip(url);
    try {
      await clip.load();
    } catch {
      clip.release();
      URL.revokeObjectURL(url);
      return null;
    }
    return {
      play: () => clip.play(),
      stop: () => clip.stop(),
      release: () => {
        clip.release();
        URL.revokeObjectURL(url);
      },
    };
  }
}
