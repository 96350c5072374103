import { open, type FileHandle } from 'node:fs/promises';
import { watchDevicePath } from './device-path-watch.js';
import { withTimeout } from './deadline.js';
import { ReconnectingLink } from './reconnecting-link.js';
import type { DeviceLogger, LinkTiming } from './transport.js';

/**
 * A USB printer through the Linux printer class driver (usblp): /dev/usb/lpN is a character device
 * that takes the job's bytes as they are. Unplugging the printer removes the node (ENOENT), or leaves
 * an open handle whose writes fail with ENODEV or EIO; both make the link 'down' and it retries.
 *
 * Write-only on purpose: a read on usblp blocks until the printer sends something, and Node runs file
 * reads on its small thread pool, so a reader parked there would starve every other file operation of
 * the hub. Models therefore declare usb-lp links without status, and the driver judges by writes.
 */
export class UsbLpTransport extends ReconnectingLink {
  readonly duplex = false;
  private handle: FileHandle | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    url: string,
    private readonly path: string,
    timing: LinkTiming,
    logger?: DeviceLogger,
  ) {
    super(url, timing, logger);
  }

  protected async connect(): Promise<void> {
    // 'r+' is read/write without O_CREAT: a missing device node must fail with ENOENT, never create a
    // plain file in its place. (It also opens a FIFO without waiting for a reader, which tests use.)
    const handle = await open(this.path, 'r+');
    this.handle = handle;
    const { ino } = await handle.stat();
    // Between jobs nothing is written, so an unplugged printer would go unnoticed until the next
    // ticket fails; watching the node notices it gone (or replaced) within watchMs.
    this.unwatch = watchDevicePath(this.path, ino, this.timing.watchMs, (reason) => {
      if (this.handle === handle) this.lost(reason);
    });
  }

  protected async disconnect(): Promise<void> {
    this.unwatch?.();
    this.unwatch = undefined;
    const handle = this.handle;
    this.handle = undefined;
    // FileHandle.close waits for a pending write; a stalled printer must not hold the link's teardown.
    if (handle) await withTimeout(handle.close(), 2_000, 'close').catch(() => undefined);
  }

  protected async send(bytes: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new Error('device not open');
    let offset = 0;
    // A character device may take a job in pieces.
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
      if (bytesWritten <= 0) throw new Error('the device accepted no bytes');
      offset += bytesWritten;
    }
  }
}
