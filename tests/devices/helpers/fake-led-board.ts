import { SerialPort } from 'serialport';
import type { LedBoardModel } from '../../../server/devices/catalogue/led-board-model-schema.js';
import { AsciiFrameDecoder, asciiFrameFormat, concat } from '../../../server/devices/codecs/led/ascii-frame.js';
import { encodeWriteReply, parseWriteRequest } from '../../../server/devices/codecs/led/modbus-rtu.js';

/**
 * An LED board on the far end of a SocatPair, reading the bus with serialport as the real board
 * reads its RS-485 line: it decodes what the hub sends with the same codecs the hub encodes with
 * (frames for ASCII boards; write requests for Modbus boards, which it answers with the echo the
 * protocol defines). It keeps what it would show, and what it could not read.
 */
export class FakeLedBoard {
  /** Every cells text an ASCII board was sent to its address, in order. */
  readonly frames: string[] = [];
  /** Every register write a Modbus board took (the values), in order. */
  readonly writes: number[][] = [];
  /** What it could not read (bad checksum, garbage), for the record. */
  readonly rejected: string[] = [];
  /** A Modbus board that stops answering (switched off behind a live adapter). */
  silent = false;
  private port: SerialPort | undefined;
  private readonly decoder: AsciiFrameDecoder | undefined;
  private rx: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly path: string,
    private readonly model: LedBoardModel,
    private readonly address: number,
  ) {
    this.decoder = model.protocol === 'ascii-frame' ? new AsciiFrameDecoder(asciiFrameFormat(model)) : undefined;
  }

  /** What the board shows now, by the last thing it took. */
  get showing(): string | number[] | undefined {
    return this.decoder ? this.frames.at(-1) : this.writes.at(-1);
  }

  /** Opens its end of the line (`path`: a new pty after a replug). Opening flushes what was waiting there. */
  async open(path = this.path): Promise<void> {
    const port = new SerialPort({ path, baudRate: this.model.serial.baud, autoOpen: false });
    port.on('data', (chunk: Buffer) => this.feed(new Uint8Array(chunk)));
    // When socat goes away this end breaks too; the test opens it again after restarting socat.
    port.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    this.port = port;
  }

  /** Bytes from the board's side that mean nothing: noise, a board with the wrong firmware. */
  send(bytes: Uint8Array): void {
    this.port?.write(Buffer.from(bytes));
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1_000);
      port.close(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private feed(bytes: Uint8Array): void {
    if (this.decoder) {
      for (const e of this.decoder.push(bytes)) {
        if (e.kind === 'frame' && e.address === this.address) this.frames.push(e.text);
        else if (e.kind !== 'frame') this.rejected.push(e.kind === 'rejected' ? e.reason : 'garbage');
      }
      return;
    }
    this.rx = concat(this.rx, bytes);
    for (;;) {
      const parsed = parseWriteRequest(this.rx);
      if (parsed.kind === 'incomplete') return;
      this.rx = this.rx.slice(parsed.consumed);
      if (parsed.kind === 'invalid') {
        this.rejected.push(parsed.reason);
        continue;
      }
      if (parsed.value.slave !== this.address || this.silent) continue;
      this.writes.push([...parsed.value.values]);
      this.send(encodeWriteReply(parsed.value));
    }
  }
}
