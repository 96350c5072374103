// npm test: type-check and lint everything, then run every test. Tests that need a system program
// (chromium, socat, zbarimg) get it from scripts/ensure-system-tools.mjs before they start.
import { spawnSync } from 'node:child_process';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run('node', ['scripts/ensure-system-tools.mjs']);
run('npm', ['run', '--silent', 'check']);
// The e2e tests drive the built screens, as the hub serves them.
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
