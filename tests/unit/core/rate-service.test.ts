import { describe, expect, it } from 'vitest';
import { FIVE_LEVEL_SCALE, THREE_LEVEL_SCALE } from '../../../common/domain/survey-scale.js';
import { callNext } from '../../../server/core/commands/call-next.js';
import { finish } from '../../../server/core/commands/finish.js';
import { lapseSurveys } from '../../../server/core/commands/lapse-surveys.js';
import { rateService } from '../../../server/core/commands/rate-service.js';
import { rollDay } from '../../../server/core/commands/roll-day.js';
import { SYSTEM_ACTOR, type Actor } from '../../../server/core/decision.js';
import { Hall, hallConfig, nextDay } from '../../helpers/core-fixtures.js';

const SURVEY = { windowSec: 60, scales: [THREE_LEVEL_SCALE], counterIds: ['c1', 'c2'], reasonIds: ['cho-lau', 'thai-do'] };
const pad = (counterId: string): Actor => ({
  kind: 'device',
  officerId: null,
  role: 'survey',
  counterId,
  deviceId: `survey-${counterId}`,
});
const overall = (level: string) => ({ 'giai-quyet-tthc': level });

/** A hall where counter c1 (with a survey terminal) has just served one ticket. */
function served(survey: Partial<typeof SURVEY> = {}) {
  const hall = new Hall(hallConfig({ survey: { ...SURVEY, ...survey } }));
  const lan = hall.open('c1', 'lan');
  const t = hall.issue('ho-tich');
  hall.do(callNext, { counterId: 'c1' }, lan);
  hall.advance(5);
  const { events } = hall.do(finish, { counterId: 'c1' }, lan);
  return { hall, t, lan, finished: events[0] };
}

describe('the chance to rate', () => {
  it('opens when a counter with a survey device finishes a ticket, tied to ticket, counter, officer and scale', () => {
    const { hall, t, finished } = served();
    expect(finished).toMatchObject({
      type: 'ticket:finished',
      survey: {
        ticketId: t.id,
        number: t.number,
        counterId: 'c1',
        officerId: 'lan',
        finishedAt: hall.now,
        expiresAt: hall.now + 60_000,
        scaleId: THREE_LEVEL_SCALE.id,
      },
    });
    expect(hall.state.surveys.get(t.id)).toMatchObject({ queueId: 'ho-tich' });
  });

  it('does not open at a counter without a survey device (it could only lapse)', () => {
    const { hall, finished } = served({ counterIds: ['c2'] });
    expect(finished).toMatchObject({ survey: null });
    expect(hall.state.surveys.size).toBe(0);
  });

  it('uses the scale in force on the service day: a switch takes effect on its date', () => {
    const five = { ...FIVE_LEVEL_SCALE, effectiveFrom: '2026-03-03' };
    const before = served({ scales: [THREE_LEVEL_SCALE, five] });
    expect(before.finished).toMatchObject({ survey: { scaleId: THREE_LEVEL_SCALE.id } });
    const hall = before.hall;
    hall.do(rollDay, { to: nextDay(hall.state.day) }, SYSTEM_ACTOR);
    const lan = hall.open('c1', 'lan');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    const { events } = hall.do(finish, { counterId: 'c1' }, lan);
    expect(hall.state.day).toBe('2026-03-03');
    expect(events[0]).toMatchObject({ survey: { scaleId: FIVE_LEVEL_SCALE.id } });
  });
});

describe('rateService', () => {
  it("records one rating from the counter's own device within the window", () => {
    const { hall, t } = served();
    hall.advance(0.5);
    const { events } = hall.do(rateService, { ticketId: t.id, answers: overall('hai-long') }, pad('c1'));
    expect(events).toEqual([
      {
        type: 'survey:rated',
        at: hall.now,
        ticketId: t.id,
        counterId: 'c1',
        officerId: 'lan',
        queueId: 'ho-tich',
        scaleId: THREE_LEVEL_SCALE.id,
        answers: overall('hai-long'),
        reasonId: null,
        deviceId: 'survey-c1',
      },
    ]);
    expect(hall.state.surveys.size).toBe(0);
  });

  it("refuses a second rating, another counter's device, an unknown ticket and a late one, changing nothing", () => {
    const { hall, t } = served();
    expect(hall.refusal(rateService, { ticketId: t.id, answers: overall('hai-long') }, pad('c2'))).toBe('SURVEY_WRONG_COUNTER');
    expect(hall.refusal(rateService, { ticketId: 'khong-co', answers: overall('hai-long') }, pad('c1'))).toBe('TICKET_NOT_FOUND');
    hall.do(rateService, { ticketId: t.id, answers: overall('rat-hai-long') }, pad('c1'));
    expect(hall.refusal(rateService, { ticketId: t.id, answers: overall('khong-hai-long') }, pad('c1'))).toBe('ALREADY_RATED');

    const late = served();
    late.hall.advance(1.01);
    expect(late.hall.refusal(rateService, { ticketId: late.t.id, answers: overall('hai-long') }, pad('c1'))).toBe(
      'SURVEY_CLOSED',
    );
  });

  it('refuses answers off the scale, a missing overall answer, and a reason not asked for or not on the list', () => {
    const { hall, t } = served();
    const refused = (answers: Record<string, string>, reasonId: string | null = null) =>
      hall.refusal(rateService, { ticketId: t.id, answers, reasonId }, pad('c1'));
    expect(refused(overall('binh-thuong'))).toBe('SURVEY_ANSWER_INVALID'); // a five-level answer on the three-level scale
    expect(refused({ 'thai-do': 'hai-long' })).toBe('SURVEY_ANSWER_INVALID');
    expect(refused({})).toBe('SURVEY_ANSWER_INVALID');
    expect(refused(overall('hai-long'), 'cho-lau')).toBe('SURVEY_ANSWER_INVALID');
    expect(refused(overall('khong-hai-long'), 'khong-co-ly-do-nay')).toBe('SURVEY_ANSWER_INVALID');
    const { events } = hall.do(
      rateService,
      { ticketId: t.id, answers: overall('khong-hai-long'), reasonId: 'cho-lau' },
      pad('c1'),
    );
    expect(events[0]).toMatchObject({ reasonId: 'cho-lau' });
  });

  it('takes every criterion of a five-level questionnaire, the overall one required', () => {
    const five = { ...FIVE_LEVEL_SCALE, effectiveFrom: '2020-01-01' };
    const { hall, t } = served({ scales: [five] });
    const answers = { 'tong-the': 'binh-thuong', 'thuan-tien': 'hai-long', 'thai-do': 'rat-hai-long' };
    expect(hall.refusal(rateService, { ticketId: t.id, answers: { 'thai-do': 'hai-long' } }, pad('c1'))).toBe(
      'SURVEY_ANSWER_INVALID',
    );
    expect(hall.do(rateService, { ticketId: t.id, answers }, pad('c1')).events[0]).toMatchObject({ answers, scaleId: five.id });
  });
});

describe('lapsing', () => {
  it('records chances past their window as not rated, and only those', () => {
    const { hall, t, lan } = served();
    hall.advance(0.5);
    const second = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(finish, { counterId: 'c1' }, lan);
    expect(hall.do(lapseSurveys, null, SYSTEM_ACTOR).events).toEqual([]);
    hall.advance(0.6);
    const { events } = hall.do(lapseSurveys, null, SYSTEM_ACTOR);
    expect(events).toEqual([{ type: 'survey:lapsed', at: hall.now, ticketIds: [t.id] }]);
    expect([...hall.state.surveys.keys()]).toEqual([second.id]);
    expect(hall.refusal(rateService, { ticketId: t.id, answers: overall('hai-long') }, pad('c1'))).toBe('SURVEY_CLOSED');
  });

  it('closes every open chance when the day rolls over', () => {
    const { hall, t } = served();
    const { events } = hall.do(rollDay, { to: nextDay(hall.state.day) }, SYSTEM_ACTOR);
    expect(events[0]).toEqual({ type: 'survey:lapsed', at: hall.now, ticketIds: [t.id] });
    expect(hall.state.surveys.size).toBe(0);
  });
});
