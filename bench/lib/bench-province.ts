import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchChildExit } from './child-exit.js';

/**
 * The reference province system in its own process (the compiled `reference-province/main.js`).
 * Without PROVINCE_URL the hub would start it inside its own process, and its SQLite writes and
 * HTTP handling would count as the hub's CPU and stall the hub's event loop. The outbox worker that
 * sends to it stays in the hub, as in an office.
 */
export interface BenchProvince {
  readonly url: string;
  readonly pid: number;
  stop(graceMs?: number): Promise<void>;
}

export async function startBenchProvince(): Promise<BenchProvince> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-province-'));
  const child = spawn(process.execPath, ['dist/server/forwarding/reference-province/main.js'], {
    env: {
      ...process.env,
      REFERENCE_PORT: '0',
      REFERENCE_HOST: '127.0.0.1',
      REFERENCE_DB: join(dir, 'reference-province.db'),
      // Statuses stay put: nothing here looks dossiers up, and a timer per dossier is not the hub's load.
      REFERENCE_SCHEDULE: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { exit, stop, kill } = watchChildExit(child, dir);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reference province did not start within 20 s: ${stderr}`)), 20_000);
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = / at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      void exit.then(() => {
        clearTimeout(timer);
        reject(new Error(`reference province exited before listening: ${stderr}`));
      });
    });
    if (child.pid === undefined) throw new Error('reference province child has no pid');
    return {
      url,
      pid: child.pid,
      stop,
    };
  } catch (err) {
    kill();
    throw err;
  }
}
