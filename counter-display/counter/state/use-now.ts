import { useEffect, useState } from 'preact/hooks';

/** The time, again every `everyMs`: waiting times and "called 02:35 ago" tick by themselves. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
