/**
 * A hub in its own process, for tests that kill it with SIGKILL: run with
 * `node --import tsx tests/helpers/hub-process.ts` and DATA_DIR (and optionally PORT) set. With
 * PROVINCE_URL set it forwards its outbox there, with retries scaled down to milliseconds.
 * Prints "READY <port>" once it listens.
 */
import { join } from 'node:path';
import { buildHub } from '../../server/app.js';
import { createHttpProvinceClient } from '../../server/forwarding/http-province-client.js';
import { randomIds, systemClock } from '../../server/services/system-ports.js';
import { TEST_PASSWORD } from './test-hub.js';
import { testSite } from './test-site.js';

const dir = process.env.DATA_DIR;
if (!dir) throw new Error('DATA_DIR is required');
const site = testSite();
const provinceUrl = process.env.PROVINCE_URL;
const hub = await buildHub({
  dbFile: join(dir, 'hall.db'),
  site,
  clock: systemClock,
  ids: randomIds,
  logger: false,
  // The crash tests burst tickets far faster than a kiosk may.
  rateLimits: false,
  ...(process.env.CATALOGUE_DIR ? { catalogueDir: process.env.CATALOGUE_DIR } : {}),
  ...(provinceUrl
    ? {
        province: createHttpProvinceClient({ baseUrl: provinceUrl, token: null, timeoutMs: 1000 }),
        outboxWorker: { baseDelayMs: 10, maxDelayMs: 200, maxAttempts: 1000, pollMs: 50, concurrency: 8 },
      }
    : {}),
});
for (const o of site.officers) await hub.auth.setPassword(o.id, TEST_PASSWORD);
await hub.app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = hub.app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
