import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { HallConnection } from '../../ui/realtime/use-hall.js';
import { LinkWatch, type RatingLink } from './send-rating.js';

const ANSWER_TIMEOUT_MS = 8000;

/** The hall connection as sendRating needs it: stable across renders, always the latest socket. */
export function useRatingLink(hall: HallConnection): RatingLink {
  const latest = useRef(hall);
  latest.current = hall;
  const watch = useMemo(() => new LinkWatch(), []);
  useEffect(() => watch.set(hall.connected), [hall.connected]);
  return useMemo<RatingLink>(
    () => ({
      send: (event, input) => latest.current.send(event, input, ANSWER_TIMEOUT_MS),
      whenConnected: (ms) => watch.whenConnected(ms),
    }),
    [],
  );
}
