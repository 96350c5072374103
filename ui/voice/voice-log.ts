import type { VoiceSource } from '../../common/contract/voice-settings.js';

/** What the TV said, for the screen and for tests. source 'none': shown only (voice off, or no source could speak). */
export interface SpokenEntry {
  readonly text: string;
  readonly source: VoiceSource | 'none';
  /** Hub time when it started. */
  readonly at: number;
}

export interface VoiceLog {
  readonly spoken: SpokenEntry[];
  /** Problems reported (each once): autoplay blocked, no source could speak. */
  readonly problems: string[];
}

declare global {
  interface Window {
    /** Kept only with ?voiceLog=1 in the page address. */
    __motcuaVoice?: VoiceLog;
  }
}

/** Whether the page address asks for the log (?voiceLog=1). */
export function voiceLogRequested(search: string | undefined = globalThis.location?.search): boolean {
  return new URLSearchParams(search ?? '').get('voiceLog') === '1';
}

/** The page's log, created on first use: window.__motcuaVoice. */
export function pageVoiceLog(): VoiceLog {
  const g = globalThis as { __motcuaVoice?: VoiceLog };
  return (g.__motcuaVoice ??= { spoken: [], problems: [] });
}
