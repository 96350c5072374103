import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { screenAddresses } from './config/screen-addresses.js';
import { buildHub } from './app.js';
import { createHttpProvinceClient } from './forwarding/http-province-client.js';
import { startReferenceProvince, type ReferenceProvince } from './forwarding/reference-province/start-reference-province.js';
import { demoSiteConfig } from './config/demo-office.js';
import { loadSiteConfig, saveSiteConfig } from './config/load-site-config.js';
import type { SiteConfig } from './config/site-config-schema.js';
import { randomIds, systemClock } from './services/system-ports.js';

/**
 * The process entry: read the environment, load (or on first start create) the site config, build
 * the hub, listen, and shut down cleanly on SIGINT/SIGTERM so the last command is on disk.
 */
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const configFile = process.env.SITE_CONFIG ?? join(dataDir, 'site.yaml');

/** The address phones on the office network reach the hub at, for the QR printed on tickets. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

async function siteConfig(): Promise<SiteConfig> {
  if (!existsSync(configFile)) {
    const demo = demoSiteConfig(() => randomBytes(18).toString('base64url'));
    await saveSiteConfig(configFile, demo);
    console.log(`No site config found: created the demo office in ${configFile}. Edit it to set up your hall.`);
    return demo;
  }
  const loaded = await loadSiteConfig(configFile);
  if (!loaded.ok) {
    console.error(`The site config ${configFile} is not valid; nothing was started. Fix these and start again:`);
    for (const e of loaded.errors) console.error(`  ${e.path || '(file)'}: ${e.message}`);
    process.exit(2);
  }
  return loaded.config;
}

async function main(): Promise<void> {
  // Everything the hub writes (database, site.yaml, backups, voice cache, sim printer output) is
  // readable by its own user only, whatever the login shell's umask.
  process.umask(0o077);
  const site = await siteConfig();
  // A real province system when PROVINCE_URL is set; otherwise the demo runs the reference one beside
  // the hub (its own SQLite file), so dossiers, ratings and figures are forwarded as in an office.
  let reference: ReferenceProvince | null = null;
  let provinceUrl = process.env.PROVINCE_URL;
  if (!provinceUrl) {
    reference = await startReferenceProvince({
      dbFile: join(dataDir, 'reference-province.db'),
      port: port === 0 ? 0 : port + 1,
      host: '127.0.0.1',
      token: process.env.PROVINCE_TOKEN || null,
      statusSchedule: { processingAfterMs: 2 * 60_000, doneAfterMs: 10 * 60_000 },
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
    });
    provinceUrl = reference.url;
  }
  const province = createHttpProvinceClient({
    baseUrl: provinceUrl,
    token: process.env.PROVINCE_TOKEN || null,
    timeoutMs: Number(process.env.PROVINCE_TIMEOUT_MS ?? 10_000),
  });
  const hub = await buildHub({
    province,
    dbFile: join(dataDir, 'hall.db'),
    site,
    siteFile: configFile,
    clock: systemClock,
    ids: randomIds,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    webRoot: resolve(process.env.WEB_ROOT ?? 'dist/web'),
    dataDir,
    // The national catalogue, imported once into an empty table (the demo uses the reference data).
    catalogueDir: resolve(process.env.CATALOGUE_DIR ?? '../shared/data/procedures'),
    publicUrl: process.env.PUBLIC_URL ?? `http://${lanAddress()}:${port}`,
    // RATE_LIMITS=off only for load benchmarks on a test machine: it lifts the sign-in and ticket limits.
    rateLimits: process.env.RATE_LIMITS !== 'off',
  });
  await hub.app.listen({ port, host });
  const address = hub.app.server.address();
  const base = `http://localhost:${typeof address === 'object' && address ? address.port : port}`;
  console.log(
    `\nmotcua-hall: ${site.office.name}\n  hub       ${base}\n  API docs  ${base}/docs\n  health    ${base}/api/health` +
      `\n  province  ${provinceUrl}${reference ? ' (reference system for the demo; set PROVINCE_URL for the real one)' : ''}`,
  );
  if (hub.firstPasswords.length > 0) {
    console.log('\nFirst passwords (shown once; write them down and change them):');
    for (const p of hub.firstPasswords) console.log(`  ${p.username.padEnd(12)} ${p.password}`);
  }
  // Every screen's start page, ready to open on the box behind it; the page keeps its key after the
  // first load. Printed on every start: the keys are already in site.yaml, readable by the hub's user only.
  const publicBase =
    process.env.PUBLIC_URL ?? `http://${lanAddress()}:${typeof address === 'object' && address ? address.port : port}`;
  console.log(`\nOfficers sign in at ${publicBase}/counter/`);
  console.log(`Supervisors and admins at ${publicBase}/admin/ (dashboard, reports, settings)`);
  const screens = screenAddresses(site, publicBase);
  if (screens.length > 0) {
    console.log('Screens (open each address once on its screen):');
    const width = Math.max(...screens.map((s) => s.name.length));
    for (const s of screens) console.log(`  ${s.name.padEnd(width)}  ${s.url}`);
  }
  // Last, so a script that starts the hub (the bench, an installer) knows the start-up output is whole.
  console.log('\nReady.');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    hub.app.log.info({ signal }, 'shutting down');
    hub
      .close()
      .then(() => reference?.stop())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          hub.app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
