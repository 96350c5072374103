import type { CounterDef } from '../../common/domain/counter.js';
import { serviceDayStart, vnDate } from '../../common/time/vn-time.js';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from '../../server/core/commands/counter-status.js';
import { finish } from '../../server/core/commands/finish.js';
import { issueTicket } from '../../server/core/commands/issue-ticket.js';
import { recall } from '../../server/core/commands/recall.js';
import { rollDay } from '../../server/core/commands/roll-day.js';
import { skip } from '../../server/core/commands/skip.js';
import { startService } from '../../server/core/commands/start-service.js';
import { transfer } from '../../server/core/commands/transfer.js';
import { SYSTEM_ACTOR, type Actor } from '../../server/core/decision.js';
import type { HallConfig } from '../../server/core/hall-state.js';
import { LUNCH_REASON, type Behaviour } from './citizen-behaviour.js';
import { CoreHall } from './core-hall.js';
import { DayOutcomes, type TicketOutcome } from './day-outcomes.js';
import type { DayPlan, PlannedCitizen, PlannedPause } from './day-plan.js';
import { EventHeap } from './event-heap.js';
import type { CallPolicy } from './policies.js';

type Step = 'start' | 'recall' | 'skip' | 'transfer' | 'finish';
type Agenda =
  | { readonly kind: 'arrive'; readonly citizen: PlannedCitizen }
  | { readonly kind: 'open' | 'stop'; readonly session: number }
  | { readonly kind: 'pause-due'; readonly pause: PlannedPause }
  | { readonly kind: 'resume'; readonly desk: Desk; readonly token: number }
  | { readonly kind: 'step'; readonly desk: Desk; readonly step: Step; readonly recalls: number };

interface Desk {
  readonly def: CounterDef;
  readonly actor: Actor;
  /** The ticket this desk is busy with (walking up, being served, being recalled), or null when free. */
  ticketId: string | null;
  /** A pause the officer wants once the current citizen is done. */
  pendingPause: PlannedPause | null;
  /** Bumped whenever a pause ends some other way, so its scheduled resume does nothing. */
  pauseToken: number;
}

export interface DayRun {
  readonly policy: CallPolicy['name'];
  readonly outcomes: readonly TicketOutcome[];
  readonly coreEvents: number;
}

const KIOSK: Actor = { kind: 'device', officerId: null, role: 'kiosk' };
const SEC = 1000;

/** Replays one planned day through the core under one call policy: a discrete-event simulation. */
export function simulateDay(config: HallConfig, plan: DayPlan, policy: CallPolicy, behaviour: Behaviour): DayRun {
  return new DaySimulation(config, plan, policy, behaviour).run();
}

class DaySimulation {
  private readonly agenda = new EventHeap<Agenda>();
  private readonly outcomes: DayOutcomes;
  private readonly hall: CoreHall;
  private readonly desks: Desk[];
  private readonly citizenOf = new Map<string, PlannedCitizen>();
  private readonly transferred = new Set<string>();
  /** The session whose calling window is open, or -1 between and after sessions. */
  private active = -1;
  private lastStopped = -1;

  constructor(
    private readonly config: HallConfig,
    private readonly plan: DayPlan,
    private readonly policy: CallPolicy,
    private readonly behaviour: Behaviour,
  ) {
    plan.sessions.forEach((s, i) => {
      const next = plan.sessions[i + 1];
      if (!(s.open < s.close && s.close <= s.stop) || (next && s.stop > next.open))
        throw new Error(`session ${i} overlaps or is empty`);
    });
    this.outcomes = new DayOutcomes(config.priority.ageCapMinutes * 60 * SEC);
    this.hall = new CoreHall(config, plan.day, (state, events) => this.outcomes.observe(state, events));
    this.desks = config.counters.map((def) => ({
      def,
      actor: { kind: 'officer', officerId: `sim-${def.id}`, role: 'officer' },
      ticketId: null,
      pendingPause: null,
      pauseToken: 0,
    }));
  }

  run(): DayRun {
    this.plan.sessions.forEach((s, session) => {
      this.agenda.push(s.open, { kind: 'open', session });
      this.agenda.push(s.stop, { kind: 'stop', session });
    });
    for (const citizen of this.plan.citizens) this.agenda.push(citizen.at, { kind: 'arrive', citizen });
    for (const pause of this.plan.pauses) this.agenda.push(pause.at, { kind: 'pause-due', pause });
    for (let next = this.agenda.pop(); next; next = this.agenda.pop()) {
      this.hall.now = next.at;
      this.handle(next.event);
    }
    // Whoever still waits when every counter has closed is expired by the day's rollover.
    const to = vnDate(serviceDayStart(this.plan.day, this.config.rolloverHour) + 36 * 3600 * SEC);
    this.hall.must(rollDay, { to }, SYSTEM_ACTOR);
    return { policy: this.policy.name, outcomes: this.outcomes.list(), coreEvents: this.hall.events };
  }

  private handle(e: Agenda): void {
    switch (e.kind) {
      case 'arrive':
        return this.arrive(e.citizen);
      case 'open':
        return this.openSession(e.session);
      case 'stop':
        this.active = -1;
        this.lastStopped = e.session;
        for (const desk of this.desks) if (desk.ticketId === null) this.stopDesk(desk);
        return;
      case 'pause-due': {
        const desk = this.desk(e.pause.counterId);
        if (this.active < 0 || this.status(desk) !== 'open') return; // already away: this break is taken
        if (desk.ticketId === null) this.startPause(desk, e.pause);
        else desk.pendingPause ??= e.pause;
        return;
      }
      case 'resume':
        // Outside the hours the pause simply runs on: the next session's opening resumes the counter.
        if (e.token !== e.desk.pauseToken || this.active < 0) return;
        this.hall.must(resumeCounter, { counterId: e.desk.def.id }, e.desk.actor);
        this.callNext(e.desk);
        return;
      case 'step':
        return this.step(e.desk, e.step, e.recalls);
    }
  }

  private arrive(citizen: PlannedCitizen): void {
    const before = this.hall.state;
    const issued = this.hall.must(issueTicket, { queueId: citizen.queueId, priorityClass: citizen.priorityClass }, KIOSK);
    this.outcomes.issued(issued.ticket, citizen.index, this.policy.predictSec(before, issued));
    this.citizenOf.set(issued.ticket.id, citizen);
    this.wake(citizen.queueId, null);
  }

  private openSession(session: number): void {
    this.active = session;
    for (const desk of this.desks) {
      const status = this.status(desk);
      if (status === 'closed') this.hall.must(openCounter, { counterId: desk.def.id }, desk.actor);
      if (status === 'paused') {
        desk.pauseToken++;
        this.hall.must(resumeCounter, { counterId: desk.def.id }, desk.actor);
      }
    }
    for (const desk of this.desks) if (desk.ticketId === null) this.callNext(desk);
  }

  /** A ticket is newly waiting: the free counters serving its queue, primary ones first, may call it. */
  private wake(queueId: string, except: Desk | null): void {
    if (this.active < 0) return;
    for (const role of ['primary', 'secondary'] as const) {
      for (const desk of this.desks) {
        if (desk === except || desk.ticketId !== null || this.status(desk) !== 'open') continue;
        if (!desk.def.queues.some((q) => q.queueId === queueId && q.role === role)) continue;
        if (this.callNext(desk)) return;
      }
    }
  }

  /** The officer presses Next. Answers whether someone was called. */
  private callNext(desk: Desk): boolean {
    const ticket = this.policy.next(this.hall, desk.def.id, desk.actor);
    desk.ticketId = ticket?.id ?? null;
    if (!ticket) return false;
    const citizen = this.citizen(ticket.id);
    if (citizen.fate.kind === 'no-show')
      this.stepIn(desk, this.behaviour.recallEverySec, this.config.maxRecalls > 0 ? 'recall' : 'skip', 1);
    else this.stepIn(desk, citizen.walkSec, 'start', 0);
    return true;
  }

  private step(desk: Desk, step: Step, recalls: number): void {
    const counterId = desk.def.id;
    const ticketId = desk.ticketId;
    if (ticketId === null) throw new Error(`step ${step} at ${counterId} with no ticket`);
    const citizen = this.citizen(ticketId);
    switch (step) {
      case 'start': {
        this.hall.must(startService, { counterId }, desk.actor);
        const fate = citizen.fate;
        if (fate.kind === 'transfer' && !this.transferred.has(ticketId)) this.stepIn(desk, fate.afterSec, 'transfer', 0);
        else this.stepIn(desk, fate.kind === 'no-show' ? 0 : fate.serviceSec, 'finish', 0);
        return;
      }
      case 'recall':
        this.hall.must(recall, { counterId }, desk.actor);
        this.stepIn(desk, this.behaviour.recallEverySec, recalls < this.config.maxRecalls ? 'recall' : 'skip', recalls + 1);
        return;
      case 'skip':
        this.hall.must(skip, { counterId }, desk.actor);
        return this.release(desk);
      case 'transfer': {
        if (citizen.fate.kind !== 'transfer') throw new Error(`ticket ${ticketId} was not planned to transfer`);
        this.hall.must(transfer, { counterId, toQueueId: citizen.fate.toQueueId }, desk.actor);
        this.transferred.add(ticketId);
        desk.ticketId = null;
        this.wake(citizen.fate.toQueueId, desk);
        return this.release(desk);
      }
      case 'finish':
        return this.release(desk);
    }
  }

  /** The desk's citizen is done (or gone): pause if the officer wanted to, stop after hours, else Next. */
  private release(desk: Desk): void {
    desk.ticketId = null;
    const pause = desk.pendingPause;
    desk.pendingPause = null;
    if (this.active < 0) {
      this.finishCurrent(desk);
      this.stopDesk(desk);
    } else if (pause) this.startPause(desk, pause);
    else this.callNext(desk);
  }

  private startPause(desk: Desk, pause: PlannedPause): void {
    this.finishCurrent(desk);
    this.hall.must(pauseCounter, { counterId: desk.def.id, reason: pause.reason }, desk.actor);
    this.agenda.push(this.hall.now + pause.durationSec * SEC, { kind: 'resume', desk, token: ++desk.pauseToken });
  }

  /** After a session's calling window: lunch (a pause) after the morning, closed after the last one. */
  private stopDesk(desk: Desk): void {
    const status = this.status(desk);
    desk.pauseToken++;
    if (this.lastStopped === this.plan.sessions.length - 1) {
      if (status !== 'closed') this.hall.must(closeCounter, { counterId: desk.def.id }, desk.actor);
    } else if (status === 'open') {
      this.hall.must(pauseCounter, { counterId: desk.def.id, reason: LUNCH_REASON }, desk.actor);
    }
  }

  private finishCurrent(desk: Desk): void {
    if (this.hall.state.counters.get(desk.def.id)?.currentTicketId)
      this.hall.must(finish, { counterId: desk.def.id }, desk.actor);
  }

  private stepIn(desk: Desk, seconds: number, step: Step, recalls: number): void {
    this.agenda.push(this.hall.now + seconds * SEC, { kind: 'step', desk, step, recalls });
  }

  private status(desk: Desk) {
    return this.hall.state.counters.get(desk.def.id)?.status ?? 'closed';
  }

  private desk(counterId: string): Desk {
    const desk = this.desks.find((d) => d.def.id === counterId);
    if (!desk) throw new Error(`the plan names counter ${counterId}, which the hall does not have`);
    return desk;
  }

  private citizen(ticketId: string): PlannedCitizen {
    const c = this.citizenOf.get(ticketId);
    if (!c) throw new Error(`no planned citizen for ticket ${ticketId}`);
    return c;
  }
}
