import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildHub {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
}

/** Starts tests/helpers/hub-process.ts in a child process and waits for it to listen. */
export async function startChildHub(dir: string, port = 0, env: Record<string, string> = {}): Promise<ChildHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/hub-process.ts'], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const actual = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub process did not start: ${stderr}`)), 20_000);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub process exited with ${code}: ${stderr}`));
    });
  });
  return { child, port: actual, url: `http://127.0.0.1:${actual}` };
}

export async function killHard(hub: ChildHub): Promise<void> {
  const exited = new Promise<void>((resolve) => hub.child.once('exit', () => resolve()));
  hub.child.kill('SIGKILL');
  await exited;
}
