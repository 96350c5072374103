import { useEffect, useState } from 'preact/hooks';
import type { SettingsState, SettingsStore } from './settings-store.js';

/** The store's state, re-rendering the screen on each change. */
export function useSettings(store: SettingsStore): SettingsState {
  const [state, setState] = useState(store.state);
  useEffect(() => {
    setState(store.state);
    return store.subscribe(setState);
  }, [store]);
  return state;
}
