import { describe, expect, it } from 'vitest';
import { errorBody } from '../../../common/contract/errors.js';
import type { SurveyChanceView } from '../../../common/contract/survey-schemas.js';
import { FIVE_LEVEL_SCALE, THREE_LEVEL_SCALE, type SurveyScale } from '../../../common/domain/survey-scale.js';
import {
  INITIAL,
  NOTICE_MS,
  rateInput,
  SEND_MARGIN_MS,
  SETTLE_MS,
  surveyFlow,
  takesTaps,
  THANKS_MS,
  type SurveyAction,
  type SurveyState,
} from '../../../survey-terminal/state/survey-flow.js';
import { chance } from './survey-fixture.js';

const OVERALL = THREE_LEVEL_SCALE.criteria[0]!.id;

function run(state: SurveyState, ...actions: SurveyAction[]): SurveyState {
  return actions.reduce(surveyFlow, state);
}
const arrive = (c: SurveyChanceView | null, now = 0, scale: SurveyScale | null = THREE_LEVEL_SCALE, hasReasons = true) =>
  ({ type: 'chance', chance: c, scale, hasReasons, now }) as const;
const choose = (levelId: string, now: number, commandId = `cmd-${now}`, criterionId = OVERALL) =>
  ({ type: 'choose', criterionId, levelId, now, commandId }) as const;
const tick = (now: number, commandId = `tick-${now}`) => ({ type: 'tick', now, commandId }) as const;

describe('the survey terminal’s steps', () => {
  it('asks when its counter’s chance appears, the window counted from the arrival on the tablet', () => {
    const c = chance();
    const s = run(INITIAL, arrive(c, 1000));
    expect(s.step.kind).toBe('asking');
    if (s.step.kind !== 'asking') return;
    expect(s.step.chance).toBe(c);
    expect(s.step.deadline).toBe(61_000);
    expect(s.step.windowMs).toBe(60_000);
    expect(takesTaps(s.step, 1000)).toBe(true); // the first question takes a tap at once
    expect(run(INITIAL, arrive(null))).toBe(INITIAL);
    expect(run(INITIAL, arrive(c, 0, null)).step.kind).toBe('idle'); // a scale the page cannot draw
  });

  it('sends one rating for a tap, and a flood of taps after it changes nothing', () => {
    const s = run(INITIAL, arrive(chance()), choose('hai-long', 100, 'first'));
    expect(s.step).toMatchObject({ kind: 'sending', commandId: 'first', answers: { [OVERALL]: 'hai-long' }, reasonId: null });
    const flooded = run(s, choose('hai-long', 101, 'second'), choose('rat-hai-long', 900, 'third'), {
      type: 'press',
      index: 0,
      now: 950,
      commandId: 'x',
    });
    expect(flooded).toBe(s);
  });

  it('ignores a tap meant for a screen already gone, or a level not on the scale', () => {
    const s = run(INITIAL, arrive(chance()));
    expect(run(s, choose('hai-long', 10, 'c', 'another-criterion'))).toBe(s);
    expect(run(s, choose('binh-thuong', 10))).toBe(s); // five-level only
    expect(run(s, { type: 'press', index: 3, now: 10, commandId: 'c' })).toBe(s);
  });

  it('asks one reason after Không hài lòng, once the screen has settled, then sends it', () => {
    let s = run(INITIAL, arrive(chance()), choose('khong-hai-long', 100));
    expect(s.step).toMatchObject({ kind: 'asking', askingReason: true, since: 100 });
    expect(takesTaps(s.step, 100 + SETTLE_MS - 1)).toBe(false);
    // The bounce of the finger that chose the level lands on the reason screen: not taken.
    expect(run(s, { type: 'reason', reasonId: 'cho-lau', now: 150, commandId: 'bounce' })).toBe(s);
    expect(run(s, choose('hai-long', 100 + SETTLE_MS))).toBe(s); // no level on the reason screen
    expect(run(s, { type: 'press', index: 0, now: 100 + SETTLE_MS, commandId: 'pad' })).toBe(s);
    s = run(s, { type: 'reason', reasonId: 'cho-lau', now: 100 + SETTLE_MS, commandId: 'send' });
    expect(s.step).toMatchObject({
      kind: 'sending',
      commandId: 'send',
      reasonId: 'cho-lau',
      answers: { [OVERALL]: 'khong-hai-long' },
    });
    if (s.step.kind === 'sending')
      expect(rateInput(s.step)).toEqual({
        commandId: 'send',
        ticketId: s.step.chance.ticketId,
        answers: { [OVERALL]: 'khong-hai-long' },
        reasonId: 'cho-lau',
      });
  });

  it('sends without a reason after Bỏ qua, or when the site lists no reasons', () => {
    const skipped = run(INITIAL, arrive(chance()), choose('khong-hai-long', 0), {
      type: 'reason',
      reasonId: null,
      now: 1000,
      commandId: 'k',
    });
    expect(skipped.step).toMatchObject({ kind: 'sending', reasonId: null });
    if (skipped.step.kind === 'sending') expect(rateInput(skipped.step)).not.toHaveProperty('reasonId');
    const none = run(INITIAL, arrive(chance(), 0, THREE_LEVEL_SCALE, false), choose('khong-hai-long', 10, 'n'));
    expect(none.step).toMatchObject({ kind: 'sending', commandId: 'n', reasonId: null });
  });

  it('asks each criterion of a longer scale in turn, one reason at most, then sends all answers once', () => {
    const [a, b, c] = FIVE_LEVEL_SCALE.criteria.map((x) => x.id) as [string, string, string];
    let s = run(INITIAL, arrive(chance({ scaleId: FIVE_LEVEL_SCALE.id }), 0, FIVE_LEVEL_SCALE));
    s = run(s, choose('binh-thuong', 100, 'c1', a));
    expect(s.step).toMatchObject({ kind: 'asking', criterion: 1, askingReason: false });
    // A bounce on the next question's button is not an answer to it.
    expect(run(s, choose('binh-thuong', 150, 'c2', b))).toBe(s);
    s = run(s, { type: 'press', index: 4, now: 100 + SETTLE_MS, commandId: 'pad' }); // key 5: Rất không hài lòng
    expect(s.step).toMatchObject({ kind: 'asking', criterion: 1, askingReason: true, answers: { [b]: 'rat-khong-hai-long' } });
    s = run(s, { type: 'reason', reasonId: 'thai-do', now: 1000, commandId: 'r' });
    expect(s.step).toMatchObject({ kind: 'asking', criterion: 2, askingReason: false });
    s = run(s, choose('khong-hai-long', 2000, 'last', c)); // asks a reason, but one was given already
    expect(s.step).toMatchObject({
      kind: 'sending',
      commandId: 'last',
      reasonId: 'thai-do',
      answers: { [a]: 'binh-thuong', [b]: 'rat-khong-hai-long', [c]: 'khong-hai-long' },
    });
  });

  it('sends what was answered when the window is about to close, if the overall question was', () => {
    const [a] = FIVE_LEVEL_SCALE.criteria.map((x) => x.id) as [string];
    let s = run(INITIAL, arrive(chance({ scaleId: FIVE_LEVEL_SCALE.id }), 0, FIVE_LEVEL_SCALE), choose('hai-long', 100, 'c', a));
    expect(run(s, tick(60_000 - SEND_MARGIN_MS - 1))).toBe(s);
    s = run(s, tick(60_000 - SEND_MARGIN_MS, 'at-margin'));
    expect(s.step).toMatchObject({ kind: 'sending', commandId: 'at-margin', answers: { [a]: 'hai-long' } });
  });

  it('goes idle when the window closes with nothing answered, and does not ask that chance again', () => {
    const c = chance();
    let s = run(INITIAL, arrive(c));
    expect(run(s, tick(60_000 - 1)).step.kind).toBe('asking');
    s = run(s, tick(60_000));
    expect(s.step.kind).toBe('idle');
    expect(s.done).toContain(c.ticketId);
    // The hub has not lapsed it yet, so the view still has it: the page stays idle.
    expect(run(s, arrive(c, 60_100)).step.kind).toBe('idle');
  });

  it('goes idle when the chance leaves the view, and takes a newer chance at once', () => {
    const first = chance();
    const asking = run(INITIAL, arrive(first));
    const gone = run(asking, arrive(null, 500));
    expect(gone.step.kind).toBe('idle');
    expect(gone.done).toEqual([first.ticketId]);
    const second = chance({ finishedAt: first.finishedAt + 30_000 });
    const replaced = run(asking, arrive(second, 800));
    expect(replaced.step).toMatchObject({ kind: 'asking', chance: second, deadline: 60_800 });
    expect(run(asking, arrive(first, 900))).toBe(asking); // the same chance again: nothing changes
  });

  it('thanks for a rating the hub took, or already had, and stays on it until the thanks time is over', () => {
    const c = chance();
    const sending = run(INITIAL, arrive(c), choose('rat-hai-long', 10, 'cmd'));
    for (const ack of [{ ok: true, data: {} } as const, { ok: false, error: errorBody('ALREADY_RATED') } as const]) {
      let s = run(sending, { type: 'answered', commandId: 'cmd', ack, now: 1000 });
      expect(s.step).toMatchObject({ kind: 'thanks', until: 1000 + THANKS_MS, answers: { [OVERALL]: 'rat-hai-long' } });
      expect(s.done).toEqual([c.ticketId]);
      expect(run(s, arrive(chance({ finishedAt: c.finishedAt + 5000 }), 1100))).toBe(s); // the next waits
      expect(run(s, choose('hai-long', 1200))).toBe(s);
      s = run(s, tick(1000 + THANKS_MS));
      expect(s.step.kind).toBe('idle');
      expect(run(s, arrive(c, 8000)).step.kind).toBe('idle'); // the rated chance, before its fact lands
    }
  });

  it('says the window closed, the link was lost, or the hub’s reason, then goes idle', () => {
    const sending = run(INITIAL, arrive(chance()), choose('hai-long', 10, 'cmd'));
    const answer = (code: 'SURVEY_CLOSED' | 'INTERNAL' | 'SURVEY_WRONG_COUNTER') =>
      run(sending, { type: 'answered', commandId: 'cmd', ack: { ok: false, error: errorBody(code) }, now: 100 });
    expect(answer('SURVEY_CLOSED').step).toEqual({ kind: 'notice', notice: 'closed', until: 100 + NOTICE_MS });
    expect(answer('INTERNAL').step).toMatchObject({ kind: 'notice', notice: 'lost' });
    expect(answer('SURVEY_WRONG_COUNTER').step).toMatchObject({ kind: 'notice', notice: { code: 'SURVEY_WRONG_COUNTER' } });
    expect(run(answer('SURVEY_CLOSED'), tick(100 + NOTICE_MS)).step.kind).toBe('idle');
  });

  it('ignores an answer to another command', () => {
    const sending = run(INITIAL, arrive(chance()), choose('hai-long', 10, 'cmd'));
    expect(run(sending, { type: 'answered', commandId: 'other', ack: { ok: true, data: {} }, now: 100 })).toBe(sending);
    expect(run(INITIAL, { type: 'answered', commandId: 'cmd', ack: { ok: true, data: {} }, now: 100 })).toBe(INITIAL);
  });
});
