import { Value } from '@sinclair/typebox/value';
import type { ConfigError } from './config-error.js';
import { schemaErrors } from './schema-errors.js';
import { siteConfigRules } from './site-config-rules.js';
import { SiteConfigSchema, type SiteConfig } from './site-config-schema.js';

export type SiteConfigValidation =
  { readonly ok: true; readonly config: SiteConfig } | { readonly ok: false; readonly errors: ConfigError[] };

/**
 * Checks a site config and reports every problem at once (schema errors first, then the whole-config
 * rules), so a clerk fixing a file by hand gets the full list in one go rather than one error per try.
 * Pure: it reads `input` and never changes it (no defaults filled, nothing stripped); on success the
 * config is a copy, so later edits to the caller's object cannot change the hub's settings.
 */
export function validateSiteConfig(input: unknown): SiteConfigValidation {
  const errors = [...schemaErrors(SiteConfigSchema, input), ...siteConfigRules(input)];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: Value.Clone(input as SiteConfig) };
}
