import type { DossierStatusRecord, DossiersRepository } from '../storage/repositories/dossiers.js';

/**
 * Where the kiosk learns a dossier's status. Today the hall's own table; the province system's
 * client (TraCuuHoSo) will implement the same interface, with this table as its last-known cache.
 */
export interface DossierStatusSource {
  readonly name: string;
  lookup(code: string): Promise<DossierStatusRecord | null>;
}

export function localDossierSource(repo: DossiersRepository): DossierStatusSource {
  return { name: 'local', lookup: async (code) => repo.find(code) ?? null };
}
