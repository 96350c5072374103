import { describe, expect, it } from 'vitest';
import { errorBody, type Ack } from '../../../common/contract/errors.js';
import { LinkWatch, sendRating, type RatingLink } from '../../../survey-terminal/state/send-rating.js';

function scripted(answers: Ack<unknown>[], comesBack = true) {
  const sent: Record<string, unknown>[] = [];
  const log: string[] = [];
  const link: RatingLink = {
    async send<T>(event: string, input: Record<string, unknown>) {
      expect(event).toBe('survey:rate');
      sent.push(input);
      log.push('send');
      return (answers.shift() ?? { ok: false, error: errorBody('INTERNAL') }) as Ack<T>;
    },
    async whenConnected() {
      log.push('wait');
      return comesBack;
    },
  };
  return { link, sent, log };
}

const lost: Ack<unknown> = { ok: false, error: errorBody('INTERNAL') };
const input = { commandId: 'rate-0001-abcdef', ticketId: 't-1', answers: { 'giai-quyet-tthc': 'hai-long' } };

describe('sending the citizen’s rating', () => {
  it('sends again with the same command id after a lost answer, once the link is back', async () => {
    const { link, sent, log } = scripted([lost, { ok: true, data: { rating: 1 } }]);
    expect(await sendRating(link, input)).toEqual({ ok: true, data: { rating: 1 } });
    expect(log).toEqual(['send', 'wait', 'send']);
    expect(sent).toEqual([input, input]);
  });

  it('does not retry a refusal', async () => {
    const refused: Ack<unknown> = { ok: false, error: errorBody('SURVEY_CLOSED') };
    const { link, sent } = scripted([refused]);
    expect(await sendRating(link, input)).toEqual(refused);
    expect(sent).toHaveLength(1);
  });

  it('gives up with the lost answer when the link does not come back, and after `attempts` sends', async () => {
    const gone = scripted([lost], false);
    expect((await sendRating(gone.link, input, { attempts: 4, reconnectWaitMs: 10 })).ok).toBe(false);
    expect(gone.log).toEqual(['send', 'wait']);
    const flaky = scripted([lost, lost, lost, lost]);
    expect(await sendRating(flaky.link, input, { attempts: 3, reconnectWaitMs: 10 })).toEqual(lost);
    expect(flaky.sent).toHaveLength(3);
  });

  it('waits for the link: at once when up, woken when it comes up, false when it does not', async () => {
    const watch = new LinkWatch();
    expect(await watch.whenConnected(5)).toBe(false);
    const waiting = watch.whenConnected(5000);
    watch.set(true);
    expect(await waiting).toBe(true);
    expect(await watch.whenConnected(0)).toBe(true);
  });
});
