import { useEffect, useState } from 'preact/hooks';

/** The time, re-rendered every `everyMs` (a clock on a wall screen needs no more than that). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
