import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { SiteConfig } from './config/site-config-schema.js';
import { toHallConfig } from './config/to-hall-config.js';
import type { Clock, IdSource } from './core/ports.js';
import { ErrorEnvelope } from './http/envelope-schemas.js';
import { registerErrorEnvelope } from './http/error-envelope.js';
import { registerOpenApi } from './http/openapi.js';
import { registerAuthRoutes } from './http/routes/auth.js';
import { registerCommandRoutes } from './http/routes/commands.js';
import { registerHallRoutes } from './http/routes/hall.js';
import { registerHealthRoute } from './http/routes/health.js';
import { registerLandingRoute } from './http/routes/landing.js';
import { registerScreenConfigRoute } from './http/routes/screen-config.js';
import { registerDossierRoutes } from './http/routes/dossiers.js';
import { localDossierSource } from './services/dossier-status-source.js';
import { dossiersRepository } from './storage/repositories/dossiers.js';
import { registerScreens } from './http/screens.js';
import { attachHallSocket } from './realtime/hall-socket.js';
import { socketPlugin } from './realtime/socket-plugin.js';
import { AuthService, type ScreenDeviceKey } from './services/auth-service.js';
import { HallService } from './services/hall-service.js';
import type { ScreenKind } from './services/principal.js';
import { openDatabase, type Db } from './storage/db.js';
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
}

export interface Hub {
  readonly app: FastifyInstance;
  readonly hall: HallService;
  readonly auth: AuthService;
  readonly db: Db;
  /** First passwords given to accounts that had none: shown once on the console, never stored in clear. */
  readonly firstPasswords: readonly { username: string; password: string }[];
  close(): Promise<void>;
}

const SCREEN_KINDS: readonly string[] = ['kiosk', 'display', 'counter-screen', 'survey'];

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
  };
  const hallConfig = toHallConfig(deps.site);
  const mirror = configMirror(db);
  mirror.syncQueues(hallConfig.queues);
  repos.counters.syncDefinitions(hallConfig.counters);
  mirror.syncDevices(
    deps.site.devices.map((d) => ({
      id: d.id,
      kind: d.kind,
      name: d.name,
      model: d.model ?? null,
      link: d.link ?? null,
      counterId: d.counterId ?? null,
    })),
  );
  const withoutPassword = repos.officers.sync(
    deps.site.officers.map((o) => ({
      id: o.id,
      username: o.username,
      name: o.name,
      role: o.role,
      disabled: o.disabled ?? false,
    })),
  );

  const deviceKeys: ScreenDeviceKey[] = deps.site.devices
    .filter((d) => SCREEN_KINDS.includes(d.kind) && typeof d.key === 'string')
    .map((d) => ({ id: d.id, kind: d.kind as ScreenKind, key: d.key as string, counterId: d.counterId ?? null }));
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
    // Unknown properties are refused rather than silently dropped, and nothing is coerced: a
    // counter id sent as a number is a client bug to report, not to paper over.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: true } },
  });
  const hall = new HallService({
    db,
    repos,
    clock: deps.clock,
    ids: deps.ids,
    logger: app.log,
    config: hallConfig,
    officerNames: () => repos.officers.names(),
  });
  hall.start();

  app.addSchema(ErrorEnvelope);
  registerErrorEnvelope(app);
  await registerOpenApi(app);
  await app.register(socketPlugin, { maxHttpBufferSize: 64 * 1024, serveClient: false });
  const startedAt = Date.now();
  registerHealthRoute(app, { db, hall, startedAt, clients: () => app.io.engine.clientsCount });
  registerLandingRoute(app, { officeName: () => deps.site.office.name });
  registerAuthRoutes(app, { auth });
  registerScreenConfigRoute(app, {
    auth,
    screenConfig: () => ({
      office: { name: deps.site.office.name, nameEn: deps.site.office.nameEn, parentAuthority: deps.site.office.parentAuthority },
      priorityClasses: deps.site.priority.classes.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn })),
      kioskIdleSeconds: 60,
      resultQueueId: deps.site.resultQueueId ?? null,
    }),
  });
  registerDossierRoutes(app, { auth, source: localDossierSource(repos.dossiers), clock: deps.clock });
  await registerScreens(app, deps.webRoot);
  registerHallRoutes(app, { hall, auth });
  registerCommandRoutes(app, { hall, auth });
  const detach = attachHallSocket(app.io, { hall, auth, logger: app.log });

  app.addHook('onClose', async () => {
    detach();
    hall.stop();
    db.close();
  });
  await app.ready();
  return { app, hall, auth, db, firstPasswords, close: () => app.close() };
}
