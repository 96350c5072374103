import { useEffect, useState } from 'preact/hooks';
import type { ScreenConfig } from '../../common/contract/screen-config.js';

/**
 * The screen's part of the site config, fetched with its device key once the hub is reachable, and
 * again after every reconnect: an admin's edit (a new notice) reaches a TV left on for weeks.
 */
export function useScreenConfig(deviceKey: string | null, connected: boolean): ScreenConfig | null {
  const [config, setConfig] = useState<ScreenConfig | null>(null);
  useEffect(() => {
    if (!deviceKey || !connected) return;
    let live = true;
    void fetch('/api/screen-config', { headers: { 'x-device-key': deviceKey } })
      .then((r) => r.json())
      .then((body: { ok: boolean; data: ScreenConfig }) => {
        if (live && body.ok) setConfig(body.data);
      })
      .catch(() => undefined); // kept as it was; fetched again on the next reconnect
    return () => {
      live = false;
    };
  }, [deviceKey, connected]);
  return config;
}
