/**
 * The printer's side of an ESC/POS link, for fake printers on any link: it keeps the job bytes it
 * receives and answers DLE EOT n with the status bytes the test chose, as a real printer's firmware
 * does, also when the request arrives split across reads.
 */

export type StatusBytes = Readonly<Record<1 | 2 | 3 | 4, number>>;

// Each byte has the fixed bits of a reply (0xx1xx10); the bits set on top are the ones the test means.
export const ONLINE: StatusBytes = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
/** Offline (n=1 bit 3), stopped at paper end (n=2 bit 5), paper-end sensor (n=4 bits 5-6). */
export const PAPER_OUT: StatusBytes = { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x72 };
/** Offline, cover open (n=2 bit 2). */
export const COVER_OPEN: StatusBytes = { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 };
/** Online, paper near end (n=4 bits 2-3). */
export const NEAR_END: StatusBytes = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e };

const DLE = 0x10;
const EOT = 0x04;

export class EscposPeer {
  /** What the printer answers; 'silent' for one that does not answer status at all. */
  status: StatusBytes | 'silent' = ONLINE;
  statusRequests = 0;
  private job: number[] = [];
  private carry: number[] = [];

  constructor(private readonly reply: (bytes: Uint8Array) => void) {}

  /** The job bytes received so far, status requests taken out. */
  get jobBytes(): Uint8Array {
    return Uint8Array.from(this.job);
  }

  clearJobBytes(): void {
    this.job = [];
  }

  feed(chunk: Uint8Array): void {
    const bytes = [...this.carry, ...chunk];
    this.carry = [];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== DLE) {
        this.job.push(bytes[i] ?? 0);
        continue;
      }
      // A request cut at the end of this read: keep it for the next one.
      if (i + 2 >= bytes.length && (i + 1 >= bytes.length || bytes[i + 1] === EOT)) {
        this.carry = bytes.slice(i);
        return;
      }
      const n = bytes[i + 2] ?? 0;
      if (bytes[i + 1] === EOT && n >= 1 && n <= 4) {
        this.statusRequests++;
        if (this.status !== 'silent') this.reply(Uint8Array.of(this.status[n as 1 | 2 | 3 | 4]));
        i += 2;
      } else this.job.push(DLE);
    }
  }
}

/** True if the bytes hold a DLE EOT request, which a real printer would answer mid-job. */
export function containsStatusRequest(bytes: Uint8Array): boolean {
  return bytes.some((b, i) => b === DLE && bytes[i + 1] === EOT && (bytes[i + 2] ?? 0) >= 1 && (bytes[i + 2] ?? 0) <= 4);
}
