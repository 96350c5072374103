/**
 * A transport carries bytes to and from one device over one link (DESIGN §8: transport -> codec ->
 * driver). It knows nothing of ESC/POS or LED frames; drivers put meaning on the bytes.
 *
 * Links come and go (a printer is switched off, a USB cable is pulled, a network printer drops an idle
 * connection), so every transport but sim keeps trying to come back by itself after open(): a driver
 * never has to re-create it, it only watches `state` and the 'up'/'down' events.
 */

export type LinkState = 'up' | 'down' | 'connecting';

export interface TransportEvents {
  /** Bytes the device sent back (status replies). Never emitted by write-only links. */
  data: [bytes: Uint8Array];
  up: [];
  /** The link was lost or could not be opened; `reason` is for logs and health reports. */
  down: [reason: string];
}

export interface Transport {
  /** The device link as configured, e.g. tcp://10.0.0.9:9100. */
  readonly url: string;
  readonly state: LinkState;
  /** Why the link is (or last went) down; undefined while up. */
  readonly lastError: string | undefined;
  /** Whether the link can carry replies from the device (DLE EOT status). usb-lp and sim cannot. */
  readonly duplex: boolean;
  /**
   * Starts the link and waits for the first attempt to finish. It does not reject because the device
   * is absent: the hub must start with a printer switched off, and the transport keeps retrying.
   */
  open(): Promise<void>;
  /**
   * Resolves when the bytes are handed to the OS (or the peer); rejects with a LinkError when the link
   * is down, breaks during the write, or the write does not complete within the write timeout.
   */
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes a listener; returns the function that unsubscribes it. */
  on<E extends keyof TransportEvents>(event: E, listener: (...args: TransportEvents[E]) => void): () => void;
  /** Stops retrying and releases the link. The transport cannot be opened again. */
  close(): Promise<void>;
}

/** A write on a link that is down, broke, or timed out. `message` names the link and the reason. */
export class LinkError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'LinkError';
  }
}

/** A device link this hub cannot open (bad URL, unknown or unsupported scheme, unknown option). */
export class TransportUrlError extends Error {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`Cannot open device link ${JSON.stringify(url)}: ${reason}`);
    this.name = 'TransportUrlError';
  }
}

/** How patient a link is. Tests shorten these; the defaults suit a hall's LAN and USB devices. */
export interface LinkTiming {
  /** One attempt to open the link (TCP connect, serial open). */
  readonly connectTimeoutMs: number;
  /** One write: a printer that stops reading (paper jam, full buffer) must not hold a job forever. */
  readonly writeTimeoutMs: number;
  /** First retry delay after a failure; doubles up to retryMaxMs. */
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  /** usb-lp: how often to check that the device node is still the one we opened. */
  readonly watchMs: number;
}

export const DEFAULT_LINK_TIMING: LinkTiming = {
  connectTimeoutMs: 5_000,
  writeTimeoutMs: 10_000,
  retryMinMs: 250,
  retryMaxMs: 5_000,
  watchMs: 1_000,
};

/** The few logger methods transports use; the hub's pino logger satisfies it. */
export interface DeviceLogger {
  warn(obj: object, msg?: string): void;
}

/** A short reason from anything thrown: the errno code when there is one (ECONNREFUSED, ENOENT…). */
export function reasonOf(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return code && !e.message.includes(code) ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}
