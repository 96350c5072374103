/**
 * ESC/POS real-time status (DLE EOT n): the request bytes and the one-byte replies, per Epson's
 * ESC/POS reference. Real-time commands are answered even while the printer is offline or its
 * buffer is full, which is when we most need to know why a ticket did not come out.
 */

/** n of DLE EOT n: 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export type StatusKind = 1 | 2 | 3 | 4;

const DLE = 0x10;
const EOT = 0x04;

export function statusRequest(kind: StatusKind): Uint8Array {
  return Uint8Array.of(DLE, EOT, kind);
}

/**
 * What one reply tells. Each kind answers part of the question, so a field is null when that reply
 * says nothing about it; combineStatus merges the replies a driver asked for.
 */
export interface PrinterStatus {
  readonly online: boolean | null;
  readonly paperOut: boolean | null;
  readonly paperNearEnd: boolean | null;
  readonly coverOpen: boolean | null;
  /** Any error the printer reports (cutter, mechanism, head temperature, unrecoverable). */
  readonly error: boolean | null;
}

export const UNKNOWN_STATUS: PrinterStatus = { online: null, paperOut: null, paperNearEnd: null, coverOpen: null, error: null };

/**
 * Every reply has bit 1 and bit 4 set and bits 0 and 7 clear. Checking them tells a status byte from
 * a stray byte of another reply or line noise on a serial link, which would otherwise be read as
 * "online, paper present".
 */
const FIXED_MASK = 0b1001_0011;
const FIXED_VALUE = 0b0001_0010;

export function isStatusByte(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 0xff && (value & FIXED_MASK) === FIXED_VALUE;
}

export class InvalidStatusByteError extends Error {
  constructor(
    readonly kind: StatusKind,
    readonly value: number,
  ) {
    super(
      `Not a DLE EOT ${kind} status byte: 0x${value.toString(16).padStart(2, '0')} ` +
        '(bits 1 and 4 must be set, bits 0 and 7 clear)',
    );
    this.name = 'InvalidStatusByteError';
  }
}

const bit = (value: number, n: number): boolean => (value & (1 << n)) !== 0;

export function parseStatusReply(kind: StatusKind, value: number): PrinterStatus {
  if (!isStatusByte(value)) throw new InvalidStatusByteError(kind, value);
  switch (kind) {
    // Bit 3: offline. (Bit 2 is the drawer pin, bit 5 waiting for recovery, bit 6 the feed button.)
    case 1:
      return { ...UNKNOWN_STATUS, online: !bit(value, 3) };
    // Bit 2: cover open; bit 5: printing stopped at paper end; bit 6: an error occurred.
    // (Bit 3 is paper being fed by the button: a cause of offline, not a fault.)
    case 2:
      return { ...UNKNOWN_STATUS, coverOpen: bit(value, 2), paperOut: bit(value, 5), error: bit(value, 6) };
    // Bit 2: recoverable (mechanical) error; bit 3: autocutter; bit 5: unrecoverable; bit 6: auto-recoverable (head hot).
    case 3:
      return { ...UNKNOWN_STATUS, error: bit(value, 2) || bit(value, 3) || bit(value, 5) || bit(value, 6) };
    // Bits 2-3: near-end sensor; bits 5-6: paper-end sensor. Epson sets both bits of a pair; some
    // clones set only one, so either counts.
    case 4:
      return { ...UNKNOWN_STATUS, paperNearEnd: bit(value, 2) || bit(value, 3), paperOut: bit(value, 5) || bit(value, 6) };
  }
}

/**
 * Merge the replies to several requests. A fault seen by any reply wins (paper out from the sensor
 * even when the offline-cause reply did not say so), and a printer with a fault is not online for
 * our purposes even if its online bit is still set.
 */
export function combineStatus(replies: Partial<Record<StatusKind, number>>): PrinterStatus {
  const parts = (Object.entries(replies) as [string, number][]).map(([k, v]) => parseStatusReply(Number(k) as StatusKind, v));
  const any = (key: keyof PrinterStatus): boolean | null => {
    const known = parts.map((p) => p[key]).filter((v): v is boolean => v !== null);
    return known.length === 0 ? null : known.some((v) => v);
  };
  const online = parts.map((p) => p.online).find((v): v is boolean => v !== null) ?? null;
  const faulted = any('paperOut') === true || any('coverOpen') === true || any('error') === true;
  return {
    online: online === null ? null : online && !faulted,
    paperOut: any('paperOut'),
    paperNearEnd: any('paperNearEnd'),
    coverOpen: any('coverOpen'),
    error: any('error'),
  };
}
