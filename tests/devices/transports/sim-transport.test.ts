import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTransport } from '../../../server/devices/transports/open-transport.js';
import type { SimJob } from '../../../server/devices/transports/sim-transport.js';

describe('sim:// transport', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-sim-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes each job to <dataDir>/devices/<name>/NNNN.bin and calls the hook with a PNG path beside it', async () => {
    const jobs: SimJob[] = [];
    const t = await openTransport('sim://kiosk-1-printer', {
      dataDir,
      onSimJob: async (job) => {
        jobs.push(job);
        await writeFile(job.pngPath, 'not really a png');
      },
    });
    expect(t.state).toBe('up');
    expect(t.duplex).toBe(false);
    await t.write(Uint8Array.of(1, 2, 3));
    await t.write(Uint8Array.of(4));
    const dir = join(dataDir, 'devices', 'kiosk-1-printer');
    expect((await readdir(dir)).sort()).toEqual(['0001.bin', '0001.png', '0002.bin', '0002.png']);
    expect([...(await readFile(join(dir, '0001.bin')))]).toEqual([1, 2, 3]);
    expect(jobs.map((j) => [j.device, j.seq, j.binPath, j.pngPath])).toEqual([
      ['kiosk-1-printer', 1, join(dir, '0001.bin'), join(dir, '0001.png')],
      ['kiosk-1-printer', 2, join(dir, '0002.bin'), join(dir, '0002.png')],
    ]);
    await t.close();
    expect(t.state).toBe('down');
    await expect(t.write(Uint8Array.of(9))).rejects.toThrow(/^sim:\/\/kiosk-1-printer: link is down/);
  });

  it('continues the numbering after a restart, and a failing hook does not fail the job', async () => {
    const first = await openTransport('sim://p', { dataDir });
    await first.write(Uint8Array.of(1));
    await first.write(Uint8Array.of(2));
    await first.close();
    const warnings: string[] = [];
    const second = await openTransport('sim://p', {
      dataDir,
      onSimJob: () => {
        throw new Error('renderer broke');
      },
      logger: { warn: (_obj, msg) => warnings.push(msg ?? '') },
    });
    await second.write(Uint8Array.of(3));
    expect((await readdir(join(dataDir, 'devices', 'p'))).sort()).toEqual(['0001.bin', '0002.bin', '0003.bin']);
    expect(warnings).toEqual(['sim device hook failed; the job itself was saved']);
  });

  it("is 'down' with the reason when the data folder cannot be written", async () => {
    const blocker = join(dataDir, 'devices');
    await writeFile(blocker, 'a file where the folder should be');
    const t = await openTransport('sim://p', { dataDir });
    expect(t.state).toBe('down');
    expect(t.lastError).toMatch(/EEXIST|ENOTDIR/);
  });
});
