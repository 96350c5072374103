// The system programs that tests run as child processes: the device tests make serial port pairs with
// socat, the rendering tests read printed QR codes back with zbarimg, and the e2e tests drive Debian's
// chromium through playwright-core. npm test runs this first, so a missing one is one clear line at the
// start instead of a test failing (or being skipped) halfway through the suite.
//
// All present: returns at once. Missing, as root on Debian: installs them with one apt-get call (CI and
// fresh machines). Missing otherwise: says exactly what to install and exits non-zero. Never skips.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Program on PATH -> the Debian package that provides it. */
const TOOLS = [
  { program: 'socat', pkg: 'socat' },
  { program: 'zbarimg', pkg: 'zbar-tools' },
  { program: 'chromium', pkg: 'chromium' },
  // The dossier receipt tests render the PDF page to an image to read its barcode back.
  { program: 'pdftoppm', pkg: 'poppler-utils' },
];

function onPath(program) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

const missing = TOOLS.filter((t) => !onPath(t.program));
if (missing.length === 0) process.exit(0);

const programs = missing.map((t) => t.program).join(', ');
const pkgs = missing.map((t) => t.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (!isRoot || !onPath('apt-get')) {
  const how = onPath('apt-get')
    ? `sudo apt-get install ${pkgs.join(' ')}`
    : `the packages that provide them (Debian: ${pkgs.join(' ')})`;
  console.error(`Missing system programs: ${programs}. Install them: ${how}`);
  process.exit(1);
}

console.log(`Installing system programs the tests need (${programs}): apt-get install ${pkgs.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Another apt run (unattended upgrades, a second checkout) may hold dpkg's lock: wait for it, bounded.
const lock = ['-o', 'DPkg::Lock::Timeout=300'];
for (const args of [
  ['update', '-qq', ...lock],
  ['install', '-y', '-qq', '--no-install-recommends', ...lock, ...pkgs],
]) {
  // apt's own progress goes to the log only on failure: a passing run stays one line long.
  const r = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    process.stderr.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    console.error(`apt-get ${args[0]} failed (exit ${r.status ?? r.signal}); install by hand: apt-get install ${pkgs.join(' ')}`);
    process.exit(1);
  }
}

const still = missing.filter((t) => !onPath(t.program));
if (still.length > 0) {
  console.error(`Still missing after apt-get install: ${still.map((t) => t.program).join(', ')}`);
  process.exit(1);
}
