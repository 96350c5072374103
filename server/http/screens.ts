import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The screens the hub serves: each URL path (fixed, DESIGN.md section 10) and the folder Vite builds
 * it into. counter-display holds three pages: the hall TV, the officer console and, under it, the
 * counter's own screen (/counter/screen/).
 */
export const SCREENS: readonly { readonly path: string; readonly folder: string }[] = [
  { path: '/kiosk/', folder: 'kiosk' },
  { path: '/display/', folder: 'counter-display/display' },
  { path: '/counter/', folder: 'counter-display/counter' },
  { path: '/survey/', folder: 'survey-terminal' },
  { path: '/admin/', folder: 'admin' },
];

/**
 * Serves the built pages and their shared /assets/. Pages are optional so the API runs without a
 * front-end build (tests, a headless hub); a missing page answers 404 through the usual envelope.
 */
export async function registerScreens(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  if (!webRoot || !existsSync(webRoot)) return;
  let decorated = false;
  const serve = async (prefix: string, root: string) => {
    if (!existsSync(root)) return;
    await app.register(fastifyStatic, { root, prefix, decorateReply: !decorated, index: ['index.html'], redirect: true });
    decorated = true;
  };
  await serve('/assets/', join(webRoot, 'assets'));
  for (const screen of SCREENS) await serve(screen.path, join(webRoot, screen.folder));
}
