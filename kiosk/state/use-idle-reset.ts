import { useEffect } from 'preact/hooks';

/**
 * Sends the kiosk home after `seconds` without a touch, so the next citizen never finds someone
 * else's half-finished screen. Any touch, key or scan restarts the count.
 */
export function useIdleReset(seconds: number, active: boolean, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(onIdle, seconds * 1000);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, seconds * 1000);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, restart);
    };
  }, [seconds, active, onIdle]);
}
