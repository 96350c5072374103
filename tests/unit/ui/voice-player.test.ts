import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_VOICE, type VoiceSettings, type VoiceSource } from '../../../common/contract/voice-settings.js';
import { ticketAnnouncement } from '../../../common/text/announcement.js';
import type { Chime } from '../../../ui/voice/chime.js';
import { AutoplayBlockedError, type PreparedSpeech, type SpeechRequest, type SpeechSource } from '../../../ui/voice/speech-source.js';
import type { SpokenEntry } from '../../../ui/voice/voice-log.js';
import { createVoicePlayer, type VoicePlayer, type VoiceProblem } from '../../../ui/voice/voice-player.js';
import { eventually } from '../../helpers/test-hub.js';

/** A source that can or cannot speak, and records every step the player takes with it into `steps`. */
function fakeSource(name: VoiceSource, steps: string[], behaviour: 'speaks' | 'cannot' | 'blocked' | 'fails'): SpeechSource & { requests: SpeechRequest[] } {
  const requests: SpeechRequest[] = [];
  return {
    name,
    requests,
    async prepare(request) {
      requests.push(request);
      steps.push(`${name}:prepare`);
      if (behaviour === 'cannot') return null;
      const speech: PreparedSpeech = {
        play: async () => {
          steps.push(`${name}:play ${request.number}`);
          if (behaviour === 'blocked') throw new AutoplayBlockedError('test audio');
          if (behaviour === 'fails') throw new Error('decoder crashed');
          await new Promise((r) => setTimeout(r, 5));
        },
        stop: () => steps.push(`${name}:stop`),
        release: () => steps.push(`${name}:release`),
      };
      return speech;
    },
  };
}

function fakeChime(steps: string[]): Chime {
  return { play: async () => void steps.push('chime'), stop: () => undefined };
}

const players: VoicePlayer[] = [];
afterEach(() => {
  for (const p of players.splice(0)) p.dispose();
  delete (globalThis as { __motcuaVoice?: unknown }).__motcuaVoice;
});

function setup(settings: Partial<VoiceSettings>, behaviours: Partial<Record<VoiceSource, 'speaks' | 'cannot' | 'blocked' | 'fails'>>, voiceLog = false) {
  const steps: string[] = [];
  const sources = Object.fromEntries(
    Object.entries(behaviours).map(([name, b]) => [name, fakeSource(name as VoiceSource, steps, b)]),
  ) as Record<VoiceSource, ReturnType<typeof fakeSource>>;
  const spoken: SpokenEntry[] = [];
  const problems: VoiceProblem[] = [];
  const warnings: string[] = [];
  const now = Date.now();
  const player = createVoicePlayer({
    settings: { ...DEFAULT_VOICE, ...settings },
    hubUrl: 'http://hub.invalid',
    auth: { deviceKey: 'k' },
    voiceLog,
    now: () => now,
    sources,
    chime: fakeChime(steps),
    logger: { warn: (m: string) => warnings.push(m) },
  });
  players.push(player);
  player.onSpeak((s) => spoken.push(s));
  player.onProblem((p) => problems.push(p));
  let n = 0;
  const call = (number: string, counterNumber: number) => ({ ticketId: `t-${number}`, number, counterNumber, calls: 1, at: now - 100 + ++n });
  return { player, steps, sources, spoken, problems, warnings, call };
}

describe('the voice player', () => {
  it('speaks with the first source that can: chime, then the sentence; shows the exact sentence', async () => {
    const { player, steps, spoken, call } = setup({}, { browser: 'cannot', clips: 'speaks', hub: 'speaks' });
    player.announce(call('A012', 3));
    await eventually(() => steps.includes('clips:release'), 2000, 'the call to be spoken');
    expect(steps).toEqual(['browser:prepare', 'clips:prepare', 'chime', 'clips:play A012', 'clips:release']);
    expect(spoken.map((s) => [s.text, s.source])).toEqual([['Mời công dân có số thứ tự a mười hai đến quầy số ba', 'clips']]);
  });

  it('hands each source the sentence in words and in clips, in the office reading', async () => {
    const reading = { thousand: 'ngàn', zeroTen: 'lẻ', four: 'bốn' } as const;
    const { player, sources, spoken, call } = setup({ reading, sources: ['clips'] }, { clips: 'speaks' });
    player.announce(call('2104', 5));
    await eventually(() => spoken.length === 1, 2000, 'the call');
    const req = sources.clips.requests[0] as SpeechRequest;
    expect(req.text).toBe(ticketAnnouncement('2104', 5, reading));
    expect(req.text).toContain('hai ngàn một trăm lẻ bốn');
    expect(req.clips).toEqual(['moi-cong-dan-co-so-thu-tu', 'hai', 'ngan', 'mot', 'tram', 'le', 'bon', 'den-quay-so', 'nam']);
    expect(req.rate).toBe(DEFAULT_VOICE.rate);
  });

  it('speaks calls one after another, the next prepared only when the last has finished', async () => {
    const { player, steps, spoken, call } = setup({ chime: false, sources: ['hub'] }, { hub: 'speaks' });
    player.announceAll([call('B002', 2), call('A001', 1)].reverse());
    await eventually(() => spoken.length === 2 && steps.at(-1) === 'hub:release', 2000, 'both calls');
    expect(steps).toEqual(['hub:prepare', 'hub:play B002', 'hub:release', 'hub:prepare', 'hub:play A001', 'hub:release']);
  });

  it('still shows the sentence when no source can speak, and says so once', async () => {
    const { player, spoken, problems, call } = setup({}, { browser: 'cannot', clips: 'cannot', hub: 'cannot' });
    player.announce(call('A001', 1));
    player.announce(call('B001', 2));
    await eventually(() => spoken.length === 2, 2000, 'both calls shown');
    expect(spoken.map((s) => s.source)).toEqual(['none', 'none']);
    expect(problems.map((p) => p.code)).toEqual(['no-source']);
  });

  it('shows the sentence when the browser blocks sound, reports it once, and keeps trying later calls', async () => {
    const { player, steps, spoken, problems, call } = setup({ chime: false }, { browser: 'blocked' });
    player.announce(call('A001', 1));
    player.announce(call('B001', 2));
    await eventually(() => steps.filter((s) => s === 'browser:release').length === 2, 2000, 'both calls');
    expect(spoken.map((s) => [s.text, s.source])).toEqual([
      [ticketAnnouncement('A001', 1), 'browser'],
      [ticketAnnouncement('B001', 2), 'browser'],
    ]);
    expect(steps).toContain('browser:play B001');
    expect(problems.map((p) => p.code)).toEqual(['autoplay-blocked']);
  });

  it('does not start the sentence again with the next source after a failure mid-way', async () => {
    const { player, steps, problems, call } = setup({ chime: false }, { clips: 'fails', hub: 'speaks' });
    player.announce(call('A001', 1));
    await eventually(() => steps.includes('clips:release'), 2000, 'the call');
    expect(steps.some((s) => s.startsWith('hub:'))).toBe(false);
    expect(problems.map((p) => p.code)).toEqual(['source-failed']);
  });

  it('repeats the sentence as the settings ask, after one chime', async () => {
    const { player, steps, call } = setup({ repeat: 2, sources: ['hub'] }, { hub: 'speaks' });
    player.announce(call('A001', 1));
    await eventually(() => steps.includes('hub:release'), 3000, 'the call');
    expect(steps).toEqual(['hub:prepare', 'chime', 'hub:play A001', 'hub:play A001', 'hub:release']);
  });

  it('only shows calls when the voice is off', async () => {
    const { player, steps, spoken, call } = setup({ enabled: false }, { browser: 'speaks' });
    player.announce(call('A001', 1));
    await eventually(() => spoken.length === 1, 2000, 'the call shown');
    expect(spoken[0]?.source).toBe('none');
    expect(steps).toEqual([]);
  });

  it('keeps window.__motcuaVoice only when asked', async () => {
    const quiet = setup({ chime: false }, { browser: 'speaks' });
    quiet.player.announce(quiet.call('A001', 1));
    await eventually(() => quiet.spoken.length === 1, 2000, 'the call');
    expect((globalThis as { __motcuaVoice?: unknown }).__motcuaVoice).toBeUndefined();

    const logged = setup({ chime: false }, { browser: 'speaks' }, true);
    logged.player.announce(logged.call('C021', 21));
    await eventually(() => logged.spoken.length === 1, 2000, 'the call');
    const log = (globalThis as { __motcuaVoice?: { spoken: SpokenEntry[] } }).__motcuaVoice;
    expect(log?.spoken.map((s) => [s.text, s.source])).toEqual([['Mời công dân có số thứ tự xê hai mươi mốt đến quầy số hai mươi mốt', 'browser']]);
  });
});
