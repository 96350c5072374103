import { createHash } from 'node:crypto';
import type { ConfigError } from '../config/config-error.js';
import { normalizeText } from '../config/load-site-config.js';
import { restartNeeded } from '../config/restart-paths.js';
import { settingsDiff } from '../config/settings-diff.js';
import type { SiteConfig } from '../config/site-config-schema.js';
import { validateSiteConfig } from '../config/validate-site-config.js';
import type { Clock } from '../core/ports.js';
import type { AuditChange, AuditLogRepository } from '../storage/repositories/audit-log.js';
import type { Logger } from './logger.js';

export type SaveSettings =
  | {
      readonly ok: true;
      readonly revision: string;
      readonly changed: readonly string[];
      readonly restartNeeded: readonly string[];
      readonly newPasswords: readonly { username: string; password: string }[];
    }
  | { readonly ok: false; readonly code: 'SETTINGS_INVALID'; readonly errors: readonly ConfigError[] }
  | { readonly ok: false; readonly code: 'SETTINGS_STALE' };

export interface SiteSettingsDeps {
  readonly initial: SiteConfig;
  /** Where the settings are kept (site.yaml); null keeps changes in memory only (a hub without a file). */
  readonly persist: ((config: SiteConfig) => Promise<void>) | null;
  readonly audit: AuditLogRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Problems the running hall has with the new settings (an open counter removed…); none means go. */
  readonly inUse: (next: SiteConfig) => readonly ConfigError[];
  /** Puts the new settings to work; returns first passwords given to officers added. */
  readonly apply: (next: SiteConfig, before: SiteConfig) => Promise<readonly { username: string; password: string }[]>;
}

export interface Editor {
  readonly officerId: string;
  readonly name: string;
}

/**
 * The hall's settings while it runs: one current version with a revision (a hash of it), changed
 * only as a whole. A save is checked whole (schema, cross-setting rules, and what the running hall
 * has in use), written to the file, recorded in the audit log and applied, in that order: a file that
 * cannot be written changes nothing, and the file never holds settings the hub refused. Saves are
 * queued one after another, so two admins saving at once cannot interleave.
 */
export class SiteSettings {
  private config: SiteConfig;
  private readonly started: SiteConfig;
  private rev: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SiteSettingsDeps) {
    this.config = deps.initial;
    this.started = deps.initial;
    this.rev = revisionOf(deps.initial);
  }

  current(): SiteConfig {
    return this.config;
  }

  revision(): string {
    return this.rev;
  }

  /** Settings changed since the hub started that only take effect after a restart. */
  restartPending(): string[] {
    return restartNeeded(settingsDiff(this.started, this.config), this.started, this.config);
  }

  save(input: unknown, revision: string, editor: Editor): Promise<SaveSettings> {
    const run = this.queue.then(() => this.saveNow(input, revision, editor));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async saveNow(input: unknown, revision: string, editor: Editor): Promise<SaveSettings> {
    if (revision !== this.rev) return { ok: false, code: 'SETTINGS_STALE' };
    const checked = validateSiteConfig(normalizeText(input));
    if (!checked.ok) return { ok: false, code: 'SETTINGS_INVALID', errors: checked.errors };
    const next = checked.config;
    const inUse = this.deps.inUse(next);
    if (inUse.length > 0) return { ok: false, code: 'SETTINGS_INVALID', errors: inUse };
    const before = this.config;
    const changes = settingsDiff(before, next);
    if (changes.length === 0) return { ok: true, revision: this.rev, changed: [], restartNeeded: [], newPasswords: [] };
    await this.deps.persist?.(next);
    this.deps.audit.append({
      at: this.deps.clock.now(),
      actor: `officer:${editor.officerId}`,
      actorName: editor.name,
      action: 'settings:saved',
      summary: summaryOf(changes),
      changes,
    });
    this.config = next;
    this.rev = revisionOf(next);
    const newPasswords = await this.deps.apply(next, before);
    const restart = restartNeeded(changes, before, next);
    this.deps.logger.info({ by: editor.officerId, changed: changes.length, restart }, 'site settings saved');
    return { ok: true, revision: this.rev, changed: changes.map((c) => c.path), restartNeeded: restart, newPasswords };
  }
}

export function revisionOf(config: SiteConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
}

/** "counters, queues changed (3 changes)": the list line; the changes themselves are in the entry. */
function summaryOf(changes: readonly AuditChange[]): string {
  const areas = [...new Set(changes.map((c) => c.path.split('/')[1] ?? ''))].filter(Boolean);
  return `Settings changed: ${areas.join(', ')} (${changes.length} change${changes.length === 1 ? '' : 's'})`;
}
