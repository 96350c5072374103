import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchChildExit } from './child-exit.js';
import { saveSiteConfig } from '../../server/config/load-site-config.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';

/**
 * The hub as an office runs it: the compiled `dist/server/main.js` in its own process, on a fresh
 * data dir holding the bench's site config. A separate process so the load generator and its 100
 * display sockets do not share the hub's event loop, and so the hub's RSS is read alone, without
 * the TypeScript loader the tests use.
 */
export interface BenchHub {
  readonly url: string;
  readonly pid: number;
  readonly dir: string;
  /** First passwords the hub printed for the site's officers, by username. */
  readonly passwords: Readonly<Record<string, string>>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; removes the data dir. */
  stop(graceMs?: number): Promise<void>;
}

/** Compiles the hub once per bench, so each run measures the current source. */
export function buildHubOnce(): void {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** `env` adds to the hub's environment (e.g. PROVINCE_URL); `nodeArgs` go before the script (e.g. --cpu-prof). */
export async function startBenchHub(
  site: SiteConfig,
  opts: { env?: Readonly<Record<string, string>>; nodeArgs?: readonly string[] } = {},
): Promise<BenchHub> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  await saveSiteConfig(join(dir, 'site.yaml'), site);
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'dist/server/main.js'], {
    env: { ...process.env, DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMITS: 'off', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { exit, stop, kill } = watchChildExit(child, dir);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`hub did not start within 30 s: ${stderr}`)), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        // "Ready." closes the start-up output, after the address and the first passwords.
        const m = /hub\s+http:\/\/localhost:(\d+)/.exec(stdout);
        if (m && /^Ready\.$/m.test(stdout)) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      void exit.then(() => {
        clearTimeout(timer);
        reject(new Error(`hub exited before listening: ${stderr}`));
      });
    });
    const passwords: Record<string, string> = {};
    for (const m of stdout.matchAll(/^ {2}(\S+) +(\S+)$/gm)) {
      if (site.officers.some((o) => o.username === m[1])) passwords[m[1] as string] = m[2] as string;
    }
    if (child.pid === undefined) throw new Error('hub child has no pid');
    return {
      url: `http://127.0.0.1:${port}`,
      pid: child.pid,
      dir,
      passwords,
      stop,
    };
  } catch (err) {
    kill();
    throw err;
  }
}
