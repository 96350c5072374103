import { useEffect, useRef, useState } from 'preact/hooks';
import type { HallView } from '../../../common/contract/hall-view.js';
import type { ScreenConfig } from '../../../common/contract/screen-config.js';
import { ticketAnnouncement } from '../../../common/text/announcement.js';
import { callsToAnnounce } from './calls-to-announce.js';

export interface Announcement {
  readonly key: string;
  readonly ticketId: string;
  readonly calls: number;
  readonly text: string;
  readonly number: string;
  readonly counterNumber: number;
  readonly at: number;
}

/**
 * Turns the hall's new calls into sentences for this TV: each first call and each recall once, in
 * order, with the office's regional reading. `speak` gets every one (the voice player queues them);
 * the last one is returned for the caption, so the words are on screen even where no sound plays.
 */
export function useAnnouncements(
  view: HallView | null,
  config: ScreenConfig | null,
  speak: (a: Announcement) => void,
): Announcement | null {
  const seen = useRef<Set<string> | null>(null);
  const [last, setLast] = useState<Announcement | null>(null);
  useEffect(() => {
    if (!view || !config) return;
    const found = callsToAnnounce(view, seen.current, config.display?.counterIds ?? null);
    seen.current = found.seen;
    for (const call of found.calls) {
      let text: string;
      try {
        text = ticketAnnouncement(call.number, call.counterNumber, config.voice.reading);
      } catch {
        continue; // a number outside the reading's shape (a site's odd series) is shown, not spoken
      }
      const a = {
        key: call.key,
        ticketId: call.ticketId,
        calls: call.calls,
        text,
        number: call.number,
        counterNumber: call.counterNumber,
        at: call.at,
      };
      setLast(a);
      speak(a);
    }
  }, [view, config]);
  return last;
}
