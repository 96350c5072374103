import type { Procedure } from '../../common/catalogue/procedure-schema.js';
import type { ProcedureFacts } from '../core/commands/receive-dossier.js';
import type { Principal } from './principal.js';

/**
 * What the core needs of the catalogue to receive a dossier: the procedure's name and field, and
 * its time allowed for direct submission in working days. A time given only in calendar days or in
 * words is left unknown: the officer enters it rather than the hub guessing an appointment.
 */
export function procedureFacts(p: Procedure | undefined): ProcedureFacts | null {
  if (!p) return null;
  const direct = p.channels.find((c) => c.channel === 'truc-tiep' && c.workingDays !== null);
  const any = direct ?? p.channels.find((c) => c.workingDays !== null);
  return { code: p.code, name: p.name, fieldName: p.field, workingDays: any?.workingDays ?? null };
}

/** Adds the procedure and the receiving officer's name to a dossier:receive input. */
export function enrichDossierInput(
  input: Record<string, unknown>,
  principal: Principal,
  catalogue: { get(code: string): Procedure | undefined },
): Record<string, unknown> {
  const code = typeof input['procedureCode'] === 'string' ? input['procedureCode'] : '';
  return {
    ...input,
    procedure: procedureFacts(catalogue.get(code)),
    officerName: principal.kind === 'officer' ? principal.name : null,
  };
}
