import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { SiteConfig } from './config/site-config-schema.js';
import { toHallConfig } from './config/to-hall-config.js';
import type { Clock, IdSource } from './core/ports.js';
import { ErrorEnvelope } from './http/envelope-schemas.js';
import { clientErrorEnvelope, frameworkErrorEnvelope, registerErrorEnvelope } from './http/error-envelope.js';
import { registerOpenApi } from './http/openapi.js';
import { registerAuthRoutes } from './http/routes/auth.js';
import { registerCommandRoutes } from './http/routes/commands.js';
import { registerHallRoutes } from './http/routes/hall.js';
import { registerOutboxRoutes } from './http/routes/outbox.js';
import { registerAdminSettingsRoutes } from './http/routes/admin-settings.js';
import { registerAdminReportRoutes } from './http/routes/admin-reports.js';
import { siteReportNames } from './reports/report-names.js';
import { ReportRunner } from './reports/report-runner.js';
import { WeeklyReportService } from './services/weekly-report-service.js';
import { registerAdminBackupRoutes } from './http/routes/admin-backups.js';
import { registerAdminCatalogueRoutes } from './http/routes/admin-catalogue.js';
import { BackupService, DEFAULT_BACKUP_SCHEDULE, type BackupOptions } from './services/backup-service.js';
import { registerAdminDeviceRoutes } from './http/routes/admin-devices.js';
import { modelChoices, type ModelChoices } from './devices/catalogue/model-choices.js';
import { OutboxWorker, type OutboxWorkerOptions } from './forwarding/outbox-worker.js';
import type { ProvinceSystem } from './forwarding/province-system.js';
import { registerSurveyRoutes } from './http/routes/surveys.js';
import { registerHealthRoute } from './http/routes/health.js';
import { registerLandingRoute } from './http/routes/landing.js';
import { registerFollowPage } from './http/routes/follow-page.js';
import { registerScreenConfigRoute } from './http/routes/screen-config.js';
import { registerDossierRoutes } from './http/routes/dossiers.js';
import { registerDossierReceiptRoute } from './http/routes/dossier-receipt.js';
import { registerDossierPrintRoutes } from './http/routes/dossier-print.js';
import { DOSSIER_PAGE_RATE, registerDossierPage } from './http/routes/dossier-page.js';
import { registerDossierDetailsRoute } from './http/routes/dossier-details.js';
import { RateLimiter } from './http/rate-limiter.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerPageStyle } from './http/routes/page-style.js';
import { SignInLimits } from './http/sign-in-limits.js';
import { IssueLimits, ISSUE_RATES } from './services/issue-limits.js';
import { localDossierSource, provinceDossierSource } from './services/dossier-status-source.js';
import { dossiersRepository } from './storage/repositories/dossiers.js';
import { surveyRatingsRepository } from './storage/repositories/survey-ratings.js';
import { dossierRecordsRepository } from './storage/repositories/dossier-records.js';
import { outboxRepository } from './storage/repositories/outbox.js';
// Procedure catalogue (issue 3).
import { registerProcedureRoutes } from './http/routes/procedures.js';
import { CatalogueService } from './services/catalogue-service.js';
import { enrichDossierInput } from './services/dossier-enrich.js';
import { proceduresRepository } from './storage/repositories/procedures.js';
import { registerScreens } from './http/screens.js';
import { attachHallSocket } from './realtime/hall-socket.js';
import { attachAdminStatus } from './realtime/admin-status.js';
import { socketPlugin } from './realtime/socket-plugin.js';
import { AuthService, type ScreenDeviceKey } from './services/auth-service.js';
import { screenKeysOf, syncSetupTables } from './services/setup-tables.js';
import { SiteSettings } from './services/site-settings.js';
import { configInUse } from './core/config-in-use.js';
import { auditLogRepository } from './storage/repositories/audit-log.js';
import { saveSiteConfig } from './config/load-site-config.js';
import { HallService } from './services/hall-service.js';
import type { Principal } from './services/principal.js';
import { screenConfigOf } from './services/screen-config-of.js';
import { openDatabase, type Db } from './storage/db.js';
import { dirname, join } from 'node:path';
import type { ScreenConfig } from '../common/contract/screen-config.js';
import type { HidBackend } from './devices/transports/hid/hid-backend.js';
import { registerVoiceRoutes } from './http/routes/voice.js';
import { startHallHardware, type HallHardware } from './hall-hardware.js';
import { clipFile, clipManifest } from './voice/clip-bank.js';
import { createEspeakSynth } from './voice/espeak-synth.js';
import { SpeechCache } from './voice/speech-cache.js';
import { migrate } from './storage/migrate.js';
import { commandsRepository } from './storage/repositories/commands.js';
import { configMirror } from './storage/repositories/config-mirror.js';
import { countersRepository } from './storage/repositories/counters.js';
import { eventsRepository } from './storage/repositories/events.js';
import { metaRepository } from './storage/repositories/meta.js';
import { officersRepository } from './storage/repositories/officers.js';
import { sessionsRepository } from './storage/repositories/sessions.js';
import { ticketsRepository } from './storage/repositories/tickets.js';

export interface HubDeps {
  /** The SQLite file; tests give one in a temp folder. */
  readonly dbFile: string;
  readonly site: SiteConfig;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: FastifyServerOptions['logger'];
  readonly sessionHours?: number;
  /** Built screens (vite build output); absent in tests that need no pages. */
  readonly webRoot?: string;
  /** Procedure catalogue folder (catalogue.csv, records/), imported into an empty table; none when absent. */
  readonly catalogueDir?: string | null;
  /** Where sim:// devices write their output; defaults to the database's folder. */
  readonly dataDir?: string;
  /** The hub's address as citizens' phones reach it, for the QR on tickets. */
  readonly publicUrl?: string;
  /** USB HID access (keypads, survey pads); node-hid by default, a fake in tests. */
  readonly hid?: HidBackend;
  /** Where the outbox drains to (the province's one-stop system); absent: items wait in the outbox. */
  readonly province?: ProvinceSystem | null;
  readonly outboxWorker?: OutboxWorkerOptions;
  /** Where admin saves of the settings are written (site.yaml); absent: kept in memory until the hub stops. */
  readonly siteFile?: string;
  /** Sign-in and ticket-issue rate limits (on unless false: load benchmarks and burst tests turn them off). */
  readonly rateLimits?: boolean;
  /** Backups: DATA_DIR/backups, nightly at 02:30 Asia/Ho_Chi_Minh, kept 14 days, unless told otherwise. */
  readonly backup?: Partial<BackupOptions>;
}

export interface Hub {
  readonly app: FastifyInstance;
  readonly hall: HallService;
  readonly auth: AuthService;
  readonly db: Db;
  readonly settings: SiteSettings;
  readonly backups: BackupService;
  /** First passwords given to accounts that had none: shown once on the console, never stored in clear. */
  readonly firstPasswords: readonly { username: string; password: string }[];
  close(): Promise<void>;
}

/**
 * The composition root: the one place that builds the hub from its parts. It never listens;
 * main.ts does, and tests call `app.listen({ port: 0 })`.
 */
export async function buildHub(deps: HubDeps): Promise<Hub> {
  const db = openDatabase(deps.dbFile);
  migrate(db);
  const repos = {
    events: eventsRepository(db),
    commands: commandsRepository(db),
    tickets: ticketsRepository(db),
    counters: countersRepository(db),
    meta: metaRepository(db),
    officers: officersRepository(db),
    sessions: sessionsRepository(db),
    dossiers: dossiersRepository(db),
    surveyRatings: surveyRatingsRepository(db),
    dossierRecords: dossierRecordsRepository(db),
    outbox: outboxRepository(db),
  };
  const hallConfig = toHallConfig(deps.site);
  const mirror = configMirror(db);
  const withoutPassword = syncSetupTables(deps.site, hallConfig, { mirror, counters: repos.counters, officers: repos.officers });
  // The settings as they are now: admin saves replace them while the hall runs (services/site-settings.ts).
  let site: SiteConfig = deps.site;
  let deviceKeys: ScreenDeviceKey[] = screenKeysOf(site);
  const auth = new AuthService({
    officers: repos.officers,
    sessions: repos.sessions,
    clock: deps.clock,
    deviceKeys: () => deviceKeys,
    sessionHours: deps.sessionHours ?? 12,
  });
  const firstPasswords = await auth.issueFirstPasswords(withoutPassword);

  const app = Fastify({
    logger: deps.logger,
    bodyLimit: 64 * 1024,
    // Fastify's own refusals (a broken %-escape, a path parameter over 100 characters) and what
    // Node's HTTP parser rejects (a head over 16 KB, bytes that are not HTTP) answer in the envelope too.
    frameworkErrors: frameworkErrorEnvelope,
    clientErrorHandler: clientErrorEnvelope,
    // Unknown properties are refused rather than silently dropped, and nothing is coerced: a
    // counter id sent as a number is a client bug to report, not to paper over.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: true } },
  });
  // Procedure catalogue (issue 3): imported once into an empty table, then searched in memory.
  const procedures = proceduresRepository(db);
  const catalogue = new CatalogueService({ repo: procedures, clock: deps.clock, logger: app.log });
  catalogue.start(deps.catalogueDir ?? null);
  const hall = new HallService({
    db,
    repos,
    enrich: (name, input, principal) => {
      if (name === 'dossier:receive') return enrichDossierInput(input, principal, catalogue);
      if (name === 'dossier:update-status') {
        const known = typeof input['code'] === 'string' ? repos.dossiers.find(input['code']) : undefined;
        return { ...input, dossier: known ? { status: known.status } : null };
      }
      return input;
    },
    clock: deps.clock,
    ids: deps.ids,
    logger: app.log,
    config: hallConfig,
    officerNames: () => repos.officers.names(),
  });
  hall.start();
  const audit = auditLogRepository(db);
  const siteFile = deps.siteFile ?? null;
  const settings = new SiteSettings({
    initial: deps.site,
    persist: siteFile ? (config) => saveSiteConfig(siteFile, config) : null,
    audit,
    clock: deps.clock,
    logger: app.log,
    inUse: (next) =>
      configInUse(hall.currentState, {
        queueIds: next.queues.map((q) => q.id),
        counterIds: next.counters.map((c) => c.id),
        activeOfficerIds: next.officers.filter((o) => !o.disabled).map((o) => o.id),
      }),
    apply: async (next) => {
      const nextHall = toHallConfig(next);
      const added = syncSetupTables(next, nextHall, { mirror, counters: repos.counters, officers: repos.officers });
      site = next;
      deviceKeys = screenKeysOf(next);
      hall.reconfigure(nextHall);
      return auth.issueFirstPasswords(added);
    },
  });
  const outboxWorker = deps.province
    ? new OutboxWorker({
        outbox: repos.outbox,
        province: deps.province,
        clock: deps.clock,
        logger: app.log,
        ...(deps.outboxWorker ? { options: deps.outboxWorker } : {}),
      })
    : null;
  // Items are written in the command's transaction: send them now rather than at the next poll.
  hall.onCommitted(() => outboxWorker?.kick());
  outboxWorker?.start();

  app.addSchema(ErrorEnvelope);
  registerErrorEnvelope(app);
  // Before any route: the /docs scope of the policy is attached to routes as they are added.
  await registerSecurityHeaders(app);
  await registerOpenApi(app);
  const limitsOn = deps.rateLimits !== false;
  const issueLimits = limitsOn
    ? new IssueLimits({
        clock: deps.clock,
        logger: app.log,
        perActor: new RateLimiter(ISSUE_RATES.perActor.burst, ISSUE_RATES.perActor.perMinute),
        perIp: new RateLimiter(ISSUE_RATES.perIp.burst, ISSUE_RATES.perIp.perMinute),
      })
    : null;
  await app.register(socketPlugin, { maxHttpBufferSize: 64 * 1024, serveClient: false });
  const startedAt = Date.now();
  // The health route is registered before the hardware starts (it reads the devices when asked).
  let hardwareReady: HallHardware | null = null;
  registerHealthRoute(app, {
    hall,
    probe: () => ({ seq: repos.events.lastSeq(), journalMode: String(db.pragma('journal_mode', { simple: true })) }),
    devices: () => mirror.devices(),
    startedAt,
    clients: () => app.io.engine.clientsCount,
    printers: () => hardwareReady?.printers() ?? [],
    keypads: () => hardwareReady?.keypads() ?? [],
    surveyPads: () => hardwareReady?.surveyPads() ?? [],
    ledBoards: () => hardwareReady?.ledBoards() ?? [],
    outbox: () => {
      const counts = repos.outbox.counts();
      const status = outboxWorker?.status();
      return {
        pending: counts.pending,
        dead: counts.dead,
        running: status?.running ?? false,
        lastSuccessAt: status?.lastSuccessAt ?? null,
        lastError: status?.lastError?.message ?? null,
      };
    },
  });
  registerPageStyle(app);
  registerLandingRoute(app, { officeName: () => site.office.name });
  registerAuthRoutes(app, { auth, limits: limitsOn ? new SignInLimits({ clock: deps.clock, logger: app.log }) : null });
  const screenConfig = (principal: Principal | null = null): ScreenConfig => screenConfigOf(site, principal);
  registerScreenConfigRoute(app, { auth, screenConfig });
  // Announcements: the office's recorded clips, and eSpeak NG on the hub as the last resort (loaded
  // on the first request, cached on disk).
  const dataDir = deps.dataDir ?? dirname(deps.dbFile);
  // Reports read the event log on their own thread and connection: a month of a busy centre takes
  // seconds of SQL, which must not hold up any counter's Next.
  const reports = new ReportRunner({
    dbFile: deps.dbFile,
    clock: deps.clock,
    logger: app.log,
    names: () => siteReportNames(site),
    scales: () => hall.currentState.config.survey.scales,
  });
  const weeklyReports = new WeeklyReportService({ clock: deps.clock, db, dataDir, logger: app.log, reports });
  registerAdminReportRoutes(app, { auth, reports, weekly: weeklyReports });
  weeklyReports.start();
  const clipsDir = join(dataDir, 'voice-clips');
  registerVoiceRoutes(app, {
    auth,
    voice: () => screenConfigOf(site, null).voice,
    counterNumbers: () => hall.currentState.config.counters.map((c) => c.number),
    speech: new SpeechCache({
      dir: join(dataDir, 'voice-cache'),
      synth: createEspeakSynth({ logger: app.log }),
      logger: app.log,
    }),
    clips: { manifest: (reading) => clipManifest(clipsDir, reading), file: (name) => clipFile(clipsDir, name) },
  });
  registerFollowPage(app, {
    ticket: (id) => hall.ticket(id),
    snapshot: () => hall.snapshot(),
    officeName: () => site.office.name,
    now: () => deps.clock.now(),
  });
  // The kiosk asks the province system when there is one, the hall's own table otherwise.
  const dossierSource = deps.province
    ? provinceDossierSource({ province: deps.province, repo: repos.dossiers, clock: deps.clock, logger: app.log })
    : localDossierSource(repos.dossiers);
  registerDossierRoutes(app, { auth, source: dossierSource, clock: deps.clock, limiter: new RateLimiter(30, 30) });
  const publicBase = (deps.publicUrl ?? 'http://localhost:8080').replace(/\/$/, '');
  registerDossierReceiptRoute(app, {
    auth,
    record: (code) => repos.dossierRecords.find(code)?.record,
    site: () => site,
    publicUrl: publicBase,
    clock: deps.clock,
  });
  registerDossierPrintRoutes(app, {
    auth,
    record: (code) => repos.dossierRecords.find(code)?.record,
    site: () => site,
    publicUrl: publicBase,
    clock: deps.clock,
    counterOfficer: (id) => hall.currentState.counters.get(id),
    printers: () => hardwareReady?.counterPrinters ?? null,
  });
  // Five wrong mã tra cứu per kiosk, then one more try every two minutes.
  registerDossierDetailsRoute(app, {
    auth,
    record: (code) => repos.dossierRecords.find(code)?.record,
    clock: deps.clock,
    failures: new RateLimiter(5, 0.5),
  });
  registerDossierPage(app, {
    source: dossierSource,
    officeName: () => site.office.name,
    now: () => deps.clock.now(),
    limiter: limitsOn ? new RateLimiter(DOSSIER_PAGE_RATE.burst, DOSSIER_PAGE_RATE.perMinute) : undefined,
  });
  registerProcedureRoutes(app, { auth, catalogue });
  registerAdminCatalogueRoutes(app, { auth, catalogue, procedures, audit, clock: deps.clock, ids: deps.ids });
  const backups = new BackupService({
    db,
    clock: deps.clock,
    logger: app.log,
    audit,
    options: { dir: join(dataDir, 'backups'), ...DEFAULT_BACKUP_SCHEDULE, ...deps.backup },
  });
  backups.start();
  registerAdminBackupRoutes(app, { auth, backups });
  await registerScreens(app, deps.webRoot);
  registerHallRoutes(app, { hall, auth });
  registerOutboxRoutes(app, { auth, outbox: repos.outbox, worker: outboxWorker, clock: deps.clock });
  registerSurveyRoutes(app, {
    auth,
    ratings: repos.surveyRatings,
    scales: () => hall.currentState.config.survey.scales,
    today: () => hall.currentState.day,
  });
  registerCommandRoutes(app, { hall, auth, issueLimits });
  let models: Promise<ModelChoices> | null = null;
  registerAdminSettingsRoutes(app, {
    auth,
    settings,
    audit,
    // The firmware-configs folder does not change while the hub runs: read once, when first asked.
    models: () => (models ??= modelChoices()),
    clock: deps.clock,
  });
  registerAdminDeviceRoutes(app, {
    auth,
    testDevice: async (id) => (hardwareReady ? hardwareReady.testDevice(id) : null),
    audit: (entry) => void audit.append(entry),
    now: () => deps.clock.now(),
  });
  const detach = attachHallSocket(app.io, {
    hall,
    auth,
    logger: app.log,
    deviceSeen: (deviceId) => mirror.touchDevice(deviceId, deps.clock.now()),
    issueLimits,
  });

  // The dashboard's live device status and outbox backlog, pushed to supervisors and admins.
  const detachAdminStatus = attachAdminStatus(app.io, {
    devices: () => {
      const seen = new Map(mirror.devices().map((d) => [d.id, d.lastSeenAt]));
      return site.devices.map((d) => ({
        id: d.id,
        kind: d.kind,
        name: d.name,
        counterId: d.counterId ?? null,
        lastSeenAt: seen.get(d.id) ?? null,
      }));
    },
    printers: () => hardwareReady?.printers() ?? [],
    keypads: () => hardwareReady?.keypads() ?? [],
    surveyPads: () => hardwareReady?.surveyPads() ?? [],
    ledBoards: () => hardwareReady?.ledBoards() ?? [],
    outbox: () => {
      const counts = repos.outbox.counts();
      const status = outboxWorker?.status();
      return {
        pending: counts.pending,
        dead: counts.dead,
        lastSuccessAt: status?.lastSuccessAt ?? null,
        lastError: status?.lastError?.message ?? null,
      };
    },
    counters: () => [...hall.currentState.counters.values()].map((c) => ({ id: c.id, since: c.since })),
    clock: deps.clock,
    logger: app.log,
    sessionOf: (token) => auth.fromToken(token),
    onHallChange: (listener) => hall.onFacts(listener),
  });

  // Printers, keypads and LED boards, opened from the site config and driven by the hall.
  const hardware = await startHallHardware({
    site: deps.site,
    hall,
    io: app.io,
    clock: deps.clock,
    ids: deps.ids,
    logger: app.log,
    dataDir,
    publicUrl: publicBase,
    screenConfig,
    hid: deps.hid,
    devices: () => site.devices,
  });
  hardwareReady = hardware;

  app.addHook('onClose', async () => {
    await hardware.stop();
    await outboxWorker?.stop();
    await backups.stop();
    detachAdminStatus();
    detach();
    hall.stop();
    weeklyReports.stop();
    await reports.close();
    db.close();
  });
  await app.ready();
  return { app, hall, auth, db, backups, settings, firstPasswords, close: () => app.close() };
}
