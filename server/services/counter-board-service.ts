import { applyHallFact, type HallFact, type HallView } from '../../common/contract/hall-view.js';
import { boardContent, sameContent, type BoardContent } from '../core/board-content.js';
import type { Logger } from './logger.js';

/** What the service needs of a board: only show(). (LedBoard satisfies it.) */
export interface ShowsContent {
  show(content: BoardContent): Promise<void>;
}

export interface CounterBoard {
  readonly deviceId: string;
  readonly counterId: string;
  readonly board: ShowsContent;
}

/** Where the hall's state comes from; HallService satisfies it. */
export interface HallSource {
  snapshot(): HallView;
  onFacts(listener: (facts: readonly HallFact[]) => void): () => void;
}

/**
 * Keeps each counter's LED board showing what its counter screen shows (DESIGN §6). It mirrors the
 * hall like a screen does (a snapshot, then facts in seq order through the shared reducer, a fresh
 * snapshot on a gap), and sends a board something only when its content changes, so a citizen taking
 * a number, which touches no board, does not rewrite sixty of them.
 *
 * A recall DOES send the same number again: boards flash or beep on a new frame, which is what a
 * recall is for (the citizen did not come), and a board that was power-cycled behind a live adapter
 * gets its number back at the moment someone is looking for it.
 */
export class CounterBoardService {
  private view: HallView | undefined;
  private readonly last = new Map<CounterBoard, BoardContent>();
  private off: (() => void) | undefined;

  constructor(
    private readonly deps: { readonly boards: readonly CounterBoard[]; readonly source: HallSource; readonly logger: Logger },
  ) {}

  /** Shows every counter's current content, then follows the hall. Resolves once the first contents are out. */
  async start(): Promise<void> {
    // Subscribed before the snapshot: a day rollover that snapshot() itself commits arrives while
    // `view` is unset, is skipped, and is already in the snapshot.
    this.off = this.deps.source.onFacts((facts) => this.onFacts(facts));
    this.view = this.deps.source.snapshot();
    await Promise.all(this.deps.boards.map((b) => this.send(b, boardContent(this.view as HallView, b.counterId))));
  }

  stop(): void {
    this.off?.();
    this.off = undefined;
    this.view = undefined;
  }

  private onFacts(facts: readonly HallFact[]): void {
    let view = this.view;
    if (!view) return;
    for (const fact of facts) {
      if (fact.seq <= view.seq) continue;
      if (fact.seq !== view.seq + 1) {
        this.deps.logger.warn({ have: view.seq, got: fact.seq }, 'counter boards missed a fact; taking a fresh snapshot');
        view = this.deps.source.snapshot();
        break;
      }
      view = applyHallFact(view, fact);
    }
    this.view = view;
    const recalledAt = new Set(facts.flatMap((f) => (f.type === 'ticket:recalled' ? [f.counterId] : [])));
    for (const b of this.deps.boards) {
      const content = boardContent(view, b.counterId);
      const before = this.last.get(b);
      if (before && sameContent(before, content) && !recalledAt.has(b.counterId)) continue;
      void this.send(b, content);
    }
  }

  private async send(b: CounterBoard, content: BoardContent): Promise<void> {
    this.last.set(b, content);
    try {
      await b.board.show(content);
    } catch (err) {
      // LedBoard.show never rejects; another ShowsContent might. The hall goes on either way.
      this.deps.logger.error({ err, deviceId: b.deviceId }, 'counter board show failed');
    }
  }
}
