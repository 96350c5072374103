import type { Ack } from '../../common/contract/errors.js';
import type { CallResultView, IssueResult, TicketResult } from '../../common/contract/view-schemas.js';
import type { FaultScreen } from './fault-screens.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { between } from './seeded-random.js';

/** One intent of a kiosk, and the answer it finally got. */
export interface KioskAnswer {
  readonly commandId: string;
  readonly queueId: string;
  /** Times it was sent: more than one when a kill cut the first try off (sent again with the same id). */
  readonly attempts: number;
  /** When it was first sent (Date.now()). */
  readonly firstSentAt: number;
  readonly ok: boolean;
  readonly ticketId: string | null;
  readonly number: string | null;
  readonly issuedAt: number | null;
  readonly code: string | null;
}

/** One intent of an officer (Next or Finish), and the answer it finally got. */
export interface OfficerAnswer {
  readonly officerId: string;
  readonly counterId: string;
  readonly command: 'ticket:call-next' | 'ticket:finish';
  readonly commandId: string;
  readonly attempts: number;
  readonly ok: boolean;
  readonly calledTicketId: string | null;
  readonly finishedTicketId: string | null;
  readonly code: string | null;
}

export interface HallLoadOptions {
  readonly url: string;
  readonly kioskKey: string;
  /** Kiosk loops issuing over REST at once. */
  readonly kiosks: number;
  readonly queueIds: readonly string[];
  /** Officers at their open counters, acting over their own console socket. */
  readonly officers: readonly { readonly officerId: string; readonly counterId: string; readonly screen: FaultScreen }[];
  readonly random: () => number;
  /** Pause between one answered intent and the next, per loop (ms). */
  readonly thinkMs: readonly [number, number];
}

/**
 * A busy hall: kiosks issuing over REST and officers pressing Next / Finish over socket.io, each as a
 * real client does it: an intent keeps its command id and is sent again until the hub answers it
 * (a kill cuts requests off; the retry must get the first answer, never a second ticket). Every answer
 * is recorded. Paused, the loops stop before their next send (what is in flight stays in flight).
 */
export class HallLoad {
  readonly kioskAnswers: KioskAnswer[] = [];
  readonly officerAnswers: OfficerAnswer[] = [];
  /** Sends the hub turned away as too fast (RATE_LIMITED) and that were sent again after a pause. */
  rateLimited = 0;
  /** Intents given up unanswered because the load was stopped while the hub could not be reached. */
  abandoned = 0;
  private paused = false;
  private stopped = false;
  private loops: Promise<void>[] = [];
  private counter = 0;

  constructor(private readonly o: HallLoadOptions) {}

  start(): void {
    for (let i = 0; i < this.o.kiosks; i++) this.loops.push(this.kioskLoop());
    for (const officer of this.o.officers) this.loops.push(this.officerLoop(officer));
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  /**
   * Ends every loop after its current intent is answered; an intent that cannot be sent (the hub is
   * down, as when a test fails half-way) is given up and counted in `abandoned`.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.paused = false;
    await Promise.all(this.loops);
  }

  private newId(kind: string): string {
    return `fault-${kind}-${process.pid}-${Date.now()}-${++this.counter}`;
  }

  private async gate(): Promise<void> {
    while (this.paused && !this.stopped) await sleep(10);
  }

  private async kioskLoop(): Promise<void> {
    const { random } = this.o;
    while (!this.stopped) {
      await this.gate();
      const commandId = this.newId('issue');
      const queueId = this.o.queueIds[between(random, 0, this.o.queueIds.length - 1)]!;
      let attempts = 0;
      let firstSentAt = 0;
      let body: Ack<IssueResult> | null = null;
      while (body === null) {
        await this.gate();
        if (this.stopped && attempts > 0) break;
        if (attempts++ === 0) firstSentAt = Date.now();
        try {
          const res = await fetch(`${this.o.url}/api/tickets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-device-key': this.o.kioskKey },
            body: JSON.stringify({ commandId, queueId }),
          });
          body = (await res.json()) as Ack<IssueResult>;
          if (!body.ok && body.error.code === 'RATE_LIMITED') {
            // Issuing is limited per kiosk: a real kiosk waits and tries again; so does this one.
            this.rateLimited++;
            body = null;
            await sleep(Number(res.headers.get('retry-after') ?? 1) * 1000);
          }
        } catch {
          await sleep(30); // the hub is down or the request was cut: the same intent again
        }
      }
      if (body === null) {
        this.abandoned++;
        return;
      }
      this.kioskAnswers.push({
        commandId,
        queueId,
        attempts,
        firstSentAt,
        ok: body.ok,
        ticketId: body.ok ? body.data.ticket.id : null,
        number: body.ok ? body.data.ticket.number : null,
        issuedAt: body.ok ? body.data.ticket.issuedAt : null,
        code: body.ok ? null : body.error.code,
      });
      await sleep(between(random, ...this.o.thinkMs));
    }
  }

  private async officerLoop(officer: HallLoadOptions['officers'][number]): Promise<void> {
    const { random } = this.o;
    const socket = officer.screen.socket;
    while (!this.stopped) {
      await this.gate();
      const command = random() < 0.8 ? 'ticket:call-next' : 'ticket:finish';
      const commandId = this.newId('officer');
      let attempts = 0;
      let ack: Ack<CallResultView | TicketResult> | null = null;
      while (ack === null) {
        await this.gate();
        if (this.stopped && (attempts > 0 || !socket.connected)) break;
        if (!socket.connected) {
          await sleep(20);
          continue;
        }
        attempts++;
        try {
          ack = (await socket.timeout(3000).emitWithAck(command, { commandId, counterId: officer.counterId })) as Ack<
            CallResultView | TicketResult
          >;
        } catch {
          await sleep(30); // disconnected or no answer: the same intent again once the socket is back
        }
      }
      if (ack === null) {
        this.abandoned++;
        return;
      }
      const data = ack.ok ? ack.data : null;
      this.officerAnswers.push({
        officerId: officer.officerId,
        counterId: officer.counterId,
        command,
        commandId,
        attempts,
        ok: ack.ok,
        calledTicketId: data && 'finishedTicketId' in data ? (data.ticket?.id ?? null) : null,
        finishedTicketId: data ? ('finishedTicketId' in data ? data.finishedTicketId : data.ticket.id) : null,
        code: ack.ok ? null : ack.error.code,
      });
      await sleep(between(random, ...this.o.thinkMs));
    }
  }
}
