import { expect } from 'vitest';
import type { ConfigError } from '../../../server/config/config-error.js';
import { demoSiteConfig } from '../../../server/config/demo-office.js';
import type { SiteConfig } from '../../../server/config/site-config-schema.js';
import type { SiteConfigValidation } from '../../../server/config/validate-site-config.js';

/** Deterministic keys, so two demo configs are equal and failures are reproducible. */
export function keyMaker(): () => string {
  let n = 0;
  return () => `test-device-key-${String(++n).padStart(12, '0')}`;
}

/** A fresh, valid config to break in one test without touching another test's copy. */
export function demo(): SiteConfig {
  return demoSiteConfig(keyMaker());
}

export function errorsOf(result: SiteConfigValidation): ConfigError[] {
  if (result.ok) throw new Error('expected the config to be refused, but it was accepted');
  return result.errors;
}

/** Asserts an error at exactly `path` whose message matches `message`. */
export function expectError(errors: readonly ConfigError[], path: string, message: RegExp): void {
  const hit = errors.find((e) => e.path === path && message.test(e.message));
  expect(hit, `no error at ${path} matching ${message}; got ${JSON.stringify(errors, null, 1)}`).toBeDefined();
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Sets the value at a JSON pointer, for breaking a config in ways its type forbids. */
export function setAt(root: unknown, pointer: string, value: unknown): void {
  const { parent, key } = parentOf(root, pointer);
  parent[key] = value;
}

export function deleteAt(root: unknown, pointer: string): void {
  const { parent, key } = parentOf(root, pointer);
  delete parent[key];
}

function parentOf(root: unknown, pointer: string): { parent: Record<string, unknown>; key: string } {
  const keys = pointer.split('/').slice(1);
  const key = keys.pop();
  let node = root;
  for (const k of keys) node = (node as Record<string, unknown>)[k];
  if (key === undefined || typeof node !== 'object' || node === null) throw new Error(`no parent for ${pointer}`);
  return { parent: node as Record<string, unknown>, key };
}
