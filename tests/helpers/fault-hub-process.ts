/**
 * A hub in its own process that loads its code first and opens the database only when told: run with
 * `node --import tsx tests/helpers/fault-hub-process.ts` and DATA_DIR set; it prints "LOADED", waits
 * for a line "GO <port>" on stdin, then builds the hub on DATA_DIR/hall.db, listens on that port and
 * prints "READY <port>". The fault tests keep one loaded spare beside the running hub, so twenty
 * restarts cost twenty builds rather than twenty module loads; the database is not touched before
 * GO, so the spare never races the hub it replaces. It exits when its stdin closes (the test is gone).
 */
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { buildHub } from '../../server/app.js';
import { randomIds, systemClock } from '../../server/services/system-ports.js';
import { TEST_PASSWORD } from './test-hub.js';
import { testSite } from './test-site.js';

const dir = process.env.DATA_DIR;
if (!dir) throw new Error('DATA_DIR is required');
const lines = createInterface({ input: process.stdin });
lines.on('close', () => process.exit(0));
process.stdout.write('LOADED\n');

const port = await new Promise<number>((resolve) =>
  lines.on('line', (line) => {
    const m = /^GO (\d+)$/.exec(line.trim());
    if (m) resolve(Number(m[1]));
  }),
);
const site = testSite();
// rateLimits: false: the fault load takes numbers far faster than any kiosk may.
const hub = await buildHub({
  dbFile: join(dir, 'hall.db'),
  site,
  clock: systemClock,
  ids: randomIds,
  logger: false,
  rateLimits: false,
});
// The known test password once, on the first start (a restart finds the accounts' hashes stored).
if (hub.firstPasswords.length > 0) for (const o of site.officers) await hub.auth.setPassword(o.id, TEST_PASSWORD);
await hub.app.listen({ port, host: '127.0.0.1' });
const address = hub.app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
