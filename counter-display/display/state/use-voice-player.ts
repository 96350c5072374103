import { useEffect, useRef } from 'preact/hooks';
import type { VoiceSettings } from '../../../common/contract/voice-settings.js';
import { createVoicePlayer, type VoiceCall, type VoicePlayer } from '../../../ui/voice/voice-player.js';

/**
 * The TV's voice, made once its settings are known and made again when an admin changes them (or
 * the TV is told not to speak). Returns the function that hands it a call; calls handed over before
 * the player exists are not kept: the TV speaks from the moment it knows how.
 */
export function useVoicePlayer(
  settings: VoiceSettings | null,
  speaks: boolean,
  deviceKey: string | null,
): (call: VoiceCall) => void {
  const player = useRef<VoicePlayer | null>(null);
  const settingsKey = settings ? JSON.stringify(settings) : '';
  useEffect(() => {
    if (!settings || !speaks || !settings.enabled || !deviceKey) return;
    const p = createVoicePlayer({ settings, hubUrl: '', auth: { deviceKey } });
    player.current = p;
    return () => {
      p.dispose();
      if (player.current === p) player.current = null;
    };
  }, [settingsKey, speaks, deviceKey]);
  return (call) => player.current?.announce(call);
}
