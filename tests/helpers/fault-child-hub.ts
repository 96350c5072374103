import { spawn, type ChildProcess } from 'node:child_process';
import type { ChildHub } from './child-hub.js';

interface Loaded {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  /** The port once the child prints READY; null if it exits first. */
  readonly ready: Promise<number | null>;
}

/**
 * Hub processes on one data folder, with a loaded spare kept waiting: start() hands the spare its
 * port and has it open the database, and loads the next spare behind it. Each ChildHub it gives can
 * be killed with killHard (child-hub.ts) as any other.
 */
export class WarmChildHubs {
  private spare: Promise<Loaded>;
  private readonly children = new Set<ChildProcess>();

  constructor(
    private readonly dir: string,
    private readonly env: Record<string, string> = {},
  ) {
    this.spare = this.load();
  }

  /** Starts a hub on `port` (0: any free one) and answers once it listens. */
  async start(port = 0): Promise<ChildHub> {
    const loaded = await this.spare;
    this.spare = this.load();
    loaded.child.stdin?.write(`GO ${port}\n`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 20_000)));
    const actual = await Promise.race([loaded.ready, timeout]);
    clearTimeout(timer);
    if (actual === null) throw new Error(`hub did not listen within 20 s (exit ${loaded.child.exitCode}): ${loaded.stderr()}`);
    return { child: loaded.child, port: actual, url: `http://127.0.0.1:${actual}` };
  }

  /** Kills every process it started that is still alive (the spare and any hub left running). */
  async dispose(): Promise<void> {
    const alive = [...this.children].filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      alive.map(
        (c) =>
          new Promise<void>((resolve) => {
            c.once('exit', () => resolve());
            c.kill('SIGKILL');
          }),
      ),
    );
    this.children.clear();
  }

  private load(): Promise<Loaded> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/fault-hub-process.ts'], {
      env: { ...process.env, DATA_DIR: this.dir, ...this.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    let stderr = '';
    let out = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    let onReady: (port: number | null) => void = () => undefined;
    const ready = new Promise<number | null>((resolve) => (onReady = resolve));
    child.once('exit', () => onReady(null));
    const loaded = new Promise<Loaded>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`hub process did not load within 30 s: ${stderr}`)), 30_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('LOADED')) {
          clearTimeout(timer);
          resolve({ child, stderr: () => stderr, ready });
        }
        const m = /READY (\d+)/.exec(out);
        if (m) onReady(Number(m[1]));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`hub process exited (${code ?? signal}) before it loaded: ${stderr}`));
      });
    });
    // A spare nobody takes (the test ended) must not surface as an unhandled rejection.
    loaded.catch(() => undefined);
    return loaded;
  }
}
