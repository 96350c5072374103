import type { CommandInput } from '../../../common/contract/commands.js';
import { appointmentFor } from '../../../common/dossier/appointment.js';
import type { DossierRecord } from '../../../common/dossier/dossier-record.js';
import { checkIdNumber } from '../../../common/dossier/id-number.js';
import { vnDate } from '../../../common/time/vn-time.js';
import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallState } from '../hall-state.js';
import { actingCounter } from './counter-guard.js';

/** What the hub adds to the officer's input before deciding: the procedure as the catalogue has it. */
export interface ProcedureFacts {
  readonly code: string;
  readonly name: string;
  readonly fieldName: string | null;
  /** "N ngày làm việc" for direct submission, when the catalogue says. */
  readonly workingDays: number | null;
}

/** The officer's input, with what the hub looked up added (absent: not looked up, so not known). */
export type ReceiveDossierInput = Omit<CommandInput<'dossier:receive'>, 'commandId'> & {
  readonly procedure?: ProcedureFacts | null;
  readonly officerName?: string | null;
};

const MAX_SEQUENCE = 9999;

/**
 * Receives a dossier at a counter: the officer must be serving there, the ticket (if named) must be
 * the one at the counter, the procedure known and its time allowed known (from the catalogue or the
 * officer), the applicant's identity number well formed. The code is the agency's, the calendar day
 * received and the day's next sequence number (DESIGN.md section 5), so it never repeats: the last
 * number is part of the state, kept across restarts. The appointment is counted in working days.
 */
export function receiveDossier(
  state: HallState,
  input: ReceiveDossierInput,
  ctx: DecideContext,
): Decision<{ record: DossierRecord }> {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open-or-paused');
  if (!guard.ok) return guard;
  if (input.ticketId) {
    const t = state.tickets.get(input.ticketId);
    if (!t) return refuse('TICKET_NOT_FOUND');
    if (guard.runtime.currentTicketId !== t.id) return refuse('TICKET_STATE_CONFLICT');
  }
  if (!input.procedure) return refuse('PROCEDURE_NOT_FOUND');
  const workingDays = input.workingDays ?? input.procedure.workingDays;
  if (workingDays === null || workingDays === undefined) return refuse('PROCEDURE_TIME_UNKNOWN');
  const id = checkIdNumber(input.applicant.idNumber);
  if (!id.ok) return refuse('ID_NUMBER_INVALID');

  const day = vnDate(ctx.now);
  const sequence = state.lastDossier?.day === day ? state.lastDossier.sequence + 1 : 1;
  if (sequence > MAX_SEQUENCE) return refuse('DOSSIER_SEQUENCE_EXHAUSTED');
  const { agencyCode, calendar } = state.config.dossier;
  const code = `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(sequence).padStart(4, '0')}`;
  const { appointmentAt } = appointmentFor(ctx.now, workingDays, calendar);
  const record: DossierRecord = {
    code,
    receivedAt: ctx.now,
    appointmentAt,
    procedure: { code: input.procedure.code, name: input.procedure.name, fieldName: input.procedure.fieldName },
    workingDays,
    applicant: {
      name: input.applicant.name.trim(),
      idNumber: id.value,
      address: input.applicant.address ?? null,
      phone: input.applicant.phone ?? null,
      email: input.applicant.email ?? null,
    },
    documents: input.documents.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies })),
    dossierSets: input.dossierSets,
    channel: input.channel,
    resultDelivery: input.resultDelivery,
    agencyCode,
    officerName: input.officerName ?? null,
    secret: secretFrom(ctx.newId()),
  };
  return accept(
    [
      {
        type: 'dossier:received',
        at: ctx.now,
        code,
        day,
        sequence,
        ticketId: input.ticketId ?? null,
        counterId: input.counterId,
        officerId: guard.runtime.officerId,
        procedureCode: input.procedure.code,
        appointmentAt,
        record,
      },
    ],
    { record },
  );
}

/** Six digits from a fresh id: easy to read off a receipt and type on a kiosk's keypad. */
function secretFrom(id: string): string {
  let h = 0;
  for (const c of id) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return String(h % 1_000_000).padStart(6, '0');
}
