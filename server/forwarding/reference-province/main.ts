import { join, resolve } from 'node:path';
import { startReferenceProvince } from './start-reference-province.js';

/**
 * Runs the reference province system on its own, for a demo or a test bench on another box:
 *   node dist/server/forwarding/reference-province/main.js     (or: npx tsx server/forwarding/reference-province/main.ts)
 * Environment:
 *   REFERENCE_PORT      default PORT + 1 (PORT default 8080: the hub's port)
 *   REFERENCE_HOST      default 127.0.0.1 (the hub beside it is its only client)
 *   REFERENCE_DB        default DATA_DIR/reference-province.db (DATA_DIR default ./data)
 *   PROVINCE_TOKEN      when set, clients must send Authorization: Bearer <token>
 *   REFERENCE_SCHEDULE  "<seconds to Đang xử lý>,<seconds to Đã xử lý xong>", default "120,600";
 *                       "off" moves statuses only on POST /_test/advance
 *   REFERENCE_FAULTS    JSON, e.g. {"failRate":0.2,"slowMs":500} (see reference-faults.ts)
 */
function fail(message: string): never {
  console.error(`reference province: ${message}`);
  process.exit(2);
}

function schedule(text: string | undefined) {
  if (text === 'off') return null;
  const m = /^(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/.exec(text ?? '120,600');
  if (!m) fail(`REFERENCE_SCHEDULE must be "<seconds>,<seconds>" or "off", got '${text}'`);
  return { processingAfterMs: Number(m[1]) * 1000, doneAfterMs: Number(m[2]) * 1000, tickMs: 1000 };
}

function faults(text: string | undefined) {
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, number>;
  } catch {
    return fail('REFERENCE_FAULTS is not JSON');
  }
}

async function main(): Promise<void> {
  const hubPort = Number(process.env.PORT ?? 8080);
  const port = Number(process.env.REFERENCE_PORT ?? hubPort + 1);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`not a port: ${process.env.REFERENCE_PORT ?? hubPort + 1}`);
  const dbFile = process.env.REFERENCE_DB ?? join(resolve(process.env.DATA_DIR ?? './data'), 'reference-province.db');
  const ref = await startReferenceProvince({
    dbFile,
    port,
    host: process.env.REFERENCE_HOST ?? '127.0.0.1',
    token: process.env.PROVINCE_TOKEN || null,
    statusSchedule: schedule(process.env.REFERENCE_SCHEDULE),
    faults: faults(process.env.REFERENCE_FAULTS),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  console.log(`reference province system (Hệ thống tỉnh, tham chiếu) at ${ref.url}, data in ${dbFile}`);
  const shutdown = () =>
    void ref.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
