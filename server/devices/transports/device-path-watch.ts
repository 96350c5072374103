import { stat } from 'node:fs/promises';

/**
 * Calls `onGone` once the device node at `path` disappears or is replaced by another node (a new inode:
 * the device was unplugged and plugged back in, and the handle we hold is dead). Checked every `ms`.
 *
 * Links cannot rely on their handle alone to notice an unplug: a usb-lp handle between jobs sees
 * nothing, and a tty that was hung up may read as endless end-of-file rather than an error (serialport
 * then keeps reading zero bytes and never reports the disconnect). Returns the function that stops
 * watching.
 */
export function watchDevicePath(path: string, ino: number, ms: number, onGone: (reason: string) => void): () => void {
  let stopped = false;
  const timer = setInterval(() => {
    stat(path).then(
      (s) => {
        if (!stopped && s.ino !== ino) onGone(`${path} was replaced (device plugged in again)`);
      },
      (e: NodeJS.ErrnoException) => {
        if (!stopped) onGone(`${e.code ?? 'error'}: ${path} is gone`);
      },
    );
  }, ms);
  // A watch alone must not keep the process alive.
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
