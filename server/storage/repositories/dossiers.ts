import type { DossierStatusCode } from '../../../common/dossier/dossier-status.js';
import type { Db } from '../db.js';

export interface DossierStatusRecord {
  readonly code: string;
  readonly procedureCode: string | null;
  readonly status: DossierStatusCode;
  readonly receivedAt: number | null;
  readonly appointmentAt: number | null;
  readonly finishedAt: number | null;
  readonly updatedAt: number;
}

export interface DossiersRepository {
  find(code: string): DossierStatusRecord | undefined;
  upsert(d: DossierStatusRecord): void;
}

export function dossiersRepository(db: Db): DossiersRepository {
  const find = db.prepare('SELECT * FROM dossiers WHERE code = ?');
  const upsert =
    db.prepare(`INSERT INTO dossiers (code, procedure_code, status, received_at, appointment_at, finished_at, updated_at)
    VALUES (@code, @procedureCode, @status, @receivedAt, @appointmentAt, @finishedAt, @updatedAt)
    ON CONFLICT (code) DO UPDATE SET procedure_code = excluded.procedure_code, status = excluded.status,
      received_at = excluded.received_at, appointment_at = excluded.appointment_at, finished_at = excluded.finished_at,
      updated_at = excluded.updated_at`);
  return {
    find(code) {
      const r = find.get(code) as
        | {
            code: string;
            procedure_code: string | null;
            status: number;
            received_at: number | null;
            appointment_at: number | null;
            finished_at: number | null;
            updated_at: number;
          }
        | undefined;
      return (
        r && {
          code: r.code,
          procedureCode: r.procedure_code,
          status: r.status as DossierStatusCode,
          receivedAt: r.received_at,
          appointmentAt: r.appointment_at,
          finishedAt: r.finished_at,
          updatedAt: r.updated_at,
        }
      );
    },
    upsert: (d) => void upsert.run(d),
  };
}
