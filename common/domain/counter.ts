export type QueueRole = 'primary' | 'secondary';

export interface CounterQueue {
  readonly queueId: string;
  readonly role: QueueRole;
}

export interface CounterDef {
  readonly id: string;
  /** The number citizens hear and see: "quầy số 3". */
  readonly number: number;
  readonly name: string;
  readonly queues: readonly CounterQueue[];
  /**
   * A dedicated priority counter (quầy ưu tiên) calls priority tickets of the queues it serves before
   * anything else, whatever the site's priority mode.
   */
  readonly priorityCounter: boolean;
}

export type CounterStatus = 'closed' | 'open' | 'paused';
