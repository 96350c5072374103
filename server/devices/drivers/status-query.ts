import { isStatusByte, statusRequest, type StatusKind } from '../codecs/escpos/status.js';
import { withTimeout } from '../transports/deadline.js';
import type { Transport } from '../transports/transport.js';

/**
 * Asks one ESC/POS real-time status (DLE EOT n) and returns the reply byte. Rejects with a LinkError
 * when the request cannot be written, or a TimeoutError when no reply comes in time (a printer that is
 * switched off behind a live serial adapter, or a clone that ignores DLE EOT).
 *
 * Only bytes with a status byte's fixed bits count as the reply: bytes that arrive outside a request
 * are dropped (this listener exists only during one request), and automatic status back messages
 * (ASB, fixed bits 0xx1xx00) are told apart from replies (0xx1xx10) by those bits.
 */
export async function askStatus(transport: Transport, kind: StatusKind, timeoutMs: number): Promise<number> {
  let unsubscribe = (): void => undefined;
  const reply = new Promise<number>((resolve) => {
    unsubscribe = transport.on('data', (bytes) => {
      const value = bytes.find(isStatusByte);
      if (value !== undefined) resolve(value);
    });
  });
  try {
    await transport.write(statusRequest(kind));
    return await withTimeout(reply, timeoutMs, `no reply to DLE EOT ${kind} within ${timeoutMs} ms`);
  } finally {
    unsubscribe();
  }
}
