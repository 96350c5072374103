import type { CommandName } from '../../common/contract/commands.js';
import { errorBody, type Ack } from '../../common/contract/errors.js';
import type { HallFact, HallView } from '../../common/contract/hall-view.js';
import { isLaterDay, nextRolloverAt, serviceDayOf } from '../../common/time/vn-time.js';
import { rollDay } from '../core/commands/roll-day.js';
import { SYSTEM_ACTOR, type Actor, type Decision } from '../core/decision.js';
import { evolveAll } from '../core/evolve.js';
import { touchedBy, type HallEvent } from '../core/events.js';
import { closedCounter, type HallConfig, type HallState, type Ticket } from '../core/hall-state.js';
import { hallView, publicEvent } from '../core/hall-view.js';
import type { Clock, IdSource } from '../core/ports.js';
import type { Db } from '../storage/db.js';
import type { CommandsRepository } from '../storage/repositories/commands.js';
import type { CountersRepository } from '../storage/repositories/counters.js';
import type { EventsRepository } from '../storage/repositories/events.js';
import type { MetaRepository } from '../storage/repositories/meta.js';
import type { TicketsRepository } from '../storage/repositories/tickets.js';
import type { SurveyRatingsRepository } from '../storage/repositories/survey-ratings.js';
import { lapseSurveys } from '../core/commands/lapse-surveys.js';
import { persistSurveyEvent } from './persist-surveys.js';
import { persistDossierEvent } from './persist-dossiers.js';
import type { DossierRecordsRepository } from '../storage/repositories/dossier-records.js';
import type { DossiersRepository } from '../storage/repositories/dossiers.js';
import type { OutboxRepository } from '../storage/repositories/outbox.js';
import { HALL_COMMANDS } from './hall-commands.js';
import { loadHallState } from './load-hall-state.js';
import type { Logger } from './logger.js';
import { mayRun } from './permissions.js';
import { actorKey, actorOf, roleOf, type Principal } from './principal.js';

export interface HallServiceDeps {
  readonly db: Db;
  readonly repos: {
    readonly events: EventsRepository;
    readonly commands: CommandsRepository;
    readonly tickets: TicketsRepository;
    readonly counters: CountersRepository;
    readonly meta: MetaRepository;
    readonly surveyRatings: SurveyRatingsRepository;
    readonly dossierRecords: DossierRecordsRepository;
    readonly dossiers: DossiersRepository;
    readonly outbox: OutboxRepository;
  };
  /**
   * Adds what a command needs from outside the hall before the core decides (the procedure from
   * the catalogue for a dossier); the core judges what it is given.
   */
  readonly enrich?: (name: CommandName, input: Record<string, unknown>, principal: Principal) => Record<string, unknown>;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: Logger;
  readonly config: HallConfig;
  readonly officerNames: () => Readonly<Record<string, string>>;
}

type FactListener = (facts: readonly HallFact[]) => void;
type ReconfiguredListener = (view: HallView) => void;
/** Told of each command the first time it succeeds (never of a retry answered from the record). */
type CommitListener = (name: CommandName, principal: Principal, data: unknown) => void;

const DAY_KEY = 'service_day';
const SURVEY_SWEEP_MS = 5_000;
/**
 * The longest the hall's time waits for a clock set back (see now()). An NTP correction is seconds
 * to an hour or two; a clock hours behind the record was wrong before, and is followed from then on.
 */
const MAX_HOLD_MS = 3 * 60 * 60 * 1000;

/**
 * The hall's one writer. Each command runs as: check the role -> return the first result if the
 * command id was seen -> the core decides against the current state -> one SQLite transaction
 * appends the events and rewrites the touched rows -> only then the new state is kept, the client
 * answered and the facts published. All of it is synchronous, so two counters pressing Next in the
 * same instant are decided one after the other and never get the same ticket.
 */
export class HallService {
  private state!: HallState;
  private seq = 0;
  /** When the latest recorded event happened: the hall's time does not read earlier (see now()). */
  private lastAt = 0;
  /** Whether the clock being behind lastAt has been logged (once per setback). */
  private setbackLogged = false;
  private rolloverTimer: NodeJS.Timeout | null = null;
  private surveyTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<FactListener>();
  private readonly committed = new Set<CommitListener>();
  private readonly reconfigured = new Set<ReconfiguredListener>();

  constructor(private readonly deps: HallServiceDeps) {}

  start(): void {
    const { repos, config, clock } = this.deps;
    const today = serviceDayOf(clock.now(), config.rolloverHour);
    const storedDay = repos.meta.get(DAY_KEY);
    if (!storedDay) repos.meta.set(DAY_KEY, today);
    this.state = loadHallState(config, storedDay ?? today, repos, clock.now());
    this.seq = repos.events.lastSeq();
    this.lastAt = repos.events.since(this.seq - 1, 1)[0]?.at ?? 0;
    this.ensureDay();
    this.scheduleRollover();
    // Chances to rate that ran out are recorded as not rated within seconds (a terminal's own timer
    // already went idle; a rating sent late is refused by the window check, not by this sweep).
    this.surveyTimer = setInterval(() => this.closeLapsedSurveys(), SURVEY_SWEEP_MS);
    this.surveyTimer.unref();
  }

  /** Records the chances to rate whose window has passed as not rated. */
  closeLapsedSurveys(): void {
    if (this.state.surveys.size === 0) return;
    this.commit(lapseSurveys(this.state, null, this.context(SYSTEM_ACTOR)), (_a, r) => r, {
      name: 'survey:lapse',
      actor: 'system',
      commandId: null,
    });
  }

  stop(): void {
    if (this.rolloverTimer) clearTimeout(this.rolloverTimer);
    this.rolloverTimer = null;
    if (this.surveyTimer) clearInterval(this.surveyTimer);
    this.surveyTimer = null;
    this.listeners.clear();
    this.committed.clear();
    this.reconfigured.clear();
  }

  onCommitted(listener: CommitListener): () => void {
    this.committed.add(listener);
    return () => this.committed.delete(listener);
  }

  /** Told with the new view after the settings changed (queues, counters, names), so screens adopt it whole. */
  onReconfigured(listener: ReconfiguredListener): () => void {
    this.reconfigured.add(listener);
    return () => this.reconfigured.delete(listener);
  }

  /**
   * Takes new settings while the hall runs: a counter added starts closed, a removed one (checked
   * closed beforehand, see core/config-in-use.ts) is dropped, tickets and numbering carry on. The
   * service-day boundary stays the one the hub started with (a rollover-hour change waits for a
   * restart, so an edit can never split a day's numbering).
   */
  reconfigure(config: HallConfig): void {
    const next: HallConfig = { ...config, rolloverHour: this.deps.config.rolloverHour };
    const counters = new Map(next.counters.map((c) => [c.id, this.state.counters.get(c.id) ?? closedCounter(c.id)] as const));
    this.state = { ...this.state, config: next, counters };
    const view = this.snapshot();
    for (const listener of this.reconfigured) {
      try {
        listener(view);
      } catch (err) {
        this.deps.logger.error({ err }, 'reconfigure listener failed');
      }
    }
  }

  onFacts(listener: FactListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): HallView {
    this.ensureDay();
    return hallView(this.state, this.seq, this.deps.officerNames());
  }

  /** The full ticket, personal data included: for the officer serving it, never for the hall. */
  ticket(id: string): Ticket | undefined {
    return this.state.tickets.get(id) ?? this.deps.repos.tickets.byId(id);
  }

  get currentState(): HallState {
    return this.state;
  }

  execute(name: CommandName, input: { commandId: string } & Record<string, unknown>, principal: Principal): Ack<unknown> {
    if (!mayRun(roleOf(principal), name)) return { ok: false, error: errorBody('FORBIDDEN') };
    const actor = actorKey(principal);
    const seen = this.deps.repos.commands.find(input.commandId);
    if (seen) {
      // The same intent sent again (double tap, reconnect): the first answer, and nothing done twice.
      if (seen.name === name && seen.actor === actor) return { ok: true, data: seen.result };
      return { ok: false, error: errorBody('COMMAND_ID_CONFLICT') };
    }
    this.ensureDay();
    const binding = HALL_COMMANDS[name];
    const prepared = this.deps.enrich ? this.deps.enrich(name, input, principal) : input;
    const decision = binding.decide(this.state, prepared, this.context(actorOf(principal)));
    const ack = this.commit(decision, (after, result) => binding.present(result, after), {
      name,
      actor,
      commandId: input.commandId,
    });
    if (ack.ok) {
      for (const listener of this.committed) {
        try {
          listener(name, principal, ack.data);
        } catch (err) {
          this.deps.logger.error({ err, command: name }, 'commit listener failed');
        }
      }
    }
    return ack;
  }

  /** Starts the new service day if the clock has passed the rollover hour (never goes backwards). */
  ensureDay(): void {
    const today = serviceDayOf(this.now(), this.deps.config.rolloverHour);
    if (!isLaterDay(today, this.state.day)) return;
    const ack = this.commit(rollDay(this.state, { to: today }, this.context(SYSTEM_ACTOR)), (_a, r) => r, {
      name: 'day:roll',
      actor: 'system',
      commandId: null,
    });
    if (ack.ok) this.deps.logger.info({ day: today, ...(ack.data as object) }, 'service day rolled over');
  }

  private context(actor: Actor) {
    return { now: this.now(), actor, newId: () => this.deps.ids.next() };
  }

  /**
   * The hall's time: the clock, but not earlier than the latest recorded event. An NTP correction (or
   * a wrong RTC put right) can set the clock back while the hall runs; decided on that, a ticket taken
   * after the jump would be called before those taken before it (the call order goes by issue time),
   * the hall TV would put the newest call below older ones, and reports would show negative waits.
   * Instead the hall's time stands still until the clock has caught up: what is recorded meanwhile
   * reads as shorter, never as negative, and a service day never ends early. (Chances to rate opened
   * meanwhile stay open until then; a terminal still goes idle by its own timer.)
   */
  private now(): number {
    const clock = this.deps.clock.now();
    const behind = this.lastAt - clock;
    if (behind <= 0) {
      this.setbackLogged = false;
      return clock;
    }
    if (!this.setbackLogged) {
      this.setbackLogged = true;
      if (behind > MAX_HOLD_MS) this.deps.logger.error({ behindMs: behind }, 'clock is far behind the recorded events; following it');
      else this.deps.logger.warn({ behindMs: behind }, 'clock was set back; hall time holds until it catches up');
    }
    return behind > MAX_HOLD_MS ? clock : this.lastAt;
  }

  private commit<R>(
    decision: Decision<R>,
    present: (after: HallState, result: R) => unknown,
    meta: { name: string; actor: string; commandId: string | null },
  ): Ack<unknown> {
    if (!decision.ok) return { ok: false, error: errorBody(decision.code) };
    const before = this.state;
    const after = evolveAll(before, decision.events);
    const answer = present(after, decision.result);
    let seqs: number[];
    try {
      seqs = this.deps.db.transaction(() => {
        const written = decision.events.map((e) =>
          this.deps.repos.events.append({
            type: e.type,
            at: e.at,
            day: before.day,
            actor: meta.actor,
            commandId: meta.commandId,
            payload: e,
          }),
        );
        this.persist(before, after, decision.events);
        if (meta.commandId) this.deps.repos.commands.record(meta.commandId, meta.name, meta.actor, this.deps.clock.now(), answer);
        return written;
      })();
    } catch (err) {
      // Disk full, read-only file, a constraint a bug tripped: nothing was written, nothing changes.
      this.deps.logger.error({ err, command: meta.name }, 'command not stored');
      return { ok: false, error: errorBody('STORAGE_UNAVAILABLE') };
    }
    this.state = after;
    if (seqs.length > 0) this.seq = seqs[seqs.length - 1] ?? this.seq;
    for (const e of decision.events) if (e.at > this.lastAt) this.lastAt = e.at;
    this.publish(decision.events.map((e, i) => ({ ...publicEvent(e), seq: seqs[i] ?? 0 }) as HallFact));
    return { ok: true, data: answer };
  }

  private persist(before: HallState, after: HallState, events: readonly HallEvent[]): void {
    const { tickets, counters, meta } = this.deps.repos;
    const written = new Set<string>();
    for (const e of events) {
      persistSurveyEvent(this.deps.repos.surveyRatings, before.day, e, after);
      persistDossierEvent(this.deps.repos, e, after, before, (id) => (id ? (this.deps.officerNames()[id] ?? null) : null));
      if (e.type === 'day:rolled') {
        tickets.expire(e.expiredTicketIds, e.at);
        continue;
      }
      for (const id of touchedBy(e).tickets) {
        const t = after.tickets.get(id);
        if (t && !written.has(id)) {
          tickets.upsert(t);
          written.add(id);
        }
      }
    }
    for (const [id, c] of after.counters) if (before.counters.get(id) !== c) counters.saveRuntime(c);
    if (after.day !== before.day) meta.set(DAY_KEY, after.day);
  }

  private publish(facts: readonly HallFact[]): void {
    if (facts.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(facts);
      } catch (err) {
        this.deps.logger.error({ err }, 'fact listener failed');
      }
    }
  }

  private scheduleRollover(): void {
    const now = this.deps.clock.now();
    // Checked again a second after the boundary; commands also check, so a late timer (a laptop
    // asleep, a busy loop) never leaves yesterday's numbering running.
    const delay = Math.min(nextRolloverAt(now, this.deps.config.rolloverHour) - now + 1000, 2 ** 31 - 1);
    this.rolloverTimer = setTimeout(() => {
      this.ensureDay();
      this.scheduleRollover();
    }, delay);
    this.rolloverTimer.unref();
  }
}
