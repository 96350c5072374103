import { useEffect, useState } from 'preact/hooks';
import type { HallConnection } from '../../../ui/realtime/use-hall.js';

/**
 * True for `ms` after the hub sends `device:test` ("Thử thiết bị" on the admin page), so whoever
 * pressed it can see from the hall which TV it reached. A second test restarts the time.
 */
export function useTestBanner(on: HallConnection['on'], ms = 5_000): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = on('device:test', () => {
      setShown(true);
      clearTimeout(timer);
      timer = setTimeout(() => setShown(false), ms);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [on, ms]);
  return shown;
}
