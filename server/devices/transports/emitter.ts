import type { DeviceLogger } from './transport.js';

// Listeners are stored untyped; on() and emit() keep each event's arguments typed for callers.
type AnyListener = (...args: unknown[]) => void;

/**
 * A tiny typed event emitter. Node's EventEmitter would do, but its 'error' event throws when nobody
 * listens, and a listener that throws would break the link's own bookkeeping mid-way; here a faulty
 * listener is logged and the others still run.
 */
export class Emitter<E extends { [K in keyof E]: unknown[] }> {
  private readonly listeners = new Map<keyof E, Set<AnyListener>>();

  constructor(private readonly logger?: DeviceLogger) {}

  on<K extends keyof E>(event: K, listener: (...args: E[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const stored = listener as unknown as AnyListener;
    set.add(stored);
    return () => set.delete(stored);
  }

  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(...args);
      } catch (e) {
        this.logger?.warn({ err: e, event: String(event) }, 'device event listener failed');
      }
    }
  }
}
