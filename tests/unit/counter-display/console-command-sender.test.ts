import { describe, expect, it } from 'vitest';
import { errorBody, type Ack } from '../../../common/contract/errors.js';
import { LinkWatch, sendOnce, type CommandLink } from '../../../counter-display/counter/state/command-sender.js';

/** A link whose answers are scripted, recording what was sent and when the sender waited. */
function scripted(answers: Ack<unknown>[], comesBack = true) {
  const sent: { event: string; input: Record<string, unknown> }[] = [];
  const log: string[] = [];
  const link: CommandLink = {
    async send<T>(event: string, input: Record<string, unknown>) {
      sent.push({ event, input });
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
const input = { commandId: 'press-0001-abcdef', counterId: 'quay-2' };

describe('sending an officer’s press once', () => {
  it('sends again with the same command id after a lost answer, once the link is back', async () => {
    const { link, sent, log } = scripted([lost, { ok: true, data: { ticket: 'B001' } }]);
    const ack = await sendOnce(link, 'ticket:call-next', input);
    expect(ack).toEqual({ ok: true, data: { ticket: 'B001' } });
    expect(log).toEqual(['send', 'wait', 'send']);
    expect(sent.map((s) => s.input.commandId)).toEqual([input.commandId, input.commandId]);
    expect(sent.every((s) => s.event === 'ticket:call-next' && s.input.counterId === 'quay-2')).toBe(true);
  });

  it('does not retry a refusal: it is the hub’s answer', async () => {
    const refused: Ack<unknown> = { ok: false, error: errorBody('NO_WAITING_TICKET') };
    const { link, sent } = scripted([refused]);
    expect(await sendOnce(link, 'ticket:call-next', input)).toEqual(refused);
    expect(sent).toHaveLength(1);
  });

  it('gives up with the lost answer when the link does not come back in time', async () => {
    const { link, log } = scripted([lost], false);
    const ack = await sendOnce(link, 'ticket:call-next', input, { attempts: 4, reconnectWaitMs: 10 });
    expect(ack.ok).toBe(false);
    expect(log).toEqual(['send', 'wait']);
  });

  it('sends at most `attempts` times', async () => {
    const { link, sent } = scripted([lost, lost, lost, lost, lost]);
    const ack = await sendOnce(link, 'ticket:recall', input, { attempts: 3, reconnectWaitMs: 10 });
    expect(ack).toEqual(lost);
    expect(sent).toHaveLength(3);
  });
});

describe('waiting for the link', () => {
  it('answers at once when up, wakes waiters when it comes up, and times out when it does not', async () => {
    const watch = new LinkWatch();
    expect(await watch.whenConnected(5)).toBe(false);
    const waiting = watch.whenConnected(5000);
    watch.set(true);
    expect(await waiting).toBe(true);
    expect(await watch.whenConnected(0)).toBe(true);
    watch.set(false);
    expect(watch.connected).toBe(false);
  });
});
