import { SNAPSHOT_REQUEST } from '../../common/contract/commands.js';
import type { Ack } from '../../common/contract/errors.js';
import { HALL_EVENT_TYPES } from '../../common/contract/hall-events.js';
import { applyHallFact, type HallFact, type HallView } from '../../common/contract/hall-view.js';

/** The part of a socket.io client the mirror uses, so it runs the same in a page and in a test. */
export interface MirrorSocket {
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

/**
 * Keeps a screen's copy of the hall: takes the snapshot the hub sends on every (re)connect, applies
 * facts strictly in seq order, ignores ones already applied, and on a gap asks for a fresh snapshot
 * while holding the facts that arrive meanwhile. A screen never needs a reload to be right again.
 */
export class HallMirror {
  private current: HallView | null = null;
  private resyncing = false;
  private readonly held = new Map<number, HallFact>();
  private readonly listeners = new Set<(view: HallView, fact: HallFact | null) => void>();

  constructor(private readonly socket: MirrorSocket) {
    socket.on('hall:snapshot', ((view: HallView) => this.adopt(view)) as (...args: never[]) => void);
    for (const type of HALL_EVENT_TYPES) {
      socket.on(type, ((fact: HallFact) => this.receive(fact)) as (...args: never[]) => void);
    }
  }

  get view(): HallView | null {
    return this.current;
  }

  /** Called with the new view after each snapshot (fact = null) or applied fact. */
  subscribe(listener: (view: HallView, fact: HallFact | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the hub for a fresh snapshot (also done by itself on a gap). */
  resync(): void {
    if (this.resyncing) return;
    this.resyncing = true;
    this.socket.emit(SNAPSHOT_REQUEST, (reply: Ack<HallView>) => {
      this.resyncing = false;
      if (reply.ok) this.adopt(reply.data);
    });
  }

  private adopt(view: HallView): void {
    // A snapshot answers any request still out; one lost with its connection (the hub killed while it
    // was in flight) never will be, and waiting for it would hold every later fact unapplied.
    this.resyncing = false;
    if (this.current && view.seq < this.current.seq && view.day === this.current.day) return; // a stale answer
    this.current = view;
    this.emit(null);
    this.drainHeld();
  }

  private receive(fact: HallFact): void {
    const view = this.current;
    if (!view || this.resyncing) {
      this.held.set(fact.seq, fact);
      return;
    }
    if (fact.seq <= view.seq) return;
    if (fact.seq !== view.seq + 1) {
      this.held.set(fact.seq, fact);
      this.resync();
      return;
    }
    this.current = applyHallFact(view, fact);
    this.emit(fact);
  }

  private drainHeld(): void {
    for (const seq of [...this.held.keys()]) if (this.current && seq <= this.current.seq) this.held.delete(seq);
    let next = this.current ? this.held.get(this.current.seq + 1) : undefined;
    while (next && this.current) {
      this.held.delete(next.seq);
      this.current = applyHallFact(this.current, next);
      this.emit(next);
      next = this.held.get(this.current.seq + 1);
    }
    // Anything still held is past a gap the snapshot did not cover: ask again.
    if (this.held.size > 0) this.resync();
  }

  private emit(fact: HallFact | null): void {
    if (!this.current) return;
    for (const l of this.listeners) l(this.current, fact);
  }
}
