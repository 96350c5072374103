import type { Procedure } from '../../common/catalogue/procedure-schema.js';
import type { CatalogueRow } from './catalogue-csv.js';
import { cleanProcedureName, mentionsCommuneLevel, mergeProcedure } from './merge-procedure.js';
import type { UploadRecord } from './upload-json.js';

/** The catalogue as the hub holds it, as far as a comparison needs. */
export interface KnownCatalogue {
  codes(): readonly string[];
  get(code: string): Procedure | undefined;
}

export interface FieldChange {
  /** The procedure's key: name, field, implementingAgency, documents… */
  readonly key: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface ProcedureSample {
  readonly code: string;
  readonly name: string;
  readonly field: string | null;
  /** For a changed procedure: what changed. */
  readonly changes?: readonly FieldChange[];
}

export interface CatalogueDiff {
  /** What an import writes: every added and changed procedure, whole. */
  readonly upserts: readonly Procedure[];
  readonly added: readonly ProcedureSample[];
  readonly changed: readonly ProcedureSample[];
  readonly unchanged: number;
  /** Codes the hub knows that the file does not have; an import keeps them. */
  readonly notInFile: readonly string[];
}

/**
 * A catalogue row laid over the procedure the hub has: the columns of the row replace what they
 * say, an empty cell keeps what is known (an import never deletes), and the rest of the record
 * (documents, steps, fees) stays. New codes become procedures of their row alone, as at first start.
 */
export function diffRows(rows: readonly CatalogueRow[], known: KnownCatalogue): CatalogueDiff {
  return diff(
    rows.map((r) => r.code),
    known,
    (i, old) => {
      const row = rows[i] as CatalogueRow;
      return old ? withRow(old, row) : mergeProcedure(row.code, row, null);
    },
    ROW_KEYS,
  );
}

/** Full records replace what the hub knows of a procedure, except the catalogue's own columns they lack. */
export function diffRecords(records: readonly UploadRecord[], known: KnownCatalogue): CatalogueDiff {
  return diff(
    records.map((r) => r.procedure.code),
    known,
    (i, old) => {
      const p = (records[i] as UploadRecord).procedure;
      return old ? withRecord(old, p) : p;
    },
  );
}

/** What a row can change; the rest of a known procedure is carried over as it is. */
const ROW_KEYS: readonly (keyof Procedure)[] = [
  'name',
  'field',
  'issuingAgency',
  'implementingAgency',
  'portalUrl',
  'communeLevel',
];

function diff(
  codes: readonly string[],
  known: KnownCatalogue,
  next: (i: number, old: Procedure | undefined) => Procedure,
  keys?: readonly (keyof Procedure)[],
): CatalogueDiff {
  const upserts: Procedure[] = [];
  const added: ProcedureSample[] = [];
  const changed: ProcedureSample[] = [];
  let unchanged = 0;
  codes.forEach((code, i) => {
    const old = known.get(code);
    const p = next(i, old);
    if (!old) {
      upserts.push(p);
      added.push({ code, name: p.name, field: p.field });
      return;
    }
    const changes = changesOf(old, p, keys ?? (Object.keys(p) as (keyof Procedure)[]));
    if (changes.length === 0) unchanged++;
    else {
      upserts.push(p);
      changed.push({ code, name: p.name, field: p.field, changes });
    }
  });
  const inFile = new Set(codes);
  return { upserts, added, changed, unchanged, notInFile: known.codes().filter((c) => !inFile.has(c)) };
}

function withRow(old: Procedure, row: CatalogueRow): Procedure {
  const implementingAgency = row.implementingAgency ?? old.implementingAgency;
  return {
    ...old,
    name: cleanProcedureName(row.name),
    field: row.field ?? old.field,
    issuingAgency: row.issuingAgency ?? old.issuingAgency,
    implementingAgency,
    portalUrl: row.url ?? old.portalUrl,
    // Recomputed only when the agency changed: the record's own agency section, which also counts,
    // is not kept apart in the stored procedure.
    communeLevel:
      implementingAgency === old.implementingAgency
        ? old.communeLevel
        : old.levels.some((l) => mentionsCommuneLevel(l)) || mentionsCommuneLevel(implementingAgency),
  };
}

function withRecord(old: Procedure, p: Procedure): Procedure {
  const merged = {
    ...p,
    field: p.field ?? old.field,
    issuingAgency: p.issuingAgency ?? old.issuingAgency,
    implementingAgency: p.implementingAgency ?? old.implementingAgency,
    portalUrl: p.portalUrl ?? old.portalUrl,
  };
  return {
    ...merged,
    communeLevel:
      p.levels.some((l) => mentionsCommuneLevel(l)) ||
      mentionsCommuneLevel(merged.implementingAgency) ||
      (p.levels.length === 0 && old.communeLevel),
  };
}

function changesOf(old: Procedure, p: Procedure, keys: readonly (keyof Procedure)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of keys) {
    const a = JSON.stringify(old[key] ?? null);
    const b = JSON.stringify(p[key] ?? null);
    if (a !== b) out.push({ key, before: shown(old[key]), after: shown(p[key]) });
  }
  return out;
}

const MAX_SHOWN = 300;

/** A value as a line of text for the preview table, cut short: the import writes it whole. */
function shown(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s =
    typeof v === 'string'
      ? v
      : Array.isArray(v) && v.every((x) => typeof x === 'string')
        ? v.join('; ')
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s;
}
