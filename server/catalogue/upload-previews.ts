import type { Clock } from '../core/ports.js';
import type { ReadUpload } from './upload-catalogue.js';

export const PREVIEW_TTL_MS = 15 * 60_000;

export interface StoredPreview {
  readonly id: string;
  readonly fileName: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly upload: ReadUpload;
}

/**
 * The one catalogue preview a hub keeps, in memory, for 15 minutes: an import applies exactly what
 * its preview showed, not the file read again. A new preview replaces the last (two admins at once
 * would otherwise import each other's file); an import drops it, so it applies once.
 */
export class CataloguePreviews {
  private current: StoredPreview | null = null;

  constructor(private readonly deps: { clock: Clock; newId: () => string; ttlMs?: number }) {}

  put(p: Omit<StoredPreview, 'id' | 'createdAt' | 'expiresAt'>): StoredPreview {
    const now = this.deps.clock.now();
    this.current = { ...p, id: this.deps.newId(), createdAt: now, expiresAt: now + (this.deps.ttlMs ?? PREVIEW_TTL_MS) };
    return this.current;
  }

  /** The preview with this id; null when unknown, replaced or expired. */
  get(id: string): StoredPreview | null {
    const p = this.current;
    if (!p || p.id !== id) return null;
    if (p.expiresAt <= this.deps.clock.now()) {
      this.current = null;
      return null;
    }
    return p;
  }

  /** Forgets the preview once imported, so it applies once. */
  drop(id: string): void {
    if (this.current?.id === id) this.current = null;
  }
}
