import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The screens the hub serves, each a page built by Vite under its fixed path (DESIGN.md section 10). */
export const SCREENS = ['kiosk'] as const;

/**
 * Serves the built pages: /kiosk/ and its siblings, and their shared /assets/. Pages are optional so
 * the API runs without a front-end build (tests, a headless hub); a missing page answers 404 through
 * the usual envelope.
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
  for (const screen of SCREENS) await serve(`/${screen}/`, join(webRoot, screen));
}
