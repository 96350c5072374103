import { vnClock } from '../../common/time/vn-time.js';
import type { Actor, DecideContext, Decision } from '../../server/core/decision.js';
import type { HallEvent } from '../../server/core/events.js';
import { evolveAll } from '../../server/core/evolve.js';
import { initialHallState, type HallConfig, type HallState } from '../../server/core/hall-state.js';

export type Command<I, R> = (state: HallState, input: I, ctx: DecideContext) => Decision<R>;

/**
 * The real queue core driven the way the hall service drives it (decide against the state, then
 * evolve with the accepted events), with no hub and no I/O: the clock is simulated time, set by the
 * event loop, and ids count up so a run replays exactly. Every accepted decision's events go to
 * `onEvents`, which is how the figures are taken: from the core's own facts, as the hub's reports do.
 */
export class CoreHall {
  state: HallState;
  now = 0;
  private lastId = 0;
  private eventCount = 0;

  constructor(
    config: HallConfig,
    day: string,
    private readonly onEvents: (state: HallState, events: readonly HallEvent[]) => void,
  ) {
    this.state = initialHallState(config, day);
  }

  get events(): number {
    return this.eventCount;
  }

  decide<I, R>(command: Command<I, R>, input: I, actor: Actor): Decision<R> {
    const decision = command(this.state, input, { now: this.now, actor, newId: () => `s${++this.lastId}` });
    if (decision.ok) {
      this.state = evolveAll(this.state, decision.events);
      this.eventCount += decision.events.length;
      this.onEvents(this.state, decision.events);
    }
    return decision;
  }

  /** A step the simulation only takes when the core should accept it: a refusal is a bug in the loop. */
  must<I, R>(command: Command<I, R>, input: I, actor: Actor): R {
    const decision = this.decide(command, input, actor);
    if (!decision.ok) {
      throw new Error(`${command.name} ${JSON.stringify(input)} refused with ${decision.code} at ${vnClock(this.now)}`);
    }
    return decision.result;
  }
}
